/*
 * The BSN index of a delivery's person store (bsn-index.c): finds a live
 * person by BSN. The store (delivery.c, person.c) keeps it in step.
 */
#ifndef SWI_BSN_INDEX_H
#define SWI_BSN_INDEX_H

#include "private.h"

/* Makes room for one more person; SWI_OK or SWI_ENOMEM (nothing changed). */
int swi_index_reserve(swi_delivery *d);
/* Inserts slot+1 under bsn; the caller checked it is absent and reserved room. */
void swi_index_insert(swi_delivery *d, uint32_t bsn, size_t slot);
/* Removes bsn if present. */
void swi_index_remove(swi_delivery *d, uint32_t bsn);
/* The live person with this BSN, or NULL. */
struct swi_person *swi_index_find(const swi_delivery *d, uint32_t bsn);

#endif
