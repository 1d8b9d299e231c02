/** @file
 * libswi - codes.h: named constants for the codes of every code list
 * of Table 2. Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 *
 * One name per code, the same in C (SWI_TYPE_MIGRANT_ASIELMIGRANT), Java
 * (nl.swi.TypeMigrant.ASIELMIGRANT) and Python (swi.TypeMigrant.ASIELMIGRANT);
 * the naming rule is in doc/internals.md. Numeric codes are
 * enumerators with the code as value, for swi_person_set_int() and friends;
 * the text codes of kenmerk 4 are string macros for the *_set_text
 * functions. Append-only: a constant never changes value and is never
 * removed.
 */
#ifndef SWI_CODES_H
#define SWI_CODES_H

/** Kwartaal: code list of kenmerk 2 (Statistiekkwartaal). */
typedef enum swi_kwartaal {
	SWI_KWARTAAL_KWARTAAL_1 = 1, /**< kwartaal 1 (januari, februari, maart) */
	SWI_KWARTAAL_KWARTAAL_2 = 2, /**< kwartaal 2 (april, mei, juni) */
	SWI_KWARTAAL_KWARTAAL_3 = 3, /**< kwartaal 3 (juli, augustus, september) */
	SWI_KWARTAAL_KWARTAAL_4 = 4, /**< kwartaal 4 (oktober, november, december) */
} swi_kwartaal;

/** Statistiekcode: code list of kenmerk 3 (Statistiekcode). */
typedef enum swi_statistiekcode {
	SWI_STATISTIEKCODE_SWI = 40, /**< Statistiek Wet Inburgering */
} swi_statistiekcode;

/** @name Softwarepakket: code list of kenmerk 4 (Naam softwarepakket) (text codes)
 * @{ */
#define SWI_SOFTWAREPAKKET_SAM "sam" /**< CiVision Samenlevingszaken (PinkRoccade) */
#define SWI_SOFTWAREPAKKET_CYS "cys" /**< Competensys */
#define SWI_SOFTWAREPAKKET_ZNA "zna" /**< CVS Wet Inburgering ZorgNed Automatisering (ZorgNed) */
#define SWI_SOFTWAREPAKKET_INF "inf" /**< Inforing */
#define SWI_SOFTWAREPAKKET_MCT "mct" /**< Mens Centraal */
#define SWI_SOFTWAREPAKKET_MOB "mob" /**< Metaobjects */
#define SWI_SOFTWAREPAKKET_MOZ "moz" /**< Mozard */
#define SWI_SOFTWAREPAKKET_RMW "rmw" /**< RMW RAAK */
#define SWI_SOFTWAREPAKKET_SSD "ssd" /**< Suites voor het Sociaal Domein (Centric) */
#define SWI_SOFTWAREPAKKET_WIZ "wiz" /**< WIZportaal (Solviteers) */
#define SWI_SOFTWAREPAKKET_XWS "xws" /**< X-Works (Blinqt) */
#define SWI_SOFTWAREPAKKET_YAR "yar" /**< Yara */
#define SWI_SOFTWAREPAKKET_AND "and" /**< Ander pakket */
/** @} */

/** Geslacht: code list of kenmerk 10 (Geslacht). */
typedef enum swi_geslacht {
	SWI_GESLACHT_MAN = 1, /**< Man */
	SWI_GESLACHT_VROUW = 2, /**< Vrouw */
	SWI_GESLACHT_ONBEKEND = 3, /**< Onbekend */
} swi_geslacht;

/** TypeMigrant: code list of kenmerk 11 (Type migrant). */
typedef enum swi_type_migrant {
	SWI_TYPE_MIGRANT_ASIELMIGRANT = 1, /**< Asielmigrant */
	SWI_TYPE_MIGRANT_GEZINSMIGRANT = 2, /**< Gezinsmigrant/overige migrant */
} swi_type_migrant;

/** NeeJa: code list of kenmerk 18 (Alfabetiseringscursus), 23 (Z-route - inschatting taalniveau). */
typedef enum swi_nee_ja {
	SWI_NEE_JA_NEE = 1, /**< Nee */
	SWI_NEE_JA_JA = 2, /**< Ja */
} swi_nee_ja;

/** Analfabetisme: code list of kenmerk 19 (Analfabetisme). */
typedef enum swi_analfabetisme {
	SWI_ANALFABETISME_ANALFABEET = 1, /**< Analfabeet */
	SWI_ANALFABETISME_ANDERS_GEALFABETISEERD = 2, /**< Anders-gealfabetiseerd */
} swi_analfabetisme;

/** Taalniveau: code list of kenmerk 24 (Z-route - lezen), 25 (Z-route - schrijven), 26 (Z-route - spreken), 27 (Z-route - luisteren). */
typedef enum swi_taalniveau {
	SWI_TAALNIVEAU_LAGER_DAN_A1 = 1, /**< Lager dan A1 */
	SWI_TAALNIVEAU_A1 = 2, /**< A1 */
	SWI_TAALNIVEAU_A2_OF_HOGER = 3, /**< A2 of hoger */
	SWI_TAALNIVEAU_ONBEKEND = 9, /**< Onbekend */
} swi_taalniveau;

/** EindeBegeleidingReden: code list of kenmerk 28 (Einde begeleiding gemeente - reden). */
typedef enum swi_einde_begeleiding_reden {
	SWI_EINDE_BEGELEIDING_REDEN_VERHUIZING = 1, /**< Verhuizing binnen Nederland naar andere gemeente */
	SWI_EINDE_BEGELEIDING_REDEN_NIET_MEER_INBURGERINGSPLICHTIG = 2, /**< Niet meer inburgeringsplichtig */
} swi_einde_begeleiding_reden;

/** LeerrouteRoute: code list of kenmerk 31 (Leerroute - route). */
typedef enum swi_leerroute_route {
	SWI_LEERROUTE_ROUTE_B1_ROUTE = 1, /**< B1-route */
	SWI_LEERROUTE_ROUTE_ONDERWIJSROUTE = 2, /**< Onderwijsroute */
	SWI_LEERROUTE_ROUTE_Z_ROUTE = 3, /**< Z-route */
} swi_leerroute_route;

/** LeerrouteNiveau: code list of kenmerk 32 (Leerroute - niveau). */
typedef enum swi_leerroute_niveau {
	SWI_LEERROUTE_NIVEAU_B1 = 1, /**< B1 */
	SWI_LEERROUTE_NIVEAU_A2 = 2, /**< A2 */
} swi_leerroute_niveau;

/** BoeteReden: code list of kenmerk 37 (Boete - reden). */
typedef enum swi_boete_reden {
	SWI_BOETE_REDEN_ARTIKEL_22 = 1, /**< Artikel 22, lid 1 of lid 3 Wet inburgering */
	SWI_BOETE_REDEN_ARTIKEL_23 = 2, /**< Artikel 23, lid 1 Wet inburgering */
} swi_boete_reden;

#endif /* SWI_CODES_H */
