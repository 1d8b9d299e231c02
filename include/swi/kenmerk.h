/** @file
 * libswi - kenmerk.h: the 38 kenmerken of the guideline and read-only
 * access to libswi's kenmerken table (element name, category, type,
 * width, code list). Bindings and CSV importers use this to map columns
 * and properties to kenmerk numbers instead of hard-coding them.
 *
 * Every function here is thread-safe and returns static data.
 */
#ifndef SWI_KENMERK_H
#define SWI_KENMERK_H

#include <swi/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The kenmerk numbers of Table 1 of the guideline. Permanent values. */
typedef enum swi_kenmerk {
	SWI_K_STATISTIEKJAAR = 1,
	SWI_K_STATISTIEKKWARTAAL = 2,
	SWI_K_STATISTIEKCODE = 3,
	SWI_K_NAAM_SOFTWAREPAKKET = 4,
	SWI_K_VERSIE_SOFTWAREPAKKET = 5,
	SWI_K_BERICHTGEVERCODE = 6,
	SWI_K_GEMEENTECODE = 7,
	SWI_K_BURGERSERVICENUMMER = 8,
	SWI_K_GEBOORTEDATUM = 9,
	SWI_K_GESLACHT = 10,
	SWI_K_TYPE_MIGRANT = 11,
	SWI_K_MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM = 12,
	SWI_K_ONTZORGEN_BEGINDATUM = 13,
	SWI_K_ONTZORGEN_EINDDATUM = 14,
	SWI_K_BREDE_INTAKE_BEGINDATUM = 15,
	SWI_K_BREDE_INTAKE_UREN_TAAL_KNM = 16,
	SWI_K_WAARSCHUWING_INTAKE_DATUM = 17,
	SWI_K_ALFABETISERINGSCURSUS = 18,
	SWI_K_ANALFABETISME = 19,
	SWI_K_PVT_ONDERTEKENINGSDATUM = 20,
	SWI_K_MAP_DATUM_EERSTE_ACTIVITEIT = 21,
	SWI_K_MAP_DATUM_EINDGESPREK = 22,
	SWI_K_ZROUTE_INSCHATTING_TAALNIVEAU = 23,
	SWI_K_ZROUTE_LEZEN = 24,
	SWI_K_ZROUTE_SCHRIJVEN = 25,
	SWI_K_ZROUTE_SPREKEN = 26,
	SWI_K_ZROUTE_LUISTEREN = 27,
	SWI_K_EINDE_BEGELEIDING_REDEN = 28,
	SWI_K_EINDE_BEGELEIDING_DATUM = 29,
	SWI_K_PIP_DATUM = 30,
	SWI_K_LEERROUTE_ROUTE = 31,
	SWI_K_LEERROUTE_NIVEAU = 32,
	SWI_K_LEERROUTE_BEGINDATUM = 33,
	SWI_K_LEERROUTE_EINDDATUM = 34,
	SWI_K_VOORTGANGSGESPREK_DATUM = 35,
	SWI_K_BOETE_DATUM = 36,
	SWI_K_BOETE_REDEN = 37,
	SWI_K_BOETE_BEDRAG = 38,
} swi_kenmerk;

/** Lowest kenmerk number of the current table. */
#define SWI_KENMERK_FIRST 1
/** Highest kenmerk number of the current table. */
#define SWI_KENMERK_LAST 38

/**
 * Value types (guideline 3.2). They decide what the *_set_int, *_set_date
 * and *_set_text functions accept for a kenmerk.
 */
typedef enum swi_value_type {
	SWI_TYPE_YEAR = 1,     /**< [jjjj]: int 1000..9999 or four digits */
	SWI_TYPE_CODE = 2,     /**< numeric code list: int or digits, e.g. 2 or "2" */
	SWI_TYPE_TEXT_CODE = 3,/**< text code list (k4): text only, e.g. "and" */
	SWI_TYPE_TEXT = 4,     /**< [abc..] text of the 3.2.3 character set */
	SWI_TYPE_CODE4 = 5,    /**< [1234] code with leading zeros: int 0..9999 or 1-4 digits */
	SWI_TYPE_BSN = 6,      /**< nine digits passing the 11-test; 8 digits get a leading 0 */
	SWI_TYPE_DATE = 7,     /**< [jjjjmmdd]: int yyyymmdd, y/m/d, or eight digits */
	SWI_TYPE_NUMBER = 8,   /**< [1234] number 0..9999: int or 1-4 digits */
} swi_value_type;

/**
 * Longest text any getter produces for any kenmerk, including the
 * terminating NUL. A buffer of this size always suffices.
 */
#define SWI_VALUE_MAX 16

/** Element name in the XML (e.g. "Geboortedatum"), or NULL if `k` is unknown. */
SWI_EXPORT const char *swi_kenmerk_element(int k);

/** Dutch name from Table 1 (e.g. "Geboortedatum"), or NULL if `k` is unknown. */
SWI_EXPORT const char *swi_kenmerk_label(int k);

/** The category the kenmerk belongs to, or 0 if `k` is unknown. */
SWI_EXPORT swi_category swi_kenmerk_category(int k);

/** The value type, or 0 if `k` is unknown. */
SWI_EXPORT swi_value_type swi_kenmerk_type(int k);

/** The number of positions in Table 2 (the maximum text length), or 0 if unknown. */
SWI_EXPORT int swi_kenmerk_width(int k);

/**
 * Whether the XML schema requires the kenmerk in every record of its
 * category (k1-k7, k8-k11, k30, k35, k36-k38): 1, 0, or SWI_EKENMERK.
 */
SWI_EXPORT int swi_kenmerk_required(int k);

/**
 * The kenmerk number for an element name (exact, case-sensitive), or
 * SWI_EKENMERK if there is none. `element` may be NULL (SWI_EKENMERK).
 */
SWI_EXPORT int swi_kenmerk_by_element(const char *element);

/**
 * The size of the kenmerk's code list: 0 for a kenmerk without one,
 * SWI_EKENMERK for an unknown kenmerk.
 */
SWI_EXPORT int swi_kenmerk_code_count(int k);

/**
 * Entry `i` (0-based) of the code list: its code as written in the file
 * ("2", "40", "and") and its Dutch meaning ("Vrouw"). Both out-parameters
 * are optional; the strings are static. Returns SWI_OK, SWI_EKENMERK or
 * SWI_ERANGE (i outside the list).
 */
SWI_EXPORT int swi_kenmerk_code_at(int k, int i, const char **code, const char **meaning);

#ifdef __cplusplus
}
#endif

#endif /* SWI_KENMERK_H */
