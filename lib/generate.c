/*
 * Synthetic, rule-valid deliveries (include/swi/generate.h). The timeline
 * of a person is built forwards from the brede intake so that every
 * ordering rule of the guideline holds by construction; lib/validate.c is
 * the judge, and tests/test-generate.c runs it over every quarter.
 *
 * The same generator serves the test suite and the benchmarks through
 * tests/generate.c (lib/generator.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gemeenten.h"
#include "generator.h"
#include "private.h"
#include "ruleset.h"

/* ---- the pseudo-random stream and dates ------------------------------ */

void swi_gen_seed(struct swi_gen_rng *g, uint64_t seed)
{
	g->state = seed * 0x9E3779B97F4A7C15ull + 1;
	if (!g->state) /* xorshift stays at 0 forever */
		g->state = 0x9E3779B97F4A7C15ull;
}

uint32_t swi_gen_next(struct swi_gen_rng *g)
{
	/* xorshift64*: fast, good enough, and the same on every platform. */
	g->state ^= g->state >> 12;
	g->state ^= g->state << 25;
	g->state ^= g->state >> 27;
	return (uint32_t)((g->state * 0x2545F4914F6CDD1Dull) >> 32);
}

int swi_gen_range(struct swi_gen_rng *g, int lo, int hi)
{
	return lo + (int)(swi_gen_next(g) % (uint32_t)(hi - lo + 1));
}

uint32_t swi_gen_bsn(struct swi_gen_rng *g)
{
	for (;;) {
		uint32_t v = swi_gen_next(g) % 1000000000u;
		if (swi_bsn_valid(v))
			return v;
	}
}

/* Days since 1970-01-01 and back (proleptic Gregorian). */
static int64_t days_from_date(int32_t v)
{
	int64_t y = v / 10000, m = v / 100 % 100, d = v % 100;
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int32_t date_from_days(int64_t z)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t swi_gen_date_add_days(int32_t v, int days)
{
	return date_from_days(days_from_date(v) + days);
}

int32_t swi_gen_quarter_first_day(int year, int quarter)
{
	return year * 10000 + (quarter * 3 - 2) * 100 + 1;
}

int32_t swi_gen_quarter_last_day(int year, int quarter)
{
	return year * 10000 + quarter * 300 + (quarter == 1 || quarter == 4 ? 31 : 30);
}

static int32_t min32(int32_t a, int32_t b)
{
	return a < b ? a : b;
}

static int32_t max32(int32_t a, int32_t b)
{
	return a > b ? a : b;
}

/* A random date in [lo, hi]; lo <= hi. */
static int32_t date_between(struct swi_gen_rng *g, int32_t lo, int32_t hi)
{
	int64_t a = days_from_date(lo), b = days_from_date(hi);
	return date_from_days(a + (int64_t)(swi_gen_next(g) % (uint32_t)(b - a + 1)));
}

static int days_between(int32_t lo, int32_t hi)
{
	return (int)(days_from_date(hi) - days_from_date(lo));
}

/* ---- one person ------------------------------------------------------ */

void swi_gen_person_opts_default(struct swi_gen_person_opts *o)
{
	*o = (struct swi_gen_person_opts){.asiel_percent = 55, .pips = 1, .talks = 1, .fines = 1,
					  .zroute_percent = -1, .movers_percent = -1};
}

/* Independent optional kenmerken: all with `full`, else about 60%. */
static int maybe(struct swi_gen_rng *g, const struct swi_gen_person_opts *o)
{
	return o->full || swi_gen_range(g, 1, 100) <= 60;
}

/* Stops the person at the first failing call (only SWI_ENOMEM is expected). */
#define TRY(call)                     \
	do {                          \
		rc = (call);          \
		if (rc != SWI_OK)     \
			goto fail;    \
	} while (0)

/* The learning route of the next PIP after `route`. */
static int next_route(const struct swi_gen_person_opts *o, int route)
{
	enum { B1 = SWI_LEERROUTE_ROUTE_B1_ROUTE, Z = SWI_LEERROUTE_ROUTE_Z_ROUTE };
	if (o->zroute_percent < 0)
		return route == Z ? B1 : route + 1;
	return route == Z ? Z : Z - route; /* B1 <-> onderwijsroute */
}

static int header_quarter(swi_delivery *d, int32_t *year, int32_t *quarter)
{
	if (swi_delivery_get_int(d, SWI_K_STATISTIEKJAAR, year) != SWI_OK ||
	    swi_delivery_get_int(d, SWI_K_STATISTIEKKWARTAAL, quarter) != SWI_OK)
		return swi_error(d, SWI_EINCOMPLETE, "synthetische personen: Statistiekjaar (kenmerk 1) "
				 "en Statistiekkwartaal (kenmerk 2) van de levering zijn nodig");
	if (*year < swi_ruleset_first_year() || *year > 9998)
		return swi_error(d, SWI_EYEAR, "synthetische personen: Statistiekjaar (kenmerk 1) %d "
				 "ligt buiten %d tot en met 9998", (int)*year, swi_ruleset_first_year());
	return SWI_OK;
}

int swi_gen_person(swi_person **out, swi_delivery *d, struct swi_gen_rng *g,
		   const struct swi_gen_person_opts *o)
{
	int32_t year, quarter;
	int rc = header_quarter(d, &year, &quarter);
	if (out)
		*out = NULL;
	if (rc != SWI_OK)
		return rc;
	const int32_t qs = swi_gen_quarter_first_day(year, quarter);
	const int32_t qe = swi_gen_quarter_last_day(year, quarter);

	swi_person *p = NULL;
	char bsn[10];
	do {
		snprintf(bsn, sizeof(bsn), "%09u", swi_gen_bsn(g));
	} while (swi_delivery_find_person(&p, d, bsn) == SWI_OK);
	rc = swi_delivery_add_person(&p, d, bsn);
	if (rc != SWI_OK)
		return rc;

	const int asiel = swi_gen_range(g, 1, 100) <= o->asiel_percent;
	/* Aged 19-64 at the end of the quarter: well inside the 16-70 band. */
	int32_t birth = (year - swi_gen_range(g, 19, 64)) * 10000 + swi_gen_range(g, 1, 12) * 100 +
			swi_gen_range(g, 1, 28);
	TRY(swi_person_set_int(p, SWI_K_GEBOORTEDATUM, birth));
	TRY(swi_person_set_int(p, SWI_K_GESLACHT,
			       swi_gen_range(g, 1, 100) <= 2 ? SWI_GESLACHT_ONBEKEND
							     : swi_gen_range(g, SWI_GESLACHT_MAN,
									     SWI_GESLACHT_VROUW)));
	TRY(swi_person_set_int(p, SWI_K_TYPE_MIGRANT,
			       asiel ? SWI_TYPE_MIGRANT_ASIELMIGRANT : SWI_TYPE_MIGRANT_GEZINSMIGRANT));

	/* Stage: 0 only k8-k11 (3.3.3), 1 intake, 2 with PIPs. */
	int stage = o->full ? 2
		    : swi_gen_range(g, 0, 9) == 0 ? 0
		    : swi_gen_range(g, 0, 2)	 ? 2
						 : 1;
	if (stage == 2 && !o->pips)
		stage = 1;
	if (stage == 0)
		goto done;

	/* The brede intake starts the traject: from the law's first day, after
	 * the 18th birthday, and early enough for PIPs before the quarter's end. */
	const int32_t law_start = swi_ruleset_first_year() * 10000 + 101;
	int32_t earliest = max32(law_start, birth + 180000);
	int32_t latest = swi_gen_date_add_days(qe, -120);
	if (latest < earliest)
		latest = earliest;
	const int32_t intake = date_between(g, earliest, min32(latest, qe));
	int32_t last_event = intake;

	if (stage == 2 || maybe(g, o))
		TRY(swi_person_set_int(p, SWI_K_BREDE_INTAKE_BEGINDATUM, intake));
	const int has_intake = swi_person_has(p, SWI_K_BREDE_INTAKE_BEGINDATUM) == 1;
	if (has_intake && maybe(g, o))
		TRY(swi_person_set_int(p, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM, swi_gen_range(g, 0, 400)));
	if (maybe(g, o) && swi_gen_range(g, 0, 3) == 0)
		TRY(swi_person_set_int(p, SWI_K_WAARSCHUWING_INTAKE_DATUM,
				       max32(max32(birth + 160000, law_start),
					     swi_gen_date_add_days(intake, -10))));
	if (asiel) {
		if (maybe(g, o))
			TRY(swi_person_set_int(p, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM, intake));
		if (maybe(g, o)) { /* ontzorgen: begin, and the end once it is past */
			int32_t begin = min32(swi_gen_date_add_days(intake, 7), qe);
			TRY(swi_person_set_int(p, SWI_K_ONTZORGEN_BEGINDATUM, begin));
			int32_t end = swi_gen_date_add_days(begin, swi_gen_range(g, 28, 200));
			if (end <= qe)
				TRY(swi_person_set_int(p, SWI_K_ONTZORGEN_EINDDATUM, end));
		}
	}
	/* k18 and k19 go together: k19 only when k18 = 2 (Ja). */
	if (stage == 2 || maybe(g, o)) {
		int alfa = swi_gen_range(g, SWI_NEE_JA_NEE, SWI_NEE_JA_JA);
		TRY(swi_person_set_int(p, SWI_K_ALFABETISERINGSCURSUS, alfa));
		if (alfa == SWI_NEE_JA_JA)
			TRY(swi_person_set_int(p, SWI_K_ANALFABETISME, swi_gen_range(g, 1, 2)));
	}

	int b1_or_z = 0, z_done = 0, n_made = 0;
	if (stage == 2) {
		int n_pips = o->full ? 2 : swi_gen_range(g, 1, 2);
		int32_t pip_date = min32(swi_gen_date_add_days(intake, swi_gen_range(g, 20, 60)), qe);
		int32_t route_begin = 0;
		enum { B1 = SWI_LEERROUTE_ROUTE_B1_ROUTE, ONDERWIJS = SWI_LEERROUTE_ROUTE_ONDERWIJSROUTE,
		       Z = SWI_LEERROUTE_ROUTE_Z_ROUTE };
		int route = o->zroute_percent < 0 ? swi_gen_range(g, B1, Z)
			    : swi_gen_range(g, 1, 100) <= o->zroute_percent ? Z
									    : swi_gen_range(g, B1, ONDERWIJS);
		for (int i = 0; i < n_pips && pip_date <= qe; i++) {
			/* 3.3.1: several PIPs only when the latest is of this quarter. */
			if (i == n_pips - 1 && i > 0)
				pip_date = max32(pip_date, qs);
			n_made++;
			swi_record *r;
			TRY(swi_person_add_record(&r, p, SWI_CATEGORY_PIP));
			TRY(swi_record_set_int(r, SWI_K_PIP_DATUM, pip_date));
			TRY(swi_record_set_int(r, SWI_K_LEERROUTE_ROUTE, route));
			if (route == B1)
				TRY(swi_record_set_int(r, SWI_K_LEERROUTE_NIVEAU,
						       swi_gen_range(g, SWI_LEERROUTE_NIVEAU_B1,
								     SWI_LEERROUTE_NIVEAU_A2)));
			b1_or_z |= route != ONDERWIJS;
			/* Asielstatushouders: one begindatum for the leerroute, the same
			 * in every PIP (2.3: a route change keeps it). */
			if (asiel && !route_begin && days_between(pip_date, qe) >= 14)
				route_begin = swi_gen_date_add_days(pip_date, 14);
			if (asiel && route_begin)
				TRY(swi_record_set_int(r, SWI_K_LEERROUTE_BEGINDATUM, route_begin));
			/* A completed Z-route: the eindgesprek, after the begindatum. */
			if (route == Z && swi_gen_range(g, 0, 1)) {
				int32_t from = max32(pip_date, route_begin);
				if (days_between(from, qe) >= 30) {
					int32_t end = date_between(g, swi_gen_date_add_days(from, 30), qe);
					TRY(swi_record_set_int(r, SWI_K_LEERROUTE_EINDDATUM, end));
					z_done = 1;
					last_event = max32(last_event, end);
				}
			}
			last_event = max32(last_event, pip_date);
			pip_date = swi_gen_date_add_days(pip_date, swi_gen_range(g, 20, 90));
			route = next_route(o, route);
		}
	}
	if (b1_or_z && maybe(g, o)) {
		int32_t act = min32(swi_gen_date_add_days(intake, 40), qe);
		TRY(swi_person_set_int(p, SWI_K_MAP_DATUM_EERSTE_ACTIVITEIT, act));
		last_event = max32(last_event, act);
		int32_t talk = swi_gen_date_add_days(act, swi_gen_range(g, 30, 120));
		if (talk <= qe && maybe(g, o)) {
			TRY(swi_person_set_int(p, SWI_K_MAP_DATUM_EINDGESPREK, talk));
			last_event = max32(last_event, talk);
		}
	}
	if (z_done && (o->clean || maybe(g, o))) {
		int known = swi_gen_range(g, SWI_NEE_JA_NEE, SWI_NEE_JA_JA);
		TRY(swi_person_set_int(p, SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU, known));
		static const int levels[] = {SWI_TAALNIVEAU_LAGER_DAN_A1, SWI_TAALNIVEAU_A1,
					     SWI_TAALNIVEAU_A2_OF_HOGER, SWI_TAALNIVEAU_ONBEKEND};
		if (known == SWI_NEE_JA_JA)
			for (int k = SWI_K_ZROUTE_LEZEN; k <= SWI_K_ZROUTE_LUISTEREN; k++)
				TRY(swi_person_set_int(p, k, levels[swi_gen_range(g, 0, 3)]));
	}
	if (maybe(g, o)) {
		int32_t pvt = min32(swi_gen_date_add_days(intake, 45), qe);
		TRY(swi_person_set_int(p, SWI_K_PVT_ONDERTEKENINGSDATUM, pvt));
		last_event = max32(last_event, pvt);
	}

	/* An end of guidance (a move or no longer obliged): reden and datum
	 * always together, after everything else. 2.3: no Z-route einddatum
	 * after a move; one before it is legal but warned (SWI-044). */
	int32_t end_of_guidance = 0;
	enum { VERHUIZING = SWI_EINDE_BEGELEIDING_REDEN_VERHUIZING,
	       NIET_MEER = SWI_EINDE_BEGELEIDING_REDEN_NIET_MEER_INBURGERINGSPLICHTIG };
	int reden = 0;
	if (o->movers_percent < 0) {
		if (o->full || swi_gen_range(g, 1, 10) == 1)
			reden = z_done ? NIET_MEER : swi_gen_range(g, VERHUIZING, NIET_MEER);
	} else {
		int u = swi_gen_range(g, 1, 100);
		if (u <= o->movers_percent)
			reden = z_done && o->clean ? NIET_MEER : VERHUIZING;
		else if (o->full || u > 95)
			reden = NIET_MEER;
	}
	if (reden) {
		end_of_guidance = date_between(g, max32(last_event, qs), qe);
		TRY(swi_person_set_int(p, SWI_K_EINDE_BEGELEIDING_REDEN, reden));
		TRY(swi_person_set_int(p, SWI_K_EINDE_BEGELEIDING_DATUM, end_of_guidance));
	}
	const int32_t window_end = end_of_guidance ? end_of_guidance : qe;

	/* Talks: gezinsmigranten only, in this quarter, after the intake. */
	int32_t talk_from = max32(qs, swi_gen_date_add_days(intake, 1));
	if (o->talks && !asiel && talk_from <= window_end) {
		int n = o->full ? 2 : swi_gen_range(g, 0, 2);
		int32_t used = 0;
		for (int i = 0; i < n; i++) {
			int32_t date = date_between(g, talk_from, window_end);
			if (date == used)
				continue;
			used = date;
			swi_record *r;
			TRY(swi_person_add_record(&r, p, SWI_CATEGORY_GESPREK));
			TRY(swi_record_set_int(r, SWI_K_VOORTGANGSGESPREK_DATUM, date));
		}
	}

	/* Fines: one in ten, in this quarter; when realistic, some are
	 * corrections of a fine from an earlier quarter (2.5), a warning. */
	int32_t fine_from = max32(qs, intake);
	if (o->fines && (o->full || swi_gen_range(g, 1, 10) == 1) && fine_from <= window_end) {
		swi_record *r;
		int correction = !o->clean && swi_gen_range(g, 0, 3) == 0 && intake < qs;
		int32_t date = correction ? date_between(g, intake, swi_gen_date_add_days(qs, -1))
					  : date_between(g, fine_from, window_end);
		TRY(swi_person_add_record(&r, p, SWI_CATEGORY_BOETE));
		TRY(swi_record_set_int(r, SWI_K_BOETE_DATUM, date));
		/* 2.5: reden 2 is a fine during the traject, which the PIP starts. */
		int why = swi_gen_range(g, SWI_BOETE_REDEN_ARTIKEL_22, SWI_BOETE_REDEN_ARTIKEL_23);
		TRY(swi_record_set_int(r, SWI_K_BOETE_REDEN,
				       o->clean && !n_made ? SWI_BOETE_REDEN_ARTIKEL_22 : why));
		TRY(swi_record_set_int(r, SWI_K_BOETE_BEDRAG, correction ? 0 : swi_gen_range(g, 0, 1250)));
	}
done:
	if (out)
		*out = p;
	return SWI_OK;
fail:
	swi_person_remove(p);
	return rc;
}

/* ---- the public generator -------------------------------------------- */

struct swi_generator {
	int64_t seed, persons;
	int year, quarter, gemeente, berichtgever;
	struct swi_gen_person_opts person;
	char message[320];
};

#define MAX_PERSONS 10000000

static int set_message(swi_generator *g, int rc, const char *fmt, ...) SWI_ATTR_PRINTF(3, 4);
static int set_message(swi_generator *g, int rc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(g->message, sizeof(g->message), fmt, ap);
	va_end(ap);
	return rc;
}

SWI_EXPORT int swi_generator_new(swi_generator **out)
{
	if (!out)
		return SWI_EINVAL;
	swi_generator *g = calloc(1, sizeof(*g));
	*out = g;
	if (!g)
		return SWI_ENOMEM;
	g->seed = 1;
	g->persons = 100;
	g->year = 2026;
	g->quarter = 1;
	g->gemeente = 153;
	g->berichtgever = -1;
	swi_gen_person_opts_default(&g->person);
	return SWI_OK;
}

SWI_EXPORT void swi_generator_free(swi_generator *g)
{
	free(g);
}

/* The int field an option lives in, with its range; NULL for the seed and
 * the count, which are 64-bit, and for unknown options (*known = 0). */
static int *option_field(swi_generator *g, int option, int *lo, int *hi, const char **name)
{
	struct swi_gen_person_opts *o = &g->person;
	*lo = 0;
	*hi = 1;
	switch (option) {
	case SWI_GEN_YEAR:
		*lo = swi_ruleset_first_year(), *hi = 9998, *name = "statistiekjaar";
		return &g->year;
	case SWI_GEN_QUARTER:
		*lo = 1, *hi = 4, *name = "kwartaal";
		return &g->quarter;
	case SWI_GEN_GEMEENTE:
		*lo = 1, *hi = 9999, *name = "gemeentecode";
		return &g->gemeente;
	case SWI_GEN_BERICHTGEVER:
		*lo = -1, *hi = 9999, *name = "berichtgevercode";
		return &g->berichtgever;
	case SWI_GEN_ASIEL_PERCENT:
		*hi = 100, *name = "aandeel asielstatushouders (procent)";
		return &o->asiel_percent;
	case SWI_GEN_PIPS:
		*name = "PIP's (0 of 1)";
		return &o->pips;
	case SWI_GEN_TALKS:
		*name = "voortgangsgesprekken (0 of 1)";
		return &o->talks;
	case SWI_GEN_FINES:
		*name = "boetes (0 of 1)";
		return &o->fines;
	case SWI_GEN_ZROUTE_PERCENT:
		*lo = -1, *hi = 100, *name = "aandeel Z-route (procent, of -1)";
		return &o->zroute_percent;
	case SWI_GEN_MOVERS_PERCENT:
		*lo = -1, *hi = 100, *name = "aandeel verhuisden (procent, of -1)";
		return &o->movers_percent;
	case SWI_GEN_CLEAN:
		*name = "zonder waarschuwingen (0 of 1)";
		return &o->clean;
	case SWI_GEN_FULL:
		*name = "alle kenmerken (0 of 1)";
		return &o->full;
	default:
		return NULL;
	}
}

SWI_EXPORT int swi_generator_set(swi_generator *g, int option, int64_t value)
{
	if (!g)
		return SWI_EINVAL;
	if (option == SWI_GEN_SEED) {
		g->seed = value;
		return SWI_OK;
	}
	if (option == SWI_GEN_PERSONS) {
		if (value < 0 || value > MAX_PERSONS)
			return set_message(g, SWI_ERANGE, "aantal personen %lld ligt buiten 0 tot en met %d",
					   (long long)value, MAX_PERSONS);
		g->persons = value;
		return SWI_OK;
	}
	int lo, hi;
	const char *name = "";
	int *field = option_field(g, option, &lo, &hi, &name);
	if (!field)
		return set_message(g, SWI_EINVAL, "onbekende generatoroptie %d", option);
	if (value < lo || value > hi)
		return set_message(g, option == SWI_GEN_YEAR ? SWI_EYEAR : SWI_ERANGE,
				   "%s %lld ligt buiten %d tot en met %d%s", name, (long long)value, lo,
				   hi, option == SWI_GEN_YEAR ? " (de Wet inburgering 2021 geldt "
								"vanaf 2022, doc/years.md)" : "");
	*field = (int)value;
	return SWI_OK;
}

SWI_EXPORT int swi_generator_get(const swi_generator *g, int option, int64_t *out)
{
	if (!g || !out)
		return SWI_EINVAL;
	if (option == SWI_GEN_SEED) {
		*out = g->seed;
		return SWI_OK;
	}
	if (option == SWI_GEN_PERSONS) {
		*out = g->persons;
		return SWI_OK;
	}
	int lo, hi;
	const char *name;
	int *field = option_field((swi_generator *)g, option, &lo, &hi, &name);
	if (!field)
		return SWI_EINVAL;
	*out = *field;
	return SWI_OK;
}

SWI_EXPORT const char *swi_generator_last_message(const swi_generator *g)
{
	return g ? g->message : "";
}

/* Adds the persons; on failure removes those it added. */
static int add_persons(swi_delivery *d, swi_generator *g)
{
	struct swi_gen_rng rng;
	swi_gen_seed(&rng, (uint64_t)g->seed);
	swi_person *first = NULL;
	int rc = SWI_OK;
	for (int64_t i = 0; i < g->persons; i++) {
		swi_person *p;
		rc = swi_gen_person(&p, d, &rng, &g->person);
		if (rc != SWI_OK)
			break;
		if (!first)
			first = p;
	}
	if (rc == SWI_OK)
		return SWI_OK;
	/* All or nothing: the persons of this call go again (which allocates nothing). */
	char message[sizeof(g->message)];
	snprintf(message, sizeof(message), "%s", swi_delivery_last_message(d));
	for (swi_person *p = first, *next; p; p = next) {
		next = swi_person_next(p);
		swi_person_remove(p);
	}
	set_message(g, rc, "synthetische levering: %s", message);
	swi_error(d, rc, "%s", g->message);
	return rc;
}

SWI_EXPORT int swi_generate_persons(swi_delivery *d, swi_generator *g)
{
	if (!d || !g)
		return SWI_EINVAL;
	g->message[0] = '\0';
	int32_t year, quarter;
	int rc = header_quarter(d, &year, &quarter);
	if (rc != SWI_OK)
		return set_message(g, rc, "%s", swi_delivery_last_message(d));
	return add_persons(d, g);
}

SWI_EXPORT int swi_generate(swi_delivery **out, swi_generator *g)
{
	if (out)
		*out = NULL;
	if (!out || !g)
		return SWI_EINVAL;
	g->message[0] = '\0';
	swi_delivery *d;
	int rc = swi_delivery_new(&d);
	if (rc != SWI_OK)
		return set_message(g, rc, "synthetische levering: onvoldoende geheugen");
	const int berichtgever = g->berichtgever < 0 ? g->gemeente : g->berichtgever;
	const int32_t reference =
		swi_gen_date_add_days(swi_gen_quarter_last_day(g->year, g->quarter), 15);
	struct swi_gemeente_choice choice;
	if ((rc = swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, g->year)) != SWI_OK ||
	    (rc = swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, g->quarter)) != SWI_OK ||
	    (rc = swi_delivery_set_text(d, SWI_K_NAAM_SOFTWAREPAKKET, "and")) != SWI_OK ||
	    (rc = swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "swi-gen")) != SWI_OK ||
	    (rc = swi_delivery_set_int(d, SWI_K_BERICHTGEVERCODE, berichtgever)) != SWI_OK ||
	    (rc = swi_delivery_set_int(d, SWI_K_GEMEENTECODE, g->gemeente)) != SWI_OK ||
	    (rc = swi_delivery_set_reference_date(d, reference)) != SWI_OK ||
	    (rc = swi_gemeenten_resolve(d, g->year, reference, &choice)) != SWI_OK) {
		set_message(g, rc, "synthetische levering: %s", swi_delivery_last_message(d));
		swi_delivery_free(d);
		return rc;
	}
	const int known = swi_gemeente_find(choice.list, (uint16_t)g->gemeente) != NULL;
	const int list_year = choice.list->year;
	swi_gemeenten_choice_release(d, &choice);
	if (!known) {
		swi_delivery_free(d);
		return set_message(g, SWI_ECODE, "gemeentecode %04d staat niet in de CBS-lijst van "
				   "gemeenten op 1 januari %d (statistiekjaar %d)", g->gemeente,
				   list_year, g->year);
	}
	rc = add_persons(d, g);
	if (rc != SWI_OK) {
		swi_delivery_free(d);
		return rc;
	}
	*out = d;
	return SWI_OK;
}
