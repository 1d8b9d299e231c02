/*
 * The public generator of synthetic deliveries (swi/generate.h,
 * lib/generate.c): rule-valid for every quarter of 2022-2027, every
 * kenmerk used, deterministic per seed, options that do what they say and
 * refuse what they cannot, and all or nothing under allocation failure.
 */
#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

/* FNV-1a of the file for seed 42, 300 persons, 2026 K3 (test_deterministic). */
#define GOLDEN_FNV 0x296f0c11c9664002ull

static swi_generator *make(int year, int quarter, int64_t seed, int64_t persons)
{
	swi_generator *g;
	ck_assert_int_eq(swi_generator_new(&g), SWI_OK);
	ck_assert_int_eq(swi_generator_set(g, SWI_GEN_YEAR, year), SWI_OK);
	ck_assert_int_eq(swi_generator_set(g, SWI_GEN_QUARTER, quarter), SWI_OK);
	ck_assert_int_eq(swi_generator_set(g, SWI_GEN_SEED, seed), SWI_OK);
	ck_assert_int_eq(swi_generator_set(g, SWI_GEN_PERSONS, persons), SWI_OK);
	return g;
}

static swi_delivery *generate(swi_generator *g)
{
	swi_delivery *d = NULL;
	int rc = swi_generate(&d, g);
	ck_assert_msg(rc == SWI_OK, "swi_generate: %s: %s", swi_strerror(rc),
		      swi_generator_last_message(g));
	return d;
}

/* The warnings of doc/years.md: a year without its own ruleset or list. */
static bool year_policy_rule(const char *rule)
{
	return !strcmp(rule, "SWI-017") || !strcmp(rule, "SWI-018") || !strcmp(rule, "SWI-019");
}

/* Validates; no errors, and with `clean` no warnings but the year policy's. */
static void check_valid(swi_delivery *d, bool clean, const char *what)
{
	swi_report *r;
	ck_assert_int_eq(swi_delivery_validate(&r, d, NULL, 0), SWI_OK);
	for (size_t i = 0; i < swi_report_count(r); i++) {
		bool error = swi_report_severity(r, i) == SWI_SEVERITY_ERROR;
		if (error || (clean && !year_policy_rule(swi_report_rule(r, i))))
			ck_abort_msg("%s: %s %s (%s)", what, swi_report_rule(r, i),
				     swi_report_message(r, i), error ? "fout" : "waarschuwing");
	}
	swi_report_free(r);
	/* And the writer's own gate agrees. */
	swi_buffer *b;
	ck_assert_int_eq(swi_delivery_write_buffer(&b, d, 0), SWI_OK);
	swi_buffer_free(b);
}

/* Marks every kenmerk that has a value somewhere in the delivery. */
static void mark_used(swi_delivery *d, bool used[SWI_KENMERK_LAST + 1])
{
	for (int k = 1; k <= 7; k++)
		used[k] |= swi_delivery_has(d, k) == 1;
	static const swi_category kinds[] = {SWI_CATEGORY_PIP, SWI_CATEGORY_GESPREK,
					     SWI_CATEGORY_BOETE};
	for (swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p)) {
		for (int k = 8; k <= 29; k++)
			used[k] |= swi_person_has(p, k) == 1;
		for (size_t c = 0; c < 3; c++)
			for (swi_record *r = swi_person_first_record(p, kinds[c]); r;
			     r = swi_record_next(r))
				for (int k = 30; k <= SWI_KENMERK_LAST; k++)
					if (swi_kenmerk_category(k) == kinds[c])
						used[k] |= swi_record_has(r, k) == 1;
	}
}

static void check_all_used(const bool used[SWI_KENMERK_LAST + 1], const char *what)
{
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++)
		ck_assert_msg(used[k], "%s: kenmerk %d (%s) komt nergens voor", what, k,
			      swi_kenmerk_label(k));
}

/* Every quarter of 2022-2027 (the loop index), three seeds, realistic and
 * clean: no errors, no other warnings when clean, every kenmerk used. */
START_TEST(test_every_quarter)
{
	const int year = 2022 + _i / 4, quarter = 1 + _i % 4;
	for (int clean = 0; clean <= 1; clean++) {
		bool used[SWI_KENMERK_LAST + 1] = {false};
		for (int seed = 1; seed <= 3; seed++) {
			swi_generator *g = make(year, quarter, seed * 1000 + _i, 400);
			ck_assert_int_eq(swi_generator_set(g, SWI_GEN_CLEAN, clean), SWI_OK);
			swi_delivery *d = generate(g);
			ck_assert_uint_eq(swi_delivery_person_count(d), 400);
			char what[80];
			snprintf(what, sizeof(what), "%d K%d seed %d%s", year, quarter, seed,
				 clean ? " clean" : "");
			check_valid(d, clean, what);
			mark_used(d, used);
			swi_delivery_free(d);
			swi_generator_free(g);
		}
		char what[40];
		snprintf(what, sizeof(what), "%d K%d%s", year, quarter, clean ? " clean" : "");
		check_all_used(used, what);
	}
}
END_TEST

/* One delivery of a few hundred persons on its own uses every kenmerk. */
START_TEST(test_one_delivery_uses_all)
{
	swi_generator *g = make(2026, 2, 42, 500);
	swi_delivery *d = generate(g);
	bool used[SWI_KENMERK_LAST + 1] = {false};
	mark_used(d, used);
	check_all_used(used, "2026 K2 seed 42, 500 personen");
	swi_delivery_free(d);
	swi_generator_free(g);
}
END_TEST

/* Mixes of the options stay rule-valid in every quarter of 2022-2027 (the
 * loop index), the first quarters of the law included. */
START_TEST(test_option_mixes_valid)
{
	const int year = 2022 + _i / 4, quarter = 1 + _i % 4;
	static const int64_t mixes[][7] = {
		/* asiel, pips, talks, fines, zroute, movers, full */
		{0, 1, 1, 1, -1, -1, 0},   {100, 1, 1, 1, -1, -1, 0}, {55, 0, 1, 1, -1, -1, 0},
		{55, 1, 0, 0, -1, -1, 0},  {55, 1, 1, 1, 100, -1, 0}, {55, 1, 1, 1, 0, 100, 0},
		{55, 1, 1, 1, 100, 100, 1}, {30, 1, 1, 1, 50, 30, 1},  {55, 0, 0, 0, 0, 0, 1},
	};
	for (size_t m = 0; m < sizeof(mixes) / sizeof(mixes[0]); m++)
		for (int clean = 0; clean <= 1; clean++) {
			swi_generator *g = make(year, quarter, (int64_t)m + 7 + _i * 100, 200);
			for (int o = 0; o < 7; o++)
				ck_assert_int_eq(swi_generator_set(g, SWI_GEN_ASIEL_PERCENT + o,
								   mixes[m][o]), SWI_OK);
			ck_assert_int_eq(swi_generator_set(g, SWI_GEN_CLEAN, clean), SWI_OK);
			swi_delivery *d = generate(g);
			char what[60];
			snprintf(what, sizeof(what), "%d K%d mix %zu%s", year, quarter, m,
				 clean ? " clean" : "");
			check_valid(d, clean, what);
			swi_delivery_free(d);
			swi_generator_free(g);
		}
}
END_TEST

static swi_buffer *bytes_of(int64_t seed, int quarter)
{
	swi_generator *g = make(2026, quarter, seed, 300);
	swi_delivery *d = generate(g);
	swi_buffer *b;
	ck_assert_int_eq(swi_delivery_write_buffer(&b, d, 0), SWI_OK);
	swi_delivery_free(d);
	swi_generator_free(g);
	return b;
}

static uint64_t fnv1a(const swi_buffer *b)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < swi_buffer_size(b); i++)
		h = (h ^ (unsigned char)swi_buffer_data(b)[i]) * 0x100000001b3ull;
	return h;
}

/* Same seed and options: the same bytes; another seed: other bytes. */
START_TEST(test_deterministic)
{
	swi_buffer *a = bytes_of(42, 3), *b = bytes_of(42, 3), *c = bytes_of(43, 3);
	ck_assert_uint_eq(swi_buffer_size(a), swi_buffer_size(b));
	ck_assert(memcmp(swi_buffer_data(a), swi_buffer_data(b), swi_buffer_size(a)) == 0);
	ck_assert(swi_buffer_size(a) != swi_buffer_size(c) ||
		  memcmp(swi_buffer_data(a), swi_buffer_data(c), swi_buffer_size(a)) != 0);
	/* The same on every platform: a digest of this release's stream. A
	 * change to the generator changes it (say so in the release notes). */
	ck_assert_msg(fnv1a(a) == (uint64_t)GOLDEN_FNV, "digest %016llx",
		      (unsigned long long)fnv1a(a));
	swi_buffer_free(a);
	swi_buffer_free(b);
	swi_buffer_free(c);
}
END_TEST

START_TEST(test_options_refused)
{
	swi_generator *g;
	ck_assert_int_eq(swi_generator_new(NULL), SWI_EINVAL);
	ck_assert_int_eq(swi_generator_new(&g), SWI_OK);
	ck_assert_str_eq(swi_generator_last_message(g), "");
	int64_t v;
	static const int64_t defaults[][2] = {
		{SWI_GEN_SEED, 1},	   {SWI_GEN_PERSONS, 100},	  {SWI_GEN_YEAR, 2026},
		{SWI_GEN_QUARTER, 1},	   {SWI_GEN_GEMEENTE, 153},	  {SWI_GEN_BERICHTGEVER, -1},
		{SWI_GEN_ASIEL_PERCENT, 55}, {SWI_GEN_PIPS, 1},		  {SWI_GEN_TALKS, 1},
		{SWI_GEN_FINES, 1},	   {SWI_GEN_ZROUTE_PERCENT, -1}, {SWI_GEN_MOVERS_PERCENT, -1},
		{SWI_GEN_CLEAN, 0},	   {SWI_GEN_FULL, 0},
	};
	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		ck_assert_int_eq(swi_generator_get(g, (int)defaults[i][0], &v), SWI_OK);
		ck_assert_msg(v == defaults[i][1], "option %lld: %lld", (long long)defaults[i][0],
			      (long long)v);
	}
	static const struct {
		int option;
		int64_t value;
		int rc;
		const char *says;
	} bad[] = {
		{SWI_GEN_YEAR, 2021, SWI_EYEAR, "2021"},   {SWI_GEN_YEAR, 10000, SWI_EYEAR, "10000"},
		{SWI_GEN_QUARTER, 0, SWI_ERANGE, "kwartaal"}, {SWI_GEN_QUARTER, 5, SWI_ERANGE, "5"},
		{SWI_GEN_GEMEENTE, 0, SWI_ERANGE, "gemeentecode"},
		{SWI_GEN_GEMEENTE, 10000, SWI_ERANGE, "10000"},
		{SWI_GEN_BERICHTGEVER, -2, SWI_ERANGE, "berichtgevercode"},
		{SWI_GEN_PERSONS, -1, SWI_ERANGE, "personen"},
		{SWI_GEN_PERSONS, 10000001, SWI_ERANGE, "personen"},
		{SWI_GEN_ASIEL_PERCENT, 101, SWI_ERANGE, "asiel"},
		{SWI_GEN_PIPS, 2, SWI_ERANGE, "PIP"},
		{SWI_GEN_ZROUTE_PERCENT, -2, SWI_ERANGE, "Z-route"},
		{SWI_GEN_MOVERS_PERCENT, 101, SWI_ERANGE, "verhuis"},
		{SWI_GEN_CLEAN, -1, SWI_ERANGE, "waarschuwingen"},
		{0, 1, SWI_EINVAL, "onbekende"}, {SWI_GEN_FULL + 1, 1, SWI_EINVAL, "onbekende"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int64_t before = 0;
		swi_generator_get(g, bad[i].option, &before);
		ck_assert_int_eq(swi_generator_set(g, bad[i].option, bad[i].value), bad[i].rc);
		ck_assert_msg(strstr(swi_generator_last_message(g), bad[i].says), "%zu: '%s'", i,
			      swi_generator_last_message(g));
		if (bad[i].rc != SWI_EINVAL) {
			ck_assert_int_eq(swi_generator_get(g, bad[i].option, &v), SWI_OK);
			ck_assert(v == before); /* unchanged */
		}
	}
	ck_assert_int_eq(swi_generator_get(g, 99, &v), SWI_EINVAL);
	ck_assert_int_eq(swi_generator_get(g, SWI_GEN_SEED, NULL), SWI_EINVAL);
	ck_assert_int_eq(swi_generator_set(NULL, SWI_GEN_SEED, 1), SWI_EINVAL);
	ck_assert_str_eq(swi_generator_last_message(NULL), "");

	/* A gemeentecode that is no municipality in the year's list. */
	swi_delivery *d = (swi_delivery *)1;
	ck_assert_int_eq(swi_generator_set(g, SWI_GEN_GEMEENTE, 9999), SWI_OK);
	ck_assert_int_eq(swi_generate(&d, g), SWI_ECODE);
	ck_assert_ptr_null(d);
	ck_assert_msg(strstr(swi_generator_last_message(g), "9999") &&
		      strstr(swi_generator_last_message(g), "gemeenten"),
		      "%s", swi_generator_last_message(g));
	ck_assert_int_eq(swi_generate(NULL, g), SWI_EINVAL);
	ck_assert_int_eq(swi_generate(&d, NULL), SWI_EINVAL);
	ck_assert_int_eq(swi_generate_persons(NULL, g), SWI_EINVAL);
	swi_generator_free(g);
	swi_generator_free(NULL);
}
END_TEST

static int count_persons(swi_delivery *d, int k, int32_t value)
{
	int n = 0;
	for (swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p)) {
		int32_t v;
		n += swi_person_get_int(p, k, &v) == SWI_OK && v == value;
	}
	return n;
}

static int count_records(swi_delivery *d, swi_category kind, int k, int32_t value)
{
	int n = 0;
	for (swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p))
		for (swi_record *r = swi_person_first_record(p, kind); r; r = swi_record_next(r)) {
			int32_t v;
			n += k == 0 || (swi_record_get_int(r, k, &v) == SWI_OK && v == value);
		}
	return n;
}

static swi_delivery *with(int option, int64_t value)
{
	swi_generator *g = make(2026, 2, 5, 400);
	ck_assert_int_eq(swi_generator_set(g, option, value), SWI_OK);
	swi_delivery *d = generate(g);
	swi_generator_free(g);
	return d;
}

/* The options change what they name. */
START_TEST(test_options_effect)
{
	swi_delivery *d = with(SWI_GEN_ASIEL_PERCENT, 0);
	ck_assert_int_eq(count_persons(d, SWI_K_TYPE_MIGRANT, 2), 400);
	swi_delivery_free(d);
	d = with(SWI_GEN_ASIEL_PERCENT, 100);
	ck_assert_int_eq(count_persons(d, SWI_K_TYPE_MIGRANT, 1), 400);
	ck_assert_int_eq(count_records(d, SWI_CATEGORY_GESPREK, 0, 0), 0); /* gezin only */
	swi_delivery_free(d);
	d = with(SWI_GEN_PIPS, 0);
	ck_assert_int_eq(count_records(d, SWI_CATEGORY_PIP, 0, 0), 0);
	swi_delivery_free(d);
	d = with(SWI_GEN_TALKS, 0);
	ck_assert_int_eq(count_records(d, SWI_CATEGORY_GESPREK, 0, 0), 0);
	ck_assert_int_gt(count_records(d, SWI_CATEGORY_BOETE, 0, 0), 0);
	swi_delivery_free(d);
	d = with(SWI_GEN_FINES, 0);
	ck_assert_int_eq(count_records(d, SWI_CATEGORY_BOETE, 0, 0), 0);
	ck_assert_int_gt(count_records(d, SWI_CATEGORY_GESPREK, 0, 0), 0);
	swi_delivery_free(d);
	d = with(SWI_GEN_ZROUTE_PERCENT, 100);
	int pips = count_records(d, SWI_CATEGORY_PIP, 0, 0);
	ck_assert_int_gt(pips, 100);
	ck_assert_int_eq(count_records(d, SWI_CATEGORY_PIP, SWI_K_LEERROUTE_ROUTE, 3), pips);
	swi_delivery_free(d);
	d = with(SWI_GEN_ZROUTE_PERCENT, 0);
	ck_assert_int_eq(count_records(d, SWI_CATEGORY_PIP, SWI_K_LEERROUTE_ROUTE, 3), 0);
	swi_delivery_free(d);
	d = with(SWI_GEN_MOVERS_PERCENT, 100);
	/* Everyone past the first stage (about 9 in 10) moved. */
	ck_assert_int_gt(count_persons(d, SWI_K_EINDE_BEGELEIDING_REDEN, 1), 300);
	swi_delivery_free(d);
	d = with(SWI_GEN_MOVERS_PERCENT, 0);
	ck_assert_int_eq(count_persons(d, SWI_K_EINDE_BEGELEIDING_REDEN, 1), 0);
	swi_delivery_free(d);

	d = with(SWI_GEN_GEMEENTE, 363); /* Amsterdam; berichtgever follows */
	int32_t v;
	ck_assert_int_eq(swi_delivery_get_int(d, SWI_K_GEMEENTECODE, &v), SWI_OK);
	ck_assert_int_eq(v, 363);
	ck_assert_int_eq(swi_delivery_get_int(d, SWI_K_BERICHTGEVERCODE, &v), SWI_OK);
	ck_assert_int_eq(v, 363);
	char name[32];
	ck_assert_int_eq(swi_delivery_file_name(d, 0, name, sizeof(name)), SWI_OK);
	ck_assert_str_eq(name, "SWI_0363_0363_20262.XML");
	swi_delivery_free(d);
	d = with(SWI_GEN_BERICHTGEVER, 9001);
	ck_assert_int_eq(swi_delivery_file_name(d, 0, name, sizeof(name)), SWI_OK);
	ck_assert_str_eq(name, "SWI_9001_0153_20262.XML");
	swi_delivery_free(d);
	d = with(SWI_GEN_PERSONS, 0);
	ck_assert_uint_eq(swi_delivery_person_count(d), 0);
	check_valid(d, true, "0 personen");
	swi_delivery_free(d);
}
END_TEST

/* Into an existing delivery: its own quarter, BSNs not repeated. */
START_TEST(test_generate_persons)
{
	swi_generator *g = make(2026, 1, 9, 200);
	swi_delivery *d = generate(g);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, 4), SWI_OK);
	/* The same seed again: the same BSNs come up and are skipped. */
	ck_assert_int_eq(swi_generate_persons(d, g), SWI_OK);
	ck_assert_uint_eq(swi_delivery_person_count(d), 400);
	ck_assert_int_eq(swi_delivery_set_reference_date(d, 20270115), SWI_OK);
	/* The first 200 were made for K1 and are valid in K4 as well. */
	check_valid(d, false, "into K4");
	swi_delivery_free(d);

	swi_delivery *e;
	ck_assert_int_eq(swi_delivery_new(&e), SWI_OK);
	ck_assert_int_eq(swi_generate_persons(e, g), SWI_EINCOMPLETE);
	ck_assert_ptr_nonnull(strstr(swi_generator_last_message(g), "kenmerk 1"));
	ck_assert_ptr_nonnull(strstr(swi_delivery_last_message(e), "kenmerk 1"));
	ck_assert_int_eq(swi_delivery_set_int(e, SWI_K_STATISTIEKJAAR, 2019), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(e, SWI_K_STATISTIEKKWARTAAL, 1), SWI_OK);
	ck_assert_int_eq(swi_generate_persons(e, g), SWI_EYEAR);
	ck_assert_ptr_nonnull(strstr(swi_generator_last_message(g), "2019"));
	ck_assert_uint_eq(swi_delivery_person_count(e), 0);
	swi_delivery_free(e);
	swi_generator_free(g);
}
END_TEST

/* ---- allocation failure ---------------------------------------------- */

struct counting {
	long calls, fail_at, live;
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
	if (c->calls++ == c->fail_at)
		return NULL;
	void *p = realloc(ptr, size);
	if (p && !ptr)
		c->live++;
	return p;
}

static swi_delivery *header_on(struct counting *c)
{
	swi_delivery *d;
	ck_assert_int_eq(swi_delivery_new_with_allocator(&d, counting_alloc, c), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, 2026), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, 3), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_NAAM_SOFTWAREPAKKET, "and"), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "x"), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_BERICHTGEVERCODE, 153), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 153), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_reference_date(d, 20261015), SWI_OK);
	return d;
}

/* Every allocation of swi_generate_persons() fails once in turn: SWI_ENOMEM,
 * no person added, the delivery usable; the repeated call then gives the
 * bytes of an undisturbed run, and nothing leaks. */
START_TEST(test_alloc_failure)
{
	/* More persons than one person chunk (1024), with the records they bring. */
	swi_generator *g = make(2026, 3, 77, 1100);
	struct counting quiet = {.fail_at = -1};
	swi_delivery *d = header_on(&quiet);
	long before = quiet.calls;
	ck_assert_int_eq(swi_generate_persons(d, g), SWI_OK);
	long needed = quiet.calls - before;
	swi_buffer *want;
	ck_assert_int_eq(swi_delivery_write_buffer(&want, d, 0), SWI_OK);
	swi_delivery_free(d);
	ck_assert_int_gt(needed, 3);

	for (long at = 0; at < needed; at++) {
		struct counting c = {.fail_at = -1};
		d = header_on(&c);
		c.fail_at = c.calls + at;
		ck_assert_int_eq(swi_generate_persons(d, g), SWI_ENOMEM);
		ck_assert_uint_eq(swi_delivery_person_count(d), 0);
		ck_assert_ptr_null(swi_delivery_first_person(d));
		ck_assert_int_eq(swi_delivery_last_error(d), SWI_ENOMEM);
		ck_assert_ptr_nonnull(strstr(swi_generator_last_message(g), "synthetische"));
		ck_assert_int_eq(swi_generate_persons(d, g), SWI_OK);
		swi_buffer *got;
		ck_assert_int_eq(swi_delivery_write_buffer(&got, d, 0), SWI_OK);
		ck_assert_uint_eq(swi_buffer_size(got), swi_buffer_size(want));
		ck_assert_msg(memcmp(swi_buffer_data(got), swi_buffer_data(want),
				     swi_buffer_size(want)) == 0, "failure at %ld: other bytes", at);
		swi_buffer_free(got);
		swi_delivery_free(d);
		ck_assert_int_eq(c.live, 0);
	}
	swi_buffer_free(want);
	ck_assert_int_eq(quiet.live, 0);
	swi_generator_free(g);
}
END_TEST

static Suite *generate_suite(void)
{
	Suite *s = suite_create("generate");
	TCase *tc = tcase_create("generate");
	tcase_add_loop_test(tc, test_every_quarter, 0, 6 * 4);
	tcase_add_test(tc, test_one_delivery_uses_all);
	tcase_add_loop_test(tc, test_option_mixes_valid, 0, 6 * 4);
	tcase_add_test(tc, test_deterministic);
	tcase_add_test(tc, test_options_refused);
	tcase_add_test(tc, test_options_effect);
	tcase_add_test(tc, test_generate_persons);
	tcase_add_test(tc, test_alloc_failure);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(generate_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
