/*
 * The validation report: a flat array of diagnostics plus one pool for
 * their message text. It owns copies of everything, so it outlives edits
 * and the free of the delivery it was made from.
 */
#include <stdio.h>
#include <string.h>

#include "report.h"

struct swi_diag {
	int64_t person, record, line;
	size_t message; /* offset into the text pool */
	uint16_t rule;
	uint8_t severity, category, kenmerk;
	char bsn[10];
};

struct swi_report {
	swi_alloc_fn alloc;
	void *alloc_ud;
	struct swi_diag *diags;
	size_t n, cap;
	size_t n_errors, n_warnings;
	swi_buffer *text;
	int rc; /* SWI_ENOMEM once an add failed */
	unsigned mask; /* swi_mask() flags for every message */
};

#define X(name, id, sev, ks, sec, desc) {id, SWI_SEVERITY_##sev, ks, sec, desc},
static const struct {
	const char *id;
	swi_severity severity;
	const char *kenmerken, *section, *description;
} catalogue[SWI_RULE_COUNT] = {SWI_RULES(X)};
#undef X

swi_report *swi_report_new(swi_alloc_fn alloc, void *ud)
{
	swi_report *r = alloc(ud, NULL, sizeof(*r));
	if (!r)
		return NULL;
	memset(r, 0, sizeof(*r));
	r->alloc = alloc;
	r->alloc_ud = ud;
	r->mask = SWI_MASK_BSN | SWI_MASK_ESCAPE;
	r->text = swi_buffer_new(alloc, ud);
	if (!r->text) {
		alloc(ud, r, 0);
		return NULL;
	}
	return r;
}

void swi_report_show_bsn(swi_report *r, bool full)
{
	r->mask = SWI_MASK_ESCAPE | (full ? 0 : SWI_MASK_BSN);
}

int swi_report_status(const swi_report *r)
{
	return r->rc;
}

int swi_report_finish(swi_report *r, int rc, swi_report **out)
{
	if (rc == SWI_OK)
		rc = r->rc;
	if (rc != SWI_OK) {
		swi_report_free(r);
		return rc;
	}
	*out = r;
	return SWI_OK;
}

swi_severity swi_rule_severity(enum swi_rule rule)
{
	return catalogue[rule].severity;
}

const char *swi_rule_id(enum swi_rule rule)
{
	return catalogue[rule].id;
}

void swi_report_add(swi_report *r, enum swi_rule rule, const struct swi_where *where, int kenmerk,
		    const char *fmt, ...)
{
	if (r->rc != SWI_OK)
		return;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		struct swi_diag *grown = cap <= SIZE_MAX / sizeof(*grown)
			? r->alloc(r->alloc_ud, r->diags, cap * sizeof(*grown)) : NULL;
		if (!grown) {
			r->rc = SWI_ENOMEM;
			return;
		}
		r->diags = grown;
		r->cap = cap;
	}
	/* Every diagnostic of validate, compare, read and --xsd passes here:
	 * masked unless the caller asked for full BSNs, always one line. The
	 * reader's "regel N: " is libswi's own count, no input: it stays
	 * readable past line 9,999,999. */
	char message[512], line[40] = "";
	if (where->line > 0)
		snprintf(line, sizeof(line), "regel %lld: ", (long long)where->line);
	va_list ap;
	va_start(ap, fmt);
	size_t len = swi_mask_vformat_after(message, sizeof(message), r->mask, line, fmt, ap);
	va_end(ap);
	size_t offset = swi_buffer_size(r->text);
	/* Keep the NUL in the pool: messages are handed out as C strings. */
	if (swi_buffer_append(r->text, message, len + 1) != SWI_OK) {
		r->rc = SWI_ENOMEM;
		return;
	}
	struct swi_diag *g = &r->diags[r->n++];
	g->person = where->person;
	g->record = where->record;
	g->line = where->line;
	g->message = offset;
	g->rule = (uint16_t)rule;
	g->severity = (uint8_t)catalogue[rule].severity;
	g->category = (uint8_t)where->category;
	g->kenmerk = (uint8_t)kenmerk;
	snprintf(g->bsn, sizeof(g->bsn), "%s", where->bsn ? where->bsn : "");
	if (g->severity == SWI_SEVERITY_ERROR)
		r->n_errors++;
	else
		r->n_warnings++;
}

const char *swi_report_first_error(const swi_report *r, enum swi_rule *rule)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->diags[i].severity == SWI_SEVERITY_ERROR) {
			*rule = (enum swi_rule)r->diags[i].rule;
			return r->text->data + r->diags[i].message;
		}
	}
	return NULL;
}

const char *swi_report_first_of(const swi_report *r, enum swi_rule rule)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->diags[i].rule == rule)
			return r->text->data + r->diags[i].message;
	return NULL;
}

SWI_EXPORT void swi_report_free(swi_report *r)
{
	if (!r)
		return;
	swi_buffer_free(r->text);
	if (r->diags)
		r->alloc(r->alloc_ud, r->diags, 0);
	r->alloc(r->alloc_ud, r, 0);
}

SWI_EXPORT size_t swi_report_count(const swi_report *r)
{
	return r ? r->n : 0;
}

SWI_EXPORT size_t swi_report_count_severity(const swi_report *r, swi_severity severity)
{
	if (!r)
		return 0;
	return severity == SWI_SEVERITY_ERROR ? r->n_errors
	     : severity == SWI_SEVERITY_WARNING ? r->n_warnings : 0;
}

static const struct swi_diag *diag(const swi_report *r, size_t i)
{
	return r && i < r->n ? &r->diags[i] : NULL;
}

SWI_EXPORT const char *swi_report_rule(const swi_report *r, size_t i)
{
	const struct swi_diag *g = diag(r, i);
	return g ? catalogue[g->rule].id : NULL;
}

SWI_EXPORT swi_severity swi_report_severity(const swi_report *r, size_t i)
{
	const struct swi_diag *g = diag(r, i);
	return g ? (swi_severity)g->severity : (swi_severity)0;
}

SWI_EXPORT int swi_report_kenmerk(const swi_report *r, size_t i)
{
	const struct swi_diag *g = diag(r, i);
	return g ? g->kenmerk : -1;
}

SWI_EXPORT swi_category swi_report_category(const swi_report *r, size_t i)
{
	const struct swi_diag *g = diag(r, i);
	return g ? (swi_category)g->category : (swi_category)0;
}

SWI_EXPORT int64_t swi_report_person(const swi_report *r, size_t i)
{
	const struct swi_diag *g = diag(r, i);
	return g ? g->person : -1;
}

SWI_EXPORT int64_t swi_report_record(const swi_report *r, size_t i)
{
	const struct swi_diag *g = diag(r, i);
	return g ? g->record : -1;
}

SWI_EXPORT const char *swi_report_bsn(const swi_report *r, size_t i)
{
	const struct swi_diag *g = diag(r, i);
	return g ? g->bsn : NULL;
}

SWI_EXPORT const char *swi_report_message(const swi_report *r, size_t i)
{
	const struct swi_diag *g = diag(r, i);
	return g ? r->text->data + g->message : NULL;
}

SWI_EXPORT int64_t swi_report_line(const swi_report *r, size_t i)
{
	const struct swi_diag *g = diag(r, i);
	return g ? g->line : -1;
}

SWI_EXPORT size_t swi_rule_count(void)
{
	return SWI_RULE_COUNT;
}

SWI_EXPORT int swi_rule_at(size_t i, const char **id, swi_severity *severity,
			   const char **kenmerken, const char **section, const char **description)
{
	if (i >= SWI_RULE_COUNT)
		return SWI_ERANGE;
	if (id)
		*id = catalogue[i].id;
	if (severity)
		*severity = catalogue[i].severity;
	if (kenmerken)
		*kenmerken = catalogue[i].kenmerken;
	if (section)
		*section = catalogue[i].section;
	if (description)
		*description = catalogue[i].description;
	return SWI_OK;
}

int swi_report_at_start(struct swi_report_at *at, swi_alloc_fn alloc, void *ud, bool show_bsn,
			int64_t line)
{
	memset(at, 0, sizeof(*at));
	at->r = swi_report_new(alloc, ud);
	if (!at->r)
		return SWI_ENOMEM;
	at->show_bsn = show_bsn;
	swi_report_show_bsn(at->r, show_bsn);
	at->w = (struct swi_where){.person = -1, .record = -1, .line = line, .bsn = ""};
	return SWI_OK;
}

void swi_report_at_person(struct swi_report_at *at, uint32_t bsn, int64_t index, int64_t line)
{
	swi_bsn_show(bsn, at->show_bsn, at->bsn);
	at->w = (struct swi_where){.person = index, .record = -1, .line = line, .bsn = at->bsn};
}

void swi_report_at_vadd(struct swi_report_at *at, enum swi_rule rule, swi_category cat,
			int64_t record, int k, bool prefixed, const char *fmt, va_list ap)
{
	char message[480];
	size_t n = 0;
	if (prefixed && record >= 0)
		n = (size_t)snprintf(message, sizeof(message), "%s %lld: ",
				     swi_category_element(cat), (long long)record + 1);
	vsnprintf(message + n, sizeof(message) - n, fmt, ap);
	struct swi_where w = at->w;
	w.category = cat;
	w.record = record;
	if (record >= 0 && at->record_line)
		w.line = at->record_line;
	swi_report_add(at->r, rule, &w, k, "%s", message);
}

void swi_report_at_add(struct swi_report_at *at, enum swi_rule rule, swi_category cat,
		       int64_t record, int k, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	swi_report_at_vadd(at, rule, cat, record, k, false, fmt, ap);
	va_end(ap);
}
