/*
 * The mirror report (spiegelrapport, guideline 4.2.1): the counts CBS
 * sends back after a delivery, computed here before the upload so that a
 * berichtgever can hold them against its own administration.
 *
 * swi_delivery_mirror() walks the persons and their records once and
 * copies every count into a fixed-size snapshot; the accessors, the JSON
 * and the HTML only read that snapshot. The snapshot keeps the delivery's
 * allocator (function and userdata), never the delivery itself, so it can
 * be used and freed after the delivery is gone.
 */
#define _POSIX_C_SOURCE 200809L /* localtime_r */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "gemeenten.h"
#include "code-lists.h"
#include "private.h"
#include "ruleset.h"

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

/* The cell of a stored code: out-of-list values (none pass the setters)
 * land in "not filled" rather than outside the array. */
static size_t cell(uint8_t code, size_t n)
{
	return code < n ? code : 0;
}

/* Counts kenmerk k of `record` (of a person with Type migrant cell `type`). */
static void count_filled(struct swi_mirror *m, int k, const void *record, size_t type)
{
	const struct swi_kenmerk_def *def = &swi_kenmerken[k];
	if (!swi_value_is_set(def, record))
		return;
	m->filled[k]++;
	if (def->doelgroep != SWI_DOELGROEP_ALLE && (size_t)def->doelgroep == type)
		m->filled_in_group[k]++;
}

/* Counts one record into the snapshot; its kind decides which kenmerken. */
static void count_record(struct swi_mirror *m, const struct swi_record *r, size_t type)
{
	int first, last;
	swi_category_range((swi_category)r->kind, &first, &last);
	for (int k = first; k <= last; k++)
		count_filled(m, k, r, type);
	if (r->kind <= SWI_CATEGORY_BOETE)
		m->by_type[r->kind][type]++;

	switch (r->kind) {
	case SWI_CATEGORY_PIP:
		m->n_pips++;
		m->pips[cell(r->u.pip.route, N_ROUTE)][cell(r->u.pip.niveau, N_NIVEAU)]++;
		break;
	case SWI_CATEGORY_GESPREK:
		m->n_talks++;
		break;
	case SWI_CATEGORY_BOETE: {
		size_t reden = cell(r->u.boete.reden, N_REDEN);
		m->n_fines++;
		m->fines[reden]++;
		/* An unset amount is a validation error, not a fine of 0 euros. */
		if (swi_value_is_set(&swi_kenmerken[SWI_K_BOETE_BEDRAG], r))
			m->amount[reden] += r->u.boete.bedrag;
		break;
	}
	default:
		break;
	}
}

static void count_person(struct swi_mirror *m, const struct swi_person *p)
{
	size_t type = cell(p->type_migrant, N_TYPE);
	for (int k = SWI_K_BURGERSERVICENUMMER; k <= SWI_K_EINDE_BEGELEIDING_DATUM; k++)
		count_filled(m, k, p, type);
	m->n_persons++;
	m->persons[type][cell(p->geslacht, N_GESLACHT)]++;
	m->by_type[SWI_CATEGORY_PERSOON][type]++;

	bool talks = false, fines = false;
	for (const struct swi_record *r = p->first; r; r = r->next) {
		count_record(m, r, type);
		talks |= r->kind == SWI_CATEGORY_GESPREK;
		fines |= r->kind == SWI_CATEGORY_BOETE;
	}
	m->persons_with_talks += talks;
	m->persons_with_fines += fines;
}

SWI_EXPORT int swi_delivery_mirror(swi_mirror **out, swi_delivery *d)
{
	if (!out)
		return SWI_EINVAL;
	*out = NULL;
	if (!d)
		return SWI_EINVAL;

	struct swi_mirror *m = d->alloc(d->alloc_ud, NULL, sizeof(*m));
	if (!m)
		return swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor het spiegelrapport");
	memset(m, 0, sizeof(*m));
	m->alloc = d->alloc;
	m->alloc_ud = d->alloc_ud;

	const struct swi_levering *l = &d->levering;
	for (int k = SWI_K_STATISTIEKJAAR; k <= SWI_K_GEMEENTECODE; k++)
		m->filled[k] = swi_value_is_set(&swi_kenmerken[k], l);
	m->jaar = l->jaar;
	m->kwartaal = l->kwartaal;
	m->berichtgevercode = l->berichtgevercode;
	m->gemeentecode = l->gemeentecode;
	if (m->filled[SWI_K_STATISTIEKJAAR] && m->filled[SWI_K_GEMEENTECODE]) {
		/* The same municipality list the validator checks k7 against; a list
		 * file that cannot be read leaves the name out (validation says why). */
		struct swi_gemeente_choice choice;
		int32_t today = d->reference_date ? d->reference_date : swi_today_local();
		int last = d->last_error, last_k = d->last_kenmerk;
		char last_message[sizeof(d->last_message)];
		memcpy(last_message, d->last_message, sizeof(last_message));
		if (swi_gemeenten_resolve(d, l->jaar, today, &choice) == SWI_OK) {
			const struct swi_gemeente *g = swi_gemeente_find(choice.list, l->gemeentecode);
			if (g)
				snprintf(m->gemeentenaam, sizeof(m->gemeentenaam), "%s", g->name);
			swi_gemeenten_choice_release(d, &choice);
		} else {
			d->last_error = last;
			d->last_kenmerk = last_k;
			memcpy(d->last_message, last_message, sizeof(last_message));
		}
	}

	/* Slots rather than swi_person_next(): the same order, without
	 * rescanning from each person for the next live one. */
	for (size_t slot = 0; slot < d->n_slots; slot++) {
		const struct swi_person *p = swi_person_at(d, slot);
		if (!p->removed)
			count_person(m, p);
	}
	*out = m;
	return SWI_OK;
}

SWI_EXPORT void swi_mirror_free(swi_mirror *m)
{
	if (m)
		m->alloc(m->alloc_ud, m, 0);
}

/* ---- accessors -------------------------------------------------------- */

/* The cells a selector covers: 0 all, -1 the "not filled" cell, 1..n-1 one code. */
static bool selected(int sel, size_t n, size_t *lo, size_t *hi)
{
	if (sel == 0) {
		*lo = 0;
		*hi = n - 1;
	} else if (sel == -1) {
		*lo = *hi = 0;
	} else if (sel > 0 && (size_t)sel < n) {
		*lo = *hi = (size_t)sel;
	} else {
		return false;
	}
	return true;
}

SWI_EXPORT size_t swi_mirror_persons(const swi_mirror *m, int type_migrant, int geslacht)
{
	size_t t0, t1, g0, g1, sum = 0;
	if (!m || !selected(type_migrant, N_TYPE, &t0, &t1) ||
	    !selected(geslacht, N_GESLACHT, &g0, &g1))
		return 0;
	for (size_t t = t0; t <= t1; t++)
		for (size_t g = g0; g <= g1; g++)
			sum += m->persons[t][g];
	return sum;
}

SWI_EXPORT size_t swi_mirror_filled(const swi_mirror *m, int k)
{
	if (!m || k < SWI_KENMERK_FIRST || k > SWI_KENMERK_LAST)
		return 0;
	return m->filled[k];
}

SWI_EXPORT size_t swi_mirror_pips(const swi_mirror *m, int route, int niveau)
{
	size_t r0, r1, n0, n1, sum = 0;
	if (!m || !selected(route, N_ROUTE, &r0, &r1) || !selected(niveau, N_NIVEAU, &n0, &n1))
		return 0;
	for (size_t r = r0; r <= r1; r++)
		for (size_t n = n0; n <= n1; n++)
			sum += m->pips[r][n];
	return sum;
}

SWI_EXPORT size_t swi_mirror_talks(const swi_mirror *m)
{
	return m ? m->n_talks : 0;
}

/* -1 (reason not filled) is accepted like the other selectors: a delivery
 * that is still being built may have such fines, and the totals must add up. */
SWI_EXPORT size_t swi_mirror_fines(const swi_mirror *m, int reden)
{
	size_t lo, hi, sum = 0;
	if (!m || !selected(reden, N_REDEN, &lo, &hi))
		return 0;
	for (size_t i = lo; i <= hi; i++)
		sum += m->fines[i];
	return sum;
}

SWI_EXPORT int64_t swi_mirror_fine_amount(const swi_mirror *m, int reden)
{
	size_t lo, hi;
	int64_t sum = 0;
	if (!m || !selected(reden, N_REDEN, &lo, &hi))
		return 0;
	for (size_t i = lo; i <= hi; i++)
		sum += m->amount[i];
	return sum;
}

/* The number of records a kenmerk's fill count is out of. */
static size_t base_of(const swi_mirror *m, int k)
{
	switch (swi_kenmerken[k].category) {
	case SWI_CATEGORY_LEVERING:
		return 1;
	case SWI_CATEGORY_PERSOON:
		return m->n_persons;
	case SWI_CATEGORY_PIP:
		return m->n_pips;
	case SWI_CATEGORY_GESPREK:
		return m->n_talks;
	case SWI_CATEGORY_BOETE:
		return m->n_fines;
	default:
		return 0;
	}
}

/* ---- text output ------------------------------------------------------ */

struct out {
	swi_buffer *b;
	int rc; /* the first failure; later appends are skipped */
};

static void put_n(struct out *o, const char *s, size_t n)
{
	if (o->rc == SWI_OK && n)
		o->rc = swi_buffer_append(o->b, s, n);
}

static void put(struct out *o, const char *s)
{
	put_n(o, s, strlen(s));
}

static void putf(struct out *o, const char *fmt, ...) SWI_ATTR_PRINTF(2, 3);
static void putf(struct out *o, const char *fmt, ...)
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
static void put_json_string(struct out *o, const char *s)
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
static void put_html(struct out *o, const char *s)
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

static int finish(swi_buffer **out, struct out *o)
{
	if (o->rc != SWI_OK) {
		swi_buffer_free(o->b);
		return o->rc;
	}
	*out = o->b;
	return SWI_OK;
}

/* ---- JSON ------------------------------------------------------------- */

/* Object keys of the code cells: the code, or "niet_ingevuld" for cell 0.
 * Not "onbekend": Geslacht code 3 already means "Onbekend". */
static void put_key(struct out *o, size_t i)
{
	if (i == 0)
		put(o, "\"niet_ingevuld\":");
	else
		putf(o, "\"%zu\":", i);
}

/* {"1":..,"2":..,"niet_ingevuld":..}: the codes first, in code order. */
static void json_cells(struct out *o, const size_t *v, size_t n)
{
	put(o, "{");
	for (size_t j = 1; j <= n; j++) {
		size_t i = j % n; /* 1, 2, .., n-1, then 0 */
		put_key(o, i);
		putf(o, "%zu%s", v[i], j < n ? "," : "}");
	}
}

static void json_header(struct out *o, const swi_mirror *m)
{
	if (m->filled[SWI_K_STATISTIEKJAAR])
		putf(o, "\"statistiekjaar\":%u,", m->jaar);
	else
		put(o, "\"statistiekjaar\":null,");
	if (m->filled[SWI_K_STATISTIEKKWARTAAL])
		putf(o, "\"kwartaal\":%u,", m->kwartaal);
	else
		put(o, "\"kwartaal\":null,");
	if (m->filled[SWI_K_BERICHTGEVERCODE])
		putf(o, "\"berichtgevercode\":\"%04u\",", m->berichtgevercode);
	else
		put(o, "\"berichtgevercode\":null,");
	if (m->filled[SWI_K_GEMEENTECODE])
		putf(o, "\"gemeentecode\":\"%04u\",", m->gemeentecode);
	else
		put(o, "\"gemeentecode\":null,");
	put(o, "\"gemeentenaam\":");
	if (m->gemeentenaam[0])
		put_json_string(o, m->gemeentenaam);
	else
		put(o, "null");
}

static const char *doelgroep_key(int k)
{
	switch (swi_kenmerken[k].doelgroep) {
	case SWI_DOELGROEP_ASIEL:
		return "asiel";
	case SWI_DOELGROEP_GEZIN:
		return "gezin";
	default:
		return "alle";
	}
}

SWI_EXPORT int swi_mirror_json(swi_buffer **out, const swi_mirror *m)
{
	if (!out)
		return SWI_EINVAL;
	*out = NULL;
	if (!m)
		return SWI_EINVAL;
	struct out o = {.b = swi_buffer_new(m->alloc, m->alloc_ud), .rc = SWI_OK};
	if (!o.b)
		return SWI_ENOMEM;

	put(&o, "{");
	json_header(&o, m);

	size_t per_type[N_TYPE] = {0}, per_geslacht[N_GESLACHT] = {0};
	for (size_t t = 0; t < N_TYPE; t++) {
		for (size_t g = 0; g < N_GESLACHT; g++) {
			per_type[t] += m->persons[t][g];
			per_geslacht[g] += m->persons[t][g];
		}
	}
	putf(&o, ",\"personen\":{\"totaal\":%zu,\"per_type_migrant\":", m->n_persons);
	json_cells(&o, per_type, N_TYPE);
	put(&o, ",\"per_geslacht\":");
	json_cells(&o, per_geslacht, N_GESLACHT);
	put(&o, ",\"per_type_en_geslacht\":{");
	for (size_t j = 1; j <= N_TYPE; j++) {
		size_t t = j % N_TYPE;
		put_key(&o, t);
		json_cells(&o, m->persons[t], N_GESLACHT);
		put(&o, j < N_TYPE ? "," : "}}");
	}

	put(&o, ",\"kenmerken\":[");
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++) {
		const struct swi_kenmerk_def *def = &swi_kenmerken[k];
		putf(&o, "%s{\"kenmerk\":%d,\"element\":", k > SWI_KENMERK_FIRST ? "," : "", k);
		put_json_string(&o, def->element);
		put(&o, ",\"label\":");
		put_json_string(&o, def->label);
		putf(&o, ",\"verplicht\":%s,\"doelgroep\":\"%s\",\"gevuld\":%zu,\"van\":%zu",
		     def->required ? "true" : "false", doelgroep_key(k), m->filled[k], base_of(m, k));
		/* A kenmerk for one doelgroep also against that doelgroep, as on the page. */
		if (def->doelgroep != SWI_DOELGROEP_ALLE)
			putf(&o, ",\"gevuld_in_doelgroep\":%zu,\"van_doelgroep\":%zu",
			     m->filled_in_group[k], m->by_type[def->category][def->doelgroep]);
		put(&o, "}");
	}
	put(&o, "]");

	size_t per_route[N_ROUTE] = {0}, per_niveau[N_NIVEAU] = {0};
	for (size_t r = 0; r < N_ROUTE; r++) {
		for (size_t n = 0; n < N_NIVEAU; n++) {
			per_route[r] += m->pips[r][n];
			per_niveau[n] += m->pips[r][n];
		}
	}
	putf(&o, ",\"pips\":{\"totaal\":%zu,\"per_route\":", m->n_pips);
	json_cells(&o, per_route, N_ROUTE);
	put(&o, ",\"per_niveau\":");
	json_cells(&o, per_niveau, N_NIVEAU);
	put(&o, ",\"per_route_niveau\":{");
	for (size_t j = 1; j <= N_ROUTE; j++) {
		size_t r = j % N_ROUTE;
		put_key(&o, r);
		json_cells(&o, m->pips[r], N_NIVEAU);
		put(&o, j < N_ROUTE ? "," : "}}");
	}

	putf(&o, ",\"gesprekken\":%zu", m->n_talks);

	putf(&o, ",\"boetes\":{\"totaal\":%zu,\"bedrag\":%" PRId64 ",\"per_reden\":{", m->n_fines,
	     swi_mirror_fine_amount(m, 0));
	for (size_t j = 1; j <= N_REDEN; j++) {
		size_t i = j % N_REDEN;
		put_key(&o, i);
		putf(&o, "{\"aantal\":%zu,\"bedrag\":%" PRId64 "}%s", m->fines[i], m->amount[i],
		     j < N_REDEN ? "," : "}}");
	}
	put(&o, "}\n");
	return finish(out, &o);
}

/* ---- HTML ------------------------------------------------------------- */

/* 1234567 -> "1.234.567": Dutch digit grouping, for readers, not machines. */
static void fmt_count(uint64_t n, char out[32])
{
	char digits[24];
	int len = snprintf(digits, sizeof(digits), "%" PRIu64, n);
	int o = 0;
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

static void put_count(struct out *o, uint64_t n)
{
	char s[32];
	fmt_count(n, s);
	put(o, s);
}

/*
 * The fill rate in tenths of a percent, rounded, but never rounded to
 * 100% while something is missing nor to 0% while something is there:
 * "100%" must mean "complete" to a reader scanning for gaps.
 */
static unsigned pct_tenths(size_t filled, size_t base)
{
	if (base == 0)
		return 0;
	uint64_t t = ((uint64_t)filled * 1000 + base / 2) / base;
	if (t >= 1000 && filled < base)
		t = 999;
	if (t == 0 && filled > 0)
		t = 1;
	return (unsigned)t;
}

static const char *code_meaning(int k, size_t code)
{
	const char *meaning = code <= UINT32_MAX ? swi_code_meaning(k, (uint32_t)code) : NULL;
	return meaning ? meaning : "";
}

static const char html_head[] =
	"<!DOCTYPE html>\n"
	"<html lang=\"nl\">\n"
	"<head>\n"
	"<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

/* System fonts only: the page must not load anything. */
static const char html_style[] =
	"<style>\n"
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;"
	"color:#1a1a1a;background:#fff;margin:0;padding:24px 32px;line-height:1.4;font-size:15px}\n"
	"main{max-width:1100px;margin:0 auto}\n"
	"h1{font-size:26px;margin:0 0 4px;color:#0b3a6b}\n"
	"h2{font-size:19px;margin:32px 0 8px;color:#0b3a6b;border-bottom:2px solid #d6e2ef;"
	"padding-bottom:4px}\n"
	"h3{font-size:16px;margin:20px 0 6px}\n"
	"p{margin:6px 0}\n"
	".sub{font-size:17px;color:#333}\n"
	".intro{color:#444;max-width:800px}\n"
	".cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}\n"
	".card{flex:1 1 180px;border:1px solid #d6e2ef;border-radius:6px;padding:10px 14px;"
	"background:#f5f8fc}\n"
	".card .n{font-size:26px;font-weight:600;color:#0b3a6b}\n"
	".card .t{color:#444}\n"
	"table{border-collapse:collapse;margin:6px 0 4px}\n"
	"th,td{padding:5px 12px;border-bottom:1px solid #e3e8ee;text-align:left;vertical-align:middle}\n"
	"thead th{background:#eef3f9;border-bottom:2px solid #c5d4e6}\n"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"tr.tot td,tr.tot th{font-weight:600;border-top:2px solid #c5d4e6}\n"
	".code{color:#667;font-size:13px}\n"
	".note{color:#555;font-size:13px}\n"
	".meta{color:#444;font-size:13px;margin:2px 0 0}\n"
	"table.fill{width:100%;table-layout:fixed}\n"
	"table.fill td{padding:4px 8px}\n"
	"table.fill .k{width:36px;text-align:right;color:#555;font-variant-numeric:tabular-nums}\n"
	"table.fill .l{width:360px}\n"
	"table.fill .v{width:250px;text-align:right;white-space:nowrap;"
	"font-variant-numeric:tabular-nums}\n"
	"table.fill .v.grp{white-space:normal}\n"
	".tag{display:inline-block;font-size:11px;padding:0 5px;border-radius:3px;"
	"background:#e6ecf3;color:#345;margin-left:4px;vertical-align:1px}\n"
	".track{height:16px;background:#edf0f3;border-radius:3px;overflow:hidden;"
	"-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	".bar{height:100%;background:#2f6db5;-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}\n"
	".bar.gap{background:#d9822b}\n"
	".swatch{display:inline-block;width:12px;height:12px;border-radius:2px;"
	"vertical-align:-1px;margin:0 4px 0 10px}\n"
	"footer{margin-top:36px;color:#777;font-size:12px}\n"
	"@media print{body{padding:0}h2{break-after:avoid}tr{break-inside:avoid}}\n"
	"</style>\n";

/* "Enschede (0153)", "gemeente 0153" or "onbekende gemeente". */
static void put_gemeente(struct out *o, const swi_mirror *m)
{
	if (!m->filled[SWI_K_GEMEENTECODE]) {
		put(o, "onbekende gemeente");
	} else if (m->gemeentenaam[0]) {
		put_html(o, m->gemeentenaam);
		putf(o, " (%04u)", m->gemeentecode);
	} else {
		putf(o, "gemeente %04u", m->gemeentecode);
	}
}

/* "2026, kwartaal 1" with the parts that are missing said so. */
static void put_period(struct out *o, const swi_mirror *m)
{
	if (m->filled[SWI_K_STATISTIEKJAAR])
		putf(o, "%u", m->jaar);
	else
		put(o, "jaar onbekend");
	if (m->filled[SWI_K_STATISTIEKKWARTAAL])
		putf(o, ", kwartaal %u", m->kwartaal);
	else
		put(o, ", kwartaal onbekend");
}

static void html_card(struct out *o, uint64_t n, const char *what, const char *extra)
{
	put(o, "<div class=\"card\"><div class=\"n\">");
	put(o, extra ? extra : "");
	put_count(o, n);
	put(o, "</div><div class=\"t\">");
	put(o, what);
	put(o, "</div></div>\n");
}

/* A row or column label of a code: its Dutch meaning and the code. */
static void put_code_label(struct out *o, int k, size_t code, const char *unfilled)
{
	if (code == 0) {
		put(o, unfilled);
		return;
	}
	put_html(o, code_meaning(k, code));
	putf(o, " <span class=\"code\">(%zu)</span>", code);
}

static void html_persons(struct out *o, const swi_mirror *m)
{
	/* k10 and k11 are required: a valid delivery has no unfilled cells,
	 * so their row and column appear only when there is something to see. */
	bool show_t0 = swi_mirror_persons(m, -1, 0) > 0;
	bool show_g0 = swi_mirror_persons(m, 0, -1) > 0;

	put(o, "<h2>Personen per doelgroep en geslacht</h2>\n<table>\n<thead><tr><th>Type migrant</th>");
	for (size_t j = 1; j <= N_GESLACHT; j++) {
		size_t g = j % N_GESLACHT;
		if (g == 0 && !show_g0)
			continue;
		put(o, "<th class=\"n\">");
		put_code_label(o, SWI_K_GESLACHT, g, "Geslacht niet ingevuld");
		put(o, "</th>");
	}
	put(o, "<th class=\"n\">Totaal</th></tr></thead>\n<tbody>\n");
	for (size_t j = 1; j <= N_TYPE + 1; j++) {
		size_t t = j % N_TYPE;
		bool total = j == N_TYPE + 1;
		if (!total && t == 0 && !show_t0)
			continue;
		int ts = total ? 0 : t == 0 ? -1 : (int)t;
		put(o, total ? "<tr class=\"tot\"><th>Totaal</th>" : "<tr><th>");
		if (!total) {
			put_code_label(o, SWI_K_TYPE_MIGRANT, t, "Type migrant niet ingevuld");
			put(o, "</th>");
		}
		for (size_t jg = 1; jg <= N_GESLACHT; jg++) {
			size_t g = jg % N_GESLACHT;
			if (g == 0 && !show_g0)
				continue;
			put(o, "<td class=\"n\">");
			put_count(o, swi_mirror_persons(m, ts, g == 0 ? -1 : (int)g));
			put(o, "</td>");
		}
		put(o, "<td class=\"n\">");
		put_count(o, swi_mirror_persons(m, ts, 0));
		put(o, "</td></tr>\n");
	}
	put(o, "</tbody>\n</table>\n");
}

static void html_pips(struct out *o, const swi_mirror *m)
{
	/* Route and niveau are optional in a PIP, so "niet ingevuld" is a
	 * normal row and column here. */
	put(o, "<h2>PIP&#39;s per leerroute en niveau</h2>\n<table>\n<thead><tr><th>Leerroute</th>");
	for (size_t j = 1; j <= N_NIVEAU; j++) {
		size_t n = j % N_NIVEAU;
		put(o, "<th class=\"n\">");
		if (n == 0) {
			put(o, "Niveau niet ingevuld");
		} else {
			put(o, "Niveau ");
			put_code_label(o, SWI_K_LEERROUTE_NIVEAU, n, "");
		}
		put(o, "</th>");
	}
	put(o, "<th class=\"n\">Totaal</th></tr></thead>\n<tbody>\n");
	for (size_t j = 1; j <= N_ROUTE + 1; j++) {
		size_t r = j % N_ROUTE;
		bool total = j == N_ROUTE + 1;
		int rs = total ? 0 : r == 0 ? -1 : (int)r;
		put(o, total ? "<tr class=\"tot\"><th>Totaal</th>" : "<tr><th>");
		if (!total) {
			put_code_label(o, SWI_K_LEERROUTE_ROUTE, r, "Leerroute niet ingevuld");
			put(o, "</th>");
		}
		for (size_t jn = 1; jn <= N_NIVEAU; jn++) {
			size_t n = jn % N_NIVEAU;
			put(o, "<td class=\"n\">");
			put_count(o, swi_mirror_pips(m, rs, n == 0 ? -1 : (int)n));
			put(o, "</td>");
		}
		put(o, "<td class=\"n\">");
		put_count(o, swi_mirror_pips(m, rs, 0));
		put(o, "</td></tr>\n");
	}
	put(o, "</tbody>\n</table>\n");
}

static void html_talks(struct out *o, const swi_mirror *m)
{
	put(o, "<h2>Voortgangsgesprekken</h2>\n<table>\n<tbody>\n"
	       "<tr><th>Voortgangsgesprekken</th><td class=\"n\">");
	put_count(o, m->n_talks);
	put(o, "</td></tr>\n<tr><th>Personen met een voortgangsgesprek</th><td class=\"n\">");
	put_count(o, m->persons_with_talks);
	put(o, "</td></tr>\n</tbody>\n</table>\n");
}

static void put_euro(struct out *o, int64_t amount)
{
	put(o, "&euro;&nbsp;");
	put_count(o, amount < 0 ? 0 : (uint64_t)amount);
}

static void html_fines(struct out *o, const swi_mirror *m)
{
	put(o, "<h2>Boetes per reden</h2>\n<table>\n<thead><tr><th>Reden</th>"
	       "<th class=\"n\">Aantal</th><th class=\"n\">Totaalbedrag</th></tr></thead>\n<tbody>\n");
	/* k37 is required: the unfilled row only shows up when it is not empty. */
	for (size_t j = 1; j <= N_REDEN; j++) {
		size_t i = j % N_REDEN;
		if (i == 0 && m->fines[0] == 0)
			continue;
		put(o, "<tr><th>");
		put_code_label(o, SWI_K_BOETE_REDEN, i, "Reden niet ingevuld");
		put(o, "</th><td class=\"n\">");
		put_count(o, m->fines[i]);
		put(o, "</td><td class=\"n\">");
		put_euro(o, m->amount[i]);
		put(o, "</td></tr>\n");
	}
	put(o, "<tr class=\"tot\"><th>Totaal</th><td class=\"n\">");
	put_count(o, m->n_fines);
	put(o, "</td><td class=\"n\">");
	put_euro(o, swi_mirror_fine_amount(m, 0));
	put(o, "</td></tr>\n</tbody>\n</table>\n");
	put(o, "<p class=\"note\">Bedragen in hele euro&#39;s (kenmerk 38). ");
	put_count(o, m->persons_with_fines);
	put(o, m->persons_with_fines == 1 ? " persoon heeft" : " personen hebben");
	put(o, " een of meer boetes.</p>\n");
}

/* Who a doelgroep-bound kenmerk is measured against, after the counts. */
static const char *group_unit(int k)
{
	const struct swi_kenmerk_def *def = &swi_kenmerken[k];
	bool asiel = def->doelgroep == SWI_DOELGROEP_ASIEL;
	switch (def->category) {
	case SWI_CATEGORY_PERSOON:
		return asiel ? "asielmigranten" : "gezins- en overige migranten";
	case SWI_CATEGORY_PIP:
		return asiel ? "PIP&#39;s van asielmigranten" : "PIP&#39;s van gezinsmigranten";
	case SWI_CATEGORY_GESPREK:
		return asiel ? "gesprekken van asielmigranten" : "gesprekken van gezinsmigranten";
	default:
		return asiel ? "boetes van asielmigranten" : "boetes van gezinsmigranten";
	}
}

/*
 * One bar: kenmerk number, label with its tags, the bar, and the numbers.
 * A kenmerk that applies to one doelgroep (Table 1: k12-k14 and k33 for
 * asielmigranten, k35 for gezins- en overige migranten) is measured
 * against the records of that doelgroep, not against all records: 13 of
 * 13 asielmigranten is complete, even among 20 persons.
 */
static void html_fill_row(struct out *o, const swi_mirror *m, int k)
{
	const struct swi_kenmerk_def *def = &swi_kenmerken[k];
	bool bound = def->doelgroep != SWI_DOELGROEP_ALLE;
	size_t filled = m->filled[k], base = base_of(m, k), outside = 0;
	if (bound) {
		base = m->by_type[def->category][def->doelgroep];
		outside = filled - m->filled_in_group[k];
		filled = m->filled_in_group[k];
	}
	unsigned t = pct_tenths(filled, base);
	/* A required kenmerk that is not always there is an error in the
	 * file: its bar gets the warning colour. */
	bool gap = def->required && filled < base;

	putf(o, "<tr id=\"k%d\"><td class=\"k\">%d</td><td class=\"l\">", k, k);
	put_html(o, def->label);
	if (def->required)
		put(o, " <span class=\"tag\">verplicht</span>");
	if (def->doelgroep == SWI_DOELGROEP_ASIEL)
		put(o, "<br><span class=\"note\">geldt alleen voor asielmigranten");
	else if (def->doelgroep == SWI_DOELGROEP_GEZIN)
		put(o, "<br><span class=\"note\">geldt alleen voor gezins- en overige migranten");
	if (bound && outside) {
		/* Values outside the doelgroep are errors (SWI-020): named, not counted. */
		put(o, "; ook ingevuld bij ");
		put_count(o, outside);
		put(o, outside == 1 ? " record daarbuiten" : " records daarbuiten");
	}
	if (bound)
		put(o, "</span>");
	/* "3/3 gesprekken van gezinsmigranten (100%)" may wrap; plain counts never. */
	putf(o, "</td><td><div class=\"track\"><div class=\"bar%s\" style=\"width:%u.%u%%\"></div>"
		"</div></td><td class=\"v%s\">", gap ? " gap" : "", t / 10, t % 10,
	     bound ? " grp" : "");
	put_count(o, filled);
	put(o, "/");
	put_count(o, base);
	if (bound) {
		put(o, " ");
		put(o, group_unit(k));
	}
	if (base == 0)
		put(o, " (geen records)");
	else if (t == 1000 || t == 0)
		putf(o, " (%u%%)", t / 10);
	else
		putf(o, " (%u,%u%%)", t / 10, t % 10);
	put(o, "</td></tr>\n");
}

static void html_fill(struct out *o, const swi_mirror *m)
{
	static const struct {
		swi_category c;
		const char *title, *unit;
	} groups[] = {
		{SWI_CATEGORY_PERSOON, "Persoon", "personen"},
		{SWI_CATEGORY_PIP, "PIP (persoonlijk inburgeringsplan)", "PIP&#39;s"},
		{SWI_CATEGORY_GESPREK, "Voortgangsgesprek", "voortgangsgesprekken"},
		{SWI_CATEGORY_BOETE, "Boete", "boetes"},
	};
	put(o, "<h2>Vulling per kenmerk</h2>\n"
	       "<p class=\"intro\">Per kenmerk: hoeveel records het hebben ingevuld, van het aantal "
	       "records waar het bij hoort (personen, PIP&#39;s, gesprekken of boetes); een kenmerk "
	       "dat voor &eacute;&eacute;n doelgroep geldt, van de records van die doelgroep."
	       "<span class=\"swatch\" style=\"background:#2f6db5\"></span>ingevuld"
	       "<span class=\"swatch\" style=\"background:#d9822b\"></span>verplicht kenmerk dat "
	       "niet overal is ingevuld</p>\n");
	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		int first, last;
		swi_category_range(groups[i].c, &first, &last);
		putf(o, "<h3>%s <span class=\"note\">(", groups[i].title);
		put_count(o, base_of(m, first));
		putf(o, " %s)</span></h3>\n", groups[i].unit);
		put(o, "<table class=\"fill\">\n<thead><tr><th class=\"k\">Nr.</th>"
		       "<th class=\"l\">Kenmerk</th><th>Vulling</th><th class=\"v\">Gevuld/van</th>"
		       "</tr></thead>\n<tbody>\n");
		for (int k = first; k <= last; k++)
			html_fill_row(o, m, k);
		put(o, "</tbody>\n</table>\n");
	}
}

static int32_t today_local(void)
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return 0;
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* 20261015 -> "15 oktober 2026". */
static void put_date(struct out *o, int32_t yyyymmdd)
{
	static const char *const months[] = {"januari", "februari", "maart", "april", "mei",
					     "juni", "juli", "augustus", "september",
					     "oktober", "november", "december"};
	int month = yyyymmdd / 100 % 100;
	putf(o, "%d %s %d", (int)(yyyymmdd % 100), months[(month - 1) % 12], (int)(yyyymmdd / 10000));
}

SWI_EXPORT int swi_mirror_html(swi_buffer **out, const swi_mirror *m)
{
	return swi_mirror_html_source(out, m, NULL, 0);
}

SWI_EXPORT int swi_mirror_html_source(swi_buffer **out, const swi_mirror *m, const char *source,
				      int32_t yyyymmdd)
{
	if (!out)
		return SWI_EINVAL;
	*out = NULL;
	if (!m)
		return SWI_EINVAL;
	if (yyyymmdd == 0)
		yyyymmdd = today_local();
	if (yyyymmdd < 0 || !swi_date_valid((uint32_t)yyyymmdd))
		return SWI_EDATE;
	struct out o = {.b = swi_buffer_new(m->alloc, m->alloc_ud), .rc = SWI_OK};
	if (!o.b)
		return SWI_ENOMEM;

	put(&o, html_head);
	put(&o, "<title>Spiegelrapport SWI &ndash; ");
	put_gemeente(&o, m);
	put(&o, ", ");
	put_period(&o, m);
	put(&o, "</title>\n");
	put(&o, html_style);
	put(&o, "</head>\n<body>\n<main>\n<header>\n<h1>Spiegelrapport Statistiek Wet Inburgering</h1>\n"
		"<p class=\"sub\">");
	put_gemeente(&o, m);
	put(&o, " &middot; ");
	put_period(&o, m);
	if (m->filled[SWI_K_STATISTIEKKWARTAAL]) {
		put(&o, " <span class=\"code\">(");
		/* "kwartaal 1 (januari, februari, maart)" -> the months only */
		const char *q = code_meaning(SWI_K_STATISTIEKKWARTAAL, m->kwartaal);
		const char *paren = strchr(q, '(');
		if (paren) {
			size_t len = strlen(paren + 1);
			put_n(&o, paren + 1, len && paren[len] == ')' ? len - 1 : len);
		}
		put(&o, ")</span>");
	}
	if (m->filled[SWI_K_BERICHTGEVERCODE])
		putf(&o, " &middot; berichtgever %04u", m->berichtgevercode);
	put(&o, "</p>\n<p class=\"meta\">");
	if (source) {
		put(&o, "Bestand <strong class=\"src\">");
		put_html(&o, source);
		put(&o, "</strong> &middot; ");
	}
	put(&o, "gemaakt op <span class=\"date\">");
	put_date(&o, yyyymmdd);
	put(&o, "</span> &middot; libswi ");
	put_html(&o, swi_version());
	put(&o, "</p>\n</header>\n"
		"<p class=\"intro\">Dit overzicht telt wat er in het leveringsbestand staat, zoals het "
		"CBS dat na de levering terugmeldt (spiegelrapport, richtlijn 4.2.1). Vergelijk de "
		"aantallen met uw eigen administratie: een verschil wijst op een leverfout.</p>\n");

	put(&o, "<div class=\"cards\">\n");
	html_card(&o, m->n_persons, "personen", NULL);
	html_card(&o, m->n_pips, "PIP&#39;s", NULL);
	html_card(&o, m->n_talks, "voortgangsgesprekken", NULL);
	html_card(&o, m->n_fines, "boetes", NULL);
	html_card(&o, (uint64_t)swi_mirror_fine_amount(m, 0), "totaal aan boetes", "&euro;&nbsp;");
	put(&o, "</div>\n");

	html_persons(&o, m);
	html_pips(&o, m);
	html_talks(&o, m);
	html_fines(&o, m);
	html_fill(&o, m);

	put(&o, "<footer>Gemaakt met libswi ");
	put_html(&o, swi_version());
	put(&o, " uit het leveringsbestand, v&oacute;&oacute;r verzending aan het CBS.</footer>\n"
		"</main>\n</body>\n</html>\n");
	return finish(out, &o);
}
