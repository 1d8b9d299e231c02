/*
 * The CBS municipality lists (code list "Gemeentelijke indeling op
 * 1 januari"), one per year: compiled in from lib/data/ (the default), or
 * read at run time from CSV files (gemeenten.c, doc/years.md).
 */
#ifndef SWI_GEMEENTEN_H
#define SWI_GEMEENTEN_H

#include <stddef.h>
#include <stdint.h>

#include "private.h"

struct swi_gemeente {
	uint16_t code;
	const char *name;
};

struct swi_gemeente_list {
	int year;
	const struct swi_gemeente *gemeenten; /* sorted by code */
	size_t count;
};

/* The compiled-in lists (generated gemeenten.c), oldest first. */
extern const struct swi_gemeente_list swi_gemeente_lists[];
extern const size_t swi_gemeente_list_count;

/* A list read from a file: the list, its entries and names in one block. */
struct swi_gemeente_loaded {
	struct swi_gemeente_list list;
	void *block; /* d's allocator */
};

/* The list validation uses for a delivery's year (swi_gemeenten_resolve()). */
struct swi_gemeente_choice {
	const struct swi_gemeente_list *list; /* never NULL after SWI_OK */
	struct swi_gemeente_loaded owned;     /* a file read for this choice, or block NULL */
	char source[200];                     /* the file it came from; "" if compiled in */
};

/*
 * The list that applies to statistiekjaar `year` (doc/years.md): for the
 * year itself and then each earlier year, the delivery's own list, then
 * $SWI_GEMEENTEN_DIR/gemeenten-YYYY.csv, then the installed data directory,
 * then the compiled-in list; below every list, the oldest compiled one.
 * `today` (yyyymmdd) bounds the years probed on disk. SWI_OK, or SWI_EIO,
 * SWI_EDATAFILE, SWI_ENOMEM with the message in d's last-error slot.
 * Release with swi_gemeenten_choice_release().
 */
int swi_gemeenten_resolve(swi_delivery *d, int year, int32_t today,
			  struct swi_gemeente_choice *out);
void swi_gemeenten_choice_release(swi_delivery *d, struct swi_gemeente_choice *c);
/* Frees the lists given to the delivery (swi_delivery_free()). */
void swi_gemeenten_release_all(swi_delivery *d);

/* The municipality with `code` in `list`, or NULL. */
const struct swi_gemeente *swi_gemeente_find(const struct swi_gemeente_list *list, uint16_t code);

#endif
