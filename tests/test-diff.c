/*
 * The semantic diff (swi_delivery_diff, include/swi/diff.h): equal data in
 * another order gives nothing; each kind of difference on a hand-made
 * change gives exactly its entry with the exact Dutch message; BSNs are
 * masked unless asked; every allocation can fail without a leak; a diff of
 * 100,000 persons runs (no timing: speed belongs in a benchmark).
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
#define BSN_B_MASKED "*****2333"
#define BSN_C "012345672"
#define BSN_C_MASKED "*****5672"

/* ---- building -------------------------------------------------------- */

static swi_person *person(swi_delivery *d, const char *bsn)
{
	swi_person *p = NULL;
	int rc = swi_delivery_add_person(&p, d, bsn);
	ck_assert_msg(rc == SWI_OK, "add_person(%s): %s", bsn, swi_delivery_last_message(d));
	OK(swi_person_set_int(p, SWI_K_GEBOORTEDATUM, 19900101));
	OK(swi_person_set_int(p, SWI_K_GESLACHT, 1));
	OK(swi_person_set_int(p, SWI_K_TYPE_MIGRANT, 1));
	return p;
}

static swi_record *pip(swi_person *p, int32_t datum, int route)
{
	swi_record *r = NULL;
	OK(swi_person_add_record(&r, p, SWI_CATEGORY_PIP));
	OK(swi_record_set_int(r, SWI_K_PIP_DATUM, datum));
	OK(swi_record_set_int(r, SWI_K_LEERROUTE_ROUTE, route));
	return r;
}

static swi_record *fine(swi_person *p, int32_t datum, int reden, int bedrag)
{
	swi_record *r = NULL;
	OK(swi_person_add_record(&r, p, SWI_CATEGORY_BOETE));
	OK(swi_record_set_int(r, SWI_K_BOETE_DATUM, datum));
	OK(swi_record_set_int(r, SWI_K_BOETE_REDEN, reden));
	OK(swi_record_set_int(r, SWI_K_BOETE_BEDRAG, bedrag));
	return r;
}

static swi_record *talk(swi_person *p, int32_t datum)
{
	swi_record *r = NULL;
	OK(swi_person_add_record(&r, p, SWI_CATEGORY_GESPREK));
	OK(swi_record_set_int(r, SWI_K_VOORTGANGSGESPREK_DATUM, datum));
	return r;
}

static swi_person *find(swi_delivery *d, const char *bsn)
{
	swi_person *p = NULL;
	OK(swi_delivery_find_person(&p, d, bsn));
	return p;
}

static swi_record *nth(swi_person *p, swi_category kind, int n)
{
	swi_record *r = swi_person_first_record(p, kind);
	while (r && n-- > 0)
		r = swi_record_next(r);
	ck_assert_ptr_nonnull(r);
	return r;
}

/* Kenmerken first..last of one record-like object, copied by text. */
typedef int (*get_fn)(const void *, int, char *, size_t);
typedef int (*set_fn)(void *, int, const char *);

static int get_delivery(const void *o, int k, char *b, size_t n) { return swi_delivery_get_text(o, k, b, n); }
static int set_delivery(void *o, int k, const char *t) { return swi_delivery_set_text(o, k, t); }
static int get_person(const void *o, int k, char *b, size_t n) { return swi_person_get_text(o, k, b, n); }
static int set_person(void *o, int k, const char *t) { return swi_person_set_text(o, k, t); }
static int get_record(const void *o, int k, char *b, size_t n) { return swi_record_get_text(o, k, b, n); }
static int set_record(void *o, int k, const char *t) { return swi_record_set_text(o, k, t); }

static void copy_kenmerken(const void *from, void *to, int first, int last, get_fn get, set_fn set)
{
	for (int k = first; k <= last; k++) {
		char text[SWI_VALUE_MAX];
		int rc = get(from, k, text, sizeof(text));
		if (rc == SWI_ENOTSET)
			continue;
		OK(rc);
		OK(set(to, k, text));
	}
}

static void copy_records(const swi_person *from, swi_person *to, swi_category kind, int first,
			 int last, bool reverse)
{
	size_t n = swi_person_record_count(from, kind);
	swi_record **rs = calloc(n ? n : 1, sizeof(*rs));
	ck_assert_ptr_nonnull(rs);
	size_t i = 0;
	for (swi_record *r = swi_person_first_record(from, kind); r; r = swi_record_next(r))
		rs[i++] = r;
	for (i = 0; i < n; i++) {
		swi_record *src = rs[reverse ? n - 1 - i : i], *dst = NULL;
		OK(swi_person_add_record(&dst, to, kind));
		copy_kenmerken(src, dst, first, last, get_record, set_record);
	}
	free(rs);
}

/*
 * A copy of `src` made through the public API, with the given allocator
 * (NULL: libc). With `reverse`, persons and each person's records of a kind
 * are added in the opposite order, and talks before PIPs.
 */
static swi_delivery *copy(const swi_delivery *src, swi_alloc_fn alloc, void *ud, bool reverse)
{
	swi_delivery *d = NULL;
	OK(alloc ? swi_delivery_new_with_allocator(&d, alloc, ud) : swi_delivery_new(&d));
	copy_kenmerken(src, d, 1, 7, get_delivery, set_delivery);
	size_t n = swi_delivery_person_count(src);
	swi_person **ps = calloc(n ? n : 1, sizeof(*ps));
	ck_assert_ptr_nonnull(ps);
	size_t i = 0;
	for (swi_person *p = swi_delivery_first_person(src); p; p = swi_person_next(p))
		ps[i++] = p;
	for (i = 0; i < n; i++) {
		const swi_person *from = ps[reverse ? n - 1 - i : i];
		char bsn[16];
		OK(swi_person_get_text(from, SWI_K_BURGERSERVICENUMMER, bsn, sizeof(bsn)));
		swi_person *to = NULL;
		OK(swi_delivery_add_person(&to, d, bsn));
		copy_kenmerken(from, to, 9, 29, get_person, set_person);
		if (reverse) {
			copy_records(from, to, SWI_CATEGORY_BOETE, 36, 38, true);
			copy_records(from, to, SWI_CATEGORY_GESPREK, 35, 35, true);
			copy_records(from, to, SWI_CATEGORY_PIP, 30, 34, true);
		} else {
			copy_records(from, to, SWI_CATEGORY_PIP, 30, 34, false);
			copy_records(from, to, SWI_CATEGORY_GESPREK, 35, 35, false);
			copy_records(from, to, SWI_CATEGORY_BOETE, 36, 38, false);
		}
	}
	free(ps);
	return d;
}

/* A small pair: persons A and B, A with two PIPs, a talk and a fine. */
static swi_delivery *small(void)
{
	swi_delivery *d = gen_delivery(2026, 1);
	swi_person *a = person(d, BSN_A);
	OK(swi_person_set_int(a, SWI_K_BREDE_INTAKE_BEGINDATUM, 20260310));
	pip(a, 20251001, 1);
	pip(a, 20260105, 2);
	talk(a, 20260201);
	fine(a, 20260115, 1, 150);
	person(d, BSN_B);
	return d;
}

static swi_diff *diff(const swi_delivery *e, const swi_delivery *a, unsigned flags)
{
	swi_diff *d = NULL;
	OK(swi_delivery_diff(&d, e, a, flags));
	ck_assert_ptr_nonnull(d);
	return d;
}

/* The text rendering as a C string the caller frees. */
static char *text_of(const swi_diff *d)
{
	swi_buffer *b = NULL;
	OK(swi_diff_text(&b, d));
	size_t n = swi_buffer_size(b);
	ck_assert_uint_eq(strlen(swi_buffer_data(b)), n);
	char *s = malloc(n + 1);
	ck_assert_ptr_nonnull(s);
	memcpy(s, swi_buffer_data(b), n + 1);
	swi_buffer_free(b);
	return s;
}

#define ASSERT_TEXT(d, want)                                                          \
	do {                                                                          \
		char *got_ = text_of(d);                                              \
		ck_assert_str_eq(got_, want);                                         \
		free(got_);                                                           \
	} while (0)

/* ---- equal ----------------------------------------------------------- */

START_TEST(test_equal_in_another_order)
{
	struct gen g;
	gen_seed(&g, 13);
	swi_delivery *e = gen_delivery(2026, 1);
	gen_persons(e, &g, 500, GEN_FULL);
	swi_delivery *a = copy(e, NULL, NULL, true);
	/* The copy is not trivially the same: the first persons differ. */
	char b1[16], b2[16];
	OK(swi_person_get_text(swi_delivery_first_person(e), 8, b1, sizeof(b1)));
	OK(swi_person_get_text(swi_delivery_first_person(a), 8, b2, sizeof(b2)));
	ck_assert_str_ne(b1, b2);

	swi_diff *d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 0);
	ASSERT_TEXT(d, "");
	swi_diff_free(d);
	d = diff(a, e, SWI_DIFF_SHOW_BSN);
	ck_assert_uint_eq(swi_diff_count(d), 0);
	swi_diff_free(d);
	d = diff(e, e, 0);
	ck_assert_uint_eq(swi_diff_count(d), 0);
	swi_diff_free(d);
	swi_delivery_free(a);
	swi_delivery_free(e);
}
END_TEST

START_TEST(test_duplicate_records_pair_in_order)
{
	/* Two PIPs with the same date, in another order, are still equal. */
	swi_delivery *e = small(), *a = small();
	pip(find(e, BSN_B), 20260105, 1);
	pip(find(e, BSN_B), 20260105, 2);
	pip(find(a, BSN_B), 20260105, 1);
	pip(find(a, BSN_B), 20260105, 2);
	swi_diff *d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 0);
	swi_diff_free(d);

	/* A third of that date in actual: the surplus is extra (the 3rd). */
	pip(find(a, BSN_B), 20260105, 3);
	d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 1);
	ck_assert_int_eq(swi_diff_entry_kind(d, 0), SWI_DIFF_RECORD_EXTRA);
	ck_assert_int_eq(swi_diff_expected_record(d, 0), -1);
	ck_assert_int_eq(swi_diff_actual_record(d, 0), 2);
	ck_assert_str_eq(swi_diff_actual_value(d, 0), "20260105");
	ck_assert_str_eq(swi_diff_expected_value(d, 0), "");
	ASSERT_TEXT(d, "persoon " BSN_B_MASKED ": PIP 3 (20260105) is extra (niet verwacht)\n");
	swi_diff_free(d);
	swi_delivery_free(a);
	swi_delivery_free(e);
}
END_TEST

/* ---- each kind ------------------------------------------------------- */

START_TEST(test_person_kenmerk)
{
	swi_delivery *e = small(), *a = small();
	OK(swi_person_set_int(find(a, BSN_A), SWI_K_BREDE_INTAKE_BEGINDATUM, 20260311));
	swi_diff *d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 1);
	ck_assert_int_eq(swi_diff_entry_kind(d, 0), SWI_DIFF_KENMERK);
	ck_assert_int_eq(swi_diff_entry_kenmerk(d, 0), 15);
	ck_assert_int_eq(swi_diff_entry_category(d, 0), SWI_CATEGORY_PERSOON);
	ck_assert_int_eq(swi_diff_expected_person(d, 0), 0);
	ck_assert_int_eq(swi_diff_actual_person(d, 0), 0);
	ck_assert_int_eq(swi_diff_expected_record(d, 0), -1);
	ck_assert_int_eq(swi_diff_actual_record(d, 0), -1);
	ck_assert_str_eq(swi_diff_expected_value(d, 0), "20260310");
	ck_assert_str_eq(swi_diff_actual_value(d, 0), "20260311");
	ck_assert_str_eq(swi_diff_bsn(d, 0), BSN_A_MASKED);
	ck_assert_str_eq(swi_diff_message(d, 0), "kenmerk 15 (Brede intake - begindatum) "
			 "verwacht 20260310, gekregen 20260311");
	swi_diff_free(d);

	/* Unset on one side: "" as value, "leeg" in the message. */
	OK(swi_person_unset(find(a, BSN_A), SWI_K_BREDE_INTAKE_BEGINDATUM));
	d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 1);
	ck_assert_str_eq(swi_diff_actual_value(d, 0), "");
	ck_assert_str_eq(swi_diff_message(d, 0), "kenmerk 15 (Brede intake - begindatum) "
			 "verwacht 20260310, gekregen leeg");
	swi_diff_free(d);
	swi_delivery_free(a);
	swi_delivery_free(e);
}
END_TEST

START_TEST(test_the_issues_example)
{
	/* Issue 13: one line per person, entries joined by "; ". */
	swi_delivery *e = small(), *a = small();
	swi_person *p = find(a, BSN_A);
	OK(swi_person_set_int(p, SWI_K_BREDE_INTAKE_BEGINDATUM, 20260311));
	OK(swi_record_remove(nth(p, SWI_CATEGORY_PIP, 1)));
	swi_diff *d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 2);
	ck_assert_int_eq(swi_diff_entry_kind(d, 1), SWI_DIFF_RECORD_MISSING);
	ck_assert_int_eq(swi_diff_entry_category(d, 1), SWI_CATEGORY_PIP);
	ck_assert_int_eq(swi_diff_entry_kenmerk(d, 1), SWI_K_PIP_DATUM);
	ck_assert_int_eq(swi_diff_expected_record(d, 1), 1);
	ck_assert_int_eq(swi_diff_actual_record(d, 1), -1);
	ck_assert_str_eq(swi_diff_expected_value(d, 1), "20260105");
	ASSERT_TEXT(d, "persoon *****6782: kenmerk 15 (Brede intake - begindatum) verwacht "
		    "20260310, gekregen 20260311; PIP 2 (20260105) ontbreekt\n");
	swi_diff_free(d);
	swi_delivery_free(a);
	swi_delivery_free(e);
}
END_TEST

START_TEST(test_levering_kenmerk)
{
	swi_delivery *e = small(), *a = small();
	OK(swi_delivery_set_text(a, SWI_K_VERSIE_SOFTWAREPAKKET, "2.0"));
	OK(swi_delivery_set_int(a, SWI_K_STATISTIEKKWARTAAL, 2));
	swi_diff *d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 2);
	ck_assert_int_eq(swi_diff_entry_kenmerk(d, 0), 2);
	ck_assert_int_eq(swi_diff_entry_kenmerk(d, 1), 5);
	ck_assert_int_eq(swi_diff_entry_category(d, 0), SWI_CATEGORY_LEVERING);
	ck_assert_int_eq(swi_diff_expected_person(d, 0), -1);
	ck_assert_int_eq(swi_diff_actual_person(d, 0), -1);
	ck_assert_str_eq(swi_diff_bsn(d, 0), "");
	ASSERT_TEXT(d, "levering: kenmerk 2 (Statistiekkwartaal) verwacht 1, gekregen 2; "
		    "kenmerk 5 (Release/versienummer softwarepakket) verwacht 1.0-test, gekregen 2.0\n");
	swi_diff_free(d);
	swi_delivery_free(a);
	swi_delivery_free(e);
}
END_TEST

START_TEST(test_person_missing_and_extra)
{
	swi_delivery *e = small(), *a = small();
	OK(swi_person_remove(find(a, BSN_A)));
	person(a, BSN_C);
	swi_diff *d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 2);
	ck_assert_int_eq(swi_diff_entry_kind(d, 0), SWI_DIFF_PERSON_MISSING);
	ck_assert_int_eq(swi_diff_entry_category(d, 0), SWI_CATEGORY_PERSOON);
	ck_assert_int_eq(swi_diff_entry_kenmerk(d, 0), 8);
	ck_assert_int_eq(swi_diff_expected_person(d, 0), 0);
	ck_assert_int_eq(swi_diff_actual_person(d, 0), -1);
	ck_assert_str_eq(swi_diff_expected_value(d, 0), BSN_A_MASKED);
	ck_assert_int_eq(swi_diff_entry_kind(d, 1), SWI_DIFF_PERSON_EXTRA);
	ck_assert_int_eq(swi_diff_expected_person(d, 1), -1);
	/* B is actual's person 0 (A was removed), C its person 1. */
	ck_assert_int_eq(swi_diff_actual_person(d, 1), 1);
	ck_assert_str_eq(swi_diff_bsn(d, 1), BSN_C_MASKED);
	ASSERT_TEXT(d, "persoon *****6782 ontbreekt\n"
		    "persoon *****5672 is extra (niet verwacht)\n");
	swi_diff_free(d);
	swi_delivery_free(a);
	swi_delivery_free(e);
}
END_TEST

START_TEST(test_records)
{
	swi_delivery *e = small(), *a = small();
	swi_person *p = find(a, BSN_A);
	/* PIP 1: another route; talk: another date (missing + extra);
	 * fine: another amount (kenmerk), and a second fine that is extra. */
	OK(swi_record_set_int(nth(p, SWI_CATEGORY_PIP, 0), SWI_K_LEERROUTE_ROUTE, 3));
	OK(swi_record_set_int(nth(p, SWI_CATEGORY_GESPREK, 0), SWI_K_VOORTGANGSGESPREK_DATUM,
			      20260202));
	OK(swi_record_set_int(nth(p, SWI_CATEGORY_BOETE, 0), SWI_K_BOETE_BEDRAG, 250));
	fine(p, 20260115, 2, 100);
	swi_diff *d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 5);
	ck_assert_int_eq(swi_diff_entry_kind(d, 0), SWI_DIFF_KENMERK);
	ck_assert_int_eq(swi_diff_entry_category(d, 0), SWI_CATEGORY_PIP);
	ck_assert_int_eq(swi_diff_entry_kenmerk(d, 0), 31);
	ck_assert_int_eq(swi_diff_expected_record(d, 0), 0);
	ck_assert_int_eq(swi_diff_actual_record(d, 0), 0);
	ck_assert_int_eq(swi_diff_entry_kind(d, 1), SWI_DIFF_RECORD_MISSING);
	ck_assert_int_eq(swi_diff_entry_category(d, 1), SWI_CATEGORY_GESPREK);
	ck_assert_int_eq(swi_diff_entry_kind(d, 2), SWI_DIFF_RECORD_EXTRA);
	ck_assert_int_eq(swi_diff_entry_kenmerk(d, 2), 35);
	ck_assert_int_eq(swi_diff_entry_kind(d, 3), SWI_DIFF_KENMERK);
	ck_assert_int_eq(swi_diff_entry_kenmerk(d, 3), 38);
	ck_assert_int_eq(swi_diff_entry_kind(d, 4), SWI_DIFF_RECORD_EXTRA);
	ck_assert_int_eq(swi_diff_actual_record(d, 4), 1);
	ASSERT_TEXT(d, "persoon *****6782: "
		    "PIP 1 (20251001): kenmerk 31 (Leerroute - route) verwacht 1, gekregen 3; "
		    "voortgangsgesprek 1 (20260201) ontbreekt; "
		    "voortgangsgesprek 1 (20260202) is extra (niet verwacht); "
		    "boete 1 (20260115, reden 1): kenmerk 38 (Boete - hoogte bedrag) verwacht 150, "
		    "gekregen 250; "
		    "boete 2 (20260115, reden 2) is extra (niet verwacht)\n");
	swi_diff_free(d);

	/* A fine is identified by date AND reason: another reason is another fine. */
	swi_delivery_free(a);
	a = small();
	OK(swi_record_set_int(nth(find(a, BSN_A), SWI_CATEGORY_BOETE, 0), SWI_K_BOETE_REDEN, 2));
	d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 2);
	ck_assert_int_eq(swi_diff_entry_kind(d, 0), SWI_DIFF_RECORD_MISSING);
	ck_assert_int_eq(swi_diff_entry_kind(d, 1), SWI_DIFF_RECORD_EXTRA);
	swi_diff_free(d);
	swi_delivery_free(a);
	swi_delivery_free(e);
}
END_TEST

START_TEST(test_empty_sides)
{
	/* No persons on one side or both: no index to look in, no slots. */
	swi_delivery *e = small(), *none = gen_delivery(2026, 1), *none2 = gen_delivery(2026, 1);
	swi_diff *d = diff(none, none2, 0);
	ck_assert_uint_eq(swi_diff_count(d), 0);
	swi_diff_free(d);
	d = diff(e, none, 0);
	ck_assert_uint_eq(swi_diff_count(d), 2);
	ck_assert_int_eq(swi_diff_entry_kind(d, 0), SWI_DIFF_PERSON_MISSING);
	ck_assert_int_eq(swi_diff_entry_kind(d, 1), SWI_DIFF_PERSON_MISSING);
	swi_diff_free(d);
	d = diff(none, e, 0);
	ck_assert_uint_eq(swi_diff_count(d), 2);
	ck_assert_int_eq(swi_diff_entry_kind(d, 1), SWI_DIFF_PERSON_EXTRA);
	ck_assert_int_eq(swi_diff_actual_person(d, 1), 1);
	swi_diff_free(d);

	/* A matched person without any records on one side: all missing. */
	swi_delivery *a = gen_delivery(2026, 1);
	swi_person *p = person(a, BSN_A);
	OK(swi_person_set_int(p, SWI_K_BREDE_INTAKE_BEGINDATUM, 20260310));
	person(a, BSN_B);
	d = diff(e, a, 0);
	ASSERT_TEXT(d, "persoon *****6782: PIP 1 (20251001) ontbreekt; PIP 2 (20260105) ontbreekt; "
		    "voortgangsgesprek 1 (20260201) ontbreekt; "
		    "boete 1 (20260115, reden 1) ontbreekt\n");
	swi_diff_free(d);
	d = diff(a, e, 0);
	ck_assert_uint_eq(swi_diff_count(d), 4);
	ck_assert_int_eq(swi_diff_entry_kind(d, 3), SWI_DIFF_RECORD_EXTRA);
	ck_assert_int_eq(swi_diff_entry_category(d, 3), SWI_CATEGORY_BOETE);
	swi_diff_free(d);
	swi_delivery_free(a);
	swi_delivery_free(none2);
	swi_delivery_free(none);
	swi_delivery_free(e);
}
END_TEST

/* ---- masking --------------------------------------------------------- */

START_TEST(test_masking)
{
	swi_delivery *e = small(), *a = small();
	OK(swi_person_set_int(find(a, BSN_A), SWI_K_BREDE_INTAKE_BEGINDATUM, 20260311));
	/* A BSN typed into a text kenmerk: masked like the person's. */
	OK(swi_delivery_set_text(a, SWI_K_VERSIE_SOFTWAREPAKKET, BSN_C));
	OK(swi_person_remove(find(a, BSN_B)));

	swi_diff *d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 3);
	ck_assert_str_eq(swi_diff_actual_value(d, 0), BSN_C_MASKED);
	ck_assert_str_eq(swi_diff_bsn(d, 1), BSN_A_MASKED);
	ck_assert_str_eq(swi_diff_expected_value(d, 2), BSN_B_MASKED);
	char *t = text_of(d);
	ck_assert_ptr_null(strstr(t, BSN_A));
	ck_assert_ptr_null(strstr(t, BSN_B));
	ck_assert_ptr_null(strstr(t, BSN_C));
	ck_assert_ptr_nonnull(strstr(t, "20260311")); /* dates stay readable */
	free(t);
	for (size_t i = 0; i < swi_diff_count(d); i++) {
		ck_assert_ptr_null(strstr(swi_diff_message(d, i), BSN_A));
		ck_assert_ptr_null(strstr(swi_diff_message(d, i), BSN_B));
		ck_assert_ptr_null(strstr(swi_diff_message(d, i), BSN_C));
	}
	swi_diff_free(d);

	/* In text values the rule of libswi's message masking: eight digits
	 * that read as a date stay unless they pass the 11-test (20260106
	 * does, as 020260106); dates of date kenmerken are never masked. */
	OK(swi_delivery_set_text(a, SWI_K_VERSIE_SOFTWAREPAKKET, "v20260310"));
	d = diff(e, a, 0);
	ck_assert_str_eq(swi_diff_actual_value(d, 0), "v20260310");
	swi_diff_free(d);
	OK(swi_delivery_set_text(a, SWI_K_VERSIE_SOFTWAREPAKKET, "v20260106"));
	OK(swi_person_set_int(find(a, BSN_A), SWI_K_BREDE_INTAKE_BEGINDATUM, 20260106));
	d = diff(e, a, 0);
	ck_assert_str_eq(swi_diff_actual_value(d, 0), "v*****0106");
	ck_assert_str_eq(swi_diff_actual_value(d, 1), "20260106");
	swi_diff_free(d);
	OK(swi_delivery_set_text(a, SWI_K_VERSIE_SOFTWAREPAKKET, BSN_C));
	OK(swi_person_set_int(find(a, BSN_A), SWI_K_BREDE_INTAKE_BEGINDATUM, 20260311));

	d = diff(e, a, SWI_DIFF_SHOW_BSN);
	ck_assert_str_eq(swi_diff_actual_value(d, 0), BSN_C);
	ck_assert_str_eq(swi_diff_bsn(d, 1), BSN_A);
	ASSERT_TEXT(d, "levering: kenmerk 5 (Release/versienummer softwarepakket) verwacht 1.0-test, "
		    "gekregen " BSN_C "\n"
		    "persoon " BSN_A ": kenmerk 15 (Brede intake - begindatum) verwacht 20260310, "
		    "gekregen 20260311\n"
		    "persoon " BSN_B " ontbreekt\n");
	swi_diff_free(d);
	swi_delivery_free(a);
	swi_delivery_free(e);
}
END_TEST

/* ---- arguments ------------------------------------------------------- */

START_TEST(test_arguments)
{
	swi_delivery *e = small();
	swi_diff *d = (swi_diff *)1;
	ck_assert_int_eq(swi_delivery_diff(&d, NULL, e, 0), SWI_EINVAL);
	ck_assert_ptr_null(d);
	ck_assert_int_eq(swi_delivery_diff(&d, e, NULL, 0), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_diff(NULL, e, e, 0), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_diff(&d, e, e, 1u << 5), SWI_EINVAL);
	ck_assert_uint_eq(swi_diff_count(NULL), 0);
	ck_assert_int_eq(swi_diff_entry_kind(NULL, 0), 0);
	ck_assert_int_eq(swi_diff_entry_kenmerk(NULL, 0), -1);
	ck_assert_int_eq(swi_diff_expected_person(NULL, 0), -1);
	ck_assert_ptr_null(swi_diff_message(NULL, 0));
	d = diff(e, e, 0);
	ck_assert_ptr_null(swi_diff_message(d, 0));
	ck_assert_ptr_null(swi_diff_bsn(d, 0));
	ck_assert_int_eq(swi_diff_actual_record(d, 7), -1);
	swi_buffer *b = (swi_buffer *)1;
	ck_assert_int_eq(swi_diff_text(&b, NULL), SWI_EINVAL);
	ck_assert_ptr_null(b);
	swi_diff_free(d);
	swi_diff_free(NULL);
	swi_delivery_free(e);
}
END_TEST

/* ---- allocation failure ---------------------------------------------- */

struct counting {
	long calls, fail_at, live, injected;
};

static void *counting_alloc(void *ud, void *ptr, size_t size)
{
	struct counting *c = ud;
	if (size == 0) {
		if (ptr)
			c->live--;
		free(ptr);
		return NULL;
	}
	if (c->fail_at >= 0 && c->calls++ >= c->fail_at) {
		c->injected++;
		return NULL; /* sticky: every later call fails too */
	}
	void *p = realloc(ptr, size);
	if (p && !ptr)
		c->live++;
	return p;
}

START_TEST(test_allocation_failure)
{
	/* Every allocation of a diff (and of its text) fails in turn, and from
	 * then on: SWI_ENOMEM, *out NULL, nothing leaked; the first run in which
	 * nothing failed gives the undisturbed result. */
	struct gen g;
	gen_seed(&g, 5);
	swi_delivery *src = gen_delivery(2026, 1);
	gen_persons(src, &g, 40, GEN_FULL);
	struct counting c = {.fail_at = -1};
	swi_delivery *e = copy(src, counting_alloc, &c, false);
	swi_delivery *a = copy(src, NULL, NULL, true);
	OK(swi_person_remove(swi_delivery_first_person(a)));
	person(a, BSN_A);
	for (swi_person *p = swi_delivery_first_person(a); p; p = swi_person_next(p))
		OK(swi_person_set_int(p, SWI_K_BREDE_INTAKE_BEGINDATUM, 20260102));

	swi_diff *want = diff(e, a, 0);
	char *want_text = text_of(want);
	ck_assert_uint_gt(swi_diff_count(want), 40);
	swi_diff_free(want);
	long base = c.live;

	bool done = false, text_failed = false;
	long i;
	for (i = 0; !done; i++) {
		ck_assert_int_lt(i, 100000);
		c.calls = 0;
		c.injected = 0;
		c.fail_at = i;
		swi_diff *d = (swi_diff *)1;
		int rc = swi_delivery_diff(&d, e, a, 0);
		if (rc == SWI_ENOMEM) {
			ck_assert_ptr_null(d);
			ck_assert_int_gt(c.injected, 0);
			ck_assert_int_eq(c.live, base);
			continue;
		}
		OK(rc);
		swi_buffer *b = (swi_buffer *)1;
		rc = swi_diff_text(&b, d);
		if (rc == SWI_ENOMEM) {
			ck_assert_ptr_null(b);
			text_failed = true;
			swi_diff_free(d);
			ck_assert_int_eq(c.live, base);
			continue;
		}
		OK(rc);
		ck_assert_int_eq(c.injected, 0);
		ck_assert_str_eq(swi_buffer_data(b), want_text);
		swi_buffer_free(b);
		swi_diff_free(d);
		ck_assert_int_eq(c.live, base);
		done = true;
	}
	/* Both the diff and its text allocate through `expected`'s allocator:
	 * failures must have reached them. */
	ck_assert_int_gt(i, 1);
	ck_assert(text_failed);
	c.fail_at = -1;
	free(want_text);
	swi_delivery_free(a);
	swi_delivery_free(e);
	ck_assert_int_eq(c.live, 0);
	swi_delivery_free(src);
}
END_TEST

/* ---- size ------------------------------------------------------------ */

START_TEST(test_100k_persons)
{
	/* Two generated deliveries of 100,000 persons from the same seed are
	 * equal; a handful of changes give exactly their entries. */
	struct gen g;
	swi_delivery *e = gen_delivery(2026, 2), *a = gen_delivery(2026, 2);
	gen_seed(&g, 99);
	gen_persons(e, &g, 100000, 0);
	gen_seed(&g, 99);
	gen_persons(a, &g, 100000, 0);
	swi_diff *d = diff(e, a, 0);
	ck_assert_uint_eq(swi_diff_count(d), 0);
	swi_diff_free(d);

	OK(swi_person_remove(swi_delivery_first_person(a)));
	swi_person *p = swi_delivery_first_person(a);
	for (int i = 0; i < 50000; i++)
		p = swi_person_next(p);
	OK(swi_person_set_int(p, SWI_K_BREDE_INTAKE_BEGINDATUM, 20260401));
	OK(swi_person_set_int(p, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM, 7));
	person(a, BSN_A); /* gen_bsn never makes this one? checked below */
	d = diff(e, a, 0);
	size_t n = swi_diff_count(d);
	ck_assert_uint_ge(n, 3);
	ck_assert_uint_le(n, 4);
	ck_assert_int_eq(swi_diff_entry_kind(d, 0), SWI_DIFF_PERSON_MISSING);
	ck_assert_int_eq(swi_diff_expected_person(d, 0), 0);
	ck_assert_int_eq(swi_diff_entry_kind(d, n - 1), SWI_DIFF_PERSON_EXTRA);
	ck_assert_int_eq(swi_diff_actual_person(d, n - 1), 99999);
	swi_diff_free(d);
	swi_delivery_free(a);
	swi_delivery_free(e);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");
	tcase_add_test(tc, test_equal_in_another_order);
	tcase_add_test(tc, test_duplicate_records_pair_in_order);
	tcase_add_test(tc, test_person_kenmerk);
	tcase_add_test(tc, test_the_issues_example);
	tcase_add_test(tc, test_levering_kenmerk);
	tcase_add_test(tc, test_person_missing_and_extra);
	tcase_add_test(tc, test_records);
	tcase_add_test(tc, test_empty_sides);
	tcase_add_test(tc, test_masking);
	tcase_add_test(tc, test_arguments);
	tcase_add_test(tc, test_allocation_failure);
	suite_add_tcase(s, tc);
	TCase *big = tcase_create("big");
	tcase_set_timeout(big, 600);
	tcase_add_test(big, test_100k_persons);
	suite_add_tcase(s, big);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
