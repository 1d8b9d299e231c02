/** @file
 * libswi - diff.h: the semantic difference between two deliveries, for a
 * vendor's tests ("my export of these cases gives this delivery") and for
 * `swi-check --diff`.
 *
 * Two deliveries are compared as data, not as bytes: the order of persons
 * and records does not matter, and neither does the way a value was set.
 *  - The levering header: kenmerk by kenmerk (1-7).
 *  - Persons are matched by BSN (kenmerk 8). A person of `expected` that
 *    `actual` lacks is one SWI_DIFF_PERSON_MISSING entry; a person only in
 *    `actual` is one SWI_DIFF_PERSON_EXTRA entry (their kenmerken and
 *    records are not listed one by one). A matched person is compared
 *    kenmerk by kenmerk (9-29), then record by record.
 *  - Records are matched within their person by their identity: a PIP by
 *    its date (kenmerk 30), a voortgangsgesprek by its date (35), a boete by
 *    its date and reason (36, 37). When one person has several records of
 *    one identity (two PIPs of the same date), the first of `expected` is
 *    paired with the first of `actual`, the second with the second, in the
 *    order the records were added or read; the surplus on one side is
 *    SWI_DIFF_RECORD_MISSING or SWI_DIFF_RECORD_EXTRA. A matched record is
 *    compared kenmerk by kenmerk.
 *
 * Entries come in a fixed order: the levering header's kenmerken; then per
 * person of `expected`, in its order: the person's kenmerken, then its PIPs,
 * talks and fines (per kind: the records of `expected` in their order, then
 * the surplus of `actual` in its order); then the persons only in `actual`,
 * in its order. Equal input gives equal output, byte for byte.
 *
 * BSNs: the person's BSN is masked as "*****6782" unless SWI_DIFF_SHOW_BSN.
 * Without that flag, a value that looks like a BSN (a text kenmerk holding
 * eight or more digits that are not a date) is masked the same way, in
 * swi_diff_expected_value(), swi_diff_actual_value(), the messages and the
 * text rendering.
 *
 * A diff is independent of the two deliveries once made: it owns copies of
 * every string and survives edits and the free of either delivery. It is
 * allocated with the allocator of `expected` (swi_delivery_new_with_allocator),
 * which must therefore stay usable until swi_diff_free(). Thread-safety: a
 * diff is immutable, so it may be read from several threads at once; making
 * one reads both deliveries, see common.h for their rules.
 *
 * Since 0.2.
 */
#ifndef SWI_DIFF_H
#define SWI_DIFF_H

#include <swi/common.h>
#include <swi/delivery.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The differences between two deliveries (opaque; see the top of this header). */
typedef struct swi_diff swi_diff;

/** The kinds of difference. The values are permanent. */
typedef enum swi_diff_kind {
	/** A kenmerk of the levering, of a matched person or of a matched record
	 * has another value, or is set on one side only. */
	SWI_DIFF_KENMERK = 1,
	/** A person of `expected` (by BSN) is not in `actual`. */
	SWI_DIFF_PERSON_MISSING = 2,
	/** A person of `actual` is not in `expected`. */
	SWI_DIFF_PERSON_EXTRA = 3,
	/** A record of a matched person in `expected` has no partner in `actual`. */
	SWI_DIFF_RECORD_MISSING = 4,
	/** A record of a matched person in `actual` has no partner in `expected`. */
	SWI_DIFF_RECORD_EXTRA = 5,
} swi_diff_kind;

/** Flags for swi_delivery_diff(); combine with |. Other bits must be 0. */
enum swi_diff_flags {
	/** Full BSNs in swi_diff_bsn(), in values and in messages (default: masked). */
	SWI_DIFF_SHOW_BSN = 1u << 0,
};

/**
 * Compares `actual` with `expected` as described at the top of this header.
 * Neither delivery is changed, and no error is recorded in their last-error
 * slots. NEW diff in *out, also when the deliveries differ (free it with
 * swi_diff_free()); swi_diff_count() is 0 exactly when they are equal.
 * Returns SWI_OK; SWI_EINVAL (a NULL argument, or an unknown flag);
 * SWI_ENOMEM (nothing is leaked; *out is NULL). *out is NULL on failure.
 * Time linear in the persons of both deliveries (persons are found through
 * the BSN index) plus n log n in the records of each person.
 * Since 0.2.
 */
SWI_EXPORT int swi_delivery_diff(swi_diff **out, const swi_delivery *expected,
				 const swi_delivery *actual, unsigned flags);

/** Frees the diff and all its strings. Accepts NULL. Since 0.2. */
SWI_EXPORT void swi_diff_free(swi_diff *d);

/** Number of entries; 0 when the deliveries are equal, and for NULL. Since 0.2. */
SWI_EXPORT size_t swi_diff_count(const swi_diff *d);

/*
 * Accessors of entry i (0-based, in the order above). For NULL or i out of
 * range they return 0, -1 or NULL as stated. Strings are BORROWED from the
 * diff: valid until swi_diff_free(). All since 0.2.
 */

/** The kind of the entry; 0 when out of range. */
SWI_EXPORT swi_diff_kind swi_diff_entry_kind(const swi_diff *d, size_t i);
/** The kenmerk that differs (SWI_DIFF_KENMERK); for a missing or extra
 * entry the kenmerk of its identity: 8 (a person), 30 (a PIP), 35 (a
 * talk), 36 (a fine). -1 when out of range. */
SWI_EXPORT int swi_diff_entry_kenmerk(const swi_diff *d, size_t i);
/** What the entry is about: SWI_CATEGORY_LEVERING, _PERSOON, _PIP,
 * _GESPREK or _BOETE; 0 when out of range. */
SWI_EXPORT swi_category swi_diff_entry_category(const swi_diff *d, size_t i);
/** 0-based index of the person among the persons of `expected`, or -1
 * (levering level, a person only in `actual`, out of range). */
SWI_EXPORT int64_t swi_diff_expected_person(const swi_diff *d, size_t i);
/** 0-based index of the person among the persons of `actual`, or -1. */
SWI_EXPORT int64_t swi_diff_actual_person(const swi_diff *d, size_t i);
/** 0-based index of the record among the person's records of its kind in
 * `expected`, or -1 (not about a record, or a record only in `actual`). */
SWI_EXPORT int64_t swi_diff_expected_record(const swi_diff *d, size_t i);
/** The same in `actual`, or -1. */
SWI_EXPORT int64_t swi_diff_actual_record(const swi_diff *d, size_t i);
/** The value in `expected` as written in the file ("20260310", "2", "sam"),
 * "" when unset there or for an entry without one; for a missing or extra
 * entry the identity (a BSN, a date; a fine: its date) on the side that has
 * it. NULL when out of range. */
SWI_EXPORT const char *swi_diff_expected_value(const swi_diff *d, size_t i);
/** The value in `actual`, as swi_diff_expected_value(). */
SWI_EXPORT const char *swi_diff_actual_value(const swi_diff *d, size_t i);
/** The person's BSN, masked unless SWI_DIFF_SHOW_BSN; "" at levering
 * level; NULL when out of range. */
SWI_EXPORT const char *swi_diff_bsn(const swi_diff *d, size_t i);
/** A Dutch message about the entry without the person, e.g. "kenmerk 15
 * (Brede intake - begindatum) verwacht 20260310, gekregen 20260311" or
 * "PIP 2 (20260105) ontbreekt"; for a person missing or extra it names the
 * person: "persoon *****6782 ontbreekt". NULL when out of range. */
SWI_EXPORT const char *swi_diff_message(const swi_diff *d, size_t i);

/**
 * The whole diff as readable Dutch text, one line per person (and one for
 * the levering), each ending in '\n', for example
 *   persoon *****6782: kenmerk 15 (Brede intake - begindatum) verwacht
 *   20260310, gekregen 20260311; PIP 2 (20260105) ontbreekt
 * (on one line). An empty diff gives an empty buffer. NEW buffer in *out,
 * NUL-terminated (the NUL is not counted by swi_buffer_size()); free it
 * with swi_buffer_free(). Allocated with the diff's allocator (that of
 * `expected`); it may outlive the diff.
 * Returns SWI_OK, SWI_EINVAL (NULL) or SWI_ENOMEM (*out NULL). Since 0.2.
 */
SWI_EXPORT int swi_diff_text(swi_buffer **out, const swi_diff *d);

#ifdef __cplusplus
}
#endif

#endif /* SWI_DIFF_H */
