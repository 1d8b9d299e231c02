/*
 * Quarter-to-quarter comparison (swi_delivery_compare, rules SWI-080 to
 * SWI-087). Every rule is shown on a hand-built pair of quarters: first a
 * clean pair that must give nothing at all, then that pair with one thing
 * changed, which must give exactly that one diagnostic.
 */
#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

#include "generate.h"
#include "test-util.h"

/* BSNs that pass the 11-test. */
#define BSN_A "123456782"
#define BSN_A_MASKED "*****6782"
#define BSN_B "111222333"
#define BSN_C "012345672"
#define BSN_C_MASKED "*****5672"
#define BSN_D "999999990"
#define BSN_E "100000009"
#define BSN_F "123456794"
#define BSN_F_MASKED "*****6794"

static swi_delivery *quarter(int year, int q, int gemeente)
{
	swi_delivery *d = gen_delivery(year, q);
	OK(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, gemeente));
	return d;
}

/* type: 1 asielstatushouder, 2 gezins- of overige migrant. */
static swi_person *person(swi_delivery *d, const char *bsn, int type)
{
	swi_person *p = NULL;
	int rc = swi_delivery_add_person(&p, d, bsn);
	ck_assert_msg(rc == SWI_OK, "add_person(%s): %s", bsn, swi_delivery_last_message(d));
	OK(swi_person_set_int(p, SWI_K_GEBOORTEDATUM, 19900101));
	OK(swi_person_set_int(p, SWI_K_GESLACHT, 1));
	OK(swi_person_set_int(p, SWI_K_TYPE_MIGRANT, type));
	return p;
}

static swi_person *find(swi_delivery *d, const char *bsn)
{
	swi_person *p = NULL;
	OK(swi_delivery_find_person(&p, d, bsn));
	return p;
}

static swi_record *record(swi_person *p, swi_category kind)
{
	swi_record *r = NULL;
	OK(swi_person_add_record(&r, p, kind));
	return r;
}

/* begin 0: no leerroute begindatum (k33). */
static swi_record *pip(swi_person *p, int32_t date, int32_t begin)
{
	swi_record *r = record(p, SWI_CATEGORY_PIP);
	OK(swi_record_set_int(r, SWI_K_PIP_DATUM, date));
	OK(swi_record_set_int(r, SWI_K_LEERROUTE_ROUTE, 1));
	OK(swi_record_set_int(r, SWI_K_LEERROUTE_NIVEAU, 1));
	if (begin)
		OK(swi_record_set_int(r, SWI_K_LEERROUTE_BEGINDATUM, begin));
	return r;
}

static void talk(swi_person *p, int32_t date)
{
	OK(swi_record_set_int(record(p, SWI_CATEGORY_GESPREK), SWI_K_VOORTGANGSGESPREK_DATUM, date));
}

static swi_record *fine(swi_person *p, int32_t date, int reason, int amount)
{
	swi_record *r = record(p, SWI_CATEGORY_BOETE);
	OK(swi_record_set_int(r, SWI_K_BOETE_DATUM, date));
	OK(swi_record_set_int(r, SWI_K_BOETE_REDEN, reason));
	OK(swi_record_set_int(r, SWI_K_BOETE_BEDRAG, amount));
	return r;
}

static void end_guidance(swi_person *p, int reason, int32_t date)
{
	OK(swi_person_set_int(p, SWI_K_EINDE_BEGELEIDING_REDEN, reason));
	OK(swi_person_set_int(p, SWI_K_EINDE_BEGELEIDING_DATUM, date));
}

/*
 * The clean pair: 2025Q4 and 2026Q1 of gemeente 0153.
 *  A (gezinsmigrant): same PIP both quarters, new talks and a new fine in 2026Q1.
 *  B (asielstatushouder): a route change in 2026Q1, the begindatum unchanged.
 *  C: guidance ended in 2025Q4 (k28, k29), absent in 2026Q1.
 *  D: a fine of 2025Q4 corrected in 2026Q1: same date and reason, lower amount.
 *  E: new in 2026Q1.
 * Persons of 2026Q1 in the order A, B, D, E (index 0-3).
 */
static void clean_pair(swi_delivery **prev, swi_delivery **cur)
{
	swi_delivery *p = quarter(2025, 4, 153), *c = quarter(2026, 1, 153);

	swi_person *a = person(p, BSN_A, 2);
	pip(a, 20251015, 0);
	talk(a, 20251020);
	talk(a, 20251201);
	fine(a, 20251105, 2, 250);
	swi_person *b = person(p, BSN_B, 1);
	pip(b, 20251110, 20251201);
	end_guidance(person(p, BSN_C, 1), 2, 20251215);
	fine(person(p, BSN_D, 2), 20251120, 1, 500);

	a = person(c, BSN_A, 2);
	pip(a, 20251015, 0);
	talk(a, 20260115);
	talk(a, 20260301);
	fine(a, 20260210, 2, 100);
	b = person(c, BSN_B, 1);
	pip(b, 20251110, 20251201);
	pip(b, 20260220, 20251201);
	fine(person(c, BSN_D, 2), 20251120, 1, 250);
	talk(person(c, BSN_E, 2), 20260305);

	*prev = p;
	*cur = c;
}

static swi_report *compare(swi_delivery *prev, swi_delivery *cur, unsigned flags)
{
	swi_report *r = NULL;
	int rc = swi_delivery_compare(&r, prev, cur, flags);
	ck_assert_msg(rc == SWI_OK, "compare: %s", swi_delivery_last_message(cur));
	ck_assert_ptr_nonnull(r);
	return r;
}

static void dump(const swi_report *r)
{
	for (size_t i = 0; i < swi_report_count(r); i++)
		fprintf(stderr, "  %s person %lld record %lld k%d: %s\n", swi_report_rule(r, i),
			(long long)swi_report_person(r, i), (long long)swi_report_record(r, i),
			swi_report_kenmerk(r, i), swi_report_message(r, i));
}

static size_t count_rule(const swi_report *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < swi_report_count(r); i++)
		n += strcmp(swi_report_rule(r, i), rule) == 0;
	return n;
}

static void assert_empty(const swi_report *r)
{
	if (swi_report_count(r))
		dump(r);
	ck_assert_uint_eq(swi_report_count(r), 0);
}

/* The report holds exactly one diagnostic, of `rule`, with these facts. */
static void assert_single(const swi_report *r, const char *rule, swi_severity severity, int k,
			  swi_category category, int64_t person, int64_t record, const char *bsn)
{
	if (swi_report_count(r) != 1)
		dump(r);
	ck_assert_uint_eq(swi_report_count(r), 1);
	ck_assert_str_eq(swi_report_rule(r, 0), rule);
	ck_assert_int_eq(swi_report_severity(r, 0), severity);
	ck_assert_int_eq(swi_report_kenmerk(r, 0), k);
	ck_assert_int_eq(swi_report_category(r, 0), category);
	ck_assert_int_eq(swi_report_person(r, 0), person);
	ck_assert_int_eq(swi_report_record(r, 0), record);
	ck_assert_str_eq(swi_report_bsn(r, 0), bsn);
}

static void assert_message_has(const swi_report *r, size_t i, const char *part)
{
	const char *m = swi_report_message(r, i);
	char shown[16];
	ck_assert_msg(strstr(m, as_shown(part, shown)), "message '%s' lacks '%s'", m, part);
}

static void assert_no_full_bsn(const swi_report *r)
{
	static const char *all[] = {BSN_A, BSN_B, BSN_C, BSN_D, BSN_E, BSN_F};
	for (size_t i = 0; i < swi_report_count(r); i++)
		for (size_t j = 0; j < sizeof(all) / sizeof(all[0]); j++)
			ck_assert_msg(!strstr(swi_report_message(r, i), all[j]), "full BSN in '%s'",
				      swi_report_message(r, i));
}

static void free_all(swi_report *r, swi_delivery *prev, swi_delivery *cur)
{
	swi_report_free(r);
	swi_delivery_free(prev);
	swi_delivery_free(cur);
}

/* ---- the clean pair ------------------------------------------------- */

START_TEST(test_clean_pair)
{
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	swi_report *r = compare(prev, cur, 0);
	assert_empty(r);
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_deliveries_unchanged)
{
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	talk(find(cur, BSN_A), 20251201); /* something to report */
	swi_report *r = compare(prev, cur, 0);
	ck_assert_uint_eq(swi_report_count(r), 1);
	ck_assert_uint_eq(swi_delivery_person_count(prev), 4);
	ck_assert_uint_eq(swi_delivery_person_count(cur), 4);
	ck_assert_uint_eq(swi_person_record_count(find(cur, BSN_A), SWI_CATEGORY_GESPREK), 3);
	ck_assert_uint_eq(swi_person_record_count(find(prev, BSN_A), SWI_CATEGORY_GESPREK), 2);
	/* The report survives both deliveries. */
	swi_delivery_free(prev);
	swi_delivery_free(cur);
	ck_assert_str_eq(swi_report_rule(r, 0), "SWI-081");
	swi_report_free(r);
}
END_TEST

/* ---- SWI-080 -------------------------------------------------------- */

/* The clean pair made noisy: every person rule and SWI-087 would fire. */
static void noisy_pair(swi_delivery **prev, swi_delivery **cur)
{
	clean_pair(prev, cur);
	talk(find(*cur, BSN_A), 20251201);        /* SWI-081 */
	fine(find(*cur, BSN_A), 20251105, 2, 250); /* SWI-082 */
	person(*prev, BSN_F, 1);                  /* SWI-084 */
	struct gen g;
	gen_seed(&g, 80);
	for (int i = 0; i < 20; i++) { /* SWI-087 */
		char bsn[10];
		gen_bsn_text(gen_bsn(&g), bsn);
		person(*cur, bsn, 1);
	}
}

static void assert_only_080(const swi_report *r, size_t n)
{
	if (count_rule(r, "SWI-080") != n || swi_report_count(r) != n)
		dump(r);
	ck_assert_uint_eq(swi_report_count(r), n);
	ck_assert_uint_eq(count_rule(r, "SWI-080"), n);
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(swi_report_severity(r, i), SWI_SEVERITY_ERROR);
		ck_assert_int_eq(swi_report_category(r, i), SWI_CATEGORY_LEVERING);
		ck_assert_int_eq(swi_report_person(r, i), -1);
		ck_assert_int_eq(swi_report_record(r, i), -1);
		ck_assert_str_eq(swi_report_bsn(r, i), "");
	}
}

START_TEST(test_noisy_pair_is_noisy)
{
	/* Guards the tests below: their "SWI-080 only" means something. */
	swi_delivery *prev, *cur;
	noisy_pair(&prev, &cur);
	swi_report *r = compare(prev, cur, 0);
	ck_assert_uint_eq(count_rule(r, "SWI-081"), 1);
	ck_assert_uint_eq(count_rule(r, "SWI-082"), 1);
	ck_assert_uint_eq(count_rule(r, "SWI-084"), 1);
	ck_assert_uint_eq(count_rule(r, "SWI-087"), 1);
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_quarter_not_previous)
{
	swi_delivery *prev, *cur;
	noisy_pair(&prev, &cur);
	OK(swi_delivery_set_int(prev, SWI_K_STATISTIEKKWARTAAL, 3)); /* 2025Q3 before 2026Q1 */
	swi_report *r = compare(prev, cur, 0);
	assert_only_080(r, 1);
	ck_assert_int_eq(swi_report_kenmerk(r, 0), SWI_K_STATISTIEKKWARTAAL);
	assert_message_has(r, 0, "2025 kwartaal 3");
	assert_message_has(r, 0, "2025 kwartaal 4");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_year_not_previous)
{
	swi_delivery *prev, *cur;
	noisy_pair(&prev, &cur);
	OK(swi_delivery_set_int(prev, SWI_K_STATISTIEKJAAR, 2024)); /* 2024Q4 before 2026Q1 */
	swi_report *r = compare(prev, cur, 0);
	assert_only_080(r, 1);
	ck_assert_int_eq(swi_report_kenmerk(r, 0), SWI_K_STATISTIEKJAAR);
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_same_quarter_or_swapped)
{
	swi_delivery *prev, *cur;
	noisy_pair(&prev, &cur);
	swi_report *r = compare(cur, prev, 0); /* arguments the wrong way round */
	assert_only_080(r, 1);
	swi_report_free(r);
	r = compare(cur, cur, 0);
	assert_only_080(r, 1);
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_other_gemeente)
{
	swi_delivery *prev, *cur;
	noisy_pair(&prev, &cur);
	OK(swi_delivery_set_int(prev, SWI_K_GEMEENTECODE, 363));
	swi_report *r = compare(prev, cur, 0);
	assert_only_080(r, 1);
	ck_assert_int_eq(swi_report_kenmerk(r, 0), SWI_K_GEMEENTECODE);
	assert_message_has(r, 0, "0363");
	assert_message_has(r, 0, "0153");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_other_gemeente_and_quarter)
{
	swi_delivery *prev, *cur;
	noisy_pair(&prev, &cur);
	OK(swi_delivery_set_int(prev, SWI_K_GEMEENTECODE, 363));
	OK(swi_delivery_set_int(prev, SWI_K_STATISTIEKKWARTAAL, 2));
	swi_report *r = compare(prev, cur, 0);
	assert_only_080(r, 2);
	ck_assert_int_eq(swi_report_kenmerk(r, 0), SWI_K_STATISTIEKKWARTAAL);
	ck_assert_int_eq(swi_report_kenmerk(r, 1), SWI_K_GEMEENTECODE);
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_header_missing)
{
	swi_delivery *prev, *cur;
	noisy_pair(&prev, &cur);
	OK(swi_delivery_unset(prev, SWI_K_STATISTIEKKWARTAAL));
	swi_report *r = compare(prev, cur, 0);
	assert_only_080(r, 1);
	ck_assert_int_eq(swi_report_kenmerk(r, 0), SWI_K_STATISTIEKKWARTAAL);
	assert_message_has(r, 0, "vorige");
	swi_report_free(r);
	OK(swi_delivery_set_int(prev, SWI_K_STATISTIEKKWARTAAL, 4));
	OK(swi_delivery_unset(cur, SWI_K_GEMEENTECODE));
	r = compare(prev, cur, 0);
	assert_only_080(r, 1);
	ck_assert_int_eq(swi_report_kenmerk(r, 0), SWI_K_GEMEENTECODE);
	assert_message_has(r, 0, "huidige");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_consecutive_within_year)
{
	/* 2026Q1 before 2026Q2: consecutive without the year boundary. */
	swi_delivery *prev = quarter(2026, 1, 153), *cur = quarter(2026, 2, 153);
	talk(person(prev, BSN_A, 2), 20260115);
	talk(person(cur, BSN_A, 2), 20260415);
	swi_report *r = compare(prev, cur, 0);
	assert_empty(r);
	free_all(r, prev, cur);
}
END_TEST

/* ---- SWI-081: a talk delivered again -------------------------------- */

START_TEST(test_talk_again)
{
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	talk(find(cur, BSN_A), 20251201);
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-081", SWI_SEVERITY_ERROR, 35, SWI_CATEGORY_GESPREK, 0, 2,
		      BSN_A_MASKED);
	assert_message_has(r, 0, "kenmerk 35");
	assert_message_has(r, 0, "20251201");
	assert_message_has(r, 0, "Voortgangsgesprek 3");
	assert_no_full_bsn(r);
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_talk_of_previous_quarter_not_delivered_then)
{
	/* A date of 2025Q4 that 2025Q4 did not have is validate's SWI-061, not ours. */
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	talk(find(cur, BSN_A), 20251019); /* the day before a talk of 2025Q4 */
	swi_report *r = compare(prev, cur, 0);
	assert_empty(r);
	free_all(r, prev, cur);
}
END_TEST

/* ---- SWI-082 and SWI-083: fines ------------------------------------- */

START_TEST(test_fine_again)
{
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	fine(find(cur, BSN_A), 20251105, 2, 250);
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-082", SWI_SEVERITY_ERROR, 36, SWI_CATEGORY_BOETE, 0, 1,
		      BSN_A_MASKED);
	assert_message_has(r, 0, "20251105");
	assert_message_has(r, 0, "kenmerk 37) 2");
	assert_message_has(r, 0, "kenmerk 38) 250");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_fine_correction_raised_or_withdrawn)
{
	/* 2.5: lowered or withdrawn (0); any other amount is a change as well. */
	static const int amounts[] = {0, 499, 501};
	for (size_t i = 0; i < sizeof(amounts) / sizeof(amounts[0]); i++) {
		swi_delivery *prev, *cur;
		clean_pair(&prev, &cur);
		OK(swi_record_set_int(swi_person_first_record(find(cur, BSN_D), SWI_CATEGORY_BOETE),
				      SWI_K_BOETE_BEDRAG, amounts[i]));
		swi_report *r = compare(prev, cur, 0);
		assert_empty(r);
		free_all(r, prev, cur);
	}
}
END_TEST

START_TEST(test_fine_reason_changed)
{
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	OK(swi_record_set_int(swi_person_first_record(find(cur, BSN_D), SWI_CATEGORY_BOETE),
			      SWI_K_BOETE_REDEN, 2));
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-083", SWI_SEVERITY_WARNING, 37, SWI_CATEGORY_BOETE, 2, 0,
		      "*****9990");
	assert_message_has(r, 0, "20251120");
	assert_message_has(r, 0, "reden (kenmerk 37) 1, nu met reden 2");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_fine_reason_changed_same_amount)
{
	/* Date and amount as before, reason changed: a change, so not SWI-082. */
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	swi_record *f = swi_person_first_record(find(cur, BSN_D), SWI_CATEGORY_BOETE);
	OK(swi_record_set_int(f, SWI_K_BOETE_REDEN, 2));
	OK(swi_record_set_int(f, SWI_K_BOETE_BEDRAG, 500));
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-083", SWI_SEVERITY_WARNING, 37, SWI_CATEGORY_BOETE, 2, 0,
		      "*****9990");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_fine_withdrawn_reason_changed)
{
	/* A withdrawn fine (amount 0, 2.5) whose reason changed: reason 1 must
	 * not match reason 2 of the same day through the amount bits. */
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	swi_record *old = swi_person_first_record(find(prev, BSN_D), SWI_CATEGORY_BOETE);
	OK(swi_record_set_int(old, SWI_K_BOETE_REDEN, 2));
	OK(swi_record_set_int(old, SWI_K_BOETE_BEDRAG, 0));
	OK(swi_record_set_int(swi_person_first_record(find(cur, BSN_D), SWI_CATEGORY_BOETE),
			      SWI_K_BOETE_BEDRAG, 0));
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-083", SWI_SEVERITY_WARNING, 37, SWI_CATEGORY_BOETE, 2, 0,
		      "*****9990");
	assert_message_has(r, 0, "reden (kenmerk 37) 2, nu met reden 1");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_fine_same_day_other_reason_besides_correction)
{
	/*
	 * 2.5 knows two fines of one person with reasons 1 and 2. The previous
	 * fine is corrected with its own reason, so the fine of reason 2 on the
	 * same day is another fine, not a changed reason (a late one from 2025Q4
	 * is validate's SWI-063).
	 */
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	fine(find(cur, BSN_D), 20251120, 2, 80);
	swi_report *r = compare(prev, cur, 0);
	assert_empty(r);
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_fine_two_reasons_one_corrected)
{
	/*
	 * 2025Q4 had fines of reason 1 and 2 on one day; 2026Q1 corrects only
	 * the one of reason 2. The same date with another reason than the fine
	 * of reason 1 is no changed reason: the fine of reason 2 matches.
	 */
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	fine(find(prev, BSN_D), 20251120, 2, 80);
	swi_record *f = swi_person_first_record(find(cur, BSN_D), SWI_CATEGORY_BOETE);
	OK(swi_record_set_int(f, SWI_K_BOETE_REDEN, 2));
	OK(swi_record_set_int(f, SWI_K_BOETE_BEDRAG, 40));
	swi_report *r = compare(prev, cur, 0);
	assert_empty(r);
	swi_report_free(r);
	/* Unchanged, it is SWI-082 all the same. */
	OK(swi_record_set_int(f, SWI_K_BOETE_BEDRAG, 80));
	r = compare(prev, cur, 0);
	assert_single(r, "SWI-082", SWI_SEVERITY_ERROR, 36, SWI_CATEGORY_BOETE, 2, 0, "*****9990");
	free_all(r, prev, cur);
}
END_TEST

/* ---- SWI-084: a person gone without an end of guidance -------------- */

START_TEST(test_person_gone)
{
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	person(prev, BSN_F, 1); /* index 4 of the previous delivery */
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-084", SWI_SEVERITY_WARNING, 29, SWI_CATEGORY_PERSOON, 4, -1,
		      BSN_F_MASKED);
	assert_message_has(r, 0, "Persoon 5 van de vorige levering");
	assert_message_has(r, 0, BSN_F_MASKED);
	assert_message_has(r, 0, "kenmerk 28");
	assert_no_full_bsn(r);
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_person_gone_with_reason_or_date_only)
{
	/* Either half of the end of guidance says it ended (the missing half is
	 * SWI-038 or SWI-039 of the previous quarter's validation). */
	for (int k = SWI_K_EINDE_BEGELEIDING_REDEN; k <= SWI_K_EINDE_BEGELEIDING_DATUM; k++) {
		swi_delivery *prev, *cur;
		clean_pair(&prev, &cur);
		OK(swi_person_unset(find(prev, BSN_C), k));
		swi_report *r = compare(prev, cur, 0);
		assert_empty(r);
		free_all(r, prev, cur);
	}
}
END_TEST

START_TEST(test_person_removed_from_current)
{
	/* A person removed from the tree is gone as well. */
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	OK(swi_person_remove(find(cur, BSN_B)));
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-084", SWI_SEVERITY_WARNING, 29, SWI_CATEGORY_PERSOON, 1, -1,
		      "*****2333");
	free_all(r, prev, cur);
}
END_TEST

/* ---- SWI-085: leerroute begindatum ---------------------------------- */

START_TEST(test_route_begin_changed)
{
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	swi_record *second = swi_record_next(swi_person_first_record(find(cur, BSN_B),
								     SWI_CATEGORY_PIP));
	OK(swi_record_set_int(second, SWI_K_LEERROUTE_BEGINDATUM, 20260105));
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-085", SWI_SEVERITY_WARNING, 33, SWI_CATEGORY_PIP, 1, 1, "*****2333");
	assert_message_has(r, 0, "20260105");
	assert_message_has(r, 0, "20251201");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_route_begin_changed_from_earlier_pip)
{
	/* 2025Q4's begindatum stands in its first PIP; a later one lacks k33. */
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	pip(find(prev, BSN_B), 20251201, 0);
	for (swi_record *p = swi_person_first_record(find(cur, BSN_B), SWI_CATEGORY_PIP); p;
	     p = swi_record_next(p))
		OK(swi_record_set_int(p, SWI_K_LEERROUTE_BEGINDATUM, 20251202));
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-085", SWI_SEVERITY_WARNING, 33, SWI_CATEGORY_PIP, 1, 0, "*****2333");
	assert_message_has(r, 0, "20251202, in het vorige kwartaal 20251201");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_route_begin_changed_once_per_person)
{
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	for (swi_record *p = swi_person_first_record(find(cur, BSN_B), SWI_CATEGORY_PIP); p;
	     p = swi_record_next(p))
		OK(swi_record_set_int(p, SWI_K_LEERROUTE_BEGINDATUM, 20251202));
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-085", SWI_SEVERITY_WARNING, 33, SWI_CATEGORY_PIP, 1, 0, "*****2333");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_route_begin_first_or_left_out)
{
	/* None before and one now: the route started. One before and none in a
	 * PIP now: k33 is only compared where it is filled. */
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	OK(swi_record_unset(swi_person_first_record(find(prev, BSN_B), SWI_CATEGORY_PIP),
			    SWI_K_LEERROUTE_BEGINDATUM));
	swi_report *r = compare(prev, cur, 0);
	assert_empty(r);
	swi_report_free(r);
	swi_delivery_free(prev);
	swi_delivery_free(cur);

	clean_pair(&prev, &cur);
	OK(swi_record_unset(swi_person_first_record(find(cur, BSN_B), SWI_CATEGORY_PIP),
			    SWI_K_LEERROUTE_BEGINDATUM));
	r = compare(prev, cur, 0);
	assert_empty(r);
	free_all(r, prev, cur);
}
END_TEST

/* ---- SWI-086: the latest PIP goes back in time ---------------------- */

START_TEST(test_pip_backwards)
{
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	/* 2026Q1 leaves the PIP of 20251110 out and brings an older one. */
	swi_person *b = find(cur, BSN_B);
	OK(swi_record_remove(swi_record_next(swi_person_first_record(b, SWI_CATEGORY_PIP))));
	OK(swi_record_set_int(swi_person_first_record(b, SWI_CATEGORY_PIP), SWI_K_PIP_DATUM,
			      20251001));
	swi_report *r = compare(prev, cur, 0);
	assert_single(r, "SWI-086", SWI_SEVERITY_WARNING, 30, SWI_CATEGORY_PIP, 1, 0, "*****2333");
	assert_message_has(r, 0, "20251001");
	assert_message_has(r, 0, "20251110");
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_pip_older_beside_latest)
{
	/* 3.3.1: delayed information on an older PIP beside the latest is fine. */
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	pip(find(cur, BSN_B), 20251001, 20251201);
	swi_report *r = compare(prev, cur, 0);
	assert_empty(r);
	free_all(r, prev, cur);
}
END_TEST

/* ---- SWI-087: counts that jump -------------------------------------- */

static void add_persons(swi_delivery *d, struct gen *g, int n, bool ended)
{
	for (int i = 0; i < n; i++) {
		char bsn[10];
		gen_bsn_text(gen_bsn(g), bsn);
		swi_person *p = person(d, bsn, 1);
		if (ended)
			end_guidance(p, 2, 20251215);
	}
}

/* Persons: `common` in both, then `gone` (ended) in prev only, `new` in cur only. */
static swi_report *persons_pair(int common, int gone, int fresh, swi_delivery **prev,
				swi_delivery **cur)
{
	struct gen g;
	*prev = quarter(2025, 4, 153);
	*cur = quarter(2026, 1, 153);
	gen_seed(&g, 87);
	add_persons(*prev, &g, common, false);
	gen_seed(&g, 87);
	add_persons(*cur, &g, common, false);
	add_persons(*prev, &g, gone, true);
	add_persons(*cur, &g, fresh, false);
	return compare(*prev, *cur, 0);
}

static void assert_jump(int common, int gone, int fresh, bool jump)
{
	swi_delivery *prev, *cur;
	swi_report *r = persons_pair(common, gone, fresh, &prev, &cur);
	if (jump) {
		assert_single(r, "SWI-087", SWI_SEVERITY_WARNING, 0, SWI_CATEGORY_LEVERING, -1, -1, "");
		assert_message_has(r, 0, "personen");
	} else {
		assert_empty(r);
	}
	free_all(r, prev, cur);
}

START_TEST(test_count_jump_persons_relative)
{
	assert_jump(40, 0, 10, false); /* 40 -> 50: exactly 25%, not more */
	assert_jump(40, 0, 11, true);  /* 40 -> 51 */
	assert_jump(30, 10, 0, false); /* 40 -> 30 */
	assert_jump(29, 11, 0, true);  /* 40 -> 29 */
}
END_TEST

START_TEST(test_count_jump_persons_absolute)
{
	assert_jump(4, 0, 9, false); /* 4 -> 13: 225%, but only 9 */
	assert_jump(4, 0, 10, true); /* 4 -> 14 */
	assert_jump(0, 0, 9, false); /* a first quarter of a small gemeente */
	assert_jump(0, 0, 10, true);
	assert_jump(0, 9, 0, false);
	assert_jump(0, 10, 0, true);
}
END_TEST

/* One person in both quarters with `before` and `after` PIPs or fines, all
 * of their own quarter (so no other rule applies). */
static void assert_record_jump(swi_category kind, int before, int after, bool jump)
{
	swi_delivery *prev = quarter(2025, 4, 153), *cur = quarter(2026, 1, 153);
	swi_person *p = person(prev, BSN_A, 1), *c = person(cur, BSN_A, 1);
	for (int i = 0; i < before; i++) {
		int32_t date = gen_date_add_days(20251001, i);
		if (kind == SWI_CATEGORY_PIP)
			pip(p, date, 0);
		else
			fine(p, date, 1, 100);
	}
	for (int i = 0; i < after; i++) {
		int32_t date = gen_date_add_days(20260101, i);
		if (kind == SWI_CATEGORY_PIP)
			pip(c, date, 0);
		else
			fine(c, date, 1, 100);
	}
	swi_report *r = compare(prev, cur, 0);
	if (jump) {
		assert_single(r, "SWI-087", SWI_SEVERITY_WARNING, 0, SWI_CATEGORY_LEVERING, -1, -1, "");
		assert_message_has(r, 0, kind == SWI_CATEGORY_PIP ? "PIP's" : "boetes");
	} else {
		assert_empty(r);
	}
	free_all(r, prev, cur);
}

START_TEST(test_count_jump_pips)
{
	assert_record_jump(SWI_CATEGORY_PIP, 40, 50, false);
	assert_record_jump(SWI_CATEGORY_PIP, 40, 51, true);
	assert_record_jump(SWI_CATEGORY_PIP, 40, 30, false);
	assert_record_jump(SWI_CATEGORY_PIP, 40, 29, true);
	assert_record_jump(SWI_CATEGORY_PIP, 4, 13, false);
	assert_record_jump(SWI_CATEGORY_PIP, 4, 14, true);
}
END_TEST

START_TEST(test_count_jump_fines)
{
	assert_record_jump(SWI_CATEGORY_BOETE, 40, 50, false);
	assert_record_jump(SWI_CATEGORY_BOETE, 40, 51, true);
	assert_record_jump(SWI_CATEGORY_BOETE, 40, 30, false);
	assert_record_jump(SWI_CATEGORY_BOETE, 40, 29, true);
	assert_record_jump(SWI_CATEGORY_BOETE, 0, 9, false);
	assert_record_jump(SWI_CATEGORY_BOETE, 0, 10, true);
}
END_TEST

START_TEST(test_count_jump_first_in_report)
{
	/* File level first, then persons of the current delivery, then gone ones. */
	swi_delivery *prev, *cur;
	noisy_pair(&prev, &cur);
	swi_report *r = compare(prev, cur, 0);
	ck_assert_uint_eq(swi_report_count(r), 4);
	ck_assert_str_eq(swi_report_rule(r, 0), "SWI-087");
	ck_assert_str_eq(swi_report_rule(r, 1), "SWI-081");
	ck_assert_str_eq(swi_report_rule(r, 2), "SWI-082");
	ck_assert_str_eq(swi_report_rule(r, 3), "SWI-084");
	free_all(r, prev, cur);
}
END_TEST

/* ---- BSNs ----------------------------------------------------------- */

START_TEST(test_show_bsn)
{
	swi_delivery *prev, *cur;
	noisy_pair(&prev, &cur);
	swi_report *r = compare(prev, cur, SWI_VALIDATE_SHOW_BSN);
	ck_assert_str_eq(swi_report_bsn(r, 1), BSN_A);
	ck_assert_str_eq(swi_report_bsn(r, 3), BSN_F);
	assert_message_has(r, 3, BSN_F);
	swi_report_free(r);

	r = compare(prev, cur, 0);
	for (size_t i = 1; i < swi_report_count(r); i++)
		ck_assert_str_eq(swi_report_bsn(r, i), i == 3 ? BSN_F_MASKED : BSN_A_MASKED);
	assert_no_full_bsn(r);
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_person_order_is_current)
{
	/* Person indices are those of 2026Q1 even when 2025Q4 has another order. */
	swi_delivery *prev = quarter(2025, 4, 153), *cur = quarter(2026, 1, 153);
	talk(person(prev, BSN_A, 2), 20251201);
	talk(person(prev, BSN_C, 2), 20251202);
	person(cur, BSN_E, 2);
	talk(person(cur, BSN_C, 2), 20251202);
	talk(person(cur, BSN_A, 2), 20251201);
	swi_report *r = compare(prev, cur, 0);
	ck_assert_uint_eq(swi_report_count(r), 2);
	ck_assert_int_eq(swi_report_person(r, 0), 1);
	ck_assert_str_eq(swi_report_bsn(r, 0), BSN_C_MASKED);
	ck_assert_int_eq(swi_report_person(r, 1), 2);
	ck_assert_str_eq(swi_report_bsn(r, 1), BSN_A_MASKED);
	free_all(r, prev, cur);
}
END_TEST

/* ---- arguments, scale, memory --------------------------------------- */

START_TEST(test_arguments)
{
	swi_delivery *prev, *cur;
	clean_pair(&prev, &cur);
	swi_report *r = (swi_report *)1;
	ck_assert_int_eq(swi_delivery_compare(&r, prev, cur, 2u), SWI_EINVAL);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(swi_delivery_last_error(cur), SWI_EINVAL);
	r = (swi_report *)1;
	ck_assert_int_eq(swi_delivery_compare(&r, NULL, cur, 0), SWI_EINVAL);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(swi_delivery_compare(&r, prev, NULL, 0), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_compare(NULL, prev, cur, 0), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_compare(NULL, NULL, NULL, 0), SWI_EINVAL);
	free_all(NULL, prev, cur);
}
END_TEST

START_TEST(test_many_records_of_one_person)
{
	/*
	 * 20000 talks and fines on each side of one person: pairwise matching
	 * would be 4e8 comparisons per kind; sorted it is instant. Every second
	 * talk and every third fine of 2026Q1 is one of 2025Q4.
	 */
	enum { N = 20000 };
	swi_delivery *prev = quarter(2025, 4, 153), *cur = quarter(2026, 1, 153);
	swi_person *p = person(prev, BSN_A, 2), *c = person(cur, BSN_A, 2);
	for (int i = 0; i < N; i++) {
		int32_t old = gen_date_add_days(20000101, i), other = gen_date_add_days(20000101, N + i);
		talk(p, old);
		talk(c, i % 2 ? old : other);
		fine(p, old, 1, 100);
		fine(c, old, 1, i % 3 ? 50 : 100);
	}
	swi_report *r = compare(prev, cur, 0);
	ck_assert_uint_eq(count_rule(r, "SWI-081"), N / 2);
	ck_assert_uint_eq(count_rule(r, "SWI-082"), (N + 2) / 3);
	ck_assert_uint_eq(swi_report_count(r), N / 2 + (N + 2) / 3);
	ck_assert_int_eq(swi_report_record(r, 0), 1); /* in record order */
	free_all(r, prev, cur);
}
END_TEST

START_TEST(test_many_fines_of_one_day)
{
	/*
	 * Invalid data (SWI-065) must not make the comparison quadratic either:
	 * 20000 fines of reason 1 on one day before, 20000 of reason 2 and one
	 * correction of reason 1 now. Reason 1 is still delivered, so no fine of
	 * reason 2 is a changed reason.
	 */
	enum { N = 20000 };
	swi_delivery *prev = quarter(2025, 4, 153), *cur = quarter(2026, 1, 153);
	swi_person *p = person(prev, BSN_A, 2), *c = person(cur, BSN_A, 2);
	for (int i = 0; i < N; i++) {
		fine(p, 20251105, 1, i % 5000);
		fine(c, 20251105, 2, i % 5000);
	}
	fine(c, 20251105, 1, 9999);
	swi_report *r = compare(prev, cur, 0);
	assert_empty(r);
	swi_report_free(r);
	/* Without the correction of reason 1, every fine changed its reason. */
	swi_record *last = swi_person_first_record(c, SWI_CATEGORY_BOETE);
	while (swi_record_next(last))
		last = swi_record_next(last);
	OK(swi_record_remove(last));
	r = compare(prev, cur, 0);
	ck_assert_uint_eq(count_rule(r, "SWI-083"), N);
	ck_assert_uint_eq(swi_report_count(r), N);
	free_all(r, prev, cur);
}
END_TEST

/* An allocator that fails from the n-th call on (frees always succeed). */
struct failing {
	long calls, fail_at;
};

static void *failing_alloc(void *ud, void *ptr, size_t size)
{
	struct failing *f = ud;
	if (size == 0) {
		free(ptr);
		return NULL;
	}
	if (f->fail_at >= 0 && f->calls++ >= f->fail_at)
		return NULL;
	return realloc(ptr, size);
}

START_TEST(test_out_of_memory)
{
	/* Every allocation of the comparison may fail; it then returns ENOMEM,
	 * hands out no report and leaks nothing (valgrind checks the latter). */
	swi_delivery *prev, *plain;
	noisy_pair(&prev, &plain);
	struct failing f = {.fail_at = -1};
	swi_delivery *cur;
	OK(swi_delivery_new_with_allocator(&cur, failing_alloc, &f));
	OK(swi_delivery_set_int(cur, SWI_K_STATISTIEKJAAR, 2026));
	OK(swi_delivery_set_int(cur, SWI_K_STATISTIEKKWARTAAL, 1));
	OK(swi_delivery_set_int(cur, SWI_K_GEMEENTECODE, 153));
	for (const swi_person *p = swi_delivery_first_person(plain); p; p = swi_person_next(p)) {
		char bsn[SWI_VALUE_MAX];
		OK(swi_person_get_text(p, SWI_K_BURGERSERVICENUMMER, bsn, sizeof(bsn)));
		swi_person *q = person(cur, bsn, 2);
		for (const swi_record *r = swi_person_first_record(p, SWI_CATEGORY_GESPREK); r;
		     r = swi_record_next(r)) {
			int32_t date;
			OK(swi_record_get_int(r, SWI_K_VOORTGANGSGESPREK_DATUM, &date));
			talk(q, date);
		}
		for (const swi_record *r = swi_person_first_record(p, SWI_CATEGORY_BOETE); r;
		     r = swi_record_next(r)) {
			int32_t date, reason, amount;
			OK(swi_record_get_int(r, SWI_K_BOETE_DATUM, &date));
			OK(swi_record_get_int(r, SWI_K_BOETE_REDEN, &reason));
			OK(swi_record_get_int(r, SWI_K_BOETE_BEDRAG, &amount));
			fine(q, date, reason, amount);
		}
	}
	size_t want = 0;
	for (long n = 0;; n++) {
		f.calls = 0;
		f.fail_at = n;
		swi_report *r = (swi_report *)1;
		int rc = swi_delivery_compare(&r, prev, cur, 0);
		f.fail_at = -1;
		if (rc == SWI_OK) {
			ck_assert_uint_gt(n, 0);
			want = swi_report_count(r);
			swi_report_free(r);
			break;
		}
		ck_assert_int_eq(rc, SWI_ENOMEM);
		ck_assert_ptr_null(r);
		ck_assert_int_eq(swi_delivery_last_error(cur), SWI_ENOMEM);
	}
	ck_assert_uint_eq(want, 4);
	swi_delivery_free(cur);
	free_all(NULL, prev, plain);
}
END_TEST

static Suite *compare_suite(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("clean");
	tcase_add_test(tc, test_clean_pair);
	tcase_add_test(tc, test_deliveries_unchanged);
	suite_add_tcase(s, tc);

	tc = tcase_create("SWI-080");
	tcase_add_test(tc, test_noisy_pair_is_noisy);
	tcase_add_test(tc, test_quarter_not_previous);
	tcase_add_test(tc, test_year_not_previous);
	tcase_add_test(tc, test_same_quarter_or_swapped);
	tcase_add_test(tc, test_other_gemeente);
	tcase_add_test(tc, test_other_gemeente_and_quarter);
	tcase_add_test(tc, test_header_missing);
	tcase_add_test(tc, test_consecutive_within_year);
	suite_add_tcase(s, tc);

	tc = tcase_create("persons");
	tcase_add_test(tc, test_talk_again);
	tcase_add_test(tc, test_talk_of_previous_quarter_not_delivered_then);
	tcase_add_test(tc, test_fine_again);
	tcase_add_test(tc, test_fine_correction_raised_or_withdrawn);
	tcase_add_test(tc, test_fine_reason_changed);
	tcase_add_test(tc, test_fine_reason_changed_same_amount);
	tcase_add_test(tc, test_fine_withdrawn_reason_changed);
	tcase_add_test(tc, test_fine_same_day_other_reason_besides_correction);
	tcase_add_test(tc, test_fine_two_reasons_one_corrected);
	tcase_add_test(tc, test_person_gone);
	tcase_add_test(tc, test_person_gone_with_reason_or_date_only);
	tcase_add_test(tc, test_person_removed_from_current);
	tcase_add_test(tc, test_route_begin_changed);
	tcase_add_test(tc, test_route_begin_changed_from_earlier_pip);
	tcase_add_test(tc, test_route_begin_changed_once_per_person);
	tcase_add_test(tc, test_route_begin_first_or_left_out);
	tcase_add_test(tc, test_pip_backwards);
	tcase_add_test(tc, test_pip_older_beside_latest);
	suite_add_tcase(s, tc);

	tc = tcase_create("SWI-087");
	tcase_add_test(tc, test_count_jump_persons_relative);
	tcase_add_test(tc, test_count_jump_persons_absolute);
	tcase_add_test(tc, test_count_jump_pips);
	tcase_add_test(tc, test_count_jump_fines);
	tcase_add_test(tc, test_count_jump_first_in_report);
	suite_add_tcase(s, tc);

	tc = tcase_create("api");
	tcase_add_test(tc, test_show_bsn);
	tcase_add_test(tc, test_person_order_is_current);
	tcase_add_test(tc, test_arguments);
	tcase_add_test(tc, test_many_records_of_one_person);
	tcase_add_test(tc, test_many_fines_of_one_day);
	tcase_add_test(tc, test_out_of_memory);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(compare_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
