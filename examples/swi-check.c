/*
 * swi-check: checks an SWI file before it is uploaded to CBS: the file
 * name, the structure (shipped XSD, or the one given), every value and
 * every rule of the guideline, optionally against the previous quarter's
 * file, and optionally writes the mirror report as one HTML page.
 *
 *   swi-check [--previous BESTAND] [--xsd BESTAND] [--json] [--html BESTAND]
 *             [--show-bsn] [--reference-date DATUM] [--gemeenten CSV]... BESTAND
 *   swi-check --diff VERWACHT [--xsd BESTAND] [--json] [--show-bsn] BESTAND
 *
 * --gemeenten gives the CBS municipality list of a year (gemeenten-JJJJ.csv,
 * else the file's statistiekjaar) instead of the one libswi finds itself
 * (doc/years.md). The text output names the ruleset that was applied.
 *
 * BESTAND "-" is standard input; --html - writes the page to standard
 * output (the report then goes to standard error). Exit status: 0 clean,
 * 1 warnings only, 2 errors in the file; 64 and up when the check could
 * not run (see EXITS below and doc/swi-check.1.scd). With --json every
 * diagnostic is one JSON object on one line.
 *
 * --diff VERWACHT compares BESTAND with the expected file as data (persons
 * by BSN, records by their date, in any order; swi/diff.h) instead of
 * checking it, prints one line per person that differs, and exits 0 when
 * they are equal, 1 when they differ, 64 and up as above.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <swi/swi.h>

#include "tool.h"

struct item {
	const swi_report *report;
	size_t index;
	size_t order; /* keeps the order of finding within a person */
};

static int64_t person_of(const struct item *it)
{
	return swi_report_person(it->report, it->index);
}

static int by_person(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int64_t px = person_of(x), py = person_of(y);
	if (px != py)
		return px < py ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Where the report goes: stdout, or stderr when stdout carries the HTML page. */
static FILE *rep;

static void json_string(const char *s)
{
	putc('"', rep);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(rep, "\\%c", c);
		else if (c < 0x20)
			fprintf(rep, "\\u%04x", c);
		else
			putc(c, rep);
	}
	putc('"', rep);
}

static const char *record_name(swi_category c)
{
	switch (c) {
	case SWI_CATEGORY_LEVERING: return "levering";
	case SWI_CATEGORY_PERSOON: return "persoon";
	case SWI_CATEGORY_PIP: return "pip";
	case SWI_CATEGORY_GESPREK: return "gesprek";
	case SWI_CATEGORY_BOETE: return "boete";
	}
	return "";
}

static void print_json(const struct item *it)
{
	const swi_report *r = it->report;
	size_t i = it->index;
	fprintf(rep, "{\"rule\":");
	json_string(swi_report_rule(r, i));
	fprintf(rep, ",\"severity\":\"%s\",\"kenmerk\":%d,\"record\":\"%s\",\"record_index\":%lld,"
	       "\"person\":%lld,\"bsn\":",
	       swi_report_severity(r, i) == SWI_SEVERITY_ERROR ? "error" : "warning",
	       swi_report_kenmerk(r, i), record_name(swi_report_category(r, i)),
	       (long long)swi_report_record(r, i), (long long)swi_report_person(r, i));
	json_string(swi_report_bsn(r, i));
	fprintf(rep, ",\"line\":%lld,\"message\":", (long long)swi_report_line(r, i));
	json_string(swi_report_message(r, i));
	fprintf(rep, "}\n");
}

static void print_text(const struct item *items, size_t n)
{
	int64_t current = -2;
	for (size_t j = 0; j < n; j++) {
		const swi_report *r = items[j].report;
		size_t i = items[j].index;
		if (person_of(&items[j]) != current) {
			current = person_of(&items[j]);
			if (current < 0)
				fprintf(rep, "Bestand en levering:\n");
			else
				fprintf(rep, "Persoon %lld (BSN %s):\n", (long long)current + 1,
				       swi_report_bsn(r, i));
		}
		fprintf(rep, "  %s %-12s %s\n", swi_report_rule(r, i),
		       swi_report_severity(r, i) == SWI_SEVERITY_ERROR ? "fout" : "waarschuwing",
		       swi_report_message(r, i));
	}
}

enum {
	OPT_PREVIOUS = TOOL_LONG_ONLY,
	OPT_XSD,
	OPT_JSON,
	OPT_HTML,
	OPT_SHOW_BSN,
	OPT_REFERENCE_DATE,
	OPT_GEMEENTEN,
	OPT_DIFF,
};

#define MAX_LISTS 16

/* One entry here and one case in main() per option; --help is made from it. */
static const struct tool_option options[] = {
	{"previous", OPT_PREVIOUS, "BESTAND", "vergelijk met het bestand van het vorige kwartaal"},
	{"xsd", OPT_XSD, "BESTAND", "controleer de structuur tegen dit XSD (bijv. dat van het CBS)"},
	{"json", OPT_JSON, NULL, "elke melding als een JSON-object op een eigen regel"},
	{"html", OPT_HTML, "BESTAND", "schrijf het spiegelrapport als HTML-pagina; - is stdout"},
	{"show-bsn", OPT_SHOW_BSN, NULL, "volledige BSN's in de meldingen (standaard gemaskeerd)"},
	TOOL_OPTION_REFERENCE_DATE(OPT_REFERENCE_DATE),
	TOOL_OPTION_GEMEENTEN(OPT_GEMEENTEN),
	{"diff", OPT_DIFF, "VERWACHT",
	 "vergelijk inhoudelijk met het verwachte bestand (geen controle)"},
	TOOL_OPTIONS_HELP_VERSION("swi-check"),
};

TOOL_OPTIONS_FIT(options);

static struct tool tool = {
	.name = "swi-check",
	.synopsis = "[OPTIE]... BESTAND",
	.about = "Controleert een SWI-leveringsbestand (XML of zip) voor verzending aan het CBS:\n"
		 "de bestandsnaam, de structuur, elke waarde en elke regel van de richtlijn.",
	.operands = "BESTAND is het leveringsbestand; - leest het van de standaardinvoer.\n"
		    "Met --html - gaat het rapport naar de standaardfout.",
	.exits = "  0   geen meldingen; met --diff: de bestanden zijn gelijk\n"
		 "  1   alleen waarschuwingen; met --diff: de bestanden verschillen\n"
		 "  2   fouten in het bestand\n"
		 "  64  verkeerd gebruik: onbekende optie, ongeldige waarde\n"
		 "  66  een invoerbestand (ook --xsd, --previous, --diff, --gemeenten) ontbreekt,\n"
		 "      is onleesbaar of misvormd (--xsd: geen bruikbaar XSD)\n"
		 "  69  zip-bestand, maar libswi is zonder zip gebouwd\n"
		 "  70  onvoldoende geheugen of interne fout\n"
		 "  73  het --html-bestand kan niet worden aangemaakt\n"
		 "  74  schrijven naar het --html-bestand of de standaarduitvoer mislukt\n"
		 "Bij 64 en hoger is het bestand niet (volledig) gecontroleerd.\n",
	.options = options,
	.n_options = sizeof(options) / sizeof(options[0]),
};

/*
 * A missing or unreadable input of the tool itself: a tool error, never a
 * finding. Opened, not read, so a pipe (/dev/fd/N) loses no byte.
 */
static int readable(const char *what, const char *path)
{
	if (strcmp(path, "-") == 0)
		return TOOL_CLEAN;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		errno = EISDIR;
	else if (fd >= 0)
		errno = 0;
	int err = errno;
	if (fd >= 0)
		close(fd);
	if (!err)
		return TOOL_CLEAN;
	fprintf(stderr, "swi-check: %s%s: %s\n", what, path, strerror(err));
	return TOOL_NOINPUT;
}

/*
 * An --xsd that exists but cannot be used (not XML, not a schema) is the
 * tool's input too. The reader reports the XSD's own problems as SWI-009
 * at line 0, before it looks at the SWI file: a read of a two-line stub
 * shows them without touching the real input.
 */
static int usable_xsd(const char *xsd)
{
	static const char stub[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<stub/>\n";
	swi_delivery *d;
	swi_report *r;
	int rc = swi_read_buffer(&d, &r, stub, sizeof(stub) - 1, xsd, 0);
	if (rc != SWI_OK)
		return rc == SWI_ENOMEM ? TOOL_SOFTWARE : TOOL_NOINPUT;
	int code = TOOL_CLEAN;
	for (size_t i = 0; i < swi_report_count(r); i++) {
		if (swi_report_line(r, i) == 0 && strcmp(swi_report_rule(r, i), "SWI-009") == 0) {
			fprintf(stderr, "swi-check: --xsd %s: %s\n", xsd, swi_report_message(r, i));
			code = TOOL_NOINPUT;
		}
	}
	swi_report_free(r);
	swi_delivery_free(d);
	return code;
}

/* The library's status as the tool's exit code when a file cannot be read at all. */
static int read_failed(const char *path, int rc)
{
	/* swi_read_file sets errno on SWI_EIO (read.h): the system's reason
	 * says more than "input/output error". */
	int err = errno;
	fprintf(stderr, "swi-check: %s: %s\n", strcmp(path, "-") ? path : "standaardinvoer",
		rc == SWI_EIO && err ? strerror(err) : swi_strerror(rc));
	switch (rc) {
	case SWI_EIO:
		return TOOL_NOINPUT;
	case SWI_EUNSUPPORTED:
		return TOOL_UNAVAILABLE;
	default:
		return TOOL_SOFTWARE;
	}
}

static int read_delivery(swi_delivery **d, swi_report **report, const char *path,
			 const char *xsd, unsigned flags)
{
	int rc;
	if (strcmp(path, "-") == 0) {
		char *data;
		size_t size;
		int code = tool_read_stdin(&tool, &data, &size);
		if (code != TOOL_CLEAN)
			return code;
		rc = swi_read_buffer(d, report, data, size, xsd, flags);
		free(data);
	} else {
		errno = 0;
		rc = swi_read_file(d, report, path, xsd, flags);
	}
	return rc == SWI_OK ? TOOL_CLEAN : read_failed(path, rc);
}

static int write_html(swi_delivery *d, FILE *f, const char *path, const char *source)
{
	swi_mirror *m;
	swi_buffer *html;
	if (swi_delivery_mirror(&m, d) != SWI_OK)
		return TOOL_SOFTWARE;
	int rc = swi_mirror_html_source(&html, m, source, 0);
	swi_mirror_free(m);
	if (rc != SWI_OK)
		return TOOL_SOFTWARE;
	int ok = fwrite(swi_buffer_data(html), 1, swi_buffer_size(html), f) == swi_buffer_size(html);
	ok &= fflush(f) == 0;
	swi_buffer_free(html);
	if (!ok) {
		fprintf(stderr, "swi-check: %s: schrijven mislukt: %s\n", path, strerror(errno));
		return TOOL_IOERR;
	}
	return TOOL_CLEAN;
}

static const char *diff_kind_name(swi_diff_kind k)
{
	switch (k) {
	case SWI_DIFF_KENMERK: return "kenmerk";
	case SWI_DIFF_PERSON_MISSING: return "persoon-ontbreekt";
	case SWI_DIFF_PERSON_EXTRA: return "persoon-extra";
	case SWI_DIFF_RECORD_MISSING: return "record-ontbreekt";
	case SWI_DIFF_RECORD_EXTRA: return "record-extra";
	}
	return "";
}

static void print_diff_json(const swi_diff *df, size_t i)
{
	fprintf(rep, "{\"kind\":\"%s\",\"kenmerk\":%d,\"record\":\"%s\","
		"\"expected_person\":%lld,\"actual_person\":%lld,"
		"\"expected_record\":%lld,\"actual_record\":%lld,\"bsn\":",
		diff_kind_name(swi_diff_entry_kind(df, i)), swi_diff_entry_kenmerk(df, i),
		record_name(swi_diff_entry_category(df, i)),
		(long long)swi_diff_expected_person(df, i), (long long)swi_diff_actual_person(df, i),
		(long long)swi_diff_expected_record(df, i), (long long)swi_diff_actual_record(df, i));
	json_string(swi_diff_bsn(df, i));
	fprintf(rep, ",\"expected\":");
	json_string(swi_diff_expected_value(df, i));
	fprintf(rep, ",\"actual\":");
	json_string(swi_diff_actual_value(df, i));
	fprintf(rep, ",\"message\":");
	json_string(swi_diff_message(df, i));
	fprintf(rep, "}\n");
}

/*
 * --diff: reads both files and prints how BESTAND differs from VERWACHT as
 * data. Problems the reader finds in either file are counted, not shown
 * (swi-check without --diff shows them). 0 equal, 1 different, 64+ as ever.
 */
static int run_diff(const char *expected, const char *file, const char *xsd, int json,
		    int show_bsn)
{
	swi_delivery *e = NULL, *a = NULL;
	swi_report *re = NULL, *ra = NULL;
	swi_diff *df = NULL;
	swi_buffer *text = NULL;
	unsigned rflags = show_bsn ? SWI_READ_SHOW_BSN : 0;
	const char *name = strcmp(file, "-") ? file : "standaardinvoer";
	const char *ename = strcmp(expected, "-") ? expected : "standaardinvoer";
	int code = read_delivery(&e, &re, expected, xsd, rflags);
	if (code == TOOL_CLEAN)
		code = read_delivery(&a, &ra, file, xsd, rflags);
	if (code != TOOL_CLEAN)
		goto done;
	int rc = swi_delivery_diff(&df, e, a, show_bsn ? SWI_DIFF_SHOW_BSN : 0);
	if (rc == SWI_OK && !json)
		rc = swi_diff_text(&text, df);
	if (rc != SWI_OK) {
		fprintf(stderr, "swi-check: %s\n", swi_strerror(rc));
		code = TOOL_SOFTWARE;
		goto done;
	}
	size_t n = swi_diff_count(df);
	if (json) {
		for (size_t i = 0; i < n; i++)
			print_diff_json(df, i);
	} else {
		size_t fe = swi_report_count_severity(re, SWI_SEVERITY_ERROR);
		size_t fa = swi_report_count_severity(ra, SWI_SEVERITY_ERROR);
		if (fe)
			fprintf(rep, "Let op: %s heeft zelf %zu fout(en) bij het lezen.\n", ename, fe);
		if (fa)
			fprintf(rep, "Let op: %s heeft zelf %zu fout(en) bij het lezen.\n", name, fa);
		if (n == 0)
			fprintf(rep, "%s is inhoudelijk gelijk aan %s\n", name, ename);
		else
			fprintf(rep, "%s verschilt van %s: %zu verschil(len)\n%s", name, ename, n,
				swi_buffer_data(text));
	}
	code = n ? 1 : TOOL_CLEAN;
done:
	if (fflush(stdout) != 0 && code < TOOL_USAGE)
		code = TOOL_IOERR;
	swi_buffer_free(text);
	swi_diff_free(df);
	swi_report_free(re);
	swi_report_free(ra);
	swi_delivery_free(a);
	swi_delivery_free(e);
	return code;
}

int main(int argc, char **argv)
{
	const char *file = NULL, *previous = NULL, *xsd = NULL, *html = NULL, *expected = NULL, *arg;
	int json = 0, show_bsn = 0, c;
	int32_t reference = 0;
	const char *lists[MAX_LISTS];
	size_t n_lists = 0;
	while ((c = tool_next(&tool, argc, argv, &arg)) != -1) {
		switch (c) {
		case OPT_PREVIOUS: previous = arg; break;
		case OPT_XSD: xsd = arg; break;
		case OPT_JSON: json = 1; break;
		case OPT_HTML: html = arg; break;
		case OPT_SHOW_BSN: show_bsn = 1; break;
		case OPT_DIFF: expected = arg; break;
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
		case 'h': tool_help(&tool); return TOOL_CLEAN;
		case 'V': tool_version(&tool); return TOOL_CLEAN;
		default: return TOOL_USAGE;
		}
	}
	if (optind >= argc)
		return tool_usage_error(&tool, "geen bestand opgegeven");
	file = argv[optind];
	if (optind + 1 < argc)
		return tool_usage_error(&tool, "een bestand tegelijk; te veel: %s", argv[optind + 1]);
	if (previous && strcmp(previous, "-") == 0 && strcmp(file, "-") == 0)
		return tool_usage_error(&tool, "BESTAND en --previous kunnen niet allebei - zijn");
	if (expected && (previous || html))
		return tool_usage_error(&tool, "--diff gaat niet samen met --previous of --html");
	if (expected && strcmp(expected, "-") == 0 && strcmp(file, "-") == 0)
		return tool_usage_error(&tool, "BESTAND en --diff kunnen niet allebei - zijn");

	/* The tool's own inputs first: a missing XSD is not a finding in the file. */
	int code = readable("", file);
	if (code == TOOL_CLEAN && xsd)
		code = readable("--xsd ", xsd);
	if (code == TOOL_CLEAN && previous)
		code = readable("--previous ", previous);
	if (code == TOOL_CLEAN && expected)
		code = readable("--diff ", expected);
	for (size_t i = 0; code == TOOL_CLEAN && i < n_lists; i++)
		code = readable("--gemeenten ", lists[i]);
	if (code != TOOL_CLEAN)
		return code;
	if (xsd && strcmp(xsd, "-") == 0)
		return tool_usage_error(&tool, "--xsd - wordt niet ondersteund; geef een bestand");
	if (xsd && (code = usable_xsd(xsd)) != TOOL_CLEAN)
		return code;
	if (expected) {
		rep = stdout;
		return run_diff(expected, file, xsd, json, show_bsn);
	}

	/* Then the output, before the work: an unwritable path is known at once. */
	FILE *html_file = NULL;
	struct stat html_st;
	int html_created = html && strcmp(html, "-") != 0 && stat(html, &html_st) != 0;
	rep = stdout;
	if (html && strcmp(html, "-") == 0) {
		html_file = stdout;
		rep = stderr;
	} else if (html && !(html_file = fopen(html, "w"))) {
		fprintf(stderr, "swi-check: --html %s: %s\n", html, strerror(errno));
		return TOOL_CANTCREAT;
	}

	swi_delivery *d = NULL, *prev = NULL;
	swi_report *reports[4] = {NULL};
	struct item *items = NULL;
	unsigned rflags = show_bsn ? SWI_READ_SHOW_BSN : 0;
	unsigned vflags = show_bsn ? SWI_VALIDATE_SHOW_BSN : 0;
	size_t n = 0, errors = 0, warnings = 0;

	code = read_delivery(&d, &reports[0], file, xsd, rflags);
	if (code != TOOL_CLEAN)
		goto done;
	if (reference && swi_delivery_set_reference_date(d, reference) != SWI_OK) {
		fprintf(stderr, "swi-check: %s\n", swi_delivery_last_message(d));
		code = TOOL_SOFTWARE;
		goto done;
	}
	/* A malformed municipality list is the tool's input, not the delivery's. */
	for (size_t i = 0; i < n_lists; i++) {
		int rc = swi_delivery_load_gemeenten(d, 0, lists[i]);
		if (rc != SWI_OK) {
			fprintf(stderr, "swi-check: %s\n", swi_delivery_last_message(d));
			code = tool_exit_for(rc);
			goto done;
		}
	}
	/* Standard input has no file name to check against the header. A list
	 * from SWI_GEMEENTEN_DIR that cannot be read fails here (66). */
	int vrc = swi_delivery_validate(&reports[1], d, strcmp(file, "-") ? file : NULL, vflags);
	if (vrc != SWI_OK) {
		fprintf(stderr, "swi-check: %s\n", swi_delivery_last_message(d));
		code = tool_exit_for(vrc);
		goto done;
	}
	if (previous) {
		code = read_delivery(&prev, &reports[2], previous, xsd, rflags);
		if (code != TOOL_CLEAN)
			goto done;
		if (swi_delivery_compare(&reports[3], prev, d, vflags) != SWI_OK) {
			fprintf(stderr, "swi-check: %s\n", swi_strerror(SWI_ENOMEM));
			code = TOOL_SOFTWARE;
			goto done;
		}
		/* Problems inside the previous file are not this file's: count them only. */
		if (swi_report_count(reports[2]) && !json)
			fprintf(rep, "Let op: het vorige bestand heeft zelf %zu melding(en).\n",
				swi_report_count(reports[2]));
	}

	const swi_report *shown[] = {reports[0], reports[1], reports[3]};
	for (size_t k = 0; k < 3; k++)
		n += swi_report_count(shown[k]);
	items = calloc(n ? n : 1, sizeof(*items));
	if (!items) {
		code = TOOL_SOFTWARE;
		goto done;
	}
	n = 0;
	for (size_t k = 0; k < 3; k++) {
		for (size_t i = 0; i < swi_report_count(shown[k]); i++, n++) {
			items[n] = (struct item){.report = shown[k], .index = i, .order = n};
			if (swi_report_severity(shown[k], i) == SWI_SEVERITY_ERROR)
				errors++;
			else
				warnings++;
		}
	}
	qsort(items, n, sizeof(*items), by_person);
	if (json) {
		for (size_t j = 0; j < n; j++)
			print_json(&items[j]);
	} else {
		fprintf(rep, "%s: %zu persoon/personen, %zu fout(en), %zu waarschuwing(en)\n",
			strcmp(file, "-") ? file : "standaardinvoer", swi_delivery_person_count(d),
			errors, warnings);
		int32_t year = 0;
		int ruleset = 0;
		swi_ruleset_kind kind;
		if (swi_delivery_get_int(d, SWI_K_STATISTIEKJAAR, &year) == SWI_OK &&
		    swi_ruleset_for_year(year, reference, &ruleset, &kind) == SWI_OK)
			fprintf(rep, "Regelset %d toegepast op statistiekjaar %d%s\n", ruleset,
				(int)year,
				kind == SWI_RULESET_OWN ? ""
				: kind == SWI_RULESET_NEWEST
					? " (geen eigen regelset: de nieuwste)"
					: " (voor de oudste regelset: de oudste)");
		print_text(items, n);
	}
	code = errors ? TOOL_ERRORS : warnings ? TOOL_WARNINGS : TOOL_CLEAN;
	if (html_file) {
		/* A page that was asked for and not written outranks the findings. */
		int wrote = write_html(d, html_file, html,
				       strcmp(file, "-") ? tool_base_name(file) : "standaardinvoer");
		if (wrote != TOOL_CLEAN)
			code = wrote;
	}

done:
	if (html_file && html_file != stdout) {
		if (fclose(html_file) != 0 && code < TOOL_USAGE) {
			fprintf(stderr, "swi-check: --html %s: %s\n", html, strerror(errno));
			code = TOOL_IOERR;
		}
		/* No page (the check did not run, or writing failed): no half file
		 * left behind, if this run made it (never /dev/full or a FIFO). */
		if (code >= TOOL_USAGE && html_created)
			remove(html);
	}
	if (fflush(stdout) != 0 && code < TOOL_USAGE)
		code = TOOL_IOERR;
	free(items);
	for (size_t k = 0; k < 4; k++)
		swi_report_free(reports[k]);
	swi_delivery_free(prev);
	swi_delivery_free(d);
	return code;
}
