/* A delivery as the CSV files csv-import.c reads (see csv-import.h, doc/csv.md). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv-import.h"

/* One value, quoted only when it holds the separator, a quote or a line break. */
static void put_value(FILE *f, const char *v, int sep)
{
	if (!strchr(v, sep) && !strpbrk(v, "\"\r\n")) {
		fputs(v, f);
		return;
	}
	fputc('"', f);
	for (; *v; v++) {
		if (*v == '"')
			fputc('"', f);
		fputc(*v, f);
	}
	fputc('"', f);
}

/* The kenmerken of a file in column order: k8 first for persons and records. */
static size_t columns_of(swi_category kind, int *out)
{
	size_t n = 0;
	if (kind != SWI_CATEGORY_LEVERING)
		out[n++] = SWI_K_BURGERSERVICENUMMER;
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++)
		if (swi_kenmerk_category(k) == kind && k != SWI_K_BURGERSERVICENUMMER &&
		    k != SWI_K_STATISTIEKCODE)
			out[n++] = k;
	return n;
}

typedef int (*get_fn)(const void *h, int k, char *buf, size_t size);

static int get_delivery(const void *h, int k, char *buf, size_t size)
{
	return swi_delivery_get_text(h, k, buf, size);
}

static int get_person(const void *h, int k, char *buf, size_t size)
{
	return swi_person_get_text(h, k, buf, size);
}

static int get_record(const void *h, int k, char *buf, size_t size)
{
	const swi_record *r = h;
	if (k == SWI_K_BURGERSERVICENUMMER)
		return swi_person_get_text(swi_record_person(r), k, buf, size);
	return swi_record_get_text(r, k, buf, size);
}

static void put_row(FILE *f, const int *cols, size_t n, const void *h, get_fn get, int sep)
{
	for (size_t i = 0; i < n; i++) {
		char v[SWI_VALUE_MAX];
		if (i)
			fputc(sep, f);
		if (get(h, cols[i], v, sizeof(v)) == SWI_OK)
			put_value(f, v, sep);
	}
	fputc('\n', f);
}

static void write_sheet(FILE *f, const swi_delivery *d, swi_category kind, int sep)
{
	int cols[SWI_KENMERK_LAST + 1];
	size_t n = columns_of(kind, cols);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(sep, f);
		fputs(swi_kenmerk_element(cols[i]), f);
	}
	fputc('\n', f);
	if (kind == SWI_CATEGORY_LEVERING) {
		put_row(f, cols, n, d, get_delivery, sep);
		return;
	}
	for (swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p)) {
		if (kind == SWI_CATEGORY_PERSOON) {
			put_row(f, cols, n, p, get_person, sep);
			continue;
		}
		for (swi_record *r = swi_person_first_record(p, kind); r; r = swi_record_next(r))
			put_row(f, cols, n, r, get_record, sep);
	}
}

/*
 * One file: written under a temporary name in `dir` and then put in place
 * (rename, or link for no overwrite, so an existing file is never touched).
 * mkstemp's mode 0600 stays: the files hold full BSNs.
 */
static int export_file(const swi_delivery *d, const char *dir, const char *name,
		       swi_category kind, int sep, int overwrite, FILE *errors)
{
	char path[4096], tmp[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dir, name) >= sizeof(tmp)) {
		fprintf(errors, "%s: pad te lang\n", path);
		return -1;
	}
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		fprintf(errors, "%s: %s\n", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		return -1;
	}
	write_sheet(f, d, kind, sep);
	int err = ferror(f) ? errno : 0;
	if (fclose(f) != 0 && !err)
		err = errno ? errno : EIO;
	if (!err) {
		if (overwrite ? rename(tmp, path) != 0 : link(tmp, path) != 0)
			err = errno;
	}
	if (err || !overwrite)
		unlink(tmp);
	if (err) {
		fprintf(errors, "%s: %s%s\n", path, strerror(err),
			err == EEXIST ? " (overschrijven met --force)" : "");
		return -1;
	}
	return 0;
}

int csv_export_dir(const swi_delivery *d, const char *dir, int separator, int overwrite,
		   FILE *errors)
{
	static const struct {
		const char *file;
		swi_category kind;
	} sheets[] = {
		{"levering.csv", SWI_CATEGORY_LEVERING},
		{"personen.csv", SWI_CATEGORY_PERSOON},
		{"pips.csv", SWI_CATEGORY_PIP},
		{"gesprekken.csv", SWI_CATEGORY_GESPREK},
		{"boetes.csv", SWI_CATEGORY_BOETE},
	};
	int sep = separator ? separator : ',';
	for (size_t i = 0; i < sizeof(sheets) / sizeof(sheets[0]); i++)
		if (export_file(d, dir, sheets[i].file, sheets[i].kind, sep, overwrite, errors) != 0)
			return -1;
	return 0;
}
