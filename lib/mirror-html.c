/* The mirror report as an HTML page (swi_mirror_html, swi_mirror_html_source). */

#include <inttypes.h>

#include "gemeenten.h"
#include "mirror-internal.h"
#include "ruleset.h"

/* 1234567 -> "1.234.567": Dutch digit grouping, for readers, not machines. */
static void fmt_count(uint64_t n, char out[32])
{
	char digits[24];
	int len = snprintf(digits, sizeof(digits), "%" PRIu64, n);
	int o = 0;
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

static void put_count(struct out *o, uint64_t n)
{
	char s[32];
	fmt_count(n, s);
	put(o, s);
}

/*
 * The fill rate in tenths of a percent, rounded, but never rounded to
 * 100% while something is missing nor to 0% while something is there:
 * "100%" must mean "complete" to a reader scanning for gaps.
 */
static unsigned pct_tenths(size_t filled, size_t base)
{
	if (base == 0)
		return 0;
	uint64_t t = ((uint64_t)filled * 1000 + base / 2) / base;
	if (t >= 1000 && filled < base)
		t = 999;
	if (t == 0 && filled > 0)
		t = 1;
	return (unsigned)t;
}

static const char *code_meaning(int k, size_t code)
{
	const char *meaning = code <= UINT32_MAX ? swi_code_meaning(k, (uint32_t)code) : NULL;
	return meaning ? meaning : "";
}

static const char html_head[] =
	"<!DOCTYPE html>\n"
	"<html lang=\"nl\">\n"
	"<head>\n"
	"<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

/* System fonts only: the page must not load anything. */
static const char html_style[] =
	"<style>\n"
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;"
	"color:#1a1a1a;background:#fff;margin:0;padding:24px 32px;line-height:1.4;font-size:15px}\n"
	"main{max-width:1100px;margin:0 auto}\n"
	"h1{font-size:26px;margin:0 0 4px;color:#0b3a6b}\n"
	"h2{font-size:19px;margin:32px 0 8px;color:#0b3a6b;border-bottom:2px solid #d6e2ef;"
	"padding-bottom:4px}\n"
	"h3{font-size:16px;margin:20px 0 6px}\n"
	"p{margin:6px 0}\n"
	".sub{font-size:17px;color:#333}\n"
	".intro{color:#444;max-width:800px}\n"
	".cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}\n"
	".card{flex:1 1 180px;border:1px solid #d6e2ef;border-radius:6px;padding:10px 14px;"
	"background:#f5f8fc}\n"
	".card .n{font-size:26px;font-weight:600;color:#0b3a6b}\n"
	".card .t{color:#444}\n"
	"table{border-collapse:collapse;margin:6px 0 4px}\n"
	"th,td{padding:5px 12px;border-bottom:1px solid #e3e8ee;text-align:left;vertical-align:middle}\n"
	"thead th{background:#eef3f9;border-bottom:2px solid #c5d4e6}\n"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"tr.tot td,tr.tot th{font-weight:600;border-top:2px solid #c5d4e6}\n"
	".code{color:#667;font-size:13px}\n"
	".note{color:#555;font-size:13px}\n"
	".meta{color:#444;font-size:13px;margin:2px 0 0}\n"
	"table.fill{width:100%;table-layout:fixed}\n"
	"table.fill td{padding:4px 8px}\n"
	"table.fill .k{width:36px;text-align:right;color:#555;font-variant-numeric:tabular-nums}\n"
	"table.fill .l{width:360px}\n"
	"table.fill .v{width:250px;text-align:right;white-space:nowrap;"
	"font-variant-numeric:tabular-nums}\n"
	"table.fill .v.grp{white-space:normal}\n"
	".tag{display:inline-block;font-size:11px;padding:0 5px;border-radius:3px;"
	"background:#e6ecf3;color:#345;margin-left:4px;vertical-align:1px}\n"
	".track{height:16px;background:#edf0f3;border-radius:3px;overflow:hidden;"
	"-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	".bar{height:100%;background:#2f6db5;-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}\n"
	".bar.gap{background:#d9822b}\n"
	".swatch{display:inline-block;width:12px;height:12px;border-radius:2px;"
	"vertical-align:-1px;margin:0 4px 0 10px}\n"
	"footer{margin-top:36px;color:#777;font-size:12px}\n"
	"@media print{body{padding:0}h2{break-after:avoid}tr{break-inside:avoid}}\n"
	"</style>\n";

/* "Enschede (0153)", "gemeente 0153" or "onbekende gemeente". */
static void put_gemeente(struct out *o, const swi_mirror *m)
{
	if (!m->filled[SWI_K_GEMEENTECODE]) {
		put(o, "onbekende gemeente");
	} else if (m->gemeentenaam[0]) {
		put_html(o, m->gemeentenaam);
		putf(o, " (%04u)", m->gemeentecode);
	} else {
		putf(o, "gemeente %04u", m->gemeentecode);
	}
}

/* "2026, kwartaal 1" with the parts that are missing said so. */
static void put_period(struct out *o, const swi_mirror *m)
{
	if (m->filled[SWI_K_STATISTIEKJAAR])
		putf(o, "%u", m->jaar);
	else
		put(o, "jaar onbekend");
	if (m->filled[SWI_K_STATISTIEKKWARTAAL])
		putf(o, ", kwartaal %u", m->kwartaal);
	else
		put(o, ", kwartaal onbekend");
}

static void html_card(struct out *o, uint64_t n, const char *what, const char *extra)
{
	put(o, "<div class=\"card\"><div class=\"n\">");
	put(o, extra ? extra : "");
	put_count(o, n);
	put(o, "</div><div class=\"t\">");
	put(o, what);
	put(o, "</div></div>\n");
}

/* A row or column label of a code: its Dutch meaning and the code. */
static void put_code_label(struct out *o, int k, size_t code, const char *unfilled)
{
	if (code == 0) {
		put(o, unfilled);
		return;
	}
	put_html(o, code_meaning(k, code));
	putf(o, " <span class=\"code\">(%zu)</span>", code);
}

static void html_persons(struct out *o, const swi_mirror *m)
{
	/* k10 and k11 are required: a valid delivery has no unfilled cells,
	 * so their row and column appear only when there is something to see. */
	bool show_t0 = swi_mirror_persons(m, -1, 0) > 0;
	bool show_g0 = swi_mirror_persons(m, 0, -1) > 0;

	put(o, "<h2>Personen per doelgroep en geslacht</h2>\n<table>\n<thead><tr><th>Type migrant</th>");
	for (size_t j = 1; j <= N_GESLACHT; j++) {
		size_t g = j % N_GESLACHT;
		if (g == 0 && !show_g0)
			continue;
		put(o, "<th class=\"n\">");
		put_code_label(o, SWI_K_GESLACHT, g, "Geslacht niet ingevuld");
		put(o, "</th>");
	}
	put(o, "<th class=\"n\">Totaal</th></tr></thead>\n<tbody>\n");
	for (size_t j = 1; j <= N_TYPE + 1; j++) {
		size_t t = j % N_TYPE;
		bool total = j == N_TYPE + 1;
		if (!total && t == 0 && !show_t0)
			continue;
		int ts = total ? 0 : t == 0 ? -1 : (int)t;
		put(o, total ? "<tr class=\"tot\"><th>Totaal</th>" : "<tr><th>");
		if (!total) {
			put_code_label(o, SWI_K_TYPE_MIGRANT, t, "Type migrant niet ingevuld");
			put(o, "</th>");
		}
		for (size_t jg = 1; jg <= N_GESLACHT; jg++) {
			size_t g = jg % N_GESLACHT;
			if (g == 0 && !show_g0)
				continue;
			put(o, "<td class=\"n\">");
			put_count(o, swi_mirror_persons(m, ts, g == 0 ? -1 : (int)g));
			put(o, "</td>");
		}
		put(o, "<td class=\"n\">");
		put_count(o, swi_mirror_persons(m, ts, 0));
		put(o, "</td></tr>\n");
	}
	put(o, "</tbody>\n</table>\n");
}

static void html_pips(struct out *o, const swi_mirror *m)
{
	/* Route and niveau are optional in a PIP, so "niet ingevuld" is a
	 * normal row and column here. */
	put(o, "<h2>PIP&#39;s per leerroute en niveau</h2>\n<table>\n<thead><tr><th>Leerroute</th>");
	for (size_t j = 1; j <= N_NIVEAU; j++) {
		size_t n = j % N_NIVEAU;
		put(o, "<th class=\"n\">");
		if (n == 0) {
			put(o, "Niveau niet ingevuld");
		} else {
			put(o, "Niveau ");
			put_code_label(o, SWI_K_LEERROUTE_NIVEAU, n, "");
		}
		put(o, "</th>");
	}
	put(o, "<th class=\"n\">Totaal</th></tr></thead>\n<tbody>\n");
	for (size_t j = 1; j <= N_ROUTE + 1; j++) {
		size_t r = j % N_ROUTE;
		bool total = j == N_ROUTE + 1;
		int rs = total ? 0 : r == 0 ? -1 : (int)r;
		put(o, total ? "<tr class=\"tot\"><th>Totaal</th>" : "<tr><th>");
		if (!total) {
			put_code_label(o, SWI_K_LEERROUTE_ROUTE, r, "Leerroute niet ingevuld");
			put(o, "</th>");
		}
		for (size_t jn = 1; jn <= N_NIVEAU; jn++) {
			size_t n = jn % N_NIVEAU;
			put(o, "<td class=\"n\">");
			put_count(o, swi_mirror_pips(m, rs, n == 0 ? -1 : (int)n));
			put(o, "</td>");
		}
		put(o, "<td class=\"n\">");
		put_count(o, swi_mirror_pips(m, rs, 0));
		put(o, "</td></tr>\n");
	}
	put(o, "</tbody>\n</table>\n");
}

static void html_talks(struct out *o, const swi_mirror *m)
{
	put(o, "<h2>Voortgangsgesprekken</h2>\n<table>\n<tbody>\n"
	       "<tr><th>Voortgangsgesprekken</th><td class=\"n\">");
	put_count(o, m->n_talks);
	put(o, "</td></tr>\n<tr><th>Personen met een voortgangsgesprek</th><td class=\"n\">");
	put_count(o, m->persons_with_talks);
	put(o, "</td></tr>\n</tbody>\n</table>\n");
}

static void put_euro(struct out *o, int64_t amount)
{
	put(o, "&euro;&nbsp;");
	put_count(o, amount < 0 ? 0 : (uint64_t)amount);
}

static void html_fines(struct out *o, const swi_mirror *m)
{
	put(o, "<h2>Boetes per reden</h2>\n<table>\n<thead><tr><th>Reden</th>"
	       "<th class=\"n\">Aantal</th><th class=\"n\">Totaalbedrag</th></tr></thead>\n<tbody>\n");
	/* k37 is required: the unfilled row only shows up when it is not empty. */
	for (size_t j = 1; j <= N_REDEN; j++) {
		size_t i = j % N_REDEN;
		if (i == 0 && m->fines[0] == 0)
			continue;
		put(o, "<tr><th>");
		put_code_label(o, SWI_K_BOETE_REDEN, i, "Reden niet ingevuld");
		put(o, "</th><td class=\"n\">");
		put_count(o, m->fines[i]);
		put(o, "</td><td class=\"n\">");
		put_euro(o, m->amount[i]);
		put(o, "</td></tr>\n");
	}
	put(o, "<tr class=\"tot\"><th>Totaal</th><td class=\"n\">");
	put_count(o, m->n_fines);
	put(o, "</td><td class=\"n\">");
	put_euro(o, swi_mirror_fine_amount(m, 0));
	put(o, "</td></tr>\n</tbody>\n</table>\n");
	put(o, "<p class=\"note\">Bedragen in hele euro&#39;s (kenmerk 38). ");
	put_count(o, m->persons_with_fines);
	put(o, m->persons_with_fines == 1 ? " persoon heeft" : " personen hebben");
	put(o, " een of meer boetes.</p>\n");
}

/* Who a doelgroep-bound kenmerk is measured against, after the counts. */
static const char *group_unit(int k)
{
	const struct swi_kenmerk_def *def = &swi_kenmerken[k];
	bool asiel = def->doelgroep == SWI_DOELGROEP_ASIEL;
	switch (def->category) {
	case SWI_CATEGORY_PERSOON:
		return asiel ? "asielmigranten" : "gezins- en overige migranten";
	case SWI_CATEGORY_PIP:
		return asiel ? "PIP&#39;s van asielmigranten" : "PIP&#39;s van gezinsmigranten";
	case SWI_CATEGORY_GESPREK:
		return asiel ? "gesprekken van asielmigranten" : "gesprekken van gezinsmigranten";
	default:
		return asiel ? "boetes van asielmigranten" : "boetes van gezinsmigranten";
	}
}

/*
 * One bar: kenmerk number, label with its tags, the bar, and the numbers.
 * A kenmerk that applies to one doelgroep (Table 1: k12-k14 and k33 for
 * asielmigranten, k35 for gezins- en overige migranten) is measured
 * against the records of that doelgroep, not against all records: 13 of
 * 13 asielmigranten is complete, even among 20 persons.
 */
static void html_fill_row(struct out *o, const swi_mirror *m, int k)
{
	const struct swi_kenmerk_def *def = &swi_kenmerken[k];
	bool bound = def->doelgroep != SWI_DOELGROEP_ALLE;
	size_t filled = m->filled[k], base = swi_mirror_base_of(m, k), outside = 0;
	if (bound) {
		base = m->by_type[def->category][def->doelgroep];
		outside = filled - m->filled_in_group[k];
		filled = m->filled_in_group[k];
	}
	unsigned t = pct_tenths(filled, base);
	/* A required kenmerk that is not always there is an error in the
	 * file: its bar gets the warning colour. */
	bool gap = def->required && filled < base;

	putf(o, "<tr id=\"k%d\"><td class=\"k\">%d</td><td class=\"l\">", k, k);
	put_html(o, def->label);
	if (def->required)
		put(o, " <span class=\"tag\">verplicht</span>");
	if (def->doelgroep == SWI_DOELGROEP_ASIEL)
		put(o, "<br><span class=\"note\">geldt alleen voor asielmigranten");
	else if (def->doelgroep == SWI_DOELGROEP_GEZIN)
		put(o, "<br><span class=\"note\">geldt alleen voor gezins- en overige migranten");
	if (bound && outside) {
		/* Values outside the doelgroep are errors (SWI-020): named, not counted. */
		put(o, "; ook ingevuld bij ");
		put_count(o, outside);
		put(o, outside == 1 ? " record daarbuiten" : " records daarbuiten");
	}
	if (bound)
		put(o, "</span>");
	/* "3/3 gesprekken van gezinsmigranten (100%)" may wrap; plain counts never. */
	putf(o, "</td><td><div class=\"track\"><div class=\"bar%s\" style=\"width:%u.%u%%\"></div>"
		"</div></td><td class=\"v%s\">", gap ? " gap" : "", t / 10, t % 10,
	     bound ? " grp" : "");
	put_count(o, filled);
	put(o, "/");
	put_count(o, base);
	if (bound) {
		put(o, " ");
		put(o, group_unit(k));
	}
	if (base == 0)
		put(o, " (geen records)");
	else if (t == 1000 || t == 0)
		putf(o, " (%u%%)", t / 10);
	else
		putf(o, " (%u,%u%%)", t / 10, t % 10);
	put(o, "</td></tr>\n");
}

static void html_fill(struct out *o, const swi_mirror *m)
{
	static const struct {
		swi_category c;
		const char *title, *unit;
	} groups[] = {
		{SWI_CATEGORY_PERSOON, "Persoon", "personen"},
		{SWI_CATEGORY_PIP, "PIP (persoonlijk inburgeringsplan)", "PIP&#39;s"},
		{SWI_CATEGORY_GESPREK, "Voortgangsgesprek", "voortgangsgesprekken"},
		{SWI_CATEGORY_BOETE, "Boete", "boetes"},
	};
	put(o, "<h2>Vulling per kenmerk</h2>\n"
	       "<p class=\"intro\">Per kenmerk: hoeveel records het hebben ingevuld, van het aantal "
	       "records waar het bij hoort (personen, PIP&#39;s, gesprekken of boetes); een kenmerk "
	       "dat voor &eacute;&eacute;n doelgroep geldt, van de records van die doelgroep."
	       "<span class=\"swatch\" style=\"background:#2f6db5\"></span>ingevuld"
	       "<span class=\"swatch\" style=\"background:#d9822b\"></span>verplicht kenmerk dat "
	       "niet overal is ingevuld</p>\n");
	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		int first, last;
		swi_category_range(groups[i].c, &first, &last);
		putf(o, "<h3>%s <span class=\"note\">(", groups[i].title);
		put_count(o, swi_mirror_base_of(m, first));
		putf(o, " %s)</span></h3>\n", groups[i].unit);
		put(o, "<table class=\"fill\">\n<thead><tr><th class=\"k\">Nr.</th>"
		       "<th class=\"l\">Kenmerk</th><th>Vulling</th><th class=\"v\">Gevuld/van</th>"
		       "</tr></thead>\n<tbody>\n");
		for (int k = first; k <= last; k++)
			html_fill_row(o, m, k);
		put(o, "</tbody>\n</table>\n");
	}
}

/* 20261015 -> "15 oktober 2026". */
static void put_date(struct out *o, int32_t yyyymmdd)
{
	static const char *const months[] = {"januari", "februari", "maart", "april", "mei",
					     "juni", "juli", "augustus", "september",
					     "oktober", "november", "december"};
	int month = yyyymmdd / 100 % 100;
	putf(o, "%d %s %d", (int)(yyyymmdd % 100), months[(month - 1) % 12], (int)(yyyymmdd / 10000));
}

SWI_EXPORT int swi_mirror_html(swi_buffer **out, const swi_mirror *m)
{
	return swi_mirror_html_source(out, m, NULL, 0);
}

SWI_EXPORT int swi_mirror_html_source(swi_buffer **out, const swi_mirror *m, const char *source,
				      int32_t yyyymmdd)
{
	if (!out)
		return SWI_EINVAL;
	*out = NULL;
	if (!m)
		return SWI_EINVAL;
	if (yyyymmdd == 0)
		yyyymmdd = swi_today_local();
	if (yyyymmdd < 0 || !swi_date_valid((uint32_t)yyyymmdd))
		return SWI_EDATE;
	struct out o = {.b = swi_buffer_new(m->alloc, m->alloc_ud), .rc = SWI_OK};
	if (!o.b)
		return SWI_ENOMEM;

	put(&o, html_head);
	put(&o, "<title>Spiegelrapport SWI &ndash; ");
	put_gemeente(&o, m);
	put(&o, ", ");
	put_period(&o, m);
	put(&o, "</title>\n");
	put(&o, html_style);
	put(&o, "</head>\n<body>\n<main>\n<header>\n<h1>Spiegelrapport Statistiek Wet Inburgering</h1>\n"
		"<p class=\"sub\">");
	put_gemeente(&o, m);
	put(&o, " &middot; ");
	put_period(&o, m);
	if (m->filled[SWI_K_STATISTIEKKWARTAAL]) {
		put(&o, " <span class=\"code\">(");
		/* "kwartaal 1 (januari, februari, maart)" -> the months only */
		const char *q = code_meaning(SWI_K_STATISTIEKKWARTAAL, m->kwartaal);
		const char *paren = strchr(q, '(');
		if (paren) {
			size_t len = strlen(paren + 1);
			put_n(&o, paren + 1, len && paren[len] == ')' ? len - 1 : len);
		}
		put(&o, ")</span>");
	}
	if (m->filled[SWI_K_BERICHTGEVERCODE])
		putf(&o, " &middot; berichtgever %04u", m->berichtgevercode);
	put(&o, "</p>\n<p class=\"meta\">");
	if (source) {
		put(&o, "Bestand <strong class=\"src\">");
		put_html(&o, source);
		put(&o, "</strong> &middot; ");
	}
	put(&o, "gemaakt op <span class=\"date\">");
	put_date(&o, yyyymmdd);
	put(&o, "</span> &middot; libswi ");
	put_html(&o, swi_version());
	put(&o, "</p>\n</header>\n"
		"<p class=\"intro\">Dit overzicht telt wat er in het leveringsbestand staat, zoals het "
		"CBS dat na de levering terugmeldt (spiegelrapport, richtlijn 4.2.1). Vergelijk de "
		"aantallen met uw eigen administratie: een verschil wijst op een leverfout.</p>\n");

	put(&o, "<div class=\"cards\">\n");
	html_card(&o, m->n_persons, "personen", NULL);
	html_card(&o, m->n_pips, "PIP&#39;s", NULL);
	html_card(&o, m->n_talks, "voortgangsgesprekken", NULL);
	html_card(&o, m->n_fines, "boetes", NULL);
	html_card(&o, (uint64_t)swi_mirror_fine_amount(m, 0), "totaal aan boetes", "&euro;&nbsp;");
	put(&o, "</div>\n");

	html_persons(&o, m);
	html_pips(&o, m);
	html_talks(&o, m);
	html_fines(&o, m);
	html_fill(&o, m);

	put(&o, "<footer>Gemaakt met libswi ");
	put_html(&o, swi_version());
	put(&o, " uit het leveringsbestand, v&oacute;&oacute;r verzending aan het CBS.</footer>\n"
		"</main>\n</body>\n</html>\n");
	return finish(out, &o);
}
