/*
 * The CBS municipality lists (code list "Gemeentelijke indeling op
 * 1 januari"), one per year, generated at build time from lib/data/.
 */
#ifndef SWI_GEMEENTEN_H
#define SWI_GEMEENTEN_H

#include <stddef.h>
#include <stdint.h>

struct swi_gemeente {
	uint16_t code;
	const char *name;
};

struct swi_gemeente_list {
	int year;
	const struct swi_gemeente *gemeenten; /* sorted by code */
	size_t count;
};

extern const struct swi_gemeente_list swi_gemeente_lists[];
extern const size_t swi_gemeente_list_count;

/* The list valid on 1 January of `year`, or NULL. */
const struct swi_gemeente_list *swi_gemeenten_for_year(int year);
/* The municipality with `code` in `list`, or NULL. */
const struct swi_gemeente *swi_gemeente_find(const struct swi_gemeente_list *list, uint16_t code);

#endif
