/*
 * swi-check: checks an SWI file before it is uploaded to CBS: the file
 * name, the structure (shipped XSD, or the one given), every value and
 * every rule of the guideline, optionally against the previous quarter's
 * file, and optionally writes the mirror report as one HTML page.
 *
 *   swi-check FILE [--previous FILE] [--xsd FILE] [--json] [--html FILE]
 *             [--show-bsn] [--reference-date JJJJMMDD] [--gemeenten CSV]...
 *
 * --gemeenten gives the CBS municipality list of a year (gemeenten-JJJJ.csv,
 * else the file's statistiekjaar) instead of the one libswi finds itself
 * (doc/years.md). The text output names the ruleset that was applied.
 *
 * Exit status: 0 clean, 1 warnings only, 2 errors (or the file could not
 * be read). With --json every diagnostic is one JSON object on one line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

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

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
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
	printf("{\"rule\":");
	json_string(swi_report_rule(r, i));
	printf(",\"severity\":\"%s\",\"kenmerk\":%d,\"record\":\"%s\",\"record_index\":%lld,"
	       "\"person\":%lld,\"bsn\":",
	       swi_report_severity(r, i) == SWI_SEVERITY_ERROR ? "error" : "warning",
	       swi_report_kenmerk(r, i), record_name(swi_report_category(r, i)),
	       (long long)swi_report_record(r, i), (long long)swi_report_person(r, i));
	json_string(swi_report_bsn(r, i));
	printf(",\"line\":%lld,\"message\":", (long long)swi_report_line(r, i));
	json_string(swi_report_message(r, i));
	printf("}\n");
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
				printf("Bestand en levering:\n");
			else
				printf("Persoon %lld (BSN %s):\n", (long long)current + 1,
				       swi_report_bsn(r, i));
		}
		printf("  %s %-12s %s\n", swi_report_rule(r, i),
		       swi_report_severity(r, i) == SWI_SEVERITY_ERROR ? "fout" : "waarschuwing",
		       swi_report_message(r, i));
	}
}

static int usage(void)
{
	fprintf(stderr, "gebruik: swi-check BESTAND [--previous BESTAND] [--xsd BESTAND] [--json]\n"
			"                 [--html BESTAND] [--show-bsn] [--reference-date JJJJMMDD]\n"
			"                 [--gemeenten CSV]...\n");
	return 2;
}

static int write_html(swi_delivery *d, const char *path)
{
	swi_mirror *m;
	swi_buffer *html;
	if (swi_delivery_mirror(&m, d) != SWI_OK)
		return -1;
	int rc = swi_mirror_html(&html, m);
	swi_mirror_free(m);
	if (rc != SWI_OK)
		return -1;
	FILE *f = fopen(path, "w");
	int ok = f && fwrite(swi_buffer_data(html), 1, swi_buffer_size(html), f) ==
			      swi_buffer_size(html);
	if (f && fclose(f) != 0)
		ok = 0;
	swi_buffer_free(html);
	return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
	const char *file = NULL, *previous = NULL, *xsd = NULL, *html = NULL;
	int json = 0, show_bsn = 0;
	long reference = 0;
	const char *lists[16];
	size_t n_lists = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--show-bsn") == 0)
			show_bsn = 1;
		else if (i + 1 < argc && strcmp(argv[i], "--previous") == 0)
			previous = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--xsd") == 0)
			xsd = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--html") == 0)
			html = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--reference-date") == 0)
			reference = strtol(argv[++i], NULL, 10);
		else if (i + 1 < argc && strcmp(argv[i], "--gemeenten") == 0 && n_lists < 16)
			lists[n_lists++] = argv[++i];
		else if (argv[i][0] != '-' && !file)
			file = argv[i];
		else
			return usage();
	}
	if (!file)
		return usage();

	swi_delivery *d = NULL, *prev = NULL;
	swi_report *reports[4] = {NULL};
	int rc = swi_read_file(&d, &reports[0], file, xsd, show_bsn ? SWI_READ_SHOW_BSN : 0);
	if (rc != SWI_OK) {
		fprintf(stderr, "swi-check: %s: %s\n", file, swi_strerror(rc));
		return 2;
	}
	if (reference && swi_delivery_set_reference_date(d, (int32_t)reference) != SWI_OK) {
		fprintf(stderr, "swi-check: %s\n", swi_delivery_last_message(d));
		return 2;
	}
	for (size_t i = 0; i < n_lists; i++)
		if (swi_delivery_load_gemeenten(d, 0, lists[i]) != SWI_OK) {
			fprintf(stderr, "swi-check: %s\n", swi_delivery_last_message(d));
			swi_report_free(reports[0]);
			swi_delivery_free(d);
			return 2;
		}
	unsigned vflags = show_bsn ? SWI_VALIDATE_SHOW_BSN : 0;
	rc = swi_delivery_validate(&reports[1], d, file, vflags);
	if (rc != SWI_OK && rc != SWI_ENOMEM) {
		fprintf(stderr, "swi-check: %s\n", swi_delivery_last_message(d));
		swi_report_free(reports[0]);
		swi_delivery_free(d);
		return 2;
	}
	if (rc == SWI_OK && previous) {
		rc = swi_read_file(&prev, &reports[2], previous, xsd, show_bsn ? SWI_READ_SHOW_BSN : 0);
		if (rc != SWI_OK)
			fprintf(stderr, "swi-check: %s: %s\n", previous, swi_strerror(rc));
		else
			rc = swi_delivery_compare(&reports[3], prev, d, vflags);
		/* Problems inside the previous file are not this file's: count them only. */
		if (reports[2] && swi_report_count(reports[2]) && !json)
			printf("Let op: het vorige bestand heeft zelf %zu melding(en).\n",
			       swi_report_count(reports[2]));
	}
	if (rc != SWI_OK) {
		fprintf(stderr, "swi-check: %s\n", swi_strerror(rc));
		return 2;
	}

	const swi_report *shown[] = {reports[0], reports[1], reports[3]};
	size_t n = 0, errors = 0, warnings = 0;
	for (size_t k = 0; k < 3; k++)
		n += swi_report_count(shown[k]);
	struct item *items = calloc(n ? n : 1, sizeof(*items));
	if (!items)
		return 2;
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
		printf("%s: %zu persoon/personen, %zu fout(en), %zu waarschuwing(en)\n", file,
		       swi_delivery_person_count(d), errors, warnings);
		int32_t year = 0, ruleset = 0;
		swi_ruleset_kind kind;
		if (swi_delivery_get_int(d, SWI_K_STATISTIEKJAAR, &year) == SWI_OK &&
		    swi_ruleset_for_year(year, (int32_t)reference, &ruleset, &kind) == SWI_OK)
			printf("Regelset %d toegepast op statistiekjaar %d%s\n", ruleset, year,
			       kind == SWI_RULESET_OWN ? "" : kind == SWI_RULESET_NEWEST
				       ? " (geen eigen regelset: de nieuwste)"
				       : " (voor de oudste regelset: de oudste)");
		print_text(items, n);
	}
	if (html && write_html(d, html) != 0) {
		fprintf(stderr, "swi-check: kan %s niet schrijven\n", html);
		errors++;
	}
	free(items);
	for (size_t k = 0; k < 4; k++)
		swi_report_free(reports[k]);
	swi_delivery_free(prev);
	swi_delivery_free(d);
	return errors ? 2 : warnings ? 1 : 0;
}
