/*
 * The reader's byte sources (source.c): where the bytes of an SWI file
 * come from, a descriptor or memory, and whether they are a zip (then
 * unzip.c streams its entry through the same struct swi_source shape).
 */
#ifndef SWI_SOURCE_H
#define SWI_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes for the parser: read() gives up to `size` bytes, 0 at the end, < 0
 * on an error (errno set for a descriptor). */
struct swi_source {
	int (*read)(void *ctx, char *buf, size_t size);
	void *ctx;
};

/* The input of one read: a file (fd >= 0) or memory (data, size). */
struct swi_input {
	int fd;           /* -1: memory, or not opened */
	const char *data; /* memory input */
	size_t size, pos;
	bool zipped;      /* starts as a zip archive does */
};

/* Opens `path` (or, when path is NULL, takes data/size) and looks at the
 * first bytes. SWI_OK, or SWI_EIO with errno saying why (ENOENT, EACCES,
 * EISDIR...). `in` can be closed either way. */
int swi_input_open(struct swi_input *in, const void *data, size_t size, const char *path);
/* The swi_source read function over an opened struct swi_input. */
int swi_input_read(void *in, char *buf, size_t size);
/* Closes the descriptor, if any; keeps errno. */
void swi_input_close(struct swi_input *in);

#endif
