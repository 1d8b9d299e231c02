/*
 * swi_delivery_add_batch(): many persons and their records in one call, for
 * callers whose cost per foreign call is larger than the work (ctypes, JNA).
 * It checks the batch's shape before it adds anything, then adds person by
 * person through the same all-or-nothing paths as the single calls, so the
 * values are checked once and the messages are the ones users know.
 */
#include <inttypes.h>

#include "access.h"

static bool is_category(int32_t c)
{
	return c >= SWI_CATEGORY_PERSOON && c <= SWI_CATEGORY_BOETE;
}

/* The whole shape, so a malformed batch changes nothing and reads no
 * kenmerk or value past n_pairs. */
static int check_shape(swi_delivery *d, size_t n_entries, const int32_t *entries, size_t n_pairs,
		       const int32_t *kenmerken)
{
	size_t used = 0;
	for (size_t i = 0; i < n_entries; i++) {
		int32_t c = entries[2 * i], n = entries[2 * i + 1];
		if (!is_category(c))
			return swi_error(d, SWI_EINVAL, "batch, ingang %zu: onbekende categorie %" PRId32,
					 i, c);
		if (i == 0 && c != SWI_CATEGORY_PERSOON)
			return swi_error(d, SWI_EINVAL, "batch, ingang 0: een batch begint met een persoon");
		if (n < 0 || n > SWI_K_BOETE_BEDRAG || (size_t)n > n_pairs - used)
			return swi_error(d, SWI_EINVAL,
					 "batch, ingang %zu: %" PRId32 " kenmerken past niet (%zu van %zu "
					 "paren gebruikt)", i, n, used, n_pairs);
		if (c == SWI_CATEGORY_PERSOON &&
		    (n == 0 || kenmerken[used] != SWI_K_BURGERSERVICENUMMER))
			return swi_error(d, SWI_EINVAL, "batch, ingang %zu: het eerste kenmerk van een "
					 "persoon is het burgerservicenummer (kenmerk 8)", i);
		used += (size_t)n;
	}
	if (used != n_pairs)
		return swi_error(d, SWI_EINVAL, "batch: de ingangen gebruiken %zu van de %zu paren",
				 used, n_pairs);
	return SWI_OK;
}

/* The BSN as the nine-digit text swi_delivery_add_person() takes. */
static int bsn_text(swi_delivery *d, int32_t value, char text[10])
{
	if (value < 0 || value > 999999999)
		return swi_error(d, SWI_EBSN, "Burgerservicenummer (kenmerk 8): %" PRId32
				 " heeft meer dan 9 cijfers of is negatief", value);
	swi_bsn_show((uint32_t)value, true, text);
	return SWI_OK;
}

SWI_EXPORT int swi_delivery_add_batch(swi_delivery *d, size_t n_entries, const int32_t *entries,
				      size_t n_pairs, const int32_t *kenmerken,
				      const int32_t *values, size_t *done)
{
	if (done)
		*done = 0;
	if (!d)
		return SWI_EINVAL;
	if ((n_entries && !entries) || (n_pairs && (!kenmerken || !values)))
		return swi_error(d, SWI_EINVAL, "batch: een array ontbreekt");
	if (n_entries > SIZE_MAX / 2)
		return swi_error(d, SWI_EINVAL, "batch: te veel ingangen");
	int rc = check_shape(d, n_entries, entries, n_pairs, kenmerken);
	if (rc != SWI_OK)
		return rc;

	size_t pair = 0, person_entry = 0;
	swi_person *p = NULL;
	for (size_t i = 0; i < n_entries; i++) {
		swi_category c = (swi_category)entries[2 * i];
		size_t n = (size_t)entries[2 * i + 1];
		if (c == SWI_CATEGORY_PERSOON) {
			person_entry = i;
			char text[10];
			rc = bsn_text(d, values[pair], text);
			if (rc == SWI_OK)
				rc = swi_delivery_add_person_ints(&p, d, text, n - 1, kenmerken + pair + 1,
								  values + pair + 1);
			if (rc != SWI_OK)
				break;
		} else {
			rc = swi_person_add_record_ints(NULL, p, c, n, kenmerken + pair, values + pair);
			if (rc != SWI_OK) {
				/* All or nothing per person; the record's message stays. */
				swi_person_remove(p);
				break;
			}
		}
		pair += n;
	}
	if (done)
		*done = rc == SWI_OK ? n_entries : person_entry;
	return rc;
}
