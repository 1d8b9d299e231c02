/*
 * Synthetic SWI deliveries for tests and benchmarks: a thin wrapper over
 * libswi's own generator (lib/generate.c, public as swi_generate() in
 * swi/generate.h), so the tests, the benchmarks and vendors use one
 * generator. Deterministic for a seed. BSNs are generated numbers that
 * pass the 11-test; no real data.
 *
 * Every generated delivery has zero validation errors under the rules of
 * the guideline. With GEN_CLEAN it has zero warnings as well; without it,
 * it also contains what is legal but worth a warning (fine corrections
 * from an earlier quarter, conditional kenmerken left empty).
 */
#ifndef SWI_TEST_GENERATE_H
#define SWI_TEST_GENERATE_H

#include <stdint.h>
#include <swi/swi.h>

#include "generator.h" /* lib/: the generator's internals */

struct gen {
	struct swi_gen_rng rng;
};

enum gen_flags {
	GEN_CLEAN = 1u << 0, /* no warnings either (SWI_GEN_CLEAN) */
	GEN_FULL = 1u << 1,  /* fill every kenmerk that applies (SWI_GEN_FULL) */
};

void gen_seed(struct gen *g, uint64_t seed);
uint32_t gen_next(struct gen *g);
/* Uniform in [lo, hi]. */
int gen_range(struct gen *g, int lo, int hi);
/* A random BSN that passes the 11-test (never 000000000). */
uint32_t gen_bsn(struct gen *g);
/* Nine digits and a NUL. */
void gen_bsn_text(uint32_t bsn, char out[10]);

/* Date arithmetic on yyyymmdd values. */
int32_t gen_date_add_days(int32_t yyyymmdd, int days);
int32_t gen_quarter_first_day(int year, int quarter);
int32_t gen_quarter_last_day(int year, int quarter);

/* A delivery with a complete header: software "and", version "1.0-test",
 * berichtgever 0153, gemeente 0153 (Enschede), and a reference date 15 days
 * after the quarter, so validation never depends on the clock. Aborts on
 * failure. */
swi_delivery *gen_delivery(int year, int quarter);

/*
 * Adds one person with the generator's default mix (swi/generate.h): about
 * 55% asielmigrant, about 60% of the applicable person kenmerken filled
 * (all with GEN_FULL), 0-2 PIPs over all routes including completed
 * Z-routes, 0-2 talks for gezinsmigranten, one in ten with a fine, some
 * moves and ends of guidance. Returns the person (aborts on failure, so
 * tests stay short).
 */
swi_person *gen_person(swi_delivery *d, struct gen *g, unsigned flags);

/* n persons with gen_person(). */
void gen_persons(swi_delivery *d, struct gen *g, size_t n, unsigned flags);

#endif
