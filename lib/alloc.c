/*
 * The allocator of a delivery: every allocation of the library goes through
 * the delivery's swi_alloc_fn (libc unless the caller gave one).
 */
#include <stdint.h>
#include <stdlib.h>

#include "private.h"

void *swi_libc_alloc(void *ud, void *ptr, size_t size)
{
	(void)ud;
	if (size == 0) {
		free(ptr);
		return NULL;
	}
	return realloc(ptr, size);
}

void *swi_alloc(swi_delivery *d, size_t size)
{
	return d->alloc(d->alloc_ud, NULL, size ? size : 1);
}

void *swi_realloc(swi_delivery *d, void *ptr, size_t size)
{
	return d->alloc(d->alloc_ud, ptr, size ? size : 1);
}

void swi_free(swi_delivery *d, void *ptr)
{
	if (ptr)
		d->alloc(d->alloc_ud, ptr, 0);
}

void *swi_alloc_array(swi_delivery *d, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return swi_alloc(d, n * size);
}
