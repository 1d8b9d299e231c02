/*
 * The tests' view of libswi's generator (see generate.h): the same
 * pseudo-random stream and persons as swi_generate(), with flags instead
 * of an option object and abort() instead of status codes.
 */
#include <stdio.h>
#include <stdlib.h>

#include "generate.h"
#include "test-util.h"

void gen_seed(struct gen *g, uint64_t seed)
{
	swi_gen_seed(&g->rng, seed);
}

uint32_t gen_next(struct gen *g)
{
	return swi_gen_next(&g->rng);
}

int gen_range(struct gen *g, int lo, int hi)
{
	return swi_gen_range(&g->rng, lo, hi);
}

uint32_t gen_bsn(struct gen *g)
{
	return swi_gen_bsn(&g->rng);
}

void gen_bsn_text(uint32_t bsn, char out[10])
{
	snprintf(out, 10, "%09u", bsn);
}

int32_t gen_date_add_days(int32_t v, int days)
{
	return swi_gen_date_add_days(v, days);
}

int32_t gen_quarter_first_day(int year, int quarter)
{
	return swi_gen_quarter_first_day(year, quarter);
}

int32_t gen_quarter_last_day(int year, int quarter)
{
	return swi_gen_quarter_last_day(year, quarter);
}

swi_delivery *gen_delivery(int year, int quarter)
{
	swi_delivery *d;
	MUST(swi_delivery_new(&d));
	MUST(swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, year));
	MUST(swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, quarter));
	MUST(swi_delivery_set_text(d, SWI_K_NAAM_SOFTWAREPAKKET, "and"));
	MUST(swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "1.0-test"));
	MUST(swi_delivery_set_int(d, SWI_K_BERICHTGEVERCODE, 153));
	MUST(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 153));
	/* "Today" in the aanleverperiode, so results never depend on the clock. */
	int32_t next = gen_quarter_last_day(year, quarter);
	MUST(swi_delivery_set_reference_date(d, gen_date_add_days(next, 15)));
	return d;
}

swi_person *gen_person(swi_delivery *d, struct gen *g, unsigned flags)
{
	struct swi_gen_person_opts o;
	swi_gen_person_opts_default(&o);
	o.clean = (flags & GEN_CLEAN) != 0;
	o.full = (flags & GEN_FULL) != 0;
	swi_person *p;
	MUST(swi_gen_person(&p, d, &g->rng, &o));
	return p;
}

void gen_persons(swi_delivery *d, struct gen *g, size_t n, unsigned flags)
{
	for (size_t i = 0; i < n; i++)
		gen_person(d, g, flags);
}
