/*
 * swi_buffer: an owned, growable byte buffer handed to callers, so that
 * nobody has to free libswi memory with libc free().
 */
#include <string.h>

#include "private.h"

swi_buffer *swi_buffer_new(swi_alloc_fn alloc, void *ud)
{
	if (!alloc)
		alloc = swi_libc_alloc;
	swi_buffer *b = alloc(ud, NULL, sizeof(*b));
	if (!b)
		return NULL;
	memset(b, 0, sizeof(*b));
	b->alloc = alloc;
	b->alloc_ud = ud;
	return b;
}

int swi_buffer_append(swi_buffer *b, const void *data, size_t len)
{
	/* Keep room for a NUL after the bytes, so text buffers can be C strings. */
	if (len >= SIZE_MAX - b->size)
		return SWI_ENOMEM;
	if (b->size + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->size + len + 1)
			cap = cap > SIZE_MAX / 2 ? b->size + len + 1 : cap * 2;
		char *grown = b->alloc(b->alloc_ud, b->data, cap);
		if (!grown)
			return SWI_ENOMEM;
		b->data = grown;
		b->cap = cap;
	}
	if (len)
		memcpy(b->data + b->size, data, len);
	b->size += len;
	b->data[b->size] = '\0';
	return SWI_OK;
}

SWI_EXPORT const char *swi_buffer_data(const swi_buffer *b)
{
	return b ? (b->data ? b->data : "") : NULL;
}

SWI_EXPORT size_t swi_buffer_size(const swi_buffer *b)
{
	return b ? b->size : 0;
}

SWI_EXPORT void swi_buffer_free(swi_buffer *b)
{
	if (!b)
		return;
	if (b->data)
		b->alloc(b->alloc_ud, b->data, 0);
	b->alloc(b->alloc_ud, b, 0);
}
