/*
 * Where written bytes go: a sink is a write callback. The XML writer
 * produces into a sink; output.c provides the buffer, descriptor, file and
 * zip sinks behind the public swi_delivery_write_* functions.
 */
#ifndef SWI_OUTPUT_H
#define SWI_OUTPUT_H

#include "private.h"

struct swi_sink {
	/* Writes all `len` bytes or returns a negative status. */
	int (*write)(void *ctx, const char *data, size_t len);
	void *ctx;
};

/* Writes the delivery as XML into the sink. SWI_OK or the sink's error. */
int swi_xml_write(swi_delivery *d, const struct swi_sink *sink);

/*
 * swi_delivery_write_dir() with hooks for the tests (tests/test-writer.c);
 * the public function passes NULL. `no_tmpfile` takes the named-temp-file
 * path that is used where O_TMPFILE is not supported; `after_write` runs
 * after each block has reached the temporary file (`fd`), so a test can
 * stop or kill the writer in the middle.
 */
struct swi_write_dir_hooks {
	bool no_tmpfile;
	void (*after_write)(void *ud, int fd);
	void *ud;
};
int swi_write_dir_with(swi_delivery *d, unsigned flags, const char *dir, char *path_buf,
		       size_t path_size, const struct swi_write_dir_hooks *hooks);

/* Zip support (zip.c); `entry_name` is the .XML name inside the archive.
 * SWI_OK, the sink's error, SWI_ENOMEM, or SWI_EUNSUPPORTED (built without
 * zip, or an XML of 4 GiB or more); the message is in the delivery. Frees
 * everything it allocated in every case. */
int swi_zip_write(swi_delivery *d, const struct swi_sink *sink, const char *entry_name);
/* As swi_zip_write(), refusing an entry or archive larger than `limit`
 * bytes (swi_zip_write: 0xfffffffe); for the tests of that refusal. */
int swi_zip_write_limited(swi_delivery *d, const struct swi_sink *sink, const char *entry_name,
			  uint64_t limit);

#endif
