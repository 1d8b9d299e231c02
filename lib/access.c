/*
 * The one implementation of set/get/unset behind the three accessor
 * families of the public API. Messages are Dutch and name the kenmerk
 * (number and label) and the record; a BSN is never shown in full.
 */
#include <stdio.h>
#include <string.h>

#include "access.h"

static const char *category_name(swi_category c)
{
	switch (c) {
	case SWI_CATEGORY_LEVERING:
		return "de levering";
	case SWI_CATEGORY_PERSOON:
		return "een persoon";
	case SWI_CATEGORY_PIP:
		return "een PIP";
	case SWI_CATEGORY_GESPREK:
		return "een voortgangsgesprek";
	case SWI_CATEGORY_BOETE:
		return "een boete";
	}
	return "?";
}

void swi_describe(char *buf, size_t size, swi_category c, const void *record)
{
	char masked[10];
	if (c == SWI_CATEGORY_LEVERING) {
		snprintf(buf, size, "levering");
		return;
	}
	if (c == SWI_CATEGORY_PERSOON) {
		swi_bsn_mask(((const struct swi_person *)record)->bsn, masked);
		snprintf(buf, size, "persoon %s", masked);
		return;
	}
	const struct swi_record *r = record;
	size_t n = 1;
	for (const struct swi_record *o = r->person->first; o && o != r; o = o->next)
		n += o->kind == r->kind;
	swi_bsn_mask(r->person->bsn, masked);
	snprintf(buf, size, "%s %zu van persoon %s",
		 c == SWI_CATEGORY_PIP ? "PIP" : c == SWI_CATEGORY_GESPREK ? "voortgangsgesprek" : "boete",
		 n, masked);
}

/* Looks the kenmerk up and checks it belongs to category c. */
static int lookup(swi_delivery *d, swi_category c, const void *record, int k,
		  const struct swi_kenmerk_def **out)
{
	const struct swi_kenmerk_def *def = swi_kenmerk_def(k);
	if (!def)
		return swi_error(d, SWI_EKENMERK, "kenmerk %d bestaat niet (1 t/m %d)", k,
				 SWI_KENMERK_LAST);
	if (def->category != c) {
		char where[64];
		swi_describe(where, sizeof(where), c, record);
		swi_error(d, SWI_ECATEGORY, "%s (kenmerk %d) hoort bij %s, niet bij %s (%s)",
			  def->label, k, category_name((swi_category)def->category),
			  category_name(c), where);
		d->last_kenmerk = k;
		return SWI_ECATEGORY;
	}
	*out = def;
	return SWI_OK;
}

int swi_access_set(swi_delivery *d, swi_category c, void *record, int k, const int32_t *value,
		   const char *text)
{
	const struct swi_kenmerk_def *def = NULL; /* set by lookup() on SWI_OK */
	int rc = lookup(d, c, record, k, &def);
	if (rc != SWI_OK)
		return rc;
	if (!value && !text)
		return swi_error(d, SWI_EINVAL, "%s (kenmerk %d): geen waarde opgegeven", def->label, k);

	uint32_t stored = 0;
	char stored_text[SWI_TEXT_MAX + 1] = "";
	const char *why = "";
	rc = value ? swi_value_from_int(def, *value, &stored, &why)
		   : swi_value_from_text(def, text, &stored, stored_text, &why);
	if (rc != SWI_OK) {
		char where[64], shown[32];
		swi_describe(where, sizeof(where), c, record);
		/* The value may be a real BSN, also when typed into another field:
		 * swi_error() masks it; a long text is cut here, never in a number. */
		if (value)
			snprintf(shown, sizeof(shown), "%ld", (long)*value);
		else
			swi_mask(shown, sizeof(shown), text, strlen(text),
				 SWI_MASK_BSN | SWI_MASK_ESCAPE);
		swi_error(d, rc, "%s (kenmerk %d) van %s: waarde '%s' geweigerd: %s", def->label, k,
			  where, shown, why);
		d->last_kenmerk = k;
		return rc;
	}
	swi_value_store(def, record, stored, stored_text);
	swi_changed(d);
	return SWI_OK;
}

int swi_access_set_date(swi_delivery *d, swi_category c, void *record, int k, int year,
			int month, int day)
{
	const struct swi_kenmerk_def *def = NULL; /* set by lookup() on SWI_OK */
	int rc = lookup(d, c, record, k, &def);
	if (rc != SWI_OK)
		return rc;
	if (def->type != SWI_TYPE_DATE)
		return swi_error(d, SWI_EFORMAT, "%s (kenmerk %d) is geen datum", def->label, k);
	/* Out-of-range parts must not wrap into another, valid date. */
	if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
		char where[64];
		swi_describe(where, sizeof(where), c, record);
		return swi_error(d, SWI_EDATE, "%s (kenmerk %d) van %s: %d-%d-%d is geen bestaande "
				 "kalenderdatum", def->label, k, where, year, month, day);
	}
	int32_t v = (int32_t)year * 10000 + month * 100 + day;
	return swi_access_set(d, c, record, k, &v, NULL);
}

int swi_access_set_many(swi_delivery *d, swi_category c, void *record, size_t n,
			const int32_t *kenmerken, const int32_t *values)
{
	if (n && (!kenmerken || !values))
		return swi_error(d, SWI_EINVAL, "geen kenmerken of waarden opgegeven");
	/* Check everything before changing anything: all or nothing. */
	for (size_t i = 0; i < n; i++) {
		const struct swi_kenmerk_def *def = NULL; /* set by lookup() on SWI_OK */
		int rc = lookup(d, c, record, kenmerken[i], &def);
		if (rc != SWI_OK)
			return rc;
		if (def->type == SWI_TYPE_BSN)
			return swi_error(d, SWI_EINVAL, "Burgerservicenummer (kenmerk 8) kan niet in "
					 "een bulkaanroep; gebruik swi_person_set_int");
		uint32_t stored;
		const char *why = "";
		rc = swi_value_from_int(def, values[i], &stored, &why);
		if (rc != SWI_OK)
			return swi_access_set(d, c, record, kenmerken[i], &values[i], NULL);
	}
	for (size_t i = 0; i < n; i++) {
		const struct swi_kenmerk_def *def = &swi_kenmerken[kenmerken[i]];
		uint32_t stored;
		const char *why;
		swi_value_from_int(def, values[i], &stored, &why);
		swi_value_store(def, record, stored, "");
	}
	swi_changed(d);
	return SWI_OK;
}

int swi_access_get_int(swi_delivery *d, swi_category c, const void *record, int k, int32_t *out)
{
	const struct swi_kenmerk_def *def = NULL; /* set by lookup() on SWI_OK */
	int rc = lookup(d, c, record, k, &def);
	if (rc != SWI_OK)
		return rc;
	if (!out)
		return swi_error(d, SWI_EINVAL, "geen uitvoerparameter");
	if (def->type == SWI_TYPE_TEXT || def->type == SWI_TYPE_TEXT_CODE)
		return swi_error(d, SWI_EFORMAT, "%s (kenmerk %d) is een tekst; gebruik get_text",
				 def->label, k);
	if (!swi_value_is_set(def, record))
		return SWI_ENOTSET;
	*out = (int32_t)swi_value_load(def, record);
	return SWI_OK;
}

int swi_access_get_text(swi_delivery *d, swi_category c, const void *record, int k, char *buf,
			size_t size)
{
	const struct swi_kenmerk_def *def = NULL; /* set by lookup() on SWI_OK */
	int rc = lookup(d, c, record, k, &def);
	if (rc != SWI_OK)
		return rc;
	if (!buf)
		return swi_error(d, SWI_EINVAL, "geen buffer");
	if (!swi_value_is_set(def, record))
		return SWI_ENOTSET;
	char text[SWI_VALUE_MAX];
	size_t len = swi_value_format(def, record, text);
	if (len >= size)
		return swi_error(d, SWI_EBUFFER, "%s (kenmerk %d): buffer van %zu bytes te klein",
				 def->label, k, size);
	memcpy(buf, text, len + 1);
	return SWI_OK;
}

int swi_access_unset(swi_delivery *d, swi_category c, void *record, int k)
{
	const struct swi_kenmerk_def *def = NULL; /* set by lookup() on SWI_OK */
	int rc = lookup(d, c, record, k, &def);
	if (rc != SWI_OK)
		return rc;
	swi_value_clear(def, record);
	swi_changed(d);
	return SWI_OK;
}

int swi_access_has(swi_delivery *d, swi_category c, const void *record, int k)
{
	const struct swi_kenmerk_def *def = NULL; /* set by lookup() on SWI_OK */
	int rc = lookup(d, c, record, k, &def);
	if (rc != SWI_OK)
		return rc;
	return swi_value_is_set(def, record);
}
