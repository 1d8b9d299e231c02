/*
 * The last-error slot of a delivery: status, kenmerk and a masked Dutch
 * message of the last failed call, and the public getters for them.
 */
#include <stdarg.h>

#include "private.h"

int swi_error(swi_delivery *d, int status, const char *fmt, ...)
{
	if (d) {
		va_list ap;
		va_start(ap, fmt);
		/* No show-BSN flag here: the slot (and the bindings' exception
		 * texts made from it) is always masked, one line (mask.c). */
		swi_mask_vformat(d->last_message, sizeof(d->last_message),
				 SWI_MASK_BSN | SWI_MASK_ESCAPE, fmt, ap);
		va_end(ap);
		d->last_error = status;
		d->last_kenmerk = 0; /* the kenmerk accessors set it after this */
	}
	return status;
}

SWI_EXPORT int swi_delivery_last_error(const swi_delivery *d)
{
	return d ? d->last_error : SWI_EINVAL;
}

SWI_EXPORT int swi_delivery_last_kenmerk(const swi_delivery *d)
{
	return d ? d->last_kenmerk : 0;
}

SWI_EXPORT const char *swi_delivery_last_message(const swi_delivery *d)
{
	return d ? d->last_message : "";
}
