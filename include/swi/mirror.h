/** @file
 * libswi - mirror.h: the mirror report ("spiegelrapport", guideline 4.2.1):
 * the counts CBS sends back after a delivery, computed before the upload so
 * that a berichtgever can check them against its own administration.
 *
 * A swi_mirror is a snapshot: it copies the counts and stays valid after
 * the delivery changes or is freed. Thread-safety: see common.h.
 */
#ifndef SWI_MIRROR_H
#define SWI_MIRROR_H

#include <swi/common.h>
#include <swi/delivery.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A snapshot of the mirror report's counts (opaque); see above. */
typedef struct swi_mirror swi_mirror;

/** Counts the delivery. NEW: free with swi_mirror_free(). SWI_OK, SWI_EINVAL or SWI_ENOMEM. */
SWI_EXPORT int swi_delivery_mirror(swi_mirror **out, swi_delivery *d);

/** Frees the snapshot. Accepts NULL. */
SWI_EXPORT void swi_mirror_free(swi_mirror *m);

/**
 * Persons with Type migrant `type_migrant` (1, 2; 0 = any, -1 = not filled)
 * and Geslacht `geslacht` (1-3; 0 = any, -1 = not filled). 0 for NULL.
 */
SWI_EXPORT size_t swi_mirror_persons(const swi_mirror *m, int type_migrant, int geslacht);

/**
 * How many records of its category fill kenmerk `k`: persons for k8-k29,
 * PIPs for k30-k34, talks for k35, fines for k36-k38; 1 or 0 for k1-k7.
 * 0 for NULL or an unknown kenmerk.
 */
SWI_EXPORT size_t swi_mirror_filled(const swi_mirror *m, int k);

/** PIPs with route `route` (1-3; 0 = any, -1 = not filled) and niveau
 * `niveau` (1-2; 0 = any, -1 = not filled). */
SWI_EXPORT size_t swi_mirror_pips(const swi_mirror *m, int route, int niveau);

/** Voortgangsgesprekken in the delivery. */
SWI_EXPORT size_t swi_mirror_talks(const swi_mirror *m);

/** Fines with reason `reden` (1-2; 0 = any, -1 = not filled). */
SWI_EXPORT size_t swi_mirror_fines(const swi_mirror *m, int reden);

/** Sum of the amounts (k38, whole euros) of the fines with reason `reden`
 * (1-2; 0 = any, -1 = not filled); a fine without an amount adds nothing. */
SWI_EXPORT int64_t swi_mirror_fine_amount(const swi_mirror *m, int reden);

/**
 * The report as one JSON object (UTF-8, NUL-terminated). Each entry of
 * "kenmerken" has "gevuld" of "van" over all records of its category; a
 * kenmerk for one doelgroep also has "gevuld_in_doelgroep" of
 * "van_doelgroep" (since 0.2). NEW buffer. SWI_OK, SWI_EINVAL or SWI_ENOMEM.
 */
SWI_EXPORT int swi_mirror_json(swi_buffer **out, const swi_mirror *m);

/**
 * The report as one self-contained HTML page (no external files, scripts
 * or network; inline CSS and SVG), in Dutch, with a bar chart of the fill
 * rate per kenmerk. A kenmerk that applies to one doelgroep (Table 1) is
 * measured against that doelgroep's records. The page names the libswi
 * version and today's date (the system clock's local date), not the file:
 * the same as swi_mirror_html_source(out, m, NULL, 0).
 * NEW buffer. SWI_OK, SWI_EINVAL or SWI_ENOMEM.
 */
SWI_EXPORT int swi_mirror_html(swi_buffer **out, const swi_mirror *m);

/**
 * As swi_mirror_html(), and the page also names the file the counts come
 * from and the day it was made.
 *
 * @param out       receives a NEW buffer (free with swi_buffer_free()); NULL on failure
 * @param m         the snapshot
 * @param source    the file name to show (HTML-escaped; a name, not a path, is
 *                  what a reader needs), or NULL to show none. Not kept.
 * @param yyyymmdd  the generation date to show; 0 means today by the system
 *                  clock's local date. Give a date for reproducible pages.
 * @return SWI_OK; SWI_EINVAL for a NULL `out` or `m`; SWI_EDATE when
 *         `yyyymmdd` is not 0 and not an existing date; SWI_ENOMEM.
 *
 * Since 0.2. Thread-safety: like every reader of a snapshot, may run
 * concurrently on the same snapshot.
 */
SWI_EXPORT int swi_mirror_html_source(swi_buffer **out, const swi_mirror *m, const char *source,
				      int32_t yyyymmdd);

#ifdef __cplusplus
}
#endif

#endif /* SWI_MIRROR_H */
