/*
 * The CBS municipality lists at run time: reading a list from a CSV file
 * (tolerant of the shapes CBS publishes: a UTF-8 BOM, ';' or ',', CRLF,
 * quotes, codes as "GM0363"), the lists a caller gives a delivery, and the
 * search of doc/years.md: the delivery's own list, $SWI_GEMEENTEN_DIR, the
 * installed data directory, the compiled-in list; a year without any list
 * falls back to the newest earlier one. No global state: a list read from
 * a directory lives only as long as the validation that read it.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gemeenten.h"
#include "ruleset.h"

#define LIST_MAX_BYTES (4u << 20) /* a real list is about 10 kB */

static int by_code(const void *key, const void *elem)
{
	uint16_t k = *(const uint16_t *)key, c = ((const struct swi_gemeente *)elem)->code;
	return (k > c) - (k < c);
}

const struct swi_gemeente *swi_gemeente_find(const struct swi_gemeente_list *list, uint16_t code)
{
	return bsearch(&code, list->gemeenten, list->count, sizeof(list->gemeenten[0]), by_code);
}

static const struct swi_gemeente_list *compiled(int year)
{
	for (size_t i = 0; i < swi_gemeente_list_count; i++)
		if (swi_gemeente_lists[i].year == year)
			return &swi_gemeente_lists[i];
	return NULL;
}

/* ---- parsing ----------------------------------------------------------- */

struct row {
	uint16_t code;
	uint32_t line;
	char *name; /* into the text being parsed, NUL-terminated */
};

struct parser {
	swi_delivery *d;
	const char *path;
	char *p, *end; /* the text; parsing writes NULs into it */
	char sep;
	unsigned long line;
};

static int fail(struct parser *ps, const char *fmt, ...) SWI_ATTR_PRINTF(2, 3);
static int fail(struct parser *ps, const char *fmt, ...)
{
	char why[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	return swi_error(ps->d, SWI_EDATAFILE, "gemeentelijst %s, regel %lu: %s", ps->path, ps->line,
			 why);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Splits one line (NUL-terminated, no line end) into at most `max` fields,
 * unquoting in place. Returns the number of fields, or -1 after fail().
 */
static int split(struct parser *ps, char *s, char **fields, int max)
{
	int n = 0;
	for (;;) {
		while (blank(*s))
			s++;
		char *start = s, *out = s;
		if (*s == '"') {
			for (s++;; s++) {
				if (!*s)
					return fail(ps, "aanhalingsteken niet afgesloten"), -1;
				if (*s == '"') {
					if (s[1] != '"')
						break;
					s++;
				}
				*out++ = *s;
			}
			s++;
			while (blank(*s))
				s++;
			if (*s && *s != ps->sep)
				return fail(ps, "tekst na een afsluitend aanhalingsteken"), -1;
			while (out > start && blank(out[-1])) /* StatLine pads codes */
				out--;
			while (blank(*start) && start < out)
				start++;
		} else {
			while (*s && *s != ps->sep)
				out++, s++;
			while (out > start && blank(out[-1]))
				out--;
		}
		char next = *s;
		*out = '\0';
		if (n < max)
			fields[n] = start;
		n++;
		if (!next)
			return n < max ? n : max;
		s++;
	}
}

/* "0363", "363", "GM0363": 1-9999; -1 if it is no code. */
static int parse_code(const char *s)
{
	if ((s[0] == 'G' || s[0] == 'g') && (s[1] == 'M' || s[1] == 'm'))
		s += 2;
	int v = 0, digits = 0;
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		if (digits < 4) /* longer is refused below; no overflow on the way */
			v = v * 10 + (*s - '0');
	return *s || digits == 0 || digits > 4 || v == 0 ? -1 : v;
}

static bool contains_ci(const char *s, const char *word)
{
	for (; *s; s++) {
		size_t i = 0;
		while (word[i] && (s[i] | 0x20) == word[i])
			i++;
		if (!word[i])
			return true;
	}
	return false;
}

static int compare_rows(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->code != y->code)
		return (x->code > y->code) - (x->code < y->code);
	return (x->line > y->line) - (x->line < y->line);
}

/* Parses `text` (size bytes, writable, NUL at text[size]) into *out. */
static int parse(swi_delivery *d, const char *path, char *text, size_t size, int year,
		 struct swi_gemeente_loaded *out)
{
	struct parser ps = {.d = d, .path = path, .p = text, .end = text + size, .sep = ','};
	if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		ps.p += 3;
	if (memchr(ps.p, '\0', (size_t)(ps.end - ps.p))) {
		ps.line = 1;
		for (const char *q = ps.p; *q; q++)
			ps.line += *q == '\n';
		return fail(&ps, "het bestand bevat een NUL-teken; is het een CSV-bestand?");
	}
	size_t cap = 1;
	for (const char *q = ps.p; q < ps.end; q++)
		cap += *q == '\n';
	struct row *rows = swi_alloc_array(d, cap, sizeof(*rows));
	if (!rows)
		return swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor gemeentelijst %s", path);

	int rc = SWI_OK, code_col = 0, name_col = 1;
	size_t n = 0, name_bytes = 0;
	bool first = true;
	while (ps.p < ps.end && rc == SWI_OK) {
		char *line = ps.p, *nl = memchr(line, '\n', (size_t)(ps.end - line));
		char *stop = nl ? nl : ps.end;
		ps.p = nl ? nl + 1 : ps.end;
		ps.line++;
		if (stop > line && stop[-1] == '\r')
			stop--;
		*stop = '\0';
		char *s = line;
		while (blank(*s))
			s++;
		if (!*s)
			continue;
		if (first)
			ps.sep = strchr(line, ';') ? ';' : ',';
		char *fields[64];
		int nf = split(&ps, line, fields, 64);
		if (nf < 0) {
			rc = SWI_EDATAFILE;
			break;
		}
		if (first) {
			first = false;
			if (parse_code(fields[0]) < 0) {
				/* A header: find the columns by name, else the first two. */
				int c = -1, m = -1;
				for (int i = 0; i < nf; i++) {
					if (c < 0 && contains_ci(fields[i], "code"))
						c = i;
					else if (m < 0 && contains_ci(fields[i], "naam"))
						m = i;
				}
				if (c >= 0)
					code_col = c;
				if (m >= 0)
					name_col = m;
				else if (c >= 0)
					name_col = c == 0 ? 1 : 0;
				continue;
			}
		}
		if (nf <= code_col) {
			rc = fail(&ps, "de kolom met de gemeentecode ontbreekt");
			break;
		}
		int code = parse_code(fields[code_col]);
		if (code < 0) {
			rc = fail(&ps, "'%.40s' is geen gemeentecode (1 tot 4 cijfers, eventueel met GM "
				  "ervoor)", fields[code_col]);
			break;
		}
		if (nf <= name_col || !*fields[name_col]) {
			rc = fail(&ps, "de naam van gemeente %04d ontbreekt", code);
			break;
		}
		rows[n++] = (struct row){(uint16_t)code, (uint32_t)ps.line, fields[name_col]};
		name_bytes += strlen(fields[name_col]) + 1;
	}
	if (rc == SWI_OK && n == 0) {
		ps.line = 1;
		rc = fail(&ps, "de lijst bevat geen gemeenten");
	}
	if (rc == SWI_OK) {
		qsort(rows, n, sizeof(*rows), compare_rows);
		for (size_t i = 1; i < n && rc == SWI_OK; i++)
			if (rows[i].code == rows[i - 1].code) {
				ps.line = rows[i].line;
				rc = fail(&ps, "gemeentecode %04u staat er al (regel %lu)", rows[i].code,
					  (unsigned long)rows[i - 1].line);
			}
	}
	if (rc == SWI_OK) {
		size_t head = n * sizeof(struct swi_gemeente);
		struct swi_gemeente *g = head + name_bytes >= head ? swi_alloc(d, head + name_bytes)
								   : NULL;
		if (!g) {
			rc = swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor gemeentelijst %s", path);
		} else {
			char *names = (char *)g + head;
			for (size_t i = 0; i < n; i++) {
				size_t len = strlen(rows[i].name) + 1;
				memcpy(names, rows[i].name, len);
				g[i] = (struct swi_gemeente){rows[i].code, names};
				names += len;
			}
			*out = (struct swi_gemeente_loaded){{year, g, n}, g};
		}
	}
	swi_free(d, rows);
	return rc;
}

/*
 * Reads and parses the file at `path`. SWI_OK; SWI_ENOTFOUND (no such
 * file, only when `missing_ok`: nothing recorded); SWI_EIO, SWI_EDATAFILE,
 * SWI_ENOMEM with a message in d.
 */
static int load_file(swi_delivery *d, const char *path, int year, bool missing_ok,
		     struct swi_gemeente_loaded *out)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		int e = errno;
		if (missing_ok && (e == ENOENT || e == ENOTDIR))
			return SWI_ENOTFOUND;
		char why[SWI_ERRNO_TEXT_MAX];
		return swi_error(d, SWI_EIO, "gemeentelijst %s: %s", path,
				 swi_errno_text(e, why, sizeof(why)));
	}
	size_t cap = 16384, size = 0;
	char *text = swi_alloc(d, cap + 1);
	int rc = text ? SWI_OK : SWI_ENOMEM;
	while (rc == SWI_OK) {
		if (size == cap) {
			if (cap >= LIST_MAX_BYTES) {
				rc = swi_error(d, SWI_EDATAFILE, "gemeentelijst %s: groter dan %u bytes; "
					       "is het een lijst van gemeenten?", path, LIST_MAX_BYTES);
				break;
			}
			char *grown = swi_realloc(d, text, cap * 2 + 1);
			if (!grown) {
				rc = SWI_ENOMEM;
				break;
			}
			text = grown;
			cap *= 2;
		}
		size_t got = fread(text + size, 1, cap - size, f);
		size += got;
		if (got == 0) {
			if (ferror(f))
				rc = swi_error(d, SWI_EIO, "gemeentelijst %s: lezen mislukt", path);
			break;
		}
	}
	fclose(f);
	if (rc == SWI_ENOMEM)
		rc = swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor gemeentelijst %s", path);
	if (rc == SWI_OK) {
		text[size] = '\0';
		rc = parse(d, path, text, size, year, out);
	}
	swi_free(d, text);
	return rc;
}

/* The year in a file's base name ("gemeenten-2027.csv"): four digits 2000-2099, or 0. */
static int year_of_name(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	for (const char *s = base; *s;) {
		int digits = 0, v = 0;
		for (; s[digits] >= '0' && s[digits] <= '9'; digits++)
			if (digits < 4) /* only four digits can be a year */
				v = v * 10 + (s[digits] - '0');
		if (digits == 4 && v >= 2000 && v <= 2099)
			return v;
		s += digits ? digits : 1;
	}
	return 0;
}

/* ---- the lists of a delivery --------------------------------------------- */

static const struct swi_gemeente_list *given(const swi_delivery *d, int year)
{
	for (size_t i = 0; i < d->n_gemeenten; i++)
		if (d->gemeenten[i].list.year == year)
			return &d->gemeenten[i].list;
	return NULL;
}

void swi_gemeenten_release_all(swi_delivery *d)
{
	for (size_t i = 0; i < d->n_gemeenten; i++)
		swi_free(d, d->gemeenten[i].block);
	swi_free(d, d->gemeenten);
	d->gemeenten = NULL;
	d->n_gemeenten = 0;
}

SWI_EXPORT int swi_delivery_load_gemeenten(swi_delivery *d, int year, const char *path)
{
	if (!d)
		return SWI_EINVAL;
	if (!path)
		return swi_error(d, SWI_EINVAL, "geen bestandsnaam voor de gemeentelijst");
	if (year == 0)
		year = year_of_name(path);
	if (year == 0 && swi_value_is_set(&swi_kenmerken[SWI_K_STATISTIEKJAAR], &d->levering))
		year = d->levering.jaar;
	if (year < 1000 || year > 9999)
		return swi_error(d, SWI_EINVAL, "gemeentelijst %s: geen jaar (geef het jaar, noem "
				 "het bestand gemeenten-JJJJ.csv of zet eerst het statistiekjaar)", path);
	struct swi_gemeente_loaded list;
	int rc = load_file(d, path, year, false, &list);
	if (rc != SWI_OK)
		return rc;
	for (size_t i = 0; i < d->n_gemeenten; i++)
		if (d->gemeenten[i].list.year == year) {
			swi_free(d, d->gemeenten[i].block);
			d->gemeenten[i] = list;
			swi_changed(d);
			return SWI_OK;
		}
	struct swi_gemeente_loaded *grown =
		swi_realloc(d, d->gemeenten, (d->n_gemeenten + 1) * sizeof(*grown));
	if (!grown) {
		swi_free(d, list.block);
		return swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor gemeentelijst %s", path);
	}
	d->gemeenten = grown;
	d->gemeenten[d->n_gemeenten++] = list;
	swi_changed(d);
	return SWI_OK;
}

/* ---- the search ------------------------------------------------------------ */

/* Looks for DIR/gemeenten-YEAR.csv; SWI_ENOTFOUND if there is none. */
static int probe(swi_delivery *d, const char *dir, int year, struct swi_gemeente_choice *c)
{
	if (!dir || !*dir)
		return SWI_ENOTFOUND;
	int n = snprintf(c->source, sizeof(c->source), "%s/gemeenten-%04d.csv", dir, year);
	if (n < 0 || (size_t)n >= sizeof(c->source))
		return swi_error(d, SWI_EIO, "gemeentelijst: map %.100s... heeft een te lange naam",
				 dir);
	int rc = load_file(d, c->source, year, true, &c->owned);
	if (rc == SWI_OK)
		c->list = &c->owned.list;
	return rc;
}

int swi_gemeenten_resolve(swi_delivery *d, int year, int32_t today,
			  struct swi_gemeente_choice *out)
{
	memset(out, 0, sizeof(*out));
	const char *dirs[2] = {getenv("SWI_GEMEENTEN_DIR"), NULL};
#ifdef SWI_DATA_DIR
	dirs[1] = SWI_DATA_DIR;
#endif
	int lowest = swi_gemeente_lists[0].year;
	if (swi_ruleset_first_year() < lowest)
		lowest = swi_ruleset_first_year();
	int disk_from = today / 10000 + 1; /* later years are an error (SWI-003) anyway */
	for (int y = year; y >= lowest; y--) {
		if ((out->list = given(d, y)) != NULL)
			return SWI_OK;
		for (size_t i = 0; i < 2 && y <= disk_from; i++) {
			int rc = probe(d, dirs[i], y, out);
			if (rc != SWI_ENOTFOUND)
				return rc;
		}
		out->source[0] = '\0';
		if ((out->list = compiled(y)) != NULL)
			return SWI_OK;
	}
	out->list = &swi_gemeente_lists[0];
	return SWI_OK;
}

void swi_gemeenten_choice_release(swi_delivery *d, struct swi_gemeente_choice *c)
{
	swi_free(d, c->owned.block);
	c->owned.block = NULL;
	c->list = NULL;
}
