/* Building a report (report.c): the one builder of validate, compare and read. */
#ifndef SWI_REPORT_H
#define SWI_REPORT_H

#include "rules.h"

/* Where a diagnostic points: record kind, indices, BSN text, source line. */
struct swi_where {
	swi_category category;
	int64_t person; /* -1: levering */
	int64_t record; /* -1: the person or levering itself */
	int64_t line;   /* 0: not from a file */
	const char *bsn; /* masked or full, as the caller asked; NULL or "" for none */
};

/* A new report masks BSNs in its messages (swi_mask()); see swi_report_show_bsn. */
swi_report *swi_report_new(swi_alloc_fn alloc, void *ud);
/* The caller asked for full BSNs (SWI_VALIDATE_SHOW_BSN, SWI_READ_SHOW_BSN):
 * messages keep their digits; line breaks are escaped all the same. */
void swi_report_show_bsn(swi_report *r, bool full);
/* Adds a diagnostic of `rule`; on allocation failure the report remembers
 * SWI_ENOMEM (see swi_report_status) and ignores further adds. */
void swi_report_add(swi_report *r, enum swi_rule rule, const struct swi_where *where, int kenmerk,
		    const char *fmt, ...) SWI_ATTR_PRINTF(5, 6);
int swi_report_status(const swi_report *r);
/* Ends building a report: on `rc` or a failed add, frees it and returns the
 * error; else hands it to *out and returns SWI_OK. */
int swi_report_finish(swi_report *r, int rc, swi_report **out);

/*
 * A rule engine's place in the report it builds (validate, compare): the
 * person or levering being checked, the line of the record being checked,
 * and the person's BSN as the caller asked (masked, or full with SHOW_BSN).
 */
struct swi_report_at {
	swi_report *r;
	struct swi_where w;  /* person -1: the levering */
	int64_t record_line; /* line of the record being checked, 0 if none */
	bool show_bsn;
	char bsn[10];
};
/* A new report, at the levering (`line`: of <Levering>, 0 if built). SWI_OK or
 * SWI_ENOMEM. */
int swi_report_at_start(struct swi_report_at *at, swi_alloc_fn alloc, void *ud, bool show_bsn,
			int64_t line);
/* Moves to the person with `bsn`, the index-th of its delivery, read from `line`. */
void swi_report_at_person(struct swi_report_at *at, uint32_t bsn, int64_t index, int64_t line);
/* Adds a diagnostic about kenmerk k of the current person or levering
 * (record -1) or of its record number `record` (0-based) of kind `cat`,
 * at the record's line when known; `prefixed` puts "PIP 2: " in front. */
void swi_report_at_vadd(struct swi_report_at *at, enum swi_rule rule, swi_category cat,
			int64_t record, int k, bool prefixed, const char *fmt, va_list ap);
/* swi_report_at_vadd without the prefix. */
void swi_report_at_add(struct swi_report_at *at, enum swi_rule rule, swi_category cat,
		       int64_t record, int k, const char *fmt, ...) SWI_ATTR_PRINTF(6, 7);

swi_severity swi_rule_severity(enum swi_rule rule);
const char *swi_rule_id(enum swi_rule rule);
/* The message of the first error and its rule, or NULL if there is none. */
const char *swi_report_first_error(const swi_report *r, enum swi_rule *rule);
/* The message of the first diagnostic of `rule`, or NULL. */
const char *swi_report_first_of(const swi_report *r, enum swi_rule rule);

#endif
