/*
 * Municipality lists at run time (swi_delivery_load_gemeenten(),
 * $SWI_GEMEENTEN_DIR; doc/years.md): the file shapes CBS publishes, a
 * merger that turns SWI-004 on and off, malformed files that are refused
 * whole with their file and line, the writers' gate, the mirror's name, and
 * two threads that validate deliveries of different years with different
 * lists at once. The year policy per statistiekjaar is in test-rules.c.
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <swi/swi.h>

#include "generate.h"

static char tmpdir[] = "/tmp/swi-years-XXXXXX";

static void setup(void)
{
	strcpy(tmpdir, "/tmp/swi-years-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	unsetenv("SWI_GEMEENTEN_DIR");
}

/* Writes `text` to tmpdir/name; returns the path (static buffer per call site). */
static const char *put(const char *name, const char *text, char *path, size_t size)
{
	snprintf(path, size, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, strlen(text), f), strlen(text));
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

/*
 * lib/data/gemeenten-2026.csv with `drop` left out and `add` (with name
 * "Nieuwe Gemeente") added, if non-zero, as `name` in tmpdir.
 */
static const char *list_2026(const char *name, int drop, int add, char *path, size_t size)
{
	const char *root = getenv("SWI_SOURCE_ROOT");
	ck_assert_msg(root != NULL, "SWI_SOURCE_ROOT is not set (run through meson test)");
	char src[4096], line[256];
	snprintf(src, sizeof(src), "%s/lib/data/gemeenten-2026.csv", root);
	snprintf(path, size, "%s/%s", tmpdir, name);
	FILE *in = fopen(src, "r"), *out = fopen(path, "w");
	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(out);
	while (fgets(line, sizeof(line), in))
		if (!drop || atoi(line) != drop)
			fputs(line, out);
	if (add)
		fprintf(out, "%04d,Nieuwe Gemeente\n", add);
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
	return path;
}

/* A header-only delivery of `year` Q1 for `gemeente`, peildatum 15 April. */
static swi_delivery *delivery(int year, int gemeente)
{
	swi_delivery *d = gen_delivery(year, 1);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, gemeente), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_reference_date(d, year * 10000 + 415), SWI_OK);
	return d;
}

/* The rule ids of the report, space-separated ("" if clean). */
static const char *rules_of(swi_delivery *d, char *buf, size_t size)
{
	swi_report *r = NULL;
	int rc = swi_delivery_validate(&r, d, NULL, 0);
	ck_assert_msg(rc == SWI_OK, "validate: %s", swi_delivery_last_message(d));
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < swi_report_count(r) && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? " " : "", swi_report_rule(r, i));
	swi_report_free(r);
	return buf;
}

/* The message of the first diagnostic with rule `id`, copied into buf. */
static const char *message_of(swi_delivery *d, const char *id, char *buf, size_t size)
{
	swi_report *r = NULL;
	ck_assert_int_eq(swi_delivery_validate(&r, d, NULL, 0), SWI_OK);
	buf[0] = '\0';
	for (size_t i = 0; i < swi_report_count(r); i++)
		if (strcmp(swi_report_rule(r, i), id) == 0) {
			snprintf(buf, size, "%s", swi_report_message(r, i));
			break;
		}
	swi_report_free(r);
	return buf;
}

/* ---- whole deliveries per year -------------------------------------------- */

/*
 * Generated, otherwise clean deliveries of Q1 of each year, delivered in
 * April of that year: what the levering gets, and that every one of them is
 * written without SWI_WRITE_FORCE.
 */
START_TEST(test_years_written)
{
	static const struct {
		int year;
		const char *levering; /* levering-level rule ids */
		const char *why;
	} years[] = {
		{2022, "SWI-018", "the law's first year: oldest ruleset (2026), own 2022 list"},
		{2025, "SWI-018", "a late year: oldest ruleset (2026), own 2025 list"},
		{2026, "", "its own ruleset and list"},
		{2027, "SWI-017 SWI-019", "no 2027 ruleset or list: those of 2026, one warning each"},
		{2030, "SWI-017 SWI-019", "the same, four years on"},
	};
	for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		struct gen g;
		gen_seed(&g, 7);
		swi_delivery *d = gen_delivery(years[i].year, 1);
		gen_persons(d, &g, 200, GEN_CLEAN);
		swi_report *r = NULL;
		ck_assert_int_eq(swi_delivery_validate(&r, d, NULL, 0), SWI_OK);
		char got[256] = "";
		size_t n = 0;
		for (size_t k = 0; k < swi_report_count(r); k++) {
			ck_assert_msg(swi_report_person(r, k) < 0, "%d: %s %s", years[i].year,
				      swi_report_rule(r, k), swi_report_message(r, k));
			n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s", n ? " " : "",
					      swi_report_rule(r, k));
			if (strcmp(swi_report_rule(r, k), "SWI-019") != 0)
				ck_assert_msg(strstr(swi_report_message(r, k), "regelset 2026"), "%s",
					      swi_report_message(r, k));
		}
		ck_assert_msg(strcmp(got, years[i].levering) == 0, "%d (%s): got '%s'", years[i].year,
			      years[i].why, got);
		swi_report_free(r);
		swi_buffer *buf = NULL;
		ck_assert_msg(swi_delivery_write_buffer(&buf, d, 0) == SWI_OK, "%d: %s", years[i].year,
			      swi_delivery_last_message(d));
		swi_buffer_free(buf);
		swi_delivery_free(d);
	}
}
END_TEST

/* ---- shapes ------------------------------------------------------------- */

START_TEST(test_statline_shape)
{
	/* As StatLine exports it: BOM, ';', CRLF, quotes, GM codes padded with
	 * spaces, more columns, the code column not first. */
	char path[4096], got[512];
	put("gemeenten-2026.csv",
	    "\xEF\xBB\xBF\"Gemeentenaam\";\"GemeentecodeGM\";\"Provincie\"\r\n"
	    "\"Amsterdam\";\"GM0363    \";\"Noord-Holland\"\r\n"
	    "\"'s-Gravenhage\";\"GM0518\";\"Zuid-Holland\"\r\n"
	    "\"Zeg \"\"ja\"\"\";\"gm1999\";\"Utrecht\"\r\n"
	    "\r\n",
	    path, sizeof(path));
	swi_delivery *d = delivery(2026, 363);
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 0, path), SWI_OK);
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), "");
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 1999), SWI_OK);
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), "");
	/* Enschede is not in this list: SWI-004 names the list and its file. */
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 153), SWI_OK);
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), "SWI-004");
	swi_delivery_free(d);

	/* The lib/data shape with ',' and no header at all. */
	put("lijst.csv", "0153,Enschede\n14,Groningen", path, sizeof(path));
	d = delivery(2026, 14);
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 0, path), SWI_OK); /* year from k1 */
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), "");
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 363), SWI_OK);
	ck_assert_msg(strstr(message_of(d, "SWI-004", got, sizeof(got)), "0363") &&
			      strstr(got, "1 januari 2026"), "%s", got);
	swi_delivery_free(d);
}
END_TEST

/* ---- a merger toggles SWI-004 ------------------------------------------- */

START_TEST(test_merger)
{
	/* 2026 as if Enschede (0153) had merged into a new municipality 1999. */
	char path[4096], got[512];
	list_2026("merger.csv", 153, 1999, path, sizeof(path));
	swi_delivery *d = delivery(2026, 153);
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), ""); /* the compiled-in list */
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 1999), SWI_OK);
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), "SWI-004");

	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 2026, path), SWI_OK);
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), ""); /* the new code is known */
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 153), SWI_OK);
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), "SWI-004"); /* the old one is gone */

	/* The list is the delivery's: another delivery still has the compiled one. */
	swi_delivery *other = delivery(2026, 153);
	ck_assert_str_eq(rules_of(other, got, sizeof(got)), "");
	swi_delivery_free(other);

	/* ... and the writers' gate follows it: refused, then written. */
	swi_buffer *buf = NULL;
	ck_assert_int_eq(swi_delivery_write_buffer(&buf, d, 0), SWI_EINVALID);
	ck_assert_msg(strstr(swi_delivery_last_message(d), "SWI-004"), "%s",
		      swi_delivery_last_message(d));
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 1999), SWI_OK);
	ck_assert_int_eq(swi_delivery_write_buffer(&buf, d, 0), SWI_OK);
	swi_buffer_free(buf);

	/* A validation without errors is remembered; loading a list forgets it. */
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), "");
	char plain[4096];
	list_2026("gemeenten-2026.csv", 0, 0, plain, sizeof(plain));
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 0, plain), SWI_OK); /* replaces */
	ck_assert_int_eq(swi_delivery_write_buffer(&buf, d, 0), SWI_EINVALID);
	swi_delivery_free(d);
}
END_TEST

/* ---- malformed lists ----------------------------------------------------- */

static const struct {
	const char *text;
	unsigned line;
	const char *says;
} malformed[] = {
	{"code,naam\n0153,Enschede\nGMabc,Nergens\n", 3, "'GMabc' is geen gemeentecode"},
	{"code,naam\n0153,Enschede\n12345,Te lang\n", 3, "geen gemeentecode"},
	{"code,naam\n0153,Enschede\n0000,Nul\n", 3, "geen gemeentecode"},
	{"code,naam\n0153,Enschede\n0014,Groningen\n153,Enschede\n", 4, "staat er al (regel 2)"},
	{"code;naam\r\n0153;\"Enschede\r\n", 2, "aanhalingsteken niet afgesloten"},
	{"code;naam\n\"0153\"x;Enschede\n", 2, "na een afsluitend aanhalingsteken"},
	{"code,naam\n0153,Enschede\n0014\n", 3, "naam van gemeente 0014 ontbreekt"},
	{"code,naam\n0153,\n", 2, "naam van gemeente 0153 ontbreekt"},
	{"", 1, "geen gemeenten"},
	{"\xEF\xBB\xBF" "code,naam\r\n\r\n", 1, "geen gemeenten"},
	{"code,naam\n0153,Ensc\0hede\n", 2, "NUL"},
};

START_TEST(test_malformed)
{
	char path[4096], good[4096], got[512];
	list_2026("gemeenten-2026.csv", 153, 0, good, sizeof(good));
	snprintf(path, sizeof(path), "%s/kapot-2026.csv", tmpdir);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	/* One entry has a NUL inside: write the bytes up to the final newline. */
	const char *text = malformed[_i].text;
	size_t len = strlen(text);
	if (strstr(malformed[_i].says, "NUL"))
		len = sizeof("code,naam\n0153,Ensc\0hede\n") - 1;
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);

	swi_delivery *d = delivery(2026, 153);
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 0, good), SWI_OK);
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 0, path), SWI_EDATAFILE);
	const char *msg = swi_delivery_last_message(d);
	char where[64];
	snprintf(where, sizeof(where), "regel %u:", malformed[_i].line);
	ck_assert_msg(strstr(msg, path) && strstr(msg, where) && strstr(msg, malformed[_i].says),
		      "case %d: %s", _i, msg);
	/* Nothing of it was kept: the good list (without 0153) still applies. */
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), "SWI-004");
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_arguments)
{
	char path[4096];
	swi_delivery *d = delivery(2026, 153);
	ck_assert_int_eq(swi_delivery_load_gemeenten(NULL, 2026, "x.csv"), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 2026, NULL), SWI_EINVAL);
	snprintf(path, sizeof(path), "%s/gemeenten-2026.csv", tmpdir);
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 0, path), SWI_EIO); /* no such file */
	ck_assert_msg(strstr(swi_delivery_last_message(d), path), "%s",
		      swi_delivery_last_message(d));
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 0, tmpdir), SWI_EIO); /* a directory */
	/* No year in the name and no k1: the caller must say which year. */
	put("lijst.csv", "0153,Enschede\n", path, sizeof(path));
	ck_assert_int_eq(swi_delivery_unset(d, SWI_K_STATISTIEKJAAR), SWI_OK);
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 0, path), SWI_EINVAL);
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 2027, path), SWI_OK);
	swi_delivery_free(d);
}
END_TEST

/* ---- allocation failure --------------------------------------------------- */

struct failing {
	long calls, fail_at, live;
};

static void *failing_alloc(void *ud, void *ptr, size_t size)
{
	struct failing *f = ud;
	if (size == 0) {
		if (ptr) {
			f->live--;
			free(ptr);
		}
		return NULL;
	}
	if (f->calls++ == f->fail_at)
		return NULL;
	void *p = realloc(ptr, size);
	if (p && !ptr)
		f->live++;
	return p;
}

/* Each allocation of a load fails in turn: SWI_ENOMEM, the old list stays, nothing leaks. */
START_TEST(test_load_out_of_memory)
{
	char without[4096], with[4096], got[512];
	list_2026("zonder-2026.csv", 153, 0, without, sizeof(without));
	list_2026("met-2026.csv", 0, 0, with, sizeof(with));
	for (long n = 0;; n++) {
		struct failing f = {.fail_at = -1};
		swi_delivery *d = NULL;
		ck_assert_int_eq(swi_delivery_new_with_allocator(&d, failing_alloc, &f), SWI_OK);
		ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, 2026), SWI_OK);
		ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, 1), SWI_OK);
		ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 153), SWI_OK);
		ck_assert_int_eq(swi_delivery_set_reference_date(d, 20260415), SWI_OK);
		ck_assert_int_eq(swi_delivery_load_gemeenten(d, 0, without), SWI_OK);
		f.fail_at = f.calls + n;
		int rc = swi_delivery_load_gemeenten(d, 0, with);
		f.fail_at = -1;
		if (rc == SWI_OK) {
			ck_assert_msg(n > 2, "only %ld allocations", n);
			swi_delivery_free(d);
			ck_assert_int_eq(f.live, 0);
			break;
		}
		ck_assert_int_eq(rc, SWI_ENOMEM);
		ck_assert_msg(strstr(rules_of(d, got, sizeof(got)), "SWI-004"), "%ld: %s", n, got);
		swi_delivery_free(d);
		ck_assert_msg(f.live == 0, "failing allocation %ld: %ld blocks left", n, f.live);
	}
}
END_TEST

/* ---- the directory of $SWI_GEMEENTEN_DIR ---------------------------------- */

START_TEST(test_env_dir)
{
	char path[4096], got[512];
	ck_assert_int_eq(setenv("SWI_GEMEENTEN_DIR", tmpdir, 1), 0);
	swi_delivery *d = delivery(2026, 153);
	ck_assert_str_eq(rules_of(d, got, sizeof(got)), ""); /* nothing there yet */

	/* A 2026 file there replaces the compiled-in list, without a rebuild. */
	list_2026("gemeenten-2026.csv", 153, 0, path, sizeof(path));
	ck_assert_msg(strstr(message_of(d, "SWI-004", got, sizeof(got)), path), "%s", got);
	/* A list given to the delivery goes first. */
	char own[4096];
	list_2026("eigen-2026.csv", 0, 0, own, sizeof(own));
	swi_delivery *d2 = delivery(2026, 153);
	ck_assert_int_eq(swi_delivery_load_gemeenten(d2, 0, own), SWI_OK);
	ck_assert_str_eq(rules_of(d2, got, sizeof(got)), "");
	swi_delivery_free(d2);

	/* 2027 has no list: the newest earlier one, from the directory. */
	swi_delivery *y27 = delivery(2027, 153);
	ck_assert_str_eq(rules_of(y27, got, sizeof(got)), "SWI-017 SWI-019 SWI-004");
	ck_assert_msg(strstr(message_of(y27, "SWI-019", got, sizeof(got)), "1 januari 2026") &&
			      strstr(got, path), "%s", got);
	/* ... until there is one. */
	list_2026("gemeenten-2027.csv", 0, 0, path, sizeof(path));
	ck_assert_str_eq(rules_of(y27, got, sizeof(got)), "SWI-017");
	swi_delivery_free(y27);

	/* A malformed file there stops validation and writing, naming it. */
	put("gemeenten-2026.csv", "code,naam\n0153,Enschede\nGM01x3,Fout\n", path, sizeof(path));
	swi_report *r = NULL;
	ck_assert_int_eq(swi_delivery_validate(&r, d, NULL, 0), SWI_EDATAFILE);
	ck_assert_ptr_null(r);
	ck_assert_msg(strstr(swi_delivery_last_message(d), path) &&
			      strstr(swi_delivery_last_message(d), "regel 3"),
		      "%s", swi_delivery_last_message(d));
	swi_buffer *buf = NULL;
	ck_assert_int_eq(swi_delivery_write_buffer(&buf, d, 0), SWI_EDATAFILE);
	ck_assert_ptr_null(buf);
	swi_delivery_free(d);
}
END_TEST

/* ---- the mirror names the municipality from the same list ---------------- */

START_TEST(test_mirror_name)
{
	char path[4096];
	put("gemeenten-2026.csv", "code,naam\n0153,Enschede-Hengelo\n", path, sizeof(path));
	swi_delivery *d = delivery(2026, 153);
	ck_assert_int_eq(swi_delivery_load_gemeenten(d, 0, path), SWI_OK);
	swi_mirror *m = NULL;
	swi_buffer *json = NULL;
	ck_assert_int_eq(swi_delivery_mirror(&m, d), SWI_OK);
	ck_assert_int_eq(swi_mirror_json(&json, m), SWI_OK);
	char text[8192];
	snprintf(text, sizeof(text), "%.*s", (int)swi_buffer_size(json), swi_buffer_data(json));
	ck_assert_msg(strstr(text, "\"Enschede-Hengelo\""), "%s", text);
	swi_buffer_free(json);
	swi_mirror_free(m);
	swi_delivery_free(d);
}
END_TEST

/* ---- two threads, two years, two lists ----------------------------------- */

struct job {
	int year, gemeente;
	const char *list;   /* given to each delivery */
	const char *expect; /* the rule ids every validation must give */
	int failures;
	char last[512];
};

static void *run_job(void *arg)
{
	struct job *j = arg;
	for (int i = 0; i < 150; i++) {
		struct gen g;
		gen_seed(&g, (uint64_t)i + 1);
		swi_delivery *d = gen_delivery(j->year, 1);
		if (swi_delivery_set_int(d, SWI_K_GEMEENTECODE, j->gemeente) != SWI_OK ||
		    swi_delivery_load_gemeenten(d, j->year, j->list) != SWI_OK) {
			j->failures++;
			swi_delivery_free(d);
			continue;
		}
		swi_report *r = NULL;
		size_t n = 0;
		j->last[0] = '\0';
		if (swi_delivery_validate(&r, d, NULL, 0) == SWI_OK) {
			for (size_t k = 0; k < swi_report_count(r); k++)
				if (swi_report_person(r, k) < 0) /* levering level only */
					n += (size_t)snprintf(j->last + n, sizeof(j->last) - n, "%s%s",
							      n ? " " : "", swi_report_rule(r, k));
		}
		j->failures += strcmp(j->last, j->expect) != 0;
		swi_report_free(r);
		swi_delivery_free(d);
	}
	return NULL;
}

START_TEST(test_threads)
{
	char without_153[4096], with_1999[4096];
	list_2026("gemeenten-2026.csv", 153, 0, without_153, sizeof(without_153));
	list_2026("gemeenten-2027.csv", 0, 1999, with_1999, sizeof(with_1999));
	struct job a = {.year = 2026, .gemeente = 153, .list = without_153, .expect = "SWI-004"};
	struct job b = {.year = 2027, .gemeente = 1999, .list = with_1999, .expect = "SWI-017"};
	pthread_t ta, tb;
	ck_assert_int_eq(pthread_create(&ta, NULL, run_job, &a), 0);
	ck_assert_int_eq(pthread_create(&tb, NULL, run_job, &b), 0);
	ck_assert_int_eq(pthread_join(ta, NULL), 0);
	ck_assert_int_eq(pthread_join(tb, NULL), 0);
	ck_assert_msg(a.failures == 0, "2026: %d failures, last '%s'", a.failures, a.last);
	ck_assert_msg(b.failures == 0, "2027: %d failures, last '%s'", b.failures, b.last);
}
END_TEST

static Suite *years_suite(void)
{
	Suite *s = suite_create("years");
	TCase *tc = tcase_create("lists");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_years_written);
	tcase_add_test(tc, test_statline_shape);
	tcase_add_test(tc, test_merger);
	tcase_add_loop_test(tc, test_malformed, 0, (int)(sizeof(malformed) / sizeof(malformed[0])));
	tcase_add_test(tc, test_arguments);
	tcase_add_test(tc, test_load_out_of_memory);
	tcase_add_test(tc, test_env_dir);
	tcase_add_test(tc, test_mirror_name);
	tcase_add_test(tc, test_threads);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(years_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
