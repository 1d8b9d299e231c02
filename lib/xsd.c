/*
 * The XSD of the SWI file, generated from the kenmerken table so that the
 * schema, the writer and the setters can never disagree. The installed
 * swi.xsd is this output (a test compares them byte for byte).
 */
#include <stdio.h>
#include <string.h>

#include "private.h"

struct xsd {
	swi_buffer *b;
	int rc;
};

static void emit(struct xsd *x, const char *fmt, ...) SWI_ATTR_PRINTF(2, 3);
static void emit(struct xsd *x, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (x->rc == SWI_OK)
		x->rc = swi_buffer_append(x->b, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

/* The facets of a kenmerk's value (guideline 3.2). */
static void emit_simple_type(struct xsd *x, const struct swi_kenmerk_def *def)
{
	emit(x, "  <xs:simpleType name=\"K%d\">\n", def->number);
	emit(x, "    <xs:annotation><xs:documentation>kenmerk %d: %s</xs:documentation></xs:annotation>\n",
	     def->number, def->label);
	emit(x, "    <xs:restriction base=\"xs:string\">\n");
	switch ((swi_value_type)def->type) {
	case SWI_TYPE_CODE:
	case SWI_TYPE_TEXT_CODE:
		for (int i = 0; i < def->n_codes; i++)
			emit(x, "      <xs:enumeration value=\"%s\"/>\n", def->codes[i].code);
		break;
	case SWI_TYPE_YEAR:
	case SWI_TYPE_CODE4:
	case SWI_TYPE_BSN:
		emit(x, "      <xs:pattern value=\"[0-9]{%d}\"/>\n", def->width);
		break;
	case SWI_TYPE_DATE:
		/* jjjjmmdd with a real month and a day 01-31; the calendar check
		 * (no 20250229) is the rule engine's. */
		emit(x, "      <xs:pattern value=\"[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])\"/>\n");
		break;
	case SWI_TYPE_NUMBER:
		emit(x, "      <xs:pattern value=\"[0-9]{1,%d}\"/>\n", def->width);
		break;
	case SWI_TYPE_TEXT:
		/* 3.2.3: ASCII '!' up to '}' -- digits, letters and the listed
		 * punctuation, no space, no '~', no diacritics. */
		emit(x, "      <xs:minLength value=\"1\"/>\n");
		emit(x, "      <xs:maxLength value=\"%d\"/>\n", def->width);
		emit(x, "      <xs:pattern value=\"[!-}]+\"/>\n");
		break;
	}
	emit(x, "    </xs:restriction>\n  </xs:simpleType>\n");
}

static void emit_kenmerken(struct xsd *x, swi_category c)
{
	int first, last;
	swi_category_range(c, &first, &last);
	for (int k = first; k <= last; k++) {
		const struct swi_kenmerk_def *def = &swi_kenmerken[k];
		emit(x, "      <xs:element name=\"%s\" type=\"K%d\"%s/>\n", def->element, k,
		     def->required ? "" : " minOccurs=\"0\"");
	}
}

static void emit_record_type(struct xsd *x, swi_category c)
{
	emit(x, "  <xs:complexType name=\"%s\">\n    <xs:sequence>\n", swi_category_element(c));
	emit_kenmerken(x, c);
	emit(x, "    </xs:sequence>\n  </xs:complexType>\n");
}

SWI_EXPORT int swi_schema_xsd(swi_buffer **out)
{
	if (!out)
		return SWI_EINVAL;
	*out = NULL;
	struct xsd x = {.b = swi_buffer_new(NULL, NULL), .rc = SWI_OK};
	if (!x.b)
		return SWI_ENOMEM;

	emit(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	emit(&x, "<!-- SWI delivery (CBS Statistiek Wet Inburgering), as written by libswi.\n"
		 "     Generated from libswi's kenmerken table; do not edit by hand. -->\n");
	emit(&x, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
		 "elementFormDefault=\"qualified\">\n");
	emit(&x, "  <xs:element name=\"SWI\">\n    <xs:complexType>\n      <xs:sequence>\n");
	emit(&x, "        <xs:element name=\"%s\" type=\"%s\"/>\n",
	     swi_category_element(SWI_CATEGORY_LEVERING), swi_category_element(SWI_CATEGORY_LEVERING));
	emit(&x, "        <xs:element name=\"%s\" type=\"%s\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>\n",
	     swi_category_element(SWI_CATEGORY_PERSOON), swi_category_element(SWI_CATEGORY_PERSOON));
	emit(&x, "      </xs:sequence>\n    </xs:complexType>\n  </xs:element>\n");

	emit_record_type(&x, SWI_CATEGORY_LEVERING);

	emit(&x, "  <xs:complexType name=\"%s\">\n    <xs:sequence>\n",
	     swi_category_element(SWI_CATEGORY_PERSOON));
	emit_kenmerken(&x, SWI_CATEGORY_PERSOON);
	for (int c = SWI_CATEGORY_PIP; c <= SWI_CATEGORY_BOETE; c++) {
		int max = swi_category_max_per_person((swi_category)c);
		char max_text[16];
		if (max > 0)
			snprintf(max_text, sizeof(max_text), "%d", max);
		emit(&x, "      <xs:element name=\"%s\" type=\"%s\" minOccurs=\"0\" maxOccurs=\"%s\"/>\n",
		     swi_category_element((swi_category)c), swi_category_element((swi_category)c),
		     max > 0 ? max_text : "unbounded");
	}
	emit(&x, "    </xs:sequence>\n  </xs:complexType>\n");
	for (int c = SWI_CATEGORY_PIP; c <= SWI_CATEGORY_BOETE; c++)
		emit_record_type(&x, (swi_category)c);
	for (int k = SWI_KENMERK_FIRST; k <= SWI_KENMERK_LAST; k++)
		emit_simple_type(&x, &swi_kenmerken[k]);
	emit(&x, "</xs:schema>\n");

	if (x.rc != SWI_OK) {
		swi_buffer_free(x.b);
		return x.rc;
	}
	*out = x.b;
	return SWI_OK;
}
