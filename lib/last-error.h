/*
 * The last-error slot of a delivery (last-error.c).
 */
#ifndef SWI_LAST_ERROR_H
#define SWI_LAST_ERROR_H

#include <swi/swi.h>

#ifndef SWI_ATTR_PRINTF
#define SWI_ATTR_PRINTF(a, b) __attribute__((format(printf, a, b)))
#endif

/* Records `status` with a formatted message in d's last-error slot, masked
 * (mask.c), and returns `status`; d may be NULL (then only returns it). */
int swi_error(swi_delivery *d, int status, const char *fmt, ...) SWI_ATTR_PRINTF(3, 4);

#endif
