/*
 * The one decoder of a stored value (value.c's readers and the XML
 * writer's hot loop share it, so it is inline): what sits in a record
 * for a kenmerk (enum swi_storage) and how it reads in the file.
 */
#ifndef SWI_VALUE_H
#define SWI_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "private.h"

/* "00" "01" ... "99" (value.c). */
extern const char swi_digit_pairs[201];

/*
 * The stored value of kenmerk `def` in `record`: false when it is unset.
 * *v is the stored number whether set or not (a code, the code-list index
 * + 1 of a text code, a year, number, date or BSN; SWI_U16_UNSET for an
 * unset 16-bit value; 0 for text, which is at record + def->offset).
 */
static inline bool swi_value_decode(const struct swi_kenmerk_def *def, const void *record,
				    uint32_t *v)
{
	const char *p = (const char *)record + def->offset;
	switch ((swi_value_type)def->type) {
	case SWI_TYPE_CODE:
	case SWI_TYPE_TEXT_CODE:
		*v = *(const uint8_t *)p;
		return *v != 0;
	case SWI_TYPE_YEAR:
	case SWI_TYPE_CODE4:
	case SWI_TYPE_NUMBER:
		*v = *(const uint16_t *)(const void *)p;
		return *v != SWI_U16_UNSET;
	case SWI_TYPE_BSN:
	case SWI_TYPE_DATE:
		*v = *(const uint32_t *)(const void *)p;
		return *v != 0;
	case SWI_TYPE_TEXT:
		*v = 0;
		return *p != '\0';
	}
	*v = 0;
	return false;
}

/* `v` in exactly `width` digits, two at a time (v < 10^width); no NUL. */
static inline size_t swi_put_fixed(char *w, uint32_t v, unsigned width)
{
	unsigned i = width;
	while (i >= 2) {
		i -= 2;
		memcpy(w + i, swi_digit_pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (i)
		w[0] = (char)('0' + v % 10);
	return width;
}

/*
 * Writes the set, non-text value `v` (from swi_value_decode) of kenmerk
 * `def` to `w` as in the file, without a NUL; returns its length
 * (< SWI_VALUE_MAX). Fixed-width notations ([jjjj], [1234] codes, the
 * 9-digit BSN, [jjjjmmdd]) keep their leading zeros; codes and numbers
 * (0..9999) have none. Text (0 returned) is the caller's: the writer
 * escapes it, swi_value_format copies it.
 */
static inline size_t swi_value_put(const struct swi_kenmerk_def *def, uint32_t v, char *w)
{
	switch ((swi_value_type)def->type) {
	case SWI_TYPE_YEAR:
	case SWI_TYPE_CODE4:
	case SWI_TYPE_BSN:
	case SWI_TYPE_DATE:
		return swi_put_fixed(w, v, def->width);
	case SWI_TYPE_CODE:
	case SWI_TYPE_NUMBER:
		return swi_put_fixed(w, v, v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : 4);
	case SWI_TYPE_TEXT_CODE: {
		size_t n = strlen(def->codes[v - 1].code);
		memcpy(w, def->codes[v - 1].code, n);
		return n;
	}
	case SWI_TYPE_TEXT:
		break;
	}
	return 0;
}

#endif
