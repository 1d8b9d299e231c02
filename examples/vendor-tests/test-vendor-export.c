/*
 * A vendor's test of its SWI export in C, with check (libcheck) and the
 * semantic diff of libswi (swi/diff.h).
 *
 * The vendor's own code (here: export_cases) turns its case records into a
 * swi_delivery; the test checks that the result is valid and that it is, as
 * data, the delivery in expected-2026Q1.xml: persons matched by BSN, records
 * by their date, in any order; a difference is reported per person with a
 * masked BSN. Build and run it like any check test:
 *
 *   cc test-vendor-export.c $(pkg-config --cflags --libs libswi check)
 *   ./a.out expected-2026Q1.xml
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

static const char *expected_path;

/* ---- the vendor's own model and export (stand-ins for the real ones) --- */

struct client {
	const char *bsn;
	int32_t born, intake, pip, talk, fine, pvt; /* yyyymmdd; 0: none */
	int sex, asylum;
};

/* Listed in another order than the expected file, on purpose. */
static const struct client cases[] = {
	{"100000009", 19850505, 20251103, 20251215, 20260210, 20260301, 20251201, 1, 0},
	{"123456782", 19900107, 20251210, 20260105, 0, 0, 0, 2, 1},
};

static int export_cases(swi_delivery **out, const struct client *c, size_t n)
{
	swi_delivery *d;
	int rc = swi_delivery_new(&d);
	if (rc != SWI_OK)
		return rc;
	static const int32_t hk[] = {SWI_K_STATISTIEKJAAR, SWI_K_STATISTIEKKWARTAAL,
				     SWI_K_BERICHTGEVERCODE, SWI_K_GEMEENTECODE};
	static const int32_t hv[] = {2026, 1, 153, 153};
	for (size_t i = 0; i < 4 && rc == SWI_OK; i++)
		rc = swi_delivery_set_int(d, hk[i], hv[i]);
	if (rc == SWI_OK)
		rc = swi_delivery_set_text(d, SWI_K_NAAM_SOFTWAREPAKKET, "and");
	if (rc == SWI_OK)
		rc = swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "4.2");
	for (size_t i = 0; i < n && rc == SWI_OK; i++) {
		swi_person *p;
		swi_record *r;
		int32_t k[] = {SWI_K_GEBOORTEDATUM, SWI_K_GESLACHT, SWI_K_TYPE_MIGRANT,
			       SWI_K_BREDE_INTAKE_BEGINDATUM, SWI_K_ALFABETISERINGSCURSUS,
			       SWI_K_ANALFABETISME};
		int32_t v[] = {c[i].born, c[i].sex, c[i].asylum ? 1 : 2, c[i].intake, 2, 1};
		rc = swi_delivery_add_person_ints(&p, d, c[i].bsn, 6, k, v);
		if (rc == SWI_OK && c[i].pvt)
			rc = swi_person_set_int(p, SWI_K_PVT_ONDERTEKENINGSDATUM, c[i].pvt);
		if (rc == SWI_OK && c[i].pip) {
			int32_t pk[] = {SWI_K_PIP_DATUM, SWI_K_LEERROUTE_ROUTE, SWI_K_LEERROUTE_NIVEAU};
			int32_t pv[] = {c[i].pip, 1, 1};
			rc = swi_person_add_record_ints(&r, p, SWI_CATEGORY_PIP, 3, pk, pv);
		}
		if (rc == SWI_OK && c[i].talk) {
			int32_t tk[] = {SWI_K_VOORTGANGSGESPREK_DATUM};
			rc = swi_person_add_record_ints(&r, p, SWI_CATEGORY_GESPREK, 1, tk, &c[i].talk);
		}
		if (rc == SWI_OK && c[i].fine) {
			int32_t fk[] = {SWI_K_BOETE_DATUM, SWI_K_BOETE_REDEN, SWI_K_BOETE_BEDRAG};
			int32_t fv[] = {c[i].fine, 1, 250};
			rc = swi_person_add_record_ints(&r, p, SWI_CATEGORY_BOETE, 3, fk, fv);
		}
	}
	if (rc != SWI_OK) {
		fprintf(stderr, "export: %s\n", swi_delivery_last_message(d));
		swi_delivery_free(d);
		return rc;
	}
	*out = d;
	return SWI_OK;
}

/* ---- a small assertion helper a vendor would keep in its test code ---- */

/*
 * The differences of `actual` from the delivery in the file `expected`, as
 * libswi's text (one line per person); "" when equal. The caller frees it.
 */
static char *diff_text(const char *expected, swi_delivery *actual)
{
	swi_delivery *e = NULL;
	swi_report *report = NULL;
	swi_diff *diff = NULL;
	swi_buffer *text = NULL;
	ck_assert_int_eq(swi_read_file(&e, &report, expected, NULL, 0), SWI_OK);
	ck_assert_uint_eq(swi_report_count_severity(report, SWI_SEVERITY_ERROR), 0);
	ck_assert_int_eq(swi_delivery_diff(&diff, e, actual, 0), SWI_OK);
	ck_assert_int_eq(swi_diff_text(&text, diff), SWI_OK);
	char *s = malloc(swi_buffer_size(text) + 1);
	ck_assert_ptr_nonnull(s);
	memcpy(s, swi_buffer_data(text), swi_buffer_size(text) + 1);
	swi_buffer_free(text);
	swi_diff_free(diff);
	swi_report_free(report);
	swi_delivery_free(e);
	return s;
}

#define ASSERT_SAME(expected, actual)                                                  \
	do {                                                                           \
		char *diff_ = diff_text(expected, actual);                             \
		ck_assert_msg(diff_[0] == '\0', "de leveringen verschillen:\n%s", diff_); \
		free(diff_);                                                           \
	} while (0)

/* ---- the tests --------------------------------------------------------- */

START_TEST(test_export_matches_the_expected_delivery)
{
	swi_delivery *actual;
	ck_assert_int_eq(export_cases(&actual, cases, 2), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_reference_date(actual, 20260415), SWI_OK);
	swi_report *r;
	ck_assert_int_eq(swi_delivery_validate(&r, actual, NULL, 0), SWI_OK);
	ck_assert_msg(swi_report_count(r) == 0, "%s", swi_report_message(r, 0));
	swi_report_free(r);
	ASSERT_SAME(expected_path, actual);
	swi_delivery_free(actual);
}
END_TEST

START_TEST(test_one_wrong_kenmerk_gives_a_readable_message)
{
	/* A bug in the export: the intake date of one client is a day off. */
	struct client buggy[2] = {cases[0], cases[1]};
	buggy[1].intake = 20251211;
	swi_delivery *actual;
	ck_assert_int_eq(export_cases(&actual, buggy, 2), SWI_OK);
	char *diff = diff_text(expected_path, actual);
	/* This is what ASSERT_SAME would fail with. */
	ck_assert_str_eq(diff, "persoon *****6782: kenmerk 15 (Brede intake - begindatum) "
			 "verwacht 20251210, gekregen 20251211\n");
	free(diff);
	swi_delivery_free(actual);
}
END_TEST

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s EXPECTED.XML\n", argv[0]);
		return 2;
	}
	expected_path = argv[1];
	Suite *s = suite_create("vendor-export");
	TCase *tc = tcase_create("export");
	tcase_add_test(tc, test_export_matches_the_expected_delivery);
	tcase_add_test(tc, test_one_wrong_kenmerk_gives_a_readable_message);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
