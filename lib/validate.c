/*
 * The rule engine: checks a delivery against chapters 2 and 3 of the
 * guideline. One pass over the levering and one over each person and its
 * records; duplicates within a person are found by sorting that person's
 * keys, so the work is linear in the number of records (n log n only for
 * a person's own records). Rules that hold for every kenmerk of a type or
 * doelgroep are driven by the kenmerken table; the rest name their
 * kenmerken explicitly because the guideline does.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gemeenten.h"
#include "report.h"
#include "ruleset.h"


struct ctx {
	swi_delivery *d;
	unsigned flags;
	bool errors_only; /* the writer's gate: warnings are not even formatted */
	int32_t qs, qe;  /* the reporting quarter; 0 if k1 or k2 is missing */
	int32_t today;   /* reference date */
	const struct swi_ruleset *rs; /* of the year, or the nearest (doc/years.md) */
	swi_ruleset_kind rs_kind;
	int rs_status; /* SWI_EYEAR: the year is outside the range (SWI-003) */
	struct swi_report_at at; /* the report and where in the delivery it is */
	uint64_t *keys; /* scratch for duplicate checks */
	size_t keys_cap;
	int rc;
};

static void add_v(struct ctx *c, enum swi_rule rule, swi_category cat, int64_t record, int k,
		  bool prefixed, const char *fmt, va_list ap)
{
	/* The gate only asks whether there are errors: skip the formatting. */
	if (c->errors_only && swi_rule_severity(rule) != SWI_SEVERITY_ERROR)
		return;
	swi_report_at_vadd(&c->at, rule, cat, record, k, prefixed, fmt, ap);
}

static void add(struct ctx *c, enum swi_rule rule, swi_category cat, int64_t record, int k,
		const char *fmt, ...) SWI_ATTR_PRINTF(6, 7);
static void add(struct ctx *c, enum swi_rule rule, swi_category cat, int64_t record, int k,
		const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_v(c, rule, cat, record, k, false, fmt, ap);
	va_end(ap);
}

/* As add(), with "PIP 2: " in front for a diagnostic about a record. */
static void add_record(struct ctx *c, enum swi_rule rule, swi_category cat, int64_t record,
		       int k, const char *fmt, ...) SWI_ATTR_PRINTF(6, 7);
static void add_record(struct ctx *c, enum swi_rule rule, swi_category cat, int64_t record,
		       int k, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_v(c, rule, cat, record, k, true, fmt, ap);
	va_end(ap);
}

static const char *label(int k)
{
	return swi_kenmerken[k].label;
}

static bool has(const void *record, int k)
{
	return swi_value_is_set(&swi_kenmerken[k], record);
}

static uint32_t get(const void *record, int k)
{
	return swi_value_load(&swi_kenmerken[k], record);
}

int32_t swi_today_local(void)
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return 0;
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* ---- generic, table-driven checks ----------------------------------- */

static void check_required(struct ctx *c, swi_category cat, const void *record, int64_t index)
{
	int first, last;
	swi_category_range(cat, &first, &last);
	for (int k = first; k <= last; k++)
		if (swi_kenmerken[k].required && !has(record, k))
			add_record(c, SWI_RULE_REQUIRED, cat, index, k,
				   "%s (kenmerk %d) ontbreekt; dit kenmerk is verplicht", label(k), k);
}

/* Dates: not after the quarter or today, not before birth or 2022. */
static void check_dates(struct ctx *c, swi_category cat, const void *record, int64_t index,
			uint32_t birth)
{
	int first, last;
	swi_category_range(cat, &first, &last);
	for (int k = first; k <= last; k++) {
		if (swi_kenmerken[k].type != SWI_TYPE_DATE || !has(record, k))
			continue;
		uint32_t v = get(record, k);
		if (c->qe && v > (uint32_t)c->qe)
			add_record(c, SWI_RULE_AFTER_QUARTER, cat, index, k,
				   "%s (kenmerk %d) %08u ligt na het einde van het verslagkwartaal (%08d)",
				   label(k), k, v, c->qe);
		else if (v > (uint32_t)c->today)
			add_record(c, SWI_RULE_AFTER_TODAY, cat, index, k,
				   "%s (kenmerk %d) %08u ligt na de peildatum %08d", label(k), k, v,
				   c->today);
		if (k == SWI_K_GEBOORTEDATUM)
			continue;
		if (birth && v < birth)
			add_record(c, SWI_RULE_BEFORE_BIRTH, cat, index, k,
				   "%s (kenmerk %d) %08u ligt voor de geboortedatum %08u", label(k), k, v,
				   birth);
		else if (v < (uint32_t)c->rs->first_traject_day)
			add_record(c, SWI_RULE_BEFORE_2022, cat, index, k,
				   "%s (kenmerk %d) %08u ligt voor %08d, het begin van de Wet inburgering "
				   "2021", label(k), k, v, c->rs->first_traject_day);
	}
}

/* Kenmerken that apply to one doelgroep only (Table 1, 2.2-2.4). */
static void check_doelgroep(struct ctx *c, swi_category cat, const void *record, int64_t index,
			    uint32_t type_migrant)
{
	int first, last;
	if (!type_migrant)
		return;
	swi_category_range(cat, &first, &last);
	for (int k = first; k <= last; k++) {
		uint8_t group = swi_kenmerken[k].doelgroep;
		if (group == SWI_DOELGROEP_ALLE || group == type_migrant || !has(record, k))
			continue;
		add_record(c, SWI_RULE_DOELGROEP, cat, index, k,
			   "%s (kenmerk %d) is niet van toepassing op %s (Type migrant %u) en dient "
			   "niet geleverd te worden", label(k), k,
		    type_migrant == SWI_DOELGROEP_ASIEL ? "asielstatushouders"
							: "gezins- en overige migranten",
		    type_migrant);
	}
}

static void check_record(struct ctx *c, swi_category cat, const void *record, int64_t index,
			 uint32_t birth, uint32_t type_migrant)
{
	check_required(c, cat, record, index);
	check_dates(c, cat, record, index, birth);
	check_doelgroep(c, cat, record, index, type_migrant);
}

/* ---- the levering --------------------------------------------------- */

static bool file_name_matches(const struct swi_levering *l, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char want[40];
	int n = snprintf(want, sizeof(want), "SWI_%04u_%04u_%04u%u.", l->berichtgevercode,
			 l->gemeentecode, l->jaar, l->kwartaal);
	return strncmp(base, want, (size_t)n) == 0 &&
	       (strcmp(base + n, "XML") == 0 || strcmp(base + n, "zip") == 0 ||
		strcmp(base + n, "ZIP") == 0);
}

/* Day `day` (at most 28) of the first month after the quarter: as every quarter
 * ends on a month's last day, 3.3.4's 4 weeks end on the 28th. */
static int32_t next_quarter_day(const struct swi_levering *l, int day)
{
	return l->kwartaal == 4 ? (int32_t)(l->jaar + 1) * 10000 + 100 + day
				: (int32_t)l->jaar * 10000 + (l->kwartaal * 3 + 1) * 100 + day;
}

static void check_levering(struct ctx *c, const char *file_name)
{
	const struct swi_levering *l = &c->d->levering;
	check_required(c, SWI_CATEGORY_LEVERING, l, -1);

	if (has(l, SWI_K_STATISTIEKJAAR)) {
		char years[64];
		swi_ruleset_years(years, sizeof(years));
		if (c->rs_status != SWI_OK)
			add(c, SWI_RULE_NO_RULESET, SWI_CATEGORY_LEVERING, -1, SWI_K_STATISTIEKJAAR,
			    "Statistiekjaar (kenmerk 1) %u: libswi heeft hiervoor geen regelset; een "
			    "levering gaat over %d tot en met %d (een jaar na de peildatum %08d); "
			    "regelsets: %s", l->jaar, swi_ruleset_first_year(), c->today / 10000 + 1,
			    c->today, years);
		else if (c->rs_kind == SWI_RULESET_NEWEST)
			add(c, SWI_RULE_RULESET_NEWEST, SWI_CATEGORY_LEVERING, -1, SWI_K_STATISTIEKJAAR,
			    "Statistiekjaar (kenmerk 1) %u: libswi heeft voor dit jaar geen eigen "
			    "regelset; gecontroleerd met de nieuwste, regelset %d (regelsets: %s)",
			    l->jaar, c->rs->year, years);
		else if (c->rs_kind == SWI_RULESET_OLDEST)
			add(c, SWI_RULE_RULESET_OLDEST, SWI_CATEGORY_LEVERING, -1, SWI_K_STATISTIEKJAAR,
			    "Statistiekjaar (kenmerk 1) %u ligt voor de oudste regelset van libswi; "
			    "gecontroleerd met regelset %d (regelsets: %s)", l->jaar, c->rs->year, years);
	}

	if (has(l, SWI_K_STATISTIEKJAAR) && has(l, SWI_K_GEMEENTECODE)) {
		struct swi_gemeente_choice choice;
		int rc = swi_gemeenten_resolve(c->d, l->jaar, c->today, &choice);
		if (rc != SWI_OK) {
			c->rc = rc;
			return;
		}
		const struct swi_gemeente_list *list = choice.list;
		const char *from = choice.source[0] ? " uit " : "";
		if (list->year != l->jaar && c->rs_status == SWI_OK)
			add(c, SWI_RULE_GEMEENTEN_NEWEST, SWI_CATEGORY_LEVERING, -1, SWI_K_GEMEENTECODE,
			    "Gemeentecode (kenmerk 7): er is geen CBS-lijst van gemeenten op 1 januari "
			    "%u; gecontroleerd met de lijst van 1 januari %d%s%s", l->jaar, list->year,
			    from, choice.source);
		if (!swi_gemeente_find(list, l->gemeentecode))
			add(c, SWI_RULE_GEMEENTE, SWI_CATEGORY_LEVERING, -1, SWI_K_GEMEENTECODE,
			    "Gemeentecode (kenmerk 7) %04u staat niet in de CBS-lijst van gemeenten "
			    "op 1 januari %d%s%s", l->gemeentecode, list->year, from, choice.source);
		swi_gemeenten_choice_release(c->d, &choice);
	}

	bool named = has(l, 1) && has(l, 2) && has(l, 6) && has(l, 7);
	if (file_name && named && !file_name_matches(l, file_name))
		add(c, SWI_RULE_FILE_NAME, SWI_CATEGORY_LEVERING, -1, 0,
		    "Bestandsnaam '%s' hoort SWI_%04u_%04u_%04u%u.XML te zijn (of .zip)", file_name,
		    l->berichtgevercode, l->gemeentecode, l->jaar, l->kwartaal);

	if (c->qe && c->today <= c->qe)
		add(c, SWI_RULE_QUARTER_OPEN, SWI_CATEGORY_LEVERING, -1, SWI_K_STATISTIEKKWARTAAL,
		    "Statistiekkwartaal (kenmerk 2) %u van %u eindigt op %08d, na de peildatum %08d: "
		    "lever pas na afloop van het kwartaal", l->kwartaal, l->jaar, c->qe, c->today);
	else if (c->qe && c->today > next_quarter_day(l, c->rs->aanlever_days))
		add(c, SWI_RULE_LATE, SWI_CATEGORY_LEVERING, -1, SWI_K_STATISTIEKKWARTAAL,
		    "Statistiekkwartaal (kenmerk 2) %u van %u: de aanleverperiode eindigde %u dagen "
		    "na %08d; peildatum %08d", l->kwartaal, l->jaar, c->rs->aanlever_days, c->qe,
		    c->today);
}

/* ---- duplicates within a person ------------------------------------- */

static int compare_keys(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/*
 * Collects (key << 32 | record index) of the person's records of `kind`
 * into the scratch array and sorts it. Returns the count, or -1 (ENOMEM).
 */
static long sorted_keys(struct ctx *c, const struct swi_person *p, swi_category kind,
			uint32_t (*key)(const struct swi_record *))
{
	size_t n = 0, index = 0;
	for (const struct swi_record *r = p->first; r; r = r->next) {
		if (r->kind != kind)
			continue;
		if (n == c->keys_cap) {
			size_t cap = c->keys_cap ? c->keys_cap * 2 : 16;
			uint64_t *grown = swi_realloc(c->d, c->keys, cap * sizeof(*grown));
			if (!grown) {
				c->rc = SWI_ENOMEM;
				return -1;
			}
			c->keys = grown;
			c->keys_cap = cap;
		}
		c->keys[n++] = (uint64_t)key(r) << 32 | index++;
	}
	if (n > 1)
		qsort(c->keys, n, sizeof(*c->keys), compare_keys);
	return (long)n;
}

static uint32_t talk_key(const struct swi_record *r)
{
	return r->u.gesprek.datum;
}

static uint32_t pip_key(const struct swi_record *r)
{
	return r->u.pip.datum;
}

static uint32_t fine_key(const struct swi_record *r)
{
	/* Date and reason together: the same date with another reason is fine.
	 * Without a date there is nothing to compare (SWI-001 reports it). */
	return r->u.boete.datum ? r->u.boete.datum * 4u + r->u.boete.reden : 0;
}

/* Reports every record whose key (non-zero) equals its predecessor's. */
static void report_duplicates(struct ctx *c, long n, swi_category kind, enum swi_rule rule, int k,
			      const char *what)
{
	for (long i = 1; i < n; i++) {
		uint32_t a = (uint32_t)(c->keys[i - 1] >> 32), b = (uint32_t)(c->keys[i] >> 32);
		if (!b || a != b)
			continue;
		int64_t record = (int64_t)(c->keys[i] & 0xffffffffu);
		int64_t other = (int64_t)(c->keys[i - 1] & 0xffffffffu);
		add(c, rule, kind, record, k, "%s %lld: %s als %s %lld", swi_category_element(kind),
		    (long long)record + 1, what, swi_category_element(kind), (long long)other + 1);
	}
}

/* ---- a person ------------------------------------------------------- */

struct person_facts {
	bool has_pip, b1_or_z, z_done;
	uint32_t first_pip;  /* earliest PIPDatum, 0 if none */
	uint32_t latest_pip; /* latest PIPDatum, 0 if none */
	uint32_t n_pips, n_dated;
};

static void check_pips(struct ctx *c, const struct swi_person *p, struct person_facts *f)
{
	int64_t index = 0;
	uint32_t route_begin = 0;
	bool begin_differs = false;
	char text[SWI_CODE_TEXT_MAX];
	for (const struct swi_record *r = p->first; r; r = r->next) {
		if (r->kind != SWI_CATEGORY_PIP)
			continue;
		int64_t i = index++;
		uint32_t route = r->u.pip.route, datum = r->u.pip.datum;
		c->at.record_line = r->line;
		f->has_pip = true;
		f->b1_or_z |= route == SWI_LEERROUTE_ROUTE_B1_ROUTE || route == SWI_LEERROUTE_ROUTE_Z_ROUTE;
		f->z_done |= route == SWI_LEERROUTE_ROUTE_Z_ROUTE && r->u.pip.einddatum;
		if (datum && (!f->first_pip || datum < f->first_pip))
			f->first_pip = datum;
		if (datum > f->latest_pip)
			f->latest_pip = datum;
		f->n_pips++;
		f->n_dated += datum != 0;
		if (!route)
			add(c, SWI_RULE_PIP_NO_ROUTE, SWI_CATEGORY_PIP, i, 31,
			    "PIP %lld: Leerroute - route (kenmerk 31) ontbreekt; alleen juist bij "
			    "ontheffing of vrijstelling (anders de B1-route)", (long long)i + 1);
		if (r->u.pip.niveau && route != SWI_LEERROUTE_ROUTE_B1_ROUTE)
			add(c, SWI_RULE_K32_WITHOUT_B1, SWI_CATEGORY_PIP, i, 32,
			    "PIP %lld: Leerroute - niveau (kenmerk 32) %u is gevuld maar de route is %s",
			    (long long)i + 1, r->u.pip.niveau,
			    swi_code_text(SWI_K_LEERROUTE_ROUTE, route, text));
		if (route == SWI_LEERROUTE_ROUTE_B1_ROUTE && !r->u.pip.niveau)
			add(c, SWI_RULE_K32_MISSING, SWI_CATEGORY_PIP, i, 32,
			    "PIP %lld: Leerroute - niveau (kenmerk 32) ontbreekt bij de B1-route",
			    (long long)i + 1);
		if (r->u.pip.einddatum && route != SWI_LEERROUTE_ROUTE_Z_ROUTE)
			add(c, SWI_RULE_K34_WITHOUT_Z, SWI_CATEGORY_PIP, i, 34,
			    "PIP %lld: Leerroute - einddatum (kenmerk 34) %08u is alleen voor de Z-route; "
			    "de route is %s", (long long)i + 1, r->u.pip.einddatum,
			    swi_code_text(SWI_K_LEERROUTE_ROUTE, route, text));
		/* 2.3: "dient niet gevuld te worden indien de inburgeraar ... is verhuisd":
		 * an eindgesprek after the move cannot be this gemeente's. One on or
		 * before it (completed, then moved) is what k23-k27 rest on and 3.3.1
		 * repeats every quarter: a warning only, so such a person can be
		 * delivered. Without a move date, SWI-038 already says what is wrong. */
		if (r->u.pip.einddatum && p->einde_reden == SWI_EINDE_BEGELEIDING_REDEN_VERHUIZING &&
		    p->einde_datum &&
		    r->u.pip.einddatum > p->einde_datum)
			add(c, SWI_RULE_K34_AFTER_MOVE, SWI_CATEGORY_PIP, i, 34,
			    "PIP %lld: Leerroute - einddatum (kenmerk 34) %08u ligt na de verhuizing "
			    "(kenmerk 28 = 1, datum kenmerk 29 %08u)", (long long)i + 1,
			    r->u.pip.einddatum, p->einde_datum);
		else if (r->u.pip.einddatum && p->einde_reden == SWI_EINDE_BEGELEIDING_REDEN_VERHUIZING)
			add(c, SWI_RULE_K34_BEFORE_MOVE, SWI_CATEGORY_PIP, i, 34,
			    "PIP %lld: Leerroute - einddatum (kenmerk 34) %08u is gevuld voor een "
			    "persoon die verhuisd is (kenmerk 28 = 1); alleen juist als de Z-route "
			    "voor de verhuizing is afgerond", (long long)i + 1, r->u.pip.einddatum);
		if (r->u.pip.einddatum && r->u.pip.begindatum &&
		    r->u.pip.einddatum < r->u.pip.begindatum)
			add(c, SWI_RULE_ROUTE_ORDER, SWI_CATEGORY_PIP, i, 34,
			    "PIP %lld: Leerroute - einddatum (kenmerk 34) %08u ligt voor de begindatum "
			    "(kenmerk 33) %08u", (long long)i + 1, r->u.pip.einddatum, r->u.pip.begindatum);
		if (r->u.pip.einddatum && !r->u.pip.begindatum && p->type_migrant == SWI_TYPE_MIGRANT_ASIELMIGRANT)
			add(c, SWI_RULE_ROUTE_END_ONLY, SWI_CATEGORY_PIP, i, 34,
			    "PIP %lld: Leerroute - einddatum (kenmerk 34) %08u zonder begindatum "
			    "(kenmerk 33)", (long long)i + 1, r->u.pip.einddatum);
		if (r->u.pip.begindatum) {
			if (!route_begin)
				route_begin = r->u.pip.begindatum;
			else if (r->u.pip.begindatum != route_begin && !begin_differs) {
				begin_differs = true;
				add(c, SWI_RULE_ROUTE_BEGIN_DIFFERS, SWI_CATEGORY_PIP, i, 33,
				    "PIP %lld: Leerroute - begindatum (kenmerk 33) %08u verschilt van %08u "
				    "in een eerder PIP", (long long)i + 1, r->u.pip.begindatum, route_begin);
			}
		}
	}
	long n = sorted_keys(c, p, SWI_CATEGORY_PIP, pip_key);
	report_duplicates(c, n, SWI_CATEGORY_PIP, SWI_RULE_PIP_TWICE, 30,
			  "zelfde PIP-datum (kenmerk 30)");
}

static void check_talks(struct ctx *c, const struct swi_person *p)
{
	int64_t index = 0;
	for (const struct swi_record *r = p->first; r; r = r->next) {
		if (r->kind != SWI_CATEGORY_GESPREK)
			continue;
		int64_t i = index++;
		uint32_t datum = r->u.gesprek.datum;
		c->at.record_line = r->line;
		if (!datum)
			continue;
		/* 3.3.1 delivers a talk in its own quarter, but 3.3.6 asks for late
		 * information too: a warning here, and an error only for a talk the
		 * previous delivery already had (SWI-081, swi_delivery_compare). */
		if (c->qs && datum < (uint32_t)c->qs)
			add(c, SWI_RULE_TALK_BEFORE_QUARTER, SWI_CATEGORY_GESPREK, i, 35,
			    "Voortgangsgesprek %lld: datum (kenmerk 35) %08u ligt voor het "
			    "verslagkwartaal (vanaf %08d); alleen leveren als het niet eerder is "
			    "geleverd", (long long)i + 1, datum, c->qs);
		if (p->intake_begindatum && datum <= p->intake_begindatum)
			add(c, SWI_RULE_TALK_BEFORE_INTAKE, SWI_CATEGORY_GESPREK, i, 35,
			    "Voortgangsgesprek %lld: datum (kenmerk 35) %08u ligt op of voor de brede "
			    "intake (kenmerk 15) %08u", (long long)i + 1, datum, p->intake_begindatum);
		if (p->einde_datum && datum > p->einde_datum)
			add(c, SWI_RULE_TALK_AFTER_END, SWI_CATEGORY_GESPREK, i, 35,
			    "Voortgangsgesprek %lld: datum (kenmerk 35) %08u ligt na het einde van de "
			    "begeleiding (kenmerk 29) %08u", (long long)i + 1, datum, p->einde_datum);
	}
	int max = swi_category_max_per_person(SWI_CATEGORY_GESPREK);
	if (max && index > max)
		add(c, SWI_RULE_TALKS_MAX, SWI_CATEGORY_GESPREK, -1, 35,
		    "%lld voortgangsgesprekken (kenmerk 35); maximaal %d per persoon per kwartaal",
		    (long long)index, max);
	long n = sorted_keys(c, p, SWI_CATEGORY_GESPREK, talk_key);
	report_duplicates(c, n, SWI_CATEGORY_GESPREK, SWI_RULE_TALK_TWICE, 35,
			  "zelfde datum (kenmerk 35)");
}

static void check_fines(struct ctx *c, const struct swi_person *p, const struct person_facts *f)
{
	int64_t index = 0;
	for (const struct swi_record *r = p->first; r; r = r->next) {
		if (r->kind != SWI_CATEGORY_BOETE)
			continue;
		int64_t i = index++;
		uint32_t datum = r->u.boete.datum;
		c->at.record_line = r->line;
		if (!datum)
			continue;
		if (c->qs && datum < (uint32_t)c->qs)
			add(c, SWI_RULE_FINE_BEFORE_QUARTER, SWI_CATEGORY_BOETE, i, 36,
			    "Boete %lld: datum (kenmerk 36) %08u ligt voor het verslagkwartaal; alleen "
			    "juist als correctie van een eerder geleverde boete", (long long)i + 1, datum);
		/* 2.5, k37: reden 2 is a fine during the traject, which the PIP
		 * starts; 3.3.1 delivers the latest PIP every quarter. */
		if (r->u.boete.reden == SWI_BOETE_REDEN_ARTIKEL_23 && !f->has_pip)
			add(c, SWI_RULE_FINE_NO_PIP, SWI_CATEGORY_BOETE, i, 37,
			    "Boete %lld: reden (kenmerk 37) 2 (tijdens het inburgeringstraject) voor een "
			    "persoon zonder PIP in de levering", (long long)i + 1);
		if (p->einde_datum && datum > p->einde_datum)
			add(c, SWI_RULE_FINE_AFTER_END, SWI_CATEGORY_BOETE, i, 36,
			    "Boete %lld: datum (kenmerk 36) %08u ligt na het einde van de begeleiding "
			    "(kenmerk 29) %08u", (long long)i + 1, datum, p->einde_datum);
	}
	long n = sorted_keys(c, p, SWI_CATEGORY_BOETE, fine_key);
	report_duplicates(c, n, SWI_CATEGORY_BOETE, SWI_RULE_FINE_TWICE, 36,
			  "zelfde datum (kenmerk 36) en reden (kenmerk 37)");
}

/* A rule about a pair "end without begin" or "end before begin". */
static void check_pair(struct ctx *c, const struct swi_person *p, int begin, int end,
		       enum swi_rule order_rule, enum swi_rule end_only_rule)
{
	if (!has(p, end))
		return;
	if (!has(p, begin))
		add(c, end_only_rule, SWI_CATEGORY_PERSOON, -1, end,
		    "%s (kenmerk %d) %08u is gevuld zonder %s (kenmerk %d)", label(end), end,
		    get(p, end), label(begin), begin);
	else if (get(p, end) < get(p, begin))
		add(c, order_rule, SWI_CATEGORY_PERSOON, -1, end,
		    "%s (kenmerk %d) %08u ligt voor %s (kenmerk %d) %08u", label(end), end,
		    get(p, end), label(begin), begin, get(p, begin));
}

static void check_person(struct ctx *c, const struct swi_person *p)
{
	struct person_facts f = {0};
	uint32_t birth = p->geboortedatum, type = p->type_migrant;
	char text[SWI_CODE_TEXT_MAX];

	check_record(c, SWI_CATEGORY_PERSOON, p, -1, birth, type);
	int64_t index[SWI_CATEGORY_BOETE + 1] = {0};
	for (const struct swi_record *r = p->first; r; r = r->next) {
		c->at.record_line = r->line;
		check_record(c, (swi_category)r->kind, r, index[r->kind]++, birth, type);
	}
	c->at.record_line = 0;

	if (birth && c->qe) {
		/* Whole years between two yyyymmdd dates: the difference / 10000. */
		uint32_t age = ((uint32_t)c->qe - birth) / 10000;
		if (birth <= (uint32_t)c->qe && (age < c->rs->min_age || age > c->rs->max_age))
			add(c, SWI_RULE_AGE, SWI_CATEGORY_PERSOON, -1, SWI_K_GEBOORTEDATUM,
			    "Geboortedatum (kenmerk 9) %08u: %u jaar oud aan het einde van het kwartaal, "
			    "buiten %u tot en met %u", birth, age, c->rs->min_age, c->rs->max_age);
	}

	check_pips(c, p, &f);
	check_talks(c, p);
	check_fines(c, p, &f);
	c->at.record_line = 0; /* duplicates below point at the person's line */

	/* k18/k19: analfabetisme only if an alfabetiseringscursus is needed. */
	if (p->analfabetisme && p->alfabetiseringscursus != SWI_NEE_JA_JA)
		add(c, SWI_RULE_K19_WITHOUT_K18, SWI_CATEGORY_PERSOON, -1, 19,
		    "Analfabetisme (kenmerk 19) %u is gevuld maar Alfabetiseringscursus (kenmerk 18) "
		    "is %s", p->analfabetisme,
		    swi_code_text(SWI_K_ALFABETISERINGSCURSUS, p->alfabetiseringscursus, text));
	if (p->alfabetiseringscursus == SWI_NEE_JA_JA && !p->analfabetisme)
		add(c, SWI_RULE_K19_MISSING, SWI_CATEGORY_PERSOON, -1, 19,
		    "Analfabetisme (kenmerk 19) ontbreekt terwijl Alfabetiseringscursus (kenmerk 18) "
		    "%s is", swi_code_text(SWI_K_ALFABETISERINGSCURSUS, SWI_NEE_JA_JA, text));

	/* k23-k27: only after a completed Z-route, k24-k27 only if k23 = 2. */
	if (p->z_inschatting && !f.z_done)
		add(c, SWI_RULE_K23_WITHOUT_Z, SWI_CATEGORY_PERSOON, -1, 23,
		    "Z-route - inschatting taalniveau (kenmerk 23) %u is gevuld zonder afgeronde "
		    "Z-route (geen PIP met route %d en einddatum)", p->z_inschatting,
		    SWI_LEERROUTE_ROUTE_Z_ROUTE);
	if (f.z_done && !p->z_inschatting)
		add(c, SWI_RULE_K23_MISSING, SWI_CATEGORY_PERSOON, -1, 23,
		    "Z-route - inschatting taalniveau (kenmerk 23) ontbreekt na een afgeronde Z-route");
	for (int k = SWI_K_ZROUTE_LEZEN; k <= SWI_K_ZROUTE_LUISTEREN; k++) {
		if (has(p, k) && p->z_inschatting != SWI_NEE_JA_JA)
			add(c, SWI_RULE_K24_WITHOUT_K23, SWI_CATEGORY_PERSOON, -1, k,
			    "%s (kenmerk %d) %u is gevuld maar de inschatting taalniveau (kenmerk 23) "
			    "is %s", label(k), k, get(p, k),
			    swi_code_text(SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU, p->z_inschatting, text));
		if (!has(p, k) && p->z_inschatting == SWI_NEE_JA_JA)
			add(c, SWI_RULE_K24_MISSING, SWI_CATEGORY_PERSOON, -1, k,
			    "%s (kenmerk %d) ontbreekt terwijl de inschatting taalniveau (kenmerk 23) "
			    "%s is", label(k), k,
			    swi_code_text(SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU, SWI_NEE_JA_JA, text));
	}

	/* k28/k29: the date is mandatory with the reason. */
	if (p->einde_reden && !p->einde_datum)
		add(c, SWI_RULE_K29_MISSING, SWI_CATEGORY_PERSOON, -1, 29,
		    "Einde begeleiding gemeente - datum (kenmerk 29) ontbreekt bij reden (kenmerk 28) %u",
		    p->einde_reden);
	if (p->einde_datum && !p->einde_reden)
		add(c, SWI_RULE_K28_MISSING, SWI_CATEGORY_PERSOON, -1, 28,
		    "Einde begeleiding gemeente - reden (kenmerk 28) ontbreekt bij datum (kenmerk 29) "
		    "%08u", p->einde_datum);

	/* k21/k22: for persons who follow or followed the B1- or Z-route. */
	if ((p->map_eerste_activiteit || p->map_eindgesprek) && !f.b1_or_z) {
		int k = p->map_eerste_activiteit ? 21 : 22;
		add(c, SWI_RULE_MAP_WITHOUT_ROUTE, SWI_CATEGORY_PERSOON, -1, k,
		    "%s (kenmerk %d) %08u is gevuld maar de levering bevat geen PIP met de B1- of "
		    "Z-route", label(k), k, get(p, k));
	}

	/* Order of begin and end; the ontzorgen pair only where it applies. */
	if (type != SWI_DOELGROEP_GEZIN)
		check_pair(c, p, SWI_K_ONTZORGEN_BEGINDATUM, SWI_K_ONTZORGEN_EINDDATUM,
			   SWI_RULE_ONTZORGEN_ORDER, SWI_RULE_ONTZORGEN_END_ONLY);
	check_pair(c, p, SWI_K_MAP_DATUM_EERSTE_ACTIVITEIT, SWI_K_MAP_DATUM_EINDGESPREK,
		   SWI_RULE_MAP_ORDER, SWI_RULE_MAP_END_ONLY);

	/* Plausibility around the brede intake (2.2, kenmerk 15 and 16). */
	if (f.has_pip && !p->intake_begindatum)
		add(c, SWI_RULE_PIP_NO_INTAKE, SWI_CATEGORY_PERSOON, -1, 15,
		    "Brede intake - begindatum (kenmerk 15) ontbreekt terwijl er een PIP is");
	if (f.first_pip && p->intake_begindatum > f.first_pip)
		add(c, SWI_RULE_INTAKE_AFTER_PIP, SWI_CATEGORY_PERSOON, -1, 15,
		    "Brede intake - begindatum (kenmerk 15) %08u ligt na het eerste PIP (kenmerk 30) "
		    "%08u", p->intake_begindatum, f.first_pip);
	if (p->uren_taal_knm != SWI_U16_UNSET && !p->intake_begindatum)
		add(c, SWI_RULE_HOURS_NO_INTAKE, SWI_CATEGORY_PERSOON, -1, 16,
		    "Brede intake - gevolgde uren taalles en KNM (kenmerk 16) %u zonder brede intake "
		    "(kenmerk 15)", p->uren_taal_knm);
	/* 3.3.1: several PIPs only for a quarter in which more than one applied;
	 * the quarter after, only the latest (unless late or changed information). */
	if (f.n_pips > 1 && f.n_dated == f.n_pips && c->qs && f.latest_pip < (uint32_t)c->qs)
		add(c, SWI_RULE_PIPS_OLD, SWI_CATEGORY_PIP, -1, 30,
		    "%u PIP's maar geen met een datum (kenmerk 30) in het verslagkwartaal (vanaf "
		    "%08d); lever alleen het meest recente PIP (%08u), tenzij een eerder PIP "
		    "gewijzigde of vertraagde informatie heeft", f.n_pips, c->qs, f.latest_pip);
	if (f.has_pip && !p->alfabetiseringscursus)
		add(c, SWI_RULE_PIP_NO_K18, SWI_CATEGORY_PERSOON, -1, 18,
		    "Alfabetiseringscursus (kenmerk 18) ontbreekt terwijl er een PIP is");
}

/* ---- entry points --------------------------------------------------- */

SWI_EXPORT int swi_delivery_set_reference_date(swi_delivery *d, int32_t yyyymmdd)
{
	if (!d)
		return SWI_EINVAL;
	if (yyyymmdd != 0 && !swi_date_valid((uint32_t)yyyymmdd))
		return swi_error(d, SWI_EDATE, "peildatum %d is geen bestaande datum (jjjjmmdd)",
				 yyyymmdd);
	d->reference_date = yyyymmdd;
	swi_changed(d);
	return SWI_OK;
}

static int validate(swi_report **out, swi_delivery *d, const char *file_name, unsigned flags,
		    bool errors_only)
{
	struct ctx c = {.d = d, .flags = flags, .errors_only = errors_only, .rc = SWI_OK};
	if (swi_report_at_start(&c.at, d->alloc, d->alloc_ud, flags & SWI_VALIDATE_SHOW_BSN,
				d->levering_line) != SWI_OK)
		return SWI_ENOMEM;
	const struct swi_levering *l = &d->levering;
	if (has(l, SWI_K_STATISTIEKJAAR) && has(l, SWI_K_STATISTIEKKWARTAAL)) {
		c.qs = (int32_t)l->jaar * 10000 + (l->kwartaal * 3 - 2) * 100 + 1;
		c.qe = (int32_t)l->jaar * 10000 + l->kwartaal * 300 +
		       (l->kwartaal == 1 || l->kwartaal == 4 ? 31 : 30);
	}
	c.today = d->reference_date ? d->reference_date : swi_today_local();
	/* Without k1 (SWI-001) the newest ruleset lends its figures. */
	c.rs = swi_ruleset_pick(has(l, SWI_K_STATISTIEKJAAR) ? l->jaar : 9999, c.today, &c.rs_kind,
				&c.rs_status);

	check_levering(&c, file_name);
	int64_t index = 0;
	if (c.rc != SWI_OK)
		goto done;
	for (const swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p)) {
		swi_report_at_person(&c.at, p->bsn, index++, p->line);
		check_person(&c, p);
		if (c.rc != SWI_OK || swi_report_status(c.at.r) != SWI_OK)
			break;
	}
done:
	swi_free(d, c.keys);
	int rc = swi_report_finish(c.at.r, c.rc, out);
	if (rc == SWI_OK && swi_report_count_severity(*out, SWI_SEVERITY_ERROR) == 0) {
		d->clean_generation = d->generation + 1;
		d->clean_today = c.today;
	} else {
		d->clean_generation = 0; /* a list file may have changed meanwhile */
	}
	return rc;
}

SWI_EXPORT int swi_delivery_validate(swi_report **out, swi_delivery *d, const char *file_name,
				     unsigned flags)
{
	if (out)
		*out = NULL;
	if (!out || !d)
		return d ? swi_error(d, SWI_EINVAL, "geen uitvoerparameter") : SWI_EINVAL;
	if (flags & ~(unsigned)SWI_VALIDATE_SHOW_BSN)
		return swi_error(d, SWI_EINVAL, "onbekende validatievlaggen 0x%x", flags);
	int rc = validate(out, d, file_name, flags, false);
	if (rc == SWI_ENOMEM)
		return swi_error(d, rc, "onvoldoende geheugen voor het validatierapport");
	return rc; /* a list file's problem is in d's message already */
}

int swi_rules_gate(swi_delivery *d)
{
	/* Unchanged since a validation without errors, on the same day. */
	if (d->clean_generation == d->generation + 1 &&
	    d->clean_today == (d->reference_date ? d->reference_date : swi_today_local()))
		return SWI_OK;
	swi_report *r;
	int rc = validate(&r, d, NULL, 0, true);
	if (rc == SWI_ENOMEM)
		return swi_error(d, rc, "onvoldoende geheugen voor de validatie");
	if (rc != SWI_OK)
		return rc; /* a municipality list file: the message says which */
	/* Missing schema-required kenmerken are the one error with its own code;
	 * the message names an error of the rule that code stands for. */
	enum swi_rule rule = SWI_RULE_REQUIRED;
	const char *first = swi_report_first_of(r, SWI_RULE_REQUIRED);
	if (!first)
		first = swi_report_first_error(r, &rule);
	if (first) {
		rc = rule == SWI_RULE_REQUIRED ? SWI_EINCOMPLETE : SWI_EINVALID;
		swi_error(d, rc, "de levering heeft %zu fout(en) en wordt niet geschreven; eerste: %s %s",
			  swi_report_count_severity(r, SWI_SEVERITY_ERROR), swi_rule_id(rule), first);
	}
	swi_report_free(r);
	return rc;
}
