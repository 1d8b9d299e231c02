/*
 * Zipped output (guideline 3.4.1 prefers zipped files): one .XML entry,
 * written by hand around zlib's raw deflate. The XML streams through
 * deflate into the sink, so the file is never held in memory twice.
 *
 * Why not a zip library: libarchive (used before) calls exit(1) or crashes
 * when an allocation fails, cannot take the delivery's allocator, and keeps
 * its state after a failed write. zlib takes our allocator (zalloc/zfree),
 * reports every failure as a return value, and the container around one
 * streamed entry is a few fixed-layout headers (PKWARE APPNOTE 6.3):
 *
 *   local header (sizes 0, flag bit 3) | deflate data | data descriptor |
 *   central directory header | end of central directory record
 *
 * The layout does not depend on the sink (a pipe cannot be patched), so a
 * buffer, a pipe, a file and a directory get the same bytes. No Zip64: a
 * streamed entry would need it announced in the local header before its
 * size is known, which streaming readers (Java's ZipInputStream) reject
 * for small files; an XML past 4 GiB is refused with a clear error instead
 * (a 1,000,000-person delivery is about 0.7 GB).
 */
#include "output.h"

#ifdef SWI_WITH_ZIP
#define ZLIB_CONST
#include <string.h>
#include <zlib.h>

#define OUT_SIZE (64 * 1024)
/* A fixed entry time keeps the archive deterministic in every time zone:
 * 2000-01-01 12:00:00 in MS-DOS date and time fields. */
#define DOS_TIME (12u << 11)
#define DOS_DATE (((2000u - 1980u) << 9) | (1u << 5) | 1u)
#define FLAG_DESCRIPTOR 0x0008u /* sizes and CRC follow the data */
#define METHOD_DEFLATE 8u
#define VERSION_NEEDED 20u              /* 2.0: deflate, data descriptor */
#define VERSION_MADE_BY (0x0300u | 20u) /* Unix, so the mode below counts */
#define UNIX_MODE_0600 (0100600u << 16) /* regular file, rw------- */

struct zip_writer {
	swi_delivery *d;
	const struct swi_sink *out;
	z_stream zs;
	unsigned char *buf; /* OUT_SIZE bytes of deflate output */
	uint32_t crc;
	uint64_t size;       /* XML bytes in */
	uint64_t compressed; /* deflate bytes out */
	uint64_t limit;      /* most bytes an entry and the archive may have */
	int rc;              /* the sink's status, or SWI_EUNSUPPORTED past `limit` */
};

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v & 0xff);
	p[1] = (unsigned char)(v >> 8 & 0xff);
}

static void put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xffff);
	put16(p + 2, v >> 16);
}

static voidpf zip_zalloc(voidpf opaque, uInt items, uInt size)
{
	return swi_alloc_array(opaque, items, size);
}

static void zip_zfree(voidpf opaque, voidpf ptr)
{
	swi_free(opaque, ptr);
}

static int emit(struct zip_writer *z, const void *data, size_t len)
{
	if (z->rc == SWI_OK && len)
		z->rc = z->out->write(z->out->ctx, data, len);
	return z->rc;
}

/* Hands the deflate output gathered so far to the sink. */
static int flush_out(struct zip_writer *z)
{
	size_t have = OUT_SIZE - z->zs.avail_out;
	z->compressed += have;
	z->zs.next_out = z->buf;
	z->zs.avail_out = OUT_SIZE;
	return emit(z, z->buf, have);
}

/* The XML writer's sink: CRC and deflate, output in OUT_SIZE pieces. */
static int xml_into_zip(void *ctx, const char *data, size_t len)
{
	struct zip_writer *z = ctx;
	if (z->rc != SWI_OK)
		return z->rc;
	if (len > z->limit - z->size) {
		z->rc = SWI_EUNSUPPORTED;
		return z->rc;
	}
	z->size += len;
	while (len) {
		uInt piece = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
		z->crc = (uint32_t)crc32(z->crc, (const Bytef *)data, piece);
		z->zs.next_in = (const Bytef *)data;
		z->zs.avail_in = piece;
		while (z->zs.avail_in) {
			if (z->zs.avail_out == 0 && flush_out(z) != SWI_OK)
				return z->rc;
			/* Z_NO_FLUSH with input and output room cannot fail. */
			(void)deflate(&z->zs, Z_NO_FLUSH);
		}
		data += piece;
		len -= piece;
	}
	return SWI_OK;
}

static int local_header(struct zip_writer *z, const char *name, size_t name_len)
{
	unsigned char h[30];
	memset(h, 0, sizeof(h));
	put32(h, 0x04034b50);
	put16(h + 4, VERSION_NEEDED);
	put16(h + 6, FLAG_DESCRIPTOR);
	put16(h + 8, METHOD_DEFLATE);
	put16(h + 10, DOS_TIME);
	put16(h + 12, DOS_DATE);
	/* CRC-32 and both sizes stay 0: they are in the data descriptor. */
	put16(h + 26, (unsigned)name_len);
	if (emit(z, h, sizeof(h)) != SWI_OK)
		return z->rc;
	return emit(z, name, name_len);
}

/* Data descriptor, central directory and end record in one write. */
static int trailer(struct zip_writer *z, const char *name, size_t name_len)
{
	unsigned char t[16 + 46 + 64 + 22];
	unsigned char *dd = t, *cd = t + 16, *end = cd + 46 + name_len;
	uint64_t cd_offset = 30 + name_len + z->compressed + 16;
	uint64_t cd_size = 46 + name_len;
	if (z->compressed > z->limit || cd_offset > z->limit - cd_size) {
		z->rc = SWI_EUNSUPPORTED;
		return z->rc;
	}
	memset(t, 0, sizeof(t));
	put32(dd, 0x08074b50);
	put32(dd + 4, z->crc);
	put32(dd + 8, (uint32_t)z->compressed);
	put32(dd + 12, (uint32_t)z->size);

	put32(cd, 0x02014b50);
	put16(cd + 4, VERSION_MADE_BY);
	put16(cd + 6, VERSION_NEEDED);
	put16(cd + 8, FLAG_DESCRIPTOR);
	put16(cd + 10, METHOD_DEFLATE);
	put16(cd + 12, DOS_TIME);
	put16(cd + 14, DOS_DATE);
	put32(cd + 16, z->crc);
	put32(cd + 20, (uint32_t)z->compressed);
	put32(cd + 24, (uint32_t)z->size);
	put16(cd + 28, (unsigned)name_len);
	/* extra, comment, disk, internal attributes: 0 */
	put32(cd + 38, UNIX_MODE_0600);
	put32(cd + 42, 0); /* the local header is at offset 0 */
	memcpy(cd + 46, name, name_len);

	put32(end, 0x06054b50);
	put16(end + 8, 1);
	put16(end + 10, 1);
	put32(end + 12, (uint32_t)cd_size);
	put32(end + 16, (uint32_t)cd_offset);
	return emit(z, t, (size_t)(end + 22 - t));
}

int swi_zip_write_limited(swi_delivery *d, const struct swi_sink *sink, const char *entry_name,
			  uint64_t limit)
{
	size_t name_len = strlen(entry_name);
	if (name_len == 0 || name_len > 64)
		return swi_error(d, SWI_EINVAL, "ongeldige naam voor het zip-item");
	struct zip_writer z = {.d = d, .out = sink, .limit = limit, .rc = SWI_OK};
	z.zs.zalloc = zip_zalloc;
	z.zs.zfree = zip_zfree;
	z.zs.opaque = d;
	z.buf = swi_alloc(d, OUT_SIZE);
	if (!z.buf)
		return swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor de zip-compressie");
	/* Raw deflate (no zlib header): the zip container has its own CRC. */
	int zrc = deflateInit2(&z.zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
	if (zrc != Z_OK) {
		swi_free(d, z.buf);
		return swi_error(d, zrc == Z_MEM_ERROR ? SWI_ENOMEM : SWI_EUNSUPPORTED,
				 zrc == Z_MEM_ERROR ? "onvoldoende geheugen voor de zip-compressie"
						    : "zlib weigert deflate: %s", zlibVersion());
	}
	z.zs.next_out = z.buf;
	z.zs.avail_out = OUT_SIZE;
	z.crc = (uint32_t)crc32(0, Z_NULL, 0);

	int rc = local_header(&z, entry_name, name_len);
	if (rc == SWI_OK) {
		struct swi_sink into = {.write = xml_into_zip, .ctx = &z};
		rc = swi_xml_write(d, &into);
	}
	while (rc == SWI_OK) {
		if (z.zs.avail_out == 0 && flush_out(&z) != SWI_OK) {
			rc = z.rc;
			break;
		}
		zrc = deflate(&z.zs, Z_FINISH);
		if (zrc == Z_STREAM_END)
			break;
		if (zrc != Z_OK && zrc != Z_BUF_ERROR)
			rc = SWI_EIO; /* a broken stream state; zlib documents none here */
	}
	if (rc == SWI_OK && flush_out(&z) == SWI_OK)
		rc = trailer(&z, entry_name, name_len);
	if (rc == SWI_OK)
		rc = z.rc;
	deflateEnd(&z.zs);
	swi_free(d, z.buf);

	if (rc == SWI_EUNSUPPORTED)
		swi_error(d, rc, "het XML-bestand wordt groter dan %llu bytes; zo groot schrijft libswi "
			  "geen zip (geen Zip64): schrijf het ongezipt", (unsigned long long)limit);
	else if (rc == SWI_ENOMEM)
		swi_error(d, rc, "onvoldoende geheugen tijdens het schrijven van het zip-bestand");
	else if (rc != SWI_OK)
		swi_error(d, rc, "schrijven van het zip-bestand mislukt: %s", swi_strerror(rc));
	return rc;
}

int swi_zip_write(swi_delivery *d, const struct swi_sink *sink, const char *entry_name)
{
	/* 32-bit sizes and offsets, and 0xffffffff would announce Zip64. */
	return swi_zip_write_limited(d, sink, entry_name, UINT32_MAX - 1);
}
#else
int swi_zip_write(swi_delivery *d, const struct swi_sink *sink, const char *entry_name)
{
	(void)sink;
	(void)entry_name;
	return swi_error(d, SWI_EUNSUPPORTED, "deze libswi is gebouwd zonder zip-ondersteuning "
			 "(meson -Dzip=enabled, met zlib)");
}
#endif
