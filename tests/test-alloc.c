/*
 * Allocation failure: every allocation a delivery makes, from its creation
 * to the written XML, is made to fail once in turn. Each time the failing
 * call must return SWI_ENOMEM and change nothing, the delivery must stay
 * usable, and after freeing it no block may be left.
 *
 * Two modes per failure point: "once" fails only that allocation and then
 * repeats the failed call, so the run must still end in exactly the bytes
 * of an undisturbed run; "sticky" fails that allocation and every later
 * one, and the scenario stops at the first SWI_ENOMEM.
 */
#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

#include "generate.h"
#include "test-util.h"
#include "counting-alloc.h"

/* Passing ck_asserts write a mark point each; the scenario makes tens of
 * thousands of calls per run, and there are about a hundred runs. */

/* More persons than one person chunk (1024) and enough to grow the BSN
 * index several times and the record pool past one chunk. */
#define N_PERSONS 3000
#define N_SPARE 40 /* BSNs to change persons to */
#define N_BATCH 1100 /* persons added by one swi_delivery_add_batch(), past a chunk */

/* ---- the scenario ---------------------------------------------------- */

struct run {
	struct counting *c; /* NULL: the libc allocator (swi_delivery_new) */
	bool retry;         /* repeat a call that failed with SWI_ENOMEM */
	swi_delivery *d;
	int enomem;         /* SWI_ENOMEM returns seen */
};

static char bsns[N_PERSONS + N_SPARE + N_BATCH][10];

static void make_bsns(void)
{
	static bool done;
	if (done)
		return;
	struct gen g;
	gen_seed(&g, 4242);
	static uint32_t seen[N_PERSONS + N_SPARE + N_BATCH];
	for (int i = 0; i < N_PERSONS + N_SPARE + N_BATCH;) {
		uint32_t v = gen_bsn(&g);
		bool dup = false;
		for (int j = 0; j < i && !dup; j++)
			dup = seen[j] == v;
		if (dup)
			continue;
		seen[i] = v;
		gen_bsn_text(v, bsns[i++]);
	}
	done = true;
}

static long injected(const struct run *r)
{
	return r->c ? r->c->injected : 0;
}

/*
 * Judges the outcome of one call: SWI_OK without an injected failure, or
 * SWI_ENOMEM with one, recorded in the delivery. Returns true if the call
 * is to be repeated.
 */
static bool settle(struct run *r, int rc, long injected_before, const char *what, int i)
{
	bool failed = injected(r) > injected_before;
	if (rc == SWI_OK) {
		REQUIRE(!failed, "%s (person %d): an allocation failed, yet SWI_OK", what, i);
		return false;
	}
	REQUIRE(rc == SWI_ENOMEM, "%s (person %d): %d (%s): %s", what, i, rc, swi_strerror(rc),
		r->d ? swi_delivery_last_message(r->d) : "");
	REQUIRE(failed, "%s (person %d): SWI_ENOMEM but no allocation failed", what, i);
	if (r->d) {
		REQUIRE(swi_delivery_last_error(r->d) == SWI_ENOMEM,
			"%s (person %d): last_error %d after SWI_ENOMEM", what, i,
			swi_delivery_last_error(r->d));
		REQUIRE(swi_delivery_last_message(r->d)[0] != '\0', "%s: no message", what);
	}
	r->enomem++;
	return r->retry;
}

#define SET(r, expr)                                                                   \
	do {                                                                           \
		int rc_ = (expr);                                                      \
		REQUIRE(rc_ == SWI_OK, "%s: %d (%s): %s", #expr, rc_, swi_strerror(rc_), \
			swi_delivery_last_message((r)->d));                            \
	} while (0)

static int new_step(struct run *r)
{
	for (;;) {
		long before = injected(r);
		swi_delivery *d = (swi_delivery *)1;
		int rc = r->c ? swi_delivery_new_with_allocator(&d, counting_alloc, r->c)
			      : swi_delivery_new(&d);
		REQUIRE((rc == SWI_OK) == (d != NULL), "new: rc %d with d %p", rc, (void *)d);
		r->d = d;
		if (!settle(r, rc, before, "new", -1))
			return rc;
	}
}

static int add_person_step(struct run *r, swi_person **out, const char *bsn, int i)
{
	for (;;) {
		size_t count = swi_delivery_person_count(r->d);
		long before = injected(r);
		int rc = swi_delivery_add_person(out, r->d, bsn);
		if (rc == SWI_ENOMEM) {
			/* Nothing was changed: no person, no index entry. */
			swi_person *found = (swi_person *)1;
			REQUIRE(*out == NULL, "add_person: out set on failure");
			REQUIRE(swi_delivery_person_count(r->d) == count, "add_person: count changed");
			REQUIRE(swi_delivery_find_person(&found, r->d, bsn) == SWI_ENOTFOUND,
				"add_person: failed person %d findable", i);
		}
		if (!settle(r, rc, before, "add_person", i))
			return rc;
	}
}

static int add_record_step(struct run *r, swi_record **out, swi_person *p, swi_category kind,
			   int i)
{
	for (;;) {
		size_t count = swi_person_record_count(p, kind);
		long before = injected(r);
		int rc = swi_person_add_record(out, p, kind);
		if (rc == SWI_ENOMEM) {
			REQUIRE(*out == NULL, "add_record: out set on failure");
			REQUIRE(swi_person_record_count(p, kind) == count, "add_record: count changed");
		}
		if (!settle(r, rc, before, "add_record", i))
			return rc;
	}
}

/* The batch from its first entry not yet added: a refused (ENOMEM) person
 * is not added, the ones before it are, and the retry goes on from `done`. */
static int batch_step(struct run *r, size_t n_entries, const int32_t *e, size_t n_pairs,
		      const int32_t *k, const int32_t *v)
{
	size_t entry = 0, pair = 0;
	for (;;) {
		size_t count = swi_delivery_person_count(r->d), done = SIZE_MAX;
		long before = injected(r);
		int rc = swi_delivery_add_batch(r->d, n_entries - entry, e + 2 * entry, n_pairs - pair,
						k + pair, v + pair, &done);
		REQUIRE(done <= n_entries - entry, "add_batch: done %zu of %zu", done,
			n_entries - entry);
		size_t persons = 0;
		for (size_t i = entry; i < entry + done; i++) {
			persons += e[2 * i] == SWI_CATEGORY_PERSOON;
			pair += (size_t)e[2 * i + 1];
		}
		entry += done;
		REQUIRE(swi_delivery_person_count(r->d) == count + persons,
			"add_batch: %zu persons more, %zu entries done", 
			swi_delivery_person_count(r->d) - count, done);
		if (!settle(r, rc, before, "add_batch", (int)entry))
			return rc;
	}
}

static int write_step(struct run *r, swi_buffer **out)
{
	for (;;) {
		long before = injected(r);
		*out = (swi_buffer *)1;
		int rc = swi_delivery_write_buffer(out, r->d, 0);
		if (rc != SWI_OK)
			REQUIRE(*out == NULL, "write_buffer: out set on failure");
		if (!settle(r, rc, before, "write_buffer", -1))
			return rc;
	}
}

/*
 * Builds a delivery through every allocating path: persons (past chunk and
 * index growth), all record kinds (past a pool chunk), removals that feed
 * the free lists, BSN changes, and the XML writer into a buffer.
 * Returns SWI_OK, or SWI_ENOMEM where a non-retrying run stopped; r->d and
 * *out are then whatever exists, for the caller to free.
 */
static int scenario(struct run *r, swi_buffer **out)
{
	int rc, spare = 0;
	swi_person *prev = NULL;

	*out = NULL;
	r->d = NULL;
	make_bsns();
	if ((rc = new_step(r)) != SWI_OK)
		return rc;
	swi_delivery *d = r->d;
	SET(r, swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, 2026));
	SET(r, swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, 1));
	SET(r, swi_delivery_set_text(d, SWI_K_NAAM_SOFTWAREPAKKET, "and"));
	SET(r, swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "1.0&<alloc>"));
	SET(r, swi_delivery_set_int(d, SWI_K_BERICHTGEVERCODE, 153));
	SET(r, swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 153));

	for (int i = 0; i < N_PERSONS; i++) {
		swi_person *p;
		swi_record *rec;
		if ((rc = add_person_step(r, &p, bsns[i], i)) != SWI_OK)
			return rc;
		SET(r, swi_person_set_int(p, SWI_K_GEBOORTEDATUM, 19700101 + (i % 28)));
		SET(r, swi_person_set_int(p, SWI_K_GESLACHT, 1 + i % 3));
		SET(r, swi_person_set_int(p, SWI_K_TYPE_MIGRANT, 1 + i % 2));
		if (i % 4 == 0)
			SET(r, swi_person_set_int(p, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM, i % 10000));

		if ((rc = add_record_step(r, &rec, p, SWI_CATEGORY_PIP, i)) != SWI_OK)
			return rc;
		SET(r, swi_record_set_int(rec, SWI_K_PIP_DATUM, 20260102 + i % 27));
		SET(r, swi_record_set_int(rec, SWI_K_LEERROUTE_ROUTE, 1 + i % 3));
		if (i % 2 == 1) {
			if ((rc = add_record_step(r, &rec, p, SWI_CATEGORY_GESPREK, i)) != SWI_OK)
				return rc;
			SET(r, swi_record_set_date(rec, SWI_K_VOORTGANGSGESPREK_DATUM, 2026, 2, 1 + i % 28));
		}
		if (i % 3 == 0) {
			if ((rc = add_record_step(r, &rec, p, SWI_CATEGORY_BOETE, i)) != SWI_OK)
				return rc;
			SET(r, swi_record_set_int(rec, SWI_K_BOETE_DATUM, 20260301));
			SET(r, swi_record_set_int(rec, SWI_K_BOETE_REDEN, 1 + i % 2));
			SET(r, swi_record_set_int(rec, SWI_K_BOETE_BEDRAG, i % 1300));
		}
		/* A record that goes again, so later ones come from the free list. */
		if (i % 7 == 0) {
			if ((rc = add_record_step(r, &rec, p, SWI_CATEGORY_PIP, i)) != SWI_OK)
				return rc;
			SET(r, swi_record_remove(rec));
		}
		/* Now and then a person leaves, or gets another BSN. */
		if (i % 97 == 50 && prev)
			SET(r, swi_person_remove(prev));
		if (i % 89 == 3 && spare < N_SPARE)
			SET(r, swi_person_set_text(p, SWI_K_BURGERSERVICENUMMER,
						   bsns[N_PERSONS + spare++]));
		prev = p;
	}

	static int32_t e[2 * 3 * N_BATCH], k[9 * N_BATCH], v[9 * N_BATCH];
	size_t ne = 0, np = 0;
#define PAIR(kk, vv) (k[np] = (kk), v[np++] = (vv))
#define ENTRY(c, n) (e[2 * ne] = (c), e[2 * ne++ + 1] = (n))
	for (int i = 0; i < N_BATCH; i++) {
		ENTRY(SWI_CATEGORY_PERSOON, 4);
		PAIR(SWI_K_BURGERSERVICENUMMER, atoi(bsns[N_PERSONS + N_SPARE + i]));
		PAIR(SWI_K_GEBOORTEDATUM, 19800101 + i % 28);
		PAIR(SWI_K_GESLACHT, 1 + i % 3);
		PAIR(SWI_K_TYPE_MIGRANT, 1 + i % 2);
		ENTRY(SWI_CATEGORY_PIP, 2);
		PAIR(SWI_K_PIP_DATUM, 20260105 + i % 20);
		PAIR(SWI_K_LEERROUTE_ROUTE, 1 + i % 3);
		if (i % 3 == 0) {
			ENTRY(SWI_CATEGORY_BOETE, 3);
			PAIR(SWI_K_BOETE_DATUM, 20260301);
			PAIR(SWI_K_BOETE_REDEN, 1 + i % 2);
			PAIR(SWI_K_BOETE_BEDRAG, i % 1300);
		}
	}
#undef PAIR
#undef ENTRY
	if ((rc = batch_step(r, ne, e, np, k, v)) != SWI_OK)
		return rc;
	return write_step(r, out);
}

/* ---- tests ----------------------------------------------------------- */

struct bytes {
	char *data;
	size_t size;
};

static struct bytes copy_buffer(const swi_buffer *b)
{
	struct bytes out = {malloc(swi_buffer_size(b) + 1), swi_buffer_size(b)};
	REQUIRE(out.data != NULL, "out of memory in the test");
	memcpy(out.data, swi_buffer_data(b), out.size);
	return out;
}

/* The undisturbed run: its bytes and how many allocations it makes. */
static struct bytes reference(long *calls)
{
	struct counting c = {.fail_at = -1};
	struct run r = {.c = &c};
	swi_buffer *buf;
	ck_assert_int_eq(scenario(&r, &buf), SWI_OK);
	ck_assert_int_eq(r.enomem, 0);
	ck_assert_ptr_nonnull(buf);
	size_t removed = 0;
	for (int i = 1; i < N_PERSONS; i++)
		removed += i % 97 == 50;
	ck_assert_uint_eq(swi_delivery_person_count(r.d), N_PERSONS + N_BATCH - removed);
	struct bytes ref = copy_buffer(buf);
	*calls = c.calls;
	/* A buffer may outlive its delivery; it was allocated through c too. */
	long with_buffer = c.live;
	swi_delivery_free(r.d);
	ck_assert_int_gt(c.live, 0);
	ck_assert_int_lt(c.live, with_buffer);
	swi_buffer_free(buf);
	ck_assert_int_eq(c.live, 0);
	ck_assert_int_eq(c.bad_frees, 0);
	return ref;
}

START_TEST(test_reference_run)
{
	long calls;
	struct bytes ref = reference(&calls);
	/* Every growth path was taken: chunks, index, record pool, buffer. */
	ck_assert_int_gt(calls, 20);
	/* The buffer is NUL-terminated (buffer.c keeps room), but do not rely on it. */
	ref.data[ref.size] = '\0';
	ck_assert_ptr_nonnull(strstr(ref.data, "<VersieSoftwarepakket>1.0&amp;&lt;alloc&gt;<"));
	ck_assert_ptr_nonnull(strstr(ref.data, "</SWI>\n"));

	/* The allocator does not change the output. */
	struct run r = {.c = NULL};
	swi_buffer *buf;
	ck_assert_int_eq(scenario(&r, &buf), SWI_OK);
	ck_assert_uint_eq(swi_buffer_size(buf), ref.size);
	ck_assert(memcmp(swi_buffer_data(buf), ref.data, ref.size) == 0);
	swi_buffer_free(buf);
	swi_delivery_free(r.d);
	free(ref.data);
}
END_TEST

static void fail_each_allocation(bool sticky)
{
	long total;
	struct bytes ref = reference(&total);
	long i;
	for (i = 0;; i++) {
		struct counting c = {.fail_at = i, .sticky = sticky};
		struct run r = {.c = &c, .retry = !sticky};
		swi_buffer *buf = NULL;
		int rc = scenario(&r, &buf);

		if (c.injected == 0) {
			/* Past the last allocation: an undisturbed run again. */
			REQUIRE(rc == SWI_OK, "run %ld: %d", i, rc);
			REQUIRE(i == total, "the scenario made %ld allocations, now %ld", total, i);
		} else if (!sticky) {
			REQUIRE(rc == SWI_OK, "allocation %ld: the retried run ended in %d", i, rc);
			REQUIRE(r.enomem == 1, "allocation %ld: %d SWI_ENOMEM", i, r.enomem);
		} else {
			REQUIRE(rc == SWI_ENOMEM, "allocation %ld: the scenario ended in %d", i, rc);
			REQUIRE(buf == NULL, "allocation %ld: a buffer after failure", i);
		}
		if (rc == SWI_OK) {
			/* A failed call changed nothing: the same file as undisturbed. */
			REQUIRE(swi_buffer_size(buf) == ref.size &&
					memcmp(swi_buffer_data(buf), ref.data, ref.size) == 0,
				"allocation %ld: output differs from the undisturbed run", i);
		}
		swi_buffer_free(buf);
		swi_delivery_free(r.d);
		REQUIRE(c.live == 0, "allocation %ld failed: %ld blocks leaked", i, c.live);
		REQUIRE(c.bad_frees == 0, "allocation %ld failed: %ld bad frees", i, c.bad_frees);
		if (c.injected == 0)
			break;
	}
	ck_assert_int_eq(i, total);
	free(ref.data);
}

START_TEST(test_fail_once_and_retry)
{
	fail_each_allocation(false);
}
END_TEST

START_TEST(test_fail_from_then_on)
{
	fail_each_allocation(true);
}
END_TEST

START_TEST(test_new_fails)
{
	struct counting c = {.fail_at = 0};
	swi_delivery *d = (swi_delivery *)1;
	ck_assert_int_eq(swi_delivery_new_with_allocator(&d, counting_alloc, &c), SWI_ENOMEM);
	ck_assert_ptr_null(d);
	ck_assert_int_eq(c.injected, 1);
	ck_assert_int_eq(c.live, 0);
	ck_assert_int_eq(swi_delivery_new_with_allocator(NULL, counting_alloc, &c), SWI_EINVAL);
	d = (swi_delivery *)1;
	ck_assert_int_eq(swi_delivery_new_with_allocator(&d, NULL, &c), SWI_EINVAL);
	ck_assert_ptr_null(d);
	ck_assert_int_eq(c.live, 0);
}
END_TEST

/* A write that fails leaves the delivery as it was: it can be written later. */
START_TEST(test_write_fails_then_succeeds)
{
	struct counting c = {.fail_at = -1, .sticky = true};
	swi_delivery *d;
	swi_person *p;
	swi_record *r;
	ck_assert_int_eq(swi_delivery_new_with_allocator(&d, counting_alloc, &c), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, 2026), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, 1), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_NAAM_SOFTWAREPAKKET, "and"), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "1"), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_BERICHTGEVERCODE, 153), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 153), SWI_OK);
	ck_assert_int_eq(swi_delivery_add_person(&p, d, "123456782"), SWI_OK);
	ck_assert_int_eq(swi_person_set_int(p, SWI_K_GEBOORTEDATUM, 19800101), SWI_OK);
	ck_assert_int_eq(swi_person_set_int(p, SWI_K_GESLACHT, 2), SWI_OK);
	ck_assert_int_eq(swi_person_set_int(p, SWI_K_TYPE_MIGRANT, 1), SWI_OK);

	/* Everything from here on fails: no person, record or file. */
	c.fail_at = c.calls;
	long live = c.live;
	swi_buffer *buf = (swi_buffer *)1;
	ck_assert_int_eq(swi_delivery_write_buffer(&buf, d, 0), SWI_ENOMEM);
	ck_assert_ptr_null(buf);
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_ENOMEM);
	ck_assert_int_eq(c.live, live);
	ck_assert_int_eq(swi_person_add_record(&r, p, SWI_CATEGORY_PIP), SWI_ENOMEM);
	ck_assert_uint_eq(swi_person_record_count(p, SWI_CATEGORY_PIP), 0);
	/* Persons that come and go: slots run out at the end of the first
	 * chunk, and from then on every add must fail cleanly. */
	int failures = 0;
	struct gen g;
	gen_seed(&g, 5);
	for (int i = 0; i < 2000; i++) {
		char bsn[10];
		swi_person *q;
		gen_bsn_text(gen_bsn(&g), bsn);
		int rc = swi_delivery_add_person(&q, d, bsn);
		REQUIRE(rc == SWI_ENOMEM || rc == SWI_OK, "add %d: %d", i, rc);
		if (rc == SWI_OK)
			REQUIRE(swi_person_remove(q) == SWI_OK, "remove %d", i);
		else
			failures++;
	}
	ck_assert_int_gt(failures, 0);
	ck_assert_uint_eq(swi_delivery_person_count(d), 1);
	ck_assert_int_eq(c.live, live);

	/* Memory is back. */
	c.fail_at = -1;
	ck_assert_int_eq(swi_delivery_write_buffer(&buf, d, 0), SWI_OK);
	ck_assert_ptr_nonnull(strstr(swi_buffer_data(buf), "<Burgerservicenummer>123456782<"));
	swi_buffer_free(buf);
	swi_delivery_free(d);
	ck_assert_int_eq(c.live, 0);
	ck_assert_int_eq(c.bad_frees, 0);
}
END_TEST

static Suite *alloc_suite(void)
{
	Suite *s = suite_create("alloc");
	TCase *tc = tcase_create("alloc");
	tcase_add_test(tc, test_new_fails);
	tcase_add_test(tc, test_reference_run);
	tcase_add_test(tc, test_write_fails_then_succeeds);
	tcase_add_test(tc, test_fail_once_and_retry);
	tcase_add_test(tc, test_fail_from_then_on);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(alloc_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
