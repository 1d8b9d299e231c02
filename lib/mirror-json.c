/* The mirror report as JSON (swi_mirror_json). */
#include <inttypes.h>

#include "mirror-internal.h"

/* Object keys of the code cells: the code, or "niet_ingevuld" for cell 0.
 * Not "onbekend": Geslacht code 3 already means "Onbekend". */
static void put_key(struct out *o, size_t i)
{
	if (i == 0)
		put(o, "\"niet_ingevuld\":");
	else
		putf(o, "\"%zu\":", i);
}

/* {"1":..,"2":..,"niet_ingevuld":..}: the codes first, in code order. */
static void json_cells(struct out *o, const size_t *v, size_t n)
{
	put(o, "{");
	for (size_t j = 1; j <= n; j++) {
		size_t i = j % n; /* 1, 2, .., n-1, then 0 */
		put_key(o, i);
		putf(o, "%zu%s", v[i], j < n ? "," : "}");
	}
}

static void json_header(struct out *o, const swi_mirror *m)
{
	if (m->filled[SWI_K_STATISTIEKJAAR])
		putf(o, "\"statistiekjaar\":%u,", m->jaar);
	else
		put(o, "\"statistiekjaar\":null,");
	if (m->filled[SWI_K_STATISTIEKKWARTAAL])
		putf(o, "\"kwartaal\":%u,", m->kwartaal);
	else
		put(o, "\"kwartaal\":null,");
	if (m->filled[SWI_K_BERICHTGEVERCODE])
		putf(o, "\"berichtgevercode\":\"%04u\",", m->berichtgevercode);
	else
		put(o, "\"berichtgevercode\":null,");
	if (m->filled[SWI_K_GEMEENTECODE])
		putf(o, "\"gemeentecode\":\"%04u\",", m->gemeentecode);
	else
		put(o, "\"gemeentecode\":null,");
	put(o, "\"gemeentenaam\":");
	if (m->gemeentenaam[0])
		put_json_string(o, m->gemeentenaam);
	else
		put(o, "null");
}

static const char *doelgroep_key(int k)
{
	switch (swi_kenmerken[k].doelgroep) {
	case SWI_DOELGROEP_ASIEL:
		return "asiel";
	case SWI_DOELGROEP_GEZIN:
		return "gezin";
	default:
		return "alle";
	}
}

SWI_EXPORT int swi_mirror_json(swi_buffer **out, const swi_mirror *m)
{
	if (!out)
		return SWI_EINVAL;
	*out = NULL;
	if (!m)
		return SWI_EINVAL;
	struct out o = {.b = swi_buffer_new(m->alloc, m->alloc_ud), .rc = SWI_OK};
	if (!o.b)
		return SWI_ENOMEM;

	put(&o, "{");
	json_header(&o, m);

	size_t per_type[N_TYPE] = {0}, per_geslacht[N_GESLACHT] = {0};
	for (size_t t = 0; t < N_TYPE; t++) {
		for (size_t g = 0; g < N_GESLACHT; g++) {
			per_type[t] += m->persons[t][g];
			per_geslacht[g] += m->persons[t][g];
		}
	}
	putf(&o, ",\"personen\":{\"totaal\":%zu,\"per_type_migrant\":", m->n_persons);
	json_cells(&o, per_type, N_TYPE);
	put(&o, ",\"per_geslacht\":");
	json_cells(&o, per_geslacht, N_GESLACHT);
	put(&o, ",\"per_type_en_geslacht\":{");
	for (size_t j = 1; j <= N_TYPE; j++) {
		size_t t = j % N_TYPE;
		put_key(&o, t);
		json_cells(&o, m->persons[t], N_GESLACHT);
		put(&o, j < N_TYPE ? "," : "}}");
	}

	put(&o, ",\"kenmerken\":[");
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++) {
		const struct swi_kenmerk_def *def = &swi_kenmerken[k];
		putf(&o, "%s{\"kenmerk\":%d,\"element\":", k > SWI_KENMERK_FIRST ? "," : "", k);
		put_json_string(&o, def->element);
		put(&o, ",\"label\":");
		put_json_string(&o, def->label);
		putf(&o, ",\"verplicht\":%s,\"doelgroep\":\"%s\",\"gevuld\":%zu,\"van\":%zu",
		     def->required ? "true" : "false", doelgroep_key(k), m->filled[k], swi_mirror_base_of(m, k));
		/* A kenmerk for one doelgroep also against that doelgroep, as on the page. */
		if (def->doelgroep != SWI_DOELGROEP_ALLE)
			putf(&o, ",\"gevuld_in_doelgroep\":%zu,\"van_doelgroep\":%zu",
			     m->filled_in_group[k], m->by_type[def->category][def->doelgroep]);
		put(&o, "}");
	}
	put(&o, "]");

	size_t per_route[N_ROUTE] = {0}, per_niveau[N_NIVEAU] = {0};
	for (size_t r = 0; r < N_ROUTE; r++) {
		for (size_t n = 0; n < N_NIVEAU; n++) {
			per_route[r] += m->pips[r][n];
			per_niveau[n] += m->pips[r][n];
		}
	}
	putf(&o, ",\"pips\":{\"totaal\":%zu,\"per_route\":", m->n_pips);
	json_cells(&o, per_route, N_ROUTE);
	put(&o, ",\"per_niveau\":");
	json_cells(&o, per_niveau, N_NIVEAU);
	put(&o, ",\"per_route_niveau\":{");
	for (size_t j = 1; j <= N_ROUTE; j++) {
		size_t r = j % N_ROUTE;
		put_key(&o, r);
		json_cells(&o, m->pips[r], N_NIVEAU);
		put(&o, j < N_ROUTE ? "," : "}}");
	}

	putf(&o, ",\"gesprekken\":%zu", m->n_talks);

	putf(&o, ",\"boetes\":{\"totaal\":%zu,\"bedrag\":%" PRId64 ",\"per_reden\":{", m->n_fines,
	     swi_mirror_fine_amount(m, 0));
	for (size_t j = 1; j <= N_REDEN; j++) {
		size_t i = j % N_REDEN;
		put_key(&o, i);
		putf(&o, "{\"aantal\":%zu,\"bedrag\":%" PRId64 "}%s", m->fines[i], m->amount[i],
		     j < N_REDEN ? "," : "}}");
	}
	put(&o, "}\n");
	return finish(out, &o);
}
