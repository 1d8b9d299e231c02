/*
 * The mirror report (spiegelrapport, guideline 4.2.1): the counts CBS
 * sends back after a delivery, computed here before the upload so that a
 * berichtgever can hold them against its own administration.
 *
 * swi_delivery_mirror() walks the persons and their records once and
 * copies every count into a fixed-size snapshot; the accessors (here), the
 * JSON (mirror-json.c) and the HTML (mirror-html.c) only read that snapshot. The snapshot keeps the delivery's
 * allocator (function and userdata), never the delivery itself, so it can
 * be used and freed after the delivery is gone.
 */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "gemeenten.h"
#include "mirror-internal.h"
#include "ruleset.h"


/* The cell of a stored code: out-of-list values (none pass the setters)
 * land in "not filled" rather than outside the array. */
static size_t cell(uint8_t code, size_t n)
{
	return code < n ? code : 0;
}

/* Counts kenmerk k of `record` (of a person with Type migrant cell `type`). */
static void count_filled(struct swi_mirror *m, int k, const void *record, size_t type)
{
	const struct swi_kenmerk_def *def = &swi_kenmerken[k];
	if (!swi_value_is_set(def, record))
		return;
	m->filled[k]++;
	if (def->doelgroep != SWI_DOELGROEP_ALLE && (size_t)def->doelgroep == type)
		m->filled_in_group[k]++;
}

/* Counts one record into the snapshot; its kind decides which kenmerken. */
static void count_record(struct swi_mirror *m, const struct swi_record *r, size_t type)
{
	int first, last;
	swi_category_range((swi_category)r->kind, &first, &last);
	for (int k = first; k <= last; k++)
		count_filled(m, k, r, type);
	if (r->kind <= SWI_CATEGORY_BOETE)
		m->by_type[r->kind][type]++;

	switch (r->kind) {
	case SWI_CATEGORY_PIP:
		m->n_pips++;
		m->pips[cell(r->u.pip.route, N_ROUTE)][cell(r->u.pip.niveau, N_NIVEAU)]++;
		break;
	case SWI_CATEGORY_GESPREK:
		m->n_talks++;
		break;
	case SWI_CATEGORY_BOETE: {
		size_t reden = cell(r->u.boete.reden, N_REDEN);
		m->n_fines++;
		m->fines[reden]++;
		/* An unset amount is a validation error, not a fine of 0 euros. */
		if (swi_value_is_set(&swi_kenmerken[SWI_K_BOETE_BEDRAG], r))
			m->amount[reden] += r->u.boete.bedrag;
		break;
	}
	default:
		break;
	}
}

static void count_person(struct swi_mirror *m, const struct swi_person *p)
{
	size_t type = cell(p->type_migrant, N_TYPE);
	for (int k = SWI_K_BURGERSERVICENUMMER; k <= SWI_K_EINDE_BEGELEIDING_DATUM; k++)
		count_filled(m, k, p, type);
	m->n_persons++;
	m->persons[type][cell(p->geslacht, N_GESLACHT)]++;
	m->by_type[SWI_CATEGORY_PERSOON][type]++;

	bool talks = false, fines = false;
	for (const struct swi_record *r = p->first; r; r = r->next) {
		count_record(m, r, type);
		talks |= r->kind == SWI_CATEGORY_GESPREK;
		fines |= r->kind == SWI_CATEGORY_BOETE;
	}
	m->persons_with_talks += talks;
	m->persons_with_fines += fines;
}

SWI_EXPORT int swi_delivery_mirror(swi_mirror **out, swi_delivery *d)
{
	if (!out)
		return SWI_EINVAL;
	*out = NULL;
	if (!d)
		return SWI_EINVAL;

	struct swi_mirror *m = d->alloc(d->alloc_ud, NULL, sizeof(*m));
	if (!m)
		return swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor het spiegelrapport");
	memset(m, 0, sizeof(*m));
	m->alloc = d->alloc;
	m->alloc_ud = d->alloc_ud;

	const struct swi_levering *l = &d->levering;
	for (int k = SWI_K_STATISTIEKJAAR; k <= SWI_K_GEMEENTECODE; k++)
		m->filled[k] = swi_value_is_set(&swi_kenmerken[k], l);
	m->jaar = l->jaar;
	m->kwartaal = l->kwartaal;
	m->berichtgevercode = l->berichtgevercode;
	m->gemeentecode = l->gemeentecode;
	if (m->filled[SWI_K_STATISTIEKJAAR] && m->filled[SWI_K_GEMEENTECODE]) {
		/* The same municipality list the validator checks k7 against; a list
		 * file that cannot be read leaves the name out (validation says why). */
		struct swi_gemeente_choice choice;
		int32_t today = d->reference_date ? d->reference_date : swi_today_local();
		int last = d->last_error, last_k = d->last_kenmerk;
		char last_message[sizeof(d->last_message)];
		memcpy(last_message, d->last_message, sizeof(last_message));
		if (swi_gemeenten_resolve(d, l->jaar, today, &choice) == SWI_OK) {
			const struct swi_gemeente *g = swi_gemeente_find(choice.list, l->gemeentecode);
			if (g)
				snprintf(m->gemeentenaam, sizeof(m->gemeentenaam), "%s", g->name);
			swi_gemeenten_choice_release(d, &choice);
		} else {
			d->last_error = last;
			d->last_kenmerk = last_k;
			memcpy(d->last_message, last_message, sizeof(last_message));
		}
	}

	/* Slots rather than swi_person_next(): the same order, without
	 * rescanning from each person for the next live one. */
	for (size_t slot = 0; slot < d->n_slots; slot++) {
		const struct swi_person *p = swi_person_at(d, slot);
		if (!p->removed)
			count_person(m, p);
	}
	*out = m;
	return SWI_OK;
}

SWI_EXPORT void swi_mirror_free(swi_mirror *m)
{
	if (m)
		m->alloc(m->alloc_ud, m, 0);
}

/* ---- accessors -------------------------------------------------------- */

/* The cells a selector covers: 0 all, -1 the "not filled" cell, 1..n-1 one code. */
static bool selected(int sel, size_t n, size_t *lo, size_t *hi)
{
	if (sel == 0) {
		*lo = 0;
		*hi = n - 1;
	} else if (sel == -1) {
		*lo = *hi = 0;
	} else if (sel > 0 && (size_t)sel < n) {
		*lo = *hi = (size_t)sel;
	} else {
		return false;
	}
	return true;
}

SWI_EXPORT size_t swi_mirror_persons(const swi_mirror *m, int type_migrant, int geslacht)
{
	size_t t0, t1, g0, g1, sum = 0;
	if (!m || !selected(type_migrant, N_TYPE, &t0, &t1) ||
	    !selected(geslacht, N_GESLACHT, &g0, &g1))
		return 0;
	for (size_t t = t0; t <= t1; t++)
		for (size_t g = g0; g <= g1; g++)
			sum += m->persons[t][g];
	return sum;
}

SWI_EXPORT size_t swi_mirror_filled(const swi_mirror *m, int k)
{
	if (!m || k < SWI_KENMERK_FIRST || k > SWI_KENMERK_LAST)
		return 0;
	return m->filled[k];
}

SWI_EXPORT size_t swi_mirror_pips(const swi_mirror *m, int route, int niveau)
{
	size_t r0, r1, n0, n1, sum = 0;
	if (!m || !selected(route, N_ROUTE, &r0, &r1) || !selected(niveau, N_NIVEAU, &n0, &n1))
		return 0;
	for (size_t r = r0; r <= r1; r++)
		for (size_t n = n0; n <= n1; n++)
			sum += m->pips[r][n];
	return sum;
}

SWI_EXPORT size_t swi_mirror_talks(const swi_mirror *m)
{
	return m ? m->n_talks : 0;
}

/* -1 (reason not filled) is accepted like the other selectors: a delivery
 * that is still being built may have such fines, and the totals must add up. */
SWI_EXPORT size_t swi_mirror_fines(const swi_mirror *m, int reden)
{
	size_t lo, hi, sum = 0;
	if (!m || !selected(reden, N_REDEN, &lo, &hi))
		return 0;
	for (size_t i = lo; i <= hi; i++)
		sum += m->fines[i];
	return sum;
}

SWI_EXPORT int64_t swi_mirror_fine_amount(const swi_mirror *m, int reden)
{
	size_t lo, hi;
	int64_t sum = 0;
	if (!m || !selected(reden, N_REDEN, &lo, &hi))
		return 0;
	for (size_t i = lo; i <= hi; i++)
		sum += m->amount[i];
	return sum;
}

/* The number of records a kenmerk's fill count is out of. */
size_t swi_mirror_base_of(const swi_mirror *m, int k)
{
	switch (swi_kenmerken[k].category) {
	case SWI_CATEGORY_LEVERING:
		return 1;
	case SWI_CATEGORY_PERSOON:
		return m->n_persons;
	case SWI_CATEGORY_PIP:
		return m->n_pips;
	case SWI_CATEGORY_GESPREK:
		return m->n_talks;
	case SWI_CATEGORY_BOETE:
		return m->n_fines;
	default:
		return 0;
	}
}
