/* The reader's entry point with an allocator (reader.c): not exported; the
 * allocation-failure tests (tests/test-alloc-read.c) reach it through the
 * static library. */
#ifndef SWI_READ_INTERNAL_H
#define SWI_READ_INTERNAL_H

#include "private.h"
#include <swi/read.h>

/* swi_read_file() when `path` is set, else swi_read_buffer() of `data`;
 * every allocation of the delivery and the report goes through `alloc`
 * (NULL: libc). */
int swi_read_with_allocator(swi_delivery **out, swi_report **report, const void *data,
			    size_t size, const char *path, const char *xsd_path, unsigned flags,
			    swi_alloc_fn alloc, void *alloc_ud);

#endif
