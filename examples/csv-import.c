/* CSV import over the public libswi API (see csv-import.h and doc/csv.md). */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv-import.h"

int csv_parse_separator(const char *s)
{
	if (!strcmp(s, ",") || !strcmp(s, "komma"))
		return ',';
	if (!strcmp(s, ";") || !strcmp(s, "puntkomma"))
		return ';';
	if (!strcmp(s, "tab") || !strcmp(s, "\t") || !strcmp(s, "\\t"))
		return '\t';
	return -1;
}

/* ---- the tokenizer: one record (row) at a time, any length ------------- */

struct field {
	size_t off, len;
	unsigned quoted : 1;   /* was in "quotes" */
	unsigned too_long : 1; /* more than CSV_MAX_FIELD bytes: rest dropped */
	unsigned nul : 1;      /* held a NUL byte */
	unsigned junk : 1;     /* text after the closing quote */
};

struct csv {
	FILE *f;
	int sep;
	long line;      /* physical line of the next character */
	long rec_line;  /* physical line where the current record starts */
	char *buf;      /* the fields of the record, each with its NUL */
	size_t len, cap;
	struct field *fields;
	size_t n;       /* fields stored (at most CSV_MAX_COLUMNS) */
	size_t n_total; /* fields seen */
	int unterminated;
};

static int is_blank(const struct csv *c, int ch)
{
	return ch == ' ' || (ch == '\t' && c->sep != '\t');
}

/* One byte into the current field; -1 out of memory. */
static int put(struct csv *c, struct field *fl, int ch)
{
	if (!fl)
		return 0; /* a column beyond CSV_MAX_COLUMNS: counted, not kept */
	if (ch == '\0') {
		fl->nul = 1;
		return 0;
	}
	if (fl->len >= CSV_MAX_FIELD) {
		fl->too_long = 1;
		return 0;
	}
	if (c->len + 1 >= c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		char *b = realloc(c->buf, cap);
		if (!b)
			return -1;
		c->buf = b;
		c->cap = cap;
	}
	c->buf[c->len++] = (char)ch;
	fl->len++;
	return 0;
}

static struct field *begin_field(struct csv *c)
{
	c->n_total++;
	if (c->n == CSV_MAX_COLUMNS)
		return NULL;
	c->fields[c->n] = (struct field){.off = c->len};
	return &c->fields[c->n++];
}

static int end_field(struct csv *c, struct field *fl)
{
	if (!fl)
		return 0;
	if (!fl->quoted)
		while (fl->len > 0 && is_blank(c, (unsigned char)c->buf[c->len - 1])) {
			fl->len--;
			c->len--;
		}
	/* put() always leaves room for the NUL. */
	if (c->len + 1 > c->cap) {
		char *b = realloc(c->buf, c->len + 1);
		if (!b)
			return -1;
		c->buf = b;
		c->cap = c->len + 1;
	}
	c->buf[c->len++] = '\0';
	return 0;
}

/* A line end that starts with `ch` ('\n', '\r' or "\r\n"); reads the '\n' of a CRLF. */
static void line_end(struct csv *c, int ch)
{
	if (ch == '\r') {
		int next = getc(c->f);
		if (next != '\n' && next != EOF)
			ungetc(next, c->f);
	}
	c->line++;
}

/* The next record: 1, 0 at the end of the file, -1 out of memory. */
static int read_record(struct csv *c)
{
	c->len = 0;
	c->n = 0;
	c->n_total = 0;
	c->unterminated = 0;
	int ch = getc(c->f);
	if (ch == EOF)
		return 0;
	c->rec_line = c->line;
	for (;;) {
		struct field *fl = begin_field(c);
		while (is_blank(c, ch))
			ch = getc(c->f);
		if (ch == '"') {
			if (fl)
				fl->quoted = 1;
			for (;;) {
				ch = getc(c->f);
				if (ch == EOF) {
					c->unterminated = 1;
					break;
				}
				if (ch == '"') {
					ch = getc(c->f);
					if (ch != '"')
						break;
				} else if (ch == '\r' || ch == '\n') {
					line_end(c, ch);
					ch = '\n';
				}
				if (put(c, fl, ch) < 0)
					return -1;
			}
			while (is_blank(c, ch))
				ch = getc(c->f);
			if (ch != c->sep && ch != '\n' && ch != '\r' && ch != EOF) {
				if (fl)
					fl->junk = 1;
				while (ch != c->sep && ch != '\n' && ch != '\r' && ch != EOF)
					ch = getc(c->f);
			}
		} else {
			while (ch != c->sep && ch != '\n' && ch != '\r' && ch != EOF) {
				if (put(c, fl, ch) < 0)
					return -1;
				ch = getc(c->f);
			}
		}
		if (end_field(c, fl) < 0)
			return -1;
		if (ch == c->sep) {
			ch = getc(c->f);
			continue;
		}
		if (ch != EOF)
			line_end(c, ch);
		return 1;
	}
}

static const char *cell(const struct csv *c, size_t i)
{
	return c->buf + c->fields[i].off;
}

/* A record without content: a blank line, or only separators (;;;;). */
static int blank_record(const struct csv *c)
{
	if (c->unterminated || c->n_total > c->n)
		return 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->fields[i].len || c->fields[i].quoted || c->fields[i].nul || c->fields[i].junk)
			return 0;
	return 1;
}

/*
 * The separator from the header row: the one of ',' ';' and tab that
 * occurs most often outside quotes in the first non-blank line; ',' when
 * none does; 0 when two occur equally often (ambiguous). The stream is
 * put back where it was.
 */
static int detect_separator(FILE *f)
{
	long start = ftell(f);
	if (start < 0)
		return ','; /* not seekable: nothing read, nothing to put back */
	size_t comma = 0, semi = 0, tab = 0;
	int ch, quoted = 0, seen = 0;
	while ((ch = getc(f)) != EOF) {
		if (ch == '"')
			quoted = !quoted;
		else if (!quoted && (ch == '\n' || ch == '\r')) {
			if (seen)
				break;
		} else if (!quoted && ch == ',')
			comma++;
		else if (!quoted && ch == ';')
			semi++;
		else if (!quoted && ch == '\t')
			tab++;
		if (ch != '\n' && ch != '\r')
			seen = 1;
	}
	if (fseek(f, start, SEEK_SET) != 0)
		return ',';
	size_t most = comma > semi ? comma : semi;
	most = most > tab ? most : tab;
	if (most == 0)
		return ',';
	if ((comma == most) + (semi == most) + (tab == most) > 1)
		return 0;
	return comma == most ? ',' : semi == most ? ';' : '\t';
}

/* ---- the importer ------------------------------------------------------- */

struct import {
	swi_delivery *d;
	const char *name;
	swi_category kind;
	FILE *errors;
	struct csv c;
	int *columns; /* kenmerk per column, 0 for an ignored (nameless) column, -1 refused */
	size_t n_cols;
	int rejected;
};

/*
 * Whether a header cell may be quoted in a message: element names are
 * letters only, so a cell of letters is shown (a typo is easy to find);
 * anything else, such as a data row read as the header with a BSN in it,
 * is named by its column number only. Cell values are never quoted by this
 * file: libswi's own messages show them, with BSNs masked.
 */
static int quotable(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
			return 0;
	return 1;
}

static void refuse(struct import *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void refuse(struct import *im, const char *fmt, ...)
{
	if (im->rejected++ < CSV_MAX_MESSAGES) {
		va_list ap;
		va_start(ap, fmt);
		vfprintf(im->errors, fmt, ap);
		va_end(ap);
		fputc('\n', im->errors);
	} else if (im->rejected == CSV_MAX_MESSAGES + 1) {
		fprintf(im->errors, "%s: meer dan %d weigeringen; de rest wordt alleen geteld\n",
			im->name, CSV_MAX_MESSAGES);
	}
}

/* "personen.csv:4: kolom 2 (Geboortedatum), kenmerk 9: " for cell `col`. */
static void refuse_cell(struct import *im, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void refuse_cell(struct import *im, size_t col, const char *fmt, ...)
{
	char what[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	int k = im->columns[col];
	if (k > 0)
		refuse(im, "%s:%ld: kolom %zu (%s), kenmerk %d: %s", im->name, im->c.rec_line,
		       col + 1, swi_kenmerk_element(k), k, what);
	else
		refuse(im, "%s:%ld: kolom %zu (zonder naam): %s", im->name, im->c.rec_line,
		       col + 1, what);
}

static int read_header(struct import *im)
{
	struct csv *c = &im->c;
	int rc;
	while ((rc = read_record(c)) == 1 && blank_record(c))
		;
	if (rc < 0)
		return -2;
	if (rc == 0) {
		if (im->kind <= SWI_CATEGORY_PERSOON)
			refuse(im, "%s: leeg bestand; de kopregel ontbreekt", im->name);
		return 0;
	}
	if (c->n_total > CSV_MAX_COLUMNS) {
		refuse(im, "%s:%ld: %zu kolommen in de kopregel; ten hoogste %d", im->name,
		       c->rec_line, c->n_total, CSV_MAX_COLUMNS);
		return 0;
	}
	im->columns = calloc(c->n ? c->n : 1, sizeof(int));
	if (!im->columns)
		return -2;
	im->n_cols = c->n;
	int key = 0;
	for (size_t i = 0; i < c->n; i++) {
		const char *name = cell(c, i);
		if (!*name && !c->fields[i].nul) {
			im->columns[i] = 0; /* a nameless column: its cells must stay empty */
			continue;
		}
		int k = c->fields[i].nul || c->fields[i].too_long || c->fields[i].junk
				? SWI_EKENMERK
				: swi_kenmerk_by_element(name);
		im->columns[i] = -1;
		if (k < 0 && !quotable(name)) {
			refuse(im, "%s:%ld: kolom %zu van de kopregel is geen SWI-element", im->name,
			       c->rec_line, i + 1);
			continue;
		}
		if (k < 0) {
			const char *near = NULL;
			for (int j = SWI_KENMERK_FIRST; j <= SWI_KENMERK_LAST; j++)
				if (!strcasecmp(swi_kenmerk_element(j), name))
					near = swi_kenmerk_element(j);
			refuse(im, "%s:%ld: kolom %zu ('%s') is geen SWI-element%s%s%s", im->name,
			       c->rec_line, i + 1, name,
			       near ? " (hoofdletters tellen: bedoeld is '" : "", near ? near : "",
			       near ? "'?)" : "");
			continue;
		}
		swi_category cat = swi_kenmerk_category(k);
		if (k != SWI_K_BURGERSERVICENUMMER && cat != im->kind) {
			refuse(im, "%s:%ld: kolom %zu (%s), kenmerk %d hoort niet in dit bestand",
			       im->name, c->rec_line, i + 1, name, k);
			continue;
		}
		if (k == SWI_K_BURGERSERVICENUMMER && im->kind == SWI_CATEGORY_LEVERING) {
			refuse(im, "%s:%ld: kolom %zu (%s), kenmerk %d hoort niet in dit bestand",
			       im->name, c->rec_line, i + 1, name, k);
			continue;
		}
		int dup = 0;
		for (size_t j = 0; j < i; j++)
			dup |= im->columns[j] == k;
		if (dup) {
			refuse(im, "%s:%ld: kolom %zu (%s), kenmerk %d staat twee keer in de kopregel",
			       im->name, c->rec_line, i + 1, name, k);
			continue;
		}
		im->columns[i] = k;
		key |= k == SWI_K_BURGERSERVICENUMMER;
	}
	if (im->kind != SWI_CATEGORY_LEVERING && !key) {
		refuse(im, "%s:%ld: kolom Burgerservicenummer (kenmerk 8) ontbreekt in de kopregel",
		       im->name, c->rec_line);
		return 0;
	}
	return 1;
}

static int is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/*
 * A date cell as jjjjmmdd into `out`: jjjjmmdd as is, jjjj-mm-dd, and
 * dd-mm-jjjj (also d-m-jjjj, as Dutch Excel writes it). 0, or -1 when the
 * text has none of these forms. Whether the day exists is the library's check.
 */
static int normalize_date(const char *s, char out[9])
{
	size_t len = strlen(s);
	if (len == 8 && is_digits(s, 8)) {
		memcpy(out, s, 9);
		return 0;
	}
	if (len == 10 && s[4] == '-' && s[7] == '-' && is_digits(s, 4) && is_digits(s + 5, 2) &&
	    is_digits(s + 8, 2)) {
		snprintf(out, 9, "%.4s%.2s%.2s", s, s + 5, s + 8);
		return 0;
	}
	const char *m = strchr(s, '-'), *y = m ? strchr(m + 1, '-') : NULL;
	if (m && y) {
		size_t dl = (size_t)(m - s), ml = (size_t)(y - m - 1);
		if (dl >= 1 && dl <= 2 && ml >= 1 && ml <= 2 && strlen(y + 1) == 4 &&
		    is_digits(s, dl) && is_digits(m + 1, ml) && is_digits(y + 1, 4)) {
			snprintf(out, 9, "%.4s%s%.*s%s%.*s", y + 1, ml == 1 ? "0" : "", (int)ml,
				 m + 1, dl == 1 ? "0" : "", (int)dl, s);
			return 0;
		}
	}
	return -1;
}

/*
 * The BSN of a row: Excel drops leading zeros (006320879 -> 6320879), so
 * 1-8 digits get them back; anything else goes to the library as it is.
 */
static void normalize_bsn(const char *s, char out[16])
{
	size_t len = strlen(s);
	if (len >= 1 && len < 9 && is_digits(s, len))
		snprintf(out, 16, "%09lu", strtoul(s, NULL, 10));
	else
		snprintf(out, 16, "%.15s", s);
}

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

/* Tokenizer trouble in cell `i`: refused; 1 when the cell is unusable. */
static int bad_field(struct import *im, size_t i)
{
	const struct field *fl = &im->c.fields[i];
	if (fl->too_long)
		refuse_cell(im, i, "veld langer dan %d bytes", CSV_MAX_FIELD);
	else if (fl->nul)
		refuse_cell(im, i, "veld bevat een NUL-byte");
	else if (fl->junk)
		refuse_cell(im, i, "tekst na het sluitende aanhalingsteken");
	else
		return 0;
	return 1;
}

static void import_row(struct import *im, int *levering_rows)
{
	struct csv *c = &im->c;
	swi_delivery *d = im->d;
	if (c->unterminated) {
		refuse(im, "%s:%ld: aanhalingsteken niet gesloten; het veld loopt tot het einde "
			   "van het bestand",
		       im->name, c->rec_line);
		return;
	}
	int extra = c->n_total > CSV_MAX_COLUMNS;
	for (size_t i = im->n_cols; i < c->n && !extra; i++)
		extra = c->fields[i].len || c->fields[i].quoted;
	if (c->n_total < im->n_cols || extra) {
		refuse(im, "%s:%ld: %zu kolommen, de kopregel heeft er %zu", im->name, c->rec_line,
		       c->n_total, im->n_cols);
		return;
	}
	if (im->kind == SWI_CATEGORY_LEVERING && ++*levering_rows > 1) {
		refuse(im, "%s:%ld: een levering heeft een regel; deze is er een te veel", im->name,
		       c->rec_line);
		return;
	}
	swi_person *p = NULL;
	swi_record *r = NULL;
	if (im->kind != SWI_CATEGORY_LEVERING) {
		size_t key = 0;
		while (im->columns[key] != SWI_K_BURGERSERVICENUMMER)
			key++;
		if (bad_field(im, key))
			return;
		if (!*cell(c, key)) {
			refuse_cell(im, key, "leeg; elke regel hoort bij een persoon");
			return;
		}
		char bsn[16];
		normalize_bsn(cell(c, key), bsn);
		int rc;
		if (im->kind == SWI_CATEGORY_PERSOON)
			rc = swi_delivery_add_person(&p, d, bsn);
		else if ((rc = swi_delivery_find_person(&p, d, bsn)) == SWI_OK)
			rc = swi_person_add_record(&r, p, im->kind);
		if (rc == SWI_ENOTFOUND) {
			refuse_cell(im, key, "geen persoon met dit BSN in personen.csv");
			return;
		}
		if (rc == SWI_ENOMEM) {
			refuse(im, "%s:%ld: onvoldoende geheugen", im->name, c->rec_line);
			return;
		}
		if (rc != SWI_OK) {
			refuse_cell(im, key, "%s", swi_delivery_last_message(d));
			return;
		}
	}
	for (size_t i = 0; i < im->n_cols; i++) {
		int k = im->columns[i];
		const char *value = cell(c, i);
		if (k == SWI_K_BURGERSERVICENUMMER || k < 0)
			continue;
		if (bad_field(im, i))
			continue;
		if (!*value)
			continue;
		if (k == 0) {
			refuse_cell(im, i, "een waarde in een kolom zonder naam in de kopregel");
			continue;
		}
		char date[9];
		if (swi_kenmerk_type(k) == SWI_TYPE_DATE) {
			if (normalize_date(value, date) != 0) {
				refuse_cell(im, i, "geen datum; gebruik jjjjmmdd, jjjj-mm-dd of "
						   "dd-mm-jjjj");
				continue;
			}
			value = date;
		}
		if (set_cell(d, im->kind, p, r, k, value) != SWI_OK)
			refuse_cell(im, i, "%s%s", swi_delivery_last_message(d),
				    value == date && strcmp(date, cell(c, i))
					    ? " (de datum van de cel als jjjjmmdd)"
					    : "");
	}
}

int csv_import_stream(swi_delivery *d, FILE *f, const char *name, swi_category kind,
		      int separator, FILE *errors)
{
	struct import im = {.d = d, .name = name, .kind = kind, .errors = errors};
	unsigned char bom[3];
	size_t got = fread(bom, 1, 3, f);
	if (got >= 2 && ((bom[0] == 0xff && bom[1] == 0xfe) || (bom[0] == 0xfe && bom[1] == 0xff))) {
		fprintf(errors, "%s: UTF-16; sla het op als 'CSV UTF-8' (doc/csv.md)\n", name);
		return -1;
	}
	if (!(got == 3 && bom[0] == 0xef && bom[1] == 0xbb && bom[2] == 0xbf) &&
	    fseek(f, 0, SEEK_SET) != 0) {
		fprintf(errors, "%s: %s\n", name, strerror(errno));
		return -1;
	}
	if (!separator) {
		separator = detect_separator(f);
		if (!separator) {
			fprintf(errors, "%s:1: scheidingsteken onduidelijk (even vaak ',' ';' of tab in "
					"de kopregel); kies er een met --separator\n",
				name);
			return 1;
		}
	}
	im.c = (struct csv){.f = f, .sep = separator, .line = 1};
	im.c.fields = malloc(CSV_MAX_COLUMNS * sizeof(*im.c.fields));
	int rc = im.c.fields ? read_header(&im) : -2;
	int levering_rows = 0;
	while (rc == 1) {
		rc = read_record(&im.c);
		if (rc == 1 && !blank_record(&im.c))
			import_row(&im, &levering_rows);
	}
	if (rc == 0 && ferror(f)) {
		fprintf(errors, "%s: %s\n", name, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && kind == SWI_CATEGORY_LEVERING && im.columns && !levering_rows)
		refuse(&im, "%s: geen regel met de gegevens van de levering onder de kopregel", name);
	free(im.columns);
	free(im.c.fields);
	free(im.c.buf);
	if (rc == -2)
		fprintf(errors, "%s: onvoldoende geheugen\n", name);
	return rc < 0 ? rc : im.rejected;
}

int csv_import_dir(swi_delivery *d, const char *dir, int separator, FILE *errors)
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
	int rejected = 0;
	for (size_t i = 0; i < sizeof(sheets) / sizeof(sheets[0]); i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, sheets[i].file);
		FILE *f = fopen(path, "rb");
		if (!f) {
			if (errno == ENOENT && sheets[i].kind > SWI_CATEGORY_PERSOON)
				continue;
			fprintf(errors, "%s: %s\n", path, strerror(errno));
			return -1;
		}
		int n = csv_import_stream(d, f, path, sheets[i].kind, separator, errors);
		fclose(f);
		if (n < 0)
			return n;
		rejected += n;
	}
	return rejected;
}
