/*
 * Quarter-to-quarter comparison: the part of CBS's statistical control
 * (guideline 4.1.3) that judges "de aansluiting tussen elkaar opvolgende
 * kwartalen". Talks and fines are delivered only in their own quarter
 * (3.3.1), a fine comes back only as a correction with the same date and
 * reason (2.5), the leerroute begindatum stays the same (2.3, kenmerk 33),
 * a person does not vanish without an end of guidance (3.3.5, 3.3.6).
 *
 * Persons are matched by BSN through the O(1) index of the other delivery.
 * Within a matched person the previous quarter's keys are sorted once and
 * every record of the current quarter is looked up by binary search, so a
 * person with many records costs n log n, never n * m, and diagnostics come
 * out in the order of the current delivery's records.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bsn-index.h"
#include "report.h"

/*
 * SWI-087: a count (persons, PIPs, fines) "jumps" when it differs from the
 * previous quarter by MORE than COUNT_JUMP_PERCENT of the previous count
 * AND by at least COUNT_JUMP_MIN. The guideline gives no figure (4.1.3
 * only says CBS judges the development in quantity), so these are ours: a
 * quarter's inflow and outflow seldom move a gemeente's caseload by a
 * quarter at once, while a missing selection or a doubled export does. The
 * absolute minimum keeps small gemeenten, where three persons more are
 * already 30%, from getting a warning every quarter.
 */
#define COUNT_JUMP_PERCENT 25
#define COUNT_JUMP_MIN 10

struct cmp {
	swi_delivery *prev, *cur;
	unsigned flags;
	struct swi_report_at at; /* the report and where in the delivery it is */
	/* Scratch: sorted keys of the previous person, and of the current one. */
	uint64_t *prev_keys, *cur_keys;
	size_t prev_cap, cur_cap;
	int rc;
};

static bool has(const void *record, int k)
{
	return swi_value_is_set(&swi_kenmerken[k], record);
}

/* The value as in the file, or "leeg": a fine may lack its reason or amount. */
static const char *text(const void *record, int k, char out[SWI_VALUE_MAX])
{
	if (!has(record, k))
		return "leeg";
	swi_value_format(&swi_kenmerken[k], record, out);
	return out;
}

static void set_person(struct cmp *c, uint32_t bsn, int64_t index)
{
	swi_report_at_person(&c->at, bsn, index, 0);
}

/* ---- the levering --------------------------------------------------- */

/*
 * SWI-080. Returns whether the two deliveries are consecutive quarters of
 * one gemeente; if not, the person rules are skipped: comparing persons of
 * another gemeente or of a quarter further back only produces noise.
 */
static bool check_pair(struct cmp *c)
{
	static const int needed[] = {SWI_K_STATISTIEKJAAR, SWI_K_STATISTIEKKWARTAAL,
				     SWI_K_GEMEENTECODE};
	const struct swi_levering *p = &c->prev->levering, *q = &c->cur->levering;
	bool ok = true;
	for (size_t i = 0; i < sizeof(needed) / sizeof(needed[0]); i++) {
		int k = needed[i];
		if (!has(p, k) || !has(q, k)) {
			swi_report_at_add(&c->at, SWI_RULE_PREVIOUS_MISMATCH, SWI_CATEGORY_LEVERING, -1, k,
			    "%s (kenmerk %d) ontbreekt in de %s levering; de kwartalen kunnen niet "
			    "worden vergeleken", swi_kenmerken[k].label, k,
			    !has(p, k) ? "vorige" : "huidige");
			ok = false;
		}
	}
	if (!ok)
		return false;

	unsigned want_year = q->kwartaal == 1 ? q->jaar - 1u : q->jaar;
	unsigned want_quarter = q->kwartaal == 1 ? 4u : q->kwartaal - 1u;
	if (p->jaar != want_year || p->kwartaal != want_quarter) {
		swi_report_at_add(&c->at, SWI_RULE_PREVIOUS_MISMATCH, SWI_CATEGORY_LEVERING, -1,
		    p->jaar != want_year ? SWI_K_STATISTIEKJAAR : SWI_K_STATISTIEKKWARTAAL,
		    "De vorige levering is van %04u kwartaal %u (kenmerk 1, 2); bij %04u kwartaal %u "
		    "hoort die van %04u kwartaal %u; personen zijn niet vergeleken", p->jaar,
		    p->kwartaal, q->jaar, q->kwartaal, want_year, want_quarter);
		ok = false;
	}
	if (p->gemeentecode != q->gemeentecode) {
		swi_report_at_add(&c->at, SWI_RULE_PREVIOUS_MISMATCH, SWI_CATEGORY_LEVERING, -1,
		    SWI_K_GEMEENTECODE,
		    "De vorige levering is van gemeente %04u (kenmerk 7), deze van gemeente %04u; "
		    "personen zijn niet vergeleken", p->gemeentecode, q->gemeentecode);
		ok = false;
	}
	return ok;
}

struct counts {
	size_t persons, pips, fines;
};

static struct counts count(const swi_delivery *d)
{
	struct counts n = {.persons = d->n_persons};
	for (const swi_person *p = swi_delivery_first_person(d); p; p = swi_person_next(p)) {
		for (const struct swi_record *r = p->first; r; r = r->next) {
			n.pips += r->kind == SWI_CATEGORY_PIP;
			n.fines += r->kind == SWI_CATEGORY_BOETE;
		}
	}
	return n;
}

/* SWI-087 for one count; see COUNT_JUMP_* for the thresholds. */
static void check_count(struct cmp *c, const char *what, size_t before, size_t after)
{
	uint64_t diff = after > before ? after - before : before - after;
	/* "More than 25% of before" in integers: diff * 100 > before * 25. */
	if (diff < COUNT_JUMP_MIN || diff * 100 <= (uint64_t)before * COUNT_JUMP_PERCENT)
		return;
	char change[32];
	if (before)
		snprintf(change, sizeof(change), "%c%llu%%", after > before ? '+' : '-',
			 (unsigned long long)(diff * 100 / before));
	else
		snprintf(change, sizeof(change), "eerder geen");
	swi_report_at_add(&c->at, SWI_RULE_COUNT_JUMP, SWI_CATEGORY_LEVERING, -1, 0,
	    "Aantal %s: %zu, in het vorige kwartaal %zu (%c%llu, %s); een verschil van meer dan "
	    "%d%% en minstens %d wijst vaak op een onvolledige of dubbele selectie", what, after,
	    before, after > before ? '+' : '-', (unsigned long long)diff, change,
	    COUNT_JUMP_PERCENT, COUNT_JUMP_MIN);
}

/* ---- keys of one person's records ----------------------------------- */

static int compare_keys(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/*
 * Collects key(r) of p's records of `kind` (0 = no key: skipped) into
 * *keys, growing it with the current delivery's allocator, and sorts them.
 * Returns the count; 0 with c->rc = SWI_ENOMEM if growing failed.
 */
static size_t sorted_keys(struct cmp *c, uint64_t **keys, size_t *cap, const struct swi_person *p,
			  swi_category kind, uint64_t (*key)(const struct swi_record *))
{
	size_t n = 0;
	for (const struct swi_record *r = p->first; r; r = r->next) {
		uint64_t k = r->kind == kind ? key(r) : 0;
		if (!k)
			continue;
		if (n == *cap) {
			size_t grown_cap = *cap ? *cap * 2 : 16;
			uint64_t *grown = swi_realloc(c->cur, *keys, grown_cap * sizeof(*grown));
			if (!grown) {
				c->rc = SWI_ENOMEM;
				return 0;
			}
			*keys = grown;
			*cap = grown_cap;
		}
		(*keys)[n++] = k;
	}
	if (n > 1)
		qsort(*keys, n, sizeof(**keys), compare_keys);
	return n;
}

/* Index of the first key >= want (n if none). */
static size_t lower_bound(const uint64_t *keys, size_t n, uint64_t want)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (keys[mid] < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Whether a key in [from, to] is present. */
static bool any_in(const uint64_t *keys, size_t n, uint64_t from, uint64_t to)
{
	size_t i = lower_bound(keys, n, from);
	return i < n && keys[i] <= to;
}

static uint64_t talk_key(const struct swi_record *r)
{
	return r->u.gesprek.datum;
}

static uint64_t route_begin_key(const struct swi_record *r)
{
	return r->u.pip.begindatum;
}

/*
 * A fine as date | reason | amount, so that one sorted array answers all
 * three questions: the same fine, the same date and reason, the same date.
 * Dates are below 2^27; an unset reason is 0 and an unset amount
 * SWI_U16_UNSET, so "leeg" matches "leeg" as in the file.
 */
#define FINE_DATE_SHIFT 24
#define FINE_REASON_SHIFT 16

static uint64_t fine_key(const struct swi_record *r)
{
	if (!r->u.boete.datum)
		return 0;
	return (uint64_t)r->u.boete.datum << FINE_DATE_SHIFT |
	       (uint64_t)r->u.boete.reden << FINE_REASON_SHIFT | r->u.boete.bedrag;
}

/* Date and reason only: what the current person's fines are looked up by. */
static uint64_t fine_reason_key(const struct swi_record *r)
{
	return fine_key(r) >> FINE_REASON_SHIFT;
}

/* ---- a person present in both quarters ------------------------------ */

/* SWI-085 and SWI-086. */
static void compare_pips(struct cmp *c, const struct swi_person *old, const struct swi_person *p)
{
	uint32_t old_latest = 0, old_begin = 0;
	for (const struct swi_record *r = old->first; r; r = r->next) {
		if (r->kind != SWI_CATEGORY_PIP)
			continue;
		if (r->u.pip.datum > old_latest)
			old_latest = r->u.pip.datum;
		if (!old_begin)
			old_begin = r->u.pip.begindatum;
	}

	/*
	 * 2.3: "Bij een wijziging van de leerroute blijft de begindatum van de
	 * leerroute ongewijzigd." A first begindatum (none before) is progress,
	 * not a change; a value that one of the previous PIPs had is no change
	 * either (the previous quarter's own inconsistency is SWI-073 there).
	 */
	size_t n = old_begin ? sorted_keys(c, &c->prev_keys, &c->prev_cap, old, SWI_CATEGORY_PIP,
					   route_begin_key) : 0;
	int64_t index = 0, latest_index = -1;
	uint32_t latest = 0;
	bool reported = false;
	for (const struct swi_record *r = p->first; r; r = r->next) {
		if (r->kind != SWI_CATEGORY_PIP)
			continue;
		int64_t i = index++;
		uint32_t begin = r->u.pip.begindatum;
		if (r->u.pip.datum > latest) {
			latest = r->u.pip.datum;
			latest_index = i;
		}
		if (n && begin && !reported && !any_in(c->prev_keys, n, begin, begin)) {
			/* Once per person: every later PIP repeats the same begindatum. */
			reported = true;
			swi_report_at_add(&c->at, SWI_RULE_ROUTE_BEGIN_CHANGED, SWI_CATEGORY_PIP, i, 33,
			    "PIP %lld: Leerroute - begindatum (kenmerk 33) %08u, in het vorige kwartaal "
			    "%08u; bij een wijziging van de leerroute blijft de begindatum gelijk",
			    (long long)i + 1, begin, old_begin);
		}
	}

	/*
	 * 3.3.1: each quarter brings the most recent PIP; a newest PIP older than
	 * last quarter's newest one means the latest PIP was left out.
	 */
	if (latest && old_latest && latest < old_latest)
		swi_report_at_add(&c->at, SWI_RULE_PIP_BACKWARDS, SWI_CATEGORY_PIP, latest_index, 30,
		    "PIP %lld: de meest recente PIP-datum (kenmerk 30) %08u ligt voor de meest "
		    "recente PIP-datum %08u van het vorige kwartaal", (long long)latest_index + 1,
		    latest, old_latest);
}

/* SWI-081: 3.3.1, "Dezelfde datum(s) van voortgangsgesprekken ... worden het
 * kwartaal daarna niet meer aangeleverd." */
static void compare_talks(struct cmp *c, const struct swi_person *old, const struct swi_person *p)
{
	size_t n = sorted_keys(c, &c->prev_keys, &c->prev_cap, old, SWI_CATEGORY_GESPREK, talk_key);
	if (!n)
		return;
	int64_t index = 0;
	for (const struct swi_record *r = p->first; r; r = r->next) {
		if (r->kind != SWI_CATEGORY_GESPREK)
			continue;
		int64_t i = index++;
		uint32_t datum = r->u.gesprek.datum;
		if (datum && any_in(c->prev_keys, n, datum, datum))
			swi_report_at_add(&c->at, SWI_RULE_TALK_AGAIN, SWI_CATEGORY_GESPREK, i, 35,
			    "Voortgangsgesprek %lld: datum (kenmerk 35) %08u is in het vorige kwartaal "
			    "al geleverd; een gesprek wordt alleen geleverd in het kwartaal waarin het "
			    "gevoerd is", (long long)i + 1, datum);
	}
}

/*
 * SWI-082 and SWI-083. 3.3.1 allows a fine again only "met gewijzigde
 * informatie", and 2.5 says how: the same date and reason, another amount.
 * So per current fine:
 *  - date, reason and amount as before: unchanged, must not come again;
 *  - date and reason as before, other amount: the correction of 2.5;
 *  - date as before, other reason: a correction that changed the reason,
 *    unless the previous fine of that date is delivered as well with its
 *    own reason (then this is another fine of the same day).
 */
static void compare_fines(struct cmp *c, const struct swi_person *old, const struct swi_person *p)
{
	size_t n = sorted_keys(c, &c->prev_keys, &c->prev_cap, old, SWI_CATEGORY_BOETE, fine_key);
	if (!n)
		return;
	size_t m = sorted_keys(c, &c->cur_keys, &c->cur_cap, p, SWI_CATEGORY_BOETE,
			       fine_reason_key);
	if (c->rc != SWI_OK)
		return;
	const uint64_t *prev = c->prev_keys;
	int64_t index = 0;
	for (const struct swi_record *r = p->first; r; r = r->next) {
		if (r->kind != SWI_CATEGORY_BOETE)
			continue;
		int64_t i = index++;
		uint64_t key = fine_key(r);
		if (!key)
			continue;
		char reason[SWI_VALUE_MAX], amount[SWI_VALUE_MAX];
		uint64_t reason_key = key >> FINE_REASON_SHIFT, date_key = key >> FINE_DATE_SHIFT;
		if (any_in(prev, n, key, key)) {
			swi_report_at_add(&c->at, SWI_RULE_FINE_AGAIN, SWI_CATEGORY_BOETE, i, 36,
			    "Boete %lld: datum (kenmerk 36) %08u, reden (kenmerk 37) %s en bedrag "
			    "(kenmerk 38) %s zijn in het vorige kwartaal al zo geleverd; een boete komt "
			    "alleen opnieuw als er iets gewijzigd is", (long long)i + 1, r->u.boete.datum,
			    text(r, 37, reason), text(r, 38, amount));
			continue;
		}
		if (any_in(prev, n, reason_key << FINE_REASON_SHIFT,
			   ((reason_key + 1) << FINE_REASON_SHIFT) - 1))
			continue;
		/* The previous fines of this date, in reason order: one whose reason
		 * is no longer delivered on this date was changed into this one. */
		size_t j = lower_bound(prev, n, date_key << FINE_DATE_SHIFT);
		while (j < n && prev[j] >> FINE_DATE_SHIFT == date_key) {
			uint64_t old_reason = prev[j] >> FINE_REASON_SHIFT;
			if (any_in(c->cur_keys, m, old_reason, old_reason)) {
				/* On to the next reason, not the next fine: a day holds at
				 * most 256 reasons, however many fines repeat one of them. */
				j = lower_bound(prev, n, (old_reason + 1) << FINE_REASON_SHIFT);
				continue;
			}
			unsigned old_code = (unsigned)(old_reason & 0xff);
			char was[8];
			if (old_code)
				snprintf(was, sizeof(was), "%u", old_code);
			else
				snprintf(was, sizeof(was), "leeg");
			swi_report_at_add(&c->at, SWI_RULE_FINE_REASON_CHANGED, SWI_CATEGORY_BOETE, i, 37,
			    "Boete %lld: datum (kenmerk 36) %08u is in het vorige kwartaal geleverd met "
			    "reden (kenmerk 37) %s, nu met reden %s; een gecorrigeerde boete houdt "
			    "dezelfde datum en reden", (long long)i + 1, r->u.boete.datum, was,
			    text(r, 37, reason));
			break;
		}
	}
}

/* ---- entry point ---------------------------------------------------- */

static int compare(swi_report **out, swi_delivery *prev, swi_delivery *cur, unsigned flags)
{
	struct cmp c = {.prev = prev, .cur = cur, .flags = flags, .rc = SWI_OK};
	if (swi_report_at_start(&c.at, cur->alloc, cur->alloc_ud, flags & SWI_VALIDATE_SHOW_BSN,
				0) != SWI_OK)
		return SWI_ENOMEM;

	if (check_pair(&c)) {
		struct counts before = count(prev), after = count(cur);
		check_count(&c, "personen", before.persons, after.persons);
		check_count(&c, "PIP's", before.pips, after.pips);
		check_count(&c, "boetes", before.fines, after.fines);

		int64_t index = 0;
		for (const swi_person *p = swi_delivery_first_person(cur); p;
		     p = swi_person_next(p), index++) {
			const struct swi_person *old = swi_index_find(prev, p->bsn);
			if (!old)
				continue;
			set_person(&c, p->bsn, index);
			compare_pips(&c, old, p);
			compare_talks(&c, old, p);
			compare_fines(&c, old, p);
			if (c.rc != SWI_OK || swi_report_status(c.at.r) != SWI_OK)
				break;
		}

		/*
		 * SWI-084 comes last: it is about persons of the previous delivery,
		 * so its person index is theirs (the message says so). A person
		 * delivered with an end of guidance may be gone now (3.3.5: no
		 * traject runs any more); one without it may not, because an end
		 * registered late still has to be delivered with its date (3.3.6).
		 */
		index = 0;
		for (const swi_person *old = swi_delivery_first_person(prev);
		     old && c.rc == SWI_OK; old = swi_person_next(old), index++) {
			if (old->einde_reden || old->einde_datum || swi_index_find(cur, old->bsn))
				continue;
			set_person(&c, old->bsn, index);
			swi_report_at_add(&c.at, SWI_RULE_PERSON_GONE, SWI_CATEGORY_PERSOON, -1, 29,
			    "Persoon %lld van de vorige levering (burgerservicenummer %s) ontbreekt "
			    "zonder einde begeleiding (kenmerk 28 en 29 waren leeg); is de begeleiding "
			    "afgelopen, lever de persoon dan nog met reden en datum", (long long)index + 1,
			    c.at.bsn);
		}
	}

	swi_free(cur, c.prev_keys);
	swi_free(cur, c.cur_keys);
	return swi_report_finish(c.at.r, c.rc, out);
}

SWI_EXPORT int swi_delivery_compare(swi_report **out, swi_delivery *previous,
				    swi_delivery *current, unsigned flags)
{
	if (out)
		*out = NULL;
	if (!out || !previous || !current)
		return current ? swi_error(current, SWI_EINVAL, "geen uitvoerparameter of geen vorige "
					   "levering") : SWI_EINVAL;
	if (flags & ~(unsigned)SWI_VALIDATE_SHOW_BSN)
		return swi_error(current, SWI_EINVAL, "onbekende vergelijkingsvlaggen 0x%x", flags);
	int rc = compare(out, previous, current, flags);
	if (rc != SWI_OK)
		return swi_error(current, rc, "onvoldoende geheugen voor het vergelijkingsrapport");
	return SWI_OK;
}
