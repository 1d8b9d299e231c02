/*
 * The mirror report (spiegelrapport, guideline 4.2.1): every count against
 * small deliveries counted by hand, the counts of a generated delivery
 * against a recount through the public API, and the JSON and HTML
 * renderings (JSON checked by python3's parser, HTML for self-containment
 * and for the bars).
 */
#define _POSIX_C_SOURCE 200809L /* popen, pclose */

#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <swi/mirror.h>
#include <swi/swi.h>

#include "generate.h"
#include "test-util.h"

/* ---- fixtures --------------------------------------------------------- */

static void header(swi_delivery *d, int gemeente)
{
	OK(swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, 2026));
	OK(swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, 1));
	OK(swi_delivery_set_text(d, SWI_K_NAAM_SOFTWAREPAKKET, "and"));
	OK(swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "1.0"));
	OK(swi_delivery_set_int(d, SWI_K_BERICHTGEVERCODE, gemeente));
	OK(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, gemeente));
}

static swi_person *person(swi_delivery *d, const char *bsn, int type_migrant, int geslacht)
{
	swi_person *p;
	OK(swi_delivery_add_person(&p, d, bsn));
	if (type_migrant)
		OK(swi_person_set_int(p, SWI_K_TYPE_MIGRANT, type_migrant));
	if (geslacht)
		OK(swi_person_set_int(p, SWI_K_GESLACHT, geslacht));
	return p;
}

/* A PIP; 0 leaves datum, route or niveau empty. */
static swi_record *pip(swi_person *p, int32_t datum, int route, int niveau)
{
	swi_record *r;
	OK(swi_person_add_record(&r, p, SWI_CATEGORY_PIP));
	if (datum)
		OK(swi_record_set_int(r, SWI_K_PIP_DATUM, datum));
	if (route)
		OK(swi_record_set_int(r, SWI_K_LEERROUTE_ROUTE, route));
	if (niveau)
		OK(swi_record_set_int(r, SWI_K_LEERROUTE_NIVEAU, niveau));
	return r;
}

static void talk(swi_person *p, int32_t datum)
{
	swi_record *r;
	OK(swi_person_add_record(&r, p, SWI_CATEGORY_GESPREK));
	if (datum)
		OK(swi_record_set_int(r, SWI_K_VOORTGANGSGESPREK_DATUM, datum));
}

/* A fine; datum 0, reden 0 or bedrag -1 leave that kenmerk empty. */
static swi_record *fine(swi_person *p, int32_t datum, int reden, int bedrag)
{
	swi_record *r;
	OK(swi_person_add_record(&r, p, SWI_CATEGORY_BOETE));
	if (datum)
		OK(swi_record_set_int(r, SWI_K_BOETE_DATUM, datum));
	if (reden)
		OK(swi_record_set_int(r, SWI_K_BOETE_REDEN, reden));
	if (bedrag >= 0)
		OK(swi_record_set_int(r, SWI_K_BOETE_BEDRAG, bedrag));
	return r;
}

/*
 * Fixture A: Enschede (0153), 2026 Q1, five persons.
 *
 *  person  k11 k10  k9  k12 k15 k16   PIPs (datum route niveau extra)    talks     fines (datum reden bedrag)
 *  P1      1   1    x   x   x   0     a: x 1 1 k33;  b: x 3 -             -         x 1 250
 *  P2      1   2    x   -   -   -     c: x 1 2                            -         -
 *  P3      2   1    x   -   -   -     d: x 2 - k34                        x, x      x 2 0
 *  P4      2   2    x   -   x   -     e: x - -;  f: - 1 1                 -(no date) x 2 1000
 *  P5      2   3    -   -   -   -     -                                   -         - 1 9999;  x 2 -
 *
 * By hand:
 *  persons: 5; type 1: 2 (man 1, vrouw 1), type 2: 3 (man 1, vrouw 1,
 *    onbekend 1); man 2, vrouw 2, onbekend 1; nothing unfilled.
 *  filled: k8 5, k9 4, k10 5, k11 5, k12 1, k13 0, k15 2, k16 1 (0 is a value).
 *  PIPs: 6. route 1: a, c, f = 3 (niveau 1: a, f = 2; niveau 2: c = 1);
 *    route 2: d = 1 (niveau empty); route 3: b = 1 (niveau empty);
 *    route empty: e = 1 (niveau empty). niveau 1: 2, niveau 2: 1, empty: 3.
 *    k30 5 (not f), k31 5 (not e), k32 3, k33 1, k34 1.
 *  talks: 3 (P3 2, P4 1); k35 2.
 *  fines: 5. reden 1: P1 250 + P5 9999 = 2 fines, 10249;
 *    reden 2: P3 0 + P4 1000 + P5 (no amount) = 3 fines, 1000;
 *    all: 11249. k36 4, k37 5, k38 4 (the 0 counts as filled).
 */
static swi_delivery *fixture_a(void)
{
	swi_delivery *d;
	OK(swi_delivery_new(&d));
	header(d, 153);

	swi_person *p1 = person(d, "111222333", 1, 1);
	OK(swi_person_set_int(p1, SWI_K_GEBOORTEDATUM, 19900101));
	OK(swi_person_set_int(p1, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM, 20250101));
	OK(swi_person_set_int(p1, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250201));
	OK(swi_person_set_int(p1, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM, 0));
	swi_record *a = pip(p1, 20250301, 1, 1);
	OK(swi_record_set_int(a, SWI_K_LEERROUTE_BEGINDATUM, 20250401));
	pip(p1, 20250302, 3, 0);
	fine(p1, 20260110, 1, 250);

	swi_person *p2 = person(d, "123456782", 1, 2);
	OK(swi_person_set_int(p2, SWI_K_GEBOORTEDATUM, 19850505));
	pip(p2, 20250303, 1, 2);

	swi_person *p3 = person(d, "100023757", 2, 1);
	OK(swi_person_set_int(p3, SWI_K_GEBOORTEDATUM, 19800808));
	swi_record *dd = pip(p3, 20250304, 2, 0);
	OK(swi_record_set_int(dd, SWI_K_LEERROUTE_EINDDATUM, 20251231));
	talk(p3, 20260105);
	talk(p3, 20260205);
	fine(p3, 20260111, 2, 0);

	swi_person *p4 = person(d, "100039595", 2, 2);
	OK(swi_person_set_int(p4, SWI_K_GEBOORTEDATUM, 19951212));
	OK(swi_person_set_int(p4, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250601));
	pip(p4, 20250305, 0, 0);
	pip(p4, 0, 1, 1);
	talk(p4, 0);
	fine(p4, 20260112, 2, 1000);

	swi_person *p5 = person(d, "100126704", 2, 3);
	fine(p5, 0, 1, 9999);
	fine(p5, 20260113, 2, -1);
	return d;
}

/*
 * Fixture B: an unfinished delivery: no header, empty codes, a removed
 * person and a removed record.
 *
 *  Q1 111222333  k11 -  k10 -   fine: reden -, bedrag 50
 *  Q2 123456782  k11 1  k10 -   PIP (removed again); fine: reden 2, bedrag -
 *  Q3 100023757  k11 -  k10 2
 *  Q4 100039595  k11 2  k10 1   with a PIP and a talk, then removed
 *
 * By hand: persons 3; (-1,-1) Q1, (1,-1) Q2, (-1,2) Q3. Type empty 2,
 * geslacht empty 2, type 2: 0. PIPs 0, talks 0. Fines 2: reden empty 1
 * (50), reden 2 1 (no amount), reden 1 0; amount 50.
 * Header: only k3 (always 40) is filled.
 */
static swi_delivery *fixture_b(void)
{
	swi_delivery *d;
	OK(swi_delivery_new(&d));
	swi_person *q1 = person(d, "111222333", 0, 0);
	fine(q1, 20260110, 0, 50);
	swi_person *q2 = person(d, "123456782", 1, 0);
	OK(swi_record_remove(pip(q2, 20250301, 1, 1)));
	fine(q2, 20260110, 2, -1);
	person(d, "100023757", 0, 2);
	swi_person *q4 = person(d, "100039595", 2, 1);
	pip(q4, 20250301, 2, 0);
	talk(q4, 20260105);
	OK(swi_person_remove(q4));
	return d;
}

static swi_mirror *mirror_of(swi_delivery *d)
{
	swi_mirror *m = NULL;
	OK(swi_delivery_mirror(&m, d));
	ck_assert_ptr_nonnull(m);
	return m;
}

static char *render(int (*fn)(swi_buffer **, const swi_mirror *), const swi_mirror *m)
{
	swi_buffer *b = NULL;
	OK(fn(&b, m));
	ck_assert_ptr_nonnull(b);
	/* The text must be a C string of exactly its size. */
	ck_assert_uint_eq(strlen(swi_buffer_data(b)), swi_buffer_size(b));
	char *s = strdup(swi_buffer_data(b));
	ck_assert_ptr_nonnull(s);
	swi_buffer_free(b);
	return s;
}

/* ---- counts ----------------------------------------------------------- */

START_TEST(test_persons_by_hand)
{
	swi_delivery *d = fixture_a();
	swi_mirror *m = mirror_of(d);

	ck_assert_uint_eq(swi_mirror_persons(m, 0, 0), 5);
	ck_assert_uint_eq(swi_mirror_persons(m, 1, 0), 2);
	ck_assert_uint_eq(swi_mirror_persons(m, 2, 0), 3);
	ck_assert_uint_eq(swi_mirror_persons(m, -1, 0), 0);
	ck_assert_uint_eq(swi_mirror_persons(m, 0, 1), 2);
	ck_assert_uint_eq(swi_mirror_persons(m, 0, 2), 2);
	ck_assert_uint_eq(swi_mirror_persons(m, 0, 3), 1);
	ck_assert_uint_eq(swi_mirror_persons(m, 0, -1), 0);
	ck_assert_uint_eq(swi_mirror_persons(m, 1, 1), 1);
	ck_assert_uint_eq(swi_mirror_persons(m, 1, 2), 1);
	ck_assert_uint_eq(swi_mirror_persons(m, 1, 3), 0);
	ck_assert_uint_eq(swi_mirror_persons(m, 2, 1), 1);
	ck_assert_uint_eq(swi_mirror_persons(m, 2, 2), 1);
	ck_assert_uint_eq(swi_mirror_persons(m, 2, 3), 1);
	ck_assert_uint_eq(swi_mirror_persons(m, -1, -1), 0);
	ck_assert_uint_eq(swi_mirror_persons(m, 1, -1), 0);
	/* Outside the code lists: no persons, not all of them. */
	ck_assert_uint_eq(swi_mirror_persons(m, 3, 0), 0);
	ck_assert_uint_eq(swi_mirror_persons(m, 0, 4), 0);
	ck_assert_uint_eq(swi_mirror_persons(m, -2, 0), 0);
	ck_assert_uint_eq(swi_mirror_persons(m, 0, -2), 0);

	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_filled_by_hand)
{
	swi_delivery *d = fixture_a();
	swi_mirror *m = mirror_of(d);

	static const size_t want[SWI_KENMERK_LAST + 1] = {
		[1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 1, [6] = 1, [7] = 1,
		[8] = 5, [9] = 4, [10] = 5, [11] = 5, [12] = 1, [15] = 2, [16] = 1,
		[30] = 5, [31] = 5, [32] = 3, [33] = 1, [34] = 1,
		[35] = 2,
		[36] = 4, [37] = 5, [38] = 4,
	};
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++)
		ck_assert_msg(swi_mirror_filled(m, k) == want[k], "k%d: %zu, want %zu", k,
			      swi_mirror_filled(m, k), want[k]);
	ck_assert_uint_eq(swi_mirror_filled(m, 0), 0);
	ck_assert_uint_eq(swi_mirror_filled(m, 39), 0);
	ck_assert_uint_eq(swi_mirror_filled(m, -1), 0);

	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_records_by_hand)
{
	swi_delivery *d = fixture_a();
	swi_mirror *m = mirror_of(d);

	ck_assert_uint_eq(swi_mirror_pips(m, 0, 0), 6);
	ck_assert_uint_eq(swi_mirror_pips(m, 1, 0), 3);
	ck_assert_uint_eq(swi_mirror_pips(m, 1, 1), 2);
	ck_assert_uint_eq(swi_mirror_pips(m, 1, 2), 1);
	ck_assert_uint_eq(swi_mirror_pips(m, 1, -1), 0);
	ck_assert_uint_eq(swi_mirror_pips(m, 2, 0), 1);
	ck_assert_uint_eq(swi_mirror_pips(m, 2, -1), 1);
	ck_assert_uint_eq(swi_mirror_pips(m, 2, 1), 0);
	ck_assert_uint_eq(swi_mirror_pips(m, 3, 0), 1);
	ck_assert_uint_eq(swi_mirror_pips(m, 3, -1), 1);
	ck_assert_uint_eq(swi_mirror_pips(m, 3, 2), 0);
	ck_assert_uint_eq(swi_mirror_pips(m, -1, 0), 1);
	ck_assert_uint_eq(swi_mirror_pips(m, -1, -1), 1);
	ck_assert_uint_eq(swi_mirror_pips(m, -1, 1), 0);
	ck_assert_uint_eq(swi_mirror_pips(m, 0, 1), 2);
	ck_assert_uint_eq(swi_mirror_pips(m, 0, 2), 1);
	ck_assert_uint_eq(swi_mirror_pips(m, 0, -1), 3);
	ck_assert_uint_eq(swi_mirror_pips(m, 4, 0), 0);
	ck_assert_uint_eq(swi_mirror_pips(m, 0, 3), 0);

	ck_assert_uint_eq(swi_mirror_talks(m), 3);

	ck_assert_uint_eq(swi_mirror_fines(m, 0), 5);
	ck_assert_uint_eq(swi_mirror_fines(m, 1), 2);
	ck_assert_uint_eq(swi_mirror_fines(m, 2), 3);
	ck_assert_uint_eq(swi_mirror_fines(m, -1), 0);
	ck_assert_uint_eq(swi_mirror_fines(m, 3), 0);
	ck_assert_int_eq(swi_mirror_fine_amount(m, 0), 11249);
	ck_assert_int_eq(swi_mirror_fine_amount(m, 1), 10249);
	ck_assert_int_eq(swi_mirror_fine_amount(m, 2), 1000);
	ck_assert_int_eq(swi_mirror_fine_amount(m, -1), 0);
	ck_assert_int_eq(swi_mirror_fine_amount(m, 3), 0);

	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_unfilled_and_removed)
{
	swi_delivery *d = fixture_b();
	swi_mirror *m = mirror_of(d);

	ck_assert_uint_eq(swi_mirror_persons(m, 0, 0), 3);
	ck_assert_uint_eq(swi_mirror_persons(m, -1, 0), 2);
	ck_assert_uint_eq(swi_mirror_persons(m, 0, -1), 2);
	ck_assert_uint_eq(swi_mirror_persons(m, -1, -1), 1);
	ck_assert_uint_eq(swi_mirror_persons(m, 1, -1), 1);
	ck_assert_uint_eq(swi_mirror_persons(m, -1, 2), 1);
	ck_assert_uint_eq(swi_mirror_persons(m, 1, 0), 1);
	ck_assert_uint_eq(swi_mirror_persons(m, 2, 0), 0);
	ck_assert_uint_eq(swi_mirror_persons(m, 0, 1), 0);
	ck_assert_uint_eq(swi_mirror_persons(m, 0, 2), 1);

	ck_assert_uint_eq(swi_mirror_pips(m, 0, 0), 0);
	ck_assert_uint_eq(swi_mirror_pips(m, -1, -1), 0);
	ck_assert_uint_eq(swi_mirror_talks(m), 0);
	ck_assert_uint_eq(swi_mirror_fines(m, 0), 2);
	ck_assert_uint_eq(swi_mirror_fines(m, -1), 1);
	ck_assert_uint_eq(swi_mirror_fines(m, 1), 0);
	ck_assert_uint_eq(swi_mirror_fines(m, 2), 1);
	ck_assert_int_eq(swi_mirror_fine_amount(m, 0), 50);
	ck_assert_int_eq(swi_mirror_fine_amount(m, -1), 50);
	ck_assert_int_eq(swi_mirror_fine_amount(m, 2), 0);

	for (int k = 1; k <= 7; k++)
		ck_assert_uint_eq(swi_mirror_filled(m, k), k == SWI_K_STATISTIEKCODE);
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_BURGERSERVICENUMMER), 3);
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_GEBOORTEDATUM), 0);
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_GESLACHT), 1);
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_TYPE_MIGRANT), 1);
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_PIP_DATUM), 0);
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_VOORTGANGSGESPREK_DATUM), 0);
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_BOETE_DATUM), 2);
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_BOETE_REDEN), 1);
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_BOETE_BEDRAG), 1);

	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

/* A snapshot copies: later edits do not show, and it outlives the delivery. */
START_TEST(test_snapshot)
{
	swi_delivery *d = fixture_a();
	swi_mirror *m = mirror_of(d);
	swi_person *p;
	OK(swi_delivery_find_person(&p, d, "100126704"));
	OK(swi_person_remove(p));
	OK(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 1900));
	ck_assert_uint_eq(swi_mirror_persons(m, 0, 0), 5);
	ck_assert_uint_eq(swi_mirror_fines(m, 0), 5);

	swi_mirror *after = mirror_of(d);
	ck_assert_uint_eq(swi_mirror_persons(after, 0, 0), 4);
	ck_assert_uint_eq(swi_mirror_persons(after, 0, 3), 0);
	ck_assert_uint_eq(swi_mirror_fines(after, 0), 3);
	ck_assert_int_eq(swi_mirror_fine_amount(after, 0), 1250);

	swi_delivery_free(d);
	ck_assert_uint_eq(swi_mirror_persons(m, 2, 3), 1);
	ck_assert_uint_eq(swi_mirror_pips(m, 0, 0), 6);
	ck_assert_uint_eq(swi_mirror_talks(m), 3);
	ck_assert_int_eq(swi_mirror_fine_amount(m, 1), 10249);
	char *json = render(swi_mirror_json, m);
	ck_assert_ptr_nonnull(strstr(json, "\"gemeentecode\":\"0153\""));
	free(json);
	char *html = render(swi_mirror_html, after);
	ck_assert_ptr_nonnull(strstr(html, "(1900)"));
	free(html);
	swi_mirror_free(m);
	swi_mirror_free(after);
}
END_TEST

/* Counting allocator: everything made from the delivery goes through it. */
struct counter {
	long live, total;
	long fail_at; /* fail the allocation with this number (1-based); 0: never */
};

static void *counting_alloc(void *ud, void *ptr, size_t size)
{
	struct counter *c = ud;
	if (size == 0) {
		if (ptr)
			c->live--;
		free(ptr);
		return NULL;
	}
	if (c->fail_at && ++c->total >= c->fail_at)
		return NULL;
	void *q = realloc(ptr, size);
	if (q && !ptr)
		c->live++;
	return q;
}

START_TEST(test_allocator_after_free)
{
	struct counter c = {0};
	swi_delivery *d;
	OK(swi_delivery_new_with_allocator(&d, counting_alloc, &c));
	header(d, 153);
	person(d, "111222333", 1, 2);
	long before = c.live;
	swi_mirror *m = mirror_of(d);
	ck_assert_int_gt(c.live, before);
	swi_delivery_free(d);
	ck_assert_int_gt(c.live, 0);
	char *s = render(swi_mirror_html, m);
	free(s);
	s = render(swi_mirror_json, m);
	free(s);
	ck_assert_uint_eq(swi_mirror_persons(m, 1, 2), 1);
	swi_mirror_free(m);
	ck_assert_int_eq(c.live, 0);
}
END_TEST

/* Every allocation may fail: SWI_ENOMEM, NULL out, nothing leaked. */
START_TEST(test_out_of_memory)
{
	bool done = false;
	/* The JSON and the HTML must allocate through the delivery too: a
	 * failure must reach each of them at some n. */
	bool json_failed = false, html_failed = false;
	for (long n = 1; !done && n < 200; n++) {
		struct counter c = {0};
		swi_delivery *d;
		OK(swi_delivery_new_with_allocator(&d, counting_alloc, &c));
		header(d, 153);
		person(d, "111222333", 1, 2);
		c.total = 0;
		c.fail_at = n;

		swi_mirror *m = (swi_mirror *)1;
		swi_buffer *json = (swi_buffer *)1, *html = (swi_buffer *)1;
		int rc = swi_delivery_mirror(&m, d);
		if (rc == SWI_OK) {
			rc = swi_mirror_json(&json, m);
			if (rc == SWI_OK) {
				rc = swi_mirror_html(&html, m);
				if (rc == SWI_OK) {
					done = true;
				} else {
					ck_assert_ptr_null(html);
					html_failed = true;
				}
				swi_buffer_free(html);
				swi_buffer_free(json);
			} else {
				ck_assert_ptr_null(json);
				json_failed = true;
			}
			swi_mirror_free(m);
		} else {
			ck_assert_ptr_null(m);
			ck_assert_int_eq(swi_delivery_last_error(d), SWI_ENOMEM);
		}
		ck_assert_msg(done || rc == SWI_ENOMEM, "allocation %ld: %d", n, rc);
		swi_delivery_free(d);
		ck_assert_int_eq(c.live, 0);
	}
	ck_assert(done);
	ck_assert_msg(json_failed && html_failed, "JSON or HTML never saw a failed allocation");
}
END_TEST

START_TEST(test_null)
{
	swi_mirror *m = (swi_mirror *)1;
	ck_assert_int_eq(swi_delivery_mirror(&m, NULL), SWI_EINVAL);
	ck_assert_ptr_null(m);
	swi_delivery *d;
	OK(swi_delivery_new(&d));
	ck_assert_int_eq(swi_delivery_mirror(NULL, d), SWI_EINVAL);
	swi_delivery_free(d);

	swi_mirror_free(NULL);
	ck_assert_uint_eq(swi_mirror_persons(NULL, 0, 0), 0);
	ck_assert_uint_eq(swi_mirror_filled(NULL, 8), 0);
	ck_assert_uint_eq(swi_mirror_pips(NULL, 0, 0), 0);
	ck_assert_uint_eq(swi_mirror_talks(NULL), 0);
	ck_assert_uint_eq(swi_mirror_fines(NULL, 0), 0);
	ck_assert_int_eq(swi_mirror_fine_amount(NULL, 0), 0);

	swi_buffer *b = (swi_buffer *)1;
	ck_assert_int_eq(swi_mirror_json(&b, NULL), SWI_EINVAL);
	ck_assert_ptr_null(b);
	b = (swi_buffer *)1;
	ck_assert_int_eq(swi_mirror_html(&b, NULL), SWI_EINVAL);
	ck_assert_ptr_null(b);

	OK(swi_delivery_new(&d));
	m = mirror_of(d);
	ck_assert_int_eq(swi_mirror_json(NULL, m), SWI_EINVAL);
	ck_assert_int_eq(swi_mirror_html(NULL, m), SWI_EINVAL);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

/*
 * A generated delivery, with some persons and records removed, recounted
 * person by person through the public getters: the mirror must agree on
 * every cell.
 */
START_TEST(test_against_recount)
{
	swi_delivery *d = gen_delivery(2026, 1);
	struct gen g;
	gen_seed(&g, 7);
	gen_persons(d, &g, 600, 0);
	int i = 0;
	for (swi_person *p = swi_delivery_first_person(d), *next; p; p = next, i++) {
		next = swi_person_next(p);
		if (i % 7 == 0)
			OK(swi_person_remove(p));
		else if (i % 5 == 0 && swi_person_first_record(p, SWI_CATEGORY_PIP))
			OK(swi_record_remove(swi_person_first_record(p, SWI_CATEGORY_PIP)));
	}

	size_t persons[3][4] = {{0}}, pips[4][3] = {{0}}, filled[SWI_KENMERK_LAST + 1] = {0};
	size_t talks = 0, fines[3] = {0};
	int64_t amount[3] = {0};
	for (swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p)) {
		int32_t t = 0, s = 0;
		(void)swi_person_get_int(p, SWI_K_TYPE_MIGRANT, &t);
		(void)swi_person_get_int(p, SWI_K_GESLACHT, &s);
		persons[t][s]++;
		for (int k = 8; k <= 29; k++)
			filled[k] += swi_person_has(p, k) == 1;
		for (int kind = SWI_CATEGORY_PIP; kind <= SWI_CATEGORY_BOETE; kind++) {
			for (swi_record *r = swi_person_first_record(p, kind); r; r = swi_record_next(r)) {
				for (int k = 30; k <= 38; k++)
					filled[k] += swi_record_has(r, k) == 1;
				int32_t a = 0, b = 0;
				if (kind == SWI_CATEGORY_PIP) {
					(void)swi_record_get_int(r, SWI_K_LEERROUTE_ROUTE, &a);
					(void)swi_record_get_int(r, SWI_K_LEERROUTE_NIVEAU, &b);
					pips[a][b]++;
				} else if (kind == SWI_CATEGORY_GESPREK) {
					talks++;
				} else {
					(void)swi_record_get_int(r, SWI_K_BOETE_REDEN, &a);
					(void)swi_record_get_int(r, SWI_K_BOETE_BEDRAG, &b);
					fines[a]++;
					amount[a] += b;
				}
			}
		}
	}

	swi_mirror *m = mirror_of(d);
	for (int t = -1; t <= 2; t++) {
		for (int s = -1; s <= 3; s++) {
			size_t want = 0;
			for (int ti = 0; ti < 3; ti++)
				for (int si = 0; si < 4; si++)
					if ((t == 0 || ti == (t < 0 ? 0 : t)) &&
					    (s == 0 || si == (s < 0 ? 0 : s)))
						want += persons[ti][si];
			ck_assert_msg(swi_mirror_persons(m, t, s) == want, "persons(%d, %d)", t, s);
		}
	}
	for (int r = -1; r <= 3; r++) {
		for (int n = -1; n <= 2; n++) {
			size_t want = 0;
			for (int ri = 0; ri < 4; ri++)
				for (int ni = 0; ni < 3; ni++)
					if ((r == 0 || ri == (r < 0 ? 0 : r)) &&
					    (n == 0 || ni == (n < 0 ? 0 : n)))
						want += pips[ri][ni];
			ck_assert_msg(swi_mirror_pips(m, r, n) == want, "pips(%d, %d)", r, n);
		}
	}
	for (int k = 8; k <= 38; k++)
		ck_assert_msg(swi_mirror_filled(m, k) == filled[k], "k%d", k);
	ck_assert_uint_eq(swi_mirror_talks(m), talks);
	for (int r = 1; r <= 2; r++) {
		ck_assert_uint_eq(swi_mirror_fines(m, r), fines[r]);
		ck_assert_int_eq(swi_mirror_fine_amount(m, r), amount[r]);
	}
	ck_assert_uint_eq(swi_mirror_fines(m, 0), fines[0] + fines[1] + fines[2]);
	ck_assert_uint_eq(swi_mirror_persons(m, 0, 0), swi_delivery_person_count(d));
	/* The generator makes all kinds: the comparison is not vacuous. */
	ck_assert_uint_gt(talks, 0);
	ck_assert_uint_gt(fines[1] + fines[2], 0);
	ck_assert_uint_gt(pips[3][0], 0);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

/* ---- JSON ------------------------------------------------------------- */

/*
 * Feeds `json` to python3's json module and runs `checks` (Python
 * statements on the parsed object `d`, without single quotes). Returns
 * the exit status: 0 when it parsed and every assert held. Python's
 * traceback goes to stderr unless `quiet` (for the failures we expect).
 */
static int python_json(const char *json, const char *checks, bool quiet)
{
	char cmd[4096];
	int n = snprintf(cmd, sizeof(cmd),
			 "python3 -c 'import json, sys\nd = json.load(sys.stdin)\n%s\n'%s", checks,
			 quiet ? " 2>/dev/null" : "");
	ck_assert_int_lt(n, (int)sizeof(cmd));
	ck_assert_ptr_null(strchr(checks, '\''));
	FILE *f = popen(cmd, "w");
	ck_assert_ptr_nonnull(f);
	fputs(json, f);
	int status = pclose(f);
	ck_assert_msg(WIFEXITED(status), "python3 did not exit");
	return WEXITSTATUS(status);
}

START_TEST(test_json_parses_with_numbers)
{
	swi_delivery *d = fixture_a();
	swi_mirror *m = mirror_of(d);
	char *json = render(swi_mirror_json, m);

	ck_assert_int_eq(python_json(json, "assert isinstance(d, dict)", false), 0);
	ck_assert_int_ne(python_json("{\"a\":", "pass", true), 0); /* the check can fail */
	ck_assert_int_eq(python_json(json,
		"assert d[\"statistiekjaar\"] == 2026 and d[\"kwartaal\"] == 1\n"
		"assert d[\"berichtgevercode\"] == \"0153\" and d[\"gemeentecode\"] == \"0153\"\n"
		"assert d[\"gemeentenaam\"] == \"Enschede\"\n"
		"p = d[\"personen\"]\n"
		"assert p[\"totaal\"] == 5\n"
		"assert p[\"per_type_migrant\"] == {\"1\": 2, \"2\": 3, \"niet_ingevuld\": 0}, p\n"
		"assert p[\"per_geslacht\"] == {\"1\": 2, \"2\": 2, \"3\": 1, \"niet_ingevuld\": 0}, p\n"
		"assert p[\"per_type_en_geslacht\"][\"2\"] == "
		"{\"1\": 1, \"2\": 1, \"3\": 1, \"niet_ingevuld\": 0}, p\n"
		"assert p[\"per_type_en_geslacht\"][\"niet_ingevuld\"][\"1\"] == 0\n"
		"k = d[\"kenmerken\"]\n"
		"assert [e[\"kenmerk\"] for e in k] == list(range(1, 39))\n"
		"assert k[8] == {\"kenmerk\": 9, \"element\": \"Geboortedatum\", "
		"\"label\": \"Geboortedatum\", \"verplicht\": True, \"doelgroep\": \"alle\", "
		"\"gevuld\": 4, \"van\": 5}, k[8]\n"
		"assert k[11][\"doelgroep\"] == \"asiel\" and k[11][\"gevuld\"] == 1\n"
		"assert (k[11][\"gevuld_in_doelgroep\"], k[11][\"van_doelgroep\"]) == (1, 2), k[11]\n"
		"assert (k[32][\"gevuld_in_doelgroep\"], k[32][\"van_doelgroep\"]) == (1, 3), k[32]\n"
		"assert (k[34][\"gevuld_in_doelgroep\"], k[34][\"van_doelgroep\"]) == (2, 3), k[34]\n"
		"assert \"van_doelgroep\" not in k[14], k[14]\n"
		"assert (k[15][\"gevuld\"], k[15][\"van\"]) == (1, 5)\n"
		"assert (k[31][\"gevuld\"], k[31][\"van\"]) == (3, 6)\n"
		"assert (k[34][\"gevuld\"], k[34][\"van\"]) == (2, 3) and k[34][\"doelgroep\"] == \"gezin\"\n"
		"assert (k[37][\"gevuld\"], k[37][\"van\"]) == (4, 5)\n"
		"assert (k[0][\"gevuld\"], k[0][\"van\"]) == (1, 1)\n"
		"q = d[\"pips\"]\n"
		"assert q[\"totaal\"] == 6\n"
		"assert q[\"per_route\"] == {\"1\": 3, \"2\": 1, \"3\": 1, \"niet_ingevuld\": 1}, q\n"
		"assert q[\"per_niveau\"] == {\"1\": 2, \"2\": 1, \"niet_ingevuld\": 3}, q\n"
		"assert q[\"per_route_niveau\"][\"1\"] == {\"1\": 2, \"2\": 1, \"niet_ingevuld\": 0}\n"
		"assert q[\"per_route_niveau\"][\"niet_ingevuld\"][\"niet_ingevuld\"] == 1\n"
		"assert d[\"gesprekken\"] == 3\n"
		"b = d[\"boetes\"]\n"
		"assert b[\"totaal\"] == 5 and b[\"bedrag\"] == 11249, b\n"
		"assert b[\"per_reden\"] == {\"1\": {\"aantal\": 2, \"bedrag\": 10249}, "
		"\"2\": {\"aantal\": 3, \"bedrag\": 1000}, "
		"\"niet_ingevuld\": {\"aantal\": 0, \"bedrag\": 0}}, b", false), 0);

	/* Deterministic: the same delivery gives the same bytes. */
	swi_mirror *again = mirror_of(d);
	char *json2 = render(swi_mirror_json, again);
	ck_assert_str_eq(json, json2);
	free(json2);
	swi_mirror_free(again);

	free(json);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_json_unfilled)
{
	swi_delivery *d = fixture_b();
	swi_mirror *m = mirror_of(d);
	char *json = render(swi_mirror_json, m);
	ck_assert_int_eq(python_json(json,
		"assert d[\"statistiekjaar\"] is None and d[\"kwartaal\"] is None\n"
		"assert d[\"gemeentecode\"] is None and d[\"gemeentenaam\"] is None\n"
		"p = d[\"personen\"]\n"
		"assert p[\"per_type_migrant\"] == {\"1\": 1, \"2\": 0, \"niet_ingevuld\": 2}, p\n"
		"assert p[\"per_type_en_geslacht\"][\"niet_ingevuld\"] == "
		"{\"1\": 0, \"2\": 1, \"3\": 0, \"niet_ingevuld\": 1}, p\n"
		"assert d[\"pips\"][\"totaal\"] == 0 and d[\"gesprekken\"] == 0\n"
		"assert d[\"kenmerken\"][29][\"van\"] == 0\n"
		"assert d[\"boetes\"][\"per_reden\"][\"niet_ingevuld\"] == {\"aantal\": 1, \"bedrag\": 50}", false),
		0);
	free(json);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

/* Non-ASCII and quote characters from the municipality list survive. */
START_TEST(test_json_names)
{
	static const struct {
		int code;
		const char *check;
	} cases[] = {
		{1900, "assert d[\"gemeentenaam\"] == \"S\\u00fadwest-Frysl\\u00e2n\", d"},
		{796, "assert d[\"gemeentenaam\"] == \"\\u0027s-Hertogenbosch\", d"},
		{820, "assert d[\"gemeentenaam\"] == \"Nuenen, Gerwen en Nederwetten\", d"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		swi_delivery *d;
		OK(swi_delivery_new(&d));
		header(d, cases[i].code);
		swi_mirror *m = mirror_of(d);
		char *json = render(swi_mirror_json, m);
		ck_assert_int_eq(python_json(json, cases[i].check, false), 0);
		free(json);
		swi_mirror_free(m);
		swi_delivery_free(d);
	}
}
END_TEST

/* ---- HTML ------------------------------------------------------------- */

/* The table row of kenmerk k's bar, copied out of the page. */
static char *bar_row(const char *html, int k)
{
	char id[32];
	snprintf(id, sizeof(id), "<tr id=\"k%d\">", k);
	const char *start = strstr(html, id);
	ck_assert_msg(start != NULL, "no bar for k%d", k);
	const char *end = strstr(start, "</tr>");
	ck_assert_ptr_nonnull(end);
	return strndup(start, (size_t)(end - start));
}

static void assert_bar(const char *html, int k, const char *width, const char *text, bool gap)
{
	char *row = bar_row(html, k);
	char want[64];
	snprintf(want, sizeof(want), "style=\"width:%s\"", width);
	ck_assert_msg(strstr(row, want) != NULL, "k%d: no %s in %s", k, want, row);
	ck_assert_msg(strstr(row, text) != NULL, "k%d: no %s in %s", k, text, row);
	ck_assert_msg(strstr(row, swi_kenmerk_label(k)) != NULL, "k%d: no label in %s", k, row);
	snprintf(want, sizeof(want), "<td class=\"k\">%d</td>", k);
	ck_assert_msg(strstr(row, want) != NULL, "k%d: no number in %s", k, row);
	ck_assert_msg((strstr(row, "class=\"bar gap\"") != NULL) == gap, "k%d: gap %d in %s", k,
		      gap, row);
	free(row);
}

static void assert_self_contained(const char *html)
{
	static const char *const banned[] = {"http", "src=", "<script", "<link", "url(",
					     "@import", "@font-face", "<iframe", "<img",
					     "<object", "<embed", "onload="};
	for (size_t i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
		ck_assert_msg(strstr(html, banned[i]) == NULL, "page contains %s", banned[i]);
	ck_assert_ptr_eq(strstr(html, "<!DOCTYPE html>"), html);
	ck_assert_ptr_nonnull(strstr(html, "<html lang=\"nl\">"));
	ck_assert_ptr_nonnull(strstr(html, "<meta charset=\"utf-8\">"));
	ck_assert_ptr_nonnull(strstr(html, "</html>\n"));
}

START_TEST(test_html_fixture)
{
	swi_delivery *d = fixture_a();
	swi_mirror *m = mirror_of(d);
	char *html = render(swi_mirror_html, m);

	assert_self_contained(html);
	ck_assert_ptr_nonnull(strstr(html, "<title>Spiegelrapport SWI &ndash; Enschede (0153), "
					   "2026, kwartaal 1</title>"));
	/* Every person, PIP, talk and fine kenmerk has a bar; the header none. */
	for (int k = 8; k <= 38; k++)
		free(bar_row(html, k));
	ck_assert_ptr_null(strstr(html, "<tr id=\"k7\">"));

	assert_bar(html, SWI_K_GEBOORTEDATUM, "80.0%", "4/5 (80,0%)", true);
	assert_bar(html, SWI_K_BURGERSERVICENUMMER, "100.0%", "5/5 (100%)", false);
	assert_bar(html, SWI_K_BREDE_INTAKE_BEGINDATUM, "40.0%", "2/5 (40,0%)", false);
	/* Doelgroep-bound kenmerken against their doelgroep: 2 asielmigranten,
	 * 3 PIPs of asielmigranten, 3 talks of gezinsmigranten. */
	assert_bar(html, SWI_K_ONTZORGEN_BEGINDATUM, "0.0%", "0/2 asielmigranten (0%)", false);
	assert_bar(html, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM, "50.0%",
		   "1/2 asielmigranten (50,0%)", false);
	assert_bar(html, SWI_K_LEERROUTE_BEGINDATUM, "33.3%",
		   "1/3 PIP&#39;s van asielmigranten (33,3%)", false);
	assert_bar(html, SWI_K_PIP_DATUM, "83.3%", "5/6 (83,3%)", true);
	assert_bar(html, SWI_K_LEERROUTE_NIVEAU, "50.0%", "3/6 (50,0%)", false);
	assert_bar(html, SWI_K_VOORTGANGSGESPREK_DATUM, "66.7%",
		   "2/3 gesprekken van gezinsmigranten (66,7%)", true);
	assert_bar(html, SWI_K_BOETE_BEDRAG, "80.0%", "4/5 (80,0%)", true);
	assert_bar(html, SWI_K_BOETE_REDEN, "100.0%", "5/5 (100%)", false);
	/* The doelgroep note of k12 and k35 says who the kenmerk is for. */
	char *row = bar_row(html, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM);
	ck_assert_ptr_nonnull(strstr(row, "geldt alleen voor asielmigranten</span>"));
	free(row);
	row = bar_row(html, SWI_K_VOORTGANGSGESPREK_DATUM);
	ck_assert_ptr_nonnull(strstr(row, "geldt alleen voor gezins- en overige migranten</span>"));
	free(row);

	/* The tables: totals row of persons, a PIP cell, fines with euros. */
	ck_assert_ptr_nonnull(strstr(html, "<tr class=\"tot\"><th>Totaal</th><td class=\"n\">2</td>"
					   "<td class=\"n\">2</td><td class=\"n\">1</td>"
					   "<td class=\"n\">5</td></tr>"));
	ck_assert_ptr_nonnull(strstr(html, "Z-route <span class=\"code\">(3)</span></th>"
					   "<td class=\"n\">0</td><td class=\"n\">0</td>"
					   "<td class=\"n\">1</td><td class=\"n\">1</td></tr>"));
	ck_assert_ptr_nonnull(strstr(html, "<td class=\"n\">2</td><td class=\"n\">&euro;&nbsp;"
					   "10.249</td>"));
	ck_assert_ptr_nonnull(strstr(html, "<td class=\"n\">5</td><td class=\"n\">&euro;&nbsp;"
					   "11.249</td>"));
	/* A valid file has no unfilled k10/k11: no empty row or column. */
	ck_assert_ptr_null(strstr(html, "Type migrant niet ingevuld"));
	ck_assert_ptr_null(strstr(html, "Geslacht niet ingevuld"));
	ck_assert_ptr_null(strstr(html, "Reden niet ingevuld"));

	swi_mirror *again = mirror_of(d);
	char *html2 = render(swi_mirror_html, again);
	ck_assert_str_eq(html, html2);
	free(html2);
	swi_mirror_free(again);

	free(html);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_html_unfilled)
{
	swi_delivery *d = fixture_b();
	swi_mirror *m = mirror_of(d);
	char *html = render(swi_mirror_html, m);
	assert_self_contained(html);
	ck_assert_ptr_nonnull(strstr(html, "<title>Spiegelrapport SWI &ndash; onbekende gemeente, "
					   "jaar onbekend, kwartaal onbekend</title>"));
	ck_assert_ptr_nonnull(strstr(html, "Type migrant niet ingevuld"));
	ck_assert_ptr_nonnull(strstr(html, "Geslacht niet ingevuld"));
	ck_assert_ptr_nonnull(strstr(html, "Reden niet ingevuld"));
	assert_bar(html, SWI_K_PIP_DATUM, "0.0%", "0/0 (geen records)", false);
	assert_bar(html, SWI_K_GEBOORTEDATUM, "0.0%", "0/3 (0%)", true);
	free(html);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_html_escapes_names)
{
	swi_delivery *d;
	OK(swi_delivery_new(&d));
	header(d, 796);
	swi_mirror *m = mirror_of(d);
	char *html = render(swi_mirror_html, m);
	ck_assert_ptr_nonnull(strstr(html, "&#39;s-Hertogenbosch (0796)"));
	ck_assert_ptr_null(strstr(html, "'s-Hertogenbosch"));
	free(html);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

/*
 * Rounding: 2999 of 3000 is 99.97%, which must not read as complete, and
 * 1 of 3000 (0.03%) must not read as nothing. Counts get Dutch grouping.
 */
START_TEST(test_html_rounding)
{
	swi_delivery *d;
	OK(swi_delivery_new(&d));
	header(d, 153);
	struct gen g;
	gen_seed(&g, 11);
	for (int i = 0; i < 3000; i++) {
		char bsn[10];
		swi_person *p;
		do
			gen_bsn_text(gen_bsn(&g), bsn);
		while (swi_delivery_find_person(&p, d, bsn) == SWI_OK);
		p = person(d, bsn, 2, 1);
		if (i > 0)
			OK(swi_person_set_int(p, SWI_K_GEBOORTEDATUM, 19900101));
		if (i == 0)
			OK(swi_person_set_int(p, SWI_K_BREDE_INTAKE_BEGINDATUM, 20250101));
	}
	swi_mirror *m = mirror_of(d);
	char *html = render(swi_mirror_html, m);
	assert_bar(html, SWI_K_GEBOORTEDATUM, "99.9%", "2.999/3.000 (99,9%)", true);
	assert_bar(html, SWI_K_BREDE_INTAKE_BEGINDATUM, "0.1%", "1/3.000 (0,1%)", false);
	assert_bar(html, SWI_K_TYPE_MIGRANT, "100.0%", "3.000/3.000 (100%)", false);
	free(html);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

/*
 * A kenmerk for one doelgroep is measured against that doelgroep: 13 of
 * 13 asielmigranten among 20 persons is complete (100%, no gap), not
 * 13/20. A value outside the doelgroep (an SWI-020 error) is named, not
 * counted.
 */
START_TEST(test_html_doelgroep)
{
	swi_delivery *d;
	OK(swi_delivery_new(&d));
	header(d, 153);
	struct gen g;
	gen_seed(&g, 17);
	for (int i = 0; i < 20; i++) {
		char bsn[10];
		swi_person *p;
		do
			gen_bsn_text(gen_bsn(&g), bsn);
		while (swi_delivery_find_person(&p, d, bsn) == SWI_OK);
		p = person(d, bsn, i < 13 ? 1 : 2, 1);
		if (i < 13)
			OK(swi_person_set_int(p, SWI_K_ONTZORGEN_BEGINDATUM, 20250101));
		if (i < 5)
			OK(swi_person_set_int(p, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM,
					      20250101));
		if (i == 19)
			OK(swi_person_set_int(p, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM,
					      20250101));
		pip(p, 20250301, 1, 1);
	}
	swi_mirror *m = mirror_of(d);
	/* The API keeps counting every record that fills it. */
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_ONTZORGEN_BEGINDATUM), 13);
	ck_assert_uint_eq(swi_mirror_filled(m, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM), 6);
	char *html = render(swi_mirror_html, m);
	assert_bar(html, SWI_K_ONTZORGEN_BEGINDATUM, "100.0%", "13/13 asielmigranten (100%)", false);
	assert_bar(html, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM, "38.5%",
		   "5/13 asielmigranten (38,5%)", false);
	char *row = bar_row(html, SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM);
	ck_assert_ptr_nonnull(strstr(row, "ook ingevuld bij 1 record daarbuiten"));
	free(row);
	row = bar_row(html, SWI_K_ONTZORGEN_BEGINDATUM);
	ck_assert_ptr_null(strstr(row, "daarbuiten"));
	free(row);
	/* k33 against the 13 PIPs of asielmigranten; k34 (all) against all 20. */
	assert_bar(html, SWI_K_LEERROUTE_BEGINDATUM, "0.0%", "0/13 PIP&#39;s van asielmigranten (0%)",
		   false);
	assert_bar(html, SWI_K_LEERROUTE_EINDDATUM, "0.0%", "0/20 (0%)", false);
	/* No talks at all: k35 has nothing to measure against. */
	assert_bar(html, SWI_K_VOORTGANGSGESPREK_DATUM, "0.0%",
		   "0/0 gesprekken van gezinsmigranten (geen records)", false);
	free(html);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

/* The page names the file (escaped), the day it was made and the libswi version. */
START_TEST(test_html_source)
{
	swi_delivery *d = fixture_a();
	swi_mirror *m = mirror_of(d);
	swi_buffer *b = NULL;
	OK(swi_mirror_html_source(&b, m, "<b>SWI&'0153\".XML", 20261015));
	char *html = strndup(swi_buffer_data(b), swi_buffer_size(b));
	swi_buffer_free(b);
	assert_self_contained(html);
	ck_assert_ptr_nonnull(strstr(html, "Bestand <strong class=\"src\">&lt;b&gt;SWI&amp;&#39;0153"
					   "&quot;.XML</strong>"));
	ck_assert_ptr_null(strstr(html, "<b>SWI"));
	ck_assert_ptr_nonnull(strstr(html, "gemaakt op <span class=\"date\">15 oktober 2026</span>"));
	char version[64];
	snprintf(version, sizeof(version), "&middot; libswi %s</p>", swi_version());
	ck_assert_ptr_nonnull(strstr(html, version));
	/* The same inputs, the same page. */
	OK(swi_mirror_html_source(&b, m, "<b>SWI&'0153\".XML", 20261015));
	ck_assert_int_eq(swi_buffer_size(b), strlen(html));
	ck_assert_int_eq(memcmp(swi_buffer_data(b), html, strlen(html)), 0);
	swi_buffer_free(b);
	free(html);

	/* Without a source: no file line; 0 is today, with a date all the same. */
	html = render(swi_mirror_html, m);
	ck_assert_ptr_null(strstr(html, "Bestand <strong"));
	ck_assert_ptr_nonnull(strstr(html, "gemaakt op <span class=\"date\">"));
	ck_assert_ptr_nonnull(strstr(html, version));
	free(html);

	b = (swi_buffer *)1;
	ck_assert_int_eq(swi_mirror_html_source(&b, m, "x", 20260230), SWI_EDATE);
	ck_assert_ptr_null(b);
	b = (swi_buffer *)1;
	ck_assert_int_eq(swi_mirror_html_source(&b, m, "x", -1), SWI_EDATE);
	ck_assert_ptr_null(b);
	ck_assert_int_eq(swi_mirror_html_source(&b, NULL, "x", 0), SWI_EINVAL);
	ck_assert_int_eq(swi_mirror_html_source(NULL, m, "x", 0), SWI_EINVAL);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_html_generated)
{
	swi_delivery *d = gen_delivery(2026, 2);
	struct gen g;
	gen_seed(&g, 3);
	gen_persons(d, &g, 500, 0);
	swi_mirror *m = mirror_of(d);
	char *html = render(swi_mirror_html, m);
	assert_self_contained(html);
	ck_assert_ptr_nonnull(strstr(html, "Enschede (0153) &middot; 2026, kwartaal 2"));
	char text[64];
	snprintf(text, sizeof(text), "%zu/%zu (", swi_mirror_filled(m, SWI_K_PIP_DATUM),
		 swi_mirror_pips(m, 0, 0));
	char *row = bar_row(html, SWI_K_PIP_DATUM);
	ck_assert_msg(strstr(row, text) != NULL, "%s not in %s", text, row);
	free(row);
	/* Generated deliveries are valid: no required kenmerk is missing. */
	ck_assert_ptr_null(strstr(html, "class=\"bar gap\""));
	free(html);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

static Suite *mirror_suite(void)
{
	Suite *s = suite_create("mirror");

	TCase *tc = tcase_create("counts");
	tcase_add_test(tc, test_persons_by_hand);
	tcase_add_test(tc, test_filled_by_hand);
	tcase_add_test(tc, test_records_by_hand);
	tcase_add_test(tc, test_unfilled_and_removed);
	tcase_add_test(tc, test_snapshot);
	tcase_add_test(tc, test_allocator_after_free);
	tcase_add_test(tc, test_out_of_memory);
	tcase_add_test(tc, test_null);
	tcase_add_test(tc, test_against_recount);
	suite_add_tcase(s, tc);

	tc = tcase_create("json");
	tcase_add_test(tc, test_json_parses_with_numbers);
	tcase_add_test(tc, test_json_unfilled);
	tcase_add_test(tc, test_json_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("html");
	tcase_add_test(tc, test_html_fixture);
	tcase_add_test(tc, test_html_unfilled);
	tcase_add_test(tc, test_html_escapes_names);
	tcase_add_test(tc, test_html_rounding);
	tcase_add_test(tc, test_html_generated);
	tcase_add_test(tc, test_html_doelgroep);
	tcase_add_test(tc, test_html_source);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(mirror_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
