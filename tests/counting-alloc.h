/*
 * A counting, failing swi_alloc_fn for the allocation-failure tests: it
 * fails call number `fail_at` (and, when `sticky`, every later one), counts
 * the blocks still live, and recognises pointers it never handed out (a
 * header with a magic number sits in front of every block).
 *
 *   struct counting c = {.fail_at = -1};
 *   swi_delivery_new_with_allocator(&d, counting_alloc, &c);
 */
#ifndef SWI_TEST_COUNTING_ALLOC_H
#define SWI_TEST_COUNTING_ALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct counting {
	long calls;     /* calls with size > 0 so far */
	long fail_at;   /* the call that fails; -1: none */
	bool sticky;    /* every call after fail_at fails as well */
	long injected;  /* failures handed out */
	long live;      /* blocks handed out and not freed */
	long bad_frees; /* pointers this allocator never handed out */
};

/* Whether call `n` is one to fail. */
static inline bool counting_fails(long n, long fail_at, bool sticky)
{
	return fail_at >= 0 && (n == fail_at || (sticky && n > fail_at));
}

#define COUNTING_MAGIC UINT64_C(0x5357492d616c6c63)

union counting_header {
	max_align_t align;
	struct {
		uint64_t magic;
		size_t size;
	} h;
};

static inline void *counting_alloc(void *ud, void *ptr, size_t size)
{
	struct counting *c = ud;
	union counting_header *old = ptr ? (union counting_header *)ptr - 1 : NULL;

	if (old && old->h.magic != COUNTING_MAGIC) {
		c->bad_frees++;
		return NULL;
	}
	if (size == 0) {
		if (old) {
			old->h.magic = 0;
			c->live--;
			free(old);
		}
		return NULL;
	}
	if (counting_fails(c->calls++, c->fail_at, c->sticky)) {
		c->injected++;
		return NULL; /* like realloc: the old block stays as it was */
	}
	if (size > SIZE_MAX - sizeof(union counting_header))
		return NULL;
	union counting_header *fresh = realloc(old, sizeof(union counting_header) + size);
	if (!fresh)
		return NULL;
	if (!old)
		c->live++;
	fresh->h.magic = COUNTING_MAGIC;
	fresh->h.size = size;
	return fresh + 1;
}

#endif
