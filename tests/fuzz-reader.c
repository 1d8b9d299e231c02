/*
 * Fuzz target for the reader: any bytes go through swi_read_buffer() and,
 * when a delivery comes back, through swi_delivery_validate(), because a
 * read delivery may hold combinations the builder alone never produces
 * (refused values left unset, persons without records, ...).
 *
 * A first byte 0x01, 0x02 or 0x03 selects a mode for the rest of the input
 * (any other first byte: the whole input is read as it is):
 *   0x01  read with a caller's XSD: libswi's own (swi_schema_xsd(), written
 *         once to a temporary file), so the validator is fed by the reader;
 *   0x02  the rest packed as the one entry SWI.XML of a stored zip archive,
 *         read through swi_read_buffer (the public API only);
 *   0x03  both.
 *
 * Built two ways:
 *  - with clang -fsanitize=fuzzer as the libFuzzer target (no main here);
 *  - with -DSWI_FUZZ_REPLAY as an ordinary program whose main() runs every
 *    file of the directories (or files) given through the same function,
 *    so the committed corpus is a regression test on every build.
 *
 * The libFuzzer build (clang from Debian, libclang-rt-14-dev):
 *   CC=clang meson setup /tmp/bf -Db_sanitize=address,undefined -Db_lundef=false \
 *       -Dc_args=-fsanitize=fuzzer-no-link -Dtests=false -Dexamples=false \
 *       -Ddefault_library=static
 *   ninja -C /tmp/bf lib/libswi.a
 *   clang -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz-reader.c \
 *       /tmp/bf/lib/libswi.a $(pkg-config --libs libxml-2.0 zlib) -lpthread \
 *       -o /tmp/bf/fuzz-reader
 *   mkdir -p /tmp/corpus && /tmp/bf/fuzz-reader -max_total_time=1800 -max_len=65536 \
 *       /tmp/corpus tests/data/fuzz-corpus
 * (new inputs go to the first directory; add only what is worth keeping).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <swi/swi.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* libswi's XSD in a temporary file, made once per process; removed at exit. */
static char xsd_file[] = "/tmp/libswi-fuzz-xsd-XXXXXX";
static bool xsd_ready;

static void remove_xsd(void)
{
	unlink(xsd_file);
}

static const char *shipped_xsd(void)
{
	if (xsd_ready)
		return xsd_file;
	swi_buffer *b = NULL;
	int fd = mkstemp(xsd_file);
	if (fd < 0 || swi_schema_xsd(&b) != SWI_OK ||
	    write(fd, swi_buffer_data(b), swi_buffer_size(b)) != (ssize_t)swi_buffer_size(b))
		abort();
	close(fd);
	swi_buffer_free(b);
	atexit(remove_xsd);
	xsd_ready = true;
	return xsd_file;
}

static uint32_t crc32_of(const uint8_t *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
	}
	return ~c;
}

static uint8_t *put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	return p + 2;
}

static uint8_t *put32(uint8_t *p, uint32_t v)
{
	p = put16(p, v & 0xFFFFu);
	return put16(p, v >> 16);
}

/* A zip archive with one stored (uncompressed) entry SWI.XML; malloc'ed. */
static uint8_t *zip_stored(const uint8_t *data, size_t size, size_t *out_size)
{
	static const char name[] = "SWI.XML";
	size_t nlen = sizeof(name) - 1;
	uint8_t *z = malloc(30 + nlen + size + 46 + nlen + 22);
	if (!z)
		abort();
	uint32_t crc = crc32_of(data, size);
	uint8_t *p = z;
	p = put32(p, 0x04034b50u); /* local file header */
	p = put16(p, 20);
	p = put16(p, 0);
	p = put16(p, 0); /* stored */
	p = put16(p, 0);
	p = put16(p, 0x21);
	p = put32(p, crc);
	p = put32(p, (uint32_t)size);
	p = put32(p, (uint32_t)size);
	p = put16(p, (unsigned)nlen);
	p = put16(p, 0);
	memcpy(p, name, nlen);
	p += nlen;
	memcpy(p, data, size);
	p += size;
	uint32_t central = (uint32_t)(p - z);
	p = put32(p, 0x02014b50u); /* central directory */
	p = put16(p, 20);
	p = put16(p, 20);
	p = put16(p, 0);
	p = put16(p, 0);
	p = put16(p, 0);
	p = put16(p, 0x21);
	p = put32(p, crc);
	p = put32(p, (uint32_t)size);
	p = put32(p, (uint32_t)size);
	p = put16(p, (unsigned)nlen);
	p = put16(p, 0);
	p = put16(p, 0);
	p = put16(p, 0);
	p = put16(p, 0);
	p = put32(p, 0);
	p = put32(p, 0);
	memcpy(p, name, nlen);
	p += nlen;
	uint32_t central_size = (uint32_t)(p - z) - central;
	p = put32(p, 0x06054b50u); /* end of central directory */
	p = put16(p, 0);
	p = put16(p, 0);
	p = put16(p, 1);
	p = put16(p, 1);
	p = put32(p, central_size);
	p = put32(p, central);
	p = put16(p, 0);
	*out_size = (size_t)(p - z);
	return z;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	swi_delivery *d = NULL;
	swi_report *r = NULL;
	unsigned mode = size > 0 && data[0] >= 1 && data[0] <= 3 ? data[0] : 0;
	if (mode) {
		data++;
		size--;
	}
	const char *xsd = mode & 1 ? shipped_xsd() : NULL;
	uint8_t *zipped = NULL;
	if (mode & 2) {
		zipped = zip_stored(data, size, &size);
		data = zipped;
	}
	int rc = swi_read_buffer(&d, &r, data, size, xsd, 0);
	free(zipped);
	if (rc != SWI_OK) {
		/* The contract: on failure both out-parameters are NULL. */
		if (d || r)
			abort();
		return 0;
	}
	if (!d || !r)
		abort();
	/* The reader caps its findings (read.h: at most SWI_READ_MAX_DIAGNOSTICS,
	 * then one final note); more would mean the cap leaks. */
	if (swi_report_count(r) > SWI_READ_MAX_DIAGNOSTICS + 1)
		abort();
	for (size_t i = 0; i < swi_report_count(r); i++) {
		/* Every accessor on every diagnostic: touches all the strings. */
		if (!swi_report_rule(r, i) || !swi_report_message(r, i) || !swi_report_bsn(r, i))
			abort();
		if (swi_report_line(r, i) < 0)
			abort();
	}
	/* A fixed "today" keeps a finding reproducible whatever the date. */
	swi_delivery_set_reference_date(d, 20270101);
	swi_report *v = NULL;
	if (swi_delivery_validate(&v, d, "SWI_0153_0153_20261.XML", 0) == SWI_OK) {
		for (size_t i = 0; i < swi_report_count(v); i++)
			if (!swi_report_rule(v, i) || !swi_report_message(v, i))
				abort();
	}
	swi_report_free(v);
	swi_report_free(r);
	swi_delivery_free(d);
	return 0;
}

#ifdef SWI_FUZZ_REPLAY
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>

/* The input being run, named by the handler below when it brings us down:
 * a bare "Aborted" among hundreds of corpus files helps nobody. */
static char current[4096];

static void name_the_input(int sig)
{
	static const char head[] = "fuzz-reader-replay: failed on ";
	if (write(STDERR_FILENO, head, sizeof(head) - 1) > 0 &&
	    write(STDERR_FILENO, current, strlen(current)) > 0)
		(void)!write(STDERR_FILENO, "\n", 1);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int replay_file(const char *path)
{
	snprintf(current, sizeof(current), "%s", path);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t cap = 65536, len = 0;
	uint8_t *data = malloc(cap);
	size_t n;
	while (data && (n = fread(data + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			uint8_t *grown = realloc(data, cap * 2);
			if (!grown) {
				free(data);
				data = NULL;
				break;
			}
			data = grown;
			cap *= 2;
		}
	}
	int failed = ferror(f) || !data;
	fclose(f);
	if (failed) {
		fprintf(stderr, "%s: cannot read\n", path);
		free(data);
		return -1;
	}
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file of the directory, in name order so a failure
 * is reproducible; returns the number run or -1. */
static long replay_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **grown = realloc(names, cap * sizeof(*names));
			if (!grown)
				abort();
			names = grown;
		}
		names[n] = strdup(e->d_name);
		if (!names[n])
			abort();
		n++;
	}
	closedir(dp);
	qsort(names, n, sizeof(*names), by_name);
	long run = 0;
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (replay_file(path) != 0)
				run = -1;
			else if (run >= 0)
				run++;
		}
		free(names[i]);
	}
	free(names);
	return run;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
		return 2;
	}
	signal(SIGABRT, name_the_input);
	signal(SIGSEGV, name_the_input);
	signal(SIGBUS, name_the_input);
	signal(SIGFPE, name_the_input);
	long total = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		long n = S_ISDIR(st.st_mode) ? replay_dir(argv[i]) : replay_file(argv[i]) == 0;
		if (n < 0)
			return 1;
		total += n;
	}
	/* An empty corpus would make this test pass without testing anything. */
	if (total == 0) {
		fprintf(stderr, "no inputs found\n");
		return 1;
	}
	printf("%ld inputs replayed\n", total);
	return 0;
}
#endif
