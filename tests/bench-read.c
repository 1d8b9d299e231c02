/*
 * bench-read: the read-and-check benchmark of libswi, against xmllint.
 *
 *   bench-read N DIR [--xsd FILE] [--runs K] [--keep]
 *   bench-read --read-only FILE
 *
 * The first form builds N synthetic persons (gen_persons() with flags 0,
 * seed 1: the mix of tests/generate.c), writes them with
 * swi_delivery_write_dir() into a fresh directory under DIR and frees the
 * delivery. It then runs, K times in turn (default 2, best time kept, so
 * a burst of load on a shared machine does not decide the outcome):
 *  - itself as a NEW process with --read-only FILE, so the peak RSS it
 *    reports (VmHWM) is that of reading and checking alone, not of the
 *    generation before it;
 *  - xmllint --stream --noout --schema XSD FILE, the reference: streaming
 *    XSD validation by the same libxml2, timed with CLOCK_MONOTONIC around
 *    posix_spawn() and wait4(), its peak RSS from ru_maxrss.
 * Both read a file that is in the page cache (it was just written), so the
 * disk does not decide either. The directory is removed at the end unless
 * --keep.
 *
 * --read-only FILE times swi_read_file() and swi_delivery_validate() (all
 * the rules of the guideline, reference date fixed at 2026-04-15) and
 * prints them. The generated file is valid, so any finding of the reader or
 * any validation error means the benchmark measured something else: exit 1.
 *
 * Output: one "key: value" per line, for scripts. MB = 10^6 bytes.
 * Targets: reading and checking no slower than xmllint, peak RSS at most
 * 400 MB; a miss is printed as MISSED (the exit status stays 0, since the
 * figures of a loaded machine are no verdict on the code).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <swi/swi.h>

#include "generate.h"

extern char **environ;
/* wait4() is BSD/GNU, not POSIX; declared here to keep _POSIX_C_SOURCE. */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage);

#define SEED 1
#define MB 1e6
#define REFERENCE_DATE 20260415
#define TARGET_PEAK_RSS_KB (400L * 1024)

static void die(const char *what)
{
	fprintf(stderr, "bench-read: %s: %s\n", what, strerror(errno));
	exit(2);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The high-water mark of the resident set, in kB, or -1. */
static long vm_hwm_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	char line[256];
	long kb = -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	fclose(f);
	return kb;
}

/* ---- the measured process ------------------------------------------------- */

static int read_only(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		die(path);
	double t0 = now();
	swi_delivery *d;
	swi_report *r;
	int rc = swi_read_file(&d, &r, path, NULL, 0);
	double t1 = now();
	if (rc != SWI_OK) {
		fprintf(stderr, "bench-read: swi_read_file: %s\n", swi_strerror(rc));
		return 2;
	}
	swi_delivery_set_reference_date(d, REFERENCE_DATE);
	swi_report *v;
	double t2 = now();
	rc = swi_delivery_validate(&v, d, path, 0);
	double t3 = now();
	if (rc != SWI_OK) {
		fprintf(stderr, "bench-read: swi_delivery_validate: %s\n", swi_strerror(rc));
		return 2;
	}
	long hwm = vm_hwm_kb();
	double total = (t1 - t0) + (t3 - t2);
	printf("persons: %zu\n", swi_delivery_person_count(d));
	printf("file_bytes: %lld\n", (long long)st.st_size);
	printf("read_s: %.3f\n", t1 - t0);
	printf("validate_s: %.3f\n", t3 - t2);
	printf("read_validate_s: %.3f\n", total);
	printf("read_validate_mb_s: %.1f\n", (double)st.st_size / MB / total);
	printf("reader_findings: %zu\n", swi_report_count(r));
	printf("validation_errors: %zu\n", swi_report_count_severity(v, SWI_SEVERITY_ERROR));
	printf("validation_warnings: %zu\n", swi_report_count_severity(v, SWI_SEVERITY_WARNING));
	printf("peak_rss_kb: %ld\n", hwm);
	fflush(stdout);
	int bad = swi_report_count(r) != 0 || swi_report_count_severity(v, SWI_SEVERITY_ERROR) != 0;
	if (bad)
		fprintf(stderr, "bench-read: the generated file has findings; first: %s\n",
			swi_report_count(r) ? swi_report_message(r, 0) : swi_report_message(v, 0));
	swi_report_free(v);
	swi_report_free(r);
	swi_delivery_free(d);
	return bad;
}

/* ---- the driver ------------------------------------------------------------- */

struct run {
	double seconds;
	long rss_kb;
	int status;
};

/* Runs argv with stdout into `out_fd` (-1: /dev/null) and stderr to /dev/null
 * when `quiet`; times it from spawn to reaped. */
static struct run spawn_timed(char *const argv[], int out_fd, int quiet)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	if (out_fd >= 0)
		posix_spawn_file_actions_adddup2(&fa, out_fd, STDOUT_FILENO);
	else
		posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	if (quiet)
		posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	struct run run = {0, -1, -1};
	pid_t pid;
	double t0 = now();
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		errno = rc;
		die(argv[0]);
	}
	struct rusage ru;
	int status;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			die("wait4");
	run.seconds = now() - t0;
	run.rss_kb = ru.ru_maxrss;
	run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	return run;
}

/* Runs "self --read-only FILE", echoes its lines and picks two figures. */
static struct run measure_self(const char *self, const char *file, double *read_validate_s,
			       long *hwm_kb)
{
	char tmpl[] = "/tmp/bench-read-out-XXXXXX";
	int fd = mkstemp(tmpl);
	if (fd < 0)
		die("mkstemp");
	unlink(tmpl);
	char *argv[] = {(char *)self, "--read-only", (char *)file, NULL};
	struct run run = spawn_timed(argv, fd, 0);
	FILE *f = fdopen(fd, "r");
	if (!f)
		die("fdopen");
	rewind(f);
	char line[256];
	while (fgets(line, sizeof(line), f)) {
		fputs(line, stdout);
		sscanf(line, "read_validate_s: %lf", read_validate_s);
		sscanf(line, "peak_rss_kb: %ld", hwm_kb);
	}
	fclose(f);
	return run;
}

static const char *default_xsd(void)
{
	static char path[4096];
	const char *env = getenv("SWI_XSD");
	if (env && *env)
		return env;
	const char *root = getenv("SWI_SOURCE_ROOT");
	snprintf(path, sizeof(path), "%s/lib/data/swi.xsd", root ? root : ".");
	return path;
}

static int usage(void)
{
	fprintf(stderr, "usage: bench-read N DIR [--xsd FILE] [--runs K] [--keep]\n"
			"       bench-read --read-only FILE\n");
	return 2;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--read-only") == 0)
		return read_only(argv[2]);
	if (argc < 3)
		return usage();
	char *end;
	long n = strtol(argv[1], &end, 10);
	if (*end || n < 1)
		return usage();
	const char *dir = argv[2], *xsd = default_xsd();
	int runs = 2, keep = 0;
	for (int i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--keep") == 0)
			keep = 1;
		else if (i + 1 < argc && strcmp(argv[i], "--xsd") == 0)
			xsd = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--runs") == 0)
			runs = atoi(argv[++i]);
		else
			return usage();
	}
	if (runs < 1)
		return usage();
	if (access(xsd, R_OK) != 0)
		die(xsd);

	/* The file, in its own directory so parallel runs do not collide. */
	char work[4096];
	snprintf(work, sizeof(work), "%s/bench-read-XXXXXX", dir);
	if (!mkdtemp(work))
		die(work);
	double t0 = now();
	swi_delivery *d = gen_delivery(2026, 1);
	struct gen g;
	gen_seed(&g, SEED);
	gen_persons(d, &g, (size_t)n, 0);
	char file[4200];
	int rc = swi_delivery_write_dir(d, SWI_WRITE_FORCE, work, file, sizeof(file));
	swi_delivery_free(d);
	if (rc != SWI_OK) {
		fprintf(stderr, "bench-read: write: %s\n", swi_strerror(rc));
		return 2;
	}
	printf("generate_write_s: %.3f\n", now() - t0);
	printf("file: %s\n", file);

	/* Resolve ourselves once: argv[0] may be relative to another directory. */
	char self[4096];
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len < 0)
		die("/proc/self/exe");
	self[len] = '\0';

	double best_swi = 0, best_xmllint = 0;
	long swi_rss = 0, xmllint_rss = 0;
	int failed = 0;
	for (int k = 0; k < runs; k++) {
		printf("run: %d\n", k + 1);
		double rv = -1;
		long hwm = -1;
		struct run self_run = measure_self(self, file, &rv, &hwm);
		if (self_run.status != 0 || rv < 0) {
			fprintf(stderr, "bench-read: the read phase failed (status %d)\n",
				self_run.status);
			failed = 1;
			break;
		}
		printf("read_process_s: %.3f\n", self_run.seconds);
		printf("read_process_maxrss_kb: %ld\n", self_run.rss_kb);

		char *xl[] = {"xmllint", "--stream", "--noout", "--schema", (char *)xsd, file, NULL};
		struct run x = spawn_timed(xl, -1, 1);
		if (x.status != 0) {
			fprintf(stderr, "bench-read: xmllint exited with %d (not installed, or the file "
					"does not validate)\n", x.status);
			failed = 1;
			break;
		}
		printf("xmllint_s: %.3f\n", x.seconds);
		printf("xmllint_maxrss_kb: %ld\n", x.rss_kb);
		if (k == 0 || rv < best_swi)
			best_swi = rv;
		if (k == 0 || x.seconds < best_xmllint)
			best_xmllint = x.seconds;
		if (hwm > swi_rss)
			swi_rss = hwm;
		if (x.rss_kb > xmllint_rss)
			xmllint_rss = x.rss_kb;
	}
	if (!keep) {
		unlink(file);
		rmdir(work);
	}
	if (failed)
		return 2;
	printf("best_read_validate_s: %.3f\n", best_swi);
	printf("best_xmllint_s: %.3f\n", best_xmllint);
	printf("ratio_to_xmllint: %.2f\n", best_swi / best_xmllint);
	printf("peak_rss_kb: %ld\n", swi_rss);
	printf("xmllint_peak_rss_kb: %ld\n", xmllint_rss);
	printf("target_time: %s\n", best_swi <= best_xmllint ? "met" : "MISSED");
	printf("target_rss: %s (limit %ld kB)\n", swi_rss <= TARGET_PEAK_RSS_KB ? "met" : "MISSED",
	       TARGET_PEAK_RSS_KB);
	return 0;
}
