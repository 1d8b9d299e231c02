/* CSV import over the public libswi API (see csv-import.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csv-import.h"

#define MAX_FIELDS 40
#define MAX_LINE 4096

/* Splits one line in place: commas, optional "double quotes" ("" inside). */
static int split(char *line, char **fields)
{
	int n = 0;
	char *out = line, *p = line;
	line[strcspn(line, "\r\n")] = '\0';
	while (n < MAX_FIELDS) {
		fields[n++] = out;
		if (*p == '"') {
			for (p++; *p; p++) {
				if (*p == '"' && p[1] == '"')
					*out++ = *p++;
				else if (*p == '"')
					break;
				else
					*out++ = *p;
			}
			if (*p == '"')
				p++;
		} else {
			while (*p && *p != ',')
				*out++ = *p++;
		}
		if (*p != ',') {
			*out = '\0';
			return n;
		}
		*out++ = '\0';
		p++;
	}
	return -1;
}

struct sheet {
	const char *file;
	swi_category kind;
};

static int set_cell(swi_delivery *d, swi_category kind, swi_person *p, swi_record *r, int k,
		    const char *value)
{
	switch (kind) {
	case SWI_CATEGORY_LEVERING:
		return swi_delivery_set_text(d, k, value);
	case SWI_CATEGORY_PERSOON:
		return swi_person_set_text(p, k, value);
	default:
		return swi_record_set_text(r, k, value);
	}
}

static int import_file(swi_delivery *d, const char *dir, const struct sheet *s, FILE *errors)
{
	char path[1024], line[MAX_LINE], header_line[MAX_LINE];
	char *header[MAX_FIELDS], *cells[MAX_FIELDS];
	int columns[MAX_FIELDS];
	snprintf(path, sizeof(path), "%s/%s", dir, s->file);
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT && s->kind > SWI_CATEGORY_PERSOON)
			return 0;
		fprintf(errors, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	int rejected = 0, n_cols = 0;
	if (fgets(header_line, sizeof(header_line), f))
		n_cols = split(header_line, header);
	for (int c = 0; c < n_cols; c++) {
		columns[c] = swi_kenmerk_by_element(header[c]);
		if (columns[c] < 0) {
			fprintf(errors, "%s: kolom '%s' is geen SWI-element\n", path, header[c]);
			rejected++;
		}
	}
	for (int lineno = 2; fgets(line, sizeof(line), f); lineno++) {
		int n = split(line, cells);
		if (n == 1 && !cells[0][0])
			continue; /* blank line */
		if (n != n_cols) {
			fprintf(errors, "%s:%d: %d kolommen, de kopregel heeft er %d\n", path, lineno, n,
				n_cols);
			rejected++;
			continue;
		}
		swi_person *p = NULL;
		swi_record *r = NULL;
		int rc = SWI_OK;
		if (s->kind != SWI_CATEGORY_LEVERING) {
			/* Column Burgerservicenummer keys the row to its person. */
			int key = -1;
			for (int c = 0; c < n; c++)
				if (columns[c] == SWI_K_BURGERSERVICENUMMER)
					key = c;
			if (key < 0) {
				fprintf(errors, "%s: kolom Burgerservicenummer ontbreekt\n", path);
				fclose(f);
				return rejected + 1;
			}
			if (s->kind == SWI_CATEGORY_PERSOON)
				rc = swi_delivery_add_person(&p, d, cells[key]);
			else if ((rc = swi_delivery_find_person(&p, d, cells[key])) == SWI_OK)
				rc = swi_person_add_record(&r, p, s->kind);
			if (rc != SWI_OK) {
				fprintf(errors, "%s:%d: %s\n", path, lineno,
					rc == SWI_ENOTFOUND ? "geen persoon met dit BSN in personen.csv"
							    : swi_delivery_last_message(d));
				rejected++;
				continue;
			}
		}
		for (int c = 0; c < n; c++) {
			if (!cells[c][0] || columns[c] < 0 || columns[c] == SWI_K_BURGERSERVICENUMMER)
				continue;
			if (set_cell(d, s->kind, p, r, columns[c], cells[c]) != SWI_OK) {
				fprintf(errors, "%s:%d: kolom %s: %s\n", path, lineno, header[c],
					swi_delivery_last_message(d));
				rejected++;
			}
		}
	}
	fclose(f);
	return rejected;
}

int csv_import_dir(swi_delivery *d, const char *dir, FILE *errors)
{
	static const struct sheet sheets[] = {
		{"levering.csv", SWI_CATEGORY_LEVERING},
		{"personen.csv", SWI_CATEGORY_PERSOON},
		{"pips.csv", SWI_CATEGORY_PIP},
		{"gesprekken.csv", SWI_CATEGORY_GESPREK},
		{"boetes.csv", SWI_CATEGORY_BOETE},
	};
	int rejected = 0;
	for (size_t i = 0; i < sizeof(sheets) / sizeof(sheets[0]); i++) {
		int n = import_file(d, dir, &sheets[i], errors);
		if (n < 0)
			return -1;
		rejected += n;
	}
	return rejected;
}
