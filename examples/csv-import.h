/*
 * Reading a delivery from CSV exports: one file per record kind, a header
 * row of XML element names (see swi_kenmerk_by_element), one row per
 * record, records keyed by Burgerservicenummer. An empty cell leaves the
 * kenmerk unset. Shared by the example programs; it only uses the public
 * libswi API, as a vendor's importer would.
 *
 *   levering.csv    one row: Statistiekjaar,Statistiekkwartaal,...
 *   personen.csv    Burgerservicenummer,Geboortedatum,...
 *   pips.csv        Burgerservicenummer,PIPDatum,LeerrouteRoute,...
 *   gesprekken.csv  Burgerservicenummer,VoortgangsgesprekDatum
 *   boetes.csv      Burgerservicenummer,BoeteDatum,BoeteReden,BoeteBedrag
 */
#ifndef SWI_EXAMPLES_CSV_IMPORT_H
#define SWI_EXAMPLES_CSV_IMPORT_H

#include <stdio.h>
#include <swi/swi.h>

/*
 * Reads the CSV files from `dir` into `d`. Missing record files are
 * allowed (no such records); levering.csv and personen.csv must exist.
 * Every rejected value is reported on `errors` with file, line and column,
 * and the import goes on. Returns the number of rejected values, or -1 if
 * a file could not be read.
 */
int csv_import_dir(swi_delivery *d, const char *dir, FILE *errors);

#endif
