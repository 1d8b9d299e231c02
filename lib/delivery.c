/*
 * The delivery: its life cycle, the levering header and the store of
 * persons (chunks that never move; the BSN index is bsn-index.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "bsn-index.h"
#include "gemeenten.h"
#include "private.h"

SWI_EXPORT int swi_delivery_new_with_allocator(swi_delivery **out, swi_alloc_fn alloc,
					       void *userdata)
{
	if (!out)
		return SWI_EINVAL;
	*out = NULL;
	if (!alloc)
		return SWI_EINVAL;
	swi_delivery *d = alloc(userdata, NULL, sizeof(*d));
	if (!d)
		return SWI_ENOMEM;
	memset(d, 0, sizeof(*d));
	d->alloc = alloc;
	d->alloc_ud = userdata;
	for (int k = 1; k <= 7; k++)
		swi_value_clear(&swi_kenmerken[k], &d->levering);
	d->levering.statistiekcode = 40;
	*out = d;
	return SWI_OK;
}

SWI_EXPORT int swi_delivery_new(swi_delivery **out)
{
	return swi_delivery_new_with_allocator(out, swi_libc_alloc, NULL);
}

SWI_EXPORT void swi_delivery_free(swi_delivery *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_chunks; i++)
		swi_free(d, d->chunks[i]);
	swi_free(d, d->chunks);
	for (size_t i = 0; i < d->n_record_chunks; i++)
		swi_free(d, d->record_chunks[i]);
	swi_free(d, d->record_chunks);
	swi_free(d, d->index);
	swi_gemeenten_release_all(d);
	d->alloc(d->alloc_ud, d, 0);
}

/* ---- header kenmerken ----------------------------------------------- */

SWI_EXPORT int swi_delivery_set_int(swi_delivery *d, int k, int32_t value)
{
	if (!d)
		return SWI_EINVAL;
	return swi_access_set(d, SWI_CATEGORY_LEVERING, &d->levering, k, &value, NULL);
}

SWI_EXPORT int swi_delivery_set_text(swi_delivery *d, int k, const char *text)
{
	if (!d)
		return SWI_EINVAL;
	return swi_access_set(d, SWI_CATEGORY_LEVERING, &d->levering, k, NULL, text);
}

SWI_EXPORT int swi_delivery_get_int(const swi_delivery *d, int k, int32_t *out)
{
	if (!d)
		return SWI_EINVAL;
	return swi_access_get_int((swi_delivery *)d, SWI_CATEGORY_LEVERING, &d->levering, k, out);
}

SWI_EXPORT int swi_delivery_get_text(const swi_delivery *d, int k, char *buf, size_t size)
{
	if (!d)
		return SWI_EINVAL;
	return swi_access_get_text((swi_delivery *)d, SWI_CATEGORY_LEVERING, &d->levering, k, buf,
				   size);
}

SWI_EXPORT int swi_delivery_unset(swi_delivery *d, int k)
{
	if (!d)
		return SWI_EINVAL;
	if (k == SWI_K_STATISTIEKCODE)
		return swi_error(d, SWI_EREQUIRED,
				 "Statistiekcode (kenmerk 3) is altijd 40 en kan niet worden leeggemaakt");
	return swi_access_unset(d, SWI_CATEGORY_LEVERING, &d->levering, k);
}

SWI_EXPORT int swi_delivery_has(const swi_delivery *d, int k)
{
	if (!d)
		return SWI_EINVAL;
	return swi_access_has((swi_delivery *)d, SWI_CATEGORY_LEVERING, &d->levering, k);
}

SWI_EXPORT int swi_delivery_file_name(swi_delivery *d, int zipped, char *buf, size_t size)
{
	if (!d || !buf)
		return SWI_EINVAL;
	const struct swi_levering *l = &d->levering;
	static const int needed[] = {SWI_K_STATISTIEKJAAR, SWI_K_STATISTIEKKWARTAAL,
				     SWI_K_BERICHTGEVERCODE, SWI_K_GEMEENTECODE};
	for (size_t i = 0; i < sizeof(needed) / sizeof(needed[0]); i++) {
		const struct swi_kenmerk_def *def = &swi_kenmerken[needed[i]];
		if (!swi_value_is_set(def, l))
			return swi_error(d, SWI_EINCOMPLETE,
					 "%s (kenmerk %d) ontbreekt; die is nodig voor de bestandsnaam",
					 def->label, def->number);
	}
	char name[40];
	int n = snprintf(name, sizeof(name), "SWI_%04u_%04u_%04u%u.%s", l->berichtgevercode,
			 l->gemeentecode, l->jaar, l->kwartaal, zipped ? "zip" : "XML");
	if ((size_t)n >= size)
		return swi_error(d, SWI_EBUFFER, "buffer van %zu bytes te klein voor de bestandsnaam",
				 size);
	memcpy(buf, name, (size_t)n + 1);
	return SWI_OK;
}

/* ---- the person store ----------------------------------------------- */

SWI_EXPORT int swi_delivery_add_person(swi_person **out, swi_delivery *d, const char *bsn_text)
{
	if (out)
		*out = NULL;
	if (!d || !bsn_text)
		return d ? swi_error(d, SWI_EINVAL, "geen burgerservicenummer opgegeven") : SWI_EINVAL;

	uint32_t bsn;
	int rc = swi_bsn_parse(bsn_text, &bsn);
	if (rc != SWI_OK)
		return swi_error(d, rc,
				 rc == SWI_EFORMAT
					 ? "Burgerservicenummer (kenmerk 8): 9 cijfers verwacht (of 8, "
					   "die een voorloopnul krijgen)"
					 : "Burgerservicenummer (kenmerk 8): voldoet niet aan de 11-proef");
	if (swi_index_find(d, bsn)) {
		char masked[10];
		swi_bsn_mask(bsn, masked);
		return swi_error(d, SWI_EDUPLICATE,
				 "Burgerservicenummer (kenmerk 8) %s staat al in de levering", masked);
	}
	if (d->n_slots >= UINT32_MAX - 1)
		return swi_error(d, SWI_ENOMEM, "te veel personen in een levering");
	if (swi_index_reserve(d) != SWI_OK)
		return swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor de persoonsindex");

	size_t chunk = d->n_slots >> SWI_PERSON_CHUNK_SHIFT;
	if (chunk == d->n_chunks) {
		if (d->n_chunks == d->cap_chunks) {
			size_t cap = d->cap_chunks ? d->cap_chunks * 2 : 16;
			struct swi_person **grown =
				swi_alloc_array(d, cap, sizeof(*grown));
			if (!grown)
				return swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor personen");
			if (d->n_chunks)
				memcpy(grown, d->chunks, d->n_chunks * sizeof(*grown));
			swi_free(d, d->chunks);
			d->chunks = grown;
			d->cap_chunks = cap;
		}
		d->chunks[chunk] = swi_alloc_array(d, SWI_PERSON_CHUNK, sizeof(struct swi_person));
		if (!d->chunks[chunk])
			return swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor personen");
		d->n_chunks++;
	}

	struct swi_person *p = swi_person_at(d, d->n_slots);
	memset(p, 0, sizeof(*p));
	p->delivery = d;
	p->index = (uint32_t)d->n_slots;
	p->bsn = bsn;
	p->uren_taal_knm = SWI_U16_UNSET;
	swi_index_insert(d, bsn, d->n_slots);
	d->n_slots++;
	d->n_persons++;
	swi_changed(d);
	if (out)
		*out = p;
	return SWI_OK;
}

SWI_EXPORT int swi_delivery_find_person(swi_person **out, swi_delivery *d, const char *bsn_text)
{
	if (out)
		*out = NULL;
	if (!d || !out || !bsn_text)
		return SWI_EINVAL;
	uint32_t bsn;
	int rc = swi_bsn_parse(bsn_text, &bsn);
	if (rc != SWI_OK)
		return swi_error(d, rc, "Burgerservicenummer (kenmerk 8): geen geldig BSN om te zoeken");
	*out = swi_index_find(d, bsn);
	return *out ? SWI_OK : SWI_ENOTFOUND;
}

SWI_EXPORT size_t swi_delivery_person_count(const swi_delivery *d)
{
	return d ? d->n_persons : 0;
}

static swi_person *first_live_from(const swi_delivery *d, size_t slot)
{
	for (; slot < d->n_slots; slot++) {
		struct swi_person *p = swi_person_at(d, slot);
		if (!p->removed)
			return p;
	}
	return NULL;
}

SWI_EXPORT swi_person *swi_delivery_first_person(const swi_delivery *d)
{
	return d ? first_live_from(d, 0) : NULL;
}

SWI_EXPORT swi_person *swi_person_next(const swi_person *p)
{
	/* A removed person has no place in the order any more: NULL. */
	return p && !p->removed ? first_live_from(p->delivery, (size_t)p->index + 1) : NULL;
}
