/*
 * The synthetic-delivery generator's internals (generate.c), shared with
 * tests/generate.c so the tests, the benchmarks and the public API use one
 * generator. Not installed.
 */
#ifndef SWI_GENERATOR_H
#define SWI_GENERATOR_H

#include <stdint.h>

#include <swi/swi.h>

/* xorshift64*: the same stream on every platform for a seed. */
struct swi_gen_rng {
	uint64_t state;
};

void swi_gen_seed(struct swi_gen_rng *g, uint64_t seed);
uint32_t swi_gen_next(struct swi_gen_rng *g);
/* Uniform in [lo, hi]; lo <= hi. */
int swi_gen_range(struct swi_gen_rng *g, int lo, int hi);
/* A BSN that passes the 11-test, never 000000000. */
uint32_t swi_gen_bsn(struct swi_gen_rng *g);

/* Date arithmetic on yyyymmdd values. */
int32_t swi_gen_date_add_days(int32_t yyyymmdd, int days);
int32_t swi_gen_quarter_first_day(int year, int quarter);
int32_t swi_gen_quarter_last_day(int year, int quarter);

/* The options that shape a person (see SWI_GEN_* in swi/generate.h). */
struct swi_gen_person_opts {
	int asiel_percent;  /* 0..100 */
	int pips, talks, fines; /* 0 or 1 */
	int zroute_percent; /* -1: routes mixed, changing between PIPs */
	int movers_percent; /* -1: about 1 in 20 */
	int clean, full;    /* 0 or 1 */
};

void swi_gen_person_opts_default(struct swi_gen_person_opts *o);

/*
 * Adds one rule-valid person for the delivery's quarter (k1 and k2 must be
 * set and the year at least the law's first). All or nothing: on failure
 * the person is removed again and the code of the failing call returned
 * (SWI_ENOMEM, or SWI_EINCOMPLETE/SWI_EYEAR for an unusable header).
 * `out` is optional.
 */
int swi_gen_person(swi_person **out, swi_delivery *d, struct swi_gen_rng *g,
		   const struct swi_gen_person_opts *o);

#endif
