/*
 * The rule catalogue: one X-macro list gives every rule its permanent id,
 * severity, kenmerken, guideline section and description. The enum used in
 * the checks, the public catalogue (swi_rule_at) and doc/rules.md all come
 * from this list. Ids are permanent: never renumber, never reuse; retire a
 * rule by keeping its line with RETIRED in the description.
 */
#ifndef SWI_RULES_H
#define SWI_RULES_H

#include "private.h"

/* X(name, id, severity, kenmerken, section, description) */
#define SWI_RULES(X) \
	X(REQUIRED, "SWI-001", ERROR, "1-11, 30, 35-38", "3.1, 3.4.1", \
	  "Een kenmerk dat het XSD-voorschrift in elk record eist, ontbreekt.") \
	X(VALUE, "SWI-002", ERROR, "alle", "3.1, 3.2", \
	  "Een waarde voldoet niet aan de notatie, het bereik of de codelijst van Tabel 2.") \
	X(NO_RULESET, "SWI-003", ERROR, "1", "1, 1.2, 1.6", \
	  "Voor dit statistiekjaar heeft libswi geen regelset: het ligt voor 2022 (Wet inburgering 2021) of meer dan een jaar na de peildatum (doc/years.md).") \
	X(GEMEENTE, "SWI-004", ERROR, "7", "2.1 (kenmerk 7)", \
	  "De gemeentecode staat niet in de CBS-codelijst van gemeenten op 1 januari van het statistiekjaar.") \
	X(FILE_NAME, "SWI-005", ERROR, "1, 2, 6, 7", "3.4.2, 3.4.1", \
	  "De bestandsnaam is niet SWI_[berichtgevercode]_[gemeentecode]_[jjjj][q].XML van deze levering (gezipt: dezelfde naam met .zip).") \
	X(QUARTER_OPEN, "SWI-006", WARNING, "1, 2", "3.3.4", \
	  "Het verslagkwartaal is op de peildatum nog niet verstreken.") \
	X(LATE, "SWI-007", WARNING, "1, 2", "3.3.4", \
	  "De peildatum ligt meer dan 4 weken na het einde van het verslagkwartaal (aanleverperiode).") \
	X(XML, "SWI-008", ERROR, "-", "3.4.1, 4.1.2", \
	  "Het bestand is geen goedgevormde of toegestane XML (syntaxfout, DOCTYPE, entiteit, codering, limiet), of een onbruikbaar zip-bestand (beschadigd, versleuteld, geen of meer dan één .XML-bestand).") \
	X(SCHEMA, "SWI-009", ERROR, "alle", "3.4.1, 4.1.2", \
	  "Het bestand voldoet niet aan het XSD-voorschrift (element, volgorde, aantal, attribuut, namespace).") \
	X(BSN_CHECK, "SWI-010", ERROR, "8", "2.2 (kenmerk 8)", \
	  "Het burgerservicenummer voldoet niet aan de 11-proef of is 000000000.") \
	X(BSN_TWICE, "SWI-011", ERROR, "8", "3.3", \
	  "Hetzelfde burgerservicenummer komt meer dan eens voor in het bestand.") \
	X(AFTER_QUARTER, "SWI-012", ERROR, "9, 12-15, 17, 20-22, 29, 30, 33-36", "2.2, 2.3, 2.4, 2.5", \
	  "Een datum ligt na de laatste dag van het verslagkwartaal (geplande of verwachte datums worden niet geleverd).") \
	X(AFTER_TODAY, "SWI-013", ERROR, "9, 12-15, 17, 20-22, 29, 30, 33-36", "2.2", \
	  "Een datum ligt na de peildatum (vandaag).") \
	X(BEFORE_BIRTH, "SWI-014", ERROR, "12-15, 17, 20-22, 29, 30, 33-36", "2.2", \
	  "Een datum ligt voor de geboortedatum.") \
	X(BEFORE_2022, "SWI-015", WARNING, "12-15, 17, 20-22, 29, 30, 33-36", "1.2", \
	  "Een trajectdatum ligt voor 1 januari 2022, het begin van de Wet inburgering 2021.") \
	X(AGE, "SWI-016", WARNING, "9", "1.2, 2.2 (kenmerk 28)", \
	  "De leeftijd aan het einde van het verslagkwartaal ligt buiten 16 tot en met 70 jaar.") \
	X(RULESET_NEWEST, "SWI-017", WARNING, "1", "1, 1.6", \
	  "Voor dit statistiekjaar heeft libswi geen eigen regelset: de nieuwste regelset is toegepast (de melding noemt die).") \
	X(RULESET_OLDEST, "SWI-018", WARNING, "1", "1.2, 1.6", \
	  "Het statistiekjaar ligt voor de oudste regelset van libswi (vanaf 2022): de oudste regelset is toegepast (de melding noemt die).") \
	X(GEMEENTEN_NEWEST, "SWI-019", WARNING, "1, 7", "2.1 (kenmerk 7)", \
	  "Er is geen CBS-lijst van gemeenten op 1 januari van het statistiekjaar: de gemeentecode is getoetst aan de nieuwste eerdere lijst (de melding noemt die).") \
	X(DOELGROEP, "SWI-020", ERROR, "12, 13, 14, 33, 35", "2.2, 2.3, 2.4", \
	  "Een kenmerk is geleverd voor een doelgroep waarvoor het niet van toepassing is.") \
	X(K19_WITHOUT_K18, "SWI-030", ERROR, "18, 19", "2.2 (kenmerk 19)", \
	  "Analfabetisme is gevuld terwijl Alfabetiseringscursus niet 2 (Ja) is.") \
	X(K19_MISSING, "SWI-031", WARNING, "18, 19", "2.2 (kenmerk 19)", \
	  "Alfabetiseringscursus is 2 (Ja) maar Analfabetisme ontbreekt.") \
	X(K23_WITHOUT_Z, "SWI-032", ERROR, "23, 31, 34", "2.2 (kenmerk 23)", \
	  "Z-route inschatting taalniveau is gevuld zonder afgeronde Z-route (een PIP met route 3 en een einddatum).") \
	X(K24_WITHOUT_K23, "SWI-033", ERROR, "23-27", "2.2 (kenmerk 23-27)", \
	  "Een Z-route taalniveau (lezen, schrijven, spreken, luisteren) is gevuld terwijl de inschatting niet 2 (Ja) is.") \
	X(K24_MISSING, "SWI-034", WARNING, "23-27", "2.2 (kenmerk 24-27)", \
	  "Z-route inschatting taalniveau is 2 (Ja) maar een van de vier taalniveaus ontbreekt.") \
	X(K32_WITHOUT_B1, "SWI-035", ERROR, "31, 32", "2.3 (kenmerk 32)", \
	  "Leerroute niveau is gevuld terwijl de route niet 1 (B1-route) is.") \
	X(K32_MISSING, "SWI-036", WARNING, "31, 32", "2.3 (kenmerk 32)", \
	  "De route is 1 (B1-route) maar het leerroute niveau ontbreekt.") \
	X(K34_WITHOUT_Z, "SWI-037", ERROR, "31, 34", "2.3 (kenmerk 34)", \
	  "Leerroute einddatum is gevuld terwijl de route niet 3 (Z-route) is.") \
	X(K29_MISSING, "SWI-038", ERROR, "28, 29", "2.2 (kenmerk 29)", \
	  "Einde begeleiding reden is gevuld maar de datum ontbreekt.") \
	X(K28_MISSING, "SWI-039", WARNING, "28, 29", "2.2 (kenmerk 28)", \
	  "Einde begeleiding datum is gevuld maar de reden ontbreekt.") \
	X(MAP_WITHOUT_ROUTE, "SWI-040", WARNING, "21, 22, 31", "2.2 (kenmerk 21, 22)", \
	  "MAP-datums zijn gevuld maar de levering bevat geen PIP met de B1- of Z-route.") \
	X(K23_MISSING, "SWI-041", WARNING, "23, 31, 34", "2.2 (kenmerk 23)", \
	  "De Z-route is afgerond (route 3 met einddatum) maar Z-route inschatting taalniveau ontbreekt.") \
	X(K34_AFTER_MOVE, "SWI-042", ERROR, "28, 29, 34", "2.3 (kenmerk 34)", \
	  "Leerroute einddatum ligt na de verhuizing van de persoon (einde begeleiding reden 1 en datum).") \
	X(PIP_NO_ROUTE, "SWI-043", WARNING, "30, 31", "2.3 (kenmerk 31), 5", \
	  "Een PIP zonder leerroute: alleen juist bij ontheffing of vrijstelling; kan de route niet worden ingeschat, dan de B1-route.") \
	X(K34_BEFORE_MOVE, "SWI-044", WARNING, "28, 29, 34", "2.3 (kenmerk 34), 2.2 (kenmerk 23), 3.3.1", \
	  "Leerroute einddatum is gevuld voor een persoon die verhuisd is, op of voor de verhuizing: alleen juist als de Z-route voor de verhuizing is afgerond.") \
	X(ONTZORGEN_ORDER, "SWI-050", ERROR, "13, 14", "2.2 (kenmerk 14)", \
	  "Ontzorgen einddatum ligt voor de begindatum.") \
	X(ONTZORGEN_END_ONLY, "SWI-051", WARNING, "13, 14", "2.2 (kenmerk 13, 14)", \
	  "Ontzorgen einddatum is gevuld zonder begindatum.") \
	X(MAP_ORDER, "SWI-052", ERROR, "21, 22", "2.2 (kenmerk 22)", \
	  "MAP datum eindgesprek ligt voor de datum van de eerste activiteit.") \
	X(MAP_END_ONLY, "SWI-053", WARNING, "21, 22", "2.2 (kenmerk 21, 22)", \
	  "MAP datum eindgesprek is gevuld zonder datum eerste activiteit.") \
	X(ROUTE_ORDER, "SWI-054", ERROR, "33, 34", "2.3 (kenmerk 34)", \
	  "Leerroute einddatum ligt voor de leerroute begindatum.") \
	X(ROUTE_END_ONLY, "SWI-055", WARNING, "33, 34", "2.3 (kenmerk 33, 34)", \
	  "Leerroute einddatum is gevuld zonder begindatum (asielstatushouder).") \
	X(TALKS_MAX, "SWI-060", ERROR, "35", "2.4", \
	  "Meer dan vijf voortgangsgesprekken voor een persoon in een kwartaal.") \
	X(TALK_BEFORE_QUARTER, "SWI-061", WARNING, "35", "2.4, 3.3.1, 3.3.6", \
	  "Een voortgangsgesprek is van voor het verslagkwartaal: alleen leveren als het nog niet geleverd is (nagekomen informatie).") \
	X(TALK_TWICE, "SWI-062", ERROR, "35", "2.4", \
	  "Twee voortgangsgesprekken van een persoon op dezelfde datum.") \
	X(FINE_BEFORE_QUARTER, "SWI-063", WARNING, "36", "2.5, 3.3.1", \
	  "Een boete is van voor het verslagkwartaal: alleen toegestaan als correctie van een eerder geleverde boete.") \
	X(PIP_TWICE, "SWI-064", ERROR, "30", "2.3", \
	  "Twee PIP's van een persoon met dezelfde datum.") \
	X(FINE_TWICE, "SWI-065", ERROR, "36, 37", "2.5", \
	  "Twee boetes van een persoon met dezelfde datum en reden.") \
	X(PIP_NO_INTAKE, "SWI-070", WARNING, "15, 30", "2.2 (kenmerk 15), 5", \
	  "De persoon heeft een PIP maar geen brede intake begindatum.") \
	X(INTAKE_AFTER_PIP, "SWI-071", WARNING, "15, 30", "2.2 (kenmerk 15, 16), 5", \
	  "De brede intake begint na het eerste PIP.") \
	X(HOURS_NO_INTAKE, "SWI-072", WARNING, "15, 16", "2.2 (kenmerk 16)", \
	  "Gevolgde uren taalles en KNM zijn gevuld zonder brede intake begindatum.") \
	X(ROUTE_BEGIN_DIFFERS, "SWI-073", WARNING, "33", "2.3 (kenmerk 33)", \
	  "De leerroute begindatum verschilt tussen de PIP's van een persoon (bij een routewijziging blijft die gelijk).") \
	X(TALK_BEFORE_INTAKE, "SWI-074", WARNING, "15, 35", "2.2 (kenmerk 15), 2.4", \
	  "Een voortgangsgesprek ligt op of voor de brede intake (gesprekken van de intake zijn geen voortgangsgesprekken).") \
	X(TALK_AFTER_END, "SWI-075", WARNING, "29, 35", "2.2 (kenmerk 29), 2.4", \
	  "Een voortgangsgesprek ligt na het einde van de begeleiding.") \
	X(FINE_AFTER_END, "SWI-076", WARNING, "29, 36", "2.2 (kenmerk 29), 2.5", \
	  "Een boete ligt na het einde van de begeleiding.") \
	X(PIP_NO_K18, "SWI-077", WARNING, "18, 30", "2.2 (kenmerk 18)", \
	  "De persoon heeft een PIP maar Alfabetiseringscursus ontbreekt.") \
	X(PIPS_OLD, "SWI-078", WARNING, "30", "3.3.1", \
	  "Meerdere PIP's maar geen met een datum in het verslagkwartaal: het kwartaal erna alleen het meest recente PIP, tenzij gewijzigde of vertraagde informatie.") \
	X(FINE_NO_PIP, "SWI-079", WARNING, "30, 37", "2.5 (kenmerk 37)", \
	  "Een boete met reden 2 (tijdens het inburgeringstraject) voor een persoon zonder PIP in de levering.") \
	X(PREVIOUS_MISMATCH, "SWI-080", ERROR, "1, 2, 7", "3.3.1, 4.1.3", \
	  "De vorige levering is niet die van het voorgaande kwartaal van dezelfde gemeente.") \
	X(TALK_AGAIN, "SWI-081", ERROR, "35", "3.3.1", \
	  "Een voortgangsgesprek is in het vorige kwartaal al geleverd en wordt opnieuw geleverd.") \
	X(FINE_AGAIN, "SWI-082", ERROR, "36-38", "3.3.1, 2.5", \
	  "Een boete is in het vorige kwartaal al geleverd en wordt ongewijzigd opnieuw geleverd.") \
	X(FINE_REASON_CHANGED, "SWI-083", WARNING, "36, 37", "2.5", \
	  "Een opnieuw geleverde boete heeft een andere reden dan in het vorige kwartaal.") \
	X(PERSON_GONE, "SWI-084", WARNING, "8, 28, 29", "3.3.5, 3.3.6", \
	  "Een persoon uit het vorige kwartaal ontbreekt zonder einde begeleiding.") \
	X(ROUTE_BEGIN_CHANGED, "SWI-085", WARNING, "33", "2.3 (kenmerk 33)", \
	  "De leerroute begindatum is veranderd ten opzichte van het vorige kwartaal.") \
	X(PIP_BACKWARDS, "SWI-086", WARNING, "30", "3.3.1", \
	  "Het meest recente PIP is ouder dan het meest recente PIP in het vorige kwartaal.") \
	X(COUNT_JUMP, "SWI-087", WARNING, "-", "4.1.3", \
	  "Het aantal personen, PIP's of boetes wijkt sterk af van het vorige kwartaal.")

enum swi_rule {
#define SWI_RULE_ENUM(name, id, sev, ks, sec, desc) SWI_RULE_##name,
	SWI_RULES(SWI_RULE_ENUM)
#undef SWI_RULE_ENUM
	SWI_RULE_COUNT
};

/*
 * The check a writer runs before it writes: validates, and records
 * SWI_EINVALID with the first error's message in d's last-error slot, or
 * SWI_ENOMEM. SWI_OK if the delivery has no errors.
 */
int swi_rules_gate(swi_delivery *d);

#endif
