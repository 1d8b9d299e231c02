/*
 * No BSN in any message unless the caller asked for it, and one message is
 * one line (issue 9, defects 3 and 11). BSN-shaped values -- synthetic
 * BSNs of 9 and 8 digits, with a trailing space, CR or LF, 10 digits,
 * negative, spaced, dotted, split by a line break, and a date that is also
 * a BSN with a leading 0 -- go through every kenmerk (set_text, set_int,
 * set_date, batch, the person BSN) and every path that makes text (the
 * last-error message, validate, compare, read from XML with and without
 * the shipped XSD, the mirror's JSON and HTML, swi-check's stdout, stderr
 * and HTML run as a program). Every output is searched for every window of
 * 6 consecutive digits of every secret: the masked form *****6782 shows 4,
 * so a window found is a leak. With the SHOW_BSN flags the full BSN is
 * where validate.h and read.h say it is.
 *
 * The first tests pin the rule of swi_mask() itself (lib/mask.c).
 */
#define _GNU_SOURCE /* mkdtemp */

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "generate.h"
#include "private.h"

/* ---- the rule ---------------------------------------------------------- */

static const char *mask_str(const char *in, unsigned flags)
{
	static char out[512];
	swi_mask(out, sizeof(out), in, strlen(in), flags);
	return out;
}

#define ALL (SWI_MASK_BSN | SWI_MASK_ESCAPE)

/* The first 8-digit date jjjjmmdd from `from` on that is also a BSN with a
 * leading zero (passes the 11-test as 0jjjjmmdd), or that is not. */
static uint32_t date_from(uint32_t from, bool bsn)
{
	for (uint32_t v = from;; v++)
		if (swi_date_valid(v) && swi_bsn_valid(v) == bsn)
			return v;
}

START_TEST(rule_masks_bsn_shapes)
{
	ck_assert_str_eq(mask_str("BSN 123456782.", ALL), "BSN *****6782.");
	ck_assert_str_eq(mask_str("'12345678'", ALL), "'*****5678'");    /* 8: no date */
	ck_assert_str_eq(mask_str("1234567820", ALL), "*****7820");      /* 10 digits */
	ck_assert_str_eq(mask_str("-123456782", ALL), "-*****6782");     /* sign shown */
	ck_assert_str_eq(mask_str("x123456782y", ALL), "x*****6782y");
	ck_assert_str_eq(mask_str("123 456 782", ALL), "*****6782");
	ck_assert_str_eq(mask_str("123.456.782", ALL), "*****6782");
	ck_assert_str_eq(mask_str("1234.56.782", ALL), "*****6782");
	ck_assert_str_eq(mask_str("123-456-782", ALL), "*****6782");
	ck_assert_str_eq(mask_str("1234\n56782", ALL), "*****6782");
	ck_assert_str_eq(mask_str("1234\xe2\x80\x8b" "56782", ALL), "*****6782"); /* ZWSP */
	ck_assert_str_eq(mask_str("\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94\xef\xbc\x95"
				  "\xef\xbc\x96\xef\xbc\x97\xef\xbc\x98\xef\xbc\x92", ALL), "*****6782");
	ck_assert_str_eq(mask_str("123456782 \r", ALL), "*****6782 \\r");
	/* Two separators end a group: documented, not a BSN notation. */
	ck_assert_str_eq(mask_str("123  456  782", ALL), "123  456  782");
	/* Short numbers stay. */
	ck_assert_str_eq(mask_str("regel 12: kenmerk 8 van 1234567", ALL),
			 "regel 12: kenmerk 8 van 1234567");
	/* Without SWI_MASK_BSN the digits stay. */
	ck_assert_str_eq(mask_str("BSN 123456782", SWI_MASK_ESCAPE), "BSN 123456782");
	/* Masking is stable: a masked text masks to itself. */
	ck_assert_str_eq(mask_str("BSN *****6782, 20260101", ALL), "BSN *****6782, 20260101");
}
END_TEST

START_TEST(rule_keeps_dates_that_are_no_bsn)
{
	char in[16], want[16];
	uint32_t date = date_from(20260101, false);
	snprintf(in, sizeof(in), "%u", date);
	ck_assert_str_eq(mask_str(in, ALL), in);
	snprintf(in, sizeof(in), "%04u-%02u-%02u", date / 10000, date / 100 % 100, date % 100);
	ck_assert_str_eq(mask_str(in, ALL), in);
	/* Impossible but date-shaped: the message is about it, so it is shown. */
	ck_assert(!swi_bsn_valid(20250230));
	ck_assert_str_eq(mask_str("20250230", ALL), "20250230");
	/* A date that is also a BSN with a leading zero: masked. */
	uint32_t both = date_from(20260101, true);
	snprintf(in, sizeof(in), "%u", both);
	snprintf(want, sizeof(want), "*****%04u", both % 10000);
	ck_assert_str_eq(mask_str(in, ALL), want);
	/* Out of the years 1900-2099: masked. */
	ck_assert_str_eq(mask_str("18991231", ALL), "*****1231");
	/* A 9-digit "date" is no date. */
	ck_assert_str_eq(mask_str("202601011", ALL), "*****1011");
}
END_TEST

START_TEST(rule_escapes_controls)
{
	ck_assert_str_eq(mask_str("a\nAlles in orde.\r\n", ALL), "a\\nAlles in orde.\\r\\n");
	ck_assert_str_eq(mask_str("tab\there", ALL), "tab\\there");
	ck_assert_str_eq(mask_str("\x1b[2Jx\x7f", ALL), "\\x1b[2Jx\\x7f");
	ck_assert_str_eq(mask_str("a\xe2\x80\xa8" "b\xc2\x85" "c", ALL), "a\\u2028b\\u0085c");
	ck_assert_str_eq(mask_str("\xe2\x80\xae" "evil", ALL), "\\u202eevil"); /* bidi */
	ck_assert_str_eq(mask_str("bad \xff\xc3", ALL), "bad \\xff\\xc3");
	ck_assert_str_eq(mask_str("S\xc3\xba" "dwest-Frysl\xc3\xa2n \\ ok", ALL),
			 "S\xc3\xba" "dwest-Frysl\xc3\xa2n \\ ok");
}
END_TEST

START_TEST(rule_never_cuts_a_group)
{
	char out[16];
	/* The output is full inside a group: "*****" or nothing, never digits. */
	swi_mask(out, 12, "abc 20260101", 12, ALL);
	ck_assert_str_eq(out, "abc *****");
	swi_mask(out, 7, "abc 20260101", 12, ALL);
	ck_assert_str_eq(out, "abc ");
	swi_mask(out, 13, "abcdef 123456782", 16, 0);
	ck_assert_str_eq(out, "abcdef *****");
	/* Cut input: the trailing group may be part of a BSN (12345678|2). */
	swi_mask(out, sizeof(out), "x 20010101", 10, ALL | SWI_MASK_CUT);
	ck_assert_str_eq(out, "x *****");
	swi_mask(out, sizeof(out), "x 2001 ", 7, SWI_MASK_CUT);
	ck_assert_str_eq(out, "x *****");
	/* Through swi_mask_format: a message longer than the working buffer. */
	char pad[1100], big[600];
	memset(pad, 'a', sizeof(pad));
	pad[1014] = '\0';
	swi_mask_format(big, sizeof(big), ALL, "%s 20010101", pad);
	ck_assert_ptr_null(strstr(big, "2001"));
	/* Never a broken UTF-8 sequence or escape at the end. */
	swi_mask(out, sizeof(out), "ab\xe2\x80", 4, ALL | SWI_MASK_CUT);
	ck_assert_str_eq(out, "ab");
	swi_mask(out, sizeof(out), "ab\xc3\xa9", 4, ALL | SWI_MASK_CUT);
	ck_assert_str_eq(out, "ab\xc3\xa9");
	swi_mask(out, 6, "ab\xc3\xa9\xc3\xa9", 6, ALL);
	ck_assert_str_eq(out, "ab\xc3\xa9");
	swi_mask(out, 5, "ab\ncd", 5, ALL);
	ck_assert_str_eq(out, "ab\\n");
}
END_TEST

/* ---- secrets and the search for them ------------------------------------ */

#define MAX_SECRETS 256
static char secrets[MAX_SECRETS][12];
static size_t n_secrets;
static uint32_t bsns[5];  /* bsns[4] has a leading zero */
static uint32_t bsn_date; /* a date that is a BSN with a leading 0 */

static void add_secret(const char *digits)
{
	for (size_t i = 0; i < n_secrets; i++)
		if (strcmp(secrets[i], digits) == 0)
			return;
	ck_assert_uint_lt(n_secrets, MAX_SECRETS);
	snprintf(secrets[n_secrets++], sizeof(secrets[0]), "%s", digits);
}

static void add_secret_bsn(uint32_t bsn)
{
	char t[12];
	snprintf(t, sizeof(t), "%09u", bsn);
	add_secret(t);
}

static void setup_secrets(void)
{
	struct gen g;
	gen_seed(&g, 9009);
	n_secrets = 0;
	/* Nine digits; seven (two leading zeros dropped) is not a BSN notation. */
	for (int i = 0; i < 4; i++)
		do
			bsns[i] = gen_bsn(&g);
		while (bsns[i] < 100000000);
	do
		bsns[4] = gen_bsn(&g);
	while (bsns[4] >= 100000000 || bsns[4] < 10000000); /* 8 digits without its 0 */
	for (int i = 0; i < 5; i++)
		add_secret_bsn(bsns[i]);
	bsn_date = date_from(20950101, true);
	add_secret_bsn(bsn_date);
	add_secret("123456782"); /* in a file name */
}

static size_t checked_texts;

/* Fails when `text` shows 6 consecutive digits of a secret. */
static void assert_clean(const char *where, const char *text)
{
	checked_texts++;
	if (!text)
		return;
	for (size_t s = 0; s < n_secrets; s++) {
		size_t len = strlen(secrets[s]);
		for (size_t i = 0; i + 6 <= len; i++) {
			char window[7];
			memcpy(window, secrets[s] + i, 6);
			window[6] = '\0';
			const char *hit = strstr(text, window);
			/* Around the hit only: check's messages are short. */
			const char *from = hit && hit - text > 200 ? hit - 200 : text;
			ck_assert_msg(hit == NULL, "%.300s shows %s (of %s): %.400s", where, window,
				      secrets[s], from);
		}
	}
}

/* A message is one line with no control characters. */
static void assert_one_line(const char *where, const char *text)
{
	for (const unsigned char *c = (const unsigned char *)text; *c; c++)
		ck_assert_msg(*c >= 0x20 && *c != 0x7f, "%.300s: control character 0x%02x in '%.400s'",
			      where, *c, text);
}

static void assert_message(const char *where, const char *text)
{
	assert_clean(where, text);
	assert_one_line(where, text);
}

static void assert_report(const char *where, const swi_report *r)
{
	for (size_t i = 0; i < swi_report_count(r); i++) {
		assert_message(where, swi_report_message(r, i));
		assert_clean(where, swi_report_bsn(r, i));
	}
}

/* ---- the values -------------------------------------------------------- */

#define MAX_VALUES 96
static char text_values[MAX_VALUES][48];
static size_t n_text_values;
static int32_t int_values[MAX_VALUES];
static size_t n_int_values;

static void add_text(const char *fmt, const char *digits)
{
	ck_assert_uint_lt(n_text_values, MAX_VALUES);
	snprintf(text_values[n_text_values++], sizeof(text_values[0]), fmt, digits);
}

static void setup_values(void)
{
	n_text_values = n_int_values = 0;
	for (int i = 0; i < 5; i++) {
		char t[12], spaced[16];
		snprintf(t, sizeof(t), "%09u", bsns[i]);
		const char *forms[] = {"%s", "%s ", "%s\r", "%s\n", " %s", "x%s", "-%s",
				       "%sx", "Alles in orde.\n%s\nAlles in orde."};
		/* Every form for two BSNs, the plain and the 10-digit for the rest. */
		size_t n_forms = i == 0 || i == 4 ? sizeof(forms) / sizeof(forms[0]) : 0;
		add_text("%s", t);
		add_text("1%s", t);
		for (size_t f = 1; f < n_forms; f++)
			add_text(forms[f], t);
		if (!n_forms)
			continue;
		snprintf(spaced, sizeof(spaced), "%.3s %.3s %.3s", t, t + 3, t + 6);
		add_text("%s", spaced);
		snprintf(spaced, sizeof(spaced), "%.4s.%.2s.%.3s", t, t + 4, t + 6);
		add_text("%s", spaced);
		snprintf(spaced, sizeof(spaced), "%.4s\n%.5s", t, t + 4);
		add_text("%s", spaced);
	}
	for (int i = 0; i < 5; i++) {
		int_values[n_int_values++] = (int32_t)bsns[i];
		int_values[n_int_values++] = -(int32_t)bsns[i];
		if (bsns[i] < 214748364)
			int_values[n_int_values++] = (int32_t)bsns[i] * 10 + 7;
	}
	/* The leading-zero BSN as 8 digits, and the BSN-like date. */
	char t[12];
	snprintf(t, sizeof(t), "%u", bsns[4]);
	add_text("%s", t);
	add_text("%s ", t);
	add_text("%s\r", t);
	snprintf(t, sizeof(t), "%u", bsn_date);
	add_text("%s", t);
	add_text("%s\n", t);
	int_values[n_int_values++] = (int32_t)bsn_date;
}

static void setup(void)
{
	setup_secrets();
	setup_values();
}

/* ---- the builder: every kenmerk, every setter --------------------------- */

static void check_last(swi_delivery *d, int rc, const char *what, int k, const char *value)
{
	char where[160];
	snprintf(where, sizeof(where), "%s k%d '%s'", what, k, value);
	if (rc != SWI_OK)
		assert_message(where, swi_delivery_last_message(d));
}

START_TEST(builder_messages_are_masked)
{
	swi_delivery *d;
	ck_assert_int_eq(swi_delivery_new(&d), SWI_OK);
	swi_person *p;
	char own[12];
	snprintf(own, sizeof(own), "%09u", bsns[0]);
	ck_assert_int_eq(swi_delivery_add_person(&p, d, own), SWI_OK);
	swi_record *records[SWI_CATEGORY_BOETE + 1] = {NULL};
	for (int c = SWI_CATEGORY_PIP; c <= SWI_CATEGORY_BOETE; c++)
		ck_assert_int_eq(swi_person_add_record(&records[c], p, (swi_category)c), SWI_OK);

	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++) {
		swi_category c = swi_kenmerk_category(k);
		for (size_t v = 0; v < n_text_values; v++) {
			const char *t = text_values[v];
			int rc = c == SWI_CATEGORY_LEVERING ? swi_delivery_set_text(d, k, t)
			       : c == SWI_CATEGORY_PERSOON ? swi_person_set_text(p, k, t)
						       : swi_record_set_text(records[c], k, t);
			check_last(d, rc, "set_text", k, t);
		}
		for (size_t v = 0; v < n_int_values; v++) {
			int32_t x = int_values[v];
			char t[16];
			snprintf(t, sizeof(t), "%d", x);
			int rc = c == SWI_CATEGORY_LEVERING ? swi_delivery_set_int(d, k, x)
			       : c == SWI_CATEGORY_PERSOON ? swi_person_set_int(p, k, x)
						       : swi_record_set_int(records[c], k, x);
			check_last(d, rc, "set_int", k, t);
			if (c == SWI_CATEGORY_PERSOON)
				rc = swi_person_set_date(p, k, x, 1, 1);
			else if (c >= SWI_CATEGORY_PIP)
				rc = swi_record_set_date(records[c], k, 2026, x, x);
			check_last(d, rc, "set_date", k, t);
		}
	}
	/* A kenmerk or record kind number that is a BSN. */
	for (size_t v = 0; v < n_int_values; v++) {
		char t[16];
		snprintf(t, sizeof(t), "%d", int_values[v]);
		check_last(d, swi_person_set_int(p, int_values[v], 1), "kenmerk", 0, t);
		check_last(d, swi_person_add_record(NULL, p, (swi_category)int_values[v]),
			   "add_record", 0, t);
		check_last(d, swi_delivery_set_reference_date(d, int_values[v]), "peildatum", 0, t);
	}
	/* The person BSN: add, find, duplicate, change. */
	for (size_t v = 0; v < n_text_values; v++) {
		const char *t = text_values[v];
		swi_person *q = NULL;
		check_last(d, swi_delivery_add_person(&q, d, t), "add_person", 8, t);
		check_last(d, swi_delivery_find_person(&q, d, t), "find_person", 8, t);
		check_last(d, swi_person_set_text(p, 8, t), "set_text", 8, t);
		int32_t k8 = SWI_K_BURGERSERVICENUMMER, bad = 1;
		check_last(d, swi_delivery_add_person_ints(&q, d, t, 1, &k8, &bad), "add_ints", 8, t);
	}
	check_last(d, swi_delivery_add_person(NULL, d, own), "duplicate", 8, own);
	swi_delivery_free(d);
	ck_assert_uint_gt(checked_texts, 1000);
}
END_TEST

/* ---- the batch ----------------------------------------------------------- */

START_TEST(batch_messages_are_masked)
{
	swi_delivery *d;
	ck_assert_int_eq(swi_delivery_new(&d), SWI_OK);
	for (size_t v = 0; v < n_int_values; v++) {
		int32_t x = int_values[v];
		char t[16];
		snprintf(t, sizeof(t), "%d", x);
		/* As the person's BSN. */
		int32_t entries[] = {SWI_CATEGORY_PERSOON, 1};
		int32_t ks[] = {SWI_K_BURGERSERVICENUMMER}, vs[] = {x};
		size_t done;
		int rc = swi_delivery_add_batch(d, 1, entries, 1, ks, vs, &done);
		check_last(d, rc, "batch bsn", 8, t);
		/* As every other kenmerk of a person and a record. */
		for (int k = SWI_K_GEBOORTEDATUM; k <= SWI_KENMERK_LAST; k++) {
			swi_category c = swi_kenmerk_category(k);
			int32_t e2[] = {SWI_CATEGORY_PERSOON, c == SWI_CATEGORY_PERSOON ? 2 : 1,
					(int32_t)c, 1};
			int32_t k2[] = {SWI_K_BURGERSERVICENUMMER, k}, v2[] = {(int32_t)bsns[1], x};
			rc = swi_delivery_add_batch(d, c == SWI_CATEGORY_PERSOON ? 1 : 2, e2, 2, k2, v2,
						    &done);
			check_last(d, rc, "batch", k, t);
		}
		/* As a category, a count and a kenmerk number. */
		int32_t e3[] = {SWI_CATEGORY_PERSOON, 1, x, 0};
		check_last(d, swi_delivery_add_batch(d, 2, e3, 1, ks, vs, &done), "batch c", 0, t);
		int32_t e4[] = {SWI_CATEGORY_PERSOON, x};
		check_last(d, swi_delivery_add_batch(d, 1, e4, 1, ks, vs, &done), "batch n", 0, t);
		int32_t k5[] = {SWI_K_BURGERSERVICENUMMER, x}, v5[] = {(int32_t)bsns[2], 1};
		int32_t e5[] = {SWI_CATEGORY_PERSOON, 2};
		check_last(d, swi_delivery_add_batch(d, 1, e5, 2, k5, v5, &done), "batch k", 0, t);
	}
	swi_delivery_free(d);
}
END_TEST

/* ---- validate, compare, write, mirror ------------------------------------ */

static void assert_buffer(const char *where, swi_buffer *b)
{
	char *text = strndup(swi_buffer_data(b), swi_buffer_size(b));
	assert_clean(where, text);
	free(text);
	swi_buffer_free(b);
}

static void assert_mirror(const char *where, swi_delivery *d)
{
	swi_mirror *m;
	swi_buffer *b;
	ck_assert_int_eq(swi_delivery_mirror(&m, d), SWI_OK);
	ck_assert_int_eq(swi_mirror_json(&b, m), SWI_OK);
	assert_buffer(where, b);
	ck_assert_int_eq(swi_mirror_html(&b, m), SWI_OK);
	assert_buffer(where, b);
	swi_mirror_free(m);
}

static const char *valid_value(int k);

/* A delivery whose persons have the secret BSNs and the BSN-like date in
 * every date kenmerk, so validate quotes it, plus generated persons. */
static swi_delivery *delivery_with_secrets(uint64_t seed, int quarter)
{
	swi_delivery *d = gen_delivery(2026, quarter);
	struct gen g;
	gen_seed(&g, seed);
	gen_persons(d, &g, 20, GEN_FULL);
	for (int i = 0; i < 5; i++) {
		swi_person *p;
		char t[12];
		snprintf(t, sizeof(t), "%09u", bsns[i]);
		ck_assert_int_eq(swi_delivery_add_person(&p, d, t), SWI_OK);
		for (int k = SWI_K_GEBOORTEDATUM; k <= SWI_K_EINDE_BEGELEIDING_DATUM; k++)
			if (swi_kenmerk_type(k) == SWI_TYPE_DATE)
				ck_assert_int_eq(swi_person_set_int(p, k, (int32_t)bsn_date), SWI_OK);
		swi_record *r;
		ck_assert_int_eq(swi_person_add_record(&r, p, SWI_CATEGORY_BOETE), SWI_OK);
		ck_assert_int_eq(swi_record_set_int(r, SWI_K_BOETE_DATUM, (int32_t)bsn_date), SWI_OK);
		/* The same fine in both quarters: compare quotes its date. */
		ck_assert_int_eq(swi_record_set_text(r, SWI_K_BOETE_REDEN, valid_value(37)), SWI_OK);
		ck_assert_int_eq(swi_record_set_int(r, SWI_K_BOETE_BEDRAG, 100), SWI_OK);
	}
	for (swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p)) {
		char t[16];
		ck_assert_int_eq(swi_person_get_text(p, SWI_K_BURGERSERVICENUMMER, t, sizeof(t)),
				 SWI_OK);
		add_secret(t);
	}
	return d;
}

START_TEST(validate_compare_write_mirror_are_masked)
{
	swi_delivery *d = delivery_with_secrets(1, 2);
	swi_delivery *prev = delivery_with_secrets(2, 1);
	ck_assert_int_eq(swi_delivery_set_reference_date(d, (int32_t)bsn_date), SWI_OK);
	swi_report *r;
	ck_assert_int_eq(swi_delivery_validate(&r, d, "SWI_123456782.XML", 0), SWI_OK);
	ck_assert_uint_gt(swi_report_count(r), 10);
	assert_report("validate", r);
	swi_report_free(r);
	ck_assert_int_eq(swi_delivery_compare(&r, prev, d, 0), SWI_OK);
	ck_assert_uint_gt(swi_report_count(r), 0);
	assert_report("compare", r);
	swi_report_free(r);
	swi_buffer *b;
	ck_assert_int_lt(swi_delivery_write_buffer(&b, d, 0), 0);
	assert_message("write refused", swi_delivery_last_message(d));
	assert_mirror("mirror", d);

	/* With SHOW_BSN the report's BSN column is full (validate.h). */
	char own[12];
	snprintf(own, sizeof(own), "%09u", bsns[0]);
	bool found = false;
	ck_assert_int_eq(swi_delivery_validate(&r, d, NULL, SWI_VALIDATE_SHOW_BSN), SWI_OK);
	for (size_t i = 0; i < swi_report_count(r); i++)
		found |= strcmp(swi_report_bsn(r, i), own) == 0;
	ck_assert(found);
	swi_report_free(r);
	found = false;
	ck_assert_int_eq(swi_delivery_compare(&r, prev, d, SWI_VALIDATE_SHOW_BSN), SWI_OK);
	for (size_t i = 0; i < swi_report_count(r); i++)
		found |= strcmp(swi_report_bsn(r, i), own) == 0;
	ck_assert(found);
	swi_report_free(r);
	swi_delivery_free(prev);
	swi_delivery_free(d);
}
END_TEST

/* ---- the reader ---------------------------------------------------------- */

static const char *valid_value(int k)
{
	switch (swi_kenmerk_type(k)) {
	case SWI_TYPE_YEAR: return "2026";
	case SWI_TYPE_CODE4: return "0153";
	case SWI_TYPE_DATE: return "20260115";
	case SWI_TYPE_NUMBER: return "1";
	case SWI_TYPE_TEXT: return "x";
	case SWI_TYPE_BSN: return NULL; /* the person's */
	case SWI_TYPE_CODE:
	case SWI_TYPE_TEXT_CODE:
	default: {
		const char *code;
		swi_kenmerk_code_at(k, 0, &code, NULL);
		return code;
	}
	}
}

static void append(char **buf, size_t *len, const char *s)
{
	size_t n = strlen(s);
	*buf = realloc(*buf, *len + n + 1);
	ck_assert_ptr_nonnull(*buf);
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

/* XML character data; CR and LF as references, so they reach the reader. */
static void append_value(char **buf, size_t *len, const char *v)
{
	for (; *v; v++) {
		char c[8] = {*v, 0};
		if (*v == '\r' || *v == '\n')
			snprintf(c, sizeof(c), "&#%d;", *v);
		else if (*v == '<')
			snprintf(c, sizeof(c), "&lt;");
		else if (*v == '&')
			snprintf(c, sizeof(c), "&amp;");
		append(buf, len, c);
	}
}

/* Every kenmerk in schema order; kenmerk `k` holds `value`, the person
 * BSN is `bsn` (a valid one, or one that gets the person refused). */
static char *document(int k, const char *value, const char *bsn, size_t *len)
{
	char *buf = NULL;
	*len = 0;
	append(&buf, len, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SWI>\n");
	for (int c = SWI_CATEGORY_LEVERING; c <= SWI_CATEGORY_BOETE; c++) {
		int first, last;
		swi_category_range((swi_category)c, &first, &last);
		char tag[64];
		snprintf(tag, sizeof(tag), "<%s>\n", swi_category_element((swi_category)c));
		append(&buf, len, tag);
		for (int j = first; j <= last; j++) {
			const char *v = j == k ? value : j == SWI_K_BURGERSERVICENUMMER ? bsn
										: valid_value(j);
			snprintf(tag, sizeof(tag), "<%s>", swi_kenmerk_element(j));
			append(&buf, len, tag);
			append_value(&buf, len, v);
			snprintf(tag, sizeof(tag), "</%s>\n", swi_kenmerk_element(j));
			append(&buf, len, tag);
		}
		if (c != SWI_CATEGORY_PERSOON) {
			snprintf(tag, sizeof(tag), "</%s>\n", swi_category_element((swi_category)c));
			append(&buf, len, tag);
		}
		if (c == SWI_CATEGORY_BOETE)
			append(&buf, len, "</Persoon>\n");
	}
	append(&buf, len, "</SWI>\n");
	return buf;
}

static const char *xsd_path(void)
{
	const char *xsd = getenv("SWI_XSD");
	ck_assert_msg(xsd && *xsd, "SWI_XSD is not set (tests/meson.build sets it)");
	return xsd;
}

static void read_and_check(const char *doc, size_t len, const char *xsd, const char *where)
{
	swi_delivery *d;
	swi_report *r;
	ck_assert_int_eq(swi_read_buffer(&d, &r, doc, len, xsd, 0), SWI_OK);
	assert_report(where, r);
	assert_message(where, swi_delivery_last_message(d));
	swi_report_free(r);
	if (!xsd)
		assert_mirror(where, d);
	swi_delivery_free(d);
}

static void read_everything(const char *xsd)
{
	char own[12];
	snprintf(own, sizeof(own), "%09u", bsns[1]);
	const char *person_bsns[] = {own, "000000001"}; /* kept, refused */
	size_t findings = 0;
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++) {
		for (size_t v = 0; v < n_text_values; v++) {
			for (int b = 0; b < 2; b++) {
				size_t len;
				char *doc = document(k, text_values[v], person_bsns[b], &len);
				char where[96];
				snprintf(where, sizeof(where), "read%s k%d value %zu bsn %d",
					 xsd ? " --xsd" : "", k, v, b);
				read_and_check(doc, len, xsd, where);
				findings++;
				free(doc);
			}
		}
	}
	ck_assert_uint_gt(findings, 1000);
}

START_TEST(read_messages_are_masked)
{
	read_everything(NULL);
}
END_TEST

START_TEST(read_xsd_messages_are_masked)
{
	/* libxml2 quotes the value in its schema messages. */
	size_t len;
	char own[12];
	snprintf(own, sizeof(own), "%09u", bsns[1]);
	char *doc = document(SWI_K_GEBOORTEDATUM, text_values[0], own, &len);
	swi_delivery *d;
	swi_report *r;
	ck_assert_int_eq(swi_read_buffer(&d, &r, doc, len, xsd_path(), SWI_READ_SHOW_BSN), SWI_OK);
	bool quoted = false;
	for (size_t i = 0; i < swi_report_count(r); i++)
		quoted |= strstr(swi_report_message(r, i), "XSD:") &&
			  strstr(swi_report_message(r, i), secrets[0]);
	ck_assert_msg(quoted, "libxml2 no longer quotes values: this test checks nothing");
	swi_report_free(r);
	swi_delivery_free(d);
	free(doc);
	/* A value with a line break: libxml2 quotes all of it, and all of it is
	 * masked (cut at the line break, "The value '3141" would give away the
	 * first four digits next to the masked last four). */
	char split[16], masked[16];
	snprintf(split, sizeof(split), "%.4s\n%.5s", secrets[0], secrets[0] + 4);
	snprintf(masked, sizeof(masked), "'*****%.4s'", secrets[0] + 5);
	doc = document(SWI_K_GEBOORTEDATUM, split, own, &len);
	ck_assert_int_eq(swi_read_buffer(&d, &r, doc, len, xsd_path(), 0), SWI_OK);
	quoted = false;
	for (size_t i = 0; i < swi_report_count(r); i++)
		quoted |= strstr(swi_report_message(r, i), "XSD:") &&
			  strstr(swi_report_message(r, i), masked);
	ck_assert_msg(quoted, "%s", swi_report_count(r) ? swi_report_message(r, 0) : "none");
	swi_report_free(r);
	swi_delivery_free(d);
	free(doc);
	read_everything(xsd_path());
}
END_TEST

/* With SWI_READ_SHOW_BSN, the full BSN is in the BSN column and in the
 * message about a BSN twice; without it, in neither. */
START_TEST(read_show_bsn)
{
	char own[12];
	snprintf(own, sizeof(own), "%09u", bsns[2]);
	size_t len;
	char *one = document(0, "", own, &len);
	char *end = strstr(one, "</SWI>");
	const char *person = strstr(one, "<Persoon>");
	char *doc = NULL;
	size_t n = 0;
	*end = '\0';
	append(&doc, &n, one);
	append(&doc, &n, person);
	append(&doc, &n, "</SWI>\n");
	for (unsigned flags = 0; flags <= SWI_READ_SHOW_BSN; flags += SWI_READ_SHOW_BSN) {
		swi_delivery *d;
		swi_report *r;
		ck_assert_int_eq(swi_read_buffer(&d, &r, doc, n, NULL, flags), SWI_OK);
		bool in_message = false, in_column = false;
		for (size_t i = 0; i < swi_report_count(r); i++) {
			in_message |= strstr(swi_report_message(r, i), own) != NULL;
			in_column |= strcmp(swi_report_bsn(r, i), own) == 0;
		}
		ck_assert_int_eq(in_message, flags != 0);
		ck_assert_int_eq(in_column, flags != 0);
		if (!flags)
			assert_report("read twice", r);
		swi_report_free(r);
		swi_delivery_free(d);
	}
	free(doc);
	free(one);
}
END_TEST

/* The reader's "regel N: " is libswi's count, not input: it stays readable
 * past line 9,999,999, where a file of a million persons gets. */
START_TEST(read_line_numbers_stay)
{
	const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SWI>";
	const char *tail = "<Levering><Statistiekjaar>20x6</Statistiekjaar></Levering></SWI>\n";
	size_t newlines = 12345678, n = strlen(head) + newlines + strlen(tail);
	char *doc = malloc(n + 1);
	ck_assert_ptr_nonnull(doc);
	strcpy(doc, head);
	memset(doc + strlen(head), '\n', newlines);
	strcpy(doc + strlen(head) + newlines, tail);
	swi_delivery *d;
	swi_report *r;
	ck_assert_int_eq(swi_read_buffer(&d, &r, doc, n, NULL, 0), SWI_OK);
	bool found = false;
	for (size_t i = 0; i < swi_report_count(r); i++)
		found |= strncmp(swi_report_message(r, i), "regel 12345680: ", 16) == 0;
	ck_assert_msg(found, "%s", swi_report_count(r) ? swi_report_message(r, 0) : "no diagnostic");
	swi_report_free(r);
	swi_delivery_free(d);
	free(doc);
}
END_TEST

/* ---- swi-check, run as a program ----------------------------------------- */

static char *run(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	ck_assert_ptr_nonnull(f);
	char *out = NULL;
	size_t len = 0, cap = 0;
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (len + got + 1 > cap) {
			cap = (len + got + 1) * 2;
			out = realloc(out, cap);
			ck_assert_ptr_nonnull(out);
		}
		memcpy(out + len, chunk, got);
		len += got;
	}
	pclose(f);
	if (!out)
		out = calloc(1, 1);
	else
		out[len] = '\0';
	return out;
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* No line of swi-check's text output starts with the spoofed verdict. */
static void assert_no_spoof(const char *where, const char *out)
{
	for (const char *line = out; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		ck_assert_msg(strncmp(line, "Alles in orde", 13) != 0, "%.300s: spoofed line: %.200s",
			      where, line);
}

START_TEST(swi_check_output_is_masked)
{
	const char *check = getenv("SWI_CHECK");
	if (!check || !*check)
		return; /* built without the examples */
	char dir[] = "/tmp/swi-masking-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	/* One file with a hostile value in every kenmerk, a refused person and a
	 * person twice; the previous quarter's file the same. */
	char own[12];
	snprintf(own, sizeof(own), "%09u", bsns[3]);
	char *doc = NULL;
	size_t n = 0;
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++) {
		size_t len;
		const char *v = text_values[(size_t)k % n_text_values];
		char *one = document(k, v, k % 3 ? own : "000000001", &len);
		char *persons = strstr(one, "<Persoon>");
		if (k == SWI_KENMERK_FIRST) {
			*strstr(one, "</SWI>") = '\0';
			append(&doc, &n, one);
		} else if (swi_kenmerk_category(k) != SWI_CATEGORY_LEVERING) {
			*strstr(persons, "</SWI>") = '\0';
			append(&doc, &n, persons);
		}
		free(one);
	}
	append(&doc, &n, "</SWI>\n");
	char file[256], prev[256], html[256], cmd[2048];
	snprintf(file, sizeof(file), "%s/SWI_0153_0153_20261.XML", dir);
	snprintf(prev, sizeof(prev), "%s/SWI_0153_0153_20254.XML", dir);
	snprintf(html, sizeof(html), "%s/mirror.html", dir);
	write_file(file, doc, n);
	write_file(prev, doc, n);
	free(doc);

	char opts[9][1024];
	const char *xsd = xsd_path();
	snprintf(opts[0], sizeof(opts[0]), "%s", "");
	snprintf(opts[1], sizeof(opts[1]), "--json");
	snprintf(opts[2], sizeof(opts[2]), "--xsd '%s'", xsd);
	snprintf(opts[3], sizeof(opts[3]), "--json --xsd '%s'", xsd);
	snprintf(opts[4], sizeof(opts[4]), "--previous '%s'", prev);
	snprintf(opts[5], sizeof(opts[5]), "--html '%s'", html);
	snprintf(opts[6], sizeof(opts[6]), "--reference-date %u", bsn_date);
	snprintf(opts[7], sizeof(opts[7]), "--reference-date 123456782");
	snprintf(opts[8], sizeof(opts[8]), "--previous '%s' --xsd '%s' --json", prev, xsd);
	for (size_t o = 0; o < 9; o++) {
		for (int show = 0; show < 2; show++) {
			snprintf(cmd, sizeof(cmd), "'%s' '%s' %s %s 2>&1", check, file, opts[o],
				 show ? "--show-bsn" : "");
			char *out = run(cmd);
			ck_assert_msg(strlen(out) > 0, "%s: no output", cmd);
			assert_no_spoof(cmd, out);
			if (show)
				ck_assert_msg(o == 7 || strstr(out, own), "%.300s: no full BSN: %.400s",
					      cmd, out);
			else
				assert_clean(cmd, out);
			free(out);
		}
	}
	FILE *f = fopen(html, "rb");
	ck_assert_ptr_nonnull(f);
	char page[1 << 16];
	size_t got = fread(page, 1, sizeof(page) - 1, f);
	page[got] = '\0';
	fclose(f);
	assert_clean("swi-check --html", page);
	unlink(html);
	unlink(file);
	unlink(prev);
	rmdir(dir);
}
END_TEST

/* swi-csv: a data row read as the header, BSN-shaped values in cells. */
START_TEST(swi_csv_output_is_masked)
{
	const char *csv = getenv("SWI_CSV");
	if (!csv || !*csv)
		return; /* built without the examples */
	char dir[] = "/tmp/swi-masking-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[256], text[512], cmd[1024];
	snprintf(path, sizeof(path), "%s/levering.csv", dir);
	snprintf(text, sizeof(text), "Statistiekjaar,Statistiekkwartaal,Statistiekcode,"
		 "NaamSoftwarepakket,VersieSoftwarepakket,Berichtgevercode,Gemeentecode\n"
		 "2026,1,40,and,%s,0153,0153\n", secrets[1]);
	write_file(path, text, strlen(text));
	snprintf(path, sizeof(path), "%s/personen.csv", dir);
	snprintf(text, sizeof(text), "%s,19800312,2,1\n%s,1%s,2,1\n", secrets[0], secrets[1],
		 secrets[2]);
	write_file(path, text, strlen(text));
	snprintf(cmd, sizeof(cmd), "'%s' --data '%s' '%s' 2>&1", csv, dir, dir);
	char *out = run(cmd);
	ck_assert_msg(strstr(out, "kopregel"), "%s", out);
	assert_clean(cmd, out);
	free(out);
	snprintf(path, sizeof(path), "%s/personen.csv", dir);
	snprintf(text, sizeof(text), "Burgerservicenummer,Geboortedatum\n%s,%s9\n", secrets[1],
		 secrets[2]);
	write_file(path, text, strlen(text));
	out = run(cmd);
	assert_clean(cmd, out);
	free(out);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("masking");
	TCase *rule = tcase_create("rule");
	tcase_add_test(rule, rule_masks_bsn_shapes);
	tcase_add_test(rule, rule_keeps_dates_that_are_no_bsn);
	tcase_add_test(rule, rule_escapes_controls);
	tcase_add_test(rule, rule_never_cuts_a_group);
	suite_add_tcase(s, rule);
	TCase *paths = tcase_create("paths");
	tcase_add_checked_fixture(paths, setup, NULL);
	tcase_add_test(paths, builder_messages_are_masked);
	tcase_add_test(paths, batch_messages_are_masked);
	tcase_add_test(paths, validate_compare_write_mirror_are_masked);
	tcase_add_test(paths, read_messages_are_masked);
	tcase_add_test(paths, read_xsd_messages_are_masked);
	tcase_add_test(paths, read_show_bsn);
	tcase_add_test(paths, read_line_numbers_stay);
	tcase_add_test(paths, swi_check_output_is_masked);
	tcase_add_test(paths, swi_csv_output_is_masked);
	suite_add_tcase(s, paths);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
