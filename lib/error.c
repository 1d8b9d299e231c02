/* Status code descriptions, errno texts and the library version. */
#define _POSIX_C_SOURCE 200809L /* the XSI strerror_r */

#include <stdio.h>
#include <string.h>

#include "private.h"

const char *swi_errno_text(int e, char *buf, size_t size)
{
	if (strerror_r(e, buf, size) != 0)
		snprintf(buf, size, "fout %d", e);
	return buf;
}

SWI_EXPORT const char *swi_strerror(int status)
{
	switch ((enum swi_status)status) {
	case SWI_OK: return "success";
	case SWI_ENOMEM: return "out of memory";
	case SWI_EINVAL: return "invalid argument";
	case SWI_EKENMERK: return "unknown kenmerk";
	case SWI_ECATEGORY: return "kenmerk belongs to another record kind";
	case SWI_EFORMAT: return "value not in the kenmerk's notation";
	case SWI_EDATE: return "not an existing calendar date";
	case SWI_ECODE: return "value not in the code list";
	case SWI_ERANGE: return "number out of range";
	case SWI_ECHARSET: return "character not allowed";
	case SWI_ETOOLONG: return "text too long";
	case SWI_EBSN: return "invalid BSN (11-test)";
	case SWI_EDUPLICATE: return "BSN already in the delivery";
	case SWI_ENOTSET: return "kenmerk has no value";
	case SWI_ENOTFOUND: return "person not found";
	case SWI_EBUFFER: return "buffer too small";
	case SWI_EIO: return "input/output error";
	case SWI_EINCOMPLETE: return "a required kenmerk is missing";
	case SWI_EINVALID: return "the delivery has validation errors";
	case SWI_EUNSUPPORTED: return "not supported by this build";
	case SWI_EREQUIRED: return "kenmerk cannot be unset";
	case SWI_EYEAR: return "no ruleset for this statistiekjaar";
	case SWI_EREMOVED: return "the person or record was removed";
	case SWI_EDATAFILE: return "malformed data file (municipality list)";
	}
	return "unknown status code";
}

SWI_EXPORT const char *swi_version(void)
{
	return SWI_VERSION_STRING;
}
