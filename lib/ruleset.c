/*
 * Rulesets per statistiekjaar and the year policy of doc/years.md. A new
 * statistiekjaar is a new line in the table (plus its municipality list in
 * lib/data/), not new code: the range of years and the ruleset of each
 * year are derived from this table.
 */
#include <stdio.h>

#include "ruleset.h"

/* Oldest first. */
static const struct swi_ruleset rulesets[] = {
	/* Richtlijnen SWI 2026: from statistiekkwartaal 1 of 2026. */
	{.year = 2026, .first_traject_day = 20220101, .min_age = 16, .max_age = 70,
	 .aanlever_days = 28},
};

#define N_RULESETS (sizeof(rulesets) / sizeof(rulesets[0]))

int swi_ruleset_first_year(void)
{
	return rulesets[0].first_traject_day / 10000;
}

const struct swi_ruleset *swi_ruleset_pick(int year, int32_t today, swi_ruleset_kind *kind,
					   int *status)
{
	const struct swi_ruleset *rs = &rulesets[0];
	*kind = SWI_RULESET_OLDEST;
	for (size_t i = 0; i < N_RULESETS; i++) {
		if (rulesets[i].year > year)
			break;
		rs = &rulesets[i];
		*kind = rulesets[i].year == year ? SWI_RULESET_OWN : SWI_RULESET_NEWEST;
	}
	/* The law's first year up to one year after today. */
	*status = year < swi_ruleset_first_year() || year > today / 10000 + 1 ? SWI_EYEAR : SWI_OK;
	return rs;
}

void swi_ruleset_years(char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < N_RULESETS && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%d", i ? ", " : "", rulesets[i].year);
}

SWI_EXPORT int swi_ruleset_for_year(int year, int32_t reference_date, int *ruleset_year,
				    swi_ruleset_kind *kind)
{
	if (ruleset_year)
		*ruleset_year = 0;
	if (kind)
		*kind = SWI_RULESET_OWN;
	if (reference_date == 0)
		reference_date = swi_today_local();
	else if (!swi_date_valid((uint32_t)reference_date))
		return SWI_EINVAL;
	swi_ruleset_kind k;
	int status;
	const struct swi_ruleset *rs = swi_ruleset_pick(year, reference_date, &k, &status);
	if (status != SWI_OK)
		return status;
	if (ruleset_year)
		*ruleset_year = rs->year;
	if (kind)
		*kind = k;
	return SWI_OK;
}
