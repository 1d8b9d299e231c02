/** @file
 * libswi - delivery.h: building a delivery.
 *
 * A delivery (one file: one berichtgever, one gemeente, one quarter) owns
 * a tree:   swi_delivery -> swi_person -> swi_record (PIP, gesprek, boete)
 *
 * Ownership and lifetime
 *  - swi_delivery_free() releases the whole tree. Every swi_person and
 *    swi_record handle is BORROWED from its delivery: it refers to its
 *    person or record until that is removed (swi_person_remove,
 *    swi_record_remove; removing a person removes its records) and stays a
 *    safe pointer until the delivery is freed. Adding or removing other
 *    persons or records never moves or invalidates a handle.
 *  - Use after remove is detected, not undefined: every call through a
 *    removed person or record that returns a status returns SWI_EREMOVED
 *    (recorded in the delivery's last-error slot) and changes nothing;
 *    calls that return a handle return NULL, counts 0, swi_record_kind() 0,
 *    and swi_person_delivery() still the owner. The memory of a removed
 *    person or record is never given to another one, so an old handle can
 *    never reach someone else's data. The price: that memory (96 bytes a
 *    person, 40 a record on 64-bit) is reclaimed only by
 *    swi_delivery_free(), also when persons and records are removed and
 *    added again and again. After swi_delivery_free() every handle is
 *    dangling (undefined, as for any freed memory).
 *
 * Setting values
 *  Every kenmerk of a category can be set in three ways; all of them check
 *  the value against Table 2 of the guideline and, on a bad value, return
 *  a distinct code (SWI_EFORMAT, SWI_EDATE, SWI_ECODE, SWI_ERANGE,
 *  SWI_ECHARSET, SWI_ETOOLONG, SWI_EBSN), leave the handle unchanged and
 *  store a Dutch message naming the kenmerk and the record in the
 *  delivery's last-error slot:
 *   - *_set_int(h, k, v): a code (2), a number (16), a year (2026), a
 *     4-digit code (153 -> "0153") or a date as yyyymmdd (20260107);
 *   - *_set_date(h, k, y, m, d): date kenmerken only;
 *   - *_set_text(h, k, "..."): the text as it would stand in the file,
 *     the path FFI callers and CSV importers use ("20260107", "2", "and").
 *  A kenmerk of another category gives SWI_ECATEGORY; an unknown number
 *  SWI_EKENMERK.
 *
 * Getting values
 *  *_get_int and *_get_text return SWI_ENOTSET for a kenmerk without a
 *  value; they never change the tree. Text comes back exactly as it is
 *  written in the file (dates "jjjjmmdd", codes with leading zeros).
 *
 * Errors
 *  Every failing call on a handle records its code and a message in the
 *  delivery it belongs to: see swi_delivery_last_error() and
 *  swi_delivery_last_message(). A successful call leaves the slot alone.
 *  Calls with a NULL handle only return SWI_EINVAL; calls through a removed
 *  person or record return SWI_EREMOVED.
 *
 * Thread-safety: see common.h (one thread at a time per delivery).
 */
#ifndef SWI_DELIVERY_H
#define SWI_DELIVERY_H

#include <swi/common.h>
#include <swi/kenmerk.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One delivery file (opaque): the header k1-k7 and its persons. Owns its tree. */
typedef struct swi_delivery swi_delivery;
/** One person (k8-k29) of a delivery (opaque); a BORROWED handle. */
typedef struct swi_person swi_person;
/** One PIP, voortgangsgesprek or boete of a person (opaque); a BORROWED handle. */
typedef struct swi_record swi_record;

/* ---- the delivery -------------------------------------------------- */

/**
 * Creates an empty delivery: no header values except k3 (Statistiekcode,
 * always 40), no persons. Set k1, k2 and k4-k7 with swi_delivery_set_*.
 * NEW: free with swi_delivery_free(). Returns SWI_OK, SWI_EINVAL (out is
 * NULL) or SWI_ENOMEM.
 */
SWI_EXPORT int swi_delivery_new(swi_delivery **out);

/**
 * As swi_delivery_new(), but every allocation for this delivery and its
 * tree (and for buffers and reports made from it) goes through `alloc`.
 * `alloc` must stay callable until the delivery and everything made from
 * it are freed.
 */
SWI_EXPORT int swi_delivery_new_with_allocator(swi_delivery **out, swi_alloc_fn alloc,
					       void *userdata);

/** Frees the delivery and every person and record in it. Accepts NULL. */
SWI_EXPORT void swi_delivery_free(swi_delivery *d);

/** Code of the last failed call on this delivery or its tree; SWI_OK if none. */
SWI_EXPORT int swi_delivery_last_error(const swi_delivery *d);

/**
 * The kenmerk the last failed call was about (for a refused value in a bulk
 * call: the refused one), or 0 if that failure concerned no kenmerk.
 */
SWI_EXPORT int swi_delivery_last_kenmerk(const swi_delivery *d);

/**
 * Message of the last failed call ("" if none). BORROWED: valid until the
 * next call that fails on this delivery, or its free. Returns "" for NULL.
 * Always masked, there is no flag: every number that could be a BSN, from
 * any field, shows as *****6782, and the message is one line (line breaks
 * of a value as `\n`). doc/masking.md has the rule. The Python and Java
 * exceptions take their text from here.
 */
SWI_EXPORT const char *swi_delivery_last_message(const swi_delivery *d);

/**
 * Sets header kenmerk `k` (k1-k7) to a number, code, year or date as
 * yyyymmdd. See "Setting values" above. Returns SWI_OK, SWI_EINVAL (NULL
 * handle), SWI_EKENMERK, SWI_ECATEGORY or the code of the refused value.
 */
SWI_EXPORT int swi_delivery_set_int(swi_delivery *d, int k, int32_t value);
/**
 * Sets header kenmerk `k` from the text that would stand in the file
 * ("2026", "0153", "and"). `text` is copied. Codes as swi_delivery_set_int().
 */
SWI_EXPORT int swi_delivery_set_text(swi_delivery *d, int k, const char *text);
/**
 * Reads header kenmerk `k` as a number into `*out` (dates as yyyymmdd; a
 * text kenmerk such as k5 gives SWI_EFORMAT: use swi_delivery_get_text()).
 * SWI_OK, SWI_ENOTSET, SWI_EINVAL, SWI_EKENMERK, SWI_ECATEGORY or SWI_EFORMAT.
 */
SWI_EXPORT int swi_delivery_get_int(const swi_delivery *d, int k, int32_t *out);
/** Copies the value and its NUL into buf (SWI_VALUE_MAX always suffices); SWI_EBUFFER if too small. */
SWI_EXPORT int swi_delivery_get_text(const swi_delivery *d, int k, char *buf, size_t size);
/** Removes the value (k3 cannot be unset: SWI_EREQUIRED). */
SWI_EXPORT int swi_delivery_unset(swi_delivery *d, int k);
/** 1 if set, 0 if not, or a negative code. */
SWI_EXPORT int swi_delivery_has(const swi_delivery *d, int k);

/**
 * The file name of this delivery (guideline 3.4.2):
 * "SWI_[berichtgevercode]_[gemeentecode]_[jjjj][q].XML", or with
 * `zipped` non-zero the same stem with ".zip". Copied with its NUL into
 * `buf`. Returns SWI_OK, SWI_EINCOMPLETE (k1, k2, k6 or k7 missing) or
 * SWI_EBUFFER (32 bytes always suffice).
 */
SWI_EXPORT int swi_delivery_file_name(swi_delivery *d, int zipped, char *buf, size_t size);

/* ---- persons -------------------------------------------------------- */

/**
 * Adds a person with the given BSN (k8) at the end of the delivery.
 * The BSN is nine digits, or eight digits which get a leading zero; it
 * must pass the 11-test and not be 000000000 (SWI_EBSN) and must not be
 * in the delivery already (SWI_EDUPLICATE). `out` is optional; the handle
 * is BORROWED from the delivery.
 */
SWI_EXPORT int swi_delivery_add_person(swi_person **out, swi_delivery *d, const char *bsn);

/**
 * As swi_delivery_add_person() followed by swi_person_set_ints(), in one
 * call and all or nothing: when any value is refused, no person is added.
 */
SWI_EXPORT int swi_delivery_add_person_ints(swi_person **out, swi_delivery *d, const char *bsn,
					    size_t n, const int32_t *kenmerken,
					    const int32_t *values);

/**
 * Adds many persons with their records in one call: the bulk path for
 * bindings (ctypes, JNA), where one foreign call per person costs more than
 * the work. Plain C callers are better served by the calls above.
 *
 * The batch is three arrays. `entries` holds `n_entries` pairs (category,
 * count); entry i owns the next `count` pairs of kenmerken[] and values[],
 * which hold `n_pairs` values each. An entry of SWI_CATEGORY_PERSOON adds a
 * person; its first pair is kenmerk 8, the BSN as a number (123456782; a
 * number below 100000000 gets leading zeros). An entry of SWI_CATEGORY_PIP,
 * _GESPREK or _BOETE adds that record to the person of the nearest person
 * entry before it. The values are as for swi_person_set_ints().
 *
 * The shape is checked first: an unknown category, a batch that does not
 * start with a person, a person entry without k8 first, or counts that do
 * not add up to `n_pairs` give SWI_EINVAL and add nothing. Then each person
 * with its records is all or nothing: on the first refusal the persons of
 * the entries before stay, the refused person is not added, the code and
 * message are those of swi_delivery_add_person_ints() or
 * swi_person_add_record_ints(), and `*done` (optional) is the index of the
 * refused person's entry; on success it is `n_entries`. The arrays are
 * only read during the call.
 */
SWI_EXPORT int swi_delivery_add_batch(swi_delivery *d, size_t n_entries, const int32_t *entries,
				      size_t n_pairs, const int32_t *kenmerken,
				      const int32_t *values, size_t *done);

/**
 * Looks a person up by BSN (8 or 9 digits). Constant time on average.
 * Returns SWI_OK and a BORROWED handle, SWI_ENOTFOUND, SWI_EFORMAT for a
 * text that is not 8 or 9 digits, or SWI_EBSN for one that fails the
 * 11-test. A not-found lookup is not recorded as error.
 */
SWI_EXPORT int swi_delivery_find_person(swi_person **out, swi_delivery *d, const char *bsn);

/** Number of persons in the delivery. 0 for NULL. */
SWI_EXPORT size_t swi_delivery_person_count(const swi_delivery *d);

/**
 * Iteration in insertion order: first person, or NULL if there is none.
 * The handles are BORROWED. Removing the current person while iterating
 * is allowed if swi_person_next() was called on it first.
 */
SWI_EXPORT swi_person *swi_delivery_first_person(const swi_delivery *d);
/** The person after `p`, or NULL at the end (or for NULL or a removed person). */
SWI_EXPORT swi_person *swi_person_next(const swi_person *p);

/**
 * Removes the person and all its records from the delivery. Afterwards
 * every call through `p` or the handles of its records returns
 * SWI_EREMOVED (see "Ownership and lifetime"). Returns SWI_OK, SWI_EINVAL
 * (NULL) or SWI_EREMOVED (already removed).
 */
SWI_EXPORT int swi_person_remove(swi_person *p);

/** The delivery that owns the person (BORROWED), or NULL for NULL; also
 * for a removed person, so its SWI_EREMOVED message can be read. */
SWI_EXPORT swi_delivery *swi_person_delivery(const swi_person *p);

/** Person kenmerken k8-k29. See "Setting values" above.
 * Setting k8 changes the person's BSN (11-test and uniqueness are checked);
 * unsetting k8 gives SWI_EREQUIRED. */
SWI_EXPORT int swi_person_set_int(swi_person *p, int k, int32_t value);
/**
 * Sets date kenmerk `k` of the person from its parts (2026, 1, 7);
 * SWI_EDATE for a day that does not exist, SWI_EFORMAT for a kenmerk
 * that is no date. Otherwise as swi_person_set_int().
 */
SWI_EXPORT int swi_person_set_date(swi_person *p, int k, int year, int month, int day);
/**
 * Sets kenmerk `k` of the person from the text that would stand in the
 * file ("20260107", "2"); `text` is copied. Otherwise as swi_person_set_int().
 */
SWI_EXPORT int swi_person_set_text(swi_person *p, int k, const char *text);
/**
 * Sets `n` kenmerken at once, kenmerken[i] to values[i], as *_set_int
 * would: all or nothing. Every value is checked first; on the first refusal
 * nothing is changed and that refusal's code and message are returned. For
 * callers with a high cost per call (FFI), so a person costs one call. k8
 * (the BSN) is not accepted here (SWI_EINVAL): use swi_person_set_int.
 */
SWI_EXPORT int swi_person_set_ints(swi_person *p, size_t n, const int32_t *kenmerken,
				   const int32_t *values);
/**
 * Reads kenmerk `k` of the person as a number into `*out` (dates as
 * yyyymmdd, the BSN as a number). SWI_OK, SWI_ENOTSET, SWI_EINVAL,
 * SWI_EKENMERK, SWI_ECATEGORY or SWI_EFORMAT (a text kenmerk); `*out` is
 * only written on SWI_OK.
 */
SWI_EXPORT int swi_person_get_int(const swi_person *p, int k, int32_t *out);
/**
 * Copies kenmerk `k` of the person as it is written in the file, with its
 * NUL, into `buf` (SWI_VALUE_MAX always suffices). SWI_OK, SWI_ENOTSET,
 * SWI_EBUFFER (too small), SWI_EINVAL, SWI_EKENMERK or SWI_ECATEGORY.
 */
SWI_EXPORT int swi_person_get_text(const swi_person *p, int k, char *buf, size_t size);
/**
 * Removes the value of kenmerk `k` from the person (no error if it had
 * none). k8, the BSN that keys the person, gives SWI_EREQUIRED.
 */
SWI_EXPORT int swi_person_unset(swi_person *p, int k);
/** 1 if kenmerk `k` of the person is set, 0 if not, or a negative code. */
SWI_EXPORT int swi_person_has(const swi_person *p, int k);

/* ---- records: PIPs (k30-k34), voortgangsgesprekken (k35), boetes (k36-k38) */

/**
 * Adds an empty record of `kind` (SWI_CATEGORY_PIP, _GESPREK or _BOETE)
 * at the end of the person's records of that kind. `out` is optional; the
 * handle is BORROWED from the delivery. SWI_EINVAL for another kind.
 */
SWI_EXPORT int swi_person_add_record(swi_record **out, swi_person *p, swi_category kind);

/**
 * As swi_person_add_record() followed by swi_record_set_ints(), in one call
 * and all or nothing: when any value is refused, no record is added.
 */
SWI_EXPORT int swi_person_add_record_ints(swi_record **out, swi_person *p, swi_category kind,
					  size_t n, const int32_t *kenmerken,
					  const int32_t *values);

/** Number of records of `kind` the person has (0 for NULL or another kind). */
SWI_EXPORT size_t swi_person_record_count(const swi_person *p, swi_category kind);

/** First record of `kind` in insertion order, or NULL. BORROWED. */
SWI_EXPORT swi_record *swi_person_first_record(const swi_person *p, swi_category kind);

/** The next record of the same kind and person, or NULL (also for a
 * removed record: fetch the next one before removing). BORROWED. */
SWI_EXPORT swi_record *swi_record_next(const swi_record *r);

/** Removes the record; afterwards every call through `r` returns
 * SWI_EREMOVED. SWI_OK, SWI_EINVAL (NULL) or SWI_EREMOVED (already removed,
 * or its person was). */
SWI_EXPORT int swi_record_remove(swi_record *r);

/** The record's kind, or 0 for NULL or a removed record. */
SWI_EXPORT swi_category swi_record_kind(const swi_record *r);

/** The person the record belongs to (BORROWED), or NULL for NULL or a removed record. */
SWI_EXPORT swi_person *swi_record_person(const swi_record *r);

/** Record kenmerken k30-k38. See "Setting values" above; a kenmerk of
 * another record kind (k35 on a PIP) gives SWI_ECATEGORY. */
SWI_EXPORT int swi_record_set_int(swi_record *r, int k, int32_t value);
/**
 * Sets date kenmerk `k` of the record from its parts; SWI_EDATE for a day
 * that does not exist, SWI_EFORMAT for a kenmerk that is no date.
 * Otherwise as swi_record_set_int().
 */
SWI_EXPORT int swi_record_set_date(swi_record *r, int k, int year, int month, int day);
/**
 * Sets kenmerk `k` of the record from the text that would stand in the
 * file; `text` is copied. Otherwise as swi_record_set_int().
 */
SWI_EXPORT int swi_record_set_text(swi_record *r, int k, const char *text);
/** As swi_person_set_ints(), for a record's kenmerken. */
SWI_EXPORT int swi_record_set_ints(swi_record *r, size_t n, const int32_t *kenmerken,
				   const int32_t *values);
/** As swi_person_get_int(), for kenmerk `k` of the record. */
SWI_EXPORT int swi_record_get_int(const swi_record *r, int k, int32_t *out);
/** As swi_person_get_text(), for kenmerk `k` of the record. */
SWI_EXPORT int swi_record_get_text(const swi_record *r, int k, char *buf, size_t size);
/**
 * Removes the value of kenmerk `k` from the record (no error if it had
 * none). SWI_OK, SWI_EINVAL, SWI_EKENMERK or SWI_ECATEGORY.
 */
SWI_EXPORT int swi_record_unset(swi_record *r, int k);
/** 1 if kenmerk `k` of the record is set, 0 if not, or a negative code. */
SWI_EXPORT int swi_record_has(const swi_record *r, int k);

#ifdef __cplusplus
}
#endif

#endif /* SWI_DELIVERY_H */
