/*
 * Zipped input (unzip.c): the one .XML entry of a zip archive, found
 * through the central directory and streamed out inflated, for the reader.
 * Nothing here is part of the ABI.
 */
#ifndef SWI_UNZIP_H
#define SWI_UNZIP_H

#include "private.h"

/* Where the archive's bytes are: `size` bytes at `data`, or (data NULL)
 * the regular file open at `fd`, read with pread (the offset is kept). */
struct swi_unzip_input {
	const void *data;
	size_t size;
	int fd;
	bool show_bsn; /* entry names in messages: runs of 8+ digits unmasked */
};

/* Room for a reason in `why` (Dutch, one line, names escaped and capped). */
#define SWI_UNZIP_WHY 400

struct swi_unzip;

/*
 * Finds the archive's single .XML entry and prepares it for reading. All
 * memory (also zlib's) comes from the allocator of `d`.
 * SWI_OK: *out is ready. SWI_EFORMAT: the archive cannot be read as an SWI
 * delivery (damaged, truncated, encrypted, another compression method, no
 * or several .XML entries, ...); `why` says what, naming the entries.
 * SWI_EIO: reading the file failed (errno). SWI_ENOMEM. On failure *out
 * is NULL and nothing is left allocated.
 */
int swi_unzip_open(struct swi_unzip **out, swi_delivery *d, const struct swi_unzip_input *in,
		   char why[SWI_UNZIP_WHY]);

/*
 * Reads up to `size` inflated bytes of the entry into `buf` (`z` is the
 * struct swi_unzip; the shape of the reader's byte source). Returns the
 * count (> 0), 0 at the end once the sizes and the CRC-32 have been
 * checked, or a negative status, which then stays (swi_unzip_status):
 * SWI_EFORMAT with the reason in the `why` given to swi_unzip_open (bad
 * data, wrong CRC or size, more than the declared size), SWI_EIO, or
 * SWI_ENOMEM.
 */
int swi_unzip_read(void *z, char *buf, size_t size);

/* SWI_OK, or the error swi_unzip_read() returned. */
int swi_unzip_status(const struct swi_unzip *z);

/* Frees everything; accepts NULL. */
void swi_unzip_close(struct swi_unzip *z);

#endif
