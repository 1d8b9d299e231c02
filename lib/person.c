/*
 * A person (k8-k29): the kenmerk accessors, changing the BSN, removal.
 */
#include <string.h>

#include "access.h"
#include "bsn-index.h"

int swi_person_removed_error(const struct swi_person *p)
{
	return swi_error(p->delivery, SWI_EREMOVED, "deze persoon is uit de levering verwijderd; "
			 "de verwijzing ernaar is niet meer geldig");
}

/* NULL: SWI_EINVAL; a removed person (a tombstone): SWI_EREMOVED, recorded. */
#define CHECK_PERSON(p)                                         \
	do {                                                    \
		if (!(p))                                       \
			return SWI_EINVAL;                      \
		if ((p)->removed)                               \
			return swi_person_removed_error(p);     \
	} while (0)

/* k8 is the key of the BSN index: changing it must keep the index right. */
static int set_bsn(swi_person *p, const int32_t *value, const char *text)
{
	swi_delivery *d = p->delivery;
	const struct swi_kenmerk_def *def = &swi_kenmerken[SWI_K_BURGERSERVICENUMMER];
	uint32_t bsn;
	char unused[SWI_TEXT_MAX + 1];
	const char *why = "";
	int rc = value ? swi_value_from_int(def, *value, &bsn, &why)
		       : swi_value_from_text(def, text, &bsn, unused, &why);
	char masked[10];
	swi_bsn_mask(p->bsn, masked);
	if (rc != SWI_OK)
		return swi_error(d, rc, "Burgerservicenummer (kenmerk 8) van persoon %s: nieuwe waarde "
				 "geweigerd: %s", masked, why);
	if (bsn == p->bsn)
		return SWI_OK;
	if (swi_index_find(d, bsn))
		return swi_error(d, SWI_EDUPLICATE, "Burgerservicenummer (kenmerk 8) van persoon %s: "
				 "het nieuwe BSN staat al in de levering", masked);
	swi_index_remove(d, p->bsn);
	p->bsn = bsn;
	swi_index_insert(d, bsn, p->index);
	swi_changed(d);
	return SWI_OK;
}

SWI_EXPORT int swi_person_set_int(swi_person *p, int k, int32_t value)
{
	CHECK_PERSON(p);
	if (k == SWI_K_BURGERSERVICENUMMER)
		return set_bsn(p, &value, NULL);
	return swi_access_set(p->delivery, SWI_CATEGORY_PERSOON, p, k, &value, NULL);
}

SWI_EXPORT int swi_person_set_date(swi_person *p, int k, int year, int month, int day)
{
	CHECK_PERSON(p);
	return swi_access_set_date(p->delivery, SWI_CATEGORY_PERSOON, p, k, year, month, day);
}

SWI_EXPORT int swi_person_set_text(swi_person *p, int k, const char *text)
{
	CHECK_PERSON(p);
	if (k == SWI_K_BURGERSERVICENUMMER && text)
		return set_bsn(p, NULL, text);
	return swi_access_set(p->delivery, SWI_CATEGORY_PERSOON, p, k, NULL, text);
}

SWI_EXPORT int swi_person_set_ints(swi_person *p, size_t n, const int32_t *kenmerken,
				   const int32_t *values)
{
	CHECK_PERSON(p);
	return swi_access_set_many(p->delivery, SWI_CATEGORY_PERSOON, p, n, kenmerken, values);
}

SWI_EXPORT int swi_delivery_add_person_ints(swi_person **out, swi_delivery *d, const char *bsn,
					    size_t n, const int32_t *kenmerken,
					    const int32_t *values)
{
	if (out)
		*out = NULL;
	if (!d)
		return SWI_EINVAL;
	/* Check the values on a scratch person first: all or nothing. */
	struct swi_person scratch;
	memset(&scratch, 0, sizeof(scratch));
	scratch.delivery = d;
	scratch.uren_taal_knm = SWI_U16_UNSET;
	if (bsn && swi_bsn_parse(bsn, &scratch.bsn) != SWI_OK)
		scratch.bsn = 0; /* add_person below reports it */
	int rc = swi_access_set_many(d, SWI_CATEGORY_PERSOON, &scratch, n, kenmerken, values);
	swi_person *p;
	if (rc == SWI_OK)
		rc = swi_delivery_add_person(&p, d, bsn);
	if (rc != SWI_OK)
		return rc;
	for (int k = SWI_K_GEBOORTEDATUM; k <= SWI_K_EINDE_BEGELEIDING_DATUM; k++) {
		const struct swi_kenmerk_def *def = &swi_kenmerken[k];
		swi_value_store(def, p, swi_value_load(def, &scratch), "");
	}
	if (out)
		*out = p;
	return SWI_OK;
}

SWI_EXPORT int swi_person_get_int(const swi_person *p, int k, int32_t *out)
{
	CHECK_PERSON(p);
	return swi_access_get_int(p->delivery, SWI_CATEGORY_PERSOON, p, k, out);
}

SWI_EXPORT int swi_person_get_text(const swi_person *p, int k, char *buf, size_t size)
{
	CHECK_PERSON(p);
	return swi_access_get_text(p->delivery, SWI_CATEGORY_PERSOON, p, k, buf, size);
}

SWI_EXPORT int swi_person_unset(swi_person *p, int k)
{
	CHECK_PERSON(p);
	if (k == SWI_K_BURGERSERVICENUMMER)
		return swi_error(p->delivery, SWI_EREQUIRED,
				 "Burgerservicenummer (kenmerk 8) identificeert de persoon en kan niet "
				 "worden leeggemaakt; verwijder de persoon");
	return swi_access_unset(p->delivery, SWI_CATEGORY_PERSOON, p, k);
}

SWI_EXPORT int swi_person_has(const swi_person *p, int k)
{
	CHECK_PERSON(p);
	return swi_access_has(p->delivery, SWI_CATEGORY_PERSOON, p, k);
}

SWI_EXPORT swi_delivery *swi_person_delivery(const swi_person *p)
{
	return p ? p->delivery : NULL;
}


SWI_EXPORT int swi_person_remove(swi_person *p)
{
	CHECK_PERSON(p);
	swi_delivery *d = p->delivery;
	for (struct swi_record *r = p->first, *next; r; r = next) {
		next = r->next;
		swi_record_release(d, r);
	}
	swi_index_remove(d, p->bsn);
	/* The slot stays as a tombstone, never reused: insertion order and other
	 * handles survive, and calls through this one get SWI_EREMOVED. Its data
	 * (the BSN too) is wiped; only the owner and the slot number remain. */
	uint32_t slot = p->index;
	memset(p, 0, sizeof(*p));
	p->delivery = d;
	p->index = slot;
	p->removed = 1;
	d->n_persons--;
	swi_changed(d);
	return SWI_OK;
}
