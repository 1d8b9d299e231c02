/*
 * Records of a person: PIPs (k30-k34), voortgangsgesprekken (k35) and
 * boetes (k36-k38). They come from a per-delivery pool of fixed chunks,
 * so handles never move and removal is cheap. A removed record is marked
 * dead and its memory is never handed out again (until the delivery is
 * freed), so a stale handle gets SWI_EREMOVED and never reaches another
 * person's record.
 */
#include <string.h>

#include "access.h"

static bool is_record_kind(int kind)
{
	return kind == SWI_CATEGORY_PIP || kind == SWI_CATEGORY_GESPREK ||
	       kind == SWI_CATEGORY_BOETE;
}

static int pool_grow(swi_delivery *d)
{
	if (d->n_record_chunks == d->cap_record_chunks) {
		size_t cap = d->cap_record_chunks ? d->cap_record_chunks * 2 : 16;
		void **grown = swi_alloc_array(d, cap, sizeof(*grown));
		if (!grown)
			return SWI_ENOMEM;
		if (d->n_record_chunks)
			memcpy(grown, d->record_chunks, d->n_record_chunks * sizeof(*grown));
		swi_free(d, d->record_chunks);
		d->record_chunks = grown;
		d->cap_record_chunks = cap;
	}
	struct swi_record *chunk = swi_alloc_array(d, SWI_RECORD_CHUNK, sizeof(*chunk));
	if (!chunk)
		return SWI_ENOMEM;
	d->record_chunks[d->n_record_chunks++] = chunk;
	for (size_t i = SWI_RECORD_CHUNK; i-- > 0;) {
		chunk[i].kind = 0;
		chunk[i].removed_kind = 0;
		chunk[i].next = d->free_records;
		d->free_records = &chunk[i];
	}
	return SWI_OK;
}

void swi_record_release(swi_delivery *d, struct swi_record *r)
{
	(void)d;
	/* Dead for good: `person` stays (for the error slot), the values go, and
	 * the memory is not put back on the free list, so no later record can
	 * ever be reached through this handle. */
	r->removed_kind = r->kind;
	r->kind = 0;
	r->next = NULL;
	memset(&r->u, 0, sizeof(r->u));
}

static const char *kind_name(int kind)
{
	return kind == SWI_CATEGORY_PIP ? "PIP" : kind == SWI_CATEGORY_GESPREK ? "voortgangsgesprek"
									       : "boete";
}

int swi_record_removed_error(const struct swi_record *r)
{
	return swi_error(r->person->delivery, SWI_EREMOVED,
			 "deze %s is verwijderd; de verwijzing ernaar is niet meer geldig",
			 kind_name(r->removed_kind));
}

/* SWI_OK for a live record; SWI_EREMOVED (recorded) for a removed one;
 * SWI_EINVAL for NULL or memory that never was a record handed out. */
static int check_record(const swi_record *r)
{
	if (!r)
		return SWI_EINVAL;
	if (r->kind)
		return SWI_OK;
	return r->removed_kind ? swi_record_removed_error(r) : SWI_EINVAL;
}

SWI_EXPORT int swi_person_add_record(swi_record **out, swi_person *p, swi_category kind)
{
	if (out)
		*out = NULL;
	if (!p)
		return SWI_EINVAL;
	if (p->removed)
		return swi_person_removed_error(p);
	swi_delivery *d = p->delivery;
	if (!is_record_kind(kind))
		return swi_error(d, SWI_EINVAL, "recordsoort %d bestaat niet (PIP %d, gesprek %d, "
				 "boete %d)", (int)kind, SWI_CATEGORY_PIP, SWI_CATEGORY_GESPREK,
				 SWI_CATEGORY_BOETE);
	if (!d->free_records && pool_grow(d) != SWI_OK)
		return swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor een record");

	struct swi_record *r = d->free_records;
	d->free_records = r->next;
	memset(r, 0, sizeof(*r));
	r->person = p;
	r->kind = (uint8_t)kind;
	if (kind == SWI_CATEGORY_BOETE)
		r->u.boete.bedrag = SWI_U16_UNSET;
	if (p->last)
		p->last->next = r;
	else
		p->first = r;
	p->last = r;
	swi_changed(p->delivery);
	if (out)
		*out = r;
	return SWI_OK;
}

SWI_EXPORT int swi_person_add_record_ints(swi_record **out, swi_person *p, swi_category kind,
					  size_t n, const int32_t *kenmerken,
					  const int32_t *values)
{
	if (out)
		*out = NULL;
	if (!p)
		return SWI_EINVAL;
	if (p->removed || !is_record_kind(kind))
		return swi_person_add_record(out, p, kind); /* reports it */
	/* Check the values on a scratch record first: all or nothing. */
	struct swi_record scratch;
	memset(&scratch, 0, sizeof(scratch));
	scratch.person = p;
	scratch.kind = (uint8_t)kind;
	if (kind == SWI_CATEGORY_BOETE)
		scratch.u.boete.bedrag = SWI_U16_UNSET;
	int rc = swi_access_set_many(p->delivery, kind, &scratch, n, kenmerken, values);
	swi_record *r;
	if (rc == SWI_OK)
		rc = swi_person_add_record(&r, p, kind);
	if (rc != SWI_OK)
		return rc;
	r->u = scratch.u;
	if (out)
		*out = r;
	return SWI_OK;
}

SWI_EXPORT size_t swi_person_record_count(const swi_person *p, swi_category kind)
{
	size_t n = 0;
	for (const struct swi_record *r = p ? p->first : NULL; r; r = r->next)
		n += r->kind == kind;
	return n;
}

static swi_record *first_of_kind(struct swi_record *r, int kind)
{
	while (r && r->kind != kind)
		r = r->next;
	return r;
}

SWI_EXPORT swi_record *swi_person_first_record(const swi_person *p, swi_category kind)
{
	return p ? first_of_kind(p->first, kind) : NULL;
}

SWI_EXPORT swi_record *swi_record_next(const swi_record *r)
{
	return r ? first_of_kind(r->next, r->kind) : NULL;
}

SWI_EXPORT int swi_record_remove(swi_record *r)
{
	int rc = check_record(r);
	if (rc != SWI_OK)
		return rc;
	struct swi_person *p = r->person;
	struct swi_record *prev = NULL;
	for (struct swi_record *o = p->first; o != r; o = o->next)
		prev = o;
	if (prev)
		prev->next = r->next;
	else
		p->first = r->next;
	if (p->last == r)
		p->last = prev;
	swi_record_release(p->delivery, r);
	swi_changed(p->delivery);
	return SWI_OK;
}

SWI_EXPORT swi_category swi_record_kind(const swi_record *r)
{
	return r ? (swi_category)r->kind : (swi_category)0;
}

SWI_EXPORT swi_person *swi_record_person(const swi_record *r)
{
	return r && r->kind ? r->person : NULL;
}

SWI_EXPORT int swi_record_set_int(swi_record *r, int k, int32_t value)
{
	if (!r || !r->kind)
		return check_record(r);
	return swi_access_set(r->person->delivery, (swi_category)r->kind, r, k, &value, NULL);
}

SWI_EXPORT int swi_record_set_date(swi_record *r, int k, int year, int month, int day)
{
	if (!r || !r->kind)
		return check_record(r);
	return swi_access_set_date(r->person->delivery, (swi_category)r->kind, r, k, year, month, day);
}

SWI_EXPORT int swi_record_set_text(swi_record *r, int k, const char *text)
{
	if (!r || !r->kind)
		return check_record(r);
	return swi_access_set(r->person->delivery, (swi_category)r->kind, r, k, NULL, text);
}

SWI_EXPORT int swi_record_set_ints(swi_record *r, size_t n, const int32_t *kenmerken,
				   const int32_t *values)
{
	if (!r || !r->kind)
		return check_record(r);
	return swi_access_set_many(r->person->delivery, (swi_category)r->kind, r, n, kenmerken,
				   values);
}

SWI_EXPORT int swi_record_get_int(const swi_record *r, int k, int32_t *out)
{
	if (!r || !r->kind)
		return check_record(r);
	return swi_access_get_int(r->person->delivery, (swi_category)r->kind, r, k, out);
}

SWI_EXPORT int swi_record_get_text(const swi_record *r, int k, char *buf, size_t size)
{
	if (!r || !r->kind)
		return check_record(r);
	return swi_access_get_text(r->person->delivery, (swi_category)r->kind, r, k, buf, size);
}

SWI_EXPORT int swi_record_unset(swi_record *r, int k)
{
	if (!r || !r->kind)
		return check_record(r);
	return swi_access_unset(r->person->delivery, (swi_category)r->kind, r, k);
}

SWI_EXPORT int swi_record_has(const swi_record *r, int k)
{
	if (!r || !r->kind)
		return check_record(r);
	return swi_access_has(r->person->delivery, (swi_category)r->kind, r, k);
}
