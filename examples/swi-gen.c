/*
 * swi-gen: writes a synthetic, rule-valid SWI delivery for testing
 * (swi_generate(), doc/fixtures.md). The BSNs are generated numbers that
 * pass the 11-test; nothing in the file is real data.
 *
 *   swi-gen --year JJJJ --quarter K [--persons N] [--seed S] [--gemeente CODE]
 *           [--berichtgever CODE] [--asiel-percent P] [--zroute-percent P]
 *           [--movers-percent P] [--no-pips] [--no-talks] [--no-fines]
 *           [--clean] [--full] [--zip] UITVOERMAP
 *
 * Writes SWI_[berichtgever]_[gemeente]_[jjjj][k].XML (or .zip) into
 * UITVOERMAP and prints its path; "-" writes the file to standard output.
 * The same options and seed give the same bytes on every platform.
 * Exit codes: see doc/swi-gen.1.scd.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <swi/swi.h>

#include "tool.h"

enum {
	OPT_BERICHTGEVER = TOOL_LONG_ONLY,
	OPT_ASIEL,
	OPT_ZROUTE,
	OPT_MOVERS,
	OPT_NO_PIPS,
	OPT_NO_TALKS,
	OPT_NO_FINES,
	OPT_CLEAN,
	OPT_FULL,
	OPT_ZIP,
};

/* One entry here and one case in main() per option; --help is made from it. */
static const struct tool_option options[] = {
	{"year", 'y', "JJJJ", "statistiekjaar, vanaf 2022 (verplicht)"},
	{"quarter", 'q', "K", "statistiekkwartaal 1-4 (verplicht)"},
	{"persons", 'n', "N", "aantal personen (standaard 100)"},
	{"seed", 's', "S", "seed van de toevalsgenerator (standaard 1)"},
	{"gemeente", 'g', "CODE", "gemeentecode (standaard 0153)"},
	{"berichtgever", OPT_BERICHTGEVER, "CODE", "berichtgevercode (standaard de gemeentecode)"},
	{"asiel-percent", OPT_ASIEL, "P", "aandeel asielstatushouders in procent (standaard 55)"},
	{"zroute-percent", OPT_ZROUTE, "P",
	 "aandeel Z-route onder wie een PIP heeft (standaard alle routes)"},
	{"movers-percent", OPT_MOVERS, "P", "aandeel verhuisd in het kwartaal (standaard ca. 5)"},
	{"no-pips", OPT_NO_PIPS, NULL, "geen PIP's (en dus geen leerroute-, MAP- en Z-kenmerken)"},
	{"no-talks", OPT_NO_TALKS, NULL, "geen voortgangsgesprekken"},
	{"no-fines", OPT_NO_FINES, NULL, "geen boetes"},
	{"clean", OPT_CLEAN, NULL, "geen waarschuwingen (standaard realistisch, met enkele)"},
	{"full", OPT_FULL, NULL, "elk kenmerk dat op een persoon van toepassing is"},
	{"zip", OPT_ZIP, NULL, "schrijf een zip-bestand met het XML-bestand erin"},
	TOOL_OPTIONS_HELP_VERSION("swi-gen"),
};

TOOL_OPTIONS_FIT(options);

static struct tool tool = {
	.name = "swi-gen",
	.synopsis = "--year JJJJ --quarter K [OPTIE]... UITVOERMAP",
	.about = "Schrijft een synthetische SWI-levering om mee te testen: zonder fouten volgens\n"
		 "de regels van de richtlijn, met gegenereerde BSN's (11-proef; geen echte\n"
		 "gegevens). Dezelfde opties en seed geven op elk platform dezelfde bytes.",
	.operands = "Het bestand komt onder zijn naam volgens de richtlijn in UITVOERMAP; het pad\n"
		    "verschijnt op de standaarduitvoer. - schrijft het bestand naar de\n"
		    "standaarduitvoer.",
	.exits = "  0   geschreven\n"
		 "  64  verkeerd gebruik: onbekende optie, ongeldige waarde, een gemeentecode\n"
		 "      die niet in de CBS-lijst van het jaar staat\n"
		 "  66  een gemeentelijst (SWI_GEMEENTEN_DIR, share/libswi) is onleesbaar of\n"
		 "      misvormd\n"
		 "  69  --zip, maar libswi is zonder zip gebouwd\n"
		 "  70  onvoldoende geheugen of interne fout\n"
		 "  73  het bestand kan niet in UITVOERMAP worden aangemaakt\n"
		 "  74  schrijven naar de standaarduitvoer mislukt\n",
	.options = options,
	.n_options = sizeof(options) / sizeof(options[0]),
};

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Sets a numeric option from its text; TOOL_USAGE with a message if refused. */
static int set_number(swi_generator *g, int option, const char *name, const char *text)
{
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (*text == '\0' || *end != '\0' || errno)
		return tool_usage_error(&tool, "--%s: '%s' is geen geheel getal", name, text);
	if (swi_generator_set(g, option, v) != SWI_OK)
		return tool_usage_error(&tool, "--%s: %s", name, swi_generator_last_message(g));
	return TOOL_CLEAN;
}

static int run(swi_generator *g, int argc, char **argv)
{
	unsigned flags = 0;
	int have_year = 0, have_quarter = 0, c, rc;
	const char *arg;
	while ((c = tool_next(&tool, argc, argv, &arg)) != -1) {
		rc = TOOL_CLEAN;
		switch (c) {
		case 'y':
			have_year = 1;
			rc = set_number(g, SWI_GEN_YEAR, "year", arg);
			break;
		case 'q':
			have_quarter = 1;
			rc = set_number(g, SWI_GEN_QUARTER, "quarter", arg);
			break;
		case 'n': rc = set_number(g, SWI_GEN_PERSONS, "persons", arg); break;
		case 's': rc = set_number(g, SWI_GEN_SEED, "seed", arg); break;
		case 'g': rc = set_number(g, SWI_GEN_GEMEENTE, "gemeente", arg); break;
		case OPT_BERICHTGEVER: rc = set_number(g, SWI_GEN_BERICHTGEVER, "berichtgever", arg); break;
		case OPT_ASIEL: rc = set_number(g, SWI_GEN_ASIEL_PERCENT, "asiel-percent", arg); break;
		case OPT_ZROUTE: rc = set_number(g, SWI_GEN_ZROUTE_PERCENT, "zroute-percent", arg); break;
		case OPT_MOVERS: rc = set_number(g, SWI_GEN_MOVERS_PERCENT, "movers-percent", arg); break;
		case OPT_NO_PIPS: swi_generator_set(g, SWI_GEN_PIPS, 0); break;
		case OPT_NO_TALKS: swi_generator_set(g, SWI_GEN_TALKS, 0); break;
		case OPT_NO_FINES: swi_generator_set(g, SWI_GEN_FINES, 0); break;
		case OPT_CLEAN: swi_generator_set(g, SWI_GEN_CLEAN, 1); break;
		case OPT_FULL: swi_generator_set(g, SWI_GEN_FULL, 1); break;
		case OPT_ZIP: flags |= SWI_WRITE_ZIP; break;
		case 'h': tool_help(&tool); return TOOL_CLEAN;
		case 'V': tool_version(&tool); return TOOL_CLEAN;
		default: return TOOL_USAGE;
		}
		if (rc != TOOL_CLEAN)
			return rc;
	}
	if (!have_year || !have_quarter)
		return tool_usage_error(&tool, "--year en --quarter zijn verplicht");
	if (optind >= argc)
		return tool_usage_error(&tool, "UITVOERMAP ontbreekt");
	const char *outdir = argv[optind++];
	if (optind < argc)
		return tool_usage_error(&tool, "een uitvoermap tegelijk; te veel: %s", argv[optind]);
	const int to_stdout = strcmp(outdir, "-") == 0;
	errno = 0;
	if (!to_stdout && (!is_dir(outdir) || access(outdir, W_OK | X_OK) != 0)) {
		fprintf(stderr, "swi-gen: %s: %s\n", outdir, errno ? strerror(errno) : "geen map");
		return TOOL_CANTCREAT;
	}

	swi_delivery *d;
	rc = swi_generate(&d, g);
	if (rc != SWI_OK) {
		fprintf(stderr, "swi-gen: %s\n", swi_generator_last_message(g));
		return rc == SWI_ECODE ? TOOL_USAGE : tool_exit_for(rc);
	}
	char path[4096];
	rc = to_stdout ? swi_delivery_write_fd(d, flags, STDOUT_FILENO)
		       : swi_delivery_write_dir(d, flags, outdir, path, sizeof(path));
	if (rc != SWI_OK) {
		fprintf(stderr, "swi-gen: niet geschreven: %s\n", swi_delivery_last_message(d));
		swi_delivery_free(d);
		if (rc == SWI_EIO)
			return to_stdout ? TOOL_IOERR : TOOL_CANTCREAT;
		return tool_exit_for(rc);
	}
	swi_delivery_free(d);
	if (!to_stdout && (printf("%s\n", path) < 0 || fflush(stdout) != 0))
		return TOOL_IOERR;
	return TOOL_CLEAN;
}

int main(int argc, char **argv)
{
	swi_generator *g;
	if (swi_generator_new(&g) != SWI_OK) {
		fprintf(stderr, "swi-gen: onvoldoende geheugen\n");
		return TOOL_SOFTWARE;
	}
	int rc = run(g, argc, argv);
	swi_generator_free(g);
	return rc;
}
