/*
 * libFuzzer target for swi-csv's CSV importer (csv-import.c): the first
 * byte picks the record kind and the separator, the rest is the file. A
 * delivery with two persons is there so record rows can find them. The
 * test suite's random loop (test-csv.c, test_random_inputs) covers the
 * same path on every build; this is for longer runs:
 *
 *   CC=clang meson setup /tmp/bf -Db_sanitize=address,undefined -Db_lundef=false \
 *       -Dc_args=-fsanitize=fuzzer-no-link -Dtests=false
 *   ninja -C /tmp/bf lib/libswi.a examples/libswi-tool.a
 *   clang -fsanitize=fuzzer,address,undefined -D_POSIX_C_SOURCE=200809L -Iinclude \
 *       examples/fuzz-csv.c /tmp/bf/examples/libswi-tool.a /tmp/bf/lib/libswi.a \
 *       $(pkg-config --libs libxml-2.0 zlib) -lpthread -o /tmp/bf/fuzz-csv
 *   /tmp/bf/fuzz-csv -max_total_time=600 -max_len=8192 examples/data
 *
 * With -DCSV_FUZZ_REPLAY it is an ordinary program that runs the files
 * given on its command line through the same function (test fuzz-csv).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <swi/swi.h>

#include "csv-import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int seps[] = {0, ',', ';', '\t'};
	if (size < 1)
		return 0;
	swi_delivery *d;
	if (swi_delivery_new(&d) != SWI_OK)
		return 0;
	swi_delivery_add_person(NULL, d, "934291895");
	swi_delivery_add_person(NULL, d, "006320879");
	FILE *in = tmpfile(), *sink = fopen("/dev/null", "w");
	if (in && sink && fwrite(data + 1, 1, size - 1, in) == size - 1) {
		rewind(in);
		csv_import_stream(d, in, "fuzz.csv", (swi_category)(1 + data[0] % 5),
				  seps[(data[0] / 5) % 4], sink);
	}
	if (in)
		fclose(in);
	if (sink)
		fclose(sink);
	swi_delivery_free(d);
	return 0;
}

#ifdef CSV_FUZZ_REPLAY
int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		size_t cap = 1 << 16, n = 0;
		uint8_t *buf = malloc(cap);
		if (!buf)
			return 1;
		for (size_t got; (got = fread(buf + n, 1, cap - n, f)) > 0;) {
			n += got;
			if (n == cap) {
				uint8_t *bigger = realloc(buf, cap *= 2);
				if (!bigger)
					return 1;
				buf = bigger;
			}
		}
		fclose(f);
		/* Every kind and separator for each file. */
		for (int sel = 0; sel < 20; sel++) {
			buf[0] = (uint8_t)sel;
			LLVMFuzzerTestOneInput(buf, n ? n : 1);
		}
		free(buf);
	}
	return 0;
}
#endif
