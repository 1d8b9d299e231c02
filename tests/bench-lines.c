/*
 * Line numbers past 2^31 (issue 9, defect 11): a file of 2,148,000,004
 * lines, made of 1 MB comments full of line ends and streamed through a
 * pipe (nothing lands on disk), with a wrong value on the last line. The
 * reader must name that line exactly; libxml2 counts lines in an int,
 * which went negative. About 30 s and 2 GB of parsing, so a benchmark
 * (meson test --benchmark), not a unit test.
 */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <swi/swi.h>

#define BLOCK 1000000

static int64_t value_line;

static void *writer(void *arg)
{
	FILE *f = fdopen(*(int *)arg, "w");
	static char block[BLOCK];
	memset(block, '\n', sizeof(block));
	fputs("<?xml version=\"1.0\"?>\n<SWI>\n", f);
	int64_t line = 3;
	while (line < (INT64_C(1) << 31) + 1000) {
		fputs("<!--", f);
		fwrite(block, 1, sizeof(block), f);
		fputs("-->", f);
		line += BLOCK;
	}
	fputs("\n<Levering><Statistiekjaar>20x6</Statistiekjaar></Levering>\n</SWI>\n", f);
	value_line = line + 1;
	fclose(f);
	return NULL;
}

int main(void)
{
	int fds[2];
	if (pipe(fds) != 0)
		return 1;
	pthread_t t;
	pthread_create(&t, NULL, writer, &fds[1]);
	char path[64];
	snprintf(path, sizeof(path), "/dev/fd/%d", fds[0]);
	swi_delivery *d;
	swi_report *r;
	int rc = swi_read_file(&d, &r, path, NULL, 0);
	pthread_join(t, NULL);
	close(fds[0]);
	if (rc != SWI_OK) {
		fprintf(stderr, "read: %s\n", swi_strerror(rc));
		return 1;
	}
	int ok = swi_report_count(r) == 1 && swi_report_line(r, 0) == value_line;
	printf("%s: line %" PRId64 " (expected %" PRId64 "): %s\n", ok ? "ok" : "FAILED",
	       swi_report_count(r) ? swi_report_line(r, 0) : -1, value_line,
	       swi_report_count(r) ? swi_report_message(r, 0) : "no finding");
	swi_report_free(r);
	swi_delivery_free(d);
	return ok ? 0 : 1;
}
