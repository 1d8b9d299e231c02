/*
 * swi-csv: turns CSV exports (one file per record kind, keyed by BSN; see
 * csv-import.h) into a checked SWI delivery and writes the file. Without
 * --data it uses the synthetic example data shipped in examples/data, which
 * makes it the example of the whole job: build, validate, write.
 *
 *   swi-csv [--data DIR] [--zip] [--force] [--reference-date JJJJMMDD]
 *           [--gemeenten CSV] [OUTDIR]
 *
 * --gemeenten: the CBS municipality list of a year as a file (doc/years.md).
 *
 * OUTDIR defaults to the current directory. The report goes to stdout
 * (BSNs masked). Exit status: 0 written, 2 not written (a value was
 * refused, or the delivery has errors and --force was not given).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

#include "csv-import.h"

static void print_report(const swi_report *r)
{
	for (size_t i = 0; i < swi_report_count(r); i++) {
		const char *bsn = swi_report_bsn(r, i);
		printf("  %s %-12s %s%s%s%s\n", swi_report_rule(r, i),
		       swi_report_severity(r, i) == SWI_SEVERITY_ERROR ? "fout" : "waarschuwing",
		       *bsn ? "persoon " : "", bsn, *bsn ? ": " : "", swi_report_message(r, i));
	}
}

int main(int argc, char **argv)
{
	const char *outdir = ".", *data = getenv("SWI_EXAMPLE_DATA");
	unsigned flags = 0;
	long reference = 0;
	const char *list = NULL;
	if (!data)
		data = SWI_EXAMPLE_DATA_DIR;
	for (int i = 1; i < argc; i++) {
		if (i + 1 < argc && strcmp(argv[i], "--data") == 0)
			data = argv[++i];
		else if (strcmp(argv[i], "--zip") == 0)
			flags |= SWI_WRITE_ZIP;
		else if (strcmp(argv[i], "--force") == 0)
			flags |= SWI_WRITE_FORCE;
		else if (i + 1 < argc && strcmp(argv[i], "--reference-date") == 0)
			reference = strtol(argv[++i], NULL, 10);
		else if (i + 1 < argc && strcmp(argv[i], "--gemeenten") == 0)
			list = argv[++i];
		else if (argv[i][0] != '-')
			outdir = argv[i];
		else {
			fprintf(stderr, "gebruik: swi-csv [--data MAP] [--zip] [--force] "
					"[--reference-date JJJJMMDD] [--gemeenten CSV] [UITVOERMAP]\n");
			return 2;
		}
	}

	swi_delivery *d;
	if (swi_delivery_new(&d) != SWI_OK) {
		fprintf(stderr, "swi-csv: onvoldoende geheugen\n");
		return 2;
	}
	int rejected = csv_import_dir(d, data, stderr);
	if (rejected == 0 && list && swi_delivery_load_gemeenten(d, 0, list) != SWI_OK) {
		fprintf(stderr, "swi-csv: %s\n", swi_delivery_last_message(d));
		swi_delivery_free(d);
		return 2;
	}
	if (rejected != 0 || (reference && swi_delivery_set_reference_date(d, (int32_t)reference))) {
		if (rejected)
			fprintf(stderr, "swi-csv: %d waarde(n) geweigerd bij het inlezen van %s\n",
				rejected < 0 ? 0 : rejected, data);
		else
			fprintf(stderr, "swi-csv: %s\n", swi_delivery_last_message(d));
		swi_delivery_free(d);
		return 2;
	}
	printf("libswi %s: %zu personen ingelezen uit %s\n", swi_version(),
	       swi_delivery_person_count(d), data);

	swi_report *report;
	if (swi_delivery_validate(&report, d, NULL, 0) != SWI_OK) {
		fprintf(stderr, "swi-csv: %s\n", swi_delivery_last_message(d));
		swi_delivery_free(d);
		return 2;
	}
	printf("validatie: %zu fout(en), %zu waarschuwing(en)\n",
	       swi_report_count_severity(report, SWI_SEVERITY_ERROR),
	       swi_report_count_severity(report, SWI_SEVERITY_WARNING));
	print_report(report);
	swi_report_free(report);

	char path[4096];
	if (swi_delivery_write_dir(d, flags, outdir, path, sizeof(path)) != SWI_OK) {
		fprintf(stderr, "swi-csv: niet geschreven: %s\n", swi_delivery_last_message(d));
		swi_delivery_free(d);
		return 2;
	}
	printf("geschreven: %s\n", path);
	swi_delivery_free(d);
	return 0;
}
