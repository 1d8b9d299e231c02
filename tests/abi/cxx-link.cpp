/*
 * A C++ program linked against the shared libswi: each call resolves only
 * if its header wraps the declaration in extern "C" (else the name is
 * mangled and the link fails). One function from every public header.
 * argv[1] is the version the build declares; the library must agree.
 */
#include <cstdio>
#include <cstring>

#include <swi/swi.h>

int main(int argc, char **argv)
{
	if (argc != 2 || std::strcmp(swi_version(), argv[1]) != 0) {
		std::fprintf(stderr, "swi_version() is %s, the build declares %s\n", swi_version(),
			     argc > 1 ? argv[1] : "?");
		return 1;
	}
	if (std::strcmp(swi_strerror(SWI_EINVAL), swi_strerror(SWI_OK)) == 0)
		return 1;
	if (swi_kenmerk_by_element("Geboortedatum") != SWI_K_GEBOORTEDATUM)
		return 1;
	swi_delivery *d = nullptr;
	if (swi_delivery_new(&d) != SWI_OK || swi_delivery_person_count(d) != 0)
		return 1;
	swi_buffer *xsd = nullptr;
	if (swi_schema_xsd(&xsd) != SWI_OK || swi_buffer_size(xsd) == 0)
		return 1;
	swi_buffer_free(xsd);
	if (swi_rule_count() == 0)
		return 1;
	swi_delivery_free(d);
	std::printf("C++ program linked against libswi %s\n", swi_version());
	return 0;
}
