/*
 * Validation of a delivery against the rules of the guideline.
 */
#include "rules.h"

/* The kenmerken the schema requires, per record: without them no file. */
static int check_required(swi_delivery *d, swi_category c, const void *record)
{
	int first, last;
	swi_category_range(c, &first, &last);
	for (int k = first; k <= last; k++) {
		const struct swi_kenmerk_def *def = &swi_kenmerken[k];
		if (def->required && !swi_value_is_set(def, record)) {
			char where[64];
			swi_describe(where, sizeof(where), c, record);
			return swi_error(d, SWI_EINCOMPLETE, "%s (kenmerk %d) ontbreekt bij %s; het "
					 "XSD-voorschrift vereist dit kenmerk", def->label, k, where);
		}
	}
	return SWI_OK;
}

int swi_rules_gate(swi_delivery *d)
{
	int rc = check_required(d, SWI_CATEGORY_LEVERING, &d->levering);
	for (const swi_person *p = swi_delivery_first_person(d); p && rc == SWI_OK;
	     p = swi_person_next(p)) {
		rc = check_required(d, SWI_CATEGORY_PERSOON, p);
		for (const struct swi_record *r = p->first; r && rc == SWI_OK; r = r->next)
			rc = check_required(d, (swi_category)r->kind, r);
	}
	return rc;
}
