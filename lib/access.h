/*
 * Generic get/set/unset of a kenmerk in a record of any category: the one
 * implementation behind swi_delivery_*, swi_person_* and swi_record_*.
 */
#ifndef SWI_ACCESS_H
#define SWI_ACCESS_H

#include "private.h"

/*
 * Sets kenmerk k of `record` (of category c) from an int (`value` not NULL)
 * or from text. Checks the category and the value; on failure records a
 * message naming the kenmerk and the record and leaves the record as it was.
 */
int swi_access_set(swi_delivery *d, swi_category c, void *record, int k, const int32_t *value,
		   const char *text);
int swi_access_set_date(swi_delivery *d, swi_category c, void *record, int k, int year,
			int month, int day);
int swi_access_set_many(swi_delivery *d, swi_category c, void *record, size_t n,
			const int32_t *kenmerken, const int32_t *values);
int swi_access_get_int(swi_delivery *d, swi_category c, const void *record, int k, int32_t *out);
int swi_access_get_text(swi_delivery *d, swi_category c, const void *record, int k, char *buf,
			size_t size);
int swi_access_unset(swi_delivery *d, swi_category c, void *record, int k);
int swi_access_has(swi_delivery *d, swi_category c, const void *record, int k);
/* Describes a record for messages: "persoon *****6782", "PIP 2 van persoon *****6782". */
void swi_describe(char *buf, size_t size, swi_category c, const void *record);

#endif
