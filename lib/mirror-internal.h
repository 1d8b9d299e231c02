/*
 * The mirror report's internals (mirror.c counts, mirror-json.c and
 * mirror-html.c write): the snapshot and the text output both writers use.
 */
#ifndef SWI_MIRROR_INTERNAL_H
#define SWI_MIRROR_INTERNAL_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "code-lists.h"
#include "private.h"

/*
 * Code cells: index 0 is "not filled", index i the code i. The code lists
 * of k10, k11, k31, k32 and k37 are 1..n (their sizes come from the table
 * through the generated code-lists.h), so the code is the index.
 */
#define N_TYPE (SWI_N_TYPE_MIGRANT + 1)       /* k11 Type migrant */
#define N_GESLACHT (SWI_N_GESLACHT + 1)       /* k10 Geslacht */
#define N_ROUTE (SWI_N_LEERROUTE_ROUTE + 1)   /* k31 Leerroute - route */
#define N_NIVEAU (SWI_N_LEERROUTE_NIVEAU + 1) /* k32 Leerroute - niveau */
#define N_REDEN (SWI_N_BOETE_REDEN + 1)       /* k37 Boete - reden */

struct swi_mirror {
	swi_alloc_fn alloc;
	void *alloc_ud;

	/* Header values for the titles; `filled` says which are set. */
	uint16_t jaar, berichtgevercode, gemeentecode;
	uint8_t kwartaal;
	char gemeentenaam[80]; /* from the CBS list, or "" */

	/* Per kenmerk: records of its category that fill it (k1-k7: 0 or 1). */
	size_t filled[SWI_KENMERK_LAST + 1];

	size_t persons[N_TYPE][N_GESLACHT];
	size_t pips[N_ROUTE][N_NIVEAU];
	size_t n_persons, n_pips, n_talks, n_fines;
	size_t fines[N_REDEN];
	int64_t amount[N_REDEN];

	/* For the kenmerken that apply to one doelgroep (k11 = 1 or 2): the
	 * records of each category per Type migrant of their person, and per
	 * kenmerk the records inside its doelgroep that fill it. */
	size_t by_type[SWI_CATEGORY_BOETE + 1][N_TYPE];
	size_t filled_in_group[SWI_KENMERK_LAST + 1];
	size_t persons_with_talks;
	size_t persons_with_fines;
};

/* The number of records a kenmerk's fill count is out of (mirror.c). */
size_t swi_mirror_base_of(const swi_mirror *m, int k);

/* ---- text output ------------------------------------------------------ */

struct out {
	swi_buffer *b;
	int rc; /* the first failure; later appends are skipped */
};

static inline void put_n(struct out *o, const char *s, size_t n)
{
	if (o->rc == SWI_OK && n)
		o->rc = swi_buffer_append(o->b, s, n);
}

static inline void put(struct out *o, const char *s)
{
	put_n(o, s, strlen(s));
}

static inline void putf(struct out *o, const char *fmt, ...) SWI_ATTR_PRINTF(2, 3);
static inline void putf(struct out *o, const char *fmt, ...)
{
	/* Only numbers and fixed words go through here; anything that comes
	 * from data (labels, names) is written with an escaping function, so
	 * a line never outgrows this buffer. */
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(line)) {
		if (o->rc == SWI_OK)
			o->rc = SWI_EINVAL;
		return;
	}
	put_n(o, line, (size_t)n);
}

/* A JSON string: quotes, backslashes and control characters escaped;
 * UTF-8 (municipality names like Súdwest-Fryslân) passes through. */
static inline void put_json_string(struct out *o, const char *s)
{
	put(o, "\"");
	const char *run = s;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		const char *esc = NULL;
		char u[8];
		if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c == '\n')
			esc = "\\n";
		else if (c == '\t')
			esc = "\\t";
		else if (c == '\r')
			esc = "\\r";
		else if (c < 0x20) {
			snprintf(u, sizeof(u), "\\u%04x", c);
			esc = u;
		}
		if (esc) {
			put_n(o, run, (size_t)(s - run));
			put(o, esc);
			run = s + 1;
		}
	}
	put_n(o, run, (size_t)(s - run));
	put(o, "\"");
}

/* Text for HTML element content and attribute values. */
static inline void put_html(struct out *o, const char *s)
{
	const char *run = s;
	for (; *s; s++) {
		const char *esc;
		switch (*s) {
		case '&': esc = "&amp;"; break;
		case '<': esc = "&lt;"; break;
		case '>': esc = "&gt;"; break;
		case '"': esc = "&quot;"; break;
		case '\'': esc = "&#39;"; break;
		default: continue;
		}
		put_n(o, run, (size_t)(s - run));
		put(o, esc);
		run = s + 1;
	}
	put_n(o, run, (size_t)(s - run));
}

static inline int finish(swi_buffer **out, struct out *o)
{
	if (o->rc != SWI_OK) {
		swi_buffer_free(o->b);
		return o->rc;
	}
	*out = o->b;
	return SWI_OK;
}

#endif
