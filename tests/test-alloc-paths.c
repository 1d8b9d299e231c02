/*
 * Allocation failure on the paths that test-alloc (building and
 * write_buffer), test-alloc-read, test-alloc-zip, test-diff and
 * test-generate do not walk: validation, the quarter comparison, the mirror
 * report with its JSON and HTML, and the plain writes to a descriptor and
 * into a directory (issue 9, defect 13).
 *
 * Each path runs against deliveries whose allocator fails the Nth
 * allocation, for N = 0, 1, ... until a run sees no failure. Every run must
 * either return SWI_ENOMEM and hand out nothing, or return SWI_OK with the
 * very result of an undisturbed run; it must leave no block behind, and a
 * write into a directory must leave no file but the finished one.
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <swi/swi.h>

#include "counting-alloc.h"

/* ---- the deliveries --------------------------------------------------- */

#define REFERENCE_DATE 20261015 /* Q3 2026's aanleverperiode */

static swi_delivery *generated(struct counting *c, int quarter, uint64_t seed)
{
	swi_delivery *d;
	swi_generator *g;
	ck_assert_int_eq(swi_delivery_new_with_allocator(&d, counting_alloc, c), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, 2026), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, quarter), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_NAAM_SOFTWAREPAKKET, "and"), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "1.0"), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_BERICHTGEVERCODE, 153), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 153), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_reference_date(d, REFERENCE_DATE), SWI_OK);
	ck_assert_int_eq(swi_generator_new(&g), SWI_OK);
	/* Enough persons to grow every array of the report, the mirror and the
	 * comparison past its first size; the same seed in both quarters, so
	 * the comparison has persons to match as well as ones that differ. */
	ck_assert_int_eq(swi_generator_set(g, SWI_GEN_PERSONS, 300), SWI_OK);
	ck_assert_int_eq(swi_generator_set(g, SWI_GEN_SEED, (int64_t)seed), SWI_OK);
	ck_assert_int_eq(swi_generate_persons(d, g), SWI_OK);
	swi_generator_free(g);
	return d;
}

/* ---- what a path produced, as bytes to compare ---------------------- */

struct bytes {
	char *data;
	size_t len;
};

static void put(struct bytes *b, const char *s, size_t n)
{
	b->data = realloc(b->data, b->len + n + 1);
	ck_assert_ptr_nonnull(b->data);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void put_str(struct bytes *b, const char *s)
{
	put(b, s, strlen(s));
}

static void put_report(struct bytes *b, const swi_report *r)
{
	char line[64];
	for (size_t i = 0; i < swi_report_count(r); i++) {
		snprintf(line, sizeof(line), "%s %d %d %lld %lld ", swi_report_rule(r, i),
			 (int)swi_report_severity(r, i), swi_report_kenmerk(r, i),
			 (long long)swi_report_person(r, i), (long long)swi_report_record(r, i));
		put_str(b, line);
		put_str(b, swi_report_bsn(r, i));
		put_str(b, " ");
		put_str(b, swi_report_message(r, i));
		put_str(b, "\n");
	}
}

static void put_buffer(struct bytes *b, swi_buffer *buf)
{
	put(b, swi_buffer_data(buf), swi_buffer_size(buf));
	swi_buffer_free(buf);
}

static void put_file(struct bytes *b, int fd)
{
	char chunk[65536];
	ssize_t n;
	ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		put(b, chunk, (size_t)n);
	ck_assert_int_ge(n, 0);
}

/* ---- the paths ---------------------------------------------------------
 * Each returns SWI_OK with its result in *out, or an error with *out
 * untouched; it frees whatever it made. */

static char dir[] = "/tmp/swi-alloc-paths-XXXXXX";

static int validate_path(swi_delivery *prev, swi_delivery *d, struct bytes *out)
{
	(void)prev;
	swi_report *r = (swi_report *)1;
	int rc = swi_delivery_validate(&r, d, NULL, 0);
	if (rc != SWI_OK) {
		ck_assert_ptr_null(r);
		return rc;
	}
	put_report(out, r);
	swi_report_free(r);
	return SWI_OK;
}

static int compare_path(swi_delivery *prev, swi_delivery *d, struct bytes *out)
{
	swi_report *r = (swi_report *)1;
	int rc = swi_delivery_compare(&r, prev, d, 0);
	if (rc != SWI_OK) {
		ck_assert_ptr_null(r);
		return rc;
	}
	put_report(out, r);
	swi_report_free(r);
	return SWI_OK;
}

static int mirror_path(swi_delivery *prev, swi_delivery *d, struct bytes *out)
{
	(void)prev;
	swi_mirror *m = (swi_mirror *)1;
	int rc = swi_delivery_mirror(&m, d);
	if (rc != SWI_OK) {
		ck_assert_ptr_null(m);
		return rc;
	}
	swi_buffer *json = (swi_buffer *)1, *html = (swi_buffer *)1;
	rc = swi_mirror_json(&json, m);
	if (rc != SWI_OK) {
		ck_assert_ptr_null(json);
		swi_mirror_free(m);
		return rc;
	}
	rc = swi_mirror_html_source(&html, m, "SWI_0153_0153_20263.XML", 20261015);
	if (rc != SWI_OK) {
		ck_assert_ptr_null(html);
		swi_buffer_free(json);
		swi_mirror_free(m);
		return rc;
	}
	put_buffer(out, json);
	put_buffer(out, html);
	swi_mirror_free(m);
	return SWI_OK;
}

static int write_fd_path(swi_delivery *prev, swi_delivery *d, struct bytes *out)
{
	(void)prev;
	char path[64];
	snprintf(path, sizeof(path), "%s/fd.xml", dir);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	ck_assert_int_ge(fd, 0);
	int rc = swi_delivery_write_fd(d, 0, fd);
	if (rc == SWI_OK)
		put_file(out, fd);
	close(fd);
	ck_assert_int_eq(unlink(path), 0);
	return rc;
}

/* Names in the directory, sorted, one per line. */
static void listing(struct bytes *b)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	ck_assert_int_ge(n, 0);
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") && strcmp(names[i]->d_name, "..")) {
			put_str(b, names[i]->d_name);
			put_str(b, "\n");
		}
		free(names[i]);
	}
	free(names);
}

static int write_dir_path(swi_delivery *prev, swi_delivery *d, struct bytes *out)
{
	(void)prev;
	char path[4096];
	int rc = swi_delivery_write_dir(d, 0, dir, path, sizeof(path));
	struct bytes names = {NULL, 0};
	listing(&names);
	if (rc != SWI_OK) {
		/* Nothing half-written, no temporary file. */
		ck_assert_msg(names.len == 0, "write_dir failed with %d and left:\n%s", rc,
			      names.data);
		free(names.data);
		return rc;
	}
	ck_assert_str_eq(names.data, "SWI_0153_0153_20263.XML\n");
	free(names.data);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ck_assert_int_ge(fd, 0);
	put_file(out, fd);
	close(fd);
	ck_assert_int_eq(unlink(path), 0);
	return SWI_OK;
}

static const struct {
	const char *name;
	int (*run)(swi_delivery *prev, swi_delivery *d, struct bytes *out);
} paths[] = {
	{"validate", validate_path},   {"compare", compare_path},
	{"mirror", mirror_path},       {"write_fd", write_fd_path},
	{"write_dir", write_dir_path},
};
#define N_PATHS (sizeof(paths) / sizeof(paths[0]))

START_TEST(fail_each_allocation)
{
	struct counting c = {.fail_at = -1};
	swi_delivery *prev = generated(&c, 2, 7);
	swi_delivery *d = generated(&c, 3, 7);

	struct bytes want = {NULL, 0};
	ck_assert_int_eq(paths[_i].run(prev, d, &want), SWI_OK);
	ck_assert_uint_gt(want.len, 0);

	long n, enomem = 0;
	for (n = 0;; n++) {
		/* The writers keep the result of a clean validation; each run must
		 * do the whole path, so the data changes (to the same value). */
		ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "1.0"), SWI_OK);
		long live = c.live;
		c.calls = 0;
		c.injected = 0;
		c.fail_at = n;
		struct bytes got = {NULL, 0};
		int rc = paths[_i].run(prev, d, &got);
		c.fail_at = -1;
		if (rc == SWI_OK) {
			ck_assert_msg(got.len == want.len && memcmp(got.data, want.data, want.len) == 0,
				      "%s, allocation %ld failed: SWI_OK with another result",
				      paths[_i].name, n);
		} else {
			ck_assert_msg(rc == SWI_ENOMEM, "%s, allocation %ld failed: %d (%s)",
				      paths[_i].name, n, rc, swi_strerror(rc));
			ck_assert_msg(c.injected > 0, "%s: %d without a failed allocation",
				      paths[_i].name, rc);
			enomem++;
		}
		free(got.data);
		ck_assert_msg(c.live == live, "%s, allocation %ld failed: %ld blocks leaked",
			      paths[_i].name, n, c.live - live);
		if (c.injected == 0)
			break;
	}
	fprintf(stderr, "%s: %ld failure points\n", paths[_i].name, n);
	/* Each path allocates: a loop that never failed anything proves nothing. */
	ck_assert_msg(enomem > 0, "%s: no allocation was failed", paths[_i].name);
	free(want.data);
	swi_delivery_free(prev);
	swi_delivery_free(d);
	ck_assert_int_eq(c.live, 0);
}
END_TEST

static void make_dir(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void remove_dir(void)
{
	rmdir(dir);
}

int main(void)
{
	Suite *s = suite_create("alloc-paths");
	TCase *tc = tcase_create("paths");
	tcase_add_unchecked_fixture(tc, make_dir, remove_dir);
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, fail_each_allocation, 0, (int)N_PATHS);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
