/*
 * The delivery tree: persons and their BSN index, records, the header,
 * the file name and the status strings.
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

/* BSNs that pass the 11-test (checked by eleven_test() below as well). */
#define BSN_A "123456782"
#define BSN_A_MASKED "*****6782"
#define BSN_B "111222333"
#define BSN_C "012345672"
#define BSN_C8 "12345672"
#define BSN_D "999999990"
#define BSN_E "100000009"

/* The 11-test of the guideline, written independently of the library. */
static bool eleven_test(const char *s)
{
	if (strlen(s) != 9)
		return false;
	int sum = 0;
	for (int i = 0; i < 9; i++)
		sum += (i < 8 ? 9 - i : -1) * (s[i] - '0');
	return sum % 11 == 0 && strcmp(s, "000000000") != 0;
}

static swi_delivery *new_delivery(void)
{
	swi_delivery *d = NULL;
	ck_assert_int_eq(swi_delivery_new(&d), SWI_OK);
	ck_assert_ptr_nonnull(d);
	return d;
}

static swi_person *add(swi_delivery *d, const char *bsn)
{
	swi_person *p = NULL;
	int rc = swi_delivery_add_person(&p, d, bsn);
	REQUIRE(rc == SWI_OK, "add_person(%s): %d %s", bsn, rc, swi_delivery_last_message(d));
	REQUIRE(p != NULL, "p is NULL");
	REQUIRE_PTR_EQ(swi_person_delivery(p), d);
	return p;
}

static void assert_bsn(const swi_person *p, const char *want)
{
	char buf[SWI_VALUE_MAX];
	REQUIRE_EQ(swi_person_get_text(p, SWI_K_BURGERSERVICENUMMER, buf, sizeof(buf)), SWI_OK);
	REQUIRE(strcmp(buf, want) == 0, "\"%s\" != \"%s\"", buf, want);
}

static swi_person *find(swi_delivery *d, const char *bsn)
{
	swi_person *p = (swi_person *)1;
	int rc = swi_delivery_find_person(&p, d, bsn);
	if (rc == SWI_ENOTFOUND) {
		REQUIRE_PTR_EQ(p, NULL);
		return NULL;
	}
	REQUIRE(rc == SWI_OK, "find_person(%s): %d", bsn, rc);
	REQUIRE(p != NULL, "p is NULL");
	return p;
}

/* Puts a known error into the slot, so tests can see whether a call touched it. */
static void prime_error_slot(swi_delivery *d)
{
	ck_assert_int_eq(swi_delivery_set_int(d, 0, 1), SWI_EKENMERK);
}

/* ---- BSN ------------------------------------------------------------ */

START_TEST(test_constants_pass_eleven_test)
{
	ck_assert(eleven_test(BSN_A));
	ck_assert(eleven_test(BSN_B));
	ck_assert(eleven_test(BSN_C));
	ck_assert(eleven_test(BSN_D));
	ck_assert(eleven_test(BSN_E));
	ck_assert(!eleven_test("123456789"));
}
END_TEST

START_TEST(test_bsn_leading_zero)
{
	swi_delivery *d = new_delivery();
	swi_person *p = add(d, BSN_C8);
	assert_bsn(p, BSN_C);
	int32_t v = 0;
	ck_assert_int_eq(swi_person_get_int(p, SWI_K_BURGERSERVICENUMMER, &v), SWI_OK);
	ck_assert_int_eq(v, 12345672);
	/* Both spellings are the same person. */
	ck_assert_ptr_eq(find(d, BSN_C8), p);
	ck_assert_ptr_eq(find(d, BSN_C), p);
	swi_person *dup = (swi_person *)1;
	ck_assert_int_eq(swi_delivery_add_person(&dup, d, BSN_C), SWI_EDUPLICATE);
	ck_assert_ptr_null(dup);
	ck_assert_int_eq(swi_delivery_person_count(d), 1);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_bsn_eleven_test)
{
	swi_delivery *d = new_delivery();
	swi_person *p = add(d, BSN_B);

	/* One digit changed anywhere always breaks the 11-test (11 is prime). */
	int variants = 0;
	for (int pos = 0; pos < 9; pos++) {
		for (char digit = '0'; digit <= '9'; digit++) {
			char bad[10];
			memcpy(bad, BSN_B, sizeof(bad));
			if (bad[pos] == digit)
				continue;
			bad[pos] = digit;
			ck_assert(!eleven_test(bad));
			swi_person *out = (swi_person *)1;
			int rc = swi_delivery_add_person(&out, d, bad);
			ck_assert_msg(rc == SWI_EBSN, "add_person(%s): %d, expected SWI_EBSN", bad, rc);
			ck_assert_ptr_null(out);
			ck_assert_int_eq(swi_delivery_last_error(d), SWI_EBSN);
			ck_assert_ptr_null(strstr(swi_delivery_last_message(d), bad));
			ck_assert_int_eq(swi_delivery_find_person(&out, d, bad), SWI_EBSN);
			/* The same through changing an existing person's BSN. */
			ck_assert_int_eq(swi_person_set_text(p, SWI_K_BURGERSERVICENUMMER, bad), SWI_EBSN);
			ck_assert_int_eq(swi_person_set_int(p, SWI_K_BURGERSERVICENUMMER, atoi(bad)),
					 SWI_EBSN);
			ck_assert_ptr_null(strstr(swi_delivery_last_message(d), bad));
			assert_bsn(p, BSN_B);
			variants++;
		}
	}
	ck_assert_int_eq(variants, 81);
	ck_assert_int_eq(swi_delivery_person_count(d), 1);
	ck_assert_ptr_eq(find(d, BSN_B), p);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_bsn_zero)
{
	swi_delivery *d = new_delivery();
	ck_assert_int_eq(swi_delivery_add_person(NULL, d, "000000000"), SWI_EBSN);
	ck_assert_int_eq(swi_delivery_add_person(NULL, d, "00000000"), SWI_EBSN);
	ck_assert_int_eq(swi_delivery_person_count(d), 0);
	swi_person *p = add(d, BSN_A);
	ck_assert_int_eq(swi_person_set_text(p, SWI_K_BURGERSERVICENUMMER, "000000000"), SWI_EBSN);
	ck_assert_int_eq(swi_person_set_int(p, SWI_K_BURGERSERVICENUMMER, 0), SWI_EBSN);
	assert_bsn(p, BSN_A);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_bsn_format)
{
	static const char *bad[] = {
		"11122233a", "1112223334", "1234567", "", " 11122233", "11122233 ", "111 22233",
		"-11122233", "+11122233", "1112223.3", "0x1234567", "12345678901234567890",
	};
	swi_delivery *d = new_delivery();
	swi_person *p = add(d, BSN_A);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		swi_person *out = (swi_person *)1;
		ck_assert_msg(swi_delivery_add_person(&out, d, bad[i]) == SWI_EFORMAT,
			      "add_person(\"%s\")", bad[i]);
		ck_assert_ptr_null(out);
		ck_assert_int_eq(swi_delivery_last_error(d), SWI_EFORMAT);
		ck_assert_msg(swi_person_set_text(p, SWI_K_BURGERSERVICENUMMER, bad[i]) == SWI_EFORMAT,
			      "set_text(k8, \"%s\")", bad[i]);
		assert_bsn(p, BSN_A);
	}
	ck_assert_int_eq(swi_delivery_person_count(d), 1);

	swi_person *out = (swi_person *)1;
	ck_assert_int_eq(swi_delivery_add_person(&out, d, NULL), SWI_EINVAL);
	ck_assert_ptr_null(out);
	out = (swi_person *)1;
	ck_assert_int_eq(swi_delivery_add_person(&out, NULL, BSN_B), SWI_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(swi_person_set_text(p, SWI_K_BURGERSERVICENUMMER, NULL), SWI_EINVAL);
	assert_bsn(p, BSN_A);
	/* out is optional. */
	ck_assert_int_eq(swi_delivery_add_person(NULL, d, BSN_B), SWI_OK);
	ck_assert_int_eq(swi_delivery_person_count(d), 2);
	swi_delivery_free(d);
}
END_TEST

/* Messages may end up in logs: a BSN is only ever shown masked. */
START_TEST(test_duplicate_message_masks_bsn)
{
	swi_delivery *d = new_delivery();
	swi_person *p = add(d, BSN_A);
	add(d, BSN_B);
	const char *msg;

	ck_assert_int_eq(swi_delivery_add_person(NULL, d, BSN_A), SWI_EDUPLICATE);
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_EDUPLICATE);
	msg = swi_delivery_last_message(d);
	ck_assert_msg(strstr(msg, BSN_A_MASKED) != NULL, "no masked BSN in \"%s\"", msg);
	ck_assert_msg(strstr(msg, BSN_A) == NULL, "full BSN in \"%s\"", msg);
	ck_assert_msg(strstr(msg, "12345") == NULL, "leading digits in \"%s\"", msg);
	ck_assert_int_eq(swi_delivery_person_count(d), 2);

	/* Every other failure about this person, too. */
	static const int want[] = {SWI_EDUPLICATE, SWI_EDUPLICATE, SWI_EREQUIRED,
				   SWI_EDATE,      SWI_ECODE,      SWI_ECATEGORY};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		int rc = 0;
		switch (i) {
		case 0: rc = swi_person_set_text(p, SWI_K_BURGERSERVICENUMMER, BSN_B); break;
		case 1: rc = swi_person_set_int(p, SWI_K_BURGERSERVICENUMMER, 111222333); break;
		case 2: rc = swi_person_unset(p, SWI_K_BURGERSERVICENUMMER); break;
		case 3: rc = swi_person_set_text(p, SWI_K_GEBOORTEDATUM, "20250229"); break;
		case 4: rc = swi_person_set_int(p, SWI_K_GESLACHT, 7); break;
		case 5: rc = swi_person_set_int(p, SWI_K_PIP_DATUM, 20260101); break;
		}
		ck_assert_int_eq(rc, want[i]);
		msg = swi_delivery_last_message(d);
		/* Setters name the record (delivery.h); unset need not. */
		if (i != 2)
			ck_assert_msg(strstr(msg, BSN_A_MASKED) != NULL,
				      "call %zu: no masked BSN in \"%s\"", i, msg);
		ck_assert_msg(strstr(msg, BSN_A) == NULL, "call %zu: full BSN in \"%s\"", i, msg);
		ck_assert_msg(strstr(msg, BSN_B) == NULL, "call %zu: other BSN in \"%s\"", i, msg);
	}
	/* A rejected new BSN (11-test) is not echoed either. */
	ck_assert_int_eq(swi_person_set_text(p, SWI_K_BURGERSERVICENUMMER, "123456783"), SWI_EBSN);
	ck_assert_ptr_null(strstr(swi_delivery_last_message(d), "123456783"));
	ck_assert_int_eq(swi_delivery_add_person(NULL, d, "123456783"), SWI_EBSN);
	ck_assert_ptr_null(strstr(swi_delivery_last_message(d), "123456783"));
	assert_bsn(p, BSN_A);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_find_person)
{
	swi_delivery *d = new_delivery();
	swi_person *a = add(d, BSN_A);
	swi_person *b = add(d, BSN_B);
	ck_assert_ptr_ne(a, b);
	ck_assert_ptr_eq(find(d, BSN_A), a);
	ck_assert_ptr_eq(find(d, BSN_B), b);
	ck_assert_ptr_null(find(d, BSN_D));
	ck_assert_ptr_null(find(d, BSN_C8));

	/* Not found is an answer, not an error: the slot keeps what it had. */
	prime_error_slot(d);
	char before[400];
	snprintf(before, sizeof(before), "%s", swi_delivery_last_message(d));
	ck_assert_ptr_null(find(d, BSN_D));
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_EKENMERK);
	ck_assert_str_eq(swi_delivery_last_message(d), before);
	/* And a successful call leaves it alone as well. */
	ck_assert_ptr_eq(find(d, BSN_A), a);
	ck_assert_int_eq(swi_person_set_int(a, SWI_K_GESLACHT, 2), SWI_OK);
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_EKENMERK);
	ck_assert_str_eq(swi_delivery_last_message(d), before);

	swi_person *out = (swi_person *)1;
	ck_assert_int_eq(swi_delivery_find_person(&out, d, "123456789"), SWI_EBSN);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(swi_delivery_find_person(NULL, d, BSN_A), SWI_EINVAL);
	out = (swi_person *)1;
	ck_assert_int_eq(swi_delivery_find_person(&out, NULL, BSN_A), SWI_EINVAL);
	ck_assert_ptr_null(out);
	out = (swi_person *)1;
	ck_assert_int_eq(swi_delivery_find_person(&out, d, NULL), SWI_EINVAL);
	ck_assert_ptr_null(out);

	/* An empty delivery has no index yet. */
	swi_delivery *empty = new_delivery();
	ck_assert_ptr_null(find(empty, BSN_A));
	swi_delivery_free(empty);
	swi_delivery_free(d);
}
END_TEST

/*
 * delivery.h: find_person returns SWI_EFORMAT for a text that is not 8 or
 * 9 digits (as add_person does), and never a handle then.
 */
START_TEST(test_find_person_malformed_text)
{
	swi_delivery *d = new_delivery();
	add(d, BSN_A);
	static const char *bad[] = {"12345678a", "1234567", "1234567890", ""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		swi_person *out = (swi_person *)1;
		int rc = swi_delivery_find_person(&out, d, bad[i]);
		ck_assert_msg(rc == SWI_EFORMAT, "find_person(\"%s\") gave %d (%s), documented SWI_EFORMAT",
			      bad[i], rc, swi_strerror(rc));
		ck_assert_ptr_null(out);
	}
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_change_bsn)
{
	swi_delivery *d = new_delivery();
	swi_person *a = add(d, BSN_A);
	swi_person *b = add(d, BSN_B);

	ck_assert_int_eq(swi_person_set_text(a, SWI_K_BURGERSERVICENUMMER, BSN_D), SWI_OK);
	assert_bsn(a, BSN_D);
	ck_assert_ptr_null(find(d, BSN_A));
	ck_assert_ptr_eq(find(d, BSN_D), a);
	ck_assert_ptr_eq(find(d, BSN_B), b);

	/* Onto another person's BSN: refused, nothing changes. */
	ck_assert_int_eq(swi_person_set_text(a, SWI_K_BURGERSERVICENUMMER, BSN_B), SWI_EDUPLICATE);
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_EDUPLICATE);
	ck_assert_int_eq(swi_person_set_int(a, SWI_K_BURGERSERVICENUMMER, 111222333), SWI_EDUPLICATE);
	assert_bsn(a, BSN_D);
	assert_bsn(b, BSN_B);
	ck_assert_ptr_eq(find(d, BSN_D), a);
	ck_assert_ptr_eq(find(d, BSN_B), b);

	/* Onto its own BSN: a no-op, not a duplicate. */
	ck_assert_int_eq(swi_person_set_text(a, SWI_K_BURGERSERVICENUMMER, BSN_D), SWI_OK);
	ck_assert_ptr_eq(find(d, BSN_D), a);

	/* The freed old BSN can be taken by someone else, and by int. */
	ck_assert_int_eq(swi_person_set_int(b, SWI_K_BURGERSERVICENUMMER, 123456782), SWI_OK);
	assert_bsn(b, BSN_A);
	ck_assert_ptr_eq(find(d, BSN_A), b);
	ck_assert_ptr_null(find(d, BSN_B));
	ck_assert_int_eq(swi_person_set_text(a, SWI_K_BURGERSERVICENUMMER, BSN_C8), SWI_OK);
	assert_bsn(a, BSN_C);
	ck_assert_ptr_eq(find(d, BSN_C), a);
	ck_assert_ptr_null(find(d, BSN_D));
	ck_assert_int_eq(swi_delivery_add_person(NULL, d, BSN_C), SWI_EDUPLICATE);
	ck_assert_int_eq(swi_delivery_add_person(NULL, d, BSN_D), SWI_OK);
	ck_assert_int_eq(swi_delivery_person_count(d), 3);

	/* k8 cannot be unset: the person would lose its key. */
	ck_assert_int_eq(swi_person_unset(a, SWI_K_BURGERSERVICENUMMER), SWI_EREQUIRED);
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_EREQUIRED);
	ck_assert_int_eq(swi_person_has(a, SWI_K_BURGERSERVICENUMMER), 1);
	assert_bsn(a, BSN_C);
	ck_assert_ptr_eq(find(d, BSN_C), a);

	/* Removal uses the current BSN, not the one the person was added with. */
	ck_assert_int_eq(swi_person_remove(a), SWI_OK);
	ck_assert_ptr_null(find(d, BSN_C));
	ck_assert_ptr_eq(find(d, BSN_A), b);
	ck_assert_int_eq(swi_delivery_add_person(NULL, d, BSN_C), SWI_OK);
	swi_delivery_free(d);
}
END_TEST

/* ---- removing persons, iteration ------------------------------------ */

static size_t collect(swi_delivery *d, swi_person **out, size_t max)
{
	size_t n = 0;
	for (swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p)) {
		REQUIRE(n < max, "n >= max");
		out[n++] = p;
	}
	return n;
}

START_TEST(test_remove_person)
{
	static const char *bsns[] = {BSN_A, BSN_B, BSN_C, BSN_D, BSN_E};
	swi_delivery *d = new_delivery();
	swi_person *p[5], *seen[8];
	swi_record *r;
	for (int i = 0; i < 5; i++) {
		p[i] = add(d, bsns[i]);
		ck_assert_int_eq(swi_person_set_int(p[i], SWI_K_GEBOORTEDATUM, 19900101 + i), SWI_OK);
		ck_assert_int_eq(swi_person_add_record(&r, p[i], SWI_CATEGORY_PIP), SWI_OK);
		ck_assert_int_eq(swi_record_set_int(r, SWI_K_PIP_DATUM, 20260101 + i), SWI_OK);
	}
	ck_assert_uint_eq(collect(d, seen, 8), 5);
	for (int i = 0; i < 5; i++)
		ck_assert_ptr_eq(seen[i], p[i]);

	/* The middle one. */
	ck_assert_int_eq(swi_person_remove(p[2]), SWI_OK);
	ck_assert_uint_eq(swi_delivery_person_count(d), 4);
	ck_assert_ptr_null(find(d, BSN_C));
	ck_assert_uint_eq(collect(d, seen, 8), 4);
	ck_assert_ptr_eq(seen[0], p[0]);
	ck_assert_ptr_eq(seen[1], p[1]);
	ck_assert_ptr_eq(seen[2], p[3]);
	ck_assert_ptr_eq(seen[3], p[4]);
	/* The others are untouched and still usable through their old handles. */
	for (int i = 0; i < 5; i++) {
		if (i == 2)
			continue;
		int32_t v;
		assert_bsn(p[i], bsns[i]);
		ck_assert_ptr_eq(find(d, bsns[i]), p[i]);
		ck_assert_int_eq(swi_person_get_int(p[i], SWI_K_GEBOORTEDATUM, &v), SWI_OK);
		ck_assert_int_eq(v, 19900101 + i);
		r = swi_person_first_record(p[i], SWI_CATEGORY_PIP);
		ck_assert_ptr_nonnull(r);
		ck_assert_ptr_eq(swi_record_person(r), p[i]);
		ck_assert_int_eq(swi_record_get_int(r, SWI_K_PIP_DATUM, &v), SWI_OK);
		ck_assert_int_eq(v, 20260101 + i);
		ck_assert_int_eq(swi_person_set_int(p[i], SWI_K_GESLACHT, 1), SWI_OK);
	}

	/* First and last. */
	ck_assert_int_eq(swi_person_remove(p[0]), SWI_OK);
	ck_assert_int_eq(swi_person_remove(p[4]), SWI_OK);
	ck_assert_uint_eq(swi_delivery_person_count(d), 2);
	ck_assert_ptr_eq(swi_delivery_first_person(d), p[1]);
	ck_assert_uint_eq(collect(d, seen, 8), 2);
	ck_assert_ptr_eq(seen[0], p[1]);
	ck_assert_ptr_eq(seen[1], p[3]);
	ck_assert_ptr_null(swi_person_next(p[3]));

	/* A removed BSN can come back, at the end. */
	swi_person *back = add(d, BSN_A);
	ck_assert_int_eq(swi_person_has(back, SWI_K_GEBOORTEDATUM), 0);
	ck_assert_uint_eq(swi_person_record_count(back, SWI_CATEGORY_PIP), 0);
	ck_assert_uint_eq(collect(d, seen, 8), 3);
	ck_assert_ptr_eq(seen[2], back);

	/* All of them. */
	while (swi_delivery_first_person(d))
		ck_assert_int_eq(swi_person_remove(swi_delivery_first_person(d)), SWI_OK);
	ck_assert_uint_eq(swi_delivery_person_count(d), 0);
	for (int i = 0; i < 5; i++)
		ck_assert_ptr_null(find(d, bsns[i]));

	ck_assert_int_eq(swi_person_remove(NULL), SWI_EINVAL);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_remove_while_iterating)
{
	struct gen g;
	gen_seed(&g, 7);
	swi_delivery *d = new_delivery();
	enum { N = 3000 }; /* more than two person chunks */
	static swi_person *p[N];
	static char bsn[N][10];
	for (int i = 0; i < N; i++) {
		do
			gen_bsn_text(gen_bsn(&g), bsn[i]);
		while (find(d, bsn[i]));
		p[i] = add(d, bsn[i]);
	}
	/* Remove every third person, including the very first and last. */
	int i = 0;
	for (swi_person *it = swi_delivery_first_person(d), *next; it; it = next, i++) {
		next = swi_person_next(it);
		REQUIRE_PTR_EQ(it, p[i]);
		if (i % 3 == 0 || i == N - 1)
			REQUIRE_EQ(swi_person_remove(it), SWI_OK);
	}
	REQUIRE_EQ(i, N);
	size_t left = 0;
	for (int j = 0; j < N; j++)
		left += !(j % 3 == 0 || j == N - 1);
	REQUIRE_EQ(swi_delivery_person_count(d), left);

	i = 0;
	for (swi_person *it = swi_delivery_first_person(d); it; it = swi_person_next(it)) {
		while (i % 3 == 0 || i == N - 1)
			i++;
		REQUIRE_PTR_EQ(it, p[i]);
		assert_bsn(it, bsn[i]);
		i++;
	}
	for (int j = 0; j < N; j++) {
		bool removed = j % 3 == 0 || j == N - 1;
		REQUIRE_PTR_EQ(find(d, bsn[j]), removed ? NULL : p[j]);
	}
	swi_delivery_free(d);
}
END_TEST

/* ---- many persons: the BSN index ------------------------------------ */

/* A set of BSNs for the test's own bookkeeping (not the library's index). */
struct bsn_set {
	uint32_t *slot;
	size_t cap;
};

static bool set_insert(struct bsn_set *s, uint32_t bsn)
{
	size_t i = (bsn ^ (bsn >> 13)) * 2654435761u % s->cap;
	while (s->slot[i]) {
		if (s->slot[i] == bsn)
			return false;
		i = (i + 1) % s->cap;
	}
	s->slot[i] = bsn;
	return true;
}

START_TEST(test_many_persons)
{
	enum { N = 100000 };
	struct gen g;
	gen_seed(&g, 2026);
	struct bsn_set seen = {calloc(4 * N, sizeof(uint32_t)), 4 * N};
	char (*bsn)[10] = malloc(N * sizeof(*bsn));
	swi_person **p = malloc(N * sizeof(*p));
	ck_assert(seen.slot && bsn && p);
	swi_delivery *d = new_delivery();

	size_t dups = 0;
	for (int i = 0; i < N;) {
		uint32_t v = gen_bsn(&g);
		char text[10];
		gen_bsn_text(v, text);
		if (!set_insert(&seen, v)) {
			/* The generator repeats itself now and then: a free duplicate test. */
			REQUIRE_EQ(swi_delivery_add_person(NULL, d, text), SWI_EDUPLICATE);
			dups++;
			continue;
		}
		memcpy(bsn[i], text, sizeof(text));
		p[i] = add(d, text);
		i++;
	}
	REQUIRE_EQ(swi_delivery_person_count(d), N);
	for (int i = 0; i < N; i++)
		REQUIRE_PTR_EQ(find(d, bsn[i]), p[i]);

	/* Removing every other one exercises deletion inside probe chains. */
	for (int i = 0; i < N; i += 2)
		REQUIRE_EQ(swi_person_remove(p[i]), SWI_OK);
	REQUIRE_EQ(swi_delivery_person_count(d), N / 2);
	for (int i = 0; i < N; i++) {
		swi_person *got = find(d, bsn[i]);
		if (i % 2)
			REQUIRE(got == p[i], "person %d (%s) lost after removals", i, bsn[i]);
		else
			REQUIRE(got == NULL, "removed person %d (%s) still found", i, bsn[i]);
	}
	int i = 1;
	for (swi_person *it = swi_delivery_first_person(d); it; it = swi_person_next(it), i += 2) {
		REQUIRE(i < N, "i >= N");
		REQUIRE_PTR_EQ(it, p[i]);
	}
	REQUIRE_EQ(i, N + 1);

	/* The removed ones come back; then everyone must be findable again. */
	for (int j = 0; j < N; j += 2)
		p[j] = add(d, bsn[j]);
	REQUIRE_EQ(swi_delivery_person_count(d), N);
	for (int j = 0; j < N; j++) {
		REQUIRE_PTR_EQ(find(d, bsn[j]), p[j]);
		assert_bsn(p[j], bsn[j]);
	}
	ck_assert_uint_gt(dups, 0);
	swi_delivery_free(d);
	free(p);
	free(bsn);
	free(seen.slot);
}
END_TEST

/*
 * Random adds, removals, BSN changes and lookups over a small pool of BSNs,
 * checked against a plain model after every step: dense probe chains with
 * many deletions are where an open-addressing index goes wrong.
 */
START_TEST(test_index_against_model)
{
	enum { POOL = 2048, STEPS = 200000 };
	struct gen g;
	gen_seed(&g, 99);
	static char bsn[POOL][10];
	static swi_person *owner[POOL]; /* model: which person has pool BSN i */
	struct bsn_set seen = {calloc(4 * POOL, sizeof(uint32_t)), 4 * POOL};
	ck_assert_ptr_nonnull(seen.slot);
	for (int i = 0; i < POOL;) {
		uint32_t v = gen_bsn(&g);
		if (set_insert(&seen, v))
			gen_bsn_text(v, bsn[i++]);
	}
	free(seen.slot);
	memset(owner, 0, sizeof(owner));

	swi_delivery *d = new_delivery();
	size_t live = 0;
	for (int step = 0; step < STEPS; step++) {
		int i = gen_range(&g, 0, POOL - 1);
		int op = gen_range(&g, 0, 9);
		if (!owner[i]) {
			owner[i] = add(d, bsn[i]);
			live++;
		} else if (op < 3) {
			REQUIRE_EQ(swi_person_remove(owner[i]), SWI_OK);
			owner[i] = NULL;
			live--;
		} else if (op < 6) {
			int j = gen_range(&g, 0, POOL - 1);
			int rc = swi_person_set_text(owner[i], SWI_K_BURGERSERVICENUMMER, bsn[j]);
			if (j == i) {
				REQUIRE_EQ(rc, SWI_OK);
			} else if (owner[j]) {
				REQUIRE_EQ(rc, SWI_EDUPLICATE);
			} else {
				REQUIRE_EQ(rc, SWI_OK);
				owner[j] = owner[i];
				owner[i] = NULL;
			}
		} else {
			REQUIRE_EQ(swi_delivery_add_person(NULL, d, bsn[i]), SWI_EDUPLICATE);
		}
		REQUIRE_PTR_EQ(find(d, bsn[i]), owner[i]);
		if (step % 500 == 0 || step == STEPS - 1) {
			REQUIRE_EQ(swi_delivery_person_count(d), live);
			for (int j = 0; j < POOL; j++)
				REQUIRE(find(d, bsn[j]) == owner[j], "step %d: BSN %s", step,
					      bsn[j]);
			size_t n = 0;
			for (swi_person *it = swi_delivery_first_person(d); it; it = swi_person_next(it))
				n++;
			REQUIRE_EQ(n, live);
		}
	}
	swi_delivery_free(d);
}
END_TEST

/*
 * Deletion where a probe chain wraps from the end of the index to its
 * start only happens near the last slots; in a large table that is rare.
 * Small deliveries keep the index small (and half full), so many of them,
 * emptied in random order, run through the wrap-around case often.
 */
START_TEST(test_index_small_tables)
{
	enum { TRIALS = 3000, MAX = 31 };
	struct gen g;
	gen_seed(&g, 31);
	for (int t = 0; t < TRIALS; t++) {
		char bsn[MAX][10];
		swi_person *p[MAX];
		bool gone[MAX] = {false};
		int n = gen_range(&g, 8, MAX);
		swi_delivery *d = new_delivery();
		for (int i = 0; i < n; i++) {
			do
				gen_bsn_text(gen_bsn(&g), bsn[i]);
			while (find(d, bsn[i]));
			p[i] = add(d, bsn[i]);
		}
		for (int left = n; left > 0; left--) {
			int k = gen_range(&g, 0, left - 1), i;
			for (i = 0; gone[i] || k--; i++)
				;
			REQUIRE_EQ(swi_person_remove(p[i]), SWI_OK);
			gone[i] = true;
			for (int j = 0; j < n; j++)
				REQUIRE(find(d, bsn[j]) == (gone[j] ? NULL : p[j]),
					"trial %d: after removing %s, %s is %s", t, bsn[i], bsn[j],
					gone[j] ? "still found" : "lost");
		}
		REQUIRE_EQ(swi_delivery_person_count(d), 0);
		swi_delivery_free(d);
	}
}
END_TEST

/* ---- records -------------------------------------------------------- */

static void assert_kind_order(const swi_person *p, swi_category kind, swi_record *const *want,
			      size_t n)
{
	REQUIRE_EQ(swi_person_record_count(p, kind), n);
	swi_record *r = swi_person_first_record(p, kind);
	for (size_t i = 0; i < n; i++, r = swi_record_next(r)) {
		REQUIRE(r == want[i], "kind %d, record %zu out of order", kind, i);
		REQUIRE_EQ(swi_record_kind(r), kind);
		REQUIRE_PTR_EQ(swi_record_person(r), p);
	}
	REQUIRE_PTR_EQ(r, NULL);
}

START_TEST(test_records)
{
	swi_delivery *d = new_delivery();
	swi_person *p = add(d, BSN_A);
	swi_record *pip[3], *gsp[2], *boe[1];

	/* Interleaved, so a next() that ignores the kind would show. */
	ck_assert_int_eq(swi_person_add_record(&pip[0], p, SWI_CATEGORY_PIP), SWI_OK);
	ck_assert_int_eq(swi_person_add_record(&gsp[0], p, SWI_CATEGORY_GESPREK), SWI_OK);
	ck_assert_int_eq(swi_person_add_record(&boe[0], p, SWI_CATEGORY_BOETE), SWI_OK);
	ck_assert_int_eq(swi_person_add_record(&pip[1], p, SWI_CATEGORY_PIP), SWI_OK);
	ck_assert_int_eq(swi_person_add_record(&gsp[1], p, SWI_CATEGORY_GESPREK), SWI_OK);
	ck_assert_int_eq(swi_person_add_record(&pip[2], p, SWI_CATEGORY_PIP), SWI_OK);

	assert_kind_order(p, SWI_CATEGORY_PIP, pip, 3);
	assert_kind_order(p, SWI_CATEGORY_GESPREK, gsp, 2);
	assert_kind_order(p, SWI_CATEGORY_BOETE, boe, 1);
	ck_assert_ptr_null(swi_record_next(boe[0]));

	/* A new record is empty, including the boete amount where 0 is a value. */
	for (int k = SWI_K_PIP_DATUM; k <= SWI_K_LEERROUTE_EINDDATUM; k++)
		ck_assert_int_eq(swi_record_has(pip[0], k), 0);
	ck_assert_int_eq(swi_record_has(gsp[0], SWI_K_VOORTGANGSGESPREK_DATUM), 0);
	for (int k = SWI_K_BOETE_DATUM; k <= SWI_K_BOETE_BEDRAG; k++)
		ck_assert_int_eq(swi_record_has(boe[0], k), 0);

	/* Values stay with their record. */
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(swi_record_set_int(pip[i], SWI_K_PIP_DATUM, 20260101 + i), SWI_OK);
	ck_assert_int_eq(swi_record_set_int(boe[0], SWI_K_BOETE_BEDRAG, 0), SWI_OK);
	ck_assert_int_eq(swi_record_set_int(gsp[1], SWI_K_PIP_DATUM, 20260101), SWI_ECATEGORY);
	ck_assert_int_eq(swi_record_set_int(pip[0], SWI_K_VOORTGANGSGESPREK_DATUM, 20260101),
			 SWI_ECATEGORY);
	ck_assert_int_eq(swi_record_set_int(pip[0], SWI_K_BOETE_BEDRAG, 5), SWI_ECATEGORY);
	for (int i = 0; i < 3; i++) {
		int32_t v;
		ck_assert_int_eq(swi_record_get_int(pip[i], SWI_K_PIP_DATUM, &v), SWI_OK);
		ck_assert_int_eq(v, 20260101 + i);
	}

	/* Kinds that are no record. */
	static const int bad[] = {0, SWI_CATEGORY_LEVERING, SWI_CATEGORY_PERSOON, 6, -1, 255};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		swi_record *out = (swi_record *)1;
		prime_error_slot(d);
		ck_assert_int_eq(swi_person_add_record(&out, p, (swi_category)bad[i]), SWI_EINVAL);
		ck_assert_ptr_null(out);
		ck_assert_int_eq(swi_delivery_last_error(d), SWI_EINVAL);
		ck_assert_uint_eq(swi_person_record_count(p, (swi_category)bad[i]), 0);
		ck_assert_ptr_null(swi_person_first_record(p, (swi_category)bad[i]));
	}
	assert_kind_order(p, SWI_CATEGORY_PIP, pip, 3);
	assert_kind_order(p, SWI_CATEGORY_GESPREK, gsp, 2);
	assert_kind_order(p, SWI_CATEGORY_BOETE, boe, 1);

	/* out is optional. */
	ck_assert_int_eq(swi_person_add_record(NULL, p, SWI_CATEGORY_BOETE), SWI_OK);
	ck_assert_uint_eq(swi_person_record_count(p, SWI_CATEGORY_BOETE), 2);

	/* NULL everywhere. */
	swi_record *out = (swi_record *)1;
	ck_assert_int_eq(swi_person_add_record(&out, NULL, SWI_CATEGORY_PIP), SWI_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(swi_person_record_count(NULL, SWI_CATEGORY_PIP), 0);
	ck_assert_ptr_null(swi_person_first_record(NULL, SWI_CATEGORY_PIP));
	ck_assert_ptr_null(swi_record_next(NULL));
	ck_assert_int_eq(swi_record_kind(NULL), 0);
	ck_assert_ptr_null(swi_record_person(NULL));
	ck_assert_int_eq(swi_record_remove(NULL), SWI_EINVAL);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_record_remove)
{
	swi_delivery *d = new_delivery();
	swi_person *p = add(d, BSN_A);
	swi_record *pip[5], *gsp[3];
	for (int i = 0; i < 5; i++) {
		ck_assert_int_eq(swi_person_add_record(&pip[i], p, SWI_CATEGORY_PIP), SWI_OK);
		ck_assert_int_eq(swi_record_set_int(pip[i], SWI_K_PIP_DATUM, 20260101 + i), SWI_OK);
		if (i < 3) {
			ck_assert_int_eq(swi_person_add_record(&gsp[i], p, SWI_CATEGORY_GESPREK),
					 SWI_OK);
			ck_assert_int_eq(swi_record_set_int(gsp[i], SWI_K_VOORTGANGSGESPREK_DATUM,
							    20260201 + i), SWI_OK);
		}
	}

	/* Middle, first, last; the other kind must not notice. */
	ck_assert_int_eq(swi_record_remove(pip[2]), SWI_OK);
	swi_record *want1[] = {pip[0], pip[1], pip[3], pip[4]};
	assert_kind_order(p, SWI_CATEGORY_PIP, want1, 4);
	assert_kind_order(p, SWI_CATEGORY_GESPREK, gsp, 3);

	ck_assert_int_eq(swi_record_remove(pip[0]), SWI_OK);
	swi_record *want2[] = {pip[1], pip[3], pip[4]};
	assert_kind_order(p, SWI_CATEGORY_PIP, want2, 3);

	ck_assert_int_eq(swi_record_remove(pip[4]), SWI_OK);
	swi_record *want3[] = {pip[1], pip[3]};
	assert_kind_order(p, SWI_CATEGORY_PIP, want3, 2);
	assert_kind_order(p, SWI_CATEGORY_GESPREK, gsp, 3);

	/* The last record of the person overall, then appending after it. */
	ck_assert_int_eq(swi_record_remove(gsp[2]), SWI_OK);
	swi_record *extra;
	ck_assert_int_eq(swi_person_add_record(&extra, p, SWI_CATEGORY_GESPREK), SWI_OK);
	swi_record *want4[] = {gsp[0], gsp[1], extra};
	assert_kind_order(p, SWI_CATEGORY_GESPREK, want4, 3);
	/* A reused record starts empty. */
	ck_assert_int_eq(swi_record_has(extra, SWI_K_VOORTGANGSGESPREK_DATUM), 0);

	for (int i = 0; i < 2; i++) {
		int32_t v;
		swi_record *r = want3[i];
		ck_assert_int_eq(swi_record_get_int(r, SWI_K_PIP_DATUM, &v), SWI_OK);
		ck_assert_int_eq(v, i == 0 ? 20260102 : 20260104);
	}

	/* Down to nothing, then up again. */
	ck_assert_int_eq(swi_record_remove(pip[1]), SWI_OK);
	ck_assert_int_eq(swi_record_remove(pip[3]), SWI_OK);
	ck_assert_uint_eq(swi_person_record_count(p, SWI_CATEGORY_PIP), 0);
	ck_assert_ptr_null(swi_person_first_record(p, SWI_CATEGORY_PIP));
	swi_record *again;
	ck_assert_int_eq(swi_person_add_record(&again, p, SWI_CATEGORY_PIP), SWI_OK);
	ck_assert_int_eq(swi_record_has(again, SWI_K_PIP_DATUM), 0);
	assert_kind_order(p, SWI_CATEGORY_PIP, &again, 1);
	assert_kind_order(p, SWI_CATEGORY_GESPREK, want4, 3);

	while (swi_person_first_record(p, SWI_CATEGORY_GESPREK))
		ck_assert_int_eq(swi_record_remove(swi_person_first_record(p, SWI_CATEGORY_GESPREK)),
				 SWI_OK);
	ck_assert_int_eq(swi_record_remove(again), SWI_OK);
	ck_assert_uint_eq(swi_person_record_count(p, SWI_CATEGORY_PIP), 0);
	ck_assert_uint_eq(swi_person_record_count(p, SWI_CATEGORY_GESPREK), 0);
	/* After the list has been emptied the person takes records again. */
	ck_assert_int_eq(swi_person_add_record(&again, p, SWI_CATEGORY_BOETE), SWI_OK);
	assert_kind_order(p, SWI_CATEGORY_BOETE, &again, 1);
	ck_assert_int_eq(swi_record_has(again, SWI_K_BOETE_BEDRAG), 0);
	swi_delivery_free(d);
}
END_TEST

/* Records of different persons stay apart, also past a pool chunk. */
START_TEST(test_records_many)
{
	enum { N = 2600 };
	swi_delivery *d = new_delivery();
	swi_person *a = add(d, BSN_A), *b = add(d, BSN_B);
	static swi_record *ra[N], *rb[N];
	for (int i = 0; i < N; i++) {
		REQUIRE_EQ(swi_person_add_record(&ra[i], a, SWI_CATEGORY_BOETE), SWI_OK);
		REQUIRE_EQ(swi_record_set_int(ra[i], SWI_K_BOETE_BEDRAG, i % 10000), SWI_OK);
		REQUIRE_EQ(swi_person_add_record(&rb[i], b, SWI_CATEGORY_PIP), SWI_OK);
	}
	assert_kind_order(a, SWI_CATEGORY_BOETE, ra, N);
	assert_kind_order(b, SWI_CATEGORY_PIP, rb, N);
	REQUIRE_EQ(swi_person_record_count(a, SWI_CATEGORY_PIP), 0);
	REQUIRE_EQ(swi_person_record_count(b, SWI_CATEGORY_BOETE), 0);

	/* Removing a person gives its records back; nobody else's change. */
	REQUIRE_EQ(swi_person_remove(b), SWI_OK);
	swi_person *c = add(d, BSN_C);
	for (int i = 0; i < N; i++) {
		swi_record *r;
		REQUIRE_EQ(swi_person_add_record(&r, c, SWI_CATEGORY_BOETE), SWI_OK);
		REQUIRE_EQ(swi_record_has(r, SWI_K_BOETE_BEDRAG), 0);
		REQUIRE_PTR_EQ(swi_record_person(r), c);
	}
	assert_kind_order(a, SWI_CATEGORY_BOETE, ra, N);
	for (int i = 0; i < N; i++) {
		int32_t v;
		REQUIRE_EQ(swi_record_get_int(ra[i], SWI_K_BOETE_BEDRAG, &v), SWI_OK);
		REQUIRE_EQ(v, i % 10000);
	}
	REQUIRE_EQ(swi_person_record_count(c, SWI_CATEGORY_BOETE), N);
	swi_delivery_free(d);
}
END_TEST

/* ---- stale handles: use after remove -------------------------------- */

static swi_buffer *written(swi_delivery *d); /* the file, forced */

/* Every status-returning call through a removed record answers
 * SWI_EREMOVED, records it, and changes nothing. */
static void assert_record_stale(swi_delivery *d, swi_record *r)
{
	static const int32_t k[] = {SWI_K_BOETE_BEDRAG}, v[] = {1};
	char buf[SWI_VALUE_MAX];
	int32_t out = 42;
	int rcs[] = {
		swi_record_set_int(r, SWI_K_BOETE_BEDRAG, 999),
		swi_record_set_date(r, SWI_K_BOETE_DATUM, 2026, 2, 3),
		swi_record_set_text(r, SWI_K_BOETE_BEDRAG, "999"),
		swi_record_set_ints(r, 1, k, v),
		swi_record_get_int(r, SWI_K_BOETE_BEDRAG, &out),
		swi_record_get_text(r, SWI_K_BOETE_BEDRAG, buf, sizeof(buf)),
		swi_record_unset(r, SWI_K_BOETE_BEDRAG),
		swi_record_has(r, SWI_K_BOETE_BEDRAG),
		swi_record_remove(r),
	};
	for (size_t i = 0; i < sizeof(rcs) / sizeof(rcs[0]); i++)
		ck_assert_msg(rcs[i] == SWI_EREMOVED, "call %zu: %d", i, rcs[i]);
	ck_assert_int_eq(out, 42);
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_EREMOVED);
	ck_assert_ptr_nonnull(strstr(swi_delivery_last_message(d), "verwijderd"));
	ck_assert_int_eq(swi_record_kind(r), 0);
	ck_assert_ptr_null(swi_record_person(r));
	ck_assert_ptr_null(swi_record_next(r));
}

/* The probe of issue 9: a removed fine's handle must not reach the fine
 * that a later add_record gets, of this or another person. */
START_TEST(test_removed_record_handle)
{
	swi_delivery *d = new_delivery();
	swi_person *a = add(d, BSN_A), *b = add(d, BSN_B);
	swi_record *old, *mine;
	ck_assert_int_eq(swi_person_add_record(&old, a, SWI_CATEGORY_BOETE), SWI_OK);
	ck_assert_int_eq(swi_record_set_int(old, SWI_K_BOETE_BEDRAG, 100), SWI_OK);
	ck_assert_int_eq(swi_person_add_record(&mine, a, SWI_CATEGORY_BOETE), SWI_OK);
	ck_assert_int_eq(swi_record_set_int(mine, SWI_K_BOETE_BEDRAG, 150), SWI_OK);
	ck_assert_int_eq(swi_record_remove(old), SWI_OK);

	/* Others take records after the removal; none may be the old one. */
	swi_record *theirs[3];
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(swi_person_add_record(&theirs[i], i ? a : b, SWI_CATEGORY_BOETE),
				 SWI_OK);
		ck_assert_ptr_ne(theirs[i], old);
		ck_assert_int_eq(swi_record_set_int(theirs[i], SWI_K_BOETE_BEDRAG, 200 + i), SWI_OK);
	}
	swi_buffer *before = written(d);
	prime_error_slot(d);
	assert_record_stale(d, old);
	swi_buffer *after = written(d);
	ck_assert_uint_eq(swi_buffer_size(after), swi_buffer_size(before));
	ck_assert_int_eq(memcmp(swi_buffer_data(after), swi_buffer_data(before),
				swi_buffer_size(before)), 0);
	int32_t v;
	ck_assert_int_eq(swi_record_get_int(theirs[0], SWI_K_BOETE_BEDRAG, &v), SWI_OK);
	ck_assert_int_eq(v, 200);
	ck_assert_int_eq(swi_record_get_int(mine, SWI_K_BOETE_BEDRAG, &v), SWI_OK);
	ck_assert_int_eq(v, 150);
	ck_assert_uint_eq(swi_person_record_count(a, SWI_CATEGORY_BOETE), 3);
	ck_assert_uint_eq(swi_person_record_count(b, SWI_CATEGORY_BOETE), 1);
	swi_buffer_free(before);
	swi_buffer_free(after);
	swi_delivery_free(d);
}
END_TEST

/* A removed person: every call answers SWI_EREMOVED; setting its BSN
 * leaves the BSN index alone (issue 9: it used to return SWI_OK and make
 * the new BSN findable as a tombstone, and unaddable). */
START_TEST(test_removed_person_handle)
{
	swi_delivery *d = new_delivery();
	swi_person *p = add(d, BSN_A), *q = add(d, BSN_B);
	swi_record *r, *r2;
	ck_assert_int_eq(swi_person_set_int(p, SWI_K_GEBOORTEDATUM, 19900101), SWI_OK);
	ck_assert_int_eq(swi_person_add_record(&r, p, SWI_CATEGORY_BOETE), SWI_OK);
	ck_assert_int_eq(swi_person_add_record(&r2, q, SWI_CATEGORY_BOETE), SWI_OK);
	ck_assert_int_eq(swi_record_set_int(r2, SWI_K_BOETE_BEDRAG, 300), SWI_OK);
	ck_assert_int_eq(swi_person_remove(p), SWI_OK);
	swi_buffer *before = written(d);

	prime_error_slot(d);
	static const int32_t k[] = {SWI_K_GESLACHT}, v[] = {1};
	char buf[SWI_VALUE_MAX];
	int32_t out = 42;
	swi_record *added = (swi_record *)1;
	int rcs[] = {
		swi_person_set_int(p, SWI_K_BURGERSERVICENUMMER, 100000009),
		swi_person_set_text(p, SWI_K_BURGERSERVICENUMMER, BSN_D),
		swi_person_set_int(p, SWI_K_GESLACHT, 1),
		swi_person_set_date(p, SWI_K_GEBOORTEDATUM, 1990, 1, 1),
		swi_person_set_text(p, SWI_K_GESLACHT, "1"),
		swi_person_set_ints(p, 1, k, v),
		swi_person_get_int(p, SWI_K_GEBOORTEDATUM, &out),
		swi_person_get_text(p, SWI_K_BURGERSERVICENUMMER, buf, sizeof(buf)),
		swi_person_unset(p, SWI_K_GEBOORTEDATUM),
		swi_person_unset(p, SWI_K_BURGERSERVICENUMMER),
		swi_person_has(p, SWI_K_GEBOORTEDATUM),
		swi_person_add_record(&added, p, SWI_CATEGORY_PIP),
		swi_person_add_record_ints(NULL, p, SWI_CATEGORY_PIP, 0, NULL, NULL),
		swi_person_remove(p),
	};
	for (size_t i = 0; i < sizeof(rcs) / sizeof(rcs[0]); i++)
		ck_assert_msg(rcs[i] == SWI_EREMOVED, "call %zu: %d", i, rcs[i]);
	ck_assert_ptr_null(added);
	ck_assert_int_eq(out, 42);
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_EREMOVED);
	ck_assert_ptr_nonnull(strstr(swi_delivery_last_message(d), "verwijderd"));
	ck_assert_ptr_null(swi_person_next(p));
	ck_assert_ptr_null(swi_person_first_record(p, SWI_CATEGORY_BOETE));
	ck_assert_uint_eq(swi_person_record_count(p, SWI_CATEGORY_BOETE), 0);
	ck_assert_ptr_eq(swi_person_delivery(p), d);

	/* Its records went with it. */
	assert_record_stale(d, r);

	/* The index knows nothing of the BSNs the stale handle tried. */
	ck_assert_ptr_null(find(d, BSN_E));
	ck_assert_ptr_null(find(d, BSN_D));
	ck_assert_ptr_null(find(d, BSN_A));
	swi_person *e = add(d, BSN_E), *again = add(d, BSN_A);
	ck_assert_ptr_ne(e, p);
	ck_assert_ptr_ne(again, p);
	ck_assert_ptr_eq(find(d, BSN_E), e);
	ck_assert_ptr_eq(find(d, BSN_A), again);
	ck_assert_int_eq(swi_person_has(again, SWI_K_GEBOORTEDATUM), 0);
	ck_assert_uint_eq(swi_delivery_person_count(d), 3);
	/* The new persons are live; the stale handle still is not. */
	ck_assert_int_eq(swi_person_set_int(p, SWI_K_GESLACHT, 1), SWI_EREMOVED);
	ck_assert_int_eq(swi_person_has(again, SWI_K_GESLACHT), 0);
	ck_assert_int_eq(swi_person_remove(e), SWI_OK);
	ck_assert_int_eq(swi_person_remove(again), SWI_OK);
	swi_buffer *after = written(d);
	ck_assert_uint_eq(swi_buffer_size(after), swi_buffer_size(before));
	ck_assert_int_eq(memcmp(swi_buffer_data(after), swi_buffer_data(before),
				swi_buffer_size(before)), 0);
	swi_buffer_free(before);
	swi_buffer_free(after);
	swi_delivery_free(d);
}
END_TEST

/* Many removals and re-adds: never an old handle handed out again. */
START_TEST(test_removed_handles_never_reused)
{
	enum { N = 3000 };
	swi_delivery *d = new_delivery();
	swi_person *a = add(d, BSN_A);
	static swi_record *dead[N];
	for (int i = 0; i < N; i++) {
		REQUIRE_EQ(swi_person_add_record(&dead[i], a, SWI_CATEGORY_GESPREK), SWI_OK);
		REQUIRE_EQ(swi_record_remove(dead[i]), SWI_OK);
	}
	for (int i = 0; i < N; i++) {
		swi_record *r;
		REQUIRE_EQ(swi_person_add_record(&r, a, SWI_CATEGORY_GESPREK), SWI_OK);
		REQUIRE_EQ(swi_record_set_int(r, SWI_K_VOORTGANGSGESPREK_DATUM, 20260101), SWI_OK);
		REQUIRE_EQ(swi_record_has(dead[i], SWI_K_VOORTGANGSGESPREK_DATUM), SWI_EREMOVED);
		REQUIRE_EQ(swi_record_has(dead[N - 1 - i], SWI_K_VOORTGANGSGESPREK_DATUM),
			   SWI_EREMOVED);
	}
	REQUIRE_EQ(swi_person_record_count(a, SWI_CATEGORY_GESPREK), N);
	swi_delivery_free(d);
}
END_TEST

/* ---- the delivery header and file name ------------------------------ */

START_TEST(test_header_statistiekcode)
{
	swi_delivery *d = new_delivery();
	char buf[SWI_VALUE_MAX];
	int32_t v = 0;
	ck_assert_int_eq(swi_delivery_has(d, SWI_K_STATISTIEKCODE), 1);
	ck_assert_int_eq(swi_delivery_get_int(d, SWI_K_STATISTIEKCODE, &v), SWI_OK);
	ck_assert_int_eq(v, 40);
	ck_assert_int_eq(swi_delivery_get_text(d, SWI_K_STATISTIEKCODE, buf, sizeof(buf)), SWI_OK);
	ck_assert_str_eq(buf, "40");
	for (int k = 1; k <= 7; k++)
		if (k != SWI_K_STATISTIEKCODE)
			ck_assert_int_eq(swi_delivery_has(d, k), 0);
	ck_assert_uint_eq(swi_delivery_person_count(d), 0);
	ck_assert_ptr_null(swi_delivery_first_person(d));
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_OK);
	ck_assert_str_eq(swi_delivery_last_message(d), "");

	ck_assert_int_eq(swi_delivery_unset(d, SWI_K_STATISTIEKCODE), SWI_EREQUIRED);
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_EREQUIRED);
	ck_assert_ptr_nonnull(strstr(swi_delivery_last_message(d), "kenmerk 3)"));
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKCODE, 41), SWI_ECODE);
	ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_STATISTIEKCODE, "4"), SWI_ECODE);
	ck_assert_int_eq(swi_delivery_get_int(d, SWI_K_STATISTIEKCODE, &v), SWI_OK);
	ck_assert_int_eq(v, 40);
	ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_STATISTIEKCODE, "40"), SWI_OK);
	ck_assert_int_eq(swi_delivery_has(d, SWI_K_STATISTIEKCODE), 1);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_file_name)
{
	swi_delivery *d = gen_delivery(2026, 1);
	char buf[64];

	ck_assert_int_eq(swi_delivery_file_name(d, 0, buf, sizeof(buf)), SWI_OK);
	ck_assert_str_eq(buf, "SWI_0153_0153_20261.XML");
	ck_assert_int_eq(swi_delivery_file_name(d, 1, buf, sizeof(buf)), SWI_OK);
	ck_assert_str_eq(buf, "SWI_0153_0153_20261.zip");
	ck_assert_int_eq(swi_delivery_file_name(d, 42, buf, sizeof(buf)), SWI_OK);
	ck_assert_str_eq(buf, "SWI_0153_0153_20261.zip");

	/* Exactly the name and its NUL; one byte less is too small. */
	memset(buf, 'x', sizeof(buf));
	ck_assert_int_eq(swi_delivery_file_name(d, 0, buf, 24), SWI_OK);
	ck_assert_str_eq(buf, "SWI_0153_0153_20261.XML");
	ck_assert_int_eq(buf[24], 'x');
	ck_assert_int_eq(swi_delivery_file_name(d, 0, buf, 23), SWI_EBUFFER);
	ck_assert_int_eq(swi_delivery_last_error(d), SWI_EBUFFER);
	ck_assert_int_eq(swi_delivery_file_name(d, 0, buf, 0), SWI_EBUFFER);

	/* Padding of every part (3.4.2). */
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 14), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_BERICHTGEVERCODE, 9999), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, 4), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, 1999), SWI_OK);
	ck_assert_int_eq(swi_delivery_file_name(d, 0, buf, 32), SWI_OK);
	ck_assert_str_eq(buf, "SWI_9999_0014_19994.XML");
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 0), SWI_OK);
	ck_assert_int_eq(swi_delivery_file_name(d, 1, buf, 32), SWI_OK);
	ck_assert_str_eq(buf, "SWI_9999_0000_19994.zip");

	/* Software name and version are not part of the name. */
	ck_assert_int_eq(swi_delivery_unset(d, SWI_K_NAAM_SOFTWAREPAKKET), SWI_OK);
	ck_assert_int_eq(swi_delivery_unset(d, SWI_K_VERSIE_SOFTWAREPAKKET), SWI_OK);
	ck_assert_int_eq(swi_delivery_file_name(d, 0, buf, 32), SWI_OK);

	ck_assert_int_eq(swi_delivery_file_name(NULL, 0, buf, 32), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_file_name(d, 0, NULL, 32), SWI_EINVAL);
	swi_delivery_free(d);

	static const int needed[] = {SWI_K_STATISTIEKJAAR, SWI_K_STATISTIEKKWARTAAL,
				     SWI_K_BERICHTGEVERCODE, SWI_K_GEMEENTECODE};
	for (size_t i = 0; i < sizeof(needed) / sizeof(needed[0]); i++) {
		char want[32];
		d = gen_delivery(2026, 1);
		ck_assert_int_eq(swi_delivery_unset(d, needed[i]), SWI_OK);
		strcpy(buf, "untouched");
		ck_assert_int_eq(swi_delivery_file_name(d, 0, buf, sizeof(buf)), SWI_EINCOMPLETE);
		ck_assert_int_eq(swi_delivery_file_name(d, 1, buf, sizeof(buf)), SWI_EINCOMPLETE);
		ck_assert_int_eq(swi_delivery_last_error(d), SWI_EINCOMPLETE);
		snprintf(want, sizeof(want), "kenmerk %d)", needed[i]);
		ck_assert_msg(strstr(swi_delivery_last_message(d), want) != NULL,
			      "message \"%s\" does not name kenmerk %d", swi_delivery_last_message(d),
			      needed[i]);
		swi_delivery_free(d);
	}
}
END_TEST

/* ---- status strings, version, NULL ---------------------------------- */

START_TEST(test_strerror)
{
	const char *unknown = swi_strerror(-1000);
	ck_assert_ptr_nonnull(unknown);
	ck_assert_int_gt((int)strlen(unknown), 0);
	const char *seen[24];
	for (int code = 0; code >= SWI_EDATAFILE; code--) {
		const char *s = swi_strerror(code);
		ck_assert_ptr_nonnull(s);
		ck_assert_msg(strlen(s) > 0, "code %d", code);
		/* Every published code has its own text, not the fallback. */
		ck_assert_msg(strcmp(s, unknown) != 0, "code %d has the unknown-code text", code);
		for (int j = 0; j < -code; j++)
			ck_assert_msg(strcmp(seen[j], s) != 0, "codes %d and %d share \"%s\"", -j,
				      code, s);
		seen[-code] = s;
	}
	ck_assert_int_eq(SWI_EYEAR, -21);
	ck_assert_int_eq(SWI_EREMOVED, -22);
	ck_assert_int_eq(SWI_EDATAFILE, -23);
	static const int others[] = {1, 2, -24, -25, 1000, INT32_MIN, INT32_MAX};
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		const char *s = swi_strerror(others[i]);
		ck_assert_ptr_nonnull(s);
		ck_assert_int_gt((int)strlen(s), 0);
	}
}
END_TEST

START_TEST(test_version_and_null)
{
	const char *v = swi_version();
	unsigned a, b, c;
	char tail;
	ck_assert_ptr_nonnull(v);
	ck_assert_msg(sscanf(v, "%u.%u.%u%c", &a, &b, &c, &tail) == 3, "version \"%s\"", v);

	ck_assert_int_eq(swi_delivery_new(NULL), SWI_EINVAL);
	swi_delivery *d = (swi_delivery *)1;
	ck_assert_int_eq(swi_delivery_new_with_allocator(&d, NULL, NULL), SWI_EINVAL);
	ck_assert_ptr_null(d);
	swi_delivery_free(NULL);
	ck_assert_uint_eq(swi_delivery_person_count(NULL), 0);
	ck_assert_ptr_null(swi_delivery_first_person(NULL));
	ck_assert_ptr_null(swi_person_next(NULL));
	ck_assert_ptr_null(swi_person_delivery(NULL));
	ck_assert_str_eq(swi_delivery_last_message(NULL), "");
}
END_TEST

/* The bulk setters are all or nothing, and equal to one call per kenmerk. */
START_TEST(test_set_ints)
{
	swi_delivery *d = new_delivery();
	swi_person *p = add(d, BSN_A), *q = add(d, BSN_B);
	static const int32_t ks[] = {SWI_K_GEBOORTEDATUM, SWI_K_GESLACHT, SWI_K_TYPE_MIGRANT,
				     SWI_K_BREDE_INTAKE_UREN_TAAL_KNM};
	static const int32_t vs[] = {19900107, 2, 1, 120};
	ck_assert_int_eq(swi_person_set_ints(p, 4, ks, vs), SWI_OK);
	for (size_t i = 0; i < 4; i++)
		ck_assert_int_eq(swi_person_set_int(q, ks[i], vs[i]), SWI_OK);
	for (size_t i = 0; i < 4; i++) {
		int32_t a, b;
		ck_assert_int_eq(swi_person_get_int(p, ks[i], &a), SWI_OK);
		ck_assert_int_eq(swi_person_get_int(q, ks[i], &b), SWI_OK);
		ck_assert_int_eq(a, b);
	}

	/* The last value is refused: nothing of the call may stick. */
	static const int32_t bad[] = {20000101, 1, 2, 10000};
	ck_assert_int_eq(swi_person_set_ints(p, 4, ks, bad), SWI_ERANGE);
	ck_assert_ptr_nonnull(strstr(swi_delivery_last_message(d), "kenmerk 16"));
	int32_t v;
	ck_assert_int_eq(swi_person_get_int(p, SWI_K_GEBOORTEDATUM, &v), SWI_OK);
	ck_assert_int_eq(v, 19900107);
	ck_assert_int_eq(swi_person_get_int(p, SWI_K_GESLACHT, &v), SWI_OK);
	ck_assert_int_eq(v, 2);

	/* The BSN keys the index: not through the bulk path. */
	static const int32_t k8[] = {SWI_K_BURGERSERVICENUMMER};
	static const int32_t v8[] = {123456782};
	ck_assert_int_eq(swi_person_set_ints(p, 1, k8, v8), SWI_EINVAL);
	/* A PIP kenmerk on a person, a talk kenmerk on a PIP. */
	static const int32_t k30[] = {SWI_K_PIP_DATUM};
	static const int32_t v30[] = {20260101};
	ck_assert_int_eq(swi_person_set_ints(p, 1, k30, v30), SWI_ECATEGORY);
	swi_record *r;
	ck_assert_int_eq(swi_person_add_record(&r, p, SWI_CATEGORY_PIP), SWI_OK);
	static const int32_t kp[] = {SWI_K_PIP_DATUM, SWI_K_LEERROUTE_ROUTE, SWI_K_LEERROUTE_NIVEAU};
	static const int32_t vp[] = {20260101, 1, 2};
	ck_assert_int_eq(swi_record_set_ints(r, 3, kp, vp), SWI_OK);
	ck_assert_int_eq(swi_record_get_int(r, SWI_K_LEERROUTE_NIVEAU, &v), SWI_OK);
	ck_assert_int_eq(v, 2);
	static const int32_t k35[] = {SWI_K_VOORTGANGSGESPREK_DATUM};
	ck_assert_int_eq(swi_record_set_ints(r, 1, k35, v30), SWI_ECATEGORY);
	ck_assert_int_eq(swi_person_set_ints(NULL, 1, ks, vs), SWI_EINVAL);
	ck_assert_int_eq(swi_person_set_ints(p, 1, NULL, vs), SWI_EINVAL);
	ck_assert_int_eq(swi_person_set_ints(p, 0, NULL, NULL), SWI_OK);
	swi_delivery_free(d);
}
END_TEST

/* Add-and-set in one call: all or nothing, and the refused kenmerk is named. */
START_TEST(test_add_with_ints)
{
	swi_delivery *d = new_delivery();
	static const int32_t ks[] = {SWI_K_GEBOORTEDATUM, SWI_K_GESLACHT, SWI_K_TYPE_MIGRANT};
	static const int32_t good[] = {19900107, 2, 1}, bad[] = {19900107, 4, 1};
	swi_person *p = (swi_person *)1;
	ck_assert_int_eq(swi_delivery_add_person_ints(&p, d, BSN_A, 3, ks, bad), SWI_ECODE);
	ck_assert_ptr_null(p);
	ck_assert_int_eq(swi_delivery_last_kenmerk(d), SWI_K_GESLACHT);
	ck_assert_uint_eq(swi_delivery_person_count(d), 0);
	ck_assert_int_eq(swi_delivery_add_person_ints(&p, d, BSN_A, 3, ks, good), SWI_OK);
	ck_assert_uint_eq(swi_delivery_person_count(d), 1);
	int32_t v;
	ck_assert_int_eq(swi_person_get_int(p, SWI_K_GEBOORTEDATUM, &v), SWI_OK);
	ck_assert_int_eq(v, 19900107);
	ck_assert_int_eq(swi_person_has(p, SWI_K_BREDE_INTAKE_UREN_TAAL_KNM), 0);
	/* A duplicate BSN with good values adds nothing either. */
	ck_assert_int_eq(swi_delivery_add_person_ints(NULL, d, BSN_A, 3, ks, good), SWI_EDUPLICATE);
	ck_assert_int_eq(swi_delivery_last_kenmerk(d), 0);
	ck_assert_uint_eq(swi_delivery_person_count(d), 1);

	static const int32_t kf[] = {SWI_K_BOETE_DATUM, SWI_K_BOETE_REDEN, SWI_K_BOETE_BEDRAG};
	static const int32_t fine_bad[] = {20260115, 1, 10000}, fine_good[] = {20260115, 1, 0};
	swi_record *r = (swi_record *)1;
	ck_assert_int_eq(swi_person_add_record_ints(&r, p, SWI_CATEGORY_BOETE, 3, kf, fine_bad),
			 SWI_ERANGE);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(swi_delivery_last_kenmerk(d), SWI_K_BOETE_BEDRAG);
	ck_assert_uint_eq(swi_person_record_count(p, SWI_CATEGORY_BOETE), 0);
	ck_assert_int_eq(swi_person_add_record_ints(&r, p, SWI_CATEGORY_BOETE, 3, kf, fine_good),
			 SWI_OK);
	ck_assert_int_eq(swi_record_get_int(r, SWI_K_BOETE_BEDRAG, &v), SWI_OK);
	ck_assert_int_eq(v, 0);
	/* Without values the record is empty; a fine's amount stays unset. */
	ck_assert_int_eq(swi_person_add_record_ints(&r, p, SWI_CATEGORY_BOETE, 0, NULL, NULL), SWI_OK);
	ck_assert_int_eq(swi_record_has(r, SWI_K_BOETE_BEDRAG), 0);
	ck_assert_int_eq(swi_person_add_record_ints(&r, p, SWI_CATEGORY_PERSOON, 0, NULL, NULL),
			 SWI_EINVAL);
	swi_delivery_free(d);
}
END_TEST

/* The batch arrays of every person and record of `d`, as a binding would
 * build them: the BSN first, then every kenmerk that has a value. */
struct batch {
	int32_t entries[2 * 4096], kenmerken[16384], values[16384];
	size_t n_entries, n_pairs;
};

static void batch_entry(struct batch *b, swi_category c, const void *h)
{
	ck_assert_uint_lt(b->n_entries, 4096);
	size_t first = b->n_pairs;
	for (int k = SWI_K_BURGERSERVICENUMMER; k <= SWI_K_BOETE_BEDRAG; k++) {
		int32_t v;
		int rc;
		if (swi_kenmerk_category(k) != c)
			continue;
		if (c == SWI_CATEGORY_PERSOON)
			rc = swi_person_get_int(h, k, &v);
		else
			rc = swi_record_get_int(h, k, &v);
		if (rc == SWI_ENOTSET)
			continue;
		ck_assert_int_eq(rc, SWI_OK);
		ck_assert_uint_lt(b->n_pairs, 16384);
		b->kenmerken[b->n_pairs] = k;
		b->values[b->n_pairs++] = v;
	}
	b->entries[2 * b->n_entries] = (int32_t)c;
	b->entries[2 * b->n_entries++ + 1] = (int32_t)(b->n_pairs - first);
}

static void batch_of(struct batch *b, const swi_delivery *d)
{
	b->n_entries = b->n_pairs = 0;
	for (swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p)) {
		batch_entry(b, SWI_CATEGORY_PERSOON, p);
		for (swi_category c = SWI_CATEGORY_PIP; c <= SWI_CATEGORY_BOETE; c++)
			for (swi_record *r = swi_person_first_record(p, c); r; r = swi_record_next(r))
				batch_entry(b, c, r);
	}
}

static swi_buffer *written(swi_delivery *d)
{
	swi_buffer *buf = NULL;
	ck_assert_int_eq(swi_delivery_write_buffer(&buf, d, SWI_WRITE_FORCE), SWI_OK);
	return buf;
}

START_TEST(test_batch_same_as_single_calls)
{
	static struct batch b;
	for (uint64_t seed = 1; seed <= 5; seed++) {
		struct gen g;
		gen_seed(&g, seed);
		swi_delivery *a = gen_delivery(2026, 3);
		gen_persons(a, &g, 300, seed % 2 ? GEN_FULL : 0);
		batch_of(&b, a);
		swi_delivery *c = gen_delivery(2026, 3);
		size_t done = 0;
		int rc = swi_delivery_add_batch(c, b.n_entries, b.entries, b.n_pairs, b.kenmerken,
						b.values, &done);
		REQUIRE(rc == SWI_OK, "seed %d: %d %s", (int)seed, rc, swi_delivery_last_message(c));
		ck_assert_uint_eq(done, b.n_entries);
		ck_assert_uint_eq(swi_delivery_person_count(c), 300);
		swi_buffer *wa = written(a), *wc = written(c);
		ck_assert_uint_eq(swi_buffer_size(wa), swi_buffer_size(wc));
		ck_assert_int_eq(memcmp(swi_buffer_data(wa), swi_buffer_data(wc), swi_buffer_size(wa)), 0);
		swi_buffer_free(wa);
		swi_buffer_free(wc);
		swi_delivery_free(a);
		swi_delivery_free(c);
	}
}
END_TEST

START_TEST(test_batch_shape)
{
	swi_delivery *d = new_delivery();
	size_t done = 99;
	/* Person 012345672 given as a number, with one PIP. */
	int32_t e[] = {SWI_CATEGORY_PERSOON, 2, SWI_CATEGORY_PIP, 1};
	int32_t k[] = {SWI_K_BURGERSERVICENUMMER, SWI_K_GESLACHT, SWI_K_PIP_DATUM};
	int32_t v[] = {12345672, 2, 20260701};
	struct {
		const char *what;
		int32_t e0, e1, e2, e3, k0;
		size_t n_pairs;
	} bad[] = {
		{"a record first", SWI_CATEGORY_PIP, 2, SWI_CATEGORY_PIP, 1, SWI_K_BURGERSERVICENUMMER, 3},
		{"unknown category", SWI_CATEGORY_PERSOON, 2, 6, 1, SWI_K_BURGERSERVICENUMMER, 3},
		{"category 0", SWI_CATEGORY_PERSOON, 2, 0, 1, SWI_K_BURGERSERVICENUMMER, 3},
		{"no BSN first", SWI_CATEGORY_PERSOON, 2, SWI_CATEGORY_PIP, 1, SWI_K_GESLACHT, 3},
		{"empty person", SWI_CATEGORY_PERSOON, 0, SWI_CATEGORY_PIP, 3, SWI_K_BURGERSERVICENUMMER, 3},
		{"negative count", SWI_CATEGORY_PERSOON, 4, SWI_CATEGORY_PIP, -1, SWI_K_BURGERSERVICENUMMER, 3},
		{"counts past the pairs", SWI_CATEGORY_PERSOON, 2, SWI_CATEGORY_PIP, 2, SWI_K_BURGERSERVICENUMMER, 3},
		{"pairs left over", SWI_CATEGORY_PERSOON, 1, SWI_CATEGORY_PIP, 1, SWI_K_BURGERSERVICENUMMER, 3},
		{"fewer pairs than counts", SWI_CATEGORY_PERSOON, 2, SWI_CATEGORY_PIP, 1, SWI_K_BURGERSERVICENUMMER, 2},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int32_t be[] = {bad[i].e0, bad[i].e1, bad[i].e2, bad[i].e3};
		int32_t bk[] = {bad[i].k0, k[1], k[2]};
		done = 99;
		int rc = swi_delivery_add_batch(d, 2, be, bad[i].n_pairs, bk, v, &done);
		REQUIRE(rc == SWI_EINVAL, "%s: %d", bad[i].what, rc);
		ck_assert_uint_eq(done, 0);
		ck_assert_uint_eq(swi_delivery_person_count(d), 0);
		ck_assert_ptr_nonnull(strstr(swi_delivery_last_message(d), "batch"));
	}
	ck_assert_int_eq(swi_delivery_add_batch(NULL, 2, e, 3, k, v, &done), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_add_batch(d, 2, NULL, 3, k, v, &done), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_add_batch(d, 2, e, 3, k, NULL, &done), SWI_EINVAL);
	/* An empty batch adds nothing and is fine. */
	ck_assert_int_eq(swi_delivery_add_batch(d, 0, NULL, 0, NULL, NULL, &done), SWI_OK);
	ck_assert_uint_eq(done, 0);

	ck_assert_int_eq(swi_delivery_add_batch(d, 2, e, 3, k, v, &done), SWI_OK);
	ck_assert_uint_eq(done, 2);
	swi_person *p = NULL;
	ck_assert_int_eq(swi_delivery_find_person(&p, d, BSN_C), SWI_OK);
	int32_t got;
	ck_assert_int_eq(swi_person_get_int(p, SWI_K_GESLACHT, &got), SWI_OK);
	ck_assert_int_eq(got, 2);
	ck_assert_uint_eq(swi_person_record_count(p, SWI_CATEGORY_PIP), 1);
	ck_assert_int_eq(swi_record_get_int(swi_person_first_record(p, SWI_CATEGORY_PIP),
					    SWI_K_PIP_DATUM, &got), SWI_OK);
	ck_assert_int_eq(got, 20260701);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_batch_refusal_per_person)
{
	swi_delivery *d = new_delivery();
	/* Three persons; the second one's fine has an amount over 9999. */
	int32_t e[] = {SWI_CATEGORY_PERSOON, 2, SWI_CATEGORY_BOETE, 2,
		       SWI_CATEGORY_PERSOON, 1, SWI_CATEGORY_PIP, 1, SWI_CATEGORY_BOETE, 2,
		       SWI_CATEGORY_PERSOON, 1};
	int32_t k[] = {8, SWI_K_TYPE_MIGRANT, SWI_K_BOETE_REDEN, SWI_K_BOETE_BEDRAG,
		       8, SWI_K_PIP_DATUM, SWI_K_BOETE_REDEN, SWI_K_BOETE_BEDRAG,
		       8};
	int32_t v[] = {123456782, 1, 1, 100,
		       111222333, 20260701, 1, 10000,
		       999999990};
	size_t done = 99;
	ck_assert_int_eq(swi_delivery_add_batch(d, 6, e, 9, k, v, &done), SWI_ERANGE);
	ck_assert_uint_eq(done, 2); /* the second person's entry */
	ck_assert_int_eq(swi_delivery_last_kenmerk(d), SWI_K_BOETE_BEDRAG);
	ck_assert_ptr_nonnull(strstr(swi_delivery_last_message(d), "kenmerk 38"));
	ck_assert_ptr_null(strstr(swi_delivery_last_message(d), BSN_B));
	ck_assert_uint_eq(swi_delivery_person_count(d), 1);
	swi_person *p = NULL;
	ck_assert_int_eq(swi_delivery_find_person(&p, d, BSN_A), SWI_OK);
	ck_assert_uint_eq(swi_person_record_count(p, SWI_CATEGORY_BOETE), 1);
	ck_assert_int_eq(swi_delivery_find_person(&p, d, BSN_B), SWI_ENOTFOUND);
	ck_assert_int_eq(swi_delivery_find_person(&p, d, BSN_D), SWI_ENOTFOUND);

	/* The caller goes on after the refused person: the third one is added. */
	ck_assert_int_eq(swi_delivery_add_batch(d, 1, e + 10, 1, k + 8, v + 8, &done), SWI_OK);
	ck_assert_uint_eq(swi_delivery_person_count(d), 2);

	/* BSNs: a duplicate, a failed 11-test, out of range both ways. */
	int32_t e1[] = {SWI_CATEGORY_PERSOON, 1};
	int32_t k1[] = {8};
	const struct {
		int32_t bsn;
		int rc;
	} bsns[] = {{123456782, SWI_EDUPLICATE}, {123456789, SWI_EBSN}, {-123456782, SWI_EBSN},
		    {1234567820, SWI_EBSN}, {0, SWI_EBSN}};
	for (size_t i = 0; i < sizeof(bsns) / sizeof(bsns[0]); i++) {
		done = 99;
		int rc = swi_delivery_add_batch(d, 1, e1, 1, k1, &bsns[i].bsn, &done);
		REQUIRE(rc == bsns[i].rc, "BSN %d: %d", (int)bsns[i].bsn, rc);
		ck_assert_uint_eq(done, 0);
	}
	ck_assert_uint_eq(swi_delivery_person_count(d), 2);
	swi_delivery_free(d);
}
END_TEST

static Suite *delivery_suite(void)
{
	Suite *s = suite_create("delivery");

	TCase *tc = tcase_create("bsn");
	tcase_add_test(tc, test_constants_pass_eleven_test);
	tcase_add_test(tc, test_bsn_leading_zero);
	tcase_add_test(tc, test_bsn_eleven_test);
	tcase_add_test(tc, test_bsn_zero);
	tcase_add_test(tc, test_bsn_format);
	tcase_add_test(tc, test_duplicate_message_masks_bsn);
	tcase_add_test(tc, test_find_person);
	tcase_add_test(tc, test_find_person_malformed_text);
	tcase_add_test(tc, test_change_bsn);
	tcase_add_test(tc, test_set_ints);
	tcase_add_test(tc, test_add_with_ints);
	tcase_add_test(tc, test_batch_same_as_single_calls);
	tcase_add_test(tc, test_batch_shape);
	tcase_add_test(tc, test_batch_refusal_per_person);
	suite_add_tcase(s, tc);

	tc = tcase_create("persons");
	tcase_add_test(tc, test_remove_person);
	tcase_add_test(tc, test_remove_while_iterating);
	tcase_add_test(tc, test_many_persons);
	tcase_add_test(tc, test_index_against_model);
	tcase_add_test(tc, test_index_small_tables);
	suite_add_tcase(s, tc);

	tc = tcase_create("records");
	tcase_add_test(tc, test_records);
	tcase_add_test(tc, test_record_remove);
	tcase_add_test(tc, test_records_many);
	suite_add_tcase(s, tc);

	tc = tcase_create("stale");
	tcase_add_test(tc, test_removed_record_handle);
	tcase_add_test(tc, test_removed_person_handle);
	tcase_add_test(tc, test_removed_handles_never_reused);
	suite_add_tcase(s, tc);

	tc = tcase_create("delivery");
	tcase_add_test(tc, test_header_statistiekcode);
	tcase_add_test(tc, test_file_name);
	tcase_add_test(tc, test_strerror);
	tcase_add_test(tc, test_version_and_null);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(delivery_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
