/*
 * The CSV importer of swi-csv (csv-import.c, doc/csv.md): what spreadsheets
 * write is accepted, and every refusal names file, line, column and
 * kenmerk. Ends with a random-input loop: hostile CSV never crashes it (run
 * it under ASan/valgrind; examples/fuzz-csv.c is the libFuzzer target).
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

#include "csv-import.h"

#define LEV SWI_CATEGORY_LEVERING
#define PER SWI_CATEGORY_PERSOON
#define PIP SWI_CATEGORY_PIP
#define GSP SWI_CATEGORY_GESPREK

/* Synthetic BSNs (11-test) from the sample data. */
#define BSN1 "934291895"
#define BSN2 "713981611"
#define BSN0 "006320879"

static char *errs; /* what the last import() wrote on its error stream */

/* Imports `size` bytes as file "t.csv" of `kind`; returns csv_import_stream's result. */
static int import_n(swi_delivery *d, swi_category kind, const char *text, size_t size, int sep)
{
	FILE *in = tmpfile();
	ck_assert_ptr_nonnull(in);
	ck_assert_uint_eq(fwrite(text, 1, size, in), size);
	rewind(in);
	free(errs);
	size_t n;
	FILE *e = open_memstream(&errs, &n);
	ck_assert_ptr_nonnull(e);
	int rc = csv_import_stream(d, in, "t.csv", kind, sep, e);
	fclose(e);
	fclose(in);
	return rc;
}

static int import(swi_delivery *d, swi_category kind, const char *text)
{
	return import_n(d, kind, text, strlen(text), 0);
}

static void has(const char *needle)
{
	ck_assert_msg(strstr(errs, needle), "expected \"%s\" in:\n%s", needle, errs);
}

static swi_delivery *fresh(void)
{
	swi_delivery *d;
	ck_assert_int_eq(swi_delivery_new(&d), SWI_OK);
	return d;
}

/* A delivery with the two persons BSN1 and BSN2. */
static swi_delivery *with_persons(void)
{
	swi_delivery *d = fresh();
	ck_assert_int_eq(import(d, PER, "Burgerservicenummer,Geboortedatum\n" BSN1 ",19800312\n" BSN2
					",19950721\n"),
			 0);
	return d;
}

static int32_t person_int(swi_delivery *d, const char *bsn, int k)
{
	swi_person *p;
	int32_t v = -1;
	ck_assert_int_eq(swi_delivery_find_person(&p, d, bsn), SWI_OK);
	int rc = swi_person_get_int(p, k, &v);
	return rc == SWI_OK ? v : rc;
}

/* ---- what spreadsheets write ------------------------------------------ */

START_TEST(test_excel_nl)
{
	swi_delivery *d = fresh();
	/* BOM, ';', CRLF, dd-mm-jjjj, d-m-jjjj and ISO, a quoted field, a BSN
	 * without its leading zeros, an Excel empty row and a trailing blank line. */
	ck_assert_int_eq(import(d, PER,
				"\xef\xbb\xbf"
				"Burgerservicenummer;Geboortedatum;Geslacht;BredeIntakeBegindatum\r\n" BSN1
				";12-03-1980;\"2\";2023-01-05\r\n"
				"6320879;5-6-1999;2;\r\n"
				";;;\r\n"
				"\r\n"),
			 0);
	ck_assert_str_eq(errs, "");
	ck_assert_int_eq(swi_delivery_person_count(d), 2);
	ck_assert_int_eq(person_int(d, BSN1, SWI_K_GEBOORTEDATUM), 19800312);
	ck_assert_int_eq(person_int(d, BSN1, SWI_K_GESLACHT), 2);
	ck_assert_int_eq(person_int(d, BSN1, SWI_K_BREDE_INTAKE_BEGINDATUM), 20230105);
	ck_assert_int_eq(person_int(d, BSN0, SWI_K_GEBOORTEDATUM), 19990605);
	ck_assert_int_eq(person_int(d, BSN0, SWI_K_BREDE_INTAKE_BEGINDATUM), SWI_ENOTSET);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_tab_and_whitespace)
{
	swi_delivery *d = fresh();
	ck_assert_int_eq(import(d, PER, " Burgerservicenummer \t Geslacht\n" BSN1 "\t 3 \n"), 0);
	ck_assert_int_eq(person_int(d, BSN1, SWI_K_GESLACHT), 3);
	swi_delivery_free(d);
}
END_TEST

/* Old Mac line ends (CR only) and a quote inside an unquoted field. */
START_TEST(test_cr_and_inner_quote)
{
	swi_delivery *d = fresh();
	ck_assert_int_eq(import(d, PER, "Burgerservicenummer,Geslacht\r" BSN1 ",2\r" BSN2 ",1\r"), 0);
	ck_assert_int_eq(person_int(d, BSN2, SWI_K_GESLACHT), 1);
	ck_assert_int_eq(import(d, LEV, "VersieSoftwarepakket,Statistiekjaar\n2\"4,20x6\n"), 1);
	char v[SWI_VALUE_MAX];
	ck_assert_int_eq(swi_delivery_get_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, v, sizeof(v)),
			 SWI_OK);
	ck_assert_str_eq(v, "2\"4");
	has("t.csv:2: kolom 2 (Statistiekjaar), kenmerk 1: ");
	ck_assert_ptr_null(strstr(errs, "kolom 1"));
	swi_delivery_free(d);
}
END_TEST

/* Rows far over the old 4,096-byte line buffer: read whole, nothing truncated. */
START_TEST(test_long_line)
{
	swi_delivery *d = fresh();
	size_t cols = 200, pad = 100;
	char *text = malloc(cols * (pad + 4) * 3 + 200), *p = text;
	ck_assert_ptr_nonnull(text);
	/* Spreadsheets add nameless empty columns; the cells carry spaces. */
	p += sprintf(p, "Burgerservicenummer,Geslacht");
	for (size_t i = 2; i < cols; i++)
		*p++ = ',';
	*p++ = '\n';
	const char *bsn[] = {BSN1, BSN2};
	for (int row = 0; row < 2; row++) {
		p += sprintf(p, "%s,%*s%d", bsn[row], (int)pad, "", row + 1);
		for (size_t i = 2; i < cols; i++)
			p += sprintf(p, ",%*s", (int)pad, "");
		*p++ = '\n';
	}
	*p = '\0';
	ck_assert_uint_gt(strlen(text), 3 * 4096);
	ck_assert_int_eq(import(d, PER, text), 0);
	ck_assert_int_eq(person_int(d, BSN1, SWI_K_GESLACHT), 1);
	ck_assert_int_eq(person_int(d, BSN2, SWI_K_GESLACHT), 2);
	free(text);
	swi_delivery_free(d);
}
END_TEST

/* Quoted separators, doubled quotes and line breaks; lines are physical lines. */
START_TEST(test_quotes_and_lines)
{
	swi_delivery *d = fresh();
	ck_assert_int_eq(import(d, LEV, "Statistiekjaar,VersieSoftwarepakket,NaamSoftwarepakket\n"
					"\"2026\",\"1,2\",and\n"),
			 0);
	char v[SWI_VALUE_MAX];
	ck_assert_int_eq(swi_delivery_get_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, v, sizeof(v)),
			 SWI_OK);
	ck_assert_str_eq(v, "1,2");
	swi_delivery_free(d);

	d = fresh();
	ck_assert_int_eq(import(d, PER, "Burgerservicenummer;Geslacht;TypeMigrant\n" BSN1
					";\"a\nb\";1\n" BSN2 ";2;\"\"\"7\"\n"),
			 2);
	has("t.csv:2: kolom 2 (Geslacht), kenmerk 10: ");
	has("t.csv:4: kolom 3 (TypeMigrant), kenmerk 11: ");
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_forced_separator)
{
	swi_delivery *d = fresh();
	static const char semi[] = "Burgerservicenummer;Geslacht\n" BSN1 ";2\n";
	ck_assert_int_eq(import_n(d, PER, semi, sizeof(semi) - 1, ','), 2);
	has("t.csv:1: kolom 1 van de kopregel is geen SWI-element");
	has("t.csv:1: kolom Burgerservicenummer (kenmerk 8) ontbreekt in de kopregel");
	swi_delivery_free(d);
	d = fresh();
	ck_assert_int_eq(import(d, PER, "Burgerservicenummer;Geslacht,TypeMigrant\n"), 1);
	has("t.csv:1: scheidingsteken onduidelijk");
	has("--separator");
	swi_delivery_free(d);
}
END_TEST

/* ---- dates ---------------------------------------------------------------- */

START_TEST(test_dates)
{
	swi_delivery *d = with_persons();
	ck_assert_int_eq(import(d, GSP, "Burgerservicenummer,VoortgangsgesprekDatum\n" BSN1
					",20260708\n" BSN1 ",2026-07-09\n" BSN1 ",10-07-2026\n" BSN1
					",1-8-2026\n"),
			 0);
	swi_person *p;
	ck_assert_int_eq(swi_delivery_find_person(&p, d, BSN1), SWI_OK);
	int32_t want[] = {20260708, 20260709, 20260710, 20260801}, v;
	size_t i = 0;
	for (swi_record *r = swi_person_first_record(p, GSP); r; r = swi_record_next(r), i++) {
		ck_assert_int_eq(swi_record_get_int(r, SWI_K_VOORTGANGSGESPREK_DATUM, &v), SWI_OK);
		ck_assert_int_eq(v, want[i]);
	}
	ck_assert_uint_eq(i, 4);

	ck_assert_int_eq(import(d, GSP, "Burgerservicenummer,VoortgangsgesprekDatum\n" BSN1
					",2026/07/08\n" BSN1 ",31-02-2026\n" BSN1 ",100-1-2026\n"),
			 3);
	has("t.csv:2: kolom 2 (VoortgangsgesprekDatum), kenmerk 35: geen datum; "
	    "gebruik jjjjmmdd, jjjj-mm-dd of dd-mm-jjjj");
	has("t.csv:3: kolom 2 (VoortgangsgesprekDatum), kenmerk 35: ");
	has("'20260231' geweigerd: geen bestaande kalenderdatum (de datum van de cel als jjjjmmdd)");
	has("t.csv:4: kolom 2 (VoortgangsgesprekDatum), kenmerk 35: geen datum");
	swi_delivery_free(d);
}
END_TEST

/* ISO form only for date kenmerken: a code column takes no date. */
START_TEST(test_date_only_for_dates)
{
	swi_delivery *d = fresh();
	ck_assert_int_eq(import(d, PER, "Burgerservicenummer,Geslacht\n" BSN1 ",2026-03-10\n"), 1);
	has("t.csv:2: kolom 2 (Geslacht), kenmerk 10: ");
	swi_delivery_free(d);
}
END_TEST

/* ---- every refusal names file, line, column and kenmerk --------------- */

START_TEST(test_header_refusals)
{
	swi_delivery *d = fresh();
	ck_assert_int_eq(import(d, PER, "Burgerservicenummer,geboortedatum,PIPDatum,Geslacht,"
					"Geslacht\n"),
			 3);
	has("t.csv:1: kolom 2 ('geboortedatum') is geen SWI-element (hoofdletters tellen: bedoeld "
	    "is 'Geboortedatum'?)");
	has("t.csv:1: kolom 3 (PIPDatum), kenmerk 30 hoort niet in dit bestand");
	has("t.csv:1: kolom 5 (Geslacht), kenmerk 10 staat twee keer in de kopregel");
	swi_delivery_free(d);

	d = fresh();
	ck_assert_int_eq(import(d, PER, "Geslacht\n2\n"), 1);
	has("t.csv:1: kolom Burgerservicenummer (kenmerk 8) ontbreekt in de kopregel");
	ck_assert_int_eq(import(d, LEV, ""), 1);
	has("t.csv: leeg bestand; de kopregel ontbreekt");
	ck_assert_int_eq(import(d, PIP, ""), 0); /* no PIPs */
	ck_assert_int_eq(import(d, LEV, "Statistiekjaar\n"), 1);
	has("t.csv: geen regel met de gegevens van de levering");
	ck_assert_int_eq(import(d, LEV, "Statistiekjaar\n2026\n2027\n"), 1);
	has("t.csv:3: een levering heeft een regel; deze is er een te veel");
	ck_assert_int_eq(import(d, PER, "\xff\xfe" "B"), -1);
	has("t.csv: UTF-16");
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_row_refusals)
{
	swi_delivery *d = with_persons();
	ck_assert_int_eq(import(d, PIP, "Burgerservicenummer,PIPDatum,,LeerrouteRoute\n"
					"123456782,20260101,,1\n"
					",20260101,,1\n"
					BSN1 ",20260101,x,1\n"
					BSN1 ",20260101\n"
					BSN1 ",20260101,,1,,\n" /* empty extra columns: fine */
					BSN1 ",20260101,,1,5\n"
					BSN1 ",\"2026\"0101,,1\n"
					"123456789,20260101,,1\n"),
			 7);
	has("t.csv:2: kolom 1 (Burgerservicenummer), kenmerk 8: geen persoon met dit BSN in "
	    "personen.csv");
	has("t.csv:3: kolom 1 (Burgerservicenummer), kenmerk 8: leeg");
	has("t.csv:4: kolom 3 (zonder naam): een waarde in een kolom zonder naam");
	has("t.csv:5: 2 kolommen, de kopregel heeft er 4");
	has("t.csv:7: 5 kolommen, de kopregel heeft er 4");
	has("t.csv:8: kolom 2 (PIPDatum), kenmerk 30: tekst na het sluitende aanhalingsteken");
	has("t.csv:9: kolom 1 (Burgerservicenummer), kenmerk 8: ");
	/* Never a full BSN in a message. */
	ck_assert_ptr_null(strstr(errs, "123456789"));
	ck_assert_ptr_null(strstr(errs, "123456782"));
	ck_assert_ptr_null(strstr(errs, BSN1));
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_field_refusals)
{
	swi_delivery *d = fresh();
	static const char head[] = "Burgerservicenummer,Geslacht\n" BSN1 ",\"";
	size_t big = CSV_MAX_FIELD + 10, n = sizeof(head) - 1;
	char *text = malloc(n + big + 32);
	ck_assert_ptr_nonnull(text);
	memcpy(text, head, n);
	memset(text + n, 'x', big);
	strcpy(text + n + big, "\"\n" BSN2 ",2\n");
	ck_assert_int_eq(import(d, PER, text), 1);
	has("t.csv:2: kolom 2 (Geslacht), kenmerk 10: veld langer dan 4096 bytes");
	free(text);
	swi_delivery_free(d);

	d = fresh();
	static const char nul[] = "Burgerservicenummer,Geslacht\n" BSN1 ",2\0" "1\n";
	ck_assert_int_eq(import_n(d, PER, nul, sizeof(nul) - 1, 0), 1);
	has("t.csv:2: kolom 2 (Geslacht), kenmerk 10: veld bevat een NUL-byte");
	ck_assert_int_eq(import(d, PER, "Burgerservicenummer,Geslacht\n" BSN0 ",\"2\n\n\n"), 1);
	has("t.csv:2: aanhalingsteken niet gesloten");
	swi_delivery_free(d);
}
END_TEST

/* Input is never echoed where it could be a BSN (doc/masking.md). */
START_TEST(test_no_bsn_in_messages)
{
	swi_delivery *d = fresh();
	/* A file without its header: the first data row is read as the header. */
	ck_assert_int_gt(import(d, PER, BSN1 ",19800312,2\n" BSN2 ",19950721,1\n"), 0);
	has("t.csv:1: kolom 1 van de kopregel is geen SWI-element");
	ck_assert_ptr_null(strstr(errs, "1895"));
	ck_assert_ptr_null(strstr(errs, "19800312"));
	/* BSN-shaped text in date cells, in every date form. */
	ck_assert_int_eq(import(d, PER, "Burgerservicenummer,Geboortedatum,OntzorgenBegindatum,"
					"OntzorgenEinddatum\n" BSN1 "," BSN2 "9,7139-81-61,71-39-8161\n"),
			 3);
	/* (What libswi's own message shows of the converted date is its masking's
	 * business; this file adds no cell text.) */
	ck_assert_ptr_null(strstr(errs, BSN2 "9"));
	ck_assert_ptr_null(strstr(errs, "7139-81"));
	ck_assert_ptr_null(strstr(errs, "71-39"));
	swi_delivery_free(d);
}
END_TEST

/* Past CSV_MAX_MESSAGES refusals are counted, not printed. */
START_TEST(test_message_cap)
{
	swi_delivery *d = fresh();
	size_t rows = CSV_MAX_MESSAGES + 50;
	char *text = malloc(64 + rows * 8);
	ck_assert_ptr_nonnull(text);
	char *p = text + sprintf(text, "Burgerservicenummer\n");
	for (size_t i = 0; i < rows; i++)
		p += sprintf(p, "1,2\n");
	ck_assert_int_eq(import(d, PER, text), (int)rows);
	size_t lines = 0;
	for (const char *s = errs; *s; s++)
		lines += *s == '\n';
	ck_assert_uint_eq(lines, CSV_MAX_MESSAGES + 1);
	has("meer dan 100 weigeringen");
	free(text);
	swi_delivery_free(d);
}
END_TEST

START_TEST(test_separator_option)
{
	ck_assert_int_eq(csv_parse_separator(","), ',');
	ck_assert_int_eq(csv_parse_separator(";"), ';');
	ck_assert_int_eq(csv_parse_separator("tab"), '\t');
	ck_assert_int_eq(csv_parse_separator("\t"), '\t');
	ck_assert_int_eq(csv_parse_separator("|"), -1);
	ck_assert_int_eq(csv_parse_separator(""), -1);
}
END_TEST

/* The exporter quotes what needs it, and the importer reads it back. */
START_TEST(test_export_quotes)
{
	swi_delivery *d = fresh();
	ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "1,2\";3"), SWI_OK);
	ck_assert_int_eq(swi_delivery_set_text(d, SWI_K_STATISTIEKJAAR, "2026"), SWI_OK);
	ck_assert_int_eq(swi_delivery_add_person(NULL, d, BSN0), SWI_OK);
	static const int seps[] = {',', ';', '\t'};
	for (int i = 0; i < 3; i++) {
		char dir[] = "/tmp/test-csv-XXXXXX", path[64], cmd[96];
		ck_assert_ptr_nonnull(mkdtemp(dir));
		ck_assert_int_eq(csv_export_dir(d, dir, seps[i], 0, stderr), 0);
		FILE *quiet = fopen("/dev/null", "w");
		ck_assert_ptr_nonnull(quiet);
		ck_assert_int_eq(csv_export_dir(d, dir, seps[i], 0, quiet), -1); /* exists */
		fclose(quiet);
		swi_delivery *back = fresh();
		ck_assert_int_eq(csv_import_dir(back, dir, 0, stderr), 0);
		char v[SWI_VALUE_MAX];
		ck_assert_int_eq(swi_delivery_get_text(back, SWI_K_VERSIE_SOFTWAREPAKKET, v,
							sizeof(v)),
				 SWI_OK);
		ck_assert_str_eq(v, "1,2\";3");
		swi_person *p;
		ck_assert_int_eq(swi_delivery_find_person(&p, back, BSN0), SWI_OK);
		swi_delivery_free(back);
		snprintf(path, sizeof(path), "%s/personen.csv", dir);
		FILE *f = fopen(path, "r");
		ck_assert_ptr_nonnull(f);
		char line[2048];
		ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
		ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
		ck_assert_int_eq(strncmp(line, BSN0, 9), 0); /* nine digits, leading zeros */
		fclose(f);
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		ck_assert_int_eq(system(cmd), 0);
	}
	swi_delivery_free(d);
}
END_TEST

/* ---- hostile input ------------------------------------------------------- */

static uint64_t rng = 0x9e3779b97f4a7c15u;

static unsigned next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 32);
}

/*
 * Random inputs built from CSV's own alphabet and fragments of real files
 * (headers, BSNs, dates), plus raw bytes, through every record kind and
 * every separator. Passes when nothing crashes or leaks (ASan, valgrind).
 */
START_TEST(test_random_inputs)
{
	static const char *bits[] = {
		"Burgerservicenummer", "Geboortedatum", "PIPDatum", "Statistiekjaar", BSN1, BSN2,
		"6320879", "20260101", "2026-01-01", "1-1-2026", "\xef\xbb\xbf", "\"", "\"\"", ",",
		";", "\t", "\r\n", "\n", "\r", " ", "", "2", "and", "\xff\xfe", "\0", "x",
	};
	size_t n_bits = sizeof(bits) / sizeof(bits[0]);
	char buf[2048];
	for (int round = 0; round < 3000; round++) {
		size_t len = 0, parts = next() % 60;
		for (size_t i = 0; i < parts && len < sizeof(buf) - 64; i++) {
			if (next() % 4 == 0) {
				size_t raw = next() % 16;
				for (size_t j = 0; j < raw; j++)
					buf[len++] = (char)next();
			} else {
				const char *b = bits[next() % n_bits];
				size_t bl = *b ? strlen(b) : 1;
				memcpy(buf + len, b, bl);
				len += bl;
			}
		}
		swi_delivery *d = with_persons();
		static const int seps[] = {0, ',', ';', '\t'};
		swi_category kind = (swi_category)(SWI_CATEGORY_LEVERING + next() % 5);
		int rc = import_n(d, kind, buf, len, seps[next() % 4]);
		ck_assert_int_ge(rc, -1);
		swi_delivery_free(d);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");
	tcase_add_test(tc, test_excel_nl);
	tcase_add_test(tc, test_tab_and_whitespace);
	tcase_add_test(tc, test_cr_and_inner_quote);
	tcase_add_test(tc, test_long_line);
	tcase_add_test(tc, test_quotes_and_lines);
	tcase_add_test(tc, test_forced_separator);
	tcase_add_test(tc, test_dates);
	tcase_add_test(tc, test_date_only_for_dates);
	tcase_add_test(tc, test_header_refusals);
	tcase_add_test(tc, test_row_refusals);
	tcase_add_test(tc, test_field_refusals);
	tcase_add_test(tc, test_no_bsn_in_messages);
	tcase_add_test(tc, test_message_cap);
	tcase_add_test(tc, test_separator_option);
	tcase_add_test(tc, test_export_quotes);
	tcase_add_test(tc, test_random_inputs);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	free(errs);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
