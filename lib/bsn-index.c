/*
 * The BSN index of the person store: BSN -> slot + 1 (0 = empty), open
 * addressing with linear probing and backward-shift deletion.
 */
#include <string.h>

#include "bsn-index.h"
#include "private.h"

static size_t hash_bsn(uint32_t bsn, size_t cap)
{
	/* Fibonacci hashing: BSNs are not uniformly spread in their low bits. */
	return (size_t)((bsn * UINT64_C(11400714819323198485)) >> 32) & (cap - 1);
}

/* The index slot holding `bsn`, or the empty slot where it would go. */
static size_t index_probe(const swi_delivery *d, uint32_t bsn)
{
	size_t i = hash_bsn(bsn, d->index_cap);
	while (d->index[i] && swi_person_at(d, d->index[i] - 1)->bsn != bsn)
		i = (i + 1) & (d->index_cap - 1);
	return i;
}

static int index_grow(swi_delivery *d)
{
	size_t cap = d->index_cap ? d->index_cap * 2 : 64;
	uint32_t *old = d->index;
	size_t old_cap = d->index_cap;
	uint32_t *fresh = swi_alloc_array(d, cap, sizeof(*fresh));
	if (!fresh)
		return SWI_ENOMEM;
	memset(fresh, 0, cap * sizeof(*fresh));
	d->index = fresh;
	d->index_cap = cap;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i])
			d->index[index_probe(d, swi_person_at(d, old[i] - 1)->bsn)] = old[i];
	swi_free(d, old);
	return SWI_OK;
}

/* Backward-shift deletion keeps linear probing correct without tombstones. */
void swi_index_remove(swi_delivery *d, uint32_t bsn)
{
	size_t mask = d->index_cap - 1;
	size_t i = index_probe(d, bsn);
	if (!d->index[i])
		return;
	for (size_t j = (i + 1) & mask; d->index[j]; j = (j + 1) & mask) {
		size_t home = hash_bsn(swi_person_at(d, d->index[j] - 1)->bsn, d->index_cap);
		/* Entry j may fill the hole at i unless its home lies cyclically in (i, j]. */
		bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
		if (!stays) {
			d->index[i] = d->index[j];
			i = j;
		}
	}
	d->index[i] = 0;
}

/* Inserts slot+1 under bsn; the caller checked it is absent and capacity is there. */
void swi_index_insert(swi_delivery *d, uint32_t bsn, size_t slot)
{
	d->index[index_probe(d, bsn)] = (uint32_t)(slot + 1);
}

struct swi_person *swi_index_find(const swi_delivery *d, uint32_t bsn)
{
	if (!d->index_cap)
		return NULL;
	uint32_t v = d->index[index_probe(d, bsn)];
	return v ? swi_person_at(d, v - 1) : NULL;
}

int swi_index_reserve(swi_delivery *d)
{
	/* Keep the load at or below one half, counting live persons only. */
	if ((d->n_persons + 1) * 2 > d->index_cap)
		return index_grow(d);
	return SWI_OK;
}
