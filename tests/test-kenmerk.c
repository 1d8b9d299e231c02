/*
 * Every kenmerk 1..38 against Table 1, Table 2 and section 3.2 of the
 * guideline, through every setter path (text, int, date), plus the
 * introspection API.
 *
 * The expectations are written out here from the guideline, not read from
 * lib/kenmerken.c: a wrong width, type or code in the library's table must
 * make these tests fail, so the two may not share a source.
 */
#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

#define LEV SWI_CATEGORY_LEVERING
#define PER SWI_CATEGORY_PERSOON
#define PIP SWI_CATEGORY_PIP
#define GSP SWI_CATEGORY_GESPREK
#define BOE SWI_CATEGORY_BOETE

/* Table 1 (category), Table 2 (notation, positions, codes) and the XSD's
 * minOccurs as documented in kenmerk.h (k1-k11, k30, k35-k38). */
struct spec {
	swi_category cat;
	swi_value_type type;
	int width;
	int required;
	const char *codes[14]; /* Table 2 order, NULL-terminated */
};

#define NEE_JA {"1", "2"}
#define NIVEAU4 {"1", "2", "3", "9"}

static const struct spec spec[SWI_KENMERK_LAST + 1] = {
	[1] = {LEV, SWI_TYPE_YEAR, 4, 1, {NULL}},
	[2] = {LEV, SWI_TYPE_CODE, 1, 1, {"1", "2", "3", "4"}},
	[3] = {LEV, SWI_TYPE_CODE, 2, 1, {"40"}},
	[4] = {LEV, SWI_TYPE_TEXT_CODE, 3, 1,
	       {"sam", "cys", "zna", "inf", "mct", "mob", "moz", "rmw", "ssd", "wiz", "xws", "yar",
		"and"}},
	[5] = {LEV, SWI_TYPE_TEXT, 12, 1, {NULL}},
	[6] = {LEV, SWI_TYPE_CODE4, 4, 1, {NULL}},
	[7] = {LEV, SWI_TYPE_CODE4, 4, 1, {NULL}},
	[8] = {PER, SWI_TYPE_BSN, 9, 1, {NULL}},
	[9] = {PER, SWI_TYPE_DATE, 8, 1, {NULL}},
	[10] = {PER, SWI_TYPE_CODE, 1, 1, {"1", "2", "3"}},
	[11] = {PER, SWI_TYPE_CODE, 1, 1, {"1", "2"}},
	[12] = {PER, SWI_TYPE_DATE, 8, 0, {NULL}},
	[13] = {PER, SWI_TYPE_DATE, 8, 0, {NULL}},
	[14] = {PER, SWI_TYPE_DATE, 8, 0, {NULL}},
	[15] = {PER, SWI_TYPE_DATE, 8, 0, {NULL}},
	[16] = {PER, SWI_TYPE_NUMBER, 4, 0, {NULL}},
	[17] = {PER, SWI_TYPE_DATE, 8, 0, {NULL}},
	[18] = {PER, SWI_TYPE_CODE, 1, 0, NEE_JA},
	[19] = {PER, SWI_TYPE_CODE, 1, 0, {"1", "2"}},
	[20] = {PER, SWI_TYPE_DATE, 8, 0, {NULL}},
	[21] = {PER, SWI_TYPE_DATE, 8, 0, {NULL}},
	[22] = {PER, SWI_TYPE_DATE, 8, 0, {NULL}},
	[23] = {PER, SWI_TYPE_CODE, 1, 0, NEE_JA},
	[24] = {PER, SWI_TYPE_CODE, 1, 0, NIVEAU4},
	[25] = {PER, SWI_TYPE_CODE, 1, 0, NIVEAU4},
	[26] = {PER, SWI_TYPE_CODE, 1, 0, NIVEAU4},
	[27] = {PER, SWI_TYPE_CODE, 1, 0, NIVEAU4},
	[28] = {PER, SWI_TYPE_CODE, 1, 0, {"1", "2"}},
	[29] = {PER, SWI_TYPE_DATE, 8, 0, {NULL}},
	[30] = {PIP, SWI_TYPE_DATE, 8, 1, {NULL}},
	[31] = {PIP, SWI_TYPE_CODE, 1, 0, {"1", "2", "3"}},
	[32] = {PIP, SWI_TYPE_CODE, 1, 0, {"1", "2"}},
	[33] = {PIP, SWI_TYPE_DATE, 8, 0, {NULL}},
	[34] = {PIP, SWI_TYPE_DATE, 8, 0, {NULL}},
	[35] = {GSP, SWI_TYPE_DATE, 8, 1, {NULL}},
	[36] = {BOE, SWI_TYPE_DATE, 8, 1, {NULL}},
	[37] = {BOE, SWI_TYPE_CODE, 1, 1, {"1", "2"}},
	[38] = {BOE, SWI_TYPE_NUMBER, 4, 1, {NULL}},
};

/* 3.2.3, verbatim: the only characters a text value may contain. */
static const char specials[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}";
static const char alnum[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* BSNs that pass the 11-test; the holder's person starts with the first. */
#define BSN_A "123456782"
#define BSN_B "111222333"
#define BSN_8 "12345672" /* 012345672 */

static int n_codes(int k)
{
	int n = 0;
	while (spec[k].codes[n])
		n++;
	return n;
}

static bool has_int_form(int k)
{
	return spec[k].type != SWI_TYPE_TEXT && spec[k].type != SWI_TYPE_TEXT_CODE;
}

/* ---- one handle of every category ------------------------------------ */

static struct {
	swi_delivery *d;
	swi_person *p;
	swi_record *r[BOE + 1]; /* by kind */
} H;

static void setup(void)
{
	memset(&H, 0, sizeof(H));
	ck_assert_int_eq(swi_delivery_new(&H.d), SWI_OK);
	ck_assert_int_eq(swi_delivery_add_person(&H.p, H.d, BSN_A), SWI_OK);
	for (int c = PIP; c <= BOE; c++)
		ck_assert_int_eq(swi_person_add_record(&H.r[c], H.p, (swi_category)c), SWI_OK);
}

static void teardown(void)
{
	swi_delivery_free(H.d);
	memset(&H, 0, sizeof(H));
}

static int set_int(int c, int k, int32_t v)
{
	if (c == LEV)
		return swi_delivery_set_int(H.d, k, v);
	if (c == PER)
		return swi_person_set_int(H.p, k, v);
	return swi_record_set_int(H.r[c], k, v);
}

static int set_text(int c, int k, const char *t)
{
	if (c == LEV)
		return swi_delivery_set_text(H.d, k, t);
	if (c == PER)
		return swi_person_set_text(H.p, k, t);
	return swi_record_set_text(H.r[c], k, t);
}

/* The levering has no date setter (it has no date kenmerken). */
static int set_date(int c, int k, int y, int m, int d)
{
	if (c == PER)
		return swi_person_set_date(H.p, k, y, m, d);
	return swi_record_set_date(H.r[c], k, y, m, d);
}

static int get_int(int c, int k, int32_t *out)
{
	if (c == LEV)
		return swi_delivery_get_int(H.d, k, out);
	if (c == PER)
		return swi_person_get_int(H.p, k, out);
	return swi_record_get_int(H.r[c], k, out);
}

static int get_text(int c, int k, char *buf, size_t size)
{
	if (c == LEV)
		return swi_delivery_get_text(H.d, k, buf, size);
	if (c == PER)
		return swi_person_get_text(H.p, k, buf, size);
	return swi_record_get_text(H.r[c], k, buf, size);
}

static int unset(int c, int k)
{
	if (c == LEV)
		return swi_delivery_unset(H.d, k);
	if (c == PER)
		return swi_person_unset(H.p, k);
	return swi_record_unset(H.r[c], k);
}

static int has(int c, int k)
{
	if (c == LEV)
		return swi_delivery_has(H.d, k);
	if (c == PER)
		return swi_person_has(H.p, k);
	return swi_record_has(H.r[c], k);
}

/* k3 is always 40 and k8 identifies the person: neither can be unset. */
static bool unsettable(int k)
{
	return k != SWI_K_STATISTIEKCODE && k != SWI_K_BURGERSERVICENUMMER;
}

/* The value as text, or "<unset>", so before/after compare in one strcmp. */
static void snapshot(int k, char out[SWI_VALUE_MAX])
{
	int rc = get_text(spec[k].cat, k, out, SWI_VALUE_MAX);
	if (rc == SWI_ENOTSET)
		strcpy(out, "<unset>");
	else
		ck_assert_msg(rc == SWI_OK, "kenmerk %d: get_text gave %d", k, rc);
}

/* "kenmerk 3" must not be satisfied by "kenmerk 30". */
static bool names_kenmerk(const char *msg, int k)
{
	char want[32];
	int n = snprintf(want, sizeof(want), "kenmerk %d", k);
	for (const char *p = msg; (p = strstr(p, want)) != NULL; p++)
		if (p[n] < '0' || p[n] > '9')
			return true;
	return false;
}

/* Puts an unrelated error into the slot, so a stale slot cannot pass. */
static void prime_error_slot(void)
{
	ck_assert_int_eq(swi_delivery_set_int(H.d, 0, 1), SWI_EKENMERK);
}

static void assert_failure_recorded(int k, int rc, const char *what)
{
	ck_assert_msg(swi_delivery_last_error(H.d) == rc, "kenmerk %d, %s: last_error %d, returned %d",
		      k, what, swi_delivery_last_error(H.d), rc);
	const char *msg = swi_delivery_last_message(H.d);
	ck_assert_msg(names_kenmerk(msg, k), "kenmerk %d, %s: message does not name it: \"%s\"", k,
		      what, msg);
}

/* ---- one attempt to set a value, by any path ------------------------- */

enum how { BY_TEXT, BY_INT, BY_DATE };

struct try {
	enum how how;
	const char *text;
	int32_t v;
	int y, m, d;
};

#define T(s) {.how = BY_TEXT, .text = (s)}
#define I(n) {.how = BY_INT, .v = (n)}
#define D(yy, mm, dd) {.how = BY_DATE, .y = (yy), .m = (mm), .d = (dd)}

static const char *describe(const struct try *t, char *buf, size_t size)
{
	switch (t->how) {
	case BY_TEXT:
		snprintf(buf, size, "set_text(\"%s\")", t->text);
		break;
	case BY_INT:
		snprintf(buf, size, "set_int(%ld)", (long)t->v);
		break;
	case BY_DATE:
		snprintf(buf, size, "set_date(%d, %d, %d)", t->y, t->m, t->d);
		break;
	}
	return buf;
}

static int attempt(int c, int k, const struct try *t)
{
	switch (t->how) {
	case BY_TEXT:
		return set_text(c, k, t->text);
	case BY_INT:
		return set_int(c, k, t->v);
	case BY_DATE:
		return set_date(c, k, t->y, t->m, t->d);
	}
	return SWI_EINVAL;
}

/* A value that is valid for kenmerk k and differs from every tested input. */
static const char *baseline(int k)
{
	switch (spec[k].type) {
	case SWI_TYPE_YEAR:
		return "2026";
	case SWI_TYPE_CODE:
	case SWI_TYPE_TEXT_CODE:
		return spec[k].codes[n_codes(k) - 1];
	case SWI_TYPE_TEXT:
		return "v1.0";
	case SWI_TYPE_CODE4:
		return "0153";
	case SWI_TYPE_BSN:
		return BSN_A;
	case SWI_TYPE_DATE:
		return "20260107";
	case SWI_TYPE_NUMBER:
		return "16";
	}
	return NULL;
}

static void accept(int k, const struct try *t, const char *want)
{
	char what[64], got[SWI_VALUE_MAX];
	int c = spec[k].cat;
	describe(t, what, sizeof(what));
	/* From unset (or another value), so that a setter that does nothing fails. */
	if (unsettable(k))
		ck_assert_int_eq(unset(c, k), SWI_OK);
	int rc = attempt(c, k, t);
	ck_assert_msg(rc == SWI_OK, "kenmerk %d: %s refused with %d (%s): %s", k, what, rc,
		      swi_strerror(rc), swi_delivery_last_message(H.d));
	ck_assert_msg(has(c, k) == 1, "kenmerk %d: %s accepted but has() is not 1", k, what);
	ck_assert_int_eq(get_text(c, k, got, sizeof(got)), SWI_OK);
	ck_assert_msg(strcmp(got, want) == 0, "kenmerk %d: %s reads back as \"%s\", expected \"%s\"",
		      k, what, got, want);
	ck_assert_msg((int)strlen(got) <= spec[k].width, "kenmerk %d: \"%s\" wider than %d positions",
		      k, got, spec[k].width);
	if (has_int_form(k)) {
		int32_t v = -12345;
		ck_assert_int_eq(get_int(c, k, &v), SWI_OK);
		ck_assert_msg(v == (int32_t)strtol(want, NULL, 10),
			      "kenmerk %d: %s gives get_int %ld, expected %s", k, what, (long)v, want);
	}
}

/* rc_alt: a second acceptable code where the guideline allows two readings. */
static void reject2(int k, const struct try *t, int want, int want_alt)
{
	char what[64], before[SWI_VALUE_MAX], after[SWI_VALUE_MAX];
	int c = spec[k].cat;
	describe(t, what, sizeof(what));
	/* Once from unset and once over a value: neither may be touched. */
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 0) {
			if (!unsettable(k))
				continue;
			ck_assert_int_eq(unset(c, k), SWI_OK);
		} else {
			ck_assert_int_eq(set_text(c, k, baseline(k)), SWI_OK);
		}
		snapshot(k, before);
		prime_error_slot();
		int rc = attempt(c, k, t);
		ck_assert_msg(rc == want || rc == want_alt,
			      "kenmerk %d: %s gave %d (%s), expected %d (%s)", k, what, rc,
			      swi_strerror(rc), want, swi_strerror(want));
		assert_failure_recorded(k, rc, what);
		snapshot(k, after);
		ck_assert_msg(strcmp(before, after) == 0,
			      "kenmerk %d: rejected %s changed the value from %s to %s", k, what, before,
			      after);
	}
}

static void reject(int k, const struct try *t, int want)
{
	reject2(k, t, want, want);
}

struct vcase {
	struct try t;
	int rc;           /* SWI_OK: accepted */
	const char *text; /* what get_text gives back after acceptance */
	int rc_alt;       /* 0: only rc */
};

static void run_cases(int k, const struct vcase *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct vcase *v = &cases[i];
		if (v->t.how == BY_DATE && spec[k].cat == LEV)
			continue;
		if (v->rc == SWI_OK)
			accept(k, &v->t, v->text);
		else
			reject2(k, &v->t, v->rc, v->rc_alt ? v->rc_alt : v->rc);
	}
}

#define RUN(k, cases) run_cases((k), (cases), sizeof(cases) / sizeof((cases)[0]))

/* ---- value cases per type (Table 2, 3.2) ----------------------------- */

static const struct vcase year_cases[] = {
	{I(1000), SWI_OK, "1000", 0},
	{I(2026), SWI_OK, "2026", 0},
	{I(9999), SWI_OK, "9999", 0},
	{T("1000"), SWI_OK, "1000", 0},
	{T("2026"), SWI_OK, "2026", 0},
	{T("9999"), SWI_OK, "9999", 0},
	{I(999), SWI_ERANGE, NULL, 0},
	{I(10000), SWI_ERANGE, NULL, 0},
	{I(0), SWI_ERANGE, NULL, 0},
	{I(-1), SWI_ERANGE, NULL, 0},
	{I(-2026), SWI_ERANGE, NULL, 0},
	{I(INT32_MAX), SWI_ERANGE, NULL, 0},
	{I(INT32_MIN), SWI_ERANGE, NULL, 0},
	/* [jjjj] is four digits: fewer or more is the wrong notation. */
	{T("999"), SWI_EFORMAT, NULL, 0},
	{T("10000"), SWI_EFORMAT, NULL, 0},
	{T("26"), SWI_EFORMAT, NULL, 0},
	{T(""), SWI_EFORMAT, NULL, 0},
	{T("20a6"), SWI_EFORMAT, NULL, 0},
	{T(" 2026"), SWI_EFORMAT, NULL, 0},
	{T("2026 "), SWI_EFORMAT, NULL, 0},
	{T("-202"), SWI_EFORMAT, NULL, 0},
	{T("+202"), SWI_EFORMAT, NULL, 0},
};

static const struct vcase code4_cases[] = {
	{I(0), SWI_OK, "0000", 0},
	{I(153), SWI_OK, "0153", 0},
	{I(9999), SWI_OK, "9999", 0},
	{T("153"), SWI_OK, "0153", 0},
	{T("0153"), SWI_OK, "0153", 0},
	{T("0"), SWI_OK, "0000", 0},
	{T("0000"), SWI_OK, "0000", 0},
	{T("9999"), SWI_OK, "9999", 0},
	{I(10000), SWI_ERANGE, NULL, 0},
	{I(-1), SWI_ERANGE, NULL, 0},
	{I(INT32_MAX), SWI_ERANGE, NULL, 0},
	{I(INT32_MIN), SWI_ERANGE, NULL, 0},
	/* Five digits: out of range, the same code as for the number kenmerken. */
	{T("10000"), SWI_ERANGE, NULL, 0},
	{T("-1"), SWI_EFORMAT, NULL, 0},
	{T(""), SWI_EFORMAT, NULL, 0},
	{T("15a"), SWI_EFORMAT, NULL, 0},
	{T(" 153"), SWI_EFORMAT, NULL, 0},
	{T("153 "), SWI_EFORMAT, NULL, 0},
	{T("+153"), SWI_EFORMAT, NULL, 0},
};

static const struct vcase number_cases[] = {
	{I(0), SWI_OK, "0", 0},
	{I(16), SWI_OK, "16", 0},
	{I(9999), SWI_OK, "9999", 0},
	{T("0"), SWI_OK, "0", 0},
	{T("9999"), SWI_OK, "9999", 0},
	{T("0042"), SWI_OK, "42", 0},
	{I(10000), SWI_ERANGE, NULL, 0},
	{I(-1), SWI_ERANGE, NULL, 0},
	{I(INT32_MAX), SWI_ERANGE, NULL, 0},
	{I(INT32_MIN), SWI_ERANGE, NULL, 0},
	{T("10000"), SWI_ERANGE, NULL, 0},
	{T("99999"), SWI_ERANGE, NULL, 0},
	/* 3.2.2: only digits, so a sign is the wrong notation. */
	{T("-1"), SWI_EFORMAT, NULL, 0},
	{T(""), SWI_EFORMAT, NULL, 0},
	{T("1a"), SWI_EFORMAT, NULL, 0},
	{T(" 1"), SWI_EFORMAT, NULL, 0},
	{T("+1"), SWI_EFORMAT, NULL, 0},
	{T("1.5"), SWI_EFORMAT, NULL, 0},
};

static const struct vcase date_cases[] = {
	{I(20240229), SWI_OK, "20240229", 0},
	{I(20000229), SWI_OK, "20000229", 0},
	{I(20260107), SWI_OK, "20260107", 0},
	{I(10000101), SWI_OK, "10000101", 0},
	{I(99991231), SWI_OK, "99991231", 0},
	{T("20240229"), SWI_OK, "20240229", 0},
	{T("20261231"), SWI_OK, "20261231", 0},
	{D(2024, 2, 29), SWI_OK, "20240229", 0},
	{D(2026, 1, 7), SWI_OK, "20260107", 0},
	{D(1000, 1, 1), SWI_OK, "10000101", 0},
	{D(9999, 12, 31), SWI_OK, "99991231", 0},

	{I(20250229), SWI_EDATE, NULL, 0},
	{I(19000229), SWI_EDATE, NULL, 0},
	{I(20261301), SWI_EDATE, NULL, 0},
	{I(20260431), SWI_EDATE, NULL, 0},
	{I(20260001), SWI_EDATE, NULL, 0},
	{I(20260100), SWI_EDATE, NULL, 0},
	{I(20260132), SWI_EDATE, NULL, 0},
	{T("20250229"), SWI_EDATE, NULL, 0},
	{T("19000229"), SWI_EDATE, NULL, 0},
	{T("20261301"), SWI_EDATE, NULL, 0},
	{T("20260431"), SWI_EDATE, NULL, 0},
	{T("20260230"), SWI_EDATE, NULL, 0},
	{D(2025, 2, 29), SWI_EDATE, NULL, 0},
	{D(2026, 13, 1), SWI_EDATE, NULL, 0},
	{D(2026, 4, 31), SWI_EDATE, NULL, 0},
	{D(2026, 0, 1), SWI_EDATE, NULL, 0},
	{D(2026, 1, 0), SWI_EDATE, NULL, 0},
	/* Parts out of range must not carry into another, valid date
	 * (2026*10000 + 1*100 + 101 would be 20260201). */
	{D(2026, 1, 101), SWI_EDATE, NULL, 0},
	{D(2026, -1, 301), SWI_EDATE, NULL, 0},
	{D(2026, 2, -1), SWI_EDATE, NULL, 0},
	{D(999, 12, 31), SWI_EDATE, NULL, 0},
	{D(10000, 1, 1), SWI_EDATE, NULL, 0},
	{D(INT32_MIN, INT32_MIN, INT32_MIN), SWI_EDATE, NULL, 0},
	{D(INT32_MAX, INT32_MAX, INT32_MAX), SWI_EDATE, NULL, 0},

	/* 3.2.1: always eight positions. */
	{I(2026011), SWI_EFORMAT, NULL, 0},
	{I(202601011), SWI_EFORMAT, NULL, 0},
	{I(0), SWI_EFORMAT, NULL, 0},
	{I(-20260101), SWI_EFORMAT, NULL, 0},
	{I(INT32_MAX), SWI_EFORMAT, NULL, 0},
	{I(INT32_MIN), SWI_EFORMAT, NULL, 0},
	{T("2026011"), SWI_EFORMAT, NULL, 0},
	{T("202601011"), SWI_EFORMAT, NULL, 0},
	{T("2026-01-01"), SWI_EFORMAT, NULL, 0},
	{T(""), SWI_EFORMAT, NULL, 0},
	{T("2026010a"), SWI_EFORMAT, NULL, 0},
	{T(" 2026010"), SWI_EFORMAT, NULL, 0},
	{T("20260101 "), SWI_EFORMAT, NULL, 0},
	{T("+2026010"), SWI_EFORMAT, NULL, 0},
};

static const struct vcase bsn_cases[] = {
	{T(BSN_B), SWI_OK, BSN_B, 0},
	{T("012345672"), SWI_OK, "012345672", 0},
	/* Kenmerk 8: eight digits get a leading zero. */
	{T(BSN_8), SWI_OK, "012345672", 0},
	{I(111222333), SWI_OK, BSN_B, 0},
	{I(12345672), SWI_OK, "012345672", 0},
	{T("123456789"), SWI_EBSN, NULL, 0},
	{T("000000000"), SWI_EBSN, NULL, 0},
	{T("00000000"), SWI_EBSN, NULL, 0},
	{I(123456789), SWI_EBSN, NULL, 0},
	{I(0), SWI_EBSN, NULL, 0},
	{I(-1), SWI_EBSN, NULL, 0},
	{I(-123456782), SWI_EBSN, NULL, 0},
	{I(INT32_MAX), SWI_EBSN, NULL, 0},
	{T("12345678a"), SWI_EFORMAT, NULL, 0},
	{T("1234567"), SWI_EFORMAT, NULL, 0},
	{T("1234567890"), SWI_EFORMAT, NULL, 0},
	{T(""), SWI_EFORMAT, NULL, 0},
	{T(" 12345678"), SWI_EFORMAT, NULL, 0},
};

static const struct vcase text_cases[] = {
	{T("1.0"), SWI_OK, "1.0", 0},
	{T("abcdefghijkl"), SWI_OK, "abcdefghijkl", 0},
	{T("2026.1-rc{3}"), SWI_OK, "2026.1-rc{3}", 0},
	{T("a"), SWI_OK, "a", 0},
	{T("abcdefghijklm"), SWI_ETOOLONG, NULL, 0},
	{T("1234567890123456789012345678901234567890"), SWI_ETOOLONG, NULL, 0},
	{T(""), SWI_EFORMAT, NULL, 0},
	{T(" "), SWI_ECHARSET, NULL, 0},
	{T("1.0 beta"), SWI_ECHARSET, NULL, 0},
	{T("~"), SWI_ECHARSET, NULL, 0},
	{T("v1~2"), SWI_ECHARSET, NULL, 0},
	{T("\xc3\xa9"), SWI_ECHARSET, NULL, 0},       /* é in UTF-8 */
	{T("versi\xc3\xa9"), SWI_ECHARSET, NULL, 0},
	{T("\xe9"), SWI_ECHARSET, NULL, 0},           /* é in Latin-1 */
	{T("\t"), SWI_ECHARSET, NULL, 0},
	{T("1.0\t"), SWI_ECHARSET, NULL, 0},
	{T("1.0\n"), SWI_ECHARSET, NULL, 0},
	{T("\x7f"), SWI_ECHARSET, NULL, 0},
	/* A text has no numeric form. */
	{I(1), SWI_EFORMAT, NULL, 0},
	{I(0), SWI_EFORMAT, NULL, 0},
};

static void code_cases(int k)
{
	const int width = spec[k].width;
	const int n = n_codes(k);
	for (int i = 0; i < n; i++) {
		const char *code = spec[k].codes[i];
		struct try by_text = T(code);
		struct try by_int = I((int32_t)atoi(code));
		accept(k, &by_text, code);
		accept(k, &by_int, code);
	}
	/* The neighbours of every code that are not codes themselves. */
	for (int i = 0; i < n; i++) {
		int code = atoi(spec[k].codes[i]);
		for (int near = code - 1; near <= code + 1; near += 2) {
			char text[16];
			bool listed = false;
			snprintf(text, sizeof(text), "%d", near);
			for (int j = 0; j < n; j++)
				listed |= strcmp(spec[k].codes[j], text) == 0;
			if (listed)
				continue;
			struct try by_int = I(near);
			reject(k, &by_int, SWI_ECODE);
			if (near < 0)
				continue;
			struct try by_text = T(text);
			/* More digits than positions is a notation error first. */
			reject(k, &by_text, (int)strlen(text) > width ? SWI_EFORMAT : SWI_ECODE);
		}
	}
	static const int32_t far[] = {-1, 0, 5, 10, 39, 41, 99, 100, 140, INT32_MAX, INT32_MIN};
	for (size_t i = 0; i < sizeof(far) / sizeof(far[0]); i++) {
		char text[16];
		bool listed = false;
		snprintf(text, sizeof(text), "%ld", (long)far[i]);
		for (int j = 0; j < n; j++)
			listed |= strcmp(spec[k].codes[j], text) == 0;
		if (listed)
			continue;
		struct try by_int = I(far[i]);
		reject(k, &by_int, SWI_ECODE);
	}
	static const struct vcase bad_text[] = {
		{T(""), SWI_EFORMAT, NULL, 0},
		{T("a"), SWI_EFORMAT, NULL, 0},
		{T(" 1"), SWI_EFORMAT, NULL, 0},
		{T("1 "), SWI_EFORMAT, NULL, 0},
		{T("+1"), SWI_EFORMAT, NULL, 0},
		{T("-1"), SWI_EFORMAT, NULL, 0},
		{T("1.0"), SWI_EFORMAT, NULL, 0},
		{T("400"), SWI_EFORMAT, NULL, 0},
	};
	RUN(k, bad_text);
}

static void text_code_cases(int k)
{
	for (int i = 0; i < n_codes(k); i++) {
		struct try t = T(spec[k].codes[i]);
		accept(k, &t, spec[k].codes[i]);
	}
	/* Exactly the letters of Table 2: case, spaces and prefixes all differ. */
	static const struct vcase bad[] = {
		{T("AND"), SWI_ECODE, NULL, 0},
		{T("And"), SWI_ECODE, NULL, 0},
		{T("xyz"), SWI_ECODE, NULL, 0},
		{T("an"), SWI_ECODE, NULL, 0},
		{T("andx"), SWI_ECODE, NULL, 0},
		{T(" and"), SWI_ECODE, NULL, 0},
		{T("and "), SWI_ECODE, NULL, 0},
		{T("Ander pakket"), SWI_ECODE, NULL, 0},
		{I(0), SWI_EFORMAT, NULL, 0},
		{I(1), SWI_EFORMAT, NULL, 0},
		{I(13), SWI_EFORMAT, NULL, 0},
	};
	RUN(k, bad);
}

/* set_date on a kenmerk that is no date. */
static void not_a_date_cases(int k)
{
	if (spec[k].cat == LEV)
		return;
	struct try t = D(2026, 1, 7);
	/* The kind of wrongness is not documented; that it is refused is. */
	reject2(k, &t, SWI_EFORMAT, SWI_EINVAL);
}

START_TEST(test_values)
{
	const int k = _i;
	switch (spec[k].type) {
	case SWI_TYPE_YEAR:
		RUN(k, year_cases);
		break;
	case SWI_TYPE_CODE:
		code_cases(k);
		break;
	case SWI_TYPE_TEXT_CODE:
		text_code_cases(k);
		break;
	case SWI_TYPE_TEXT:
		RUN(k, text_cases);
		break;
	case SWI_TYPE_CODE4:
		RUN(k, code4_cases);
		break;
	case SWI_TYPE_BSN:
		RUN(k, bsn_cases);
		break;
	case SWI_TYPE_DATE:
		RUN(k, date_cases);
		break;
	case SWI_TYPE_NUMBER:
		RUN(k, number_cases);
		break;
	}
	if (spec[k].type != SWI_TYPE_DATE)
		not_a_date_cases(k);
}
END_TEST

/*
 * SWI_EDATE is documented as "eight digits, but not an existing calendar
 * date". These are eight digits (the second is the common ddmmjjjj mix-up)
 * but start with a year below 1000.
 */
START_TEST(test_date_eight_digits_not_a_date)
{
	static const struct vcase cases[] = {
		{T("00000000"), SWI_EDATE, NULL, 0},
		{T("07011952"), SWI_EDATE, NULL, 0},
		{T("01012026"), SWI_EDATE, NULL, 0},
	};
	RUN(SWI_K_GEBOORTEDATUM, cases);
	RUN(SWI_K_PIP_DATUM, cases);
}
END_TEST

/* ---- the character set of 3.2.3 ------------------------------------- */

START_TEST(test_text_every_byte)
{
	const int k = SWI_K_VERSIE_SOFTWAREPAKKET;
	for (int b = 1; b < 256; b++) {
		char text[2] = {(char)b, '\0'};
		bool allowed = strchr(specials, b) || strchr(alnum, b);
		struct try t = T(text);
		if (allowed)
			accept(k, &t, text);
		else
			reject(k, &t, SWI_ECHARSET);
	}
}
END_TEST

START_TEST(test_text_specials_together)
{
	const int k = SWI_K_VERSIE_SOFTWAREPAKKET;
	const char *sets[] = {specials, alnum};
	for (size_t s = 0; s < 2; s++) {
		size_t len = strlen(sets[s]);
		for (size_t at = 0; at < len; at += 12) {
			char chunk[13] = "";
			snprintf(chunk, sizeof(chunk), "%s", sets[s] + at);
			struct try t = T(chunk);
			accept(k, &t, chunk);
		}
	}
	/* The exact twelve-position boundary with the awkward XML characters. */
	struct try edge = T("<&>\"'<&>\"'<&");
	accept(k, &edge, "<&>\"'<&>\"'<&");
	struct try over = T("<&>\"'<&>\"'<&>");
	reject(k, &over, SWI_ETOOLONG);
}
END_TEST

/* ---- category, unknown kenmerk, NULL -------------------------------- */

START_TEST(test_wrong_category)
{
	const int k = _i;
	const int home = spec[k].cat;
	char before[SWI_VALUE_MAX], after[SWI_VALUE_MAX], buf[SWI_VALUE_MAX];
	ck_assert_int_eq(set_text(home, k, baseline(k)), SWI_OK);
	snapshot(k, before);
	for (int c = LEV; c <= BOE; c++) {
		if (c == home)
			continue;
		int32_t v;
		int rcs[7], n = 0;
		rcs[n++] = set_int(c, k, 1);
		rcs[n++] = set_text(c, k, baseline(k));
		rcs[n++] = get_int(c, k, &v);
		rcs[n++] = get_text(c, k, buf, sizeof(buf));
		rcs[n++] = unset(c, k);
		rcs[n++] = has(c, k);
		if (c != LEV)
			rcs[n++] = set_date(c, k, 2026, 1, 7);
		for (int i = 0; i < n; i++) {
			ck_assert_msg(rcs[i] == SWI_ECATEGORY,
				      "kenmerk %d via category %d (call %d): %d, expected SWI_ECATEGORY",
				      k, c, i, rcs[i]);
		}
		assert_failure_recorded(k, SWI_ECATEGORY, "wrong category");
	}
	snapshot(k, after);
	ck_assert_str_eq(before, after);
}
END_TEST

START_TEST(test_unknown_kenmerk)
{
	static const int bad[] = {0, 39, -1, 40, 255, 256, INT32_MIN, INT32_MAX};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const int k = bad[i];
		for (int c = LEV; c <= BOE; c++) {
			char buf[SWI_VALUE_MAX];
			int32_t v;
			int rcs[7], n = 0;
			rcs[n++] = set_int(c, k, 1);
			rcs[n++] = set_text(c, k, "1");
			rcs[n++] = get_int(c, k, &v);
			rcs[n++] = get_text(c, k, buf, sizeof(buf));
			rcs[n++] = unset(c, k);
			rcs[n++] = has(c, k);
			if (c != LEV)
				rcs[n++] = set_date(c, k, 2026, 1, 7);
			for (int j = 0; j < n; j++)
				ck_assert_msg(rcs[j] == SWI_EKENMERK,
					      "kenmerk %d via category %d (call %d): %d", k, c, j,
					      rcs[j]);
			ck_assert_int_eq(swi_delivery_last_error(H.d), SWI_EKENMERK);
			if (k == 0 || k == 39)
				ck_assert_msg(names_kenmerk(swi_delivery_last_message(H.d), k),
					      "message for kenmerk %d: %s", k,
					      swi_delivery_last_message(H.d));
		}
	}
}
END_TEST

START_TEST(test_null_handles)
{
	char buf[SWI_VALUE_MAX];
	int32_t v;

	ck_assert_int_eq(swi_delivery_set_int(NULL, 1, 2026), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_set_text(NULL, 1, "2026"), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_get_int(NULL, 1, &v), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_get_text(NULL, 1, buf, sizeof(buf)), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_unset(NULL, 1), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_has(NULL, 1), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_set_int(NULL, 0, 0), SWI_EINVAL);
	ck_assert_str_eq(swi_delivery_last_message(NULL), "");

	ck_assert_int_eq(swi_person_set_int(NULL, 9, 20000101), SWI_EINVAL);
	ck_assert_int_eq(swi_person_set_int(NULL, 8, 123456782), SWI_EINVAL);
	ck_assert_int_eq(swi_person_set_text(NULL, 9, "20000101"), SWI_EINVAL);
	ck_assert_int_eq(swi_person_set_text(NULL, 8, BSN_A), SWI_EINVAL);
	ck_assert_int_eq(swi_person_set_date(NULL, 9, 2000, 1, 1), SWI_EINVAL);
	ck_assert_int_eq(swi_person_get_int(NULL, 9, &v), SWI_EINVAL);
	ck_assert_int_eq(swi_person_get_text(NULL, 9, buf, sizeof(buf)), SWI_EINVAL);
	ck_assert_int_eq(swi_person_unset(NULL, 9), SWI_EINVAL);
	ck_assert_int_eq(swi_person_unset(NULL, 8), SWI_EINVAL);
	ck_assert_int_eq(swi_person_has(NULL, 9), SWI_EINVAL);

	ck_assert_int_eq(swi_record_set_int(NULL, 30, 20260101), SWI_EINVAL);
	ck_assert_int_eq(swi_record_set_text(NULL, 30, "20260101"), SWI_EINVAL);
	ck_assert_int_eq(swi_record_set_date(NULL, 30, 2026, 1, 1), SWI_EINVAL);
	ck_assert_int_eq(swi_record_get_int(NULL, 30, &v), SWI_EINVAL);
	ck_assert_int_eq(swi_record_get_text(NULL, 30, buf, sizeof(buf)), SWI_EINVAL);
	ck_assert_int_eq(swi_record_unset(NULL, 30), SWI_EINVAL);
	ck_assert_int_eq(swi_record_has(NULL, 30), SWI_EINVAL);

	/* A valid handle with a NULL argument. */
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++) {
		const int c = spec[k].cat;
		char before[SWI_VALUE_MAX], after[SWI_VALUE_MAX];
		snapshot(k, before);
		ck_assert_msg(set_text(c, k, NULL) == SWI_EINVAL, "kenmerk %d: set_text(NULL)", k);
		ck_assert_msg(get_text(c, k, NULL, 16) == SWI_EINVAL, "kenmerk %d: get_text(NULL)", k);
		if (has_int_form(k))
			ck_assert_msg(get_int(c, k, NULL) == SWI_EINVAL, "kenmerk %d: get_int(NULL)", k);
		snapshot(k, after);
		ck_assert_str_eq(before, after);
	}
}
END_TEST

/* ---- unset, not set, buffer size ------------------------------------ */

START_TEST(test_unset_and_notset)
{
	const int k = _i;
	const int c = spec[k].cat;
	char buf[SWI_VALUE_MAX];
	int32_t v = 77;

	if (k == SWI_K_STATISTIEKCODE || k == SWI_K_BURGERSERVICENUMMER) {
		/* Set from the start, and they stay set. */
		ck_assert_int_eq(has(c, k), 1);
		ck_assert_int_eq(get_text(c, k, buf, sizeof(buf)), SWI_OK);
		ck_assert_str_eq(buf, k == SWI_K_STATISTIEKCODE ? "40" : BSN_A);
		prime_error_slot();
		ck_assert_int_eq(unset(c, k), SWI_EREQUIRED);
		assert_failure_recorded(k, SWI_EREQUIRED, "unset");
		ck_assert_int_eq(has(c, k), 1);
		ck_assert_int_eq(get_text(c, k, buf, sizeof(buf)), SWI_OK);
		ck_assert_str_eq(buf, k == SWI_K_STATISTIEKCODE ? "40" : BSN_A);
		return;
	}

	/* A fresh record has nothing set, including numbers where 0 is a value. */
	ck_assert_int_eq(has(c, k), 0);
	strcpy(buf, "untouched");
	ck_assert_int_eq(get_text(c, k, buf, sizeof(buf)), SWI_ENOTSET);
	if (has_int_form(k))
		ck_assert_int_eq(get_int(c, k, &v), SWI_ENOTSET);

	ck_assert_int_eq(set_text(c, k, baseline(k)), SWI_OK);
	ck_assert_int_eq(has(c, k), 1);
	ck_assert_int_eq(unset(c, k), SWI_OK);
	ck_assert_int_eq(has(c, k), 0);
	ck_assert_int_eq(get_text(c, k, buf, sizeof(buf)), SWI_ENOTSET);
	if (has_int_form(k))
		ck_assert_int_eq(get_int(c, k, &v), SWI_ENOTSET);
	/* Unsetting what is not set is harmless. */
	ck_assert_int_eq(unset(c, k), SWI_OK);
	ck_assert_int_eq(has(c, k), 0);
	/* And it can be set again afterwards. */
	ck_assert_int_eq(set_text(c, k, baseline(k)), SWI_OK);
	ck_assert_int_eq(get_text(c, k, buf, sizeof(buf)), SWI_OK);
}
END_TEST

/* Zero is a value for numbers and codes of four positions, not "unset". */
START_TEST(test_zero_is_a_value)
{
	static const int ks[] = {SWI_K_BERICHTGEVERCODE, SWI_K_GEMEENTECODE,
				 SWI_K_BREDE_INTAKE_UREN_TAAL_KNM, SWI_K_BOETE_BEDRAG};
	for (size_t i = 0; i < sizeof(ks) / sizeof(ks[0]); i++) {
		const int k = ks[i];
		int32_t v = -1;
		ck_assert_int_eq(set_int(spec[k].cat, k, 0), SWI_OK);
		ck_assert_int_eq(has(spec[k].cat, k), 1);
		ck_assert_int_eq(get_int(spec[k].cat, k, &v), SWI_OK);
		ck_assert_int_eq(v, 0);
	}
}
END_TEST

/* The longest value each kenmerk can have, to test the buffer boundary. */
static const char *widest(int k)
{
	switch (spec[k].type) {
	case SWI_TYPE_YEAR:
		return "2026";
	case SWI_TYPE_CODE:
	case SWI_TYPE_TEXT_CODE:
		return spec[k].codes[0];
	case SWI_TYPE_TEXT:
		return "abcdefghijkl";
	case SWI_TYPE_CODE4:
		return "0153";
	case SWI_TYPE_BSN:
		return BSN_A;
	case SWI_TYPE_DATE:
		return "20260107";
	case SWI_TYPE_NUMBER:
		return "9999";
	}
	return NULL;
}

START_TEST(test_buffer_too_small)
{
	const int k = _i;
	const int c = spec[k].cat;
	const char *value = widest(k);
	const size_t len = strlen(value);
	char buf[SWI_VALUE_MAX + 8];

	ck_assert_int_eq((int)len, spec[k].width);
	ck_assert_int_lt(spec[k].width, SWI_VALUE_MAX);
	ck_assert_int_eq(set_text(c, k, value), SWI_OK);

	prime_error_slot();
	ck_assert_int_eq(get_text(c, k, buf, len), SWI_EBUFFER);
	assert_failure_recorded(k, SWI_EBUFFER, "get_text with a short buffer");
	prime_error_slot();
	ck_assert_int_eq(get_text(c, k, buf, 1), SWI_EBUFFER);
	assert_failure_recorded(k, SWI_EBUFFER, "get_text with a 1-byte buffer");
	ck_assert_int_eq(get_text(c, k, buf, 0), SWI_EBUFFER);

	/* Exactly the value and its NUL fits, and nothing is written past it. */
	memset(buf, 'x', sizeof(buf));
	ck_assert_int_eq(get_text(c, k, buf, len + 1), SWI_OK);
	ck_assert_str_eq(buf, value);
	for (size_t i = len + 1; i < sizeof(buf); i++)
		ck_assert_msg(buf[i] == 'x', "kenmerk %d: get_text wrote past the NUL at %zu", k, i);
	ck_assert_int_eq(get_text(c, k, buf, SWI_VALUE_MAX), SWI_OK);
	ck_assert_str_eq(buf, value);
}
END_TEST

/* ---- introspection --------------------------------------------------- */

START_TEST(test_introspection_table)
{
	const int k = _i;
	ck_assert_int_eq(swi_kenmerk_category(k), spec[k].cat);
	ck_assert_int_eq(swi_kenmerk_type(k), spec[k].type);
	ck_assert_int_eq(swi_kenmerk_width(k), spec[k].width);
	ck_assert_int_eq(swi_kenmerk_required(k), spec[k].required);
	ck_assert_int_eq(swi_kenmerk_code_count(k), n_codes(k));
	for (int i = 0; i < n_codes(k); i++) {
		const char *code = NULL, *meaning = NULL;
		ck_assert_int_eq(swi_kenmerk_code_at(k, i, &code, &meaning), SWI_OK);
		ck_assert_ptr_nonnull(code);
		ck_assert_ptr_nonnull(meaning);
		ck_assert_str_eq(code, spec[k].codes[i]);
		ck_assert_int_gt((int)strlen(meaning), 0);
		ck_assert_int_le((int)strlen(code), spec[k].width);
	}
	ck_assert_int_eq(swi_kenmerk_code_at(k, -1, NULL, NULL), SWI_ERANGE);
	ck_assert_int_eq(swi_kenmerk_code_at(k, n_codes(k), NULL, NULL), SWI_ERANGE);

	const char *element = swi_kenmerk_element(k);
	const char *label = swi_kenmerk_label(k);
	ck_assert_ptr_nonnull(element);
	ck_assert_ptr_nonnull(label);
	ck_assert_int_gt((int)strlen(element), 0);
	ck_assert_int_gt((int)strlen(label), 0);
	ck_assert_int_eq(swi_kenmerk_by_element(element), k);
	/* XML element names: no spaces or punctuation. */
	for (const char *p = element; *p; p++)
		ck_assert_msg(strchr(alnum, *p), "kenmerk %d: element \"%s\"", k, element);
	for (int other = SWI_KENMERK_FIRST; other <= SWI_KENMERK_LAST; other++)
		if (other != k)
			ck_assert_str_ne(swi_kenmerk_element(other), element);
}
END_TEST

START_TEST(test_introspection_hand_checked)
{
	const char *code, *meaning;

	ck_assert_str_eq(swi_kenmerk_element(1), "Statistiekjaar");
	ck_assert_str_eq(swi_kenmerk_label(5), "Release/versienummer softwarepakket");
	ck_assert_str_eq(swi_kenmerk_element(9), "Geboortedatum");
	ck_assert_str_eq(swi_kenmerk_label(9), "Geboortedatum");
	ck_assert_int_eq(swi_kenmerk_by_element("Geboortedatum"), 9);
	ck_assert_int_eq(swi_kenmerk_by_element("Burgerservicenummer"), 8);
	ck_assert_int_eq(swi_kenmerk_by_element("BoeteBedrag"), 38);

	ck_assert_int_eq(swi_kenmerk_code_at(4, 12, &code, &meaning), SWI_OK);
	ck_assert_str_eq(code, "and");
	ck_assert_str_eq(meaning, "Ander pakket");
	ck_assert_int_eq(swi_kenmerk_code_at(4, 0, &code, &meaning), SWI_OK);
	ck_assert_str_eq(code, "sam");
	ck_assert_str_eq(meaning, "CiVision Samenlevingszaken (PinkRoccade)");
	ck_assert_int_eq(swi_kenmerk_code_at(10, 1, &code, &meaning), SWI_OK);
	ck_assert_str_eq(code, "2");
	ck_assert_str_eq(meaning, "Vrouw");
	ck_assert_int_eq(swi_kenmerk_code_at(24, 3, &code, &meaning), SWI_OK);
	ck_assert_str_eq(code, "9");
	ck_assert_str_eq(meaning, "Onbekend");
	ck_assert_int_eq(swi_kenmerk_code_at(3, 0, &code, &meaning), SWI_OK);
	ck_assert_str_eq(code, "40");
	ck_assert_str_eq(meaning, "Statistiek Wet Inburgering");
	ck_assert_int_eq(swi_kenmerk_code_at(31, 2, &code, NULL), SWI_OK);
	ck_assert_str_eq(code, "3");
	ck_assert_int_eq(swi_kenmerk_code_at(31, 2, NULL, &meaning), SWI_OK);
	ck_assert_str_eq(meaning, "Z-route");

	ck_assert_int_eq(swi_kenmerk_width(5), 12);
	ck_assert_int_eq(swi_kenmerk_type(5), SWI_TYPE_TEXT);
	ck_assert_int_eq(swi_kenmerk_width(8), 9);
	ck_assert_int_eq(swi_kenmerk_type(16), SWI_TYPE_NUMBER);
	ck_assert_int_eq(swi_kenmerk_category(35), SWI_CATEGORY_GESPREK);
	ck_assert_int_eq(swi_kenmerk_required(35), 1);
	ck_assert_int_eq(swi_kenmerk_required(12), 0);
	ck_assert_int_eq(swi_kenmerk_code_count(5), 0);
	ck_assert_int_eq(swi_kenmerk_code_count(4), 13);
}
END_TEST

/*
 * A code given as a number is accepted exactly when its decimal text is: the
 * int path compares numbers (lib/value.c, has_numeric_code) and must never
 * drift from the code list as written. Every numeric code kenmerk, every
 * value from -3 to 130.
 */
START_TEST(test_code_int_and_text_agree)
{
	swi_delivery *d;
	swi_person *p;
	swi_record *rec[SWI_CATEGORY_BOETE + 1] = {NULL};
	ck_assert_int_eq(swi_delivery_new(&d), SWI_OK);
	ck_assert_int_eq(swi_delivery_add_person(&p, d, "123456782"), SWI_OK);
	for (int c = SWI_CATEGORY_PIP; c <= SWI_CATEGORY_BOETE; c++)
		ck_assert_int_eq(swi_person_add_record(&rec[c], p, (swi_category)c), SWI_OK);
	int checked = 0;
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++) {
		if (swi_kenmerk_type(k) != SWI_TYPE_CODE)
			continue;
		swi_category c = swi_kenmerk_category(k);
		for (int32_t v = -3; v <= 130; v++) {
			char text[16];
			snprintf(text, sizeof(text), "%d", (int)v);
			int by_int, by_text;
			if (c == SWI_CATEGORY_LEVERING) {
				by_int = swi_delivery_set_int(d, k, v);
				by_text = swi_delivery_set_text(d, k, text);
			} else if (c == SWI_CATEGORY_PERSOON) {
				by_int = swi_person_set_int(p, k, v);
				by_text = swi_person_set_text(p, k, text);
			} else {
				by_int = swi_record_set_int(rec[c], k, v);
				by_text = swi_record_set_text(rec[c], k, text);
			}
			/* A negative number is no code either way, by its notation in text. */
			ck_assert_msg((by_int == SWI_OK) == (by_text == SWI_OK),
				      "kenmerk %d, %d: as int %d, as text %d", k, (int)v, by_int, by_text);
			checked++;
		}
	}
	ck_assert_int_gt(checked, 10 * 134);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_introspection_unknown)
{
	static const int bad[] = {0, 39, -1, 40, INT32_MIN, INT32_MAX};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const int k = bad[i];
		const char *code = "keep", *meaning = "keep";
		ck_assert_ptr_null(swi_kenmerk_element(k));
		ck_assert_ptr_null(swi_kenmerk_label(k));
		ck_assert_int_eq(swi_kenmerk_category(k), 0);
		ck_assert_int_eq(swi_kenmerk_type(k), 0);
		ck_assert_int_eq(swi_kenmerk_width(k), 0);
		ck_assert_int_eq(swi_kenmerk_required(k), SWI_EKENMERK);
		ck_assert_int_eq(swi_kenmerk_code_count(k), SWI_EKENMERK);
		ck_assert_int_eq(swi_kenmerk_code_at(k, 0, &code, &meaning), SWI_EKENMERK);
	}
	ck_assert_int_eq(swi_kenmerk_by_element(NULL), SWI_EKENMERK);
	ck_assert_int_eq(swi_kenmerk_by_element(""), SWI_EKENMERK);
	ck_assert_int_eq(swi_kenmerk_by_element("geboortedatum"), SWI_EKENMERK);
	ck_assert_int_eq(swi_kenmerk_by_element("Geboortedatum "), SWI_EKENMERK);
	ck_assert_int_eq(swi_kenmerk_by_element("Persoon"), SWI_EKENMERK);
	ck_assert_int_eq(swi_kenmerk_by_element("SWI"), SWI_EKENMERK);
}
END_TEST

static Suite *kenmerk_suite(void)
{
	Suite *s = suite_create("kenmerk");
	const int first = SWI_KENMERK_FIRST, end = SWI_KENMERK_LAST + 1;

	TCase *tc = tcase_create("values");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_values, first, end);
	tcase_add_test(tc, test_date_eight_digits_not_a_date);
	tcase_add_test(tc, test_text_every_byte);
	tcase_add_test(tc, test_text_specials_together);
	tcase_add_loop_test(tc, test_wrong_category, first, end);
	tcase_add_test(tc, test_unknown_kenmerk);
	tcase_add_test(tc, test_null_handles);
	tcase_add_loop_test(tc, test_unset_and_notset, first, end);
	tcase_add_test(tc, test_zero_is_a_value);
	tcase_add_loop_test(tc, test_buffer_too_small, first, end);
	suite_add_tcase(s, tc);

	tc = tcase_create("introspection");
	tcase_add_loop_test(tc, test_introspection_table, first, end);
	tcase_add_test(tc, test_introspection_hand_checked);
	tcase_add_test(tc, test_introspection_unknown);
	tcase_add_test(tc, test_code_int_and_text_agree);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(kenmerk_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
