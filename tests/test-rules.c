/*
 * The rule engine (validate.h) against chapters 2 and 3 of the guideline.
 *
 * The core is a table: every rule the engine can emit through the builder
 * API has at least one case that mutates a hand-built, diagnostic-free base
 * delivery so that the rule fires exactly once with the right id, severity,
 * kenmerk, category and indices, and a "nearest valid" mutation one step
 * away that gives no diagnostic of that rule. Everything is read through
 * the public report API; nothing here looks at the library's internals.
 *
 * Around the table: the file-level rules in detail (SWI-003..007), the
 * inputs the builder refuses (so SWI-002/010/011 never reach the engine),
 * many generated deliveries, BSN masking, report lifetime, the catalogue
 * and the writer's gate.
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <swi/swi.h>

#include "generate.h"
#include "test-util.h"

/*
 * Every passing ck_assert writes a mark point to check's temporary file;
 * the loops over generated deliveries use these instead (as test-delivery).
 */

/* The persons of the base delivery, in delivery order (their report index). */
#define BSN_A "123456782"
#define BSN_B "111222333"
#define BSN_C "012345672" /* added as the 8 digits "12345672" */
static const char *const base_bsn[] = {BSN_A, BSN_B, BSN_C};
static const char *const base_masked[] = {"*****6782", "*****2333", "*****5672"};

/* ---- the base delivery ------------------------------------------------ */

/* Handles into the base delivery, so that mutations stay short. */
struct base {
	swi_delivery *d;
	const char *file_name; /* passed to swi_delivery_validate; NULL: not checked */
	swi_person *a;         /* asielstatushouder with every kenmerk that applies */
	swi_person *b;         /* gezinsmigrant with PIP, talks and fines */
	swi_person *c;         /* gezinsmigrant with k8-k11 only (3.3.3) */
	swi_record *a_pip[2], *a_fine;
	swi_record *b_pip, *b_talk[3], *b_fine[2];
};

static void dset(struct base *b, int k, int32_t v)
{
	int rc = swi_delivery_set_int(b->d, k, v);
	REQUIRE(rc == SWI_OK, "levering k%d = %d: %s", k, (int)v, swi_delivery_last_message(b->d));
}

static void dunset(struct base *b, int k)
{
	OK(swi_delivery_unset(b->d, k));
}

static void pset(swi_person *p, int k, int32_t v)
{
	int rc = swi_person_set_int(p, k, v);
	REQUIRE(rc == SWI_OK, "persoon k%d = %d: %s", k, (int)v,
		swi_delivery_last_message(swi_person_delivery(p)));
}

static void punset(swi_person *p, int k)
{
	OK(swi_person_unset(p, k));
}

static void rset(swi_record *r, int k, int32_t v)
{
	int rc = swi_record_set_int(r, k, v);
	REQUIRE(rc == SWI_OK, "record k%d = %d: %s", k, (int)v,
		swi_delivery_last_message(swi_person_delivery(swi_record_person(r))));
}

static void runset(swi_record *r, int k)
{
	OK(swi_record_unset(r, k));
}

static swi_record *record(swi_person *p, swi_category kind)
{
	swi_record *r = NULL;
	OK(swi_person_add_record(&r, p, kind));
	REQUIRE(r != NULL, "no record");
	return r;
}

static swi_record *talk(swi_person *p, int32_t date)
{
	swi_record *r = record(p, SWI_CATEGORY_GESPREK);
	rset(r, SWI_K_VOORTGANGSGESPREK_DATUM, date);
	return r;
}

static swi_record *fine(swi_person *p, int32_t date, int reden, int bedrag)
{
	swi_record *r = record(p, SWI_CATEGORY_BOETE);
	rset(r, SWI_K_BOETE_DATUM, date);
	rset(r, SWI_K_BOETE_REDEN, reden);
	rset(r, SWI_K_BOETE_BEDRAG, bedrag);
	return r;
}

static swi_person *person(swi_delivery *d, const char *bsn, int32_t birth, int geslacht, int type)
{
	swi_person *p = NULL;
	int rc = swi_delivery_add_person(&p, d, bsn);
	REQUIRE(rc == SWI_OK, "add_person: %s", swi_delivery_last_message(d));
	pset(p, SWI_K_GEBOORTEDATUM, birth);
	pset(p, SWI_K_GESLACHT, geslacht);
	pset(p, SWI_K_TYPE_MIGRANT, type);
	return p;
}

/*
 * 2026 Q1 for gemeente 0153, validated on 15 April 2026 (inside the 4-week
 * aanleverperiode, 3.3.4). The dates are chosen with a margin to every
 * boundary the table moves: the quarter (20260101-20260331), the peildatum,
 * births, 2022-01-01 and the begin/end pairs.
 */
static void base_build(struct base *b)
{
	memset(b, 0, sizeof(*b));
	OK(swi_delivery_new(&b->d));
	dset(b, SWI_K_STATISTIEKJAAR, 2026);
	dset(b, SWI_K_STATISTIEKKWARTAAL, 1);
	OK(swi_delivery_set_text(b->d, SWI_K_NAAM_SOFTWAREPAKKET, "and"));
	OK(swi_delivery_set_text(b->d, SWI_K_VERSIE_SOFTWAREPAKKET, "1.0"));
	dset(b, SWI_K_BERICHTGEVERCODE, 153);
	dset(b, SWI_K_GEMEENTECODE, 153);
	OK(swi_delivery_set_reference_date(b->d, 20260415));

	/* A: an asielstatushouder who completed the Z-route and moved on to B1. */
	swi_person *a = b->a = person(b->d, BSN_A, 19900515, 1, 1);
	pset(a, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM, 20250110);
	pset(a, SWI_K_ONTZORGEN_BEGINDATUM, 20250115);
	pset(a, SWI_K_ONTZORGEN_EINDDATUM, 20250715);
	pset(a, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250105);
	pset(a, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM, 40);
	pset(a, SWI_K_WAARSCHUWING_INTAKE_DATUM, 20241220);
	pset(a, SWI_K_ALFABETISERINGSCURSUS, 2);
	pset(a, SWI_K_ANALFABETISME, 1);
	pset(a, SWI_K_PVT_ONDERTEKENINGSDATUM, 20250301);
	pset(a, SWI_K_MAP_DATUM_EERSTE_ACTIVITEIT, 20250401);
	pset(a, SWI_K_MAP_DATUM_EINDGESPREK, 20260115);
	pset(a, SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU, 2);
	pset(a, SWI_K_ZROUTE_LEZEN, 1);
	pset(a, SWI_K_ZROUTE_SCHRIJVEN, 2);
	pset(a, SWI_K_ZROUTE_SPREKEN, 3);
	pset(a, SWI_K_ZROUTE_LUISTEREN, 9);
	pset(a, SWI_K_EINDE_BEGELEIDING_REDEN, 2);
	pset(a, SWI_K_EINDE_BEGELEIDING_DATUM, 20260320);
	b->a_pip[0] = record(a, SWI_CATEGORY_PIP);
	rset(b->a_pip[0], SWI_K_PIP_DATUM, 20250201);
	rset(b->a_pip[0], SWI_K_LEERROUTE_ROUTE, 3);
	rset(b->a_pip[0], SWI_K_LEERROUTE_BEGINDATUM, 20250301);
	rset(b->a_pip[0], SWI_K_LEERROUTE_EINDDATUM, 20260210);
	b->a_pip[1] = record(a, SWI_CATEGORY_PIP);
	rset(b->a_pip[1], SWI_K_PIP_DATUM, 20260220);
	rset(b->a_pip[1], SWI_K_LEERROUTE_ROUTE, 1);
	rset(b->a_pip[1], SWI_K_LEERROUTE_NIVEAU, 1);
	rset(b->a_pip[1], SWI_K_LEERROUTE_BEGINDATUM, 20250301); /* 2.3: unchanged */
	b->a_fine = fine(a, 20260301, 1, 250);

	/* B: a gezinsmigrant in the onderwijsroute with talks and two fines. */
	swi_person *p = b->b = person(b->d, BSN_B, 19850720, 2, 2);
	pset(p, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250601);
	pset(p, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM, 10);
	pset(p, SWI_K_ALFABETISERINGSCURSUS, 1);
	pset(p, SWI_K_PVT_ONDERTEKENINGSDATUM, 20250801);
	b->b_pip = record(p, SWI_CATEGORY_PIP);
	rset(b->b_pip, SWI_K_PIP_DATUM, 20250701);
	rset(b->b_pip, SWI_K_LEERROUTE_ROUTE, 2);
	b->b_talk[0] = talk(p, 20260110);
	b->b_talk[1] = talk(p, 20260212);
	b->b_talk[2] = talk(p, 20260325);
	b->b_fine[0] = fine(p, 20260115, 1, 100);
	b->b_fine[1] = fine(p, 20260220, 2, 200); /* 2.5: same quarter, other reason */

	/* C: only k8-k11, as in the first quarters of a traject (3.3.3). */
	b->c = person(b->d, "12345672", 20000101, 3, 2);
}

static void base_free(struct base *b)
{
	swi_delivery_free(b->d);
	b->d = NULL;
}

/* ---- reading reports -------------------------------------------------- */

/* Looks an id up in the public catalogue; false if it is not there. */
static bool catalogue_find(const char *id, swi_severity *severity)
{
	for (size_t i = 0; i < swi_rule_count(); i++) {
		const char *cid;
		swi_severity sev;
		if (swi_rule_at(i, &cid, &sev, NULL, NULL, NULL) == SWI_OK &&
		    strcmp(cid, id) == 0) {
			if (severity)
				*severity = sev;
			return true;
		}
	}
	return false;
}

/* All diagnostics as text, for failure messages. */
static const char *dump(const swi_report *r)
{
	static char text[3000];
	size_t n = 0;
	text[0] = '\0';
	for (size_t i = 0; i < swi_report_count(r) && n < sizeof(text) - 1; i++) {
		int w = snprintf(text + n, sizeof(text) - n,
				 "\n  %s sev=%d k=%d cat=%d p=%lld r=%lld: %s",
				 swi_report_rule(r, i), (int)swi_report_severity(r, i),
				 swi_report_kenmerk(r, i),
				 (int)swi_report_category(r, i), (long long)swi_report_person(r, i),
				 (long long)swi_report_record(r, i), swi_report_message(r, i));
		if (w < 0)
			break;
		n += (size_t)w;
	}
	if (!swi_report_count(r))
		snprintf(text, sizeof(text), " (none)");
	return text;
}

/*
 * Every diagnostic the engine emits anywhere in these tests goes through
 * here: its id must be in the catalogue with the same severity, and the
 * per-severity counts must add up.
 */
static void check_report(const swi_report *r)
{
	size_t n = swi_report_count(r), errors = 0, warnings = 0;
	for (size_t i = 0; i < n; i++) {
		const char *id = swi_report_rule(r, i);
		swi_severity want;
		REQUIRE(id != NULL, "diagnostic %zu has no rule id", i);
		REQUIRE(catalogue_find(id, &want), "%s is emitted but not in the catalogue", id);
		REQUIRE(swi_report_severity(r, i) == want, "%s: severity %d, catalogue says %d", id,
			(int)swi_report_severity(r, i), (int)want);
		REQUIRE(swi_report_message(r, i) && *swi_report_message(r, i), "%s without message",
			id);
		REQUIRE(swi_report_bsn(r, i) != NULL, "%s without BSN text", id);
		errors += want == SWI_SEVERITY_ERROR;
		warnings += want == SWI_SEVERITY_WARNING;
	}
	REQUIRE(swi_report_count_severity(r, SWI_SEVERITY_ERROR) == errors, "error count%s",
		dump(r));
	REQUIRE(swi_report_count_severity(r, SWI_SEVERITY_WARNING) == warnings, "warning count%s",
		dump(r));
}

static swi_report *validate_flags(swi_delivery *d, const char *file_name, unsigned flags)
{
	swi_report *r = NULL;
	int rc = swi_delivery_validate(&r, d, file_name, flags);
	REQUIRE(rc == SWI_OK, "validate: %s: %s", swi_strerror(rc), swi_delivery_last_message(d));
	REQUIRE(r != NULL, "validate gave no report");
	check_report(r);
	return r;
}

static swi_report *validate(struct base *b)
{
	return validate_flags(b->d, b->file_name, 0);
}

static size_t count_rule(const swi_report *r, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < swi_report_count(r); i++)
		n += strcmp(swi_report_rule(r, i), id) == 0;
	return n;
}

/* Index of the first diagnostic of rule `id`, or the count if none. */
static size_t find_rule(const swi_report *r, const char *id)
{
	size_t i = 0;
	while (i < swi_report_count(r) && strcmp(swi_report_rule(r, i), id) != 0)
		i++;
	return i;
}

/* No message and no BSN field holds one of `bsns` in full. */
static void assert_no_bsn(const swi_report *r, const char *const *bsns, size_t n_bsns)
{
	for (size_t i = 0; i < swi_report_count(r); i++) {
		const char *msg = swi_report_message(r, i), *bsn = swi_report_bsn(r, i);
		for (size_t j = 0; j < n_bsns; j++) {
			REQUIRE(!strstr(msg, bsns[j]), "%s: message shows BSN %s: %s",
				swi_report_rule(r, i), bsns[j], msg);
			REQUIRE(!strstr(bsn, bsns[j]), "%s: report BSN %s is not masked",
				swi_report_rule(r, i), bsn);
		}
	}
}

/* ---- the table -------------------------------------------------------- */

struct rule_case {
	const char *name;
	const char *rule;
	swi_severity severity;
	int kenmerk; /* 0: file level */
	swi_category category;
	int64_t person, record;
	const char *value; /* the offending value the message must name, or NULL */
	void (*fire)(struct base *);
	void (*near)(struct base *);
	/* A rule that both variants give exactly once as well, for the one rule
	 * that cannot be seen alone (SWI-013, see there); else NULL. */
	const char *also;
	/* A rule the nearest valid variant gives exactly once instead (the step
	 * over one boundary lands on another one); else NULL. */
	const char *near_also;
};

/* Person A = 0, B = 1, C = 2; record indices count per kind. */
#define ERR SWI_SEVERITY_ERROR
#define WARN SWI_SEVERITY_WARNING
#define LEV SWI_CATEGORY_LEVERING
#define PER SWI_CATEGORY_PERSOON
#define PIP SWI_CATEGORY_PIP
#define GES SWI_CATEGORY_GESPREK
#define BOE SWI_CATEGORY_BOETE

/* SWI-001: a kenmerk the schema requires in every record. */
static void f_req_k5(struct base *b)
{
	dunset(b, SWI_K_VERSIE_SOFTWAREPAKKET);
}
static void n_req_k5(struct base *b)
{
	OK(swi_delivery_set_text(b->d, SWI_K_VERSIE_SOFTWAREPAKKET, "1"));
}
/* Without k2 there is no quarter, so every quarter rule must stay silent. */
static void f_req_k2(struct base *b)
{
	dunset(b, SWI_K_STATISTIEKKWARTAAL);
}
static void n_req_k2(struct base *b)
{
	dset(b, SWI_K_STATISTIEKKWARTAAL, 1);
}
/* Without k11 no doelgroep rule can apply. */
static void f_req_k11(struct base *b)
{
	punset(b->a, SWI_K_TYPE_MIGRANT);
}
static void n_req_k11(struct base *b)
{
	pset(b->a, SWI_K_TYPE_MIGRANT, 1);
}
static void f_req_k30(struct base *b)
{
	runset(b->a_pip[1], SWI_K_PIP_DATUM);
}
static void n_req_k30(struct base *b)
{
	rset(b->a_pip[1], SWI_K_PIP_DATUM, 20260331);
}
static void f_req_k35(struct base *b)
{
	runset(b->b_talk[2], SWI_K_VOORTGANGSGESPREK_DATUM);
}
static void n_req_k35(struct base *b)
{
	rset(b->b_talk[2], SWI_K_VOORTGANGSGESPREK_DATUM, 20260331);
}
static void f_req_k37(struct base *b)
{
	runset(b->b_fine[1], SWI_K_BOETE_REDEN);
}
static void n_req_k37(struct base *b)
{
	rset(b->b_fine[1], SWI_K_BOETE_REDEN, 1);
}
/* 2.5: an amount of 0 is a withdrawn fine, not a missing one. */
static void f_req_k38(struct base *b)
{
	runset(b->b_fine[0], SWI_K_BOETE_BEDRAG);
}
static void n_req_k38(struct base *b)
{
	rset(b->b_fine[0], SWI_K_BOETE_BEDRAG, 0);
}

/* SWI-003: only the levering is left, so no person date is out of the quarter. */
static void remove_persons(struct base *b)
{
	OK(swi_person_remove(b->a));
	OK(swi_person_remove(b->b));
	OK(swi_person_remove(b->c));
	b->a = b->b = b->c = NULL;
}
static void f_no_ruleset(struct base *b)
{
	remove_persons(b);
	dset(b, SWI_K_STATISTIEKJAAR, 2021); /* before the law (1.2) */
	OK(swi_delivery_set_reference_date(b->d, 20210415));
}
static void n_no_ruleset(struct base *b)
{
	remove_persons(b);
}

/* The list of lib/data/gemeenten-2026.csv given to the delivery as the list of `year`. */
static void give_list(struct base *b, int year)
{
	const char *root = getenv("SWI_SOURCE_ROOT");
	REQUIRE(root != NULL, "SWI_SOURCE_ROOT is not set (run through meson test)");
	char path[4096];
	snprintf(path, sizeof(path), "%s/lib/data/gemeenten-2026.csv", root);
	int rc = swi_delivery_load_gemeenten(b->d, year, path);
	REQUIRE(rc == SWI_OK, "load %s: %s", path, swi_delivery_last_message(b->d));
}

/* SWI-017: 2027 Q1, delivered in April 2027, with a 2027 municipality list. */
static void f_ruleset_newest(struct base *b)
{
	remove_persons(b);
	dset(b, SWI_K_STATISTIEKJAAR, 2027);
	OK(swi_delivery_set_reference_date(b->d, 20270415));
	give_list(b, 2027);
}
static void n_ruleset_newest(struct base *b)
{
	remove_persons(b);
	give_list(b, 2027);
}
/* SWI-018: a late correction for 2025 Q1. */
static void f_ruleset_oldest(struct base *b)
{
	remove_persons(b);
	dset(b, SWI_K_STATISTIEKJAAR, 2025);
	OK(swi_delivery_set_reference_date(b->d, 20250415));
}
/* SWI-019: 2027 without a 2027 list (with the SWI-017 of the year in both). */
static void f_gemeenten_newest(struct base *b)
{
	remove_persons(b);
	dset(b, SWI_K_STATISTIEKJAAR, 2027);
	OK(swi_delivery_set_reference_date(b->d, 20270415));
}
static void n_gemeenten_newest(struct base *b)
{
	f_ruleset_newest(b);
}

/* SWI-004: Brielle (0501) joined Voorne aan Zee (1992) on 1 January 2023. */
static void f_gem_brielle(struct base *b)
{
	dset(b, SWI_K_GEMEENTECODE, 501);
}
static void n_gem_brielle(struct base *b)
{
	dset(b, SWI_K_GEMEENTECODE, 1992);
}
static void f_gem_zero(struct base *b)
{
	dset(b, SWI_K_GEMEENTECODE, 0);
}
static void n_gem_zero(struct base *b)
{
	dset(b, SWI_K_GEMEENTECODE, 14);
}

static void f_file_name(struct base *b)
{
	b->file_name = "SWI_0153_0153_20262.XML";
}
static void n_file_name(struct base *b)
{
	b->file_name = "SWI_0153_0153_20261.XML";
}

/* 3.3.4: delivery starts when the quarter has passed and lasts 4 weeks. */
static void f_open(struct base *b)
{
	OK(swi_delivery_set_reference_date(b->d, 20260331));
}
static void n_open(struct base *b)
{
	OK(swi_delivery_set_reference_date(b->d, 20260401));
}
static void f_late(struct base *b)
{
	OK(swi_delivery_set_reference_date(b->d, 20260429));
}
static void n_late(struct base *b)
{
	OK(swi_delivery_set_reference_date(b->d, 20260428));
}

/* SWI-012: no date after the last day of the quarter. */
static void f_after_q_talk(struct base *b)
{
	rset(b->b_talk[2], SWI_K_VOORTGANGSGESPREK_DATUM, 20260401);
}
static void n_after_q_talk(struct base *b)
{
	rset(b->b_talk[2], SWI_K_VOORTGANGSGESPREK_DATUM, 20260331);
}
static void f_after_q_pip(struct base *b)
{
	rset(b->a_pip[1], SWI_K_PIP_DATUM, 20260401);
}
static void n_after_q_pip(struct base *b)
{
	rset(b->a_pip[1], SWI_K_PIP_DATUM, 20260331);
}
/* After the quarter and after the peildatum: one diagnostic, not two. */
static void f_after_q_today(struct base *b)
{
	rset(b->b_fine[1], SWI_K_BOETE_DATUM, 20260501);
}
static void n_after_q_today(struct base *b)
{
	rset(b->b_fine[1], SWI_K_BOETE_DATUM, 20260331);
}
static void f_after_q_k29(struct base *b)
{
	pset(b->a, SWI_K_EINDE_BEGELEIDING_DATUM, 20260401);
}
static void n_after_q_k29(struct base *b)
{
	pset(b->a, SWI_K_EINDE_BEGELEIDING_DATUM, 20260331);
}

/*
 * SWI-013: a date after the peildatum. Once the quarter is over, such a
 * date also lies after the quarter and SWI-012 is reported instead, so the
 * rule is only observable while the quarter is still open: both variants
 * carry SWI-006 as well.
 */
static void f_after_today(struct base *b)
{
	OK(swi_delivery_set_reference_date(b->d, 20260320));
	rset(b->b_talk[2], SWI_K_VOORTGANGSGESPREK_DATUM, 20260321);
}
static void n_after_today(struct base *b)
{
	OK(swi_delivery_set_reference_date(b->d, 20260320));
	rset(b->b_talk[2], SWI_K_VOORTGANGSGESPREK_DATUM, 20260320);
}

/* SWI-014; the birthday itself is allowed, but it lies before 2022 (SWI-015). */
static void f_before_birth(struct base *b)
{
	pset(b->b, SWI_K_PVT_ONDERTEKENINGSDATUM, 19850719);
}
static void n_before_birth(struct base *b)
{
	pset(b->b, SWI_K_PVT_ONDERTEKENINGSDATUM, 19850720);
}

/* SWI-015: the Wet inburgering 2021 population starts on 2022-01-01 (1.2). */
static void f_2022_k17(struct base *b)
{
	pset(b->a, SWI_K_WAARSCHUWING_INTAKE_DATUM, 20211231);
}
static void n_2022_k17(struct base *b)
{
	pset(b->a, SWI_K_WAARSCHUWING_INTAKE_DATUM, 20220101);
}
static void f_2022_k12(struct base *b)
{
	pset(b->a, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM, 20211231);
}
static void n_2022_k12(struct base *b)
{
	pset(b->a, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM, 20220101);
}

/* SWI-016: 16 to 70 inclusive on the last day of the quarter (20260331). */
static void f_age_15(struct base *b)
{
	pset(b->c, SWI_K_GEBOORTEDATUM, 20100401);
}
static void n_age_16(struct base *b)
{
	pset(b->c, SWI_K_GEBOORTEDATUM, 20100331);
}
static void f_age_71(struct base *b)
{
	pset(b->c, SWI_K_GEBOORTEDATUM, 19550331);
}
static void n_age_70(struct base *b)
{
	pset(b->c, SWI_K_GEBOORTEDATUM, 19550401);
}

/* SWI-020: C carries one kenmerk; the near variant flips only Type migrant. */
static void f_dg_k12(struct base *b)
{
	pset(b->c, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM, 20250610);
}
static void n_dg_k12(struct base *b)
{
	pset(b->c, SWI_K_TYPE_MIGRANT, 1);
	f_dg_k12(b);
}
static void f_dg_k13(struct base *b)
{
	pset(b->c, SWI_K_ONTZORGEN_BEGINDATUM, 20250701);
}
static void n_dg_k13(struct base *b)
{
	pset(b->c, SWI_K_TYPE_MIGRANT, 1);
	f_dg_k13(b);
}
/* For an asielstatushouder an end without a begin is SWI-051's business. */
static void f_dg_k14(struct base *b)
{
	pset(b->c, SWI_K_ONTZORGEN_EINDDATUM, 20250701);
}
static void n_dg_k14(struct base *b)
{
	pset(b->c, SWI_K_TYPE_MIGRANT, 1);
	f_dg_k14(b);
}
static void c_pip_k33(struct base *b)
{
	pset(b->c, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250601);
	pset(b->c, SWI_K_ALFABETISERINGSCURSUS, 1);
	swi_record *r = record(b->c, SWI_CATEGORY_PIP);
	rset(r, SWI_K_PIP_DATUM, 20250701);
	rset(r, SWI_K_LEERROUTE_ROUTE, 2);
	rset(r, SWI_K_LEERROUTE_BEGINDATUM, 20250710);
}
static void f_dg_k33(struct base *b)
{
	c_pip_k33(b);
}
static void n_dg_k33(struct base *b)
{
	pset(b->c, SWI_K_TYPE_MIGRANT, 1);
	c_pip_k33(b);
}
static void c_talk(struct base *b)
{
	pset(b->c, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250601);
	talk(b->c, 20260310);
}
static void f_dg_k35(struct base *b)
{
	pset(b->c, SWI_K_TYPE_MIGRANT, 1);
	c_talk(b);
}
static void n_dg_k35(struct base *b)
{
	c_talk(b);
}

/* SWI-030/031: k19 only with k18 = 2, and then expected. */
static void f_k19_k18nee(struct base *b)
{
	pset(b->b, SWI_K_ANALFABETISME, 1);
}
static void n_k19_k18nee(struct base *b)
{
	pset(b->b, SWI_K_ALFABETISERINGSCURSUS, 2);
	pset(b->b, SWI_K_ANALFABETISME, 1);
}
static void f_k19_nok18(struct base *b)
{
	pset(b->c, SWI_K_ANALFABETISME, 2);
}
static void n_k19_nok18(struct base *b)
{
	pset(b->c, SWI_K_ALFABETISERINGSCURSUS, 2);
	pset(b->c, SWI_K_ANALFABETISME, 2);
}
static void f_k19_missing(struct base *b)
{
	punset(b->a, SWI_K_ANALFABETISME);
}
static void n_k19_missing(struct base *b)
{
	punset(b->a, SWI_K_ANALFABETISME);
	pset(b->a, SWI_K_ALFABETISERINGSCURSUS, 1);
}

/* SWI-032: k23 needs a completed Z-route (route 3 with an einddatum). */
static void f_k23_no_z(struct base *b)
{
	runset(b->a_pip[0], SWI_K_LEERROUTE_EINDDATUM);
}
static void n_k23_no_z(struct base *b)
{
	rset(b->a_pip[0], SWI_K_LEERROUTE_EINDDATUM, 20260331);
}
/* SWI-033: a taalniveau with inschatting 1 (Nee). */
static void f_k24_k23nee(struct base *b)
{
	pset(b->a, SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU, 1);
	for (int k = SWI_K_ZROUTE_SCHRIJVEN; k <= SWI_K_ZROUTE_LUISTEREN; k++)
		punset(b->a, k);
}
static void n_k24_k23nee(struct base *b)
{
	f_k24_k23nee(b);
	punset(b->a, SWI_K_ZROUTE_LEZEN);
}
static void f_k26_missing(struct base *b)
{
	punset(b->a, SWI_K_ZROUTE_SPREKEN);
}
static void n_k26_missing(struct base *b)
{
	pset(b->a, SWI_K_ZROUTE_SPREKEN, 9);
}

/* SWI-035/036/037: niveau for B1 only, einddatum for Z only. */
static void f_k32_route2(struct base *b)
{
	rset(b->b_pip, SWI_K_LEERROUTE_NIVEAU, 1);
}
static void n_k32_route2(struct base *b)
{
	rset(b->b_pip, SWI_K_LEERROUTE_ROUTE, 1);
	rset(b->b_pip, SWI_K_LEERROUTE_NIVEAU, 1);
}
static void f_k32_missing(struct base *b)
{
	runset(b->a_pip[1], SWI_K_LEERROUTE_NIVEAU);
}
static void n_k32_missing(struct base *b)
{
	rset(b->a_pip[1], SWI_K_LEERROUTE_NIVEAU, 2);
}
static void f_k34_b1(struct base *b)
{
	rset(b->a_pip[1], SWI_K_LEERROUTE_EINDDATUM, 20260301);
}
static void n_k34_b1(struct base *b)
{
	/* the same PIP as a Z-route, which has no niveau */
	rset(b->a_pip[1], SWI_K_LEERROUTE_ROUTE, 3);
	runset(b->a_pip[1], SWI_K_LEERROUTE_NIVEAU);
	rset(b->a_pip[1], SWI_K_LEERROUTE_EINDDATUM, 20260301);
}

/* SWI-038/039: k29 is mandatory with k28 (2.2, kenmerk 29). */
static void f_k29_missing(struct base *b)
{
	punset(b->a, SWI_K_EINDE_BEGELEIDING_DATUM);
}
static void n_k29_missing(struct base *b)
{
	pset(b->a, SWI_K_EINDE_BEGELEIDING_DATUM, 20260331);
}
static void f_k28_missing(struct base *b)
{
	punset(b->a, SWI_K_EINDE_BEGELEIDING_REDEN);
}
static void n_k28_missing(struct base *b)
{
	punset(b->a, SWI_K_EINDE_BEGELEIDING_REDEN);
	punset(b->a, SWI_K_EINDE_BEGELEIDING_DATUM);
}

/* SWI-040: MAP for the B1- and Z-route; B's only PIP is the onderwijsroute. */
static void f_map_route2(struct base *b)
{
	pset(b->b, SWI_K_MAP_DATUM_EERSTE_ACTIVITEIT, 20250801);
}
static void n_map_route2(struct base *b)
{
	pset(b->b, SWI_K_MAP_DATUM_EERSTE_ACTIVITEIT, 20250801);
	rset(b->b_pip, SWI_K_LEERROUTE_ROUTE, 3);
}

/* SWI-041: a completed Z-route without inschatting. */
static void f_k23_missing(struct base *b)
{
	for (int k = SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU; k <= SWI_K_ZROUTE_LUISTEREN; k++)
		punset(b->a, k);
}
static void n_k23_missing(struct base *b)
{
	f_k23_missing(b);
	pset(b->a, SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU, 1);
}

/* SWI-042: 2.3 kenmerk 34, an eindgesprek after the move (k28 = 1, k29). */
static void f_k34_moved(struct base *b)
{
	pset(b->a, SWI_K_EINDE_BEGELEIDING_REDEN, 1);
	rset(b->a_pip[0], SWI_K_LEERROUTE_EINDDATUM, 20260321);
}
/* On the move date: completed, then moved; a warning (SWI-044) at most. */
static void n_k34_moved(struct base *b)
{
	pset(b->a, SWI_K_EINDE_BEGELEIDING_REDEN, 1);
	rset(b->a_pip[0], SWI_K_LEERROUTE_EINDDATUM, 20260320);
}
/* SWI-044: completed the Z-route (k34, k23-k27) before moving: deliverable. */
static void f_k34_before_move(struct base *b)
{
	pset(b->a, SWI_K_EINDE_BEGELEIDING_REDEN, 1);
}
static void n_k34_before_move(struct base *b)
{
	pset(b->a, SWI_K_EINDE_BEGELEIDING_REDEN, 2);
}

/* SWI-043: 2.3 kenmerk 31, a PIP without a route (only with an exemption). */
static void f_pip_no_route(struct base *b)
{
	runset(b->b_pip, SWI_K_LEERROUTE_ROUTE);
}
static void n_pip_no_route(struct base *b)
{
	rset(b->b_pip, SWI_K_LEERROUTE_ROUTE, 2);
}

/* SWI-050..055: begin and end pairs; the same day is allowed. */
static void f_ontz_order(struct base *b)
{
	pset(b->a, SWI_K_ONTZORGEN_EINDDATUM, 20250114);
}
static void n_ontz_order(struct base *b)
{
	pset(b->a, SWI_K_ONTZORGEN_EINDDATUM, 20250115);
}
static void f_ontz_end(struct base *b)
{
	punset(b->a, SWI_K_ONTZORGEN_BEGINDATUM);
}
static void n_ontz_end(struct base *b)
{
	punset(b->a, SWI_K_ONTZORGEN_BEGINDATUM);
	punset(b->a, SWI_K_ONTZORGEN_EINDDATUM);
}
static void f_map_order(struct base *b)
{
	pset(b->a, SWI_K_MAP_DATUM_EINDGESPREK, 20250331);
}
static void n_map_order(struct base *b)
{
	pset(b->a, SWI_K_MAP_DATUM_EINDGESPREK, 20250401);
}
static void f_map_end(struct base *b)
{
	punset(b->a, SWI_K_MAP_DATUM_EERSTE_ACTIVITEIT);
}
static void n_map_end(struct base *b)
{
	punset(b->a, SWI_K_MAP_DATUM_EERSTE_ACTIVITEIT);
	punset(b->a, SWI_K_MAP_DATUM_EINDGESPREK);
}
static void f_route_order(struct base *b)
{
	rset(b->a_pip[0], SWI_K_LEERROUTE_EINDDATUM, 20250228);
}
static void n_route_order(struct base *b)
{
	rset(b->a_pip[0], SWI_K_LEERROUTE_EINDDATUM, 20250301);
}
static void f_route_end(struct base *b)
{
	runset(b->a_pip[0], SWI_K_LEERROUTE_BEGINDATUM);
}
static void n_route_end(struct base *b)
{
	rset(b->a_pip[0], SWI_K_LEERROUTE_BEGINDATUM, 20250301);
}

/* SWI-060..065: talks and fines of one person. */
static void f_talks_6(struct base *b)
{
	for (int day = 13; day <= 15; day++)
		talk(b->b, 20260100 + day);
}
static void n_talks_5(struct base *b)
{
	for (int day = 13; day <= 14; day++)
		talk(b->b, 20260100 + day);
}
static void f_talk_before_q(struct base *b)
{
	rset(b->b_talk[0], SWI_K_VOORTGANGSGESPREK_DATUM, 20251231);
}
static void n_talk_before_q(struct base *b)
{
	rset(b->b_talk[0], SWI_K_VOORTGANGSGESPREK_DATUM, 20260101);
}
static void f_talk_twice(struct base *b)
{
	rset(b->b_talk[1], SWI_K_VOORTGANGSGESPREK_DATUM, 20260110);
}
static void n_talk_twice(struct base *b)
{
	rset(b->b_talk[1], SWI_K_VOORTGANGSGESPREK_DATUM, 20260111);
}
static void f_fine_before_q(struct base *b)
{
	rset(b->b_fine[0], SWI_K_BOETE_DATUM, 20251231);
}
static void n_fine_before_q(struct base *b)
{
	rset(b->b_fine[0], SWI_K_BOETE_DATUM, 20260101);
}
static void f_pip_twice(struct base *b)
{
	rset(b->a_pip[0], SWI_K_PIP_DATUM, 20260220);
}
static void n_pip_twice(struct base *b)
{
	rset(b->a_pip[0], SWI_K_PIP_DATUM, 20260219);
}
static void f_fine_twice(struct base *b)
{
	rset(b->b_fine[1], SWI_K_BOETE_DATUM, 20260115);
	rset(b->b_fine[1], SWI_K_BOETE_REDEN, 1);
}
static void n_fine_twice(struct base *b)
{
	rset(b->b_fine[1], SWI_K_BOETE_DATUM, 20260115);
}

/* SWI-070..077: plausibility around the brede intake and the end of guidance. */
static void f_pip_no_intake(struct base *b)
{
	punset(b->b, SWI_K_BREDE_INTAKE_BEGINDATUM);
	punset(b->b, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM);
}
static void n_pip_no_intake(struct base *b)
{
	punset(b->b, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM);
	pset(b->b, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250701);
}
static void f_intake_after_pip(struct base *b)
{
	pset(b->b, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250702);
}
static void n_intake_after_pip(struct base *b)
{
	pset(b->b, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250701);
}
/* 0 hours is a value, not a missing one. */
static void f_hours_no_intake(struct base *b)
{
	pset(b->c, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM, 0);
}
static void n_hours_no_intake(struct base *b)
{
	pset(b->c, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM, 0);
	pset(b->c, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250601);
}
static void f_begin_differs(struct base *b)
{
	rset(b->a_pip[1], SWI_K_LEERROUTE_BEGINDATUM, 20250302);
}
static void n_begin_differs(struct base *b)
{
	runset(b->a_pip[1], SWI_K_LEERROUTE_BEGINDATUM);
}
static void f_talk_on_intake(struct base *b)
{
	pset(b->c, SWI_K_BREDE_INTAKE_BEGINDATUM, 20260201);
	talk(b->c, 20260201);
}
static void n_talk_on_intake(struct base *b)
{
	pset(b->c, SWI_K_BREDE_INTAKE_BEGINDATUM, 20260201);
	talk(b->c, 20260202);
}
static void f_talk_after_end(struct base *b)
{
	pset(b->b, SWI_K_EINDE_BEGELEIDING_REDEN, 1);
	pset(b->b, SWI_K_EINDE_BEGELEIDING_DATUM, 20260324);
}
static void n_talk_after_end(struct base *b)
{
	pset(b->b, SWI_K_EINDE_BEGELEIDING_REDEN, 1);
	pset(b->b, SWI_K_EINDE_BEGELEIDING_DATUM, 20260325);
}
static void f_fine_after_end(struct base *b)
{
	pset(b->a, SWI_K_EINDE_BEGELEIDING_DATUM, 20260228);
}
static void n_fine_after_end(struct base *b)
{
	pset(b->a, SWI_K_EINDE_BEGELEIDING_DATUM, 20260301);
}
/* Without a PIP, k18 may still be open (3.3.3). */
static void f_pip_no_k18(struct base *b)
{
	punset(b->b, SWI_K_ALFABETISERINGSCURSUS);
}
static void n_pip_no_k18(struct base *b)
{
	punset(b->b, SWI_K_ALFABETISERINGSCURSUS);
	OK(swi_record_remove(b->b_pip));
	b->b_pip = NULL;
	rset(b->b_fine[1], SWI_K_BOETE_REDEN, 1); /* not SWI-079 */
}
/* SWI-078: 3.3.1, the quarter after two PIPs only the latest is delivered. */
static void f_pips_old(struct base *b)
{
	rset(b->a_pip[1], SWI_K_PIP_DATUM, 20251231);
}
static void n_pips_old(struct base *b)
{
	rset(b->a_pip[1], SWI_K_PIP_DATUM, 20260101);
}
/* SWI-079: 2.5, kenmerk 37 reden 2 is a fine during the traject the PIP starts. */
static void f_fine_no_pip(struct base *b)
{
	OK(swi_record_remove(b->b_pip));
	b->b_pip = NULL;
}
static void n_fine_no_pip(struct base *b)
{
	f_fine_no_pip(b);
	rset(b->b_fine[1], SWI_K_BOETE_REDEN, 1);
}

static const struct rule_case cases[] = {
	{"k5 missing", "SWI-001", ERR, 5, LEV, -1, -1, NULL, f_req_k5, n_req_k5, NULL, NULL},
	{"k2 missing", "SWI-001", ERR, 2, LEV, -1, -1, NULL, f_req_k2, n_req_k2, NULL, NULL},
	{"k11 missing", "SWI-001", ERR, 11, PER, 0, -1, NULL, f_req_k11, n_req_k11, NULL, NULL},
	{"PIP k30 missing", "SWI-001", ERR, 30, PIP, 0, 1, NULL, f_req_k30, n_req_k30, NULL, NULL},
	{"talk k35 missing", "SWI-001", ERR, 35, GES, 1, 2, NULL, f_req_k35, n_req_k35, NULL, NULL},
	{"fine k37 missing", "SWI-001", ERR, 37, BOE, 1, 1, NULL, f_req_k37, n_req_k37, NULL, NULL},
	{"fine k38 missing vs 0", "SWI-001", ERR, 38, BOE, 1, 0, NULL, f_req_k38, n_req_k38, NULL,
	 NULL},
	{"year 2021 vs 2026", "SWI-003", ERR, 1, LEV, -1, -1, "2021", f_no_ruleset, n_no_ruleset,
	 NULL, NULL},
	{"year 2027 vs 2026", "SWI-017", WARN, 1, LEV, -1, -1, "regelset 2026", f_ruleset_newest,
	 n_ruleset_newest, NULL, NULL},
	{"year 2025 vs 2026", "SWI-018", WARN, 1, LEV, -1, -1, "regelset 2026", f_ruleset_oldest,
	 n_no_ruleset, NULL, NULL},
	{"no 2027 list vs a 2027 list", "SWI-019", WARN, 7, LEV, -1, -1, "1 januari 2026",
	 f_gemeenten_newest, n_gemeenten_newest, "SWI-017", NULL},
	{"gemeente 0501 vs 1992", "SWI-004", ERR, 7, LEV, -1, -1, "0501", f_gem_brielle,
	 n_gem_brielle, NULL, NULL},
	{"gemeente 0000 vs 0014", "SWI-004", ERR, 7, LEV, -1, -1, "0000", f_gem_zero, n_gem_zero,
	 NULL, NULL},
	{"file name quarter 2 vs 1", "SWI-005", ERR, 0, LEV, -1, -1, "SWI_0153_0153_20262.XML",
	 f_file_name, n_file_name, NULL, NULL},
	{"peildatum 20260331 vs 20260401", "SWI-006", WARN, 2, LEV, -1, -1, "20260331", f_open,
	 n_open, NULL, NULL},
	{"peildatum 20260429 vs 20260428", "SWI-007", WARN, 2, LEV, -1, -1, "20260429", f_late,
	 n_late, NULL, NULL},
	{"talk 20260401 vs 20260331", "SWI-012", ERR, 35, GES, 1, 2, "20260401", f_after_q_talk,
	 n_after_q_talk, NULL, NULL},
	{"PIP 20260401 vs 20260331", "SWI-012", ERR, 30, PIP, 0, 1, "20260401", f_after_q_pip,
	 n_after_q_pip, NULL, NULL},
	{"fine after quarter and peildatum", "SWI-012", ERR, 36, BOE, 1, 1, "20260501",
	 f_after_q_today, n_after_q_today, NULL, NULL},
	{"k29 20260401 vs 20260331", "SWI-012", ERR, 29, PER, 0, -1, "20260401", f_after_q_k29,
	 n_after_q_k29, NULL, NULL},
	{"talk day after peildatum vs on it", "SWI-013", ERR, 35, GES, 1, 2, "20260321",
	 f_after_today, n_after_today, "SWI-006", NULL},
	{"k20 day before birth vs birthday", "SWI-014", ERR, 20, PER, 1, -1, "19850719",
	 f_before_birth, n_before_birth, NULL, "SWI-015"},
	{"k17 20211231 vs 20220101", "SWI-015", WARN, 17, PER, 0, -1, "20211231", f_2022_k17,
	 n_2022_k17, NULL, NULL},
	{"k12 20211231 vs 20220101", "SWI-015", WARN, 12, PER, 0, -1, "20211231", f_2022_k12,
	 n_2022_k12, NULL, NULL},
	{"age 15 vs 16", "SWI-016", WARN, 9, PER, 2, -1, "20100401", f_age_15, n_age_16, NULL,
	 NULL},
	{"age 71 vs 70", "SWI-016", WARN, 9, PER, 2, -1, "19550331", f_age_71, n_age_70, NULL,
	 NULL},
	{"k12 gezin vs asiel", "SWI-020", ERR, 12, PER, 2, -1, NULL, f_dg_k12, n_dg_k12, NULL,
	 NULL},
	{"k13 gezin vs asiel", "SWI-020", ERR, 13, PER, 2, -1, NULL, f_dg_k13, n_dg_k13, NULL,
	 NULL},
	{"k14 gezin vs asiel", "SWI-020", ERR, 14, PER, 2, -1, NULL, f_dg_k14, n_dg_k14, NULL,
	 "SWI-051"},
	{"k33 gezin vs asiel", "SWI-020", ERR, 33, PIP, 2, 0, NULL, f_dg_k33, n_dg_k33, NULL,
	 NULL},
	{"talk asiel vs gezin", "SWI-020", ERR, 35, GES, 2, 0, NULL, f_dg_k35, n_dg_k35, NULL,
	 NULL},
	{"k19 with k18=1 vs k18=2", "SWI-030", ERR, 19, PER, 1, -1, NULL, f_k19_k18nee,
	 n_k19_k18nee, NULL, NULL},
	{"k19 without k18 vs k18=2", "SWI-030", ERR, 19, PER, 2, -1, NULL, f_k19_nok18,
	 n_k19_nok18, NULL, NULL},
	{"k18=2 without k19 vs k18=1", "SWI-031", WARN, 19, PER, 0, -1, NULL, f_k19_missing,
	 n_k19_missing, NULL, NULL},
	{"k23 without Z einddatum vs with", "SWI-032", ERR, 23, PER, 0, -1, NULL, f_k23_no_z,
	 n_k23_no_z, NULL, NULL},
	{"k24 with k23=1 vs without", "SWI-033", ERR, 24, PER, 0, -1, NULL, f_k24_k23nee,
	 n_k24_k23nee, NULL, NULL},
	{"k26 missing vs 9", "SWI-034", WARN, 26, PER, 0, -1, NULL, f_k26_missing, n_k26_missing,
	 NULL, NULL},
	{"k32 on route 2 vs route 1", "SWI-035", ERR, 32, PIP, 1, 0, NULL, f_k32_route2,
	 n_k32_route2, NULL, NULL},
	{"B1 without k32 vs k32=2", "SWI-036", WARN, 32, PIP, 0, 1, NULL, f_k32_missing,
	 n_k32_missing, NULL, NULL},
	{"k34 on B1 vs on Z", "SWI-037", ERR, 34, PIP, 0, 1, "20260301", f_k34_b1, n_k34_b1, NULL,
	 NULL},
	{"k28 without k29 vs with", "SWI-038", ERR, 29, PER, 0, -1, NULL, f_k29_missing,
	 n_k29_missing, NULL, NULL},
	{"k29 without k28 vs neither", "SWI-039", WARN, 28, PER, 0, -1, "20260320", f_k28_missing,
	 n_k28_missing, NULL, NULL},
	{"MAP with route 2 vs route 3", "SWI-040", WARN, 21, PER, 1, -1, "20250801", f_map_route2,
	 n_map_route2, NULL, NULL},
	{"Z done without k23 vs k23=1", "SWI-041", WARN, 23, PER, 0, -1, NULL, f_k23_missing,
	 n_k23_missing, NULL, NULL},
	{"k34 day after move vs on move", "SWI-042", ERR, 34, PIP, 0, 0, "20260321", f_k34_moved,
	 n_k34_moved, NULL, "SWI-044"},
	{"k34 before move vs k28=2", "SWI-044", WARN, 34, PIP, 0, 0, "20260210", f_k34_before_move,
	 n_k34_before_move, NULL, NULL},
	{"PIP without route vs route 2", "SWI-043", WARN, 31, PIP, 1, 0, NULL, f_pip_no_route,
	 n_pip_no_route, NULL, NULL},
	{"ontzorgen end day before begin vs same day", "SWI-050", ERR, 14, PER, 0, -1, "20250114",
	 f_ontz_order, n_ontz_order, NULL, NULL},
	{"ontzorgen end without begin vs neither", "SWI-051", WARN, 14, PER, 0, -1, "20250715",
	 f_ontz_end, n_ontz_end, NULL, NULL},
	{"MAP end day before begin vs same day", "SWI-052", ERR, 22, PER, 0, -1, "20250331",
	 f_map_order, n_map_order, NULL, NULL},
	{"MAP end without begin vs neither", "SWI-053", WARN, 22, PER, 0, -1, "20260115",
	 f_map_end, n_map_end, NULL, NULL},
	{"route end day before begin vs same day", "SWI-054", ERR, 34, PIP, 0, 0, "20250228",
	 f_route_order, n_route_order, NULL, NULL},
	{"route end without begin vs with", "SWI-055", WARN, 34, PIP, 0, 0, "20260210",
	 f_route_end, n_route_end, NULL, NULL},
	{"6 talks vs 5", "SWI-060", ERR, 35, GES, 1, -1, "6", f_talks_6, n_talks_5, NULL, NULL},
	{"talk 20251231 vs 20260101", "SWI-061", WARN, 35, GES, 1, 0, "20251231", f_talk_before_q,
	 n_talk_before_q, NULL, NULL},
	{"two talks same date vs next day", "SWI-062", ERR, 35, GES, 1, 1, NULL, f_talk_twice,
	 n_talk_twice, NULL, NULL},
	{"fine 20251231 vs 20260101", "SWI-063", WARN, 36, BOE, 1, 0, "20251231", f_fine_before_q,
	 n_fine_before_q, NULL, NULL},
	{"two PIPs same date vs next day", "SWI-064", ERR, 30, PIP, 0, 1, NULL, f_pip_twice,
	 n_pip_twice, NULL, NULL},
	{"two fines same date and reason vs other reason", "SWI-065", ERR, 36, BOE, 1, 1, NULL,
	 f_fine_twice, n_fine_twice, NULL, NULL},
	{"PIP without intake vs intake on PIP day", "SWI-070", WARN, 15, PER, 1, -1, NULL,
	 f_pip_no_intake, n_pip_no_intake, NULL, NULL},
	{"intake day after PIP vs PIP day", "SWI-071", WARN, 15, PER, 1, -1, "20250702",
	 f_intake_after_pip, n_intake_after_pip, NULL, NULL},
	{"0 hours without intake vs with", "SWI-072", WARN, 16, PER, 2, -1, NULL,
	 f_hours_no_intake, n_hours_no_intake, NULL, NULL},
	{"route begin differs vs absent", "SWI-073", WARN, 33, PIP, 0, 1, "20250302",
	 f_begin_differs, n_begin_differs, NULL, NULL},
	{"talk on intake day vs day after", "SWI-074", WARN, 35, GES, 2, 0, "20260201",
	 f_talk_on_intake, n_talk_on_intake, NULL, NULL},
	{"talk day after end vs on end", "SWI-075", WARN, 35, GES, 1, 2, "20260325",
	 f_talk_after_end, n_talk_after_end, NULL, NULL},
	{"fine day after end vs on end", "SWI-076", WARN, 36, BOE, 0, 0, "20260301",
	 f_fine_after_end, n_fine_after_end, NULL, NULL},
	{"PIP without k18 vs no PIP", "SWI-077", WARN, 18, PER, 1, -1, NULL, f_pip_no_k18,
	 n_pip_no_k18, NULL, NULL},
	{"two PIPs before the quarter vs one in it", "SWI-078", WARN, 30, PIP, 0, -1, "20251231",
	 f_pips_old, n_pips_old, NULL, NULL},
	{"fine reden 2 without PIP vs reden 1", "SWI-079", WARN, 37, BOE, 1, 1, NULL,
	 f_fine_no_pip, n_fine_no_pip, NULL, NULL},
};
#define N_CASES ((int)(sizeof(cases) / sizeof(cases[0])))

/*
 * Rules of the catalogue that swi_delivery_validate cannot emit for a
 * delivery made with the builder: the builder refuses bad values and BSNs
 * (tested below instead), the reader reports XML and schema errors, and
 * swi_delivery_compare reports the quarter-to-quarter rules.
 */
static const char *const not_from_builder[] = {
	"SWI-002", /* value format: the setters refuse it */
	"SWI-008", "SWI-009", /* reader: XML and XSD */
	"SWI-010", "SWI-011", /* BSN 11-test, duplicate BSN: add_person refuses them */
	"SWI-080", "SWI-081", "SWI-082", "SWI-083", /* swi_delivery_compare */
	"SWI-084", "SWI-085", "SWI-086", "SWI-087",
};

static bool in_list(const char *id, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], id) == 0)
			return true;
	return false;
}

/* ---- the base --------------------------------------------------------- */

START_TEST(test_base_is_clean)
{
	struct base b;
	base_build(&b);
	swi_report *r = validate(&b);
	ck_assert_msg(swi_report_count(r) == 0, "base delivery has diagnostics:%s", dump(r));
	swi_report_free(r);

	/* ... also with the file name check and with full BSNs. */
	char name[32];
	ck_assert_int_eq(swi_delivery_file_name(b.d, 0, name, sizeof(name)), SWI_OK);
	ck_assert_str_eq(name, "SWI_0153_0153_20261.XML");
	r = validate_flags(b.d, name, SWI_VALIDATE_SHOW_BSN);
	ck_assert_msg(swi_report_count(r) == 0, "base delivery has diagnostics:%s", dump(r));
	swi_report_free(r);

	/* The persons are where the table expects them, with these BSNs. */
	size_t i = 0;
	for (swi_person *p = swi_delivery_first_person(b.d); p; p = swi_person_next(p), i++) {
		char bsn[SWI_VALUE_MAX];
		ck_assert_int_eq(swi_person_get_text(p, SWI_K_BURGERSERVICENUMMER, bsn,
						     sizeof(bsn)), SWI_OK);
		ck_assert_str_eq(bsn, base_bsn[i]);
	}
	ck_assert_uint_eq(i, 3);
	base_free(&b);
}
END_TEST

/* ---- the table: each rule fires exactly once ... ---------------------- */

START_TEST(test_rule_fires)
{
	const struct rule_case *c = &cases[_i];
	struct base b;
	base_build(&b);
	c->fire(&b);
	swi_report *r = validate(&b);
	const size_t want_total = 1 + (c->also != NULL);

	ck_assert_msg(count_rule(r, c->rule) == 1, "[%s] %s fires %zu times, want once:%s", c->name,
		      c->rule, count_rule(r, c->rule), dump(r));
	ck_assert_msg(swi_report_count(r) == want_total, "[%s] other diagnostics besides %s:%s",
		      c->name, c->rule, dump(r));
	if (c->also)
		ck_assert_msg(count_rule(r, c->also) == 1, "[%s] %s expected once as well:%s",
			      c->name, c->also, dump(r));

	size_t i = find_rule(r, c->rule);
	const char *msg = swi_report_message(r, i);
	ck_assert_msg(swi_report_severity(r, i) == c->severity, "[%s] severity %d", c->name,
		      (int)swi_report_severity(r, i));
	ck_assert_msg(swi_report_kenmerk(r, i) == c->kenmerk, "[%s] kenmerk %d, want %d", c->name,
		      swi_report_kenmerk(r, i), c->kenmerk);
	ck_assert_msg(swi_report_category(r, i) == c->category, "[%s] category %d, want %d",
		      c->name, (int)swi_report_category(r, i), (int)c->category);
	ck_assert_msg(swi_report_person(r, i) == c->person, "[%s] person %lld, want %lld", c->name,
		      (long long)swi_report_person(r, i), (long long)c->person);
	ck_assert_msg(swi_report_record(r, i) == c->record, "[%s] record %lld, want %lld", c->name,
		      (long long)swi_report_record(r, i), (long long)c->record);
	ck_assert_int_eq(swi_report_line(r, i), 0); /* not from a file */
	ck_assert_str_eq(swi_report_bsn(r, i), c->person >= 0 ? base_masked[c->person] : "");

	/*
	 * validate.h: the message names the kenmerk and the offending value.
	 * The two peildatum rules (SWI-006/007) speak of "kwartaal 2026-1"
	 * rather than of kenmerk 2; that is accepted for kenmerk 2 only.
	 */
	if (c->kenmerk > 0) {
		char needle[24];
		snprintf(needle, sizeof(needle), "kenmerk %d", c->kenmerk);
		bool named = strstr(msg, needle) || strstr(msg, swi_kenmerk_label(c->kenmerk)) ||
			     (c->kenmerk == SWI_K_STATISTIEKKWARTAAL &&
			      strstr(msg, "kwartaal 2026-1"));
		ck_assert_msg(named, "[%s] message does not name kenmerk %d: %s", c->name,
			      c->kenmerk, msg);
	}
	char shown[16];
	if (c->value)
		ck_assert_msg(strstr(msg, as_shown(c->value, shown)),
			      "[%s] message does not name '%s': %s", c->name, c->value, msg);
	assert_no_bsn(r, base_bsn, 3);
	swi_report_free(r);
	base_free(&b);
}
END_TEST

/* ---- ... and its nearest valid neighbour gives none of it -------------- */

START_TEST(test_rule_near)
{
	const struct rule_case *c = &cases[_i];
	struct base b;
	base_build(&b);
	c->near(&b);
	swi_report *r = validate(&b);
	const size_t want_total = (c->also != NULL) + (c->near_also != NULL);
	ck_assert_msg(count_rule(r, c->rule) == 0, "[%s] nearest valid variant gives %s:%s",
		      c->name, c->rule, dump(r));
	ck_assert_msg(swi_report_count(r) == want_total, "[%s] nearest valid variant:%s", c->name,
		      dump(r));
	if (c->also)
		ck_assert_msg(count_rule(r, c->also) == 1, "[%s] want %s:%s", c->name, c->also,
			      dump(r));
	if (c->near_also)
		ck_assert_msg(count_rule(r, c->near_also) == 1, "[%s] want %s:%s", c->name,
			      c->near_also, dump(r));
	swi_report_free(r);
	base_free(&b);
}
END_TEST

/* Every rule the builder can reach has a case, and every case a real rule. */
START_TEST(test_table_covers_catalogue)
{
	const size_t n_excluded = sizeof(not_from_builder) / sizeof(not_from_builder[0]);
	for (size_t i = 0; i < swi_rule_count(); i++) {
		const char *id;
		ck_assert_int_eq(swi_rule_at(i, &id, NULL, NULL, NULL, NULL), SWI_OK);
		bool covered = false;
		for (int j = 0; j < N_CASES && !covered; j++)
			covered = strcmp(cases[j].rule, id) == 0;
		ck_assert_msg(covered || in_list(id, not_from_builder, n_excluded),
			      "%s has no case in the rule table", id);
		ck_assert_msg(!covered || !in_list(id, not_from_builder, n_excluded),
			      "%s is both tested and listed as unreachable", id);
	}
	for (int j = 0; j < N_CASES; j++) {
		swi_severity sev;
		ck_assert_msg(catalogue_find(cases[j].rule, &sev),
			      "[%s] %s is not in the catalogue", cases[j].name, cases[j].rule);
		ck_assert_msg(sev == cases[j].severity, "[%s] %s: table severity %d, catalogue %d",
			      cases[j].name, cases[j].rule, (int)cases[j].severity, (int)sev);
		if (cases[j].also)
			ck_assert(catalogue_find(cases[j].also, NULL));
		if (cases[j].near_also)
			ck_assert(catalogue_find(cases[j].near_also, NULL));
	}
	for (size_t i = 0; i < n_excluded; i++)
		ck_assert_msg(catalogue_find(not_from_builder[i], NULL), "%s left the catalogue",
			      not_from_builder[i]);
}
END_TEST

/* Rules reported per kenmerk give one diagnostic for each, in kenmerk order. */
START_TEST(test_one_diagnostic_per_kenmerk)
{
	struct base b;
	base_build(&b);
	pset(b.a, SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU, 1); /* levels filled, but "Nee" */
	swi_report *r = validate(&b);
	ck_assert_msg(swi_report_count(r) == 4, "%s", dump(r));
	for (size_t i = 0; i < 4; i++) {
		ck_assert_str_eq(swi_report_rule(r, i), "SWI-033");
		ck_assert_int_eq(swi_report_kenmerk(r, i), SWI_K_ZROUTE_LEZEN + (int)i);
	}
	swi_report_free(r);

	pset(b.a, SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU, 2);
	for (int k = SWI_K_ZROUTE_LEZEN; k <= SWI_K_ZROUTE_LUISTEREN; k++)
		punset(b.a, k);
	r = validate(&b);
	ck_assert_msg(swi_report_count(r) == 4, "%s", dump(r));
	for (size_t i = 0; i < 4; i++) {
		ck_assert_str_eq(swi_report_rule(r, i), "SWI-034");
		ck_assert_int_eq(swi_report_kenmerk(r, i), SWI_K_ZROUTE_LEZEN + (int)i);
	}
	swi_report_free(r);
	base_free(&b);
}
END_TEST

/* "In the order found: file level first, then persons in delivery order." */
START_TEST(test_report_order)
{
	struct base b;
	base_build(&b);
	pset(b.c, SWI_K_ANALFABETISME, 1);                    /* person 2: SWI-030 */
	rset(b.b_talk[1], SWI_K_VOORTGANGSGESPREK_DATUM, 20251231); /* person 1: SWI-061 */
	punset(b.a, SWI_K_ANALFABETISME);                     /* person 0: SWI-031 */
	OK(swi_delivery_set_reference_date(b.d, 20260501));   /* levering: SWI-007 */
	swi_report *r = validate(&b);
	static const char *const want[] = {"SWI-007", "SWI-031", "SWI-061", "SWI-030"};
	ck_assert_msg(swi_report_count(r) == 4, "%s", dump(r));
	for (size_t i = 0; i < 4; i++) {
		ck_assert_str_eq(swi_report_rule(r, i), want[i]);
		ck_assert_int_eq(swi_report_person(r, i), (int64_t)i - 1);
	}
	swi_report_free(r);

	/* Removing a person renumbers the ones after it: indices are positions. */
	OK(swi_person_remove(b.b));
	r = validate(&b);
	ck_assert_msg(swi_report_count(r) == 3, "%s", dump(r));
	ck_assert_str_eq(swi_report_rule(r, 2), "SWI-030");
	ck_assert_int_eq(swi_report_person(r, 2), 1);
	ck_assert_str_eq(swi_report_bsn(r, 2), base_masked[2]);
	swi_report_free(r);
	base_free(&b);
}
END_TEST

/* ---- SWI-002/010/011: the builder refuses what these rules describe ---- */

START_TEST(test_builder_refuses)
{
	struct base b;
	base_build(&b);
	swi_person *p = NULL;

	/* SWI-010: the 11-test, and 000000000 (which passes it arithmetically). */
	static const char *const bad[] = {"123456789", "000000000", "00000000", "123456783"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(swi_delivery_add_person(&p, b.d, bad[i]), SWI_EBSN);
		ck_assert_ptr_null(p);
		ck_assert_int_eq(swi_delivery_last_error(b.d), SWI_EBSN);
		ck_assert_msg(!strstr(swi_delivery_last_message(b.d), bad[i]), "%s",
			      swi_delivery_last_message(b.d));
	}
	ck_assert_int_eq(swi_delivery_add_person(&p, b.d, "12345678x"), SWI_EFORMAT);

	/* SWI-011: a BSN already in the delivery, also in its 8-digit form. */
	ck_assert_int_eq(swi_delivery_add_person(&p, b.d, BSN_A), SWI_EDUPLICATE);
	ck_assert_msg(strstr(swi_delivery_last_message(b.d), base_masked[0]) &&
		      !strstr(swi_delivery_last_message(b.d), BSN_A),
		      "%s", swi_delivery_last_message(b.d));
	ck_assert_int_eq(swi_delivery_add_person(&p, b.d, BSN_C), SWI_EDUPLICATE);
	ck_assert_int_eq(swi_person_set_text(b.b, SWI_K_BURGERSERVICENUMMER, BSN_A),
			 SWI_EDUPLICATE);
	ck_assert_int_eq(swi_person_set_text(b.b, SWI_K_BURGERSERVICENUMMER, "123456789"),
			 SWI_EBSN);
	char bsn[SWI_VALUE_MAX];
	ck_assert_int_eq(swi_person_get_text(b.b, SWI_K_BURGERSERVICENUMMER, bsn, sizeof(bsn)),
			 SWI_OK);
	ck_assert_str_eq(bsn, BSN_B);
	ck_assert_uint_eq(swi_delivery_person_count(b.d), 3);

	/* SWI-002: 29 February 2025 does not exist; in 2024 it does. */
	int32_t v = 0;
	ck_assert_int_eq(swi_person_set_int(b.c, SWI_K_GEBOORTEDATUM, 20250229), SWI_EDATE);
	ck_assert_int_eq(swi_person_set_text(b.c, SWI_K_GEBOORTEDATUM, "20250229"), SWI_EDATE);
	ck_assert_int_eq(swi_person_set_date(b.c, SWI_K_GEBOORTEDATUM, 2025, 2, 29), SWI_EDATE);
	ck_assert_int_eq(swi_record_set_int(b.b_fine[0], SWI_K_BOETE_DATUM, 20250229), SWI_EDATE);
	ck_assert_int_eq(swi_delivery_set_reference_date(b.d, 20250229), SWI_EDATE);
	ck_assert_int_eq(swi_person_get_int(b.c, SWI_K_GEBOORTEDATUM, &v), SWI_OK);
	ck_assert_int_eq(v, 20000101);
	ck_assert_int_eq(swi_record_get_int(b.b_fine[0], SWI_K_BOETE_DATUM, &v), SWI_OK);
	ck_assert_int_eq(v, 20260115);

	/* None of it reached the delivery: it is still clean (and still 2026-04-15). */
	swi_report *r = validate(&b);
	ck_assert_msg(swi_report_count(r) == 0, "%s", dump(r));
	swi_report_free(r);

	ck_assert_int_eq(swi_person_set_int(b.c, SWI_K_GEBOORTEDATUM, 20080229), SWI_OK);
	base_free(&b);
}
END_TEST

/* ---- SWI-003..007 in detail ------------------------------------------- */

/* A header-only delivery: no person dates to fall outside another quarter. */
static swi_delivery *header(int year, int quarter, int gemeente, int32_t reference)
{
	swi_delivery *d = gen_delivery(year, quarter);
	int rc = swi_delivery_set_int(d, SWI_K_GEMEENTECODE, gemeente);
	REQUIRE(rc == SWI_OK, "gemeente %d: %s", gemeente, swi_delivery_last_message(d));
	OK(swi_delivery_set_reference_date(d, reference));
	return d;
}

/* The report has exactly the rule ids in `ids` (NULL-terminated), in order. */
static void expect_rules(const swi_report *r, const char *const *ids, const char *what)
{
	size_t n = 0;
	while (ids[n])
		n++;
	REQUIRE(swi_report_count(r) == n, "%s: want %zu diagnostics:%s", what, n, dump(r));
	for (size_t i = 0; i < n; i++)
		REQUIRE(strcmp(swi_report_rule(r, i), ids[i]) == 0, "%s: want %s at %zu:%s", what,
			ids[i], i, dump(r));
}

/*
 * The year policy of doc/years.md, per statistiekjaar, each delivered in
 * April after its first quarter (the peildatum), unless said otherwise.
 */
START_TEST(test_no_ruleset)
{
	static const char *const none[] = {NULL}, *const error[] = {"SWI-003", NULL},
				 *const oldest[] = {"SWI-018", NULL},
				 *const newest[] = {"SWI-017", "SWI-019", NULL};
	static const struct {
		int year, quarter;
		int32_t reference;
		const char *const *want;
		const char *why;
	} years[] = {
		{2021, 1, 20210415, error, "before the law's first year (1.2)"},
		{2022, 1, 20220415, oldest, "the law's first year: the oldest ruleset, own 2022 list"},
		{2025, 1, 20250415, oldest, "a late correction: the oldest ruleset, own 2025 list"},
		{2025, 4, 20260115, oldest, "a correction of 2025 Q4 in its aanleverperiode"},
		{2026, 1, 20260415, none, "its own ruleset and list"},
		{2026, 1, 20250228, none, "one year after the peildatum: still allowed"},
		{2027, 1, 20270415, newest, "no ruleset, no list: the newest of both, two warnings"},
		{2027, 1, 20260415, newest, "a year after the peildatum's year: allowed"},
		{2028, 1, 20260415, error, "more than one year after the peildatum"},
		{2030, 1, 20300415, newest, "still the 2026 ruleset, with its warning"},
	};
	for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		swi_delivery *d = header(years[i].year, years[i].quarter, 153, years[i].reference);
		swi_report *r = validate_flags(d, NULL, 0);
		char what[120], year[8];
		snprintf(what, sizeof(what), "%d on %d: %s", years[i].year, (int)years[i].reference,
			 years[i].why);
		snprintf(year, sizeof(year), "%d", years[i].year);
		/* The quarter is open on a peildatum before its end: SWI-006 only. */
		if (years[i].reference < years[i].year * 10000 + 331) {
			ck_assert_msg(strcmp(swi_report_rule(r, swi_report_count(r) - 1), "SWI-006") == 0,
				      "%s:%s", what, dump(r));
		} else {
			expect_rules(r, years[i].want, what);
		}
		for (size_t j = 0; years[i].want[j]; j++) {
			const char *msg = swi_report_message(r, j);
			REQUIRE(strcmp(swi_report_rule(r, j), years[i].want[j]) == 0, "%s:%s", what,
				dump(r));
			REQUIRE(swi_report_person(r, j) == -1 && !*swi_report_bsn(r, j), "%s", what);
			if (years[i].want[j][6] == '9') { /* SWI-019 names the list it used */
				REQUIRE(swi_report_kenmerk(r, j) == SWI_K_GEMEENTECODE &&
					strstr(msg, "1 januari 2026"), "%s: %s", what, msg);
				continue;
			}
			REQUIRE(swi_report_kenmerk(r, j) == SWI_K_STATISTIEKJAAR, "%s", what);
			/* names the year and the ruleset applied (or the range) */
			REQUIRE(strstr(msg, year) && strstr(msg, "2026"), "%s: %s", what, msg);
			if (years[i].want == error)
				REQUIRE(strstr(msg, "2022 tot en met"), "%s: %s", what, msg);
		}
		/* The public function says the same. */
		int ruleset = -1;
		swi_ruleset_kind kind = (swi_ruleset_kind)-1;
		int rc = swi_ruleset_for_year(years[i].year, years[i].reference, &ruleset, &kind);
		if (years[i].want == error) {
			REQUIRE(rc == SWI_EYEAR && ruleset == 0, "%s: rc %d ruleset %d", what, rc,
				ruleset);
		} else {
			REQUIRE(rc == SWI_OK && ruleset == 2026, "%s: rc %d ruleset %d", what, rc,
				ruleset);
			REQUIRE(kind == (years[i].want == none	   ? SWI_RULESET_OWN
					 : years[i].want == oldest ? SWI_RULESET_OLDEST
								   : SWI_RULESET_NEWEST),
				"%s: kind %d", what, (int)kind);
		}
		swi_report_free(r);
		swi_delivery_free(d);
	}
	/* Arguments: optional outputs, a bad reference date. */
	ck_assert_int_eq(swi_ruleset_for_year(2026, 20260415, NULL, NULL), SWI_OK);
	ck_assert_int_eq(swi_ruleset_for_year(2026, 20260230, NULL, NULL), SWI_EINVAL);
	time_t now = time(NULL);
	struct tm tm;
	ck_assert_ptr_nonnull(localtime_r(&now, &tm));
	ck_assert_int_eq(swi_ruleset_for_year(2026, 0, NULL, NULL),
			 tm.tm_year + 1900 + 1 >= 2026 ? SWI_OK : SWI_EYEAR);
}
END_TEST

/* Reads the codes of lib/data/gemeenten-YEAR.csv into `codes` (sorted). */
static size_t read_gemeenten(int year, int *codes, size_t max)
{
	const char *root = getenv("SWI_SOURCE_ROOT");
	ck_assert_msg(root != NULL, "SWI_SOURCE_ROOT is not set (run through meson test)");
	char path[4096], line[256];
	snprintf(path, sizeof(path), "%s/lib/data/gemeenten-%d.csv", root, year);
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	size_t n = 0;
	while (fgets(line, sizeof(line), f) && n < max)
		if (isdigit((unsigned char)line[0]))
			codes[n++] = atoi(line);
	fclose(f);
	return n;
}

static bool has_code(const int *codes, size_t n, int code)
{
	for (size_t i = 0; i < n; i++)
		if (codes[i] == code)
			return true;
	return false;
}

START_TEST(test_gemeente)
{
	static const char *const none[] = {NULL}, *const once[] = {"SWI-004", NULL};
	int list2026[600], list2022[600];
	size_t n2026 = read_gemeenten(2026, list2026, 600);
	size_t n2022 = read_gemeenten(2022, list2022, 600);
	ck_assert_uint_gt(n2026, 300);
	ck_assert_uint_gt(n2022, 300);
	/* The example of the brief: Brielle was a gemeente in 2022, not in 2026. */
	ck_assert(has_code(list2022, n2022, 501));
	ck_assert(!has_code(list2026, n2026, 501));
	ck_assert(has_code(list2026, n2026, 1992));

	/* Every code of the 2026 list is accepted; every 2022 code that is gone
	 * is refused, and so are 0000 and 9999. */
	int extra[] = {0, 9999};
	for (int pass = 0; pass < 3; pass++) {
		const int *codes = pass == 0 ? list2026 : pass == 1 ? list2022 : extra;
		size_t n = pass == 0 ? n2026 : pass == 1 ? n2022 : 2;
		for (size_t i = 0; i < n; i++) {
			bool valid = has_code(list2026, n2026, codes[i]);
			swi_delivery *d = header(2026, 1, codes[i], 20260415);
			swi_report *r = validate_flags(d, NULL, 0);
			char what[32];
			snprintf(what, sizeof(what), "gemeente %04d", codes[i]);
			expect_rules(r, valid ? none : once, what);
			if (!valid) {
				char code[8];
				snprintf(code, sizeof(code), "%04d", codes[i]);
				REQUIRE(swi_report_kenmerk(r, 0) == SWI_K_GEMEENTECODE, "kenmerk");
				REQUIRE(strstr(swi_report_message(r, 0), code), "%s",
					swi_report_message(r, 0));
			}
			swi_report_free(r);
			swi_delivery_free(d);
		}
	}
}
END_TEST

START_TEST(test_file_name)
{
	struct base b;
	base_build(&b);
	char xml[32], zip[32];
	ck_assert_int_eq(swi_delivery_file_name(b.d, 0, xml, sizeof(xml)), SWI_OK);
	ck_assert_int_eq(swi_delivery_file_name(b.d, 1, zip, sizeof(zip)), SWI_OK);
	ck_assert_str_eq(xml, "SWI_0153_0153_20261.XML");
	ck_assert_str_eq(zip, "SWI_0153_0153_20261.zip");

	/* 3.4.2; a path is judged by its last component (3.4.1 allows the zip). */
	static const char *const right[] = {
		"SWI_0153_0153_20261.XML",
		"SWI_0153_0153_20261.zip",
		"/var/tmp/levering/SWI_0153_0153_20261.XML",
		"uit/SWI_0153_0153_20261.zip",
		"/tmp/SWI_0153_0153_20262.XML/SWI_0153_0153_20261.XML",
	};
	static const char *const wrong[] = {
		"SWI_0153_0153_20262.XML",   /* another quarter */
		"SWI_0153_0153_20251.XML",   /* another year */
		"SWI_0153_0014_20261.XML",   /* another gemeente */
		"SWI_0154_0153_20261.XML",   /* another berichtgever */
		"SWI_153_153_20261.XML",     /* no leading zeros */
		"SWI_0153_0153_2026_1.XML",
		"SWI_0153_0153_20261.XML.bak",
		"SWI_0153_0153_20261.txt",
		"SWI_0153_0153_20261",
		"XSWI_0153_0153_20261.XML",
		"levering/SWI_0153_0153_20261.XML/",
		"",
	};
	static const char *const none[] = {NULL}, *const once[] = {"SWI-005", NULL};
	for (size_t i = 0; i < sizeof(right) / sizeof(right[0]); i++) {
		swi_report *r = validate_flags(b.d, right[i], 0);
		expect_rules(r, none, right[i]);
		swi_report_free(r);
	}
	for (size_t i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
		swi_report *r = validate_flags(b.d, wrong[i], 0);
		expect_rules(r, once, wrong[i]);
		const char *msg = swi_report_message(r, 0);
		/* names the name it got and the one it wanted */
		ck_assert_msg(strstr(msg, wrong[i]) && strstr(msg, "SWI_0153_0153_20261.XML"), "%s",
			      msg);
		ck_assert_int_eq(swi_report_kenmerk(r, 0), 0);
		ck_assert_int_eq(swi_report_category(r, 0), SWI_CATEGORY_LEVERING);
		swi_report_free(r);
	}

	/* Leading zeros come from the codes: berichtgever 1 is "0001". */
	dset(&b, SWI_K_BERICHTGEVERCODE, 1);
	swi_report *r = validate_flags(b.d, "SWI_0001_0153_20261.XML", 0);
	expect_rules(r, none, "berichtgever 0001");
	swi_report_free(r);
	r = validate_flags(b.d, xml, 0);
	expect_rules(r, once, "old name after a new berichtgevercode");
	swi_report_free(r);

	/* Without a berichtgevercode there is no name to compare: the missing
	 * kenmerk is the diagnostic. */
	dunset(&b, SWI_K_BERICHTGEVERCODE);
	r = validate_flags(b.d, "SWI_9999_9999_99991.XML", 0);
	static const char *const required[] = {"SWI-001", NULL};
	expect_rules(r, required, "no berichtgevercode");
	ck_assert_int_eq(swi_report_kenmerk(r, 0), SWI_K_BERICHTGEVERCODE);
	swi_report_free(r);
	base_free(&b);
}
END_TEST

START_TEST(test_quarter_open)
{
	static const char *const none[] = {NULL}, *const once[] = {"SWI-006", NULL};
	static const struct {
		int quarter;
		int32_t reference;
		bool open;
	} days[] = {
		{1, 20251231, true},  {1, 20260101, true},  {1, 20260215, true},
		{1, 20260331, true},  {1, 20260401, false}, {2, 20260630, true},
		{2, 20260701, false}, {3, 20260930, true},  {3, 20261001, false},
		{4, 20261231, true},  {4, 20270101, false},
	};
	for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		swi_delivery *d = header(2026, days[i].quarter, 153, days[i].reference);
		swi_report *r = validate_flags(d, NULL, 0);
		char what[48];
		snprintf(what, sizeof(what), "Q%d peildatum %d", days[i].quarter,
			 (int)days[i].reference);
		expect_rules(r, days[i].open ? once : none, what);
		if (days[i].open) {
			ck_assert_int_eq(swi_report_kenmerk(r, 0), SWI_K_STATISTIEKKWARTAAL);
			ck_assert_int_eq(swi_report_category(r, 0), SWI_CATEGORY_LEVERING);
		}
		swi_report_free(r);
		swi_delivery_free(d);
	}
}
END_TEST

START_TEST(test_late)
{
	static const char *const none[] = {NULL}, *const once[] = {"SWI-007", NULL};
	/* 3.3.4: "uiterlijk op de laatste dag voordat de 4 weken verstreken zijn":
	 * every quarter ends on a month end, so the 28th of the next month. */
	static const struct {
		int quarter;
		int32_t last_day;
	} quarters[] = {{1, 20260428}, {2, 20260728}, {3, 20261028}, {4, 20270128}};
	for (size_t i = 0; i < sizeof(quarters) / sizeof(quarters[0]); i++) {
		const int32_t in_time = quarters[i].last_day;
		const int32_t days[] = {in_time, gen_date_add_days(in_time, 1),
					gen_date_add_days(in_time, 400)};
		for (size_t j = 0; j < 3; j++) {
			swi_delivery *d = header(2026, quarters[i].quarter, 153, days[j]);
			swi_report *r = validate_flags(d, NULL, 0);
			char what[48];
			snprintf(what, sizeof(what), "Q%d peildatum %d", quarters[i].quarter,
				 (int)days[j]);
			expect_rules(r, j == 0 ? none : once, what);
			if (j > 0) {
				char day[12];
				snprintf(day, sizeof(day), "%d", (int)days[j]);
				ck_assert_int_eq(swi_report_kenmerk(r, 0),
						 SWI_K_STATISTIEKKWARTAAL);
				ck_assert_msg(strstr(swi_report_message(r, 0), day), "%s",
					      swi_report_message(r, 0));
			}
			swi_report_free(r);
			swi_delivery_free(d);
		}
	}
}
END_TEST

START_TEST(test_reference_date)
{
	swi_delivery *d = header(2026, 1, 153, 20260415);
	ck_assert_int_eq(swi_delivery_set_reference_date(NULL, 20260415), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_set_reference_date(d, 20250229), SWI_EDATE);
	ck_assert_int_eq(swi_delivery_set_reference_date(d, 20261301), SWI_EDATE);
	ck_assert_int_eq(swi_delivery_set_reference_date(d, 2026041), SWI_EDATE);
	ck_assert_int_eq(swi_delivery_set_reference_date(d, -20260415), SWI_EDATE);
	/* A refused peildatum leaves the old one: still no SWI-006/007. */
	swi_report *r = validate_flags(d, NULL, 0);
	ck_assert_msg(swi_report_count(r) == 0, "%s", dump(r));
	swi_report_free(r);
	ck_assert_int_eq(swi_delivery_set_reference_date(d, 20250228), SWI_OK);
	r = validate_flags(d, NULL, 0);
	static const char *const open[] = {"SWI-006", NULL};
	expect_rules(r, open, "peildatum 2025");
	swi_report_free(r);
	swi_delivery_free(d);
}
END_TEST

/* ---- generated deliveries --------------------------------------------- */

static const unsigned gen_flag_sets[] = {0, GEN_FULL, GEN_CLEAN, GEN_CLEAN | GEN_FULL};

/* The 15th of the month after the quarter: inside the aanleverperiode. */
static int32_t reference_after(int year, int quarter)
{
	return gen_date_add_days(gen_quarter_last_day(year, quarter), 15);
}

/* Loop index: flag set (4) x quarter (4); seeds 1..30 inside. */
START_TEST(test_generated)
{
	const unsigned flags = gen_flag_sets[_i / 4];
	const int quarter = _i % 4 + 1;
	size_t warnings = 0;
	for (uint64_t seed = 1; seed <= 30; seed++) {
		struct gen g;
		gen_seed(&g, seed);
		swi_delivery *d = gen_delivery(2026, quarter);
		OK(swi_delivery_set_reference_date(d, reference_after(2026, quarter)));
		gen_persons(d, &g, 300, flags);
		char name[32];
		OK(swi_delivery_file_name(d, seed % 2, name, sizeof(name)));
		swi_report *r = validate_flags(d, name, 0);
		REQUIRE(swi_report_count_severity(r, SWI_SEVERITY_ERROR) == 0,
			"seed %d Q%d flags %u: errors:%s", (int)seed, quarter, flags, dump(r));
		if (flags & GEN_CLEAN)
			REQUIRE(swi_report_count(r) == 0, "seed %d Q%d flags %u: GEN_CLEAN with "
				"diagnostics:%s", (int)seed, quarter, flags, dump(r));
		warnings += swi_report_count(r);
		swi_report_free(r);
		/* The writer's gate agrees with the report: it writes without FORCE. */
		if (seed <= 3) {
			swi_buffer *buf = NULL;
			int rc = swi_delivery_write_buffer(&buf, d, 0);
			REQUIRE(rc == SWI_OK, "seed %d: write: %s", (int)seed,
				swi_delivery_last_message(d));
			swi_buffer_free(buf);
		}
		swi_delivery_free(d);
	}
	/* Without GEN_CLEAN the generator promises warnings (test_bsn_masked
	 * relies on them); their absence would mean a rule went quiet. */
	if (!(flags & GEN_CLEAN))
		ck_assert_uint_gt(warnings, 30);
}
END_TEST

/* ---- BSNs ------------------------------------------------------------- */

/* The delivery's BSNs in person order, as 9-digit texts. */
static char (*collect_bsns(swi_delivery *d, size_t *n))[10]
{
	*n = swi_delivery_person_count(d);
	char (*bsns)[10] = calloc(*n ? *n : 1, sizeof(*bsns));
	ck_assert_ptr_nonnull(bsns);
	size_t i = 0;
	for (swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p), i++)
		OK(swi_person_get_text(p, SWI_K_BURGERSERVICENUMMER, bsns[i], sizeof(bsns[i])));
	REQUIRE(i == *n, "person count");
	return bsns;
}

START_TEST(test_bsn_masked)
{
	struct gen g;
	gen_seed(&g, 7);
	swi_delivery *d = gen_delivery(2026, 2);
	OK(swi_delivery_set_reference_date(d, reference_after(2026, 2)));
	gen_persons(d, &g, 300, 0);
	/* Errors at person and record level on top of the generator's warnings. */
	size_t i = 0;
	for (swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p), i++) {
		if (i % 10 == 0) {
			pset(p, SWI_K_ALFABETISERINGSCURSUS, 1);
			pset(p, SWI_K_ANALFABETISME, 1); /* SWI-030 */
		} else if (i % 10 == 1) {
			swi_record *r = record(p, SWI_CATEGORY_PIP);
			rset(r, SWI_K_PIP_DATUM, 20260701); /* SWI-012 */
		}
	}
	size_t n;
	char (*bsns)[10] = collect_bsns(d, &n);
	const char **list = calloc(n, sizeof(*list));
	ck_assert_ptr_nonnull(list);
	for (i = 0; i < n; i++)
		list[i] = bsns[i];

	swi_report *r = validate_flags(d, NULL, 0);
	ck_assert_uint_ge(swi_report_count_severity(r, SWI_SEVERITY_ERROR), 60);
	ck_assert_uint_ge(swi_report_count_severity(r, SWI_SEVERITY_WARNING), 20);
	assert_no_bsn(r, list, n);
	for (i = 0; i < swi_report_count(r); i++) {
		int64_t who = swi_report_person(r, i);
		REQUIRE(who >= 0 && (size_t)who < n, "%s outside a person", swi_report_rule(r, i));
		char masked[10];
		snprintf(masked, sizeof(masked), "*****%s", bsns[who] + 5);
		REQUIRE(strcmp(swi_report_bsn(r, i), masked) == 0, "bsn field %s, want %s",
			swi_report_bsn(r, i), masked);
	}

	/* SWI_VALIDATE_SHOW_BSN: the same diagnostics, with the full nine digits. */
	swi_report *full = validate_flags(d, NULL, SWI_VALIDATE_SHOW_BSN);
	ck_assert_uint_eq(swi_report_count(full), swi_report_count(r));
	for (i = 0; i < swi_report_count(full); i++) {
		REQUIRE(strcmp(swi_report_rule(full, i), swi_report_rule(r, i)) == 0, "order");
		REQUIRE(strcmp(swi_report_bsn(full, i), bsns[swi_report_person(full, i)]) == 0,
			"bsn field %s, want %s", swi_report_bsn(full, i),
			bsns[swi_report_person(full, i)]);
	}
	swi_report_free(full);
	swi_report_free(r);
	free(list);
	free(bsns);
	swi_delivery_free(d);
}
END_TEST

/* The 8-digit BSN gets its leading zero in the report as well. */
START_TEST(test_bsn_show_leading_zero)
{
	struct base b;
	base_build(&b);
	f_age_15(&b);
	swi_report *r = validate(&b);
	ck_assert_uint_eq(swi_report_count(r), 1);
	ck_assert_str_eq(swi_report_bsn(r, 0), "*****5672");
	swi_report_free(r);
	r = validate_flags(b.d, NULL, SWI_VALIDATE_SHOW_BSN);
	ck_assert_uint_eq(swi_report_count(r), 1);
	ck_assert_str_eq(swi_report_bsn(r, 0), BSN_C);
	swi_report_free(r);

	/* Levering diagnostics have no person and no BSN, whatever the flags. */
	f_late(&b);
	r = validate_flags(b.d, NULL, SWI_VALIDATE_SHOW_BSN);
	ck_assert_uint_eq(swi_report_count(r), 2);
	ck_assert_str_eq(swi_report_rule(r, 0), "SWI-007");
	ck_assert_str_eq(swi_report_bsn(r, 0), "");
	ck_assert_int_eq(swi_report_person(r, 0), -1);
	swi_report_free(r);
	base_free(&b);
}
END_TEST

/* ---- the report API: arguments, ranges, lifetime ----------------------- */

START_TEST(test_report_arguments)
{
	struct base b;
	base_build(&b);
	swi_report *r = (swi_report *)&b; /* must be reset to NULL on failure */
	ck_assert_int_eq(swi_delivery_validate(NULL, b.d, NULL, 0), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_validate(&r, NULL, NULL, 0), SWI_EINVAL);
	ck_assert_ptr_null(r);
	r = (swi_report *)&b;
	ck_assert_int_eq(swi_delivery_validate(&r, b.d, NULL, 1u << 7), SWI_EINVAL);
	ck_assert_ptr_null(r);

	f_talk_twice(&b);
	r = validate(&b);
	size_t n = swi_report_count(r);
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_null(swi_report_rule(r, n));
	ck_assert_ptr_null(swi_report_message(r, n));
	ck_assert_ptr_null(swi_report_bsn(r, n));
	ck_assert_int_eq(swi_report_severity(r, n), 0);
	ck_assert_int_eq(swi_report_category(r, n), 0);
	ck_assert_int_eq(swi_report_person(r, n), -1);
	ck_assert_int_eq(swi_report_record(r, n), -1);
	ck_assert_uint_eq(swi_report_count(NULL), 0);
	ck_assert_uint_eq(swi_report_count_severity(NULL, SWI_SEVERITY_ERROR), 0);
	ck_assert_uint_eq(swi_report_count_severity(r, (swi_severity)7), 0);
	ck_assert_ptr_null(swi_report_rule(NULL, 0));
	ck_assert_ptr_null(swi_report_message(NULL, 0));
	swi_report_free(NULL);
	swi_report_free(r);
	base_free(&b);
}
END_TEST

struct diag_copy {
	const char *rule, *message, *bsn; /* the pointers the report handed out */
	char *rule_copy, *message_copy, *bsn_copy;
	int kenmerk;
	int64_t person, record;
};

/*
 * validate.h: "A report is independent of its delivery once made: it
 * survives edits and the free of the delivery." The pointers taken before
 * must still read the same bytes afterwards (valgrind sees any read of
 * freed memory).
 */
START_TEST(test_report_outlives_delivery)
{
	for (int show = 0; show < 2; show++) {
		struct base b;
		base_build(&b);
		b.file_name = "SWI_0153_0153_20262.XML"; /* SWI-005, levering */
		f_k19_k18nee(&b);                        /* SWI-030, person 1 */
		f_k32_missing(&b);                       /* SWI-036, person 0, PIP 1 */
		f_fine_before_q(&b);                     /* SWI-063, person 1, fine 0 */
		swi_report *r = validate_flags(b.d, b.file_name, show ? SWI_VALIDATE_SHOW_BSN : 0);
		const size_t n = swi_report_count(r);
		ck_assert_msg(n == 4, "%s", dump(r));
		struct diag_copy copies[4];
		for (size_t i = 0; i < n; i++) {
			copies[i].rule = swi_report_rule(r, i);
			copies[i].message = swi_report_message(r, i);
			copies[i].bsn = swi_report_bsn(r, i);
			copies[i].rule_copy = strdup(copies[i].rule);
			copies[i].message_copy = strdup(copies[i].message);
			copies[i].bsn_copy = strdup(copies[i].bsn);
			copies[i].kenmerk = swi_report_kenmerk(r, i);
			copies[i].person = swi_report_person(r, i);
			copies[i].record = swi_report_record(r, i);
		}

		/* Edit everything the diagnostics point at, then free it all. */
		pset(b.b, SWI_K_ALFABETISERINGSCURSUS, 2);
		OK(swi_record_remove(b.b_fine[0]));
		OK(swi_record_remove(b.b_fine[1]));
		OK(swi_person_set_text(b.b, SWI_K_BURGERSERVICENUMMER, "999999990"));
		OK(swi_person_remove(b.a));
		for (int k = 0; k < 50; k++) { /* reuses the freed person slot and records */
			char bsn[10];
			struct gen g;
			gen_seed(&g, (uint64_t)k + 100);
			gen_bsn_text(gen_bsn(&g), bsn);
			swi_person *q = NULL;
			if (swi_delivery_add_person(&q, b.d, bsn) == SWI_OK)
				fine(q, 20260102, 1, 5);
		}
		dset(&b, SWI_K_GEMEENTECODE, 14);
		swi_report *again = validate_flags(b.d, NULL, 0);
		swi_report_free(again);
		base_free(&b);

		ck_assert_uint_eq(swi_report_count(r), n);
		for (size_t i = 0; i < n; i++) {
			ck_assert_str_eq(copies[i].rule, copies[i].rule_copy);
			ck_assert_str_eq(copies[i].message, copies[i].message_copy);
			ck_assert_str_eq(copies[i].bsn, copies[i].bsn_copy);
			ck_assert_str_eq(swi_report_rule(r, i), copies[i].rule_copy);
			ck_assert_str_eq(swi_report_message(r, i), copies[i].message_copy);
			ck_assert_str_eq(swi_report_bsn(r, i), copies[i].bsn_copy);
			ck_assert_int_eq(swi_report_kenmerk(r, i), copies[i].kenmerk);
			ck_assert_int_eq(swi_report_person(r, i), copies[i].person);
			ck_assert_int_eq(swi_report_record(r, i), copies[i].record);
			free(copies[i].rule_copy);
			free(copies[i].message_copy);
			free(copies[i].bsn_copy);
		}
		/* The old BSN of person 1, in full or masked, outlived its change. */
		ck_assert_str_eq(swi_report_bsn(r, find_rule(r, "SWI-030")),
				 show ? BSN_B : base_masked[1]);
		swi_report_free(r);
	}
}
END_TEST

/* ---- the catalogue ---------------------------------------------------- */

START_TEST(test_catalogue)
{
	const size_t n = swi_rule_count();
	ck_assert_uint_gt(n, 40);
	for (size_t i = 0; i < n; i++) {
		const char *id = NULL, *ks = NULL, *section = NULL, *description = NULL;
		swi_severity sev = 0;
		ck_assert_int_eq(swi_rule_at(i, &id, &sev, &ks, &section, &description), SWI_OK);
		ck_assert_msg(id && strlen(id) == 7 && strncmp(id, "SWI-", 4) == 0 &&
			      isdigit((unsigned char)id[4]) && isdigit((unsigned char)id[5]) &&
			      isdigit((unsigned char)id[6]),
			      "rule %zu: id '%s'", i, id ? id : "(null)");
		ck_assert_msg(sev == SWI_SEVERITY_ERROR || sev == SWI_SEVERITY_WARNING, "%s: %d",
			      id, (int)sev);
		ck_assert_msg(ks && *ks && section && *section && description && *description,
			      "%s: empty field", id);
		for (size_t j = 0; j < i; j++) {
			const char *other;
			ck_assert_int_eq(swi_rule_at(j, &other, NULL, NULL, NULL, NULL), SWI_OK);
			ck_assert_msg(strcmp(id, other) != 0, "%s twice in the catalogue", id);
		}
	}
	const char *id = "unchanged";
	ck_assert_int_eq(swi_rule_at(n, &id, NULL, NULL, NULL, NULL), SWI_ERANGE);
	ck_assert_str_eq(id, "unchanged");
	ck_assert_int_eq(swi_rule_at(SIZE_MAX, NULL, NULL, NULL, NULL, NULL), SWI_ERANGE);
	ck_assert_int_eq(swi_rule_at(0, NULL, NULL, NULL, NULL, NULL), SWI_OK);

	/* The severities the guideline implies for a few anchors (2.5, 3.3.4). */
	swi_severity sev;
	ck_assert(catalogue_find("SWI-063", &sev) && sev == SWI_SEVERITY_WARNING);
	ck_assert(catalogue_find("SWI-007", &sev) && sev == SWI_SEVERITY_WARNING);
	ck_assert(catalogue_find("SWI-001", &sev) && sev == SWI_SEVERITY_ERROR);
	ck_assert(!catalogue_find("SWI-999", NULL));
}
END_TEST

/* ---- the writer's gate ------------------------------------------------ */

/* How often `needle` occurs in the (not NUL-terminated) buffer. */
static size_t occurrences(const swi_buffer *buf, const char *needle)
{
	const char *data = swi_buffer_data(buf);
	size_t size = swi_buffer_size(buf), len = strlen(needle), n = 0;
	for (size_t i = 0; i + len <= size; i++)
		n += memcmp(data + i, needle, len) == 0;
	return n;
}

static int write_buffer(struct base *b, unsigned flags, swi_buffer **out)
{
	*out = (swi_buffer *)b; /* must be reset */
	int rc = swi_delivery_write_buffer(out, b->d, flags);
	if (rc != SWI_OK)
		ck_assert_ptr_null(*out);
	else
		ck_assert_msg(*out && swi_buffer_size(*out) > 40 &&
			      memcmp(swi_buffer_data(*out), "<?xml", 5) == 0, "no XML written");
	return rc;
}

START_TEST(test_writer_gate)
{
	struct base b;
	base_build(&b);
	swi_buffer *buf;
	ck_assert_int_eq(write_buffer(&b, 0, &buf), SWI_OK);
	swi_buffer_free(buf);

	/* Warnings do not stop the writer. */
	f_k19_missing(&b);
	f_late(&b);
	ck_assert_int_eq(write_buffer(&b, 0, &buf), SWI_OK);
	swi_buffer_free(buf);
	base_free(&b);

	/* An error does, and the message names its rule; FORCE writes anyway. */
	base_build(&b);
	f_k19_k18nee(&b);
	ck_assert_int_eq(write_buffer(&b, 0, &buf), SWI_EINVALID);
	ck_assert_int_eq(swi_delivery_last_error(b.d), SWI_EINVALID);
	ck_assert_msg(strstr(swi_delivery_last_message(b.d), "SWI-030"), "%s",
		      swi_delivery_last_message(b.d));
	ck_assert_int_eq(write_buffer(&b, SWI_WRITE_FORCE, &buf), SWI_OK);
	ck_assert_uint_eq(occurrences(buf, "<Analfabetisme>1</Analfabetisme>"), 2);
	swi_buffer_free(buf);
	base_free(&b);

	/* A missing required kenmerk has its own code. */
	base_build(&b);
	f_req_k38(&b);
	ck_assert_int_eq(write_buffer(&b, 0, &buf), SWI_EINCOMPLETE);
	ck_assert_int_eq(swi_delivery_last_error(b.d), SWI_EINCOMPLETE);
	ck_assert_msg(strstr(swi_delivery_last_message(b.d), "SWI-001"), "%s",
		      swi_delivery_last_message(b.d));
	ck_assert_int_eq(write_buffer(&b, SWI_WRITE_FORCE, &buf), SWI_OK);
	swi_buffer_free(buf);
	base_free(&b);
}
END_TEST

/*
 * Every case of the table through the writer: an error stops it with
 * SWI_EINVALID (SWI_EINCOMPLETE for SWI-001) and a message that names the
 * rule, FORCE writes; a warning never stops it. The file name is not the
 * writer's input, so SWI-005 cannot stop it.
 */
START_TEST(test_writer_gate_table)
{
	const struct rule_case *c = &cases[_i];
	struct base b;
	base_build(&b);
	c->fire(&b);
	swi_buffer *buf;
	int want = c->severity == SWI_SEVERITY_WARNING || strcmp(c->rule, "SWI-005") == 0
			   ? SWI_OK
		   : strcmp(c->rule, "SWI-001") == 0 ? SWI_EINCOMPLETE
						     : SWI_EINVALID;
	int rc = write_buffer(&b, 0, &buf);
	ck_assert_msg(rc == want, "[%s] write: %s, want %s: %s", c->name, swi_strerror(rc),
		      swi_strerror(want), swi_delivery_last_message(b.d));
	if (rc == SWI_OK) {
		swi_buffer_free(buf);
	} else {
		ck_assert_msg(strstr(swi_delivery_last_message(b.d), c->rule),
			      "[%s] message does not name %s: %s", c->name, c->rule,
			      swi_delivery_last_message(b.d));
		ck_assert_msg(!strstr(swi_delivery_last_message(b.d), base_bsn[0]) &&
			      !strstr(swi_delivery_last_message(b.d), base_bsn[1]) &&
			      !strstr(swi_delivery_last_message(b.d), base_bsn[2]),
			      "[%s] BSN in %s", c->name, swi_delivery_last_message(b.d));
		ck_assert_int_eq(write_buffer(&b, SWI_WRITE_FORCE, &buf), SWI_OK);
		swi_buffer_free(buf);
	}
	base_free(&b);
}
END_TEST

/*
 * With both kinds of error, SWI_EINCOMPLETE wins (write.h: every kenmerk
 * the schema requires must be present). The message counts the errors and
 * names a rule that is really violated: today the first error found
 * (rules.h), which need not be the SWI-001 that decided the code.
 */
START_TEST(test_writer_gate_mixed)
{
	struct base b;
	base_build(&b);
	pset(b.a, SWI_K_ALFABETISERINGSCURSUS, 1); /* person 0: SWI-030, found first */
	f_req_k38(&b);                             /* person 1: SWI-001 */
	swi_buffer *buf;
	ck_assert_int_eq(write_buffer(&b, 0, &buf), SWI_EINCOMPLETE);
	const char *msg = swi_delivery_last_message(b.d);
	ck_assert_msg(strstr(msg, "2 fout") && (strstr(msg, "SWI-001") || strstr(msg, "SWI-030")),
		      "%s", msg);
	ck_assert_int_eq(write_buffer(&b, SWI_WRITE_FORCE, &buf), SWI_OK);
	swi_buffer_free(buf);
	base_free(&b);
}
END_TEST

static Suite *rules_suite(void)
{
	Suite *s = suite_create("rules");

	TCase *tc = tcase_create("table");
	tcase_add_test(tc, test_base_is_clean);
	tcase_add_loop_test(tc, test_rule_fires, 0, N_CASES);
	tcase_add_loop_test(tc, test_rule_near, 0, N_CASES);
	tcase_add_test(tc, test_table_covers_catalogue);
	tcase_add_test(tc, test_one_diagnostic_per_kenmerk);
	tcase_add_test(tc, test_report_order);
	tcase_add_test(tc, test_builder_refuses);
	suite_add_tcase(s, tc);

	tc = tcase_create("levering");
	tcase_add_test(tc, test_no_ruleset);
	tcase_add_test(tc, test_gemeente);
	tcase_add_test(tc, test_file_name);
	tcase_add_test(tc, test_quarter_open);
	tcase_add_test(tc, test_late);
	tcase_add_test(tc, test_reference_date);
	suite_add_tcase(s, tc);

	tc = tcase_create("generated");
	tcase_add_loop_test(tc, test_generated, 0, 16);
	tcase_add_test(tc, test_bsn_masked);
	tcase_add_test(tc, test_bsn_show_leading_zero);
	suite_add_tcase(s, tc);

	tc = tcase_create("report");
	tcase_add_test(tc, test_report_arguments);
	tcase_add_test(tc, test_report_outlives_delivery);
	tcase_add_test(tc, test_catalogue);
	suite_add_tcase(s, tc);

	tc = tcase_create("writer");
	tcase_add_test(tc, test_writer_gate);
	tcase_add_loop_test(tc, test_writer_gate_table, 0, N_CASES);
	tcase_add_test(tc, test_writer_gate_mixed);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_suite());
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
