/*
 * Rulesets per statistiekjaar: which kenmerken table and which municipality
 * list a delivery of a given year is checked against. A new statistiekjaar
 * is a new line here (plus its data), not new code.
 */
#include <stdlib.h>

#include "gemeenten.h"
#include "ruleset.h"

static const struct swi_ruleset rulesets[] = {
	/* Richtlijnen SWI 2026: from statistiekkwartaal 1 of 2026. */
	{.year = 2026, .kenmerken = swi_kenmerken, .gemeente_year = 2026,
	 .first_traject_day = 20220101, .min_age = 16, .max_age = 70, .aanlever_days = 28},
};

const struct swi_ruleset *swi_ruleset_latest(void)
{
	return &rulesets[sizeof(rulesets) / sizeof(rulesets[0]) - 1];
}

const struct swi_ruleset *swi_ruleset_for_year(int year)
{
	for (size_t i = 0; i < sizeof(rulesets) / sizeof(rulesets[0]); i++)
		if (rulesets[i].year == year)
			return &rulesets[i];
	return NULL;
}

const char *swi_ruleset_years(void)
{
	return "2026";
}

const struct swi_gemeente_list *swi_gemeenten_for_year(int year)
{
	for (size_t i = 0; i < swi_gemeente_list_count; i++)
		if (swi_gemeente_lists[i].year == year)
			return &swi_gemeente_lists[i];
	return NULL;
}

static int by_code(const void *key, const void *elem)
{
	uint16_t k = *(const uint16_t *)key, c = ((const struct swi_gemeente *)elem)->code;
	return (k > c) - (k < c);
}

const struct swi_gemeente *swi_gemeente_find(const struct swi_gemeente_list *list, uint16_t code)
{
	return bsearch(&code, list->gemeenten, list->count, sizeof(list->gemeenten[0]), by_code);
}
