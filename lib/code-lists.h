/*
 * libswi - code-lists.h (private): the number of codes of each code
 * list of lib/kenmerken.c, for arrays sized at compile time.
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
#ifndef SWI_CODE_LISTS_H
#define SWI_CODE_LISTS_H

#define SWI_N_KWARTAAL 4
#define SWI_N_STATISTIEKCODE 1
#define SWI_N_SOFTWAREPAKKET 13
#define SWI_N_GESLACHT 3
#define SWI_N_TYPE_MIGRANT 2
#define SWI_N_NEE_JA 2
#define SWI_N_ANALFABETISME 2
#define SWI_N_TAALNIVEAU 4
#define SWI_N_EINDE_BEGELEIDING_REDEN 2
#define SWI_N_LEERROUTE_ROUTE 3
#define SWI_N_LEERROUTE_NIVEAU 2
#define SWI_N_BOETE_REDEN 2

#endif /* SWI_CODE_LISTS_H */
