/*
 * The delivery's allocator (alloc.c): every allocation of the library
 * goes through the swi_alloc_fn the delivery was made with.
 */
#ifndef SWI_ALLOC_H
#define SWI_ALLOC_H

#include <stddef.h>

#include <swi/swi.h>

void *swi_alloc(swi_delivery *d, size_t size);
void *swi_realloc(swi_delivery *d, void *ptr, size_t size);
void swi_free(swi_delivery *d, void *ptr);
/* Overflow-checked n * size; NULL (and no call) on overflow. */
void *swi_alloc_array(swi_delivery *d, size_t n, size_t size);

/* Used when no allocator is given. */
void *swi_libc_alloc(void *ud, void *ptr, size_t size);

#endif
