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
 * UITVOERMAP and prints its path. The same options and seed give the same
 * bytes on every platform.
 *
 * Exit status (sysexits): 0 written; 64 usage (an unknown option, a value
 * out of range, a gemeentecode not in the year's list); 66 a municipality
 * list file could not be read; 73 the file could not be written; 70 any
 * other failure (out of memory).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

enum {
	EXIT_USAGE = 64,
	EXIT_NOINPUT = 66,
	EXIT_SOFTWARE = 70,
	EXIT_CANTCREAT = 73,
};

static const char usage_text[] =
	"gebruik: swi-gen --year JJJJ --quarter K [--persons N] [--seed S] [--gemeente CODE]\n"
	"               [--berichtgever CODE] [--asiel-percent P] [--zroute-percent P]\n"
	"               [--movers-percent P] [--no-pips] [--no-talks] [--no-fines]\n"
	"               [--clean] [--full] [--zip] UITVOERMAP\n";

static const char help_text[] =
	"Schrijft een synthetische SWI-levering om mee te testen: geldig volgens\n"
	"de regels van de richtlijn, met gegenereerde BSN's (11-proef; geen echte\n"
	"gegevens). Dezelfde opties en seed geven op elk platform dezelfde bytes.\n"
	"\n"
	"  -y, --year JJJJ           statistiekjaar, vanaf 2022 (verplicht)\n"
	"  -q, --quarter K           kwartaal 1-4 (verplicht)\n"
	"  -n, --persons N           aantal personen (standaard 100)\n"
	"  -s, --seed S              seed van de toevalsgenerator (standaard 1)\n"
	"  -g, --gemeente CODE       gemeentecode (standaard 0153)\n"
	"      --berichtgever CODE   berichtgevercode (standaard de gemeentecode)\n"
	"      --asiel-percent P     aandeel asielstatushouders in procent (standaard 55)\n"
	"      --zroute-percent P    aandeel met de Z-route onder wie een PIP heeft\n"
	"                            (standaard: alle routes, met routewisselingen)\n"
	"      --movers-percent P    aandeel verhuisd in het kwartaal (standaard ca. 5)\n"
	"      --no-pips, --no-talks, --no-fines\n"
	"                            geen PIP's, voortgangsgesprekken of boetes\n"
	"      --clean               geen waarschuwingen (anders realistisch, met enkele)\n"
	"      --full                elk kenmerk dat op een persoon van toepassing is\n"
	"  -z, --zip                 schrijf .zip in plaats van .XML\n"
	"  -h, --help                deze tekst\n"
	"  -V, --version             de versie\n"
	"\n"
	"Het pad van het geschreven bestand komt op de standaarduitvoer.\n"
	"Afsluitcode: 0 geschreven, 64 verkeerd gebruik, 66 gemeentelijst niet\n"
	"leesbaar, 73 niet te schrijven, 70 overig.\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("swi-gen: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}

/* A whole decimal number, or 0 with *ok false. */
static long long number(const char *text, int *ok)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	*ok = *text != '\0' && *end == '\0';
	return v;
}

enum {
	OPT_BERICHTGEVER = 256,
	OPT_ASIEL,
	OPT_ZROUTE,
	OPT_MOVERS,
	OPT_NO_PIPS,
	OPT_NO_TALKS,
	OPT_NO_FINES,
	OPT_CLEAN,
	OPT_FULL,
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"year", required_argument, NULL, 'y'},
		{"quarter", required_argument, NULL, 'q'},
		{"persons", required_argument, NULL, 'n'},
		{"seed", required_argument, NULL, 's'},
		{"gemeente", required_argument, NULL, 'g'},
		{"berichtgever", required_argument, NULL, OPT_BERICHTGEVER},
		{"asiel-percent", required_argument, NULL, OPT_ASIEL},
		{"zroute-percent", required_argument, NULL, OPT_ZROUTE},
		{"movers-percent", required_argument, NULL, OPT_MOVERS},
		{"no-pips", no_argument, NULL, OPT_NO_PIPS},
		{"no-talks", no_argument, NULL, OPT_NO_TALKS},
		{"no-fines", no_argument, NULL, OPT_NO_FINES},
		{"clean", no_argument, NULL, OPT_CLEAN},
		{"full", no_argument, NULL, OPT_FULL},
		{"zip", no_argument, NULL, 'z'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	swi_generator *g;
	if (swi_generator_new(&g) != SWI_OK) {
		fprintf(stderr, "swi-gen: onvoldoende geheugen\n");
		return EXIT_SOFTWARE;
	}
	unsigned flags = 0;
	int have_year = 0, have_quarter = 0, c, status = EXIT_SUCCESS;
	opterr = 0; /* our own messages, in Dutch */
	while (status == EXIT_SUCCESS &&
	       (c = getopt_long(argc, argv, ":y:q:n:s:g:zhV", longopts, NULL)) != -1) {
		int option = 0, ok = 1;
		long long value = 0;
		switch (c) {
		case 'y': option = SWI_GEN_YEAR, have_year = 1; break;
		case 'q': option = SWI_GEN_QUARTER, have_quarter = 1; break;
		case 'n': option = SWI_GEN_PERSONS; break;
		case 's': option = SWI_GEN_SEED; break;
		case 'g': option = SWI_GEN_GEMEENTE; break;
		case OPT_BERICHTGEVER: option = SWI_GEN_BERICHTGEVER; break;
		case OPT_ASIEL: option = SWI_GEN_ASIEL_PERCENT; break;
		case OPT_ZROUTE: option = SWI_GEN_ZROUTE_PERCENT; break;
		case OPT_MOVERS: option = SWI_GEN_MOVERS_PERCENT; break;
		case OPT_NO_PIPS: swi_generator_set(g, SWI_GEN_PIPS, 0); continue;
		case OPT_NO_TALKS: swi_generator_set(g, SWI_GEN_TALKS, 0); continue;
		case OPT_NO_FINES: swi_generator_set(g, SWI_GEN_FINES, 0); continue;
		case OPT_CLEAN: swi_generator_set(g, SWI_GEN_CLEAN, 1); continue;
		case OPT_FULL: swi_generator_set(g, SWI_GEN_FULL, 1); continue;
		case 'z': flags |= SWI_WRITE_ZIP; continue;
		case 'h':
			fputs(usage_text, stdout);
			fputs("\n", stdout);
			fputs(help_text, stdout);
			swi_generator_free(g);
			return EXIT_SUCCESS;
		case 'V':
			printf("swi-gen (libswi %s)\n", swi_version());
			swi_generator_free(g);
			return EXIT_SUCCESS;
		case ':':
			status = usage_error("%s verwacht een waarde", argv[optind - 1]);
			continue;
		default:
			status = usage_error("onbekende optie '%s'", argv[optind - 1]);
			continue;
		}
		value = number(optarg, &ok);
		if (!ok)
			status = usage_error("'%s' is geen geheel getal", optarg);
		else if (swi_generator_set(g, option, value) != SWI_OK)
			status = usage_error("%s", swi_generator_last_message(g));
	}
	if (status == EXIT_SUCCESS && (!have_year || !have_quarter))
		status = usage_error("%s", "--year en --quarter zijn verplicht");
	if (status == EXIT_SUCCESS && optind != argc - 1)
		status = usage_error("%s", optind < argc ? "precies een UITVOERMAP verwacht"
							 : "UITVOERMAP ontbreekt");
	if (status != EXIT_SUCCESS) {
		swi_generator_free(g);
		return status;
	}

	swi_delivery *d;
	int rc = swi_generate(&d, g);
	if (rc != SWI_OK) {
		fprintf(stderr, "swi-gen: %s\n", swi_generator_last_message(g));
		swi_generator_free(g);
		return rc == SWI_ECODE ? EXIT_USAGE
		       : rc == SWI_EIO || rc == SWI_EDATAFILE ? EXIT_NOINPUT
							      : EXIT_SOFTWARE;
	}
	swi_generator_free(g);
	char path[4096];
	rc = swi_delivery_write_dir(d, flags, argv[optind], path, sizeof(path));
	if (rc != SWI_OK) {
		fprintf(stderr, "swi-gen: %s: %s\n", argv[optind], swi_delivery_last_message(d));
		swi_delivery_free(d);
		return rc == SWI_ENOMEM	       ? EXIT_SOFTWARE
		       : rc == SWI_EUNSUPPORTED ? EXIT_USAGE /* --zip in a build without zip */
						: EXIT_CANTCREAT;
	}
	printf("%s\n", path);
	swi_delivery_free(d);
	return EXIT_SUCCESS;
}
