/*
 * The XML writer: formats a delivery into the SWI file shape, kenmerk by
 * kenmerk from the table, into a fixed buffer that is flushed to a sink.
 * It formats by hand rather than through xmlTextWriter because the shape
 * is fixed and flat, and the benchmark holds it to within 1.5x of a plain
 * formatter; every value in the tree was checked when it was set.
 */
#include <string.h>

#include "output.h"
#include "value.h"

#define OUT_SIZE (64 * 1024)
#define ELEMENT_MAX 160 /* the longest kenmerk element with its value and tags */

struct out {
	const struct swi_sink *sink;
	int rc;
	size_t len;
	char buf[OUT_SIZE + ELEMENT_MAX]; /* slack: whole tag arrays are copied at once */
};

static void flush(struct out *o)
{
	if (o->rc == SWI_OK && o->len)
		o->rc = o->sink->write(o->sink->ctx, o->buf, o->len);
	o->len = 0;
}

static void put(struct out *o, const char *s, size_t n)
{
	if (o->len + n > OUT_SIZE) {
		flush(o);
		if (n > OUT_SIZE) { /* never for SWI values; kept for safety */
			if (o->rc == SWI_OK)
				o->rc = o->sink->write(o->sink->ctx, s, n);
			return;
		}
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

#define PUT_LIT(o, s) put((o), (s), sizeof(s) - 1)

/* Open and close tags of every kenmerk with their indentation, made once. */
struct tags {
	char open[SWI_KENMERK_LAST + 1][64];
	char close[SWI_KENMERK_LAST + 1][48];
	uint8_t open_len[SWI_KENMERK_LAST + 1], close_len[SWI_KENMERK_LAST + 1];
	/* Container elements per category: <Levering>, <Persoon>, <PIP>, ... */
	char cat_open[SWI_CATEGORY_BOETE + 1][32], cat_close[SWI_CATEGORY_BOETE + 1][32];
	uint8_t cat_open_len[SWI_CATEGORY_BOETE + 1], cat_close_len[SWI_CATEGORY_BOETE + 1];
	int first[SWI_CATEGORY_BOETE + 1], last[SWI_CATEGORY_BOETE + 1];
};

/* "<indent><name>\n" or "<indent></name>\n" into out; returns the length. */
static uint8_t make_tag(char *out, size_t indent, bool closing, const char *name, bool newline)
{
	size_t n = strlen(name), len = 0;
	memset(out, ' ', indent);
	len = indent;
	out[len++] = '<';
	if (closing)
		out[len++] = '/';
	memcpy(out + len, name, n);
	len += n;
	out[len++] = '>';
	if (newline)
		out[len++] = '\n';
	return (uint8_t)len;
}

static void make_tags(struct tags *t)
{
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++) {
		const struct swi_kenmerk_def *def = &swi_kenmerken[k];
		bool nested = def->category != SWI_CATEGORY_LEVERING &&
			      def->category != SWI_CATEGORY_PERSOON;
		t->open_len[k] = make_tag(t->open[k], nested ? 6 : 4, false, def->element, false);
		t->close_len[k] = make_tag(t->close[k], 0, true, def->element, true);
	}
	for (int c = SWI_CATEGORY_LEVERING; c <= SWI_CATEGORY_BOETE; c++) {
		const char *name = swi_category_element((swi_category)c);
		size_t indent = c == SWI_CATEGORY_LEVERING || c == SWI_CATEGORY_PERSOON ? 2 : 4;
		t->cat_open_len[c] = make_tag(t->cat_open[c], indent, false, name, true);
		t->cat_close_len[c] = make_tag(t->cat_close[c], indent, true, name, true);
		swi_category_range((swi_category)c, &t->first[c], &t->last[c]);
	}
}

static void put_escaped(struct out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': PUT_LIT(o, "&amp;"); break;
		case '<': PUT_LIT(o, "&lt;"); break;
		case '>': PUT_LIT(o, "&gt;"); break;
		case '"': PUT_LIT(o, "&quot;"); break;
		case '\'': PUT_LIT(o, "&apos;"); break;
		default: put(o, s + i, 1);
		}
	}
}

/*
 * The hot loop of the writer: one element per set kenmerk, decoded and
 * formatted by value.h's inline decoder (the one value.c uses too), written
 * straight into the buffer
 * (the slack after OUT_SIZE takes a whole element).
 */
static void put_kenmerken(struct out *o, const struct tags *t, swi_category c, const void *record)
{
	for (int k = t->first[c]; k <= t->last[c]; k++) {
		const struct swi_kenmerk_def *def = &swi_kenmerken[k];
		uint32_t v;
		if (!swi_value_decode(def, record, &v))
			continue;
		if (o->len > OUT_SIZE - ELEMENT_MAX)
			flush(o);
		char *w = o->buf + o->len;
		memcpy(w, t->open[k], sizeof(t->open[k]));
		w += t->open_len[k];
		if (def->type == SWI_TYPE_TEXT) {
			const char *text = (const char *)record + def->offset;
			o->len = (size_t)(w - o->buf);
			put_escaped(o, text, strlen(text));
			w = o->buf + o->len;
		} else {
			w += swi_value_put(def, v, w);
		}
		memcpy(w, t->close[k], sizeof(t->close[k]));
		o->len = (size_t)(w - o->buf) + t->close_len[k];
	}
}

/* A container tag; the slack after OUT_SIZE takes it without a length check. */
static void put_tag(struct out *o, const char *tag, size_t len)
{
	if (o->len > OUT_SIZE - ELEMENT_MAX)
		flush(o);
	memcpy(o->buf + o->len, tag, 32);
	o->len += len;
}

static void put_record(struct out *o, const struct tags *t, swi_category c, const void *record)
{
	put_tag(o, t->cat_open[c], t->cat_open_len[c]);
	put_kenmerken(o, t, c, record);
	put_tag(o, t->cat_close[c], t->cat_close_len[c]);
}

static void put_records(struct out *o, const struct tags *t, const struct swi_record *first)
{
	/* One list per person holds all records; the schema wants them grouped by
	 * kind. Usually they were added in that order: then one pass does. */
	bool grouped = true;
	for (const struct swi_record *r = first; r && r->next; r = r->next)
		grouped &= r->kind <= r->next->kind;
	if (grouped) {
		for (const struct swi_record *r = first; r; r = r->next)
			put_record(o, t, (swi_category)r->kind, r);
		return;
	}
	for (int kind = SWI_CATEGORY_PIP; kind <= SWI_CATEGORY_BOETE; kind++)
		for (const struct swi_record *r = first; r; r = r->next)
			if (r->kind == kind)
				put_record(o, t, (swi_category)kind, r);
}

int swi_xml_write(swi_delivery *d, const struct swi_sink *sink)
{
	struct out *o = swi_alloc(d, sizeof(*o));
	struct tags *t = swi_alloc(d, sizeof(*t));
	if (!o || !t) {
		swi_free(d, o);
		swi_free(d, t);
		return SWI_ENOMEM;
	}
	o->sink = sink;
	o->rc = SWI_OK;
	o->len = 0;
	make_tags(t);

	PUT_LIT(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SWI>\n");
	put_record(o, t, SWI_CATEGORY_LEVERING, &d->levering);
	/* Straight over the person chunks: removed persons are tombstones. */
	for (size_t slot = 0; slot < d->n_slots && o->rc == SWI_OK; slot++) {
		const struct swi_person *p = swi_person_at(d, slot);
		if (p->removed)
			continue;
		put_tag(o, t->cat_open[SWI_CATEGORY_PERSOON], t->cat_open_len[SWI_CATEGORY_PERSOON]);
		put_kenmerken(o, t, SWI_CATEGORY_PERSOON, p);
		put_records(o, t, p->first);
		put_tag(o, t->cat_close[SWI_CATEGORY_PERSOON], t->cat_close_len[SWI_CATEGORY_PERSOON]);
	}
	PUT_LIT(o, "</SWI>\n");
	flush(o);
	int rc = o->rc;
	swi_free(d, o);
	swi_free(d, t);
	return rc;
}
