/*
 * The kenmerken table: the one place where the SWI guideline's Table 1
 * and Table 2 live in libswi. Element names, their order in the file,
 * value types, widths, code lists and doelgroep all come from here; the
 * writer, the XSD generator, the setters and the rule engine read it.
 * A new statistiekjaar or the official CBS XSD is a change of this file.
 */
#include <stdio.h>
#include <string.h>

#include "private.h"

#define N(list) ((uint8_t)(sizeof(list) / sizeof((list)[0])))

static const char kwartaal_list[] = "Kwartaal";
static const struct swi_code kwartaal[] = {
	{"1", "kwartaal 1 (januari, februari, maart)", "KWARTAAL_1"},
	{"2", "kwartaal 2 (april, mei, juni)", "KWARTAAL_2"},
	{"3", "kwartaal 3 (juli, augustus, september)", "KWARTAAL_3"},
	{"4", "kwartaal 4 (oktober, november, december)", "KWARTAAL_4"},
};
static const char statistiekcode_list[] = "Statistiekcode";
static const struct swi_code statistiekcode[] = {
	{"40", "Statistiek Wet Inburgering", "SWI"},
};
static const char softwarepakket_list[] = "Softwarepakket";
static const struct swi_code softwarepakket[] = {
	{"sam", "CiVision Samenlevingszaken (PinkRoccade)", "SAM"},
	{"cys", "Competensys", "CYS"},
	{"zna", "CVS Wet Inburgering ZorgNed Automatisering (ZorgNed)", "ZNA"},
	{"inf", "Inforing", "INF"},
	{"mct", "Mens Centraal", "MCT"},
	{"mob", "Metaobjects", "MOB"},
	{"moz", "Mozard", "MOZ"},
	{"rmw", "RMW RAAK", "RMW"},
	{"ssd", "Suites voor het Sociaal Domein (Centric)", "SSD"},
	{"wiz", "WIZportaal (Solviteers)", "WIZ"},
	{"xws", "X-Works (Blinqt)", "XWS"},
	{"yar", "Yara", "YAR"},
	{"and", "Ander pakket", "AND"},
};
static const char geslacht_list[] = "Geslacht";
static const struct swi_code geslacht[] = {
	{"1", "Man", "MAN"},
	{"2", "Vrouw", "VROUW"},
	{"3", "Onbekend", "ONBEKEND"},
};
static const char type_migrant_list[] = "TypeMigrant";
static const struct swi_code type_migrant[] = {
	{"1", "Asielmigrant", "ASIELMIGRANT"},
	{"2", "Gezinsmigrant/overige migrant", "GEZINSMIGRANT"},
};
static const char nee_ja_list[] = "NeeJa";
static const struct swi_code nee_ja[] = {
	{"1", "Nee", "NEE"},
	{"2", "Ja", "JA"},
};
static const char analfabetisme_list[] = "Analfabetisme";
static const struct swi_code analfabetisme[] = {
	{"1", "Analfabeet", "ANALFABEET"},
	{"2", "Anders-gealfabetiseerd", "ANDERS_GEALFABETISEERD"},
};
static const char taalniveau_list[] = "Taalniveau";
static const struct swi_code taalniveau[] = {
	{"1", "Lager dan A1", "LAGER_DAN_A1"},
	{"2", "A1", "A1"},
	{"3", "A2 of hoger", "A2_OF_HOGER"},
	{"9", "Onbekend", "ONBEKEND"},
};
static const char einde_reden_list[] = "EindeBegeleidingReden";
static const struct swi_code einde_reden[] = {
	{"1", "Verhuizing binnen Nederland naar andere gemeente", "VERHUIZING"},
	{"2", "Niet meer inburgeringsplichtig", "NIET_MEER_INBURGERINGSPLICHTIG"},
};
static const char route_list[] = "LeerrouteRoute";
static const struct swi_code route[] = {
	{"1", "B1-route", "B1_ROUTE"},
	{"2", "Onderwijsroute", "ONDERWIJSROUTE"},
	{"3", "Z-route", "Z_ROUTE"},
};
static const char niveau_list[] = "LeerrouteNiveau";
static const struct swi_code niveau[] = {
	{"1", "B1", "B1"},
	{"2", "A2", "A2"},
};
static const char boete_reden_list[] = "BoeteReden";
static const struct swi_code boete_reden[] = {
	{"1", "Artikel 22, lid 1 of lid 3 Wet inburgering", "ARTIKEL_22"},
	{"2", "Artikel 23, lid 1 Wet inburgering", "ARTIKEL_23"},
};

#define LEV(f) ((uint16_t)offsetof(struct swi_levering, f))
#define PER(f) ((uint16_t)offsetof(struct swi_person, f))
#define REC(f) ((uint16_t)offsetof(struct swi_record, u.f))

#define K(num, cat, typ, wid, grp, req, off, elem, lab) \
	[num] = {.number = num, .category = SWI_CATEGORY_##cat, .type = SWI_TYPE_##typ, \
		 .width = wid, .doelgroep = SWI_DOELGROEP_##grp, .required = req, .offset = off, \
		 .element = elem, .label = lab}
#define KC(num, cat, wid, grp, req, off, elem, lab, list) \
	[num] = {.number = num, .category = SWI_CATEGORY_##cat, .type = SWI_TYPE_CODE, \
		 .width = wid, .doelgroep = SWI_DOELGROEP_##grp, .required = req, .offset = off, \
		 .element = elem, .label = lab, .codes = list, .n_codes = N(list), .code_list = list##_list}

const struct swi_kenmerk_def swi_kenmerken[SWI_KENMERK_LAST + 1] = {
	/* Levering (2.1) */
	K(1, LEVERING, YEAR, 4, ALLE, 1, LEV(jaar), "Statistiekjaar", "Statistiekjaar"),
	KC(2, LEVERING, 1, ALLE, 1, LEV(kwartaal), "Statistiekkwartaal", "Statistiekkwartaal", kwartaal),
	KC(3, LEVERING, 2, ALLE, 1, LEV(statistiekcode), "Statistiekcode", "Statistiekcode",
	   statistiekcode),
	[4] = {.number = 4, .category = SWI_CATEGORY_LEVERING, .type = SWI_TYPE_TEXT_CODE,
	       .width = 3, .doelgroep = SWI_DOELGROEP_ALLE, .required = 1,
	       .offset = LEV(softwarepakket), .element = "NaamSoftwarepakket",
	       .label = "Naam softwarepakket", .codes = softwarepakket, .n_codes = N(softwarepakket),
	       .code_list = softwarepakket_list},
	K(5, LEVERING, TEXT, 12, ALLE, 1, LEV(versie), "VersieSoftwarepakket",
	  "Release/versienummer softwarepakket"),
	K(6, LEVERING, CODE4, 4, ALLE, 1, LEV(berichtgevercode), "Berichtgevercode", "Berichtgevercode"),
	K(7, LEVERING, CODE4, 4, ALLE, 1, LEV(gemeentecode), "Gemeentecode", "Gemeentecode"),

	/* Persoon (2.2) */
	K(8, PERSOON, BSN, 9, ALLE, 1, PER(bsn), "Burgerservicenummer", "Burgerservicenummer"),
	K(9, PERSOON, DATE, 8, ALLE, 1, PER(geboortedatum), "Geboortedatum", "Geboortedatum"),
	KC(10, PERSOON, 1, ALLE, 1, PER(geslacht), "Geslacht", "Geslacht", geslacht),
	KC(11, PERSOON, 1, ALLE, 1, PER(type_migrant), "TypeMigrant", "Type migrant", type_migrant),
	K(12, PERSOON, DATE, 8, ASIEL, 0, PER(mb_begindatum), "MaatschappelijkeBegeleidingBegindatum",
	  "Maatschappelijke begeleiding - begindatum"),
	K(13, PERSOON, DATE, 8, ASIEL, 0, PER(ontzorgen_begindatum), "OntzorgenBegindatum",
	  "Ontzorgen - begindatum"),
	K(14, PERSOON, DATE, 8, ASIEL, 0, PER(ontzorgen_einddatum), "OntzorgenEinddatum",
	  "Ontzorgen - einddatum"),
	K(15, PERSOON, DATE, 8, ALLE, 0, PER(intake_begindatum), "BredeIntakeBegindatum",
	  "Brede intake - begindatum"),
	K(16, PERSOON, NUMBER, 4, ALLE, 0, PER(uren_taal_knm), "BredeIntakeUrenTaalKNM",
	  "Brede intake - gevolgde uren taalles en KNM"),
	K(17, PERSOON, DATE, 8, ALLE, 0, PER(waarschuwing_datum), "WaarschuwingIntakeDatum",
	  "Waarschuwing niet verschijnen bij intake - datum"),
	KC(18, PERSOON, 1, ALLE, 0, PER(alfabetiseringscursus), "Alfabetiseringscursus",
	   "Alfabetiseringscursus", nee_ja),
	KC(19, PERSOON, 1, ALLE, 0, PER(analfabetisme), "Analfabetisme", "Analfabetisme",
	   analfabetisme),
	K(20, PERSOON, DATE, 8, ALLE, 0, PER(pvt_datum), "PVTOndertekeningsdatum",
	  "PVT - ondertekeningsdatum"),
	K(21, PERSOON, DATE, 8, ALLE, 0, PER(map_eerste_activiteit), "MAPDatumEersteActiviteit",
	  "MAP - datum eerste activiteit"),
	K(22, PERSOON, DATE, 8, ALLE, 0, PER(map_eindgesprek), "MAPDatumEindgesprek",
	  "MAP - datum eindgesprek"),
	KC(23, PERSOON, 1, ALLE, 0, PER(z_inschatting), "ZrouteInschattingTaalniveau",
	   "Z-route - inschatting taalniveau", nee_ja),
	KC(24, PERSOON, 1, ALLE, 0, PER(z_lezen), "ZrouteLezen", "Z-route - lezen", taalniveau),
	KC(25, PERSOON, 1, ALLE, 0, PER(z_schrijven), "ZrouteSchrijven", "Z-route - schrijven",
	   taalniveau),
	KC(26, PERSOON, 1, ALLE, 0, PER(z_spreken), "ZrouteSpreken", "Z-route - spreken", taalniveau),
	KC(27, PERSOON, 1, ALLE, 0, PER(z_luisteren), "ZrouteLuisteren", "Z-route - luisteren",
	   taalniveau),
	KC(28, PERSOON, 1, ALLE, 0, PER(einde_reden), "EindeBegeleidingReden",
	   "Einde begeleiding gemeente - reden", einde_reden),
	K(29, PERSOON, DATE, 8, ALLE, 0, PER(einde_datum), "EindeBegeleidingDatum",
	  "Einde begeleiding gemeente - datum"),

	/* PIP (2.3) */
	K(30, PIP, DATE, 8, ALLE, 1, REC(pip.datum), "PIPDatum", "PIP - datum"),
	KC(31, PIP, 1, ALLE, 0, REC(pip.route), "LeerrouteRoute", "Leerroute - route", route),
	KC(32, PIP, 1, ALLE, 0, REC(pip.niveau), "LeerrouteNiveau", "Leerroute - niveau", niveau),
	K(33, PIP, DATE, 8, ASIEL, 0, REC(pip.begindatum), "LeerrouteBegindatum",
	  "Leerroute - begindatum"),
	K(34, PIP, DATE, 8, ALLE, 0, REC(pip.einddatum), "LeerrouteEinddatum",
	  "Leerroute - einddatum"),

	/* Gesprek (2.4) */
	K(35, GESPREK, DATE, 8, GEZIN, 1, REC(gesprek.datum), "VoortgangsgesprekDatum",
	  "Voortgangsgesprek - datum"),

	/* Boete (2.5) */
	K(36, BOETE, DATE, 8, ALLE, 1, REC(boete.datum), "BoeteDatum", "Boete - datum"),
	KC(37, BOETE, 1, ALLE, 1, REC(boete.reden), "BoeteReden", "Boete - reden", boete_reden),
	K(38, BOETE, NUMBER, 4, ALLE, 1, REC(boete.bedrag), "BoeteBedrag", "Boete - hoogte bedrag"),
};

static const struct {
	swi_category category;
	int first, last;
	const char *element;
	int max_per_person; /* 0: unbounded */
} categories[] = {
	{SWI_CATEGORY_LEVERING, 1, 7, "Levering", 0},
	{SWI_CATEGORY_PERSOON, 8, 29, "Persoon", 0},
	{SWI_CATEGORY_PIP, 30, 34, "PIP", 0},
	/* 2.4: "maximaal vijf voortgangsgesprekken per persoon per kwartaal" */
	{SWI_CATEGORY_GESPREK, 35, 35, "Voortgangsgesprek", 5},
	{SWI_CATEGORY_BOETE, 36, 38, "Boete", 0},
};

void swi_category_range(swi_category c, int *first, int *last)
{
	for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++) {
		if (categories[i].category == c) {
			*first = categories[i].first;
			*last = categories[i].last;
			return;
		}
	}
	*first = 1;
	*last = 0;
}

const char *swi_category_element(swi_category c)
{
	for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
		if (categories[i].category == c)
			return categories[i].element;
	return NULL;
}

int swi_category_max_per_person(swi_category c)
{
	for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
		if (categories[i].category == c)
			return categories[i].max_per_person;
	return 0;
}

const struct swi_kenmerk_def *swi_kenmerk_def(int k)
{
	if (k < SWI_KENMERK_FIRST || k > SWI_KENMERK_LAST)
		return NULL;
	return &swi_kenmerken[k];
}

const char *swi_code_meaning(int k, uint32_t code)
{
	const struct swi_kenmerk_def *def = swi_kenmerk_def(k);
	if (!def || def->type != SWI_TYPE_CODE)
		return NULL;
	for (int i = 0; i < def->n_codes; i++) {
		unsigned v = 0;
		if (sscanf(def->codes[i].code, "%u", &v) == 1 && v == code)
			return def->codes[i].meaning;
	}
	return NULL;
}

const char *swi_code_text(int k, uint32_t code, char out[SWI_CODE_TEXT_MAX])
{
	const char *meaning = code ? swi_code_meaning(k, code) : NULL;
	if (!code)
		snprintf(out, SWI_CODE_TEXT_MAX, "niet gevuld");
	else if (meaning)
		snprintf(out, SWI_CODE_TEXT_MAX, "%u (%s)", (unsigned)code, meaning);
	else
		snprintf(out, SWI_CODE_TEXT_MAX, "%u", (unsigned)code);
	return out;
}

/* ---- public introspection ------------------------------------------- */

SWI_EXPORT const char *swi_kenmerk_element(int k)
{
	const struct swi_kenmerk_def *def = swi_kenmerk_def(k);
	return def ? def->element : NULL;
}

SWI_EXPORT const char *swi_kenmerk_label(int k)
{
	const struct swi_kenmerk_def *def = swi_kenmerk_def(k);
	return def ? def->label : NULL;
}

SWI_EXPORT swi_category swi_kenmerk_category(int k)
{
	const struct swi_kenmerk_def *def = swi_kenmerk_def(k);
	return def ? (swi_category)def->category : (swi_category)0;
}

SWI_EXPORT swi_value_type swi_kenmerk_type(int k)
{
	const struct swi_kenmerk_def *def = swi_kenmerk_def(k);
	return def ? (swi_value_type)def->type : (swi_value_type)0;
}

SWI_EXPORT int swi_kenmerk_width(int k)
{
	const struct swi_kenmerk_def *def = swi_kenmerk_def(k);
	return def ? def->width : 0;
}

SWI_EXPORT int swi_kenmerk_required(int k)
{
	const struct swi_kenmerk_def *def = swi_kenmerk_def(k);
	return def ? def->required : SWI_EKENMERK;
}

SWI_EXPORT int swi_kenmerk_by_element(const char *element)
{
	if (!element)
		return SWI_EKENMERK;
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++)
		if (strcmp(swi_kenmerken[k].element, element) == 0)
			return k;
	return SWI_EKENMERK;
}

SWI_EXPORT int swi_kenmerk_code_count(int k)
{
	const struct swi_kenmerk_def *def = swi_kenmerk_def(k);
	return def ? def->n_codes : SWI_EKENMERK;
}

SWI_EXPORT int swi_kenmerk_code_at(int k, int i, const char **code, const char **meaning)
{
	const struct swi_kenmerk_def *def = swi_kenmerk_def(k);
	if (!def)
		return SWI_EKENMERK;
	if (i < 0 || i >= def->n_codes)
		return SWI_ERANGE;
	if (code)
		*code = def->codes[i].code;
	if (meaning)
		*meaning = def->codes[i].meaning;
	return SWI_OK;
}
