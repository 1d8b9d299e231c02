/*
 * The semantic diff of two deliveries (include/swi/diff.h): persons
 * matched by BSN through the BSN index of `actual`, records matched within
 * a person by their identity (PIP: k30, talk: k35, fine: k36 + k37).
 *
 * Per matched person and record kind, the keys of both sides are sorted
 * once (key, then position, so duplicates pair up in order) and merged, so
 * a person with many records costs n log n, never n * m. The entries are
 * then written in the order of `expected`'s records, then `actual`'s
 * surplus. Every allocation goes through the allocator of `expected`; any
 * failure frees everything and returns SWI_ENOMEM.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bsn-index.h"

struct swi_diff_entry {
	int64_t exp_person, act_person, exp_record, act_record;
	size_t exp_value, act_value, message; /* offsets into the text pool */
	uint8_t kind, category, kenmerk;
	char bsn[10];
};

struct swi_diff {
	swi_alloc_fn alloc;
	void *alloc_ud;
	struct swi_diff_entry *entries;
	size_t n, cap;
	swi_buffer *text; /* every string, NUL-terminated */
};

/* One record of one side, while matching a person's records of one kind. */
struct keyed {
	uint64_t key;
	uint32_t pos; /* among the person's records of this kind */
	int32_t partner; /* pos on the other side, or -1 */
	const struct swi_record *r;
};

struct ctx {
	swi_diff *d;
	bool show;
	/* The person being compared (both -1 at levering level). */
	int64_t exp_person, act_person;
	char bsn[10];
	struct keyed *ek, *ak; /* scratch, grown as needed */
	size_t ek_cap, ak_cap;
	int rc;
};

/* ---- allocation ------------------------------------------------------ */

static void *grow(swi_diff *d, void *ptr, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return d->alloc(d->alloc_ud, ptr, n * size);
}

static bool reserve_keys(struct ctx *c, struct keyed **keys, size_t *cap, size_t n)
{
	if (n <= *cap)
		return true;
	size_t want = *cap ? *cap : 16;
	while (want < n)
		want *= 2;
	struct keyed *k = grow(c->d, *keys, want, sizeof(**keys));
	if (!k) {
		c->rc = SWI_ENOMEM;
		return false;
	}
	*keys = k;
	*cap = want;
	return true;
}

/* Appends a NUL-terminated string to the pool; its offset in *at. */
static bool pool(struct ctx *c, const char *s, size_t *at)
{
	*at = swi_buffer_size(c->d->text);
	if (swi_buffer_append(c->d->text, s, strlen(s) + 1) != SWI_OK) {
		c->rc = SWI_ENOMEM;
		return false;
	}
	return true;
}

/* ---- masking --------------------------------------------------------- */

/*
 * A text value as shown (only text kenmerken can hold a BSN typed in by
 * mistake; dates, codes and numbers are checked notations): through the one
 * masking function of libswi's messages (mask.c, doc/masking.md), BSN-shaped
 * digit groups masked unless SWI_DIFF_SHOW_BSN. Values are at most
 * SWI_VALUE_MAX - 1 characters and masking never makes them longer than
 * 9 + the rest, so `out` of SWI_VALUE_MAX + 8 always holds the result.
 */
#define SHOWN_MAX (SWI_VALUE_MAX + 8)
static void shown(const struct ctx *c, const char *in, char out[SHOWN_MAX])
{
	swi_mask(out, SHOWN_MAX, in, strlen(in),
		 SWI_MASK_ESCAPE | (c->show ? 0 : SWI_MASK_BSN));
}

/* ---- entries --------------------------------------------------------- */

static const char *record_name(swi_category cat)
{
	return cat == SWI_CATEGORY_PIP ? "PIP" : cat == SWI_CATEGORY_GESPREK ? "voortgangsgesprek"
									      : "boete";
}

static int identity_kenmerk(swi_category cat)
{
	switch (cat) {
	case SWI_CATEGORY_PERSOON:
		return SWI_K_BURGERSERVICENUMMER;
	case SWI_CATEGORY_PIP:
		return SWI_K_PIP_DATUM;
	case SWI_CATEGORY_GESPREK:
		return SWI_K_VOORTGANGSGESPREK_DATUM;
	default:
		return SWI_K_BOETE_DATUM;
	}
}

/* The value of kenmerk k in `record` as in the file, "" when unset. */
static void value_text(const void *record, int k, char out[SWI_VALUE_MAX])
{
	const struct swi_kenmerk_def *def = &swi_kenmerken[k];
	if (!record || !swi_value_is_set(def, record)) {
		out[0] = '\0';
		return;
	}
	swi_value_format(def, record, out);
}

/* "PIP 2 (20260105)", "boete 1 (20260105, reden 2)"; number is 1-based. */
static void record_title(char *buf, size_t size, const struct swi_record *r, uint32_t pos)
{
	swi_category cat = (swi_category)r->kind;
	char date[SWI_VALUE_MAX], reason[SWI_VALUE_MAX];
	value_text(r, identity_kenmerk(cat), date);
	if (!date[0])
		snprintf(date, sizeof(date), "zonder datum");
	if (cat == SWI_CATEGORY_BOETE) {
		value_text(r, SWI_K_BOETE_REDEN, reason);
		snprintf(buf, size, "%s %u (%s, reden %s)", record_name(cat), pos + 1, date,
			 reason[0] ? reason : "leeg");
	} else {
		snprintf(buf, size, "%s %u (%s)", record_name(cat), pos + 1, date);
	}
}

static void add(struct ctx *c, swi_diff_kind kind, swi_category cat, int k, int64_t exp_record,
		int64_t act_record, const char *exp_value, const char *act_value,
		const char *message)
{
	if (c->rc != SWI_OK)
		return;
	swi_diff *d = c->d;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct swi_diff_entry *e = grow(d, d->entries, cap, sizeof(*e));
		if (!e) {
			c->rc = SWI_ENOMEM;
			return;
		}
		d->entries = e;
		d->cap = cap;
	}
	struct swi_diff_entry e = {
		.exp_person = kind == SWI_DIFF_PERSON_EXTRA ? -1 : c->exp_person,
		.act_person = kind == SWI_DIFF_PERSON_MISSING ? -1 : c->act_person,
		.exp_record = exp_record,
		.act_record = act_record,
		.kind = (uint8_t)kind,
		.category = (uint8_t)cat,
		.kenmerk = (uint8_t)k,
	};
	memcpy(e.bsn, c->bsn, sizeof(e.bsn));
	if (!pool(c, exp_value, &e.exp_value) || !pool(c, act_value, &e.act_value) ||
	    !pool(c, message, &e.message))
		return;
	d->entries[d->n++] = e;
}

/*
 * Whether kenmerk k has the same value on both sides. The stored form is
 * canonical (one form per value, and one for "unset"), so comparing it is
 * comparing the file text, without formatting every value of every person.
 */
static bool same_value(const struct swi_kenmerk_def *def, const void *exp, const void *act)
{
	if (swi_storage_of(def) == SWI_STORE_TEXT)
		return strcmp((const char *)exp + def->offset, (const char *)act + def->offset) == 0;
	return swi_value_load(def, exp) == swi_value_load(def, act);
}

/* Kenmerk diffs of one matched pair of records (or persons, or leveringen). */
static void compare_kenmerken(struct ctx *c, swi_category cat, const void *exp, const void *act,
			      int64_t exp_record, int64_t act_record, const char *where)
{
	int first, last;
	swi_category_range(cat, &first, &last);
	for (int k = first; k <= last && c->rc == SWI_OK; k++) {
		if (same_value(&swi_kenmerken[k], exp, act))
			continue;
		char ev[SWI_VALUE_MAX], av[SWI_VALUE_MAX];
		value_text(exp, k, ev);
		value_text(act, k, av);
		char es[SHOWN_MAX], as[SHOWN_MAX], message[400];
		if (swi_storage_of(&swi_kenmerken[k]) == SWI_STORE_TEXT) {
			shown(c, ev, es);
			shown(c, av, as);
		} else {
			memcpy(es, ev, sizeof(ev));
			memcpy(as, av, sizeof(av));
		}
		snprintf(message, sizeof(message), "%s%skenmerk %d (%s) verwacht %s, gekregen %s",
			 where ? where : "", where ? ": " : "", k, swi_kenmerken[k].label,
			 es[0] ? es : "leeg", as[0] ? as : "leeg");
		add(c, SWI_DIFF_KENMERK, cat, k, exp_record, act_record, es, as, message);
	}
}

/* ---- records --------------------------------------------------------- */

static uint64_t record_key(const struct swi_record *r)
{
	switch (r->kind) {
	case SWI_CATEGORY_PIP:
		return r->u.pip.datum;
	case SWI_CATEGORY_GESPREK:
		return r->u.gesprek.datum;
	default:
		return ((uint64_t)r->u.boete.datum << 8) | r->u.boete.reden;
	}
}

static int compare_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int compare_pos(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static void sort_keyed(struct keyed *k, size_t n, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(k, n, sizeof(*k), cmp);
}

/* The person's live records of kind cat, in order, into *keys; the count,
 * or SIZE_MAX on allocation failure. */
static size_t collect(struct ctx *c, const struct swi_person *p, swi_category cat,
		      struct keyed **keys, size_t *cap)
{
	size_t n = 0;
	for (const struct swi_record *r = p->first; r; r = r->next) {
		if (r->kind != cat)
			continue;
		if (!reserve_keys(c, keys, cap, n + 1))
			return SIZE_MAX;
		(*keys)[n] = (struct keyed){.key = record_key(r), .pos = (uint32_t)n,
					    .partner = -1, .r = r};
		n++;
	}
	return n;
}

static void compare_records(struct ctx *c, const struct swi_person *exp,
			    const struct swi_person *act, swi_category cat)
{
	size_t ne = collect(c, exp, cat, &c->ek, &c->ek_cap);
	if (ne == SIZE_MAX)
		return;
	size_t na = collect(c, act, cat, &c->ak, &c->ak_cap);
	if (na == SIZE_MAX)
		return;
	if (ne == 0 && na == 0)
		return;
	struct keyed *ek = c->ek, *ak = c->ak;
	/* One side may have no records of this kind and no array yet: qsort
	 * wants a valid pointer even for zero elements. */
	sort_keyed(ek, ne, compare_keyed);
	sort_keyed(ak, na, compare_keyed);
	for (size_t i = 0, j = 0; i < ne && j < na;) {
		if (ek[i].key < ak[j].key) {
			i++;
		} else if (ek[i].key > ak[j].key) {
			j++;
		} else {
			ek[i].partner = (int32_t)ak[j].pos;
			ak[j].partner = (int32_t)ek[i].pos;
			i++;
			j++;
		}
	}
	/* Back to the order of the person's records; ak[pos] is then record pos. */
	sort_keyed(ek, ne, compare_pos);
	sort_keyed(ak, na, compare_pos);
	int k = identity_kenmerk(cat);
	for (size_t i = 0; i < ne && c->rc == SWI_OK; i++) {
		char title[80];
		record_title(title, sizeof(title), ek[i].r, ek[i].pos);
		if (ek[i].partner >= 0) {
			compare_kenmerken(c, cat, ek[i].r, ak[ek[i].partner].r, ek[i].pos,
					  ek[i].partner, title);
			continue;
		}
		char v[SWI_VALUE_MAX], message[120];
		value_text(ek[i].r, k, v);
		snprintf(message, sizeof(message), "%s ontbreekt", title);
		add(c, SWI_DIFF_RECORD_MISSING, cat, k, ek[i].pos, -1, v, "", message);
	}
	for (size_t j = 0; j < na && c->rc == SWI_OK; j++) {
		if (ak[j].partner >= 0)
			continue;
		char title[80], v[SWI_VALUE_MAX], message[120];
		record_title(title, sizeof(title), ak[j].r, ak[j].pos);
		value_text(ak[j].r, k, v);
		snprintf(message, sizeof(message), "%s is extra (niet verwacht)", title);
		add(c, SWI_DIFF_RECORD_EXTRA, cat, k, -1, ak[j].pos, "", v, message);
	}
}

/* ---- persons --------------------------------------------------------- */

static void person_entry(struct ctx *c, swi_diff_kind kind)
{
	char message[80];
	snprintf(message, sizeof(message), "persoon %s %s", c->bsn,
		 kind == SWI_DIFF_PERSON_MISSING ? "ontbreekt" : "is extra (niet verwacht)");
	add(c, kind, SWI_CATEGORY_PERSOON, SWI_K_BURGERSERVICENUMMER, -1, -1,
	    kind == SWI_DIFF_PERSON_MISSING ? c->bsn : "",
	    kind == SWI_DIFF_PERSON_EXTRA ? c->bsn : "", message);
}

static int diff(struct ctx *c, const swi_delivery *exp, const swi_delivery *act)
{
	/* Per slot of `actual`: its position among the live persons, and in
	 * the top bit whether a person of `expected` matched it. */
	const uint32_t matched = 1u << 31;
	uint32_t *slots = NULL;
	if (act->n_slots) {
		slots = grow(c->d, NULL, act->n_slots, sizeof(*slots));
		if (!slots)
			return SWI_ENOMEM;
	}
	uint32_t n = 0;
	for (const swi_person *p = swi_delivery_first_person(act); p; p = swi_person_next(p))
		slots[p->index] = n++;

	c->exp_person = c->act_person = -1;
	c->bsn[0] = '\0';
	compare_kenmerken(c, SWI_CATEGORY_LEVERING, &exp->levering, &act->levering, -1, -1, NULL);

	int64_t ei = 0;
	for (const swi_person *p = swi_delivery_first_person(exp); p && c->rc == SWI_OK;
	     p = swi_person_next(p), ei++) {
		swi_bsn_show(p->bsn, c->show, c->bsn);
		c->exp_person = ei;
		const struct swi_person *q = swi_index_find(act, p->bsn);
		if (!q || q->removed) {
			c->act_person = -1;
			person_entry(c, SWI_DIFF_PERSON_MISSING);
			continue;
		}
		slots[q->index] |= matched;
		c->act_person = slots[q->index] & ~matched;
		compare_kenmerken(c, SWI_CATEGORY_PERSOON, p, q, -1, -1, NULL);
		compare_records(c, p, q, SWI_CATEGORY_PIP);
		compare_records(c, p, q, SWI_CATEGORY_GESPREK);
		compare_records(c, p, q, SWI_CATEGORY_BOETE);
	}
	c->exp_person = -1;
	for (const swi_person *q = swi_delivery_first_person(act); q && c->rc == SWI_OK;
	     q = swi_person_next(q)) {
		if (slots[q->index] & matched)
			continue;
		swi_bsn_show(q->bsn, c->show, c->bsn);
		c->act_person = slots[q->index];
		person_entry(c, SWI_DIFF_PERSON_EXTRA);
	}
	if (slots)
		c->d->alloc(c->d->alloc_ud, slots, 0);
	return c->rc;
}

SWI_EXPORT void swi_diff_free(swi_diff *d)
{
	if (!d)
		return;
	swi_buffer_free(d->text);
	if (d->entries)
		d->alloc(d->alloc_ud, d->entries, 0);
	d->alloc(d->alloc_ud, d, 0);
}

SWI_EXPORT int swi_delivery_diff(swi_diff **out, const swi_delivery *expected,
				 const swi_delivery *actual, unsigned flags)
{
	if (out)
		*out = NULL;
	if (!out || !expected || !actual || (flags & ~(unsigned)SWI_DIFF_SHOW_BSN))
		return SWI_EINVAL;
	swi_diff *d = expected->alloc(expected->alloc_ud, NULL, sizeof(*d));
	if (!d)
		return SWI_ENOMEM;
	memset(d, 0, sizeof(*d));
	d->alloc = expected->alloc;
	d->alloc_ud = expected->alloc_ud;
	d->text = swi_buffer_new(d->alloc, d->alloc_ud);
	if (!d->text) {
		swi_diff_free(d);
		return SWI_ENOMEM;
	}
	struct ctx c = {.d = d, .show = flags & SWI_DIFF_SHOW_BSN};
	int rc = diff(&c, expected, actual);
	if (c.ek)
		d->alloc(d->alloc_ud, c.ek, 0);
	if (c.ak)
		d->alloc(d->alloc_ud, c.ak, 0);
	if (rc != SWI_OK) {
		swi_diff_free(d);
		return rc;
	}
	*out = d;
	return SWI_OK;
}

/* ---- accessors ------------------------------------------------------- */

static const struct swi_diff_entry *entry(const swi_diff *d, size_t i)
{
	return d && i < d->n ? &d->entries[i] : NULL;
}

SWI_EXPORT size_t swi_diff_count(const swi_diff *d)
{
	return d ? d->n : 0;
}

SWI_EXPORT swi_diff_kind swi_diff_entry_kind(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? (swi_diff_kind)e->kind : (swi_diff_kind)0;
}

SWI_EXPORT int swi_diff_entry_kenmerk(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? e->kenmerk : -1;
}

SWI_EXPORT swi_category swi_diff_entry_category(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? (swi_category)e->category : (swi_category)0;
}

SWI_EXPORT int64_t swi_diff_expected_person(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? e->exp_person : -1;
}

SWI_EXPORT int64_t swi_diff_actual_person(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? e->act_person : -1;
}

SWI_EXPORT int64_t swi_diff_expected_record(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? e->exp_record : -1;
}

SWI_EXPORT int64_t swi_diff_actual_record(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? e->act_record : -1;
}

SWI_EXPORT const char *swi_diff_expected_value(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? swi_buffer_data(d->text) + e->exp_value : NULL;
}

SWI_EXPORT const char *swi_diff_actual_value(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? swi_buffer_data(d->text) + e->act_value : NULL;
}

SWI_EXPORT const char *swi_diff_bsn(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? e->bsn : NULL;
}

SWI_EXPORT const char *swi_diff_message(const swi_diff *d, size_t i)
{
	const struct swi_diff_entry *e = entry(d, i);
	return e ? swi_buffer_data(d->text) + e->message : NULL;
}

/* ---- the text rendering ---------------------------------------------- */

static bool same_line(const struct swi_diff_entry *a, const struct swi_diff_entry *b)
{
	if (a->kind == SWI_DIFF_PERSON_MISSING || a->kind == SWI_DIFF_PERSON_EXTRA ||
	    b->kind == SWI_DIFF_PERSON_MISSING || b->kind == SWI_DIFF_PERSON_EXTRA)
		return false;
	return a->exp_person == b->exp_person && a->act_person == b->act_person;
}

static int append(swi_buffer *b, const char *s)
{
	return swi_buffer_append(b, s, strlen(s));
}

SWI_EXPORT int swi_diff_text(swi_buffer **out, const swi_diff *d)
{
	if (out)
		*out = NULL;
	if (!out || !d)
		return SWI_EINVAL;
	swi_buffer *b = swi_buffer_new(d->alloc, d->alloc_ud);
	if (!b)
		return SWI_ENOMEM;
	int rc = SWI_OK;
	for (size_t i = 0; i < d->n && rc == SWI_OK; i++) {
		const struct swi_diff_entry *e = &d->entries[i];
		const char *message = swi_buffer_data(d->text) + e->message;
		bool continues = i > 0 && same_line(&d->entries[i - 1], e);
		if (continues) {
			rc = append(b, "; ");
		} else if (i > 0) {
			rc = append(b, "\n");
		}
		if (rc == SWI_OK && !continues && e->kind != SWI_DIFF_PERSON_MISSING &&
		    e->kind != SWI_DIFF_PERSON_EXTRA) {
			if (e->category == SWI_CATEGORY_LEVERING) {
				rc = append(b, "levering: ");
			} else {
				rc = append(b, "persoon ");
				if (rc == SWI_OK)
					rc = append(b, e->bsn);
				if (rc == SWI_OK)
					rc = append(b, ": ");
			}
		}
		if (rc == SWI_OK)
			rc = append(b, message);
	}
	if (rc == SWI_OK && d->n)
		rc = append(b, "\n");
	if (rc != SWI_OK) {
		swi_buffer_free(b);
		return rc;
	}
	*out = b;
	return SWI_OK;
}
