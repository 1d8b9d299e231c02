/*
 * Zipped output through libarchive (guideline 3.4.1 prefers zipped
 * files). libarchive streams the XML through deflate with a data
 * descriptor, so the file is never held in memory twice.
 */
#include "output.h"

#ifdef SWI_WITH_ZIP
#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>

struct zip_ctx {
	const struct swi_sink *out;
	int rc;
};

static la_ssize_t archive_out(struct archive *a, void *ctx, const void *buf, size_t len)
{
	struct zip_ctx *z = ctx;
	(void)a;
	if (z->rc == SWI_OK)
		z->rc = z->out->write(z->out->ctx, buf, len);
	return z->rc == SWI_OK ? (la_ssize_t)len : -1;
}

static int xml_into_archive(void *ctx, const char *data, size_t len)
{
	struct archive *a = ctx;
	while (len) {
		la_ssize_t n = archive_write_data(a, data, len);
		if (n <= 0)
			return SWI_EIO;
		data += n;
		len -= (size_t)n;
	}
	return SWI_OK;
}

int swi_zip_write(swi_delivery *d, const struct swi_sink *sink, const char *entry_name)
{
	struct zip_ctx z = {.out = sink, .rc = SWI_OK};
	struct archive *a = archive_write_new();
	struct archive_entry *e = archive_entry_new();
	int rc = SWI_ENOMEM;
	if (!a || !e)
		goto out;
	rc = SWI_EIO;
	/* The entry's size is not known before it is streamed; libarchive then
	 * writes a Zip64 local header with zero sizes, which streaming readers
	 * (Java's ZipInputStream) reject. A delivery stays far below 4 GiB, so
	 * plain 32-bit sizes in the data descriptor are right for every reader. */
	if (archive_write_set_format_zip(a) != ARCHIVE_OK ||
	    archive_write_set_format_option(a, "zip", "zip64", NULL) != ARCHIVE_OK ||
	    archive_write_set_bytes_per_block(a, 0) != ARCHIVE_OK ||
	    archive_write_open2(a, &z, NULL, archive_out, NULL, NULL) != ARCHIVE_OK)
		goto out;
	archive_entry_set_pathname(e, entry_name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0600);
	/* A fixed time keeps the archive deterministic (DOS time in local time,
	 * so equal bytes need an equal TZ). 2000-01-01 12:00 UTC. */
	archive_entry_set_mtime(e, 946728000, 0);
	if (archive_write_header(a, e) != ARCHIVE_OK)
		goto out;
	struct swi_sink into = {.write = xml_into_archive, .ctx = a};
	rc = swi_xml_write(d, &into);
	if (rc == SWI_OK && archive_write_close(a) != ARCHIVE_OK)
		rc = SWI_EIO;
	if (rc == SWI_OK && z.rc != SWI_OK)
		rc = z.rc;
out:
	if (rc != SWI_OK && z.rc != SWI_OK)
		rc = z.rc;
	if (rc != SWI_OK)
		swi_error(d, rc, "zip schrijven mislukt: %s",
			  a && archive_error_string(a) ? archive_error_string(a) : swi_strerror(rc));
	archive_entry_free(e);
	archive_write_free(a);
	return rc;
}
#else
int swi_zip_write(swi_delivery *d, const struct swi_sink *sink, const char *entry_name)
{
	(void)sink;
	(void)entry_name;
	return swi_error(d, SWI_EUNSUPPORTED, "deze libswi is gebouwd zonder zip-ondersteuning "
			 "(meson -Dzip=enabled)");
}
#endif
