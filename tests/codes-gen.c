/*
 * The code-list vocabulary of the three languages, generated from the one
 * kenmerken table (lib/kenmerken.c): every code's symbolic name and every
 * code list's type name become
 *
 *   include/swi/codes.h                      C constants (SWI_<LIST>_<NAME>)
 *   lib/code-lists.h                         the lists' sizes, for lib/ (private)
 *   bindings/java/src/main/java/nl/swi/X.java Java's Kenmerk and code-list enums
 *   bindings/python/swi/_codes.py            Python's enums and typed kenmerken
 *
 * The outputs are committed (the ABI check, the header checks, javac and
 * the wheel see ordinary source files); as a test this program fails when a
 * committed file differs from what the table gives (the name-drift test).
 *
 *   codes-gen SRCROOT              check: exit 1 and name each drifted file
 *   codes-gen --write SRCROOT      regenerate the committed files
 *   codes-gen --out DIR            write the files flat into DIR (build dir)
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

#define JAVA_DIR "bindings/java/src/main/java/nl/swi/"
#define GENERATED "Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit."

/* ---- names ---------------------------------------------------------------- */

/* "TypeMigrant" -> "TYPE_MIGRANT", "BredeIntakeUrenTaalKNM" -> "BREDE_INTAKE_UREN_TAAL_KNM"
 * (the rule of bindings/python/swi/_names.py snake_case, upper-cased). */
static void upper_snake(const char *camel, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; camel[i] && o + 2 < cap; i++) {
		unsigned char c = (unsigned char)camel[i], prev = i ? (unsigned char)camel[i - 1] : 0;
		unsigned char next = (unsigned char)camel[i + 1];
		if (i && isupper(c) &&
		    (islower(prev) || isdigit(prev) || (isupper(prev) && islower(next))))
			out[o++] = '_';
		out[o++] = (char)toupper(c);
	}
	out[o] = 0;
}

static void lower_snake(const char *camel, char *out, size_t cap)
{
	upper_snake(camel, out, cap);
	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
}

/* The name binding 0.2.0's Python derived from the meaning ("Gezinsmigrant/overige
 * migrant" -> "GEZINSMIGRANT_OVERIGE_MIGRANT"); kept as a deprecated alias. */
static void old_python_name(const struct swi_kenmerk_def *def, const struct swi_code *c,
			    char *out, size_t cap)
{
	size_t o = 0;
	if (def->type == SWI_TYPE_TEXT_CODE) {
		for (const char *p = c->code; *p && o + 1 < cap; p++)
			out[o++] = (char)toupper((unsigned char)*p);
		out[o] = 0;
		return;
	}
	int gap = 0;
	for (const char *p = c->meaning; *p && o + 2 < cap; p++) {
		if (isalnum((unsigned char)*p)) {
			if (gap && o)
				out[o++] = '_';
			gap = 0;
			out[o++] = (char)toupper((unsigned char)*p);
		} else {
			gap = 1;
		}
	}
	out[o] = 0;
	if (isdigit((unsigned char)out[0]) && o + 1 < cap) {
		memmove(out + 1, out, o + 1);
		out[0] = '_';
	}
}

/* The code lists, each once, in the order of their first kenmerk. */
static const struct swi_kenmerk_def *lists[SWI_KENMERK_LAST + 1];
static int n_lists;

static void collect(void)
{
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++) {
		const struct swi_kenmerk_def *def = &swi_kenmerken[k];
		if (!def->n_codes)
			continue;
		int seen = 0;
		for (int i = 0; i < n_lists; i++)
			seen |= lists[i]->codes == def->codes;
		if (!seen)
			lists[n_lists++] = def;
	}
}

/* "kenmerk 18 (Alfabetiseringscursus) and 23 (Z-route - inschatting taalniveau)" */
static void users(FILE *f, const struct swi_kenmerk_def *list, const char *sep)
{
	int n = 0;
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++)
		if (swi_kenmerken[k].codes == list->codes)
			fprintf(f, "%s%d (%s)", n++ ? sep : "", k, swi_kenmerken[k].label);
}

static int is_text(const struct swi_kenmerk_def *def)
{
	return def->type == SWI_TYPE_TEXT_CODE;
}

/* ---- C ------------------------------------------------------------------- */

static void gen_c(FILE *f)
{
	fprintf(f, "/** @file\n"
		   " * libswi - codes.h: named constants for the codes of every code list\n"
		   " * of Table 2. " GENERATED "\n *\n"
		   " * One name per code, the same in C (SWI_TYPE_MIGRANT_ASIELMIGRANT), Java\n"
		   " * (nl.swi.TypeMigrant.ASIELMIGRANT) and Python (swi.TypeMigrant.ASIELMIGRANT);\n"
		   " * the naming rule is in doc/internals.md. Numeric codes are\n"
		   " * enumerators with the code as value, for swi_person_set_int() and friends;\n"
		   " * the text codes of kenmerk 4 are string macros for the *_set_text\n"
		   " * functions. Append-only: a constant never changes value and is never\n"
		   " * removed.\n */\n"
		   "#ifndef SWI_CODES_H\n#define SWI_CODES_H\n\n");
	for (int i = 0; i < n_lists; i++) {
		const struct swi_kenmerk_def *l = lists[i];
		char up[128];
		upper_snake(l->code_list, up, sizeof up);
		if (is_text(l)) {
			fprintf(f, "/** @name %s: code list of kenmerk ", l->code_list);
			users(f, l, ", ");
			fprintf(f, " (text codes)\n * @{ */\n");
			for (int c = 0; c < l->n_codes; c++)
				fprintf(f, "#define SWI_%s_%s \"%s\" /**< %s */\n", up, l->codes[c].name,
					l->codes[c].code, l->codes[c].meaning);
			fprintf(f, "/** @} */\n\n");
			continue;
		}
		char low[128];
		lower_snake(l->code_list, low, sizeof low);
		fprintf(f, "/** %s: code list of kenmerk ", l->code_list);
		users(f, l, ", ");
		fprintf(f, ". */\ntypedef enum swi_%s {\n", low);
		for (int c = 0; c < l->n_codes; c++)
			fprintf(f, "\tSWI_%s_%s = %s, /**< %s */\n", up, l->codes[c].name,
				l->codes[c].code, l->codes[c].meaning);
		fprintf(f, "} swi_%s;\n\n", low);
	}
	fprintf(f, "#endif /* SWI_CODES_H */\n");
}

/* The sizes of the code lists, for lib/'s fixed arrays (mirror.c). */
static void gen_lib(FILE *f)
{
	fprintf(f, "/*\n * libswi - code-lists.h (private): the number of codes of each code\n"
		   " * list of lib/kenmerken.c, for arrays sized at compile time.\n"
		   " * " GENERATED "\n */\n"
		   "#ifndef SWI_CODE_LISTS_H\n#define SWI_CODE_LISTS_H\n\n");
	for (int i = 0; i < n_lists; i++) {
		char up[128];
		upper_snake(lists[i]->code_list, up, sizeof up);
		fprintf(f, "#define SWI_N_%s %d\n", up, lists[i]->n_codes);
	}
	fprintf(f, "\n#endif /* SWI_CODE_LISTS_H */\n");
}

/* ---- Java ---------------------------------------------------------------- */

static void java_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			fputs("&amp;", f);
		else if (*s == '<')
			fputs("&lt;", f);
		else if (*s == '>')
			fputs("&gt;", f);
		else
			fputc(*s, f);
	}
}

static void gen_java_list(FILE *f, const struct swi_kenmerk_def *l)
{
	const char *t = l->code_list;
	fprintf(f, "package nl.swi;\n\n/**\n * Code list {@code %s} of kenmerk ", t);
	users(f, l, ", ");
	fprintf(f, ".\n * <p>\n * " GENERATED "\n */\npublic enum %s implements %s {\n", t,
		is_text(l) ? "CodeValue" : "NumericCode");
	for (int c = 0; c < l->n_codes; c++) {
		fprintf(f, "\t/** %s: ", l->codes[c].code);
		java_text(f, l->codes[c].meaning);
		if (is_text(l))
			fprintf(f, ". */\n\t%s(\"%s\", \"%s\")%s\n", l->codes[c].name, l->codes[c].code,
				l->codes[c].meaning, c + 1 < l->n_codes ? "," : ";");
		else
			fprintf(f, ". */\n\t%s(%s, \"%s\")%s\n", l->codes[c].name, l->codes[c].code,
				l->codes[c].meaning, c + 1 < l->n_codes ? "," : ";");
	}
	if (is_text(l)) {
		fprintf(f,
			"\n\tprivate final String code;\n\tprivate final String meaning;\n\n"
			"\t%s(String code, String meaning) {\n\t\tthis.code = code;\n"
			"\t\tthis.meaning = meaning;\n\t}\n\n"
			"\t@Override\n\tpublic String code() {\n\t\treturn code;\n\t}\n\n"
			"\t@Override\n\tpublic String meaning() {\n\t\treturn meaning;\n\t}\n\n"
			"\t/**\n\t * The constant for a code (\"%s\"), or null if the code is not in the list.\n"
			"\t *\n\t * @param code the code as in the file\n"
			"\t * @return the constant, or {@code null}\n\t */\n"
			"\tpublic static %s of(String code) {\n\t\tfor (%s s : values())\n"
			"\t\t\tif (s.code.equals(code))\n\t\t\t\treturn s;\n\t\treturn null;\n\t}\n}\n",
			t, l->codes[l->n_codes - 1].code, t, t);
		return;
	}
	fprintf(f,
		"\n\tprivate final int value;\n\tprivate final String meaning;\n\n"
		"\t%s(int value, String meaning) {\n\t\tthis.value = value;\n"
		"\t\tthis.meaning = meaning;\n\t}\n\n"
		"\t@Override\n\tpublic int value() {\n\t\treturn value;\n\t}\n\n"
		"\t@Override\n\tpublic String meaning() {\n\t\treturn meaning;\n\t}\n\n"
		"\t/**\n\t * The constant for a code, or null if the code is not in the list.\n"
		"\t *\n\t * @param value the code\n\t * @return the constant, or {@code null}\n\t */\n"
		"\tpublic static %s of(int value) {\n\t\treturn NumericCode.of(%s.class, value);\n"
		"\t}\n}\n",
		t, t, t);
}

static const char kenmerk_java_body[] =
	"\t/** A code-list entry: the code as written in the file and its Dutch meaning. */\n"
	"\tpublic record Code(String code, String meaning) implements CodeValue {\n"
	"\t}\n"
	"\n"
	"\tprivate final int number;\n"
	"\tprivate volatile List<Code> codes;\n"
	"\n"
	"\tKenmerk(int number) {\n"
	"\t\tthis.number = number;\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * The kenmerk number (1 up to the last kenmerk of Table 1).\n"
	"\t *\n"
	"\t * @return the number\n"
	"\t */\n"
	"\tpublic int number() {\n"
	"\t\treturn number;\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * The XML element name, e.g. \"Geboortedatum\".\n"
	"\t *\n"
	"\t * @return the element name\n"
	"\t */\n"
	"\tpublic String element() {\n"
	"\t\treturn SwiNative.swi_kenmerk_element(number);\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * The Dutch name from Table 1.\n"
	"\t *\n"
	"\t * @return the label\n"
	"\t */\n"
	"\tpublic String label() {\n"
	"\t\treturn SwiNative.swi_kenmerk_label(number);\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * The record kind the kenmerk belongs to.\n"
	"\t *\n"
	"\t * @return the category\n"
	"\t */\n"
	"\tpublic Category category() {\n"
	"\t\treturn Category.of(SwiNative.swi_kenmerk_category(number));\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * The value type (decides what the setters accept).\n"
	"\t *\n"
	"\t * @return the value type\n"
	"\t */\n"
	"\tpublic ValueType type() {\n"
	"\t\treturn ValueType.of(SwiNative.swi_kenmerk_type(number));\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * The number of positions in Table 2 (maximum text length).\n"
	"\t *\n"
	"\t * @return the width\n"
	"\t */\n"
	"\tpublic int width() {\n"
	"\t\treturn SwiNative.swi_kenmerk_width(number);\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * Whether the XML schema requires the kenmerk in every record of its category.\n"
	"\t *\n"
	"\t * @return whether it is required\n"
	"\t */\n"
	"\tpublic boolean required() {\n"
	"\t\treturn SwiNative.swi_kenmerk_required(number) == 1;\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * The code list (empty for a kenmerk without one), as libswi's table has it.\n"
	"\t *\n"
	"\t * @return the codes\n"
	"\t */\n"
	"\tpublic List<Code> codes() {\n"
	"\t\tList<Code> c = codes;\n"
	"\t\tif (c == null) {\n"
	"\t\t\tint n = SwiException.check(null, SwiNative.swi_kenmerk_code_count(number));\n"
	"\t\t\tList<Code> list = new ArrayList<>(n);\n"
	"\t\t\tlong[] code = new long[1], meaning = new long[1];\n"
	"\t\t\tfor (int i = 0; i < n; i++) {\n"
	"\t\t\t\tSwiException.check(null, SwiNative.swi_kenmerk_code_at(number, i, code, meaning));\n"
	"\t\t\t\tlist.add(new Code(Buffers.string(code), Buffers.string(meaning)));\n"
	"\t\t\t}\n"
	"\t\t\tcodes = c = Collections.unmodifiableList(list);\n"
	"\t\t}\n"
	"\t\treturn c;\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * The kenmerk with that number.\n"
	"\t *\n"
	"\t * @param number the kenmerk number\n"
	"\t * @return the kenmerk\n"
	"\t * @throws SwiException {@link Status#EKENMERK} for another number\n"
	"\t */\n"
	"\tpublic static Kenmerk of(int number) {\n"
	"\t\tif (number < 1 || number > LAST)\n"
	"\t\t\tthrow new SwiException(Status.EKENMERK.code(), \"kenmerk \" + SwiException.shown(number)\n"
	"\t\t\t\t+ \" bestaat niet (1 t/m \" + LAST + \")\");\n"
	"\t\treturn values()[number - 1];\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * The kenmerk with that XML element name (exact), or null.\n"
	"\t *\n"
	"\t * @param element the element name\n"
	"\t * @return the kenmerk, or {@code null}\n"
	"\t */\n"
	"\tpublic static Kenmerk byElement(String element) {\n"
	"\t\tint k = SwiNative.swi_kenmerk_by_element(SwiNative.cstr(element));\n"
	"\t\treturn k > 0 ? of(k) : null;\n"
	"\t}\n"
	"\n"
	"\t/**\n"
	"\t * The kenmerken of one category, in schema order.\n"
	"\t *\n"
	"\t * @param category the category\n"
	"\t * @return the kenmerken\n"
	"\t */\n"
	"\tpublic static List<Kenmerk> of(Category category) {\n"
	"\t\tList<Kenmerk> list = new ArrayList<>();\n"
	"\t\tfor (Kenmerk k : values())\n"
	"\t\t\tif (k.category() == category)\n"
	"\t\t\t\tlist.add(k);\n"
	"\t\treturn list;\n"
	"\t}\n"
	"}\n";

static void gen_java_kenmerk(FILE *f)
{
	fprintf(f, "package nl.swi;\n\nimport java.util.ArrayList;\nimport java.util.Collections;\n"
		   "import java.util.List;\n\n/**\n"
		   " * The %d kenmerken of Table 1 of the guideline ({@code swi_kenmerk}), with\n"
		   " * read access to libswi's kenmerken table (kenmerk.h): element name, label,\n"
		   " * category, value type, width, whether the schema requires it, and the code\n"
		   " * list. The numbers are permanent.\n * <p>\n * " GENERATED "\n */\n"
		   "public enum Kenmerk {\n",
		SWI_KENMERK_LAST);
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++) {
		char up[128];
		upper_snake(swi_kenmerken[k].element, up, sizeof up);
		fprintf(f, "\t/** Kenmerk %d: ", k);
		java_text(f, swi_kenmerken[k].label);
		fprintf(f, ". */\n\t%s(%d)%s\n", up, k, k < SWI_KENMERK_LAST ? "," : ";");
	}
	fprintf(f, "\n\t/** The highest kenmerk number. */\n\tprivate static final int LAST = %d;\n\n",
		SWI_KENMERK_LAST);
	fputs(kenmerk_java_body, f);
}

/* ---- Python -------------------------------------------------------------- */

static const char *py_type(const struct swi_kenmerk_def *def)
{
	switch ((swi_value_type)def->type) {
	case SWI_TYPE_DATE:
		return "date";
	case SWI_TYPE_YEAR:
	case SWI_TYPE_NUMBER:
		return "int";
	case SWI_TYPE_CODE:
		return def->code_list;
	case SWI_TYPE_TEXT_CODE: /* the member when the code is in the list */
	case SWI_TYPE_TEXT:
	case SWI_TYPE_BSN:
	case SWI_TYPE_CODE4:
		break;
	}
	return "str";
}

static void gen_python(FILE *f)
{
	fprintf(f, "\"\"\"The code lists of the kenmerken table as enums, and the kenmerken of\n"
		   "each record kind with their Python types.\n\n" GENERATED "\n"
		   "The names are those of C (include/swi/codes.h) and Java (nl.swi).\n\"\"\"\n\n"
		   "from __future__ import annotations\n\n"
		   "import enum\nfrom datetime import date\nfrom typing import TYPE_CHECKING\n\n"
		   "__all__ = [\n");
	for (int i = 0; i < n_lists; i++)
		fprintf(f, "    \"%s\",\n", lists[i]->code_list);
	fprintf(f, "]\n\n\n"
		   "class NumericCode(enum.IntEnum):\n"
		   "    \"\"\"A code of a numeric code list; the member's value is the code.\"\"\"\n\n"
		   "    @property\n    def code(self) -> str:\n"
		   "        \"\"\"The code as written in the file (\\\"2\\\").\"\"\"\n"
		   "        return str(int(self))\n\n"
		   "    @property\n    def meaning(self) -> str:\n"
		   "        \"\"\"The Dutch meaning from the guideline (\\\"Vrouw\\\").\"\"\"\n"
		   "        return MEANINGS[type(self).__name__][str(int(self))]\n\n\n"
		   "class TextCode(enum.StrEnum):\n"
		   "    \"\"\"A code of a text code list; the member's value is the code.\"\"\"\n\n"
		   "    @property\n    def code(self) -> str:\n"
		   "        \"\"\"The code as written in the file (\\\"and\\\").\"\"\"\n"
		   "        return str(self.value)\n\n"
		   "    @property\n    def meaning(self) -> str:\n"
		   "        \"\"\"The Dutch meaning from the guideline.\"\"\"\n"
		   "        return MEANINGS[type(self).__name__][str(self.value)]\n");
	for (int i = 0; i < n_lists; i++) {
		const struct swi_kenmerk_def *l = lists[i];
		fprintf(f, "\n\nclass %s(%s):\n    \"\"\"Code list of kenmerk ", l->code_list,
			is_text(l) ? "TextCode" : "NumericCode");
		users(f, l, ", ");
		fprintf(f, ".\"\"\"\n\n");
		for (int c = 0; c < l->n_codes; c++) {
			if (is_text(l))
				fprintf(f, "    %s = \"%s\"\n", l->codes[c].name, l->codes[c].code);
			else
				fprintf(f, "    %s = %s\n", l->codes[c].name, l->codes[c].code);
			fprintf(f, "    \"\"\"%s: %s\"\"\"\n", l->codes[c].code, l->codes[c].meaning);
		}
		int header = 0;
		for (int c = 0; c < l->n_codes; c++) {
			char old[160];
			old_python_name(l, &l->codes[c], old, sizeof old);
			int taken = 0;
			for (int d = 0; d < l->n_codes; d++)
				taken |= strcmp(old, l->codes[d].name) == 0;
			if (taken)
				continue;
			if (!header++)
				fprintf(f, "    # Names of binding 0.2.0, deprecated (doc/abi.md):\n");
			fprintf(f, "    %s = %s\n", old, l->codes[c].name);
		}
	}
	fprintf(f, "\n\n#: Code -> Dutch meaning, per code list.\nMEANINGS: dict[str, dict[str, str]] = {\n");
	for (int i = 0; i < n_lists; i++) {
		const struct swi_kenmerk_def *l = lists[i];
		fprintf(f, "    \"%s\": {\n", l->code_list);
		for (int c = 0; c < l->n_codes; c++)
			fprintf(f, "        \"%s\": \"%s\",\n", l->codes[c].code, l->codes[c].meaning);
		fprintf(f, "    },\n");
	}
	fprintf(f, "}\n\n#: The code-list enum of each kenmerk with a code list, by number.\n"
		   "BY_KENMERK: dict[int, type[NumericCode] | type[TextCode]] = {\n");
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++)
		if (swi_kenmerken[k].code_list)
			fprintf(f, "    %d: %s,\n", k, swi_kenmerken[k].code_list);
	fprintf(f, "}\n\n#: Enum names of binding 0.2.0 (the element names), deprecated (doc/abi.md).\n"
		   "OLD_NAMES: dict[str, type[NumericCode] | type[TextCode]] = {\n");
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++)
		if (swi_kenmerken[k].code_list &&
		    strcmp(swi_kenmerken[k].code_list, swi_kenmerken[k].element) != 0)
			fprintf(f, "    \"%s\": %s,\n", swi_kenmerken[k].element,
				swi_kenmerken[k].code_list);
	fprintf(f, "}\n");

	static const struct {
		swi_category cat;
		const char *cls;
	} kinds[] = {{SWI_CATEGORY_LEVERING, "LeveringKenmerken"},
		     {SWI_CATEGORY_PERSOON, "PersoonKenmerken"},
		     {SWI_CATEGORY_PIP, "PipKenmerken"},
		     {SWI_CATEGORY_GESPREK, "GesprekKenmerken"},
		     {SWI_CATEGORY_BOETE, "BoeteKenmerken"}};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		fprintf(f, "\n\nclass %s:\n"
			   "    \"\"\"The kenmerken of a %s record, typed for type checkers; the\n"
			   "    properties themselves are installed from the C table at import\n"
			   "    (swi/_values.py). Assigning None unsets a kenmerk.\"\"\"\n\n"
			   "    __slots__ = ()\n\n"
			   "    if TYPE_CHECKING:\n",
			kinds[i].cls, swi_category_element(kinds[i].cat));
		int first, last;
		swi_category_range(kinds[i].cat, &first, &last);
		for (int k = first; k <= last; k++) {
			char low[128];
			lower_snake(swi_kenmerken[k].element, low, sizeof low);
			const char *t = py_type(&swi_kenmerken[k]);
			fprintf(f, "        @property\n"
				   "        def %s(self) -> %s | None:\n"
				   "            \"\"\"Kenmerk %d: %s.\"\"\"\n\n"
				   "        @%s.setter\n"
				   "        def %s(self, value: %s | None) -> None: ...\n\n",
				low, t, k, swi_kenmerken[k].label, low, low, t);
		}
	}
}

/* ---- driver -------------------------------------------------------------- */

enum { MAX_FILES = 64 };
static struct {
	char path[256]; /* relative to the source root */
	char base[64];  /* for --out */
	char *text;
	size_t len;
} files[MAX_FILES];
static int n_files;

static void add(const char *dir, const char *base, void (*gen)(FILE *),
		void (*gen_list)(FILE *, const struct swi_kenmerk_def *),
		const struct swi_kenmerk_def *l)
{
	if (n_files == MAX_FILES) {
		fprintf(stderr, "codes-gen: too many files\n");
		exit(2);
	}
	snprintf(files[n_files].path, sizeof files[n_files].path, "%s%s", dir, base);
	snprintf(files[n_files].base, sizeof files[n_files].base, "%s", base);
	FILE *f = open_memstream(&files[n_files].text, &files[n_files].len);
	if (!f) {
		perror("codes-gen");
		exit(2);
	}
	if (gen)
		gen(f);
	else
		gen_list(f, l);
	fclose(f);
	n_files++;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *text = NULL;
	size_t cap = 0, n = 0, r;
	do {
		if (n + 4096 > cap) {
			char *bigger = realloc(text, cap = cap * 2 + 4096);
			if (!bigger) {
				free(text);
				fclose(f);
				return NULL;
			}
			text = bigger;
		}
		r = fread(text + n, 1, cap - n, f);
		n += r;
	} while (r);
	fclose(f);
	*len = n;
	return text;
}

static int put(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int write = argc == 3 && strcmp(argv[1], "--write") == 0;
	int out = argc == 3 && strcmp(argv[1], "--out") == 0;
	if (argc != 2 + (write || out)) {
		fprintf(stderr, "usage: codes-gen [--write | --out DIR] SRCROOT\n");
		return 2;
	}
	const char *root = argv[argc - 1];
	collect();
	add("include/swi/", "codes.h", gen_c, NULL, NULL);
	add("lib/", "code-lists.h", gen_lib, NULL, NULL);
	add(JAVA_DIR, "Kenmerk.java", gen_java_kenmerk, NULL, NULL);
	for (int i = 0; i < n_lists; i++) {
		char base[64];
		snprintf(base, sizeof base, "%s.java", lists[i]->code_list);
		add(JAVA_DIR, base, NULL, gen_java_list, lists[i]);
	}
	add("bindings/python/swi/", "_codes.py", gen_python, NULL, NULL);

	int bad = 0;
	for (int i = 0; i < n_files; i++) {
		char path[4096];
		if (out) {
			snprintf(path, sizeof path, "%s/%s", root, files[i].base);
			bad |= put(path, files[i].text, files[i].len);
			continue;
		}
		snprintf(path, sizeof path, "%s/%s", root, files[i].path);
		if (write) {
			bad |= put(path, files[i].text, files[i].len);
			continue;
		}
		size_t len = 0;
		char *now = slurp(path, &len);
		if (!now || len != files[i].len || memcmp(now, files[i].text, len) != 0) {
			fprintf(stderr, "%s differs from lib/kenmerken.c; run "
					"build/tests/codes-gen --write . and commit\n", files[i].path);
			bad = 1;
		}
		free(now);
	}
	for (int i = 0; i < n_files; i++)
		free(files[i].text);
	return bad;
}
