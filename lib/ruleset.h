/* Rulesets per statistiekjaar (ruleset.c). */
#ifndef SWI_RULESET_H
#define SWI_RULESET_H

#include "private.h"

struct swi_ruleset {
	int year;
	const struct swi_kenmerk_def *kenmerken; /* indexed by kenmerk number */
	int gemeente_year;                       /* the municipality list to use */
	int32_t first_traject_day;               /* 1.2: the law in force; earlier dates warn */
	uint8_t min_age, max_age;                /* plausible age at the quarter's end */
	uint8_t aanlever_days;                   /* 3.3.4: the delivery period, at most 28 */
};

/* The ruleset for a statistiekjaar, or NULL. */
const struct swi_ruleset *swi_ruleset_for_year(int year);
/* The newest ruleset: its plausibility figures serve a year without one. */
const struct swi_ruleset *swi_ruleset_latest(void);
/* The supported years as text for messages, e.g. "2026". */
const char *swi_ruleset_years(void);

#endif
