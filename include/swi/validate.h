/** @file
 * libswi - validate.h: checking a delivery against the rules of the SWI
 * guideline before CBS does (its technical and statistical controls,
 * guideline 4.1), with stable, precise diagnostics.
 *
 * Every diagnostic carries a permanent rule id ("SWI-012"; the catalogue
 * is doc/rules.md, a retired id is never reused), a severity, the kenmerk
 * (0 for file level), the record kind, the person and record index, the
 * person's BSN (masked as *****6782 unless SWI_VALIDATE_SHOW_BSN) and a
 * Dutch message that names the kenmerk and the offending value.
 *
 * Messages are one line: line breaks and other control characters of a
 * value are shown as escapes (`\n`, `\r`, `\x1b`). Unless the caller asked for
 * full BSNs, every number in them that could be a BSN is masked too,
 * whichever field it came from: 8 or more digits, also spaced or dotted
 * ("123 456 782"), become *****6782; an 8-digit date jjjjmmdd stays unless
 * it passes the 11-test as a BSN with a leading 0 (doc/masking.md).
 *
 *  SWI_SEVERITY_ERROR: CBS's technical control would refuse the file, a
 *      kenmerk is present where the guideline says it does not apply, or
 *      the data is logically impossible. Writers refuse such a delivery
 *      unless given SWI_WRITE_FORCE.
 *  SWI_SEVERITY_WARNING: a plausibility signal, including a conditional
 *      kenmerk that is still missing (3.3.3: many kenmerken are
 *      legitimately not filled yet).
 *
 * Thread-safety: see common.h. A report is independent of its delivery
 * once made: it survives edits and the free of the delivery.
 */
#ifndef SWI_VALIDATE_H
#define SWI_VALIDATE_H

#include <swi/common.h>
#include <swi/delivery.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The findings of one validation, read or comparison (opaque). */
typedef struct swi_report swi_report;

/** How bad a finding is; see the file description. */
typedef enum swi_severity {
	SWI_SEVERITY_ERROR = 1,   /**< CBS refuses the file */
	SWI_SEVERITY_WARNING = 2, /**< a plausibility signal */
} swi_severity;

/** Flags for swi_delivery_validate(); combine with |. */
enum swi_validate_flags {
	/** Put full BSNs in swi_report_bsn() and leave the digits in messages
	 *  (default: masked, doc/masking.md). */
	SWI_VALIDATE_SHOW_BSN = 1u << 0,
};

/**
 * Sets "today" for the rule that no date may lie in the future, as
 * yyyymmdd; 0 (the default) means the system clock's local date. Tests set
 * it to get reproducible reports. SWI_OK, SWI_EINVAL or SWI_EDATE.
 */
SWI_EXPORT int swi_delivery_set_reference_date(swi_delivery *d, int32_t yyyymmdd);

/**
 * Validates the delivery with the ruleset of its statistiekjaar (k1).
 * `file_name` is optional: when given (a name or a path), it is checked
 * against k1, k2, k6 and k7 (guideline 3.4.2).
 * NEW report in *out (free with swi_report_free()), also when the delivery
 * has errors: the return value says whether validation ran, not whether the
 * data is valid. Returns SWI_OK, SWI_EINVAL, SWI_ENOMEM, or SWI_EDATAFILE /
 * SWI_EIO when a municipality list file it looks for (see
 * swi_delivery_load_gemeenten()) is malformed or unreadable; the message
 * names the file and the line.
 * A year without its own ruleset is checked as swi_ruleset_for_year() says.
 * Runs in time linear in the number of records.
 */
SWI_EXPORT int swi_delivery_validate(swi_report **out, swi_delivery *d, const char *file_name,
				     unsigned flags);

/**
 * How the ruleset for a statistiekjaar was chosen (doc/years.md). The
 * values are permanent.
 */
typedef enum swi_ruleset_kind {
	/** The year has its own ruleset. */
	SWI_RULESET_OWN = 0,
	/** A later year without its own ruleset: the newest one applies, and
	 * validation warns once (SWI-017) naming it. */
	SWI_RULESET_NEWEST = 1,
	/** An earlier year, from the law's first year (2022) on: the oldest
	 * ruleset applies, and validation warns once (SWI-018) naming it. */
	SWI_RULESET_OLDEST = 2,
} swi_ruleset_kind;

/**
 * Which ruleset swi_delivery_validate() applies to a delivery of
 * statistiekjaar `year`, as the ruleset's own year in *ruleset_year (2026)
 * and how it was chosen in *kind; both out-parameters are optional.
 * `reference_date` is "today" as yyyymmdd (0: the system clock's local
 * date), as set with swi_delivery_set_reference_date().
 * Returns SWI_OK; SWI_EYEAR for a year before the law's first year (2022)
 * or more than one year after the reference date's year (validation
 * reports SWI-003, an error; *ruleset_year is then 0); SWI_EINVAL for a
 * reference date that is not a date. The range and the rulesets come from
 * the library's ruleset table. Thread-safe. Since 0.2.
 */
SWI_EXPORT int swi_ruleset_for_year(int year, int32_t reference_date, int *ruleset_year,
				    swi_ruleset_kind *kind);

/**
 * Gives the delivery the CBS municipality list ("Gemeentelijke indeling op
 * 1 januari") of statistiekjaar `year`, read from the CSV file at `path`;
 * validation checks kenmerk 7 against it (SWI-004) instead of the list
 * libswi finds itself. `year` 0: the year in the file's name
 * (gemeenten-2027.csv), else the delivery's statistiekjaar (k1).
 * The file: a header line (optional), then one municipality per line with
 * its code and name, separated by ',' or ';'; a UTF-8 BOM, CRLF line ends,
 * double quotes and codes written as StatLine writes them ("GM0363",
 * padded with spaces) are accepted. When the header names columns, the
 * first whose name contains "code" holds the code and the first that
 * contains "naam" the name; otherwise they are the first two columns.
 * Without a call libswi looks, per statistiekjaar, in this order:
 *  1. the directory named by the environment variable SWI_GEMEENTEN_DIR,
 *  2. the installed data directory (share/libswi/),
 *  for a file gemeenten-YYYY.csv, and else 3. the list compiled into
 *  libswi. A year without a list anywhere is checked against the newest
 *  earlier list, with one warning (SWI-019) naming it.
 * The list is copied into the delivery (freed with it); loading a list for
 * a year again replaces the previous one. Different deliveries may hold
 * different lists and be validated from different threads at once.
 * Returns SWI_OK; SWI_EIO when the file cannot be read; SWI_EDATAFILE when
 * it is malformed (the message names the file and the line; the delivery
 * keeps no part of it); SWI_EINVAL (NULL, or no year); SWI_ENOMEM.
 * Since 0.2.
 */
SWI_EXPORT int swi_delivery_load_gemeenten(swi_delivery *d, int year, const char *path);

/**
 * Compares a delivery with the delivery of the previous quarter of the same
 * gemeente, the way CBS's statistical control does (guideline 3.3.1, 3.3.6,
 * 4.1.3): talks and fines delivered again, a fine re-delivered with another
 * reason, persons who disappear without an end of guidance, a leerroute
 * begindatum that changes, a PIP that goes back in time, counts that jump.
 * Diagnostics refer to persons and records of `current`, except SWI-084
 * (a person who disappeared), whose person index is that in `previous`.
 * Neither delivery is changed. NEW report in *out; SWI_OK, SWI_EINVAL or SWI_ENOMEM.
 * Linear in the number of records of both deliveries.
 */
SWI_EXPORT int swi_delivery_compare(swi_report **out, swi_delivery *previous,
				    swi_delivery *current, unsigned flags);

/** Frees the report and all its strings. Accepts NULL. */
SWI_EXPORT void swi_report_free(swi_report *r);

/** Number of diagnostics (0 for NULL). */
SWI_EXPORT size_t swi_report_count(const swi_report *r);

/** Number of diagnostics of one severity (0 for NULL). */
SWI_EXPORT size_t swi_report_count_severity(const swi_report *r, swi_severity severity);

/*
 * Accessors of diagnostic i (0-based, in the order found: file level first,
 * then persons in delivery order). For NULL or i out of range they return
 * NULL, 0 or -1 as stated. Strings are BORROWED from the report: valid
 * until swi_report_free().
 */

/** The permanent rule id, e.g. "SWI-012". */
SWI_EXPORT const char *swi_report_rule(const swi_report *r, size_t i);
/** SWI_SEVERITY_ERROR or SWI_SEVERITY_WARNING (0 if out of range). */
SWI_EXPORT swi_severity swi_report_severity(const swi_report *r, size_t i);
/** The kenmerk number, or 0 for a file-level diagnostic. */
SWI_EXPORT int swi_report_kenmerk(const swi_report *r, size_t i);
/** The kind of record (SWI_CATEGORY_*) the diagnostic is about. */
SWI_EXPORT swi_category swi_report_category(const swi_report *r, size_t i);
/** 0-based index of the person in the delivery, or -1 (levering level). */
SWI_EXPORT int64_t swi_report_person(const swi_report *r, size_t i);
/** 0-based index of the record among the person's records of its kind, or -1. */
SWI_EXPORT int64_t swi_report_record(const swi_report *r, size_t i);
/** The person's BSN, masked unless SWI_VALIDATE_SHOW_BSN; "" at levering level. */
SWI_EXPORT const char *swi_report_bsn(const swi_report *r, size_t i);
/** The Dutch message. */
SWI_EXPORT const char *swi_report_message(const swi_report *r, size_t i);
/** Line in the source file for diagnostics from the reader; 0 if none. */
SWI_EXPORT int64_t swi_report_line(const swi_report *r, size_t i);

/*
 * The rule catalogue (the same rules as doc/rules.md), for tools and tests.
 */

/** Number of rules in the catalogue. */
SWI_EXPORT size_t swi_rule_count(void);
/** Rule i (0-based) of the catalogue: id ("SWI-012"), severity, the
 * kenmerken it concerns (text such as "18, 19"), the guideline section and
 * a Dutch description. Every out-parameter is optional; the strings are
 * static. SWI_OK or SWI_ERANGE. Thread-safe. */
SWI_EXPORT int swi_rule_at(size_t i, const char **id, swi_severity *severity,
			   const char **kenmerken, const char **section,
			   const char **description);

#ifdef __cplusplus
}
#endif

#endif /* SWI_VALIDATE_H */
