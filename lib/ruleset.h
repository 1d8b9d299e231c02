/* Rulesets per statistiekjaar (ruleset.c). */
#ifndef SWI_RULESET_H
#define SWI_RULESET_H

#include "private.h"

struct swi_ruleset {
	int year;
	const struct swi_kenmerk_def *kenmerken; /* indexed by kenmerk number */
	int gemeente_year;                       /* the municipality list to use */
};

/* The ruleset for a statistiekjaar, or NULL. */
const struct swi_ruleset *swi_ruleset_for_year(int year);
/* The supported years as text for messages, e.g. "2026". */
const char *swi_ruleset_years(void);

#endif
