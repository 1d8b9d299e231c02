/*
 * swi-csv: turns CSV exports (one file per record kind, keyed by BSN; see
 * csv-import.h and doc/csv.md) into a checked SWI delivery and writes the
 * file. Without --data it uses the synthetic example data shipped with
 * libswi, which makes it the example of the whole job: build, validate,
 * write. With --export it goes the other way: an SWI file (XML or zip)
 * becomes the same CSV files, so read -> CSV -> build round-trips.
 *
 *   swi-csv [--data MAP] [--separator TEKEN] [--zip] [--force]
 *           [--reference-date DATUM] [--gemeenten CSV]... [UITVOERMAP]
 *   swi-csv --export SWI-BESTAND [--separator TEKEN] [--force] [UITVOERMAP]
 *
 * --gemeenten: the CBS municipality list of a year as a file (doc/years.md).
 *
 * UITVOERMAP defaults to the current directory; "-" writes the file to
 * standard output (the report then goes to standard error). The report
 * goes to stdout (BSNs masked). Exit status: 0 written, 2 not written (a
 * value was refused, or the delivery has errors and --force was not
 * given); 64 and up when the tool could not
 * do its job (see doc/swi-csv.1.scd).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <swi/swi.h>

#include "csv-import.h"
#include "tool.h"

/* Where the report goes: stdout, or stderr when stdout carries the file. */
static FILE *rep;

static void print_report(const swi_report *r)
{
	for (size_t i = 0; i < swi_report_count(r); i++) {
		const char *bsn = swi_report_bsn(r, i);
		fprintf(rep, "  %s %-12s %s%s%s%s\n", swi_report_rule(r, i),
			swi_report_severity(r, i) == SWI_SEVERITY_ERROR ? "fout" : "waarschuwing",
			*bsn ? "persoon " : "", bsn, *bsn ? ": " : "", swi_report_message(r, i));
	}
}

enum {
	OPT_DATA = TOOL_LONG_ONLY,
	OPT_ZIP,
	OPT_FORCE,
	OPT_REFERENCE_DATE,
	OPT_GEMEENTEN,
	OPT_SEPARATOR,
	OPT_EXPORT,
};

#define MAX_LISTS 16

/* One entry here and one case in main() per option; --help is made from it. */
static const struct tool_option options[] = {
	{"data", OPT_DATA, "MAP", "lees de CSV-bestanden uit MAP (standaard de voorbeelddata)"},
	{"zip", OPT_ZIP, NULL, "schrijf een zip-bestand met het XML-bestand erin"},
	{"force", OPT_FORCE, NULL, "schrijf ook als de validatie fouten vindt"},
	TOOL_OPTION_REFERENCE_DATE(OPT_REFERENCE_DATE),
	TOOL_OPTION_GEMEENTEN(OPT_GEMEENTEN),
	{"separator", OPT_SEPARATOR, "TEKEN",
	 "scheidingsteken , ; of tab (standaard: per bestand uit de kopregel)"},
	{"export", OPT_EXPORT, "SWI-BESTAND",
	 "andersom: schrijf SWI-BESTAND (XML of zip, - is invoer) als CSV in UITVOERMAP"},
	TOOL_OPTIONS_HELP_VERSION("swi-csv"),
};

TOOL_OPTIONS_FIT(options);

static struct tool tool = {
	.name = "swi-csv",
	.synopsis = "[OPTIE]... [UITVOERMAP]\n       swi-csv --export SWI-BESTAND [OPTIE]... [UITVOERMAP]",
	.about = "Maakt van CSV-exports (levering.csv, personen.csv, pips.csv, gesprekken.csv,\n"
		 "boetes.csv) een gecontroleerd SWI-leveringsbestand en schrijft het onder zijn\n"
		 "naam volgens de richtlijn in UITVOERMAP. Met --export andersom: een SWI-bestand\n"
		 "wordt dezelfde vijf CSV-bestanden (met volledige BSN's). Het formaat: doc/csv.md.",
	.operands = "UITVOERMAP is standaard de huidige map; - schrijft het bestand naar de\n"
		    "standaarduitvoer (het rapport gaat dan naar de standaardfout). Met --export\n"
		    "overschrijft --force bestaande CSV-bestanden en exporteert ook een bestand\n"
		    "met leesfouten.",
	.exits = "  0   geschreven (waarschuwingen, en met --force fouten, staan in het rapport)\n"
		 "  2   niet geschreven: een waarde geweigerd, of fouten in de levering\n"
		 "      (--export: leesfouten in het SWI-bestand)\n"
		 "  64  verkeerd gebruik: onbekende optie, ongeldige waarde\n"
		 "  66  de datamap, een CSV-bestand, het SWI-bestand of een --gemeenten-lijst\n"
		 "      ontbreekt, is onleesbaar of misvormd\n"
		 "  69  --zip of een gezipt SWI-bestand, maar libswi is zonder zip gebouwd\n"
		 "  70  onvoldoende geheugen of interne fout\n"
		 "  73  het bestand kan niet in UITVOERMAP worden aangemaakt (--export: of\n"
		 "      bestaat al)\n"
		 "  74  schrijven naar de standaarduitvoer mislukt\n",
	.options = options,
	.n_options = sizeof(options) / sizeof(options[0]),
};

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * The example data: $SWI_EXAMPLE_DATA, else the source tree it was built
 * from (an uninstalled build), else the copy `meson install` put under
 * share/libswi. Both copies are the same files.
 */
static const char *example_data(void)
{
	const char *env = getenv("SWI_EXAMPLE_DATA");
	if (env)
		return env;
#ifdef SWI_EXAMPLE_DATA_DIR
	if (is_dir(SWI_EXAMPLE_DATA_DIR))
		return SWI_EXAMPLE_DATA_DIR;
#endif
#ifdef SWI_INSTALLED_DATA_DIR
	return SWI_INSTALLED_DATA_DIR;
#else
	return ".";
#endif
}

static int write_failed(swi_delivery *d, int rc, const char *outdir)
{
	fprintf(stderr, "swi-csv: niet geschreven: %s\n", swi_delivery_last_message(d));
	switch (rc) {
	case SWI_EINVALID:
	case SWI_EINCOMPLETE:
		return TOOL_ERRORS;
	case SWI_EIO:
		return strcmp(outdir, "-") ? TOOL_CANTCREAT : TOOL_IOERR;
	case SWI_EUNSUPPORTED:
		return TOOL_UNAVAILABLE;
	default:
		return TOOL_SOFTWARE;
	}
}

/*
 * --export: the SWI file read (what the reader finds wrong with it goes
 * into the report) and written as CSV. A file with read errors lacks the
 * refused values, so it is exported only with --force.
 */
static int export_csv(const char *file, const char *outdir, int separator, int force)
{
	swi_delivery *d = NULL;
	swi_report *report = NULL;
	int rc;
	if (strcmp(file, "-") == 0) {
		char *data;
		size_t size;
		int code = tool_read_stdin(&tool, &data, &size);
		if (code != TOOL_CLEAN)
			return code;
		rc = swi_read_buffer(&d, &report, data, size, NULL, 0);
		free(data);
	} else {
		rc = swi_read_file(&d, &report, file, NULL, 0);
	}
	if (rc != SWI_OK) {
		fprintf(stderr, "swi-csv: %s: %s\n", strcmp(file, "-") ? file : "standaardinvoer",
			rc == SWI_EIO && errno ? strerror(errno) : swi_strerror(rc));
		return tool_exit_for(rc);
	}
	size_t errors = swi_report_count_severity(report, SWI_SEVERITY_ERROR);
	fprintf(rep, "libswi %s: %zu personen gelezen uit %s\n", swi_version(),
		swi_delivery_person_count(d), strcmp(file, "-") ? file : "standaardinvoer");
	fprintf(rep, "lezen: %zu fout(en), %zu waarschuwing(en)\n", errors,
		swi_report_count_severity(report, SWI_SEVERITY_WARNING));
	print_report(report);
	swi_report_free(report);
	int code = TOOL_CLEAN;
	if (errors && !force) {
		fprintf(stderr, "swi-csv: niet geëxporteerd: het bestand heeft leesfouten; geweigerde "
				"waarden zouden ontbreken (--force exporteert toch)\n");
		code = TOOL_ERRORS;
	} else if (csv_export_dir(d, outdir, separator, force, stderr) != 0) {
		code = TOOL_CANTCREAT;
	} else {
		fprintf(rep, "geschreven: %s/{levering,personen,pips,gesprekken,boetes}.csv\n",
			outdir);
	}
	swi_delivery_free(d);
	return code;
}

int main(int argc, char **argv)
{
	const char *outdir = ".", *data = NULL, *export = NULL, *arg;
	int separator = 0;
	unsigned flags = 0;
	int32_t reference = 0;
	int c;
	const char *lists[MAX_LISTS];
	size_t n_lists = 0;
	while ((c = tool_next(&tool, argc, argv, &arg)) != -1) {
		switch (c) {
		case OPT_DATA: data = arg; break;
		case OPT_ZIP: flags |= SWI_WRITE_ZIP; break;
		case OPT_FORCE: flags |= SWI_WRITE_FORCE; break;
		case OPT_REFERENCE_DATE:
			if (tool_parse_date(&tool, "--reference-date", arg, &reference) != 0)
				return TOOL_USAGE;
			break;
		case OPT_GEMEENTEN:
			if (n_lists == MAX_LISTS)
				return tool_usage_error(&tool, "ten hoogste %d keer --gemeenten",
							MAX_LISTS);
			lists[n_lists++] = arg;
			break;
		case OPT_SEPARATOR:
			separator = csv_parse_separator(arg);
			if (separator < 0)
				return tool_usage_error(&tool, "--separator: '%s'; gebruik , ; of tab",
							arg);
			break;
		case OPT_EXPORT: export = arg; break;
		case 'h': tool_help(&tool); return TOOL_CLEAN;
		case 'V': tool_version(&tool); return TOOL_CLEAN;
		default: return TOOL_USAGE;
		}
	}
	if (optind < argc)
		outdir = argv[optind++];
	if (optind < argc)
		return tool_usage_error(&tool, "een uitvoermap tegelijk; te veel: %s", argv[optind]);
	int to_stdout = strcmp(outdir, "-") == 0;
	rep = to_stdout ? stderr : stdout;
	if (export) {
		if (data || reference || n_lists || (flags & SWI_WRITE_ZIP))
			return tool_usage_error(&tool, "--export gaat niet samen met --data, --zip, "
						       "--reference-date of --gemeenten");
		if (to_stdout)
			return tool_usage_error(&tool, "--export schrijft vijf bestanden: geef een "
						       "uitvoermap, geen -");
		errno = 0;
		if (!is_dir(outdir) || access(outdir, W_OK | X_OK) != 0) {
			fprintf(stderr, "swi-csv: %s: %s\n", outdir,
				errno ? strerror(errno) : "geen map");
			return TOOL_CANTCREAT;
		}
		int code = export_csv(export, outdir, separator, (flags & SWI_WRITE_FORCE) != 0);
		if (fflush(stdout) != 0 && code < TOOL_USAGE)
			code = TOOL_IOERR;
		return code;
	}
	if (!data)
		data = example_data();

	/* The tool's own inputs and outputs before any work. */
	errno = 0;
	if (!is_dir(data)) {
		fprintf(stderr, "swi-csv: --data %s: %s\n", data,
			errno ? strerror(errno) : "geen map");
		return TOOL_NOINPUT;
	}
	errno = 0;
	if (!to_stdout && (!is_dir(outdir) || access(outdir, W_OK | X_OK) != 0)) {
		fprintf(stderr, "swi-csv: %s: %s\n", outdir, errno ? strerror(errno) : "geen map");
		return TOOL_CANTCREAT;
	}

	swi_delivery *d;
	if (swi_delivery_new(&d) != SWI_OK) {
		fprintf(stderr, "swi-csv: onvoldoende geheugen\n");
		return TOOL_SOFTWARE;
	}
	int rejected = csv_import_dir(d, data, separator, stderr);
	if (rejected < 0) {
		swi_delivery_free(d);
		return rejected == -2 ? TOOL_SOFTWARE : TOOL_NOINPUT;
	}
	if (rejected) {
		fprintf(stderr, "swi-csv: %d waarde(n) geweigerd bij het inlezen van %s\n", rejected,
			data);
		swi_delivery_free(d);
		return TOOL_ERRORS;
	}
	if (reference && swi_delivery_set_reference_date(d, reference) != SWI_OK) {
		fprintf(stderr, "swi-csv: %s\n", swi_delivery_last_message(d));
		swi_delivery_free(d);
		return TOOL_SOFTWARE;
	}
	for (size_t i = 0; i < n_lists; i++) {
		int rc = swi_delivery_load_gemeenten(d, 0, lists[i]);
		if (rc != SWI_OK) {
			fprintf(stderr, "swi-csv: %s\n", swi_delivery_last_message(d));
			swi_delivery_free(d);
			return tool_exit_for(rc);
		}
	}
	fprintf(rep, "libswi %s: %zu personen ingelezen uit %s\n", swi_version(),
		swi_delivery_person_count(d), data);

	swi_report *report;
	int vrc = swi_delivery_validate(&report, d, NULL, 0);
	if (vrc != SWI_OK) {
		fprintf(stderr, "swi-csv: %s\n", swi_delivery_last_message(d));
		swi_delivery_free(d);
		return tool_exit_for(vrc);
	}
	fprintf(rep, "validatie: %zu fout(en), %zu waarschuwing(en)\n",
		swi_report_count_severity(report, SWI_SEVERITY_ERROR),
		swi_report_count_severity(report, SWI_SEVERITY_WARNING));
	print_report(report);
	swi_report_free(report);

	int rc, code = TOOL_CLEAN;
	char path[4096];
	if (to_stdout) {
		fflush(stdout);
		rc = swi_delivery_write_fd(d, flags, STDOUT_FILENO);
		snprintf(path, sizeof(path), "standaarduitvoer");
	} else {
		rc = swi_delivery_write_dir(d, flags, outdir, path, sizeof(path));
	}
	if (rc != SWI_OK)
		code = write_failed(d, rc, outdir);
	else
		fprintf(rep, "geschreven: %s\n", path);
	swi_delivery_free(d);
	if (fflush(stdout) != 0 && code < TOOL_USAGE)
		code = TOOL_IOERR;
	return code;
}
