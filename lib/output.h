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

/* Zip support (zip.c); `entry_name` is the .XML name inside the archive. */
int swi_zip_write(swi_delivery *d, const struct swi_sink *sink, const char *entry_name);

#endif
