/*
 * A vendor's program as it would use an installed or vendored libswi:
 * only <swi/swi.h> and the public API. Builds a one-person delivery,
 * validates it and writes it to memory; exit 0 when that worked.
 */
#include <stdio.h>
#include <string.h>

#include <swi/swi.h>

#if !SWI_CHECK_VERSION(0, 2, 0)
#error "this program needs libswi 0.2.0 or newer"
#endif

#ifdef SWI_BUILDING_LIBRARY
#error "a private define of libswi leaked into a consumer's build"
#endif

static int fail(const char *what, swi_delivery *d)
{
	fprintf(stderr, "vendor: %s: %s\n", what, d ? swi_delivery_last_message(d) : "");
	swi_delivery_free(d);
	return 1;
}

int main(void)
{
	swi_delivery *d;
	if (swi_delivery_new(&d) != SWI_OK)
		return fail("new", NULL);
	if (swi_delivery_set_int(d, SWI_K_STATISTIEKJAAR, 2026) ||
	    swi_delivery_set_int(d, SWI_K_STATISTIEKKWARTAAL, 3) ||
	    swi_delivery_set_text(d, SWI_K_NAAM_SOFTWAREPAKKET, "and") ||
	    swi_delivery_set_text(d, SWI_K_VERSIE_SOFTWAREPAKKET, "4.2") ||
	    swi_delivery_set_int(d, SWI_K_BERICHTGEVERCODE, 153) ||
	    swi_delivery_set_int(d, SWI_K_GEMEENTECODE, 153) ||
	    swi_delivery_set_reference_date(d, 20261015))
		return fail("levering", d);
	swi_person *p;
	if (swi_delivery_add_person(&p, d, "111222333") ||
	    swi_person_set_int(p, SWI_K_GEBOORTEDATUM, 19900101) ||
	    swi_person_set_int(p, SWI_K_GESLACHT, 1) || swi_person_set_int(p, SWI_K_TYPE_MIGRANT, 2))
		return fail("persoon", d);
	swi_report *r;
	if (swi_delivery_validate(&r, d, NULL, 0) != SWI_OK)
		return fail("validate", d);
	size_t errors = swi_report_count_severity(r, SWI_SEVERITY_ERROR);
	for (size_t i = 0; i < swi_report_count(r); i++)
		fprintf(stderr, "%s %s\n", swi_report_rule(r, i), swi_report_message(r, i));
	swi_report_free(r);
	if (errors)
		return fail("errors in the delivery", d);
	swi_buffer *xml;
	if (swi_delivery_write_buffer(&xml, d, 0) != SWI_OK)
		return fail("write", d);
	int ok = strstr(swi_buffer_data(xml), "<Burgerservicenummer>111222333<") != NULL;
	swi_buffer_free(xml);
	swi_delivery_free(d);
	printf("libswi %s (headers %d.%d.%d): %s\n", swi_version(), SWI_VERSION_MAJOR,
	       SWI_VERSION_MINOR, SWI_VERSION_MICRO, ok ? "geschreven" : "FOUT");
	return ok ? 0 : 1;
}
