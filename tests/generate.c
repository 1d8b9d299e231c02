/*
 * Synthetic, rule-valid SWI deliveries (see generate.h). The timeline of
 * a person is built forwards from the brede intake so that every ordering
 * rule of the guideline holds by construction.
 */
#include <stdio.h>
#include <stdlib.h>

#include "generate.h"

#define MUST(call)                                                                     \
	do {                                                                           \
		int rc_ = (call);                                                      \
		if (rc_ != SWI_OK) {                                                   \
			fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__, #call, \
				swi_strerror(rc_));                                    \
			abort();                                                       \
		}                                                                      \
	} while (0)

void gen_seed(struct gen *g, uint64_t seed)
{
	g->state = seed * 0x9E3779B97F4A7C15ull + 1;
}

uint32_t gen_next(struct gen *g)
{
	/* xorshift64*: fast, good enough, and the same on every platform. */
	g->state ^= g->state >> 12;
	g->state ^= g->state << 25;
	g->state ^= g->state >> 27;
	return (uint32_t)((g->state * 0x2545F4914F6CDD1Dull) >> 32);
}

int gen_range(struct gen *g, int lo, int hi)
{
	return lo + (int)(gen_next(g) % (uint32_t)(hi - lo + 1));
}

uint32_t gen_bsn(struct gen *g)
{
	for (;;) {
		uint32_t v = gen_next(g) % 1000000000u;
		int32_t sum = -(int32_t)(v % 10);
		uint32_t rest = v / 10;
		for (int w = 2; w <= 9; w++, rest /= 10)
			sum += w * (int32_t)(rest % 10);
		if (v != 0 && sum % 11 == 0)
			return v;
	}
}

void gen_bsn_text(uint32_t bsn, char out[10])
{
	snprintf(out, 10, "%09u", bsn);
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

int32_t gen_date_add_days(int32_t v, int days)
{
	return date_from_days(days_from_date(v) + days);
}

int32_t gen_quarter_first_day(int year, int quarter)
{
	return year * 10000 + (quarter * 3 - 2) * 100 + 1;
}

int32_t gen_quarter_last_day(int year, int quarter)
{
	return year * 10000 + quarter * 300 + (quarter == 1 || quarter == 4 ? 31 : 30);
}

swi_delivery *gen_delivery(int year, int quarter)
{
	swi_delivery *d;
	MUST(swi_delivery_new(&d));
	MUST(swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, year));
	MUST(swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, quarter));
	MUST(swi_delivery_set_text(d, SWI_K_NAAM_SOFTWAREPAKKET, "and"));
	MUST(swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "1.0-test"));
	MUST(swi_delivery_set_int(d, SWI_K_BERICHTGEVERCODE, 153));
	MUST(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 153));
	/* "Today" in the aanleverperiode, so results never depend on the clock. */
	int32_t next = gen_quarter_last_day(year, quarter);
	MUST(swi_delivery_set_reference_date(d, gen_date_add_days(next, 15)));
	return d;
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
static int32_t date_between(struct gen *g, int32_t lo, int32_t hi)
{
	int64_t a = days_from_date(lo), b = days_from_date(hi);
	return date_from_days(a + (int64_t)(gen_next(g) % (uint32_t)(b - a + 1)));
}

static int days_between(int32_t lo, int32_t hi)
{
	return (int)(days_from_date(hi) - days_from_date(lo));
}

/* Independent optional kenmerken: all with GEN_FULL, else about 60%. */
static int maybe(struct gen *g, unsigned flags)
{
	return (flags & GEN_FULL) || gen_range(g, 1, 100) <= 60;
}

swi_person *gen_person(swi_delivery *d, struct gen *g, unsigned flags)
{
	int32_t year, quarter;
	MUST(swi_delivery_get_int(d, SWI_K_STATISTIEKJAAR, &year));
	MUST(swi_delivery_get_int(d, SWI_K_STATISTIEKKWARTAAL, &quarter));
	const int32_t qs = gen_quarter_first_day(year, quarter);
	const int32_t qe = gen_quarter_last_day(year, quarter);

	swi_person *p = NULL;
	char bsn[10];
	do {
		gen_bsn_text(gen_bsn(g), bsn);
	} while (swi_delivery_find_person(&p, d, bsn) == SWI_OK);
	MUST(swi_delivery_add_person(&p, d, bsn));

	const int asiel = gen_range(g, 1, 100) <= 55;
	/* Aged 19-64 at the end of the quarter: well inside the 16-70 band. */
	int32_t birth = (year - gen_range(g, 19, 64)) * 10000 + gen_range(g, 1, 12) * 100 +
			gen_range(g, 1, 28);
	MUST(swi_person_set_int(p, SWI_K_GEBOORTEDATUM, birth));
	MUST(swi_person_set_int(p, SWI_K_GESLACHT, gen_range(g, 1, 100) <= 2 ? 3 : gen_range(g, 1, 2)));
	MUST(swi_person_set_int(p, SWI_K_TYPE_MIGRANT, asiel ? 1 : 2));

	/* Stage: 0 only k8-k11 (3.3.3), 1 intake, 2 with PIPs. */
	int stage = (flags & GEN_FULL) ? 2 : gen_range(g, 0, 9) == 0 ? 0 : gen_range(g, 0, 2) ? 2 : 1;
	if (stage == 0)
		return p;

	/* The brede intake starts the traject: after 2022-01-01, after the
	 * 18th birthday, and early enough for PIPs before the quarter's end. */
	int32_t earliest = max32(20220101, birth + 180000);
	int32_t latest = gen_date_add_days(qe, -120);
	if (latest < earliest)
		latest = earliest;
	const int32_t intake = date_between(g, earliest, min32(latest, qe));
	int32_t last_event = intake;

	if (stage == 2 || maybe(g, flags))
		MUST(swi_person_set_int(p, SWI_K_BREDE_INTAKE_BEGINDATUM, intake));
	const int has_intake = swi_person_has(p, SWI_K_BREDE_INTAKE_BEGINDATUM) == 1;
	if (has_intake && maybe(g, flags))
		MUST(swi_person_set_int(p, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM, gen_range(g, 0, 400)));
	if (maybe(g, flags) && gen_range(g, 0, 3) == 0)
		MUST(swi_person_set_int(p, SWI_K_WAARSCHUWING_INTAKE_DATUM,
					max32(max32(birth + 160000, 20220101),
					      gen_date_add_days(intake, -10))));
	if (asiel) {
		if (maybe(g, flags))
			MUST(swi_person_set_int(p, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM,
						intake));
		if (maybe(g, flags)) { /* ontzorgen: begin, and the end once known */
			int32_t begin = min32(gen_date_add_days(intake, 7), qe);
			MUST(swi_person_set_int(p, SWI_K_ONTZORGEN_BEGINDATUM, begin));
			int32_t end = gen_date_add_days(begin, 183);
			if (end <= qe)
				MUST(swi_person_set_int(p, SWI_K_ONTZORGEN_EINDDATUM, end));
		}
	}
	/* k18 and k19 go together: k19 only when k18 = 2 (Ja). */
	if (stage == 2 || maybe(g, flags)) {
		int alfa = gen_range(g, 1, 2);
		MUST(swi_person_set_int(p, SWI_K_ALFABETISERINGSCURSUS, alfa));
		if (alfa == 2)
			MUST(swi_person_set_int(p, SWI_K_ANALFABETISME, gen_range(g, 1, 2)));
	}

	int b1_or_z = 0, z_done = 0, n_made = 0;
	if (stage == 2) {
		int n_pips = (flags & GEN_FULL) ? 2 : gen_range(g, 1, 2);
		int32_t pip_date = min32(gen_date_add_days(intake, gen_range(g, 20, 60)), qe);
		int32_t route_begin = 0;
		int route = gen_range(g, 1, 3);
		for (int i = 0; i < n_pips && pip_date <= qe; i++) {
			/* 3.3.1: several PIPs only when the latest is of this quarter. */
			if (i == n_pips - 1 && i > 0)
				pip_date = max32(pip_date, qs);
			n_made++;
			swi_record *r;
			MUST(swi_person_add_record(&r, p, SWI_CATEGORY_PIP));
			MUST(swi_record_set_int(r, SWI_K_PIP_DATUM, pip_date));
			MUST(swi_record_set_int(r, SWI_K_LEERROUTE_ROUTE, route));
			if (route == 1)
				MUST(swi_record_set_int(r, SWI_K_LEERROUTE_NIVEAU, gen_range(g, 1, 2)));
			b1_or_z |= route != 2;
			/* Asielstatushouders: one begindatum for the leerroute, the same
			 * in every PIP (2.3: a route change keeps it). */
			if (asiel && !route_begin && days_between(pip_date, qe) >= 14)
				route_begin = gen_date_add_days(pip_date, 14);
			if (asiel && route_begin)
				MUST(swi_record_set_int(r, SWI_K_LEERROUTE_BEGINDATUM, route_begin));
			/* A completed Z-route: the eindgesprek, after the begindatum. */
			if (route == 3 && gen_range(g, 0, 1)) {
				int32_t from = max32(pip_date, route_begin);
				if (days_between(from, qe) >= 30) {
					int32_t end = date_between(g, gen_date_add_days(from, 30), qe);
					MUST(swi_record_set_int(r, SWI_K_LEERROUTE_EINDDATUM, end));
					z_done = 1;
					last_event = max32(last_event, end);
				}
			}
			last_event = max32(last_event, pip_date);
			pip_date = gen_date_add_days(pip_date, gen_range(g, 20, 90));
			route = route == 3 ? 1 : route + 1;
		}
	}
	if (b1_or_z && maybe(g, flags)) {
		int32_t act = min32(gen_date_add_days(intake, 40), qe);
		MUST(swi_person_set_int(p, SWI_K_MAP_DATUM_EERSTE_ACTIVITEIT, act));
		last_event = max32(last_event, act);
		int32_t talk = gen_date_add_days(act, 60);
		if (talk <= qe && maybe(g, flags)) {
			MUST(swi_person_set_int(p, SWI_K_MAP_DATUM_EINDGESPREK, talk));
			last_event = max32(last_event, talk);
		}
	}
	if (z_done && ((flags & GEN_CLEAN) || maybe(g, flags))) {
		int known = gen_range(g, 1, 2);
		MUST(swi_person_set_int(p, SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU, known));
		static const int levels[] = {1, 2, 3, 9};
		if (known == 2)
			for (int k = SWI_K_ZROUTE_LEZEN; k <= SWI_K_ZROUTE_LUISTEREN; k++)
				MUST(swi_person_set_int(p, k, levels[gen_range(g, 0, 3)]));
	}
	if (maybe(g, flags)) {
		int32_t pvt = min32(gen_date_add_days(intake, 45), qe);
		MUST(swi_person_set_int(p, SWI_K_PVT_ONDERTEKENINGSDATUM, pvt));
		last_event = max32(last_event, pvt);
	}

	/* An end of guidance (a move or no longer obliged) for about 1 in 10:
	 * reden and datum always together, after everything else. */
	int32_t end_of_guidance = 0;
	if ((flags & GEN_FULL) || gen_range(g, 1, 10) == 1) {
		end_of_guidance = date_between(g, max32(last_event, qs), qe);
		/* 2.3: no Z-route einddatum for a person who moved (reden 1). */
		MUST(swi_person_set_int(p, SWI_K_EINDE_BEGELEIDING_REDEN, z_done ? 2 : gen_range(g, 1, 2)));
		MUST(swi_person_set_int(p, SWI_K_EINDE_BEGELEIDING_DATUM, end_of_guidance));
	}
	const int32_t window_end = end_of_guidance ? end_of_guidance : qe;

	/* Talks: gezinsmigranten only, in this quarter, after the intake. */
	int32_t talk_from = max32(qs, gen_date_add_days(intake, 1));
	if (!asiel && talk_from <= window_end) {
		int n = (flags & GEN_FULL) ? 2 : gen_range(g, 0, 2);
		int32_t used = 0;
		for (int i = 0; i < n; i++) {
			int32_t date = date_between(g, talk_from, window_end);
			if (date == used)
				continue;
			used = date;
			swi_record *r;
			MUST(swi_person_add_record(&r, p, SWI_CATEGORY_GESPREK));
			MUST(swi_record_set_int(r, SWI_K_VOORTGANGSGESPREK_DATUM, date));
		}
	}

	/* Fines: one in ten, in this quarter; without GEN_CLEAN some are
	 * corrections of a fine from an earlier quarter (2.5), a warning. */
	int32_t fine_from = max32(qs, intake);
	if (((flags & GEN_FULL) || gen_range(g, 1, 10) == 1) && fine_from <= window_end) {
		swi_record *r;
		int correction = !(flags & GEN_CLEAN) && gen_range(g, 0, 3) == 0 && intake < qs;
		int32_t date = correction ? date_between(g, intake, gen_date_add_days(qs, -1))
					  : date_between(g, fine_from, window_end);
		MUST(swi_person_add_record(&r, p, SWI_CATEGORY_BOETE));
		MUST(swi_record_set_int(r, SWI_K_BOETE_DATUM, date));
		/* 2.5: reden 2 is a fine during the traject, which the PIP starts. */
		int reden = gen_range(g, 1, 2);
		MUST(swi_record_set_int(r, SWI_K_BOETE_REDEN, (flags & GEN_CLEAN) && !n_made ? 1 : reden));
		MUST(swi_record_set_int(r, SWI_K_BOETE_BEDRAG, correction ? 0 : gen_range(g, 0, 1250)));
	}
	return p;
}

void gen_persons(swi_delivery *d, struct gen *g, size_t n, unsigned flags)
{
	for (size_t i = 0; i < n; i++)
		gen_person(d, g, flags);
}
