/*
 * swi-example: builds the sample delivery from the synthetic CSV data in
 * examples/data, validates it, prints the report and writes the file.
 *
 *   swi-example [OUTDIR]     (default: the current directory)
 *
 * The data directory is examples/data of the source tree, or $SWI_EXAMPLE_DATA.
 * Exit status: 0 written (warnings are printed), 2 not written.
 */
#include <stdio.h>
#include <stdlib.h>

#include <swi/swi.h>

#include "csv-import.h"

static void print_report(const swi_report *r)
{
	for (size_t i = 0; i < swi_report_count(r); i++) {
		const char *bsn = swi_report_bsn(r, i);
		printf("  %s %-6s %s%s%s\n", swi_report_rule(r, i),
		       swi_report_severity(r, i) == SWI_SEVERITY_ERROR ? "fout" : "waarsch.",
		       *bsn ? "persoon " : "levering: ", bsn, *bsn ? ": " : "");
		printf("      %s\n", swi_report_message(r, i));
	}
}

int main(int argc, char **argv)
{
	const char *outdir = argc > 1 ? argv[1] : ".";
	const char *data = getenv("SWI_EXAMPLE_DATA");
	if (!data)
		data = SWI_EXAMPLE_DATA_DIR;

	swi_delivery *d;
	if (swi_delivery_new(&d) != SWI_OK) {
		fprintf(stderr, "swi-example: out of memory\n");
		return 2;
	}
	int rejected = csv_import_dir(d, data, stderr);
	if (rejected != 0) {
		fprintf(stderr, "swi-example: %d waarde(n) geweigerd bij het inlezen van %s\n",
			rejected < 0 ? 0 : rejected, data);
		swi_delivery_free(d);
		return 2;
	}
	printf("libswi %s: %zu personen ingelezen uit %s\n", swi_version(),
	       swi_delivery_person_count(d), data);

	swi_report *report;
	if (swi_delivery_validate(&report, d, NULL, 0) != SWI_OK) {
		fprintf(stderr, "swi-example: %s\n", swi_delivery_last_message(d));
		swi_delivery_free(d);
		return 2;
	}
	size_t errors = swi_report_count_severity(report, SWI_SEVERITY_ERROR);
	size_t warnings = swi_report_count_severity(report, SWI_SEVERITY_WARNING);
	printf("validatie: %zu fout(en), %zu waarschuwing(en)\n", errors, warnings);
	print_report(report);
	swi_report_free(report);

	char path[4096];
	int rc = swi_delivery_write_dir(d, 0, outdir, path, sizeof(path));
	if (rc != SWI_OK) {
		fprintf(stderr, "swi-example: niet geschreven: %s\n", swi_delivery_last_message(d));
		swi_delivery_free(d);
		return 2;
	}
	printf("geschreven: %s\n", path);
	swi_delivery_free(d);
	return 0;
}
