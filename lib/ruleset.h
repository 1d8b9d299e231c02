/* Rulesets per statistiekjaar (ruleset.c) and the year policy (doc/years.md). */
#ifndef SWI_RULESET_H
#define SWI_RULESET_H

#include "private.h"

struct swi_ruleset {
	int year;                  /* the statistiekjaar of this guideline */
	int32_t first_traject_day; /* 1.2: the law in force; earlier dates warn */
	uint8_t min_age, max_age;  /* plausible age at the quarter's end */
	uint8_t aanlever_days;     /* 3.3.4: the delivery period, at most 28 */
};

/*
 * The ruleset that checks a delivery of `year`, never NULL: the year's own,
 * or the nearest one (the newest for a later year, the oldest for an
 * earlier one). *kind says which (SWI_RULESET_*) and *status is SWI_OK or
 * SWI_EYEAR for a year outside the range of doc/years.md (the nearest
 * ruleset still lends its figures). `today` is yyyymmdd.
 */
const struct swi_ruleset *swi_ruleset_pick(int year, int32_t today, swi_ruleset_kind *kind,
					   int *status);
/* The first statistiekjaar of the law: the year of the oldest ruleset's first_traject_day. */
int swi_ruleset_first_year(void);
/* The years that have their own ruleset, for messages: "2026" or "2026, 2027". */
void swi_ruleset_years(char *buf, size_t size);

#endif
