/*
 * A delivery to and from CSV files as spreadsheets write them: one file
 * per record kind, a header row of XML element names (see
 * swi_kenmerk_by_element), one row per record, records keyed by
 * Burgerservicenummer. The format, its detection rules and its errors are
 * described in doc/csv.md. Shared by the example programs; it only uses the
 * public libswi API, as a vendor's importer would.
 *
 *   levering.csv    one row: Statistiekjaar,Statistiekkwartaal,...
 *   personen.csv    Burgerservicenummer,Geboortedatum,...
 *   pips.csv        Burgerservicenummer,PIPDatum,LeerrouteRoute,...
 *   gesprekken.csv  Burgerservicenummer,VoortgangsgesprekDatum
 *   boetes.csv      Burgerservicenummer,BoeteDatum,BoeteReden,BoeteBedrag
 *
 * Reading accepts UTF-8 with or without a byte order mark, ',' ';' or tab
 * as separator (detected per file from its header row, or forced), CRLF or
 * LF, RFC 4180 quoting (separators, doubled quotes and line breaks inside
 * quotes), dates as jjjjmmdd, jjjj-mm-dd and dd-mm-jjjj, lines of any
 * length and blank lines. No fixed line buffer: one field holds at most
 * CSV_MAX_FIELD bytes, a row at most CSV_MAX_COLUMNS columns; more is a
 * refusal, never a silent truncation.
 */
#ifndef SWI_EXAMPLES_CSV_IMPORT_H
#define SWI_EXAMPLES_CSV_IMPORT_H

#include <stdio.h>
#include <swi/swi.h>

/* The longest field read (no SWI value comes near it) and the widest row. */
#define CSV_MAX_FIELD 4096
#define CSV_MAX_COLUMNS 256
/* Refusals printed per file; the rest are only counted. */
#define CSV_MAX_MESSAGES 100

/* The separator for a --separator value: ',' ';' '\t' ("tab" or a tab), or -1. */
int csv_parse_separator(const char *s);

/*
 * Reads the CSV files from `dir` into `d`. Missing record files are
 * allowed (no such records); levering.csv and personen.csv must exist.
 * `separator` is ',' ';' or '\t', or 0 to detect it per file. Every
 * refused value is reported on `errors` with file, line (the physical line
 * where the row starts), column (number and header) and kenmerk, and the
 * import goes on. Returns the number of refusals, -1 if a file could not
 * be read at all (missing, unreadable, UTF-16), or -2 out of memory.
 */
int csv_import_dir(swi_delivery *d, const char *dir, int separator, FILE *errors);

/*
 * Reads one CSV file of record kind `kind` from `f` into `d`; `name`
 * names it in messages. Returns as csv_import_dir(). Used by
 * csv_import_dir() and the tests; `f` must be seekable for detection.
 */
int csv_import_stream(swi_delivery *d, FILE *f, const char *name, swi_category kind,
		      int separator, FILE *errors);

/*
 * Writes `d` as the five CSV files into `dir` in the shape csv_import_dir()
 * reads: every kenmerk of the kind as a column (k3 Statistiekcode, always
 * 40, left out), in kenmerk order, values exactly as in the SWI file
 * (dates jjjjmmdd, codes with leading zeros, BSNs as nine digits: these
 * are the caller's own data files), LF line ends, no byte order mark,
 * `separator` (',' when 0), quotes only where a value needs them. With
 * `overwrite` 0 an existing file is not replaced. Each file appears whole
 * or not at all, readable by its owner only (mode 0600: full BSNs).
 * Returns 0, or -1 after a message on `errors`.
 */
int csv_export_dir(const swi_delivery *d, const char *dir, int separator, int overwrite,
		   FILE *errors);

#endif
