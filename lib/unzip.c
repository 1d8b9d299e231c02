/*
 * Zipped input: the one .XML entry of a zip archive (PKWARE APPNOTE 6.3),
 * located through the central directory and streamed out through zlib's
 * raw inflate, so an archive is never inflated into memory. Everything is
 * checked against the central directory before a byte is handed out, and
 * the sizes and CRC-32 once the entry ends. What is wrong gets its own
 * Dutch reason, with entry names escaped and capped (they come from the
 * file). Memory, zlib's included, comes from the delivery's allocator.
 *
 * Limits: the central directory (1 MiB, names of 1,024 bytes), and the
 * entry may inflate to at most MAX_RATIO times its compressed size (plus
 * 1 MiB), checked before reading and enforced while inflating: a zip bomb
 * is refused, an SWI file (about 15:1) never is.
 */
#define _POSIX_C_SOURCE 200809L
#define ZLIB_CONST

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "unzip.h"

#define EOCD_SIZE 22
#define EOCD_SEARCH (EOCD_SIZE + 65535) /* the record plus the longest comment */
#define LOCATOR_SIZE 20
#define EOCD64_SIZE 56
#define CDH_SIZE 46
#define LFH_SIZE 30
#define MAX_CD (1u << 20)
#define MAX_NAME 1024
#define MAX_RATIO 100
#define RATIO_SLACK (1u << 20)
#define IN_SIZE (64 * 1024)
#define SHOWN_NAMES 4
#define SHOWN_NAME_BYTES 48

#define SIG_LFH 0x04034b50u
#define SIG_CDH 0x02014b50u
#define SIG_EOCD 0x06054b50u
#define SIG_LOCATOR 0x07064b50u
#define SIG_EOCD64 0x06064b50u

struct swi_unzip {
	swi_delivery *d;
	struct swi_unzip_input in;
	uint64_t file_size;
	char *why;
	char entry[SHOWN_NAME_BYTES * 4 + 8];
	unsigned method;
	uint64_t data_off, comp_size, size;
	uint32_t crc_expected, crc;
	uint64_t comp_read, out_done;
	z_stream zs;
	bool inflating, ended, done;
	unsigned char *inbuf; /* IN_SIZE, for a file */
	int status;
};

static unsigned get16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)get16(p) | (uint32_t)get16(p + 2) << 16;
}

static uint64_t get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static void say(struct swi_unzip *z, const char *fmt, ...) SWI_ATTR_PRINTF(2, 3);
static void say(struct swi_unzip *z, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(z->why, SWI_UNZIP_WHY, fmt, ap);
	va_end(ap);
}

/*
 * A name from the archive for a message: in quotes, at most
 * SHOWN_NAME_BYTES of it, every byte outside printable ASCII (and the
 * quote and backslash) as \xNN, and runs of eight or more digits masked
 * but their last four, as BSNs are (unless the caller asked for them).
 */
static void show_name(char *out, size_t size, const unsigned char *name, size_t len,
		      bool show_bsn)
{
	size_t o = 0, shown = len < SHOWN_NAME_BYTES ? len : SHOWN_NAME_BYTES;
	size_t run_end = 0;
	bool mask = false;
	if (size < 16)
		return;
	out[o++] = '\'';
	for (size_t i = 0; i < shown && o + 8 < size; i++) {
		unsigned char c = name[i];
		if (c >= '0' && c <= '9' && i >= run_end) {
			run_end = i;
			while (run_end < len && name[run_end] >= '0' && name[run_end] <= '9')
				run_end++;
			mask = !show_bsn && run_end - i >= 8;
		}
		if (c >= '0' && c <= '9' && mask && i + 4 < run_end)
			out[o++] = '*';
		else if (c < 0x20 || c >= 0x7f || c == '\'' || c == '\\')
			o += (size_t)snprintf(out + o, size - o, "\\x%02x", c);
		else
			out[o++] = (char)c;
	}
	if (shown < len)
		o += (size_t)snprintf(out + o, size - o, "...");
	snprintf(out + o, size - o, "'");
}

static int fail(struct swi_unzip *z, int status)
{
	z->status = status;
	return status;
}

/* `len` bytes at `off` of the archive into `dst`. */
static int get(struct swi_unzip *z, uint64_t off, void *dst, size_t len)
{
	if (off > z->file_size || len > z->file_size - off) {
		say(z, "zip-bestand afgebroken: het verwijst naar byte %llu van een bestand van %llu "
		    "bytes", (unsigned long long)(off + len), (unsigned long long)z->file_size);
		return SWI_EFORMAT;
	}
	if (z->in.data) {
		memcpy(dst, (const unsigned char *)z->in.data + off, len);
		return SWI_OK;
	}
	unsigned char *p = dst;
	while (len) {
		ssize_t n = pread(z->in.fd, p, len, (off_t)off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return SWI_EIO;
		if (n == 0) {
			say(z, "zip-bestand werd korter tijdens het lezen");
			return SWI_EFORMAT;
		}
		p += n;
		off += (uint64_t)n;
		len -= (size_t)n;
	}
	return SWI_OK;
}

/* `len` bytes at `off`: in place for memory, else read into a new block
 * (*owned, for swi_free). */
static int load(struct swi_unzip *z, uint64_t off, size_t len, const unsigned char **p,
		unsigned char **owned)
{
	*owned = NULL;
	if (z->in.data && off <= z->file_size && len <= z->file_size - off) {
		*p = (const unsigned char *)z->in.data + off;
		return SWI_OK;
	}
	*owned = swi_alloc(z->d, len);
	if (!*owned)
		return SWI_ENOMEM;
	int rc = get(z, off, *owned, len);
	*p = *owned;
	return rc;
}

struct cd_entry {
	const unsigned char *h, *name, *extra;
	size_t name_len, extra_len;
};

/* The central directory entry at *pos; advances *pos. */
static int cd_next(struct swi_unzip *z, const unsigned char *cd, size_t cd_size, size_t *pos,
		   unsigned index, struct cd_entry *e)
{
	if (cd_size - *pos < CDH_SIZE || get32(cd + *pos) != SIG_CDH) {
		say(z, "zip-bestand beschadigd: item %u van de centrale map ontbreekt of is geen "
		    "item", index + 1);
		return SWI_EFORMAT;
	}
	e->h = cd + *pos;
	e->name_len = get16(e->h + 28);
	e->extra_len = get16(e->h + 30);
	size_t total = CDH_SIZE + e->name_len + e->extra_len + get16(e->h + 32);
	if (cd_size - *pos < total) {
		say(z, "zip-bestand beschadigd: item %u loopt voorbij het einde van de centrale map",
		    index + 1);
		return SWI_EFORMAT;
	}
	e->name = e->h + CDH_SIZE;
	e->extra = e->name + e->name_len;
	*pos += total;
	if (e->name_len > MAX_NAME) {
		char shown[SHOWN_NAME_BYTES * 4 + 8];
		show_name(shown, sizeof(shown), e->name, e->name_len, z->in.show_bsn);
		say(z, "zip-bestand met een naam van %zu bytes (hoogstens %d): %s", e->name_len,
		    MAX_NAME, shown);
		return SWI_EFORMAT;
	}
	return SWI_OK;
}

static bool is_dir(const struct cd_entry *e)
{
	return e->name_len && e->name[e->name_len - 1] == '/';
}

static bool is_xml(const struct cd_entry *e)
{
	return e->name_len > 4 && !is_dir(e) &&
	       strncasecmp((const char *)e->name + e->name_len - 4, ".xml", 4) == 0;
}

/* "'a.txt', 'map/' en nog 3": the entries (only the .XML ones if `xml`). */
static void list_entries(struct swi_unzip *z, const unsigned char *cd, size_t cd_size,
			 uint64_t n, bool xml, char *out, size_t size)
{
	size_t pos = 0, o = 0;
	unsigned shown = 0, more = 0;
	out[0] = '\0';
	for (uint64_t i = 0; i < n; i++) {
		struct cd_entry e;
		if (cd_next(z, cd, cd_size, &pos, (unsigned)i, &e) != SWI_OK)
			break;
		if (xml && !is_xml(&e))
			continue;
		if (shown == SHOWN_NAMES) {
			more++;
			continue;
		}
		char name[SHOWN_NAME_BYTES * 4 + 8];
		show_name(name, sizeof(name), e.name, e.name_len, z->in.show_bsn);
		int w = snprintf(out + o, size - o, "%s%s", shown ? ", " : "", name);
		if (w < 0 || (size_t)w >= size - o)
			break;
		o += (size_t)w;
		shown++;
	}
	if (more)
		snprintf(out + o, size - o, " en nog %u", more);
}

/* Sizes and offset from the Zip64 extra field, for the fields that are 0xffffffff. */
static bool zip64_extra(const struct cd_entry *e, uint64_t *size, uint64_t *comp,
			uint64_t *offset)
{
	const unsigned char *x = e->extra;
	size_t left = e->extra_len;
	while (left >= 4) {
		unsigned id = get16(x), n = get16(x + 2);
		if (n > left - 4)
			return false;
		if (id == 0x0001) {
			const unsigned char *p = x + 4;
			uint64_t *fields[] = {size, comp, offset};
			for (int i = 0; i < 3; i++) {
				if (*fields[i] != UINT32_MAX)
					continue;
				if (p + 8 > x + 4 + n)
					return false;
				*fields[i] = get64(p);
				p += 8;
			}
			return true;
		}
		x += 4 + n;
		left -= 4 + n;
	}
	return false;
}

static const char *method_name(unsigned m)
{
	switch (m) {
	case 1: return "shrink";
	case 6: return "implode";
	case 9: return "deflate64";
	case 12: return "bzip2";
	case 14: return "LZMA";
	case 93: return "zstd";
	case 95: return "xz";
	case 98: return "PPMd";
	default: return "onbekend";
	}
}

static voidpf unzip_zalloc(voidpf opaque, uInt items, uInt size)
{
	return swi_alloc_array(opaque, items, size);
}

static void unzip_zfree(voidpf opaque, voidpf ptr)
{
	swi_free(opaque, ptr);
}

/* Checks the chosen entry and its local header; sets up the reading. */
static int open_entry(struct swi_unzip *z, const struct cd_entry *e, uint64_t cd_off)
{
	unsigned flags = get16(e->h + 8);
	z->method = get16(e->h + 10);
	z->crc_expected = get32(e->h + 16);
	z->comp_size = get32(e->h + 20);
	z->size = get32(e->h + 24);
	uint64_t offset = get32(e->h + 42);
	if ((z->comp_size == UINT32_MAX || z->size == UINT32_MAX || offset == UINT32_MAX) &&
	    !zip64_extra(e, &z->size, &z->comp_size, &offset)) {
		say(z, "zip-bestand beschadigd: de Zip64-gegevens van %s ontbreken", z->entry);
		return SWI_EFORMAT;
	}
	/* Bit 0: encrypted; bit 6: strong encryption; method 99: AES. */
	if ((flags & 0x0041) || z->method == 99) {
		say(z, "zip-bestand: %s is versleuteld; lever het zonder wachtwoord", z->entry);
		return SWI_EFORMAT;
	}
	if (z->method != 0 && z->method != 8) {
		say(z, "zip-bestand: %s is gecomprimeerd met methode %u (%s); libswi leest "
		    "alleen deflate (8) en opgeslagen (0)", z->entry, z->method,
		    method_name(z->method));
		return SWI_EFORMAT;
	}
	unsigned char h[LFH_SIZE];
	if (offset > cd_off || cd_off - offset < LFH_SIZE) {
		say(z, "zip-bestand beschadigd: de lokale kop van %s ligt buiten het bestand",
		    z->entry);
		return SWI_EFORMAT;
	}
	int rc = get(z, offset, h, sizeof(h));
	if (rc != SWI_OK)
		return rc;
	if (get32(h) != SIG_LFH) {
		say(z, "zip-bestand beschadigd: geen lokale kop voor %s", z->entry);
		return SWI_EFORMAT;
	}
	size_t name_len = get16(h + 26), extra_len = get16(h + 28);
	unsigned char name[MAX_NAME];
	if ((get16(h + 6) & 0x0041) != (flags & 0x0041) || get16(h + 8) != z->method ||
	    name_len != e->name_len) {
		say(z, "zip-bestand beschadigd: de lokale kop van %s zegt iets anders dan de "
		    "centrale map", z->entry);
		return SWI_EFORMAT;
	}
	if ((rc = get(z, offset + LFH_SIZE, name, name_len)) != SWI_OK)
		return rc;
	if (memcmp(name, e->name, name_len) != 0) {
		say(z, "zip-bestand beschadigd: de lokale kop van %s noemt een andere naam", z->entry);
		return SWI_EFORMAT;
	}
	z->data_off = offset + LFH_SIZE + name_len + extra_len;
	if (z->data_off > cd_off || z->comp_size > cd_off - z->data_off) {
		say(z, "zip-bestand afgebroken of beschadigd: de gegevens van %s lopen voorbij de "
		    "centrale map", z->entry);
		return SWI_EFORMAT;
	}
	if (z->method == 0 && z->comp_size != z->size) {
		say(z, "zip-bestand beschadigd: %s is opgeslagen, maar heeft twee verschillende "
		    "groottes (%llu en %llu bytes)", z->entry, (unsigned long long)z->comp_size,
		    (unsigned long long)z->size);
		return SWI_EFORMAT;
	}
	if (z->size > (uint64_t)MAX_RATIO * z->comp_size + RATIO_SLACK) {
		say(z, "zip-bestand: %s pakt uit van %llu tot %llu bytes, meer dan %d keer zo groot; "
		    "geweigerd als mogelijke zip-bom", z->entry, (unsigned long long)z->comp_size,
		    (unsigned long long)z->size, MAX_RATIO);
		return SWI_EFORMAT;
	}
	z->crc = (uint32_t)crc32(0, Z_NULL, 0);
	if (z->method == 8) {
		if (!z->in.data && !(z->inbuf = swi_alloc(z->d, IN_SIZE)))
			return SWI_ENOMEM;
		z->zs.zalloc = unzip_zalloc;
		z->zs.zfree = unzip_zfree;
		z->zs.opaque = z->d;
		int zrc = inflateInit2(&z->zs, -15);
		if (zrc == Z_MEM_ERROR)
			return SWI_ENOMEM;
		if (zrc != Z_OK) {
			say(z, "zlib weigert inflate (%s)", zlibVersion());
			return SWI_EFORMAT;
		}
		z->inflating = true;
	}
	return SWI_OK;
}

/* The end of central directory record, Zip64's if there is one. */
static int find_directory(struct swi_unzip *z, uint64_t *cd_off, uint64_t *cd_size,
			  uint64_t *entries)
{
	size_t tail_len = z->file_size < EOCD_SEARCH ? (size_t)z->file_size : EOCD_SEARCH;
	const unsigned char *tail;
	unsigned char *owned;
	int rc = load(z, z->file_size - tail_len, tail_len, &tail, &owned);
	if (rc != SWI_OK) {
		swi_free(z->d, owned);
		return rc;
	}
	/* From the back: the record whose comment ends the file. */
	const unsigned char *end = NULL;
	for (size_t i = tail_len >= EOCD_SIZE ? tail_len - EOCD_SIZE + 1 : 0; i-- > 0;) {
		if (get32(tail + i) == SIG_EOCD && i + EOCD_SIZE + get16(tail + i + 20) == tail_len) {
			end = tail + i;
			break;
		}
	}
	if (!end) {
		swi_free(z->d, owned);
		say(z, "zip-bestand afgebroken of beschadigd: het einde van de centrale map ontbreekt");
		return SWI_EFORMAT;
	}
	uint64_t end_pos = z->file_size - tail_len + (uint64_t)(end - tail);
	unsigned disk = get16(end + 4), cd_disk = get16(end + 6);
	uint64_t on_disk = get16(end + 8);
	*entries = get16(end + 10);
	*cd_size = get32(end + 12);
	*cd_off = get32(end + 16);
	swi_free(z->d, owned);
	uint64_t limit = end_pos;
	if (*entries == 0xffff || on_disk == 0xffff || *cd_size == UINT32_MAX ||
	    *cd_off == UINT32_MAX || disk == 0xffff || cd_disk == 0xffff) {
		unsigned char loc[LOCATOR_SIZE], rec[EOCD64_SIZE];
		if (end_pos < LOCATOR_SIZE ||
		    (rc = get(z, end_pos - LOCATOR_SIZE, loc, sizeof(loc))) != SWI_OK ||
		    get32(loc) != SIG_LOCATOR) {
			if (rc == SWI_OK || rc == SWI_EFORMAT)
				say(z, "zip-bestand beschadigd: het Zip64-einde van de centrale map "
				    "ontbreekt");
			return rc == SWI_EIO ? rc : SWI_EFORMAT;
		}
		uint64_t rec_pos = get64(loc + 8);
		if (rec_pos > end_pos - LOCATOR_SIZE || end_pos - LOCATOR_SIZE - rec_pos < EOCD64_SIZE ||
		    (rc = get(z, rec_pos, rec, sizeof(rec))) != SWI_OK || get32(rec) != SIG_EOCD64) {
			if (rc == SWI_OK || rc == SWI_EFORMAT)
				say(z, "zip-bestand beschadigd: het Zip64-einde van de centrale map is "
				    "ongeldig");
			return rc == SWI_EIO ? rc : SWI_EFORMAT;
		}
		disk = get32(rec + 16) != 0 || get32(loc + 4) != 0;
		cd_disk = get32(rec + 20) != 0;
		on_disk = get64(rec + 24);
		*entries = get64(rec + 32);
		*cd_size = get64(rec + 40);
		*cd_off = get64(rec + 48);
		limit = rec_pos;
	}
	if (disk || cd_disk || on_disk != *entries) {
		say(z, "zip-bestand in delen (meerdere schijven); lever het als één zip-bestand");
		return SWI_EFORMAT;
	}
	if (*cd_off > limit || *cd_size > limit - *cd_off) {
		say(z, "zip-bestand afgebroken of beschadigd: de centrale map valt buiten het bestand");
		return SWI_EFORMAT;
	}
	if (*cd_size > MAX_CD) {
		say(z, "zip-bestand met een centrale map van %llu bytes (hoogstens %u); een "
		    "SWI-levering is één .XML-bestand", (unsigned long long)*cd_size, MAX_CD);
		return SWI_EFORMAT;
	}
	if (*entries > *cd_size / CDH_SIZE) {
		say(z, "zip-bestand beschadigd: %llu items passen niet in een centrale map van %llu "
		    "bytes", (unsigned long long)*entries, (unsigned long long)*cd_size);
		return SWI_EFORMAT;
	}
	return SWI_OK;
}

int swi_unzip_open(struct swi_unzip **out, swi_delivery *d, const struct swi_unzip_input *in,
		   char why[SWI_UNZIP_WHY])
{
	*out = NULL;
	why[0] = '\0';
	struct swi_unzip *z = swi_alloc(d, sizeof(*z));
	if (!z)
		return SWI_ENOMEM;
	memset(z, 0, sizeof(*z));
	z->d = d;
	z->in = *in;
	z->why = why;
	if (in->data) {
		z->file_size = in->size;
	} else {
		struct stat st;
		if (fstat(in->fd, &st) != 0) {
			swi_free(d, z);
			return SWI_EIO;
		}
		z->file_size = st.st_size > 0 ? (uint64_t)st.st_size : 0;
	}

	uint64_t cd_off, cd_size, entries;
	const unsigned char *cd = NULL;
	unsigned char *cd_owned = NULL;
	int rc = find_directory(z, &cd_off, &cd_size, &entries);
	if (rc == SWI_OK)
		rc = load(z, cd_off, (size_t)cd_size, &cd, &cd_owned);
	struct cd_entry xml = {0};
	uint64_t n_xml = 0;
	size_t pos = 0;
	for (uint64_t i = 0; rc == SWI_OK && i < entries; i++) {
		struct cd_entry e;
		rc = cd_next(z, cd, (size_t)cd_size, &pos, (unsigned)i, &e);
		if (rc == SWI_OK && is_xml(&e) && n_xml++ == 0)
			xml = e;
	}
	if (rc == SWI_OK && pos != cd_size) {
		say(z, "zip-bestand beschadigd: de centrale map is langer dan haar %llu items",
		    (unsigned long long)entries);
		rc = SWI_EFORMAT;
	}
	if (rc == SWI_OK && n_xml != 1) {
		char list[SWI_UNZIP_WHY];
		list_entries(z, cd, (size_t)cd_size, entries, n_xml > 1, list, sizeof(list));
		if (entries == 0)
			say(z, "zip-bestand zonder inhoud: het bevat geen .XML-bestand");
		else if (n_xml == 0)
			say(z, "zip-bestand zonder .XML-bestand; het bevat: %s", list);
		else
			say(z, "zip-bestand met %llu .XML-bestanden: %s; lever één .XML-bestand per "
			    "zip-bestand", (unsigned long long)n_xml, list);
		rc = SWI_EFORMAT;
	}
	if (rc == SWI_OK) {
		show_name(z->entry, sizeof(z->entry), xml.name, xml.name_len, in->show_bsn);
		rc = open_entry(z, &xml, cd_off);
	}
	swi_free(d, cd_owned);
	if (rc != SWI_OK) {
		if (rc != SWI_EFORMAT)
			why[0] = '\0';
		swi_unzip_close(z);
		return rc;
	}
	*out = z;
	return SWI_OK;
}

/* Feeds inflate the next piece of compressed data. */
static int refill(struct swi_unzip *z)
{
	uint64_t left = z->comp_size - z->comp_read;
	if (z->in.data) {
		size_t n = left > UINT_MAX ? UINT_MAX : (size_t)left;
		z->zs.next_in = (const Bytef *)z->in.data + z->data_off + z->comp_read;
		z->zs.avail_in = (uInt)n;
		z->comp_read += n;
		return SWI_OK;
	}
	size_t n = left > IN_SIZE ? IN_SIZE : (size_t)left;
	int rc = get(z, z->data_off + z->comp_read, z->inbuf, n);
	if (rc != SWI_OK)
		return rc;
	z->zs.next_in = z->inbuf;
	z->zs.avail_in = (uInt)n;
	z->comp_read += n;
	return SWI_OK;
}

static int inflate_some(struct swi_unzip *z, char *buf, size_t size, size_t *got)
{
	uInt want = size > UINT_MAX ? UINT_MAX : (uInt)size;
	z->zs.next_out = (Bytef *)buf;
	z->zs.avail_out = want;
	while (z->zs.avail_out == want && !z->ended) {
		int rc;
		if (z->zs.avail_in == 0 && z->comp_read < z->comp_size && (rc = refill(z)) != SWI_OK)
			return fail(z, rc);
		int zrc = inflate(&z->zs, Z_NO_FLUSH);
		if (zrc == Z_STREAM_END) {
			z->ended = true;
		} else if (zrc == Z_MEM_ERROR) {
			return fail(z, SWI_ENOMEM);
		} else if (zrc == Z_BUF_ERROR && z->zs.avail_in == 0 && z->comp_read == z->comp_size) {
			say(z, "zip-bestand afgebroken of beschadigd: de deflate-gegevens van %s houden "
			    "op voor hun einde", z->entry);
			return fail(z, SWI_EFORMAT);
		} else if (zrc != Z_OK && zrc != Z_BUF_ERROR) {
			say(z, "zip-bestand beschadigd: de deflate-gegevens van %s zijn ongeldig (%s)",
			    z->entry, z->zs.msg ? z->zs.msg : "zlib");
			return fail(z, SWI_EFORMAT);
		}
	}
	*got = want - z->zs.avail_out;
	return SWI_OK;
}

/* The entry ended: everything must agree with the central directory. */
static int finish(struct swi_unzip *z)
{
	uint64_t unused = z->method == 8 ? z->zs.avail_in + (z->comp_size - z->comp_read) : 0;
	if (unused) {
		say(z, "zip-bestand beschadigd: na de deflate-gegevens van %s staan nog %llu bytes",
		    z->entry, (unsigned long long)unused);
		return fail(z, SWI_EFORMAT);
	}
	if (z->out_done != z->size) {
		say(z, "zip-bestand beschadigd: %s pakt uit tot %llu bytes, de centrale map zegt %llu",
		    z->entry, (unsigned long long)z->out_done, (unsigned long long)z->size);
		return fail(z, SWI_EFORMAT);
	}
	if (z->crc != z->crc_expected) {
		say(z, "zip-bestand beschadigd: de CRC-32 van %s is %08x, de centrale map zegt %08x",
		    z->entry, (unsigned)z->crc, (unsigned)z->crc_expected);
		return fail(z, SWI_EFORMAT);
	}
	z->done = true;
	return 0;
}

int swi_unzip_read(void *ctx, char *buf, size_t size)
{
	struct swi_unzip *z = ctx;
	if (z->status != SWI_OK)
		return z->status;
	if (z->done || size == 0)
		return 0;
	if (size > INT_MAX)
		size = INT_MAX;
	size_t got = 0;
	if (z->method == 0) {
		uint64_t left = z->size - z->out_done;
		got = left < size ? (size_t)left : size;
		int rc = got ? get(z, z->data_off + z->out_done, buf, got) : SWI_OK;
		if (rc != SWI_OK)
			return fail(z, rc);
	} else {
		int rc = inflate_some(z, buf, size, &got);
		if (rc != SWI_OK)
			return rc;
	}
	if (!got)
		return finish(z);
	if (got > z->size - z->out_done) {
		say(z, "zip-bestand beschadigd: %s pakt uit tot meer dan de %llu bytes die de "
		    "centrale map opgeeft", z->entry, (unsigned long long)z->size);
		return fail(z, SWI_EFORMAT);
	}
	z->crc = (uint32_t)crc32(z->crc, (const Bytef *)buf, (uInt)got);
	z->out_done += got;
	return (int)got;
}

int swi_unzip_status(const struct swi_unzip *z)
{
	return z->status;
}

void swi_unzip_close(struct swi_unzip *z)
{
	if (!z)
		return;
	if (z->inflating)
		inflateEnd(&z->zs);
	swi_free(z->d, z->inbuf);
	swi_free(z->d, z);
}
