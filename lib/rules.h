/*
 * The rule engine's entry points used inside the library.
 */
#ifndef SWI_RULES_H
#define SWI_RULES_H

#include "private.h"

/*
 * The check a writer runs before it writes: SWI_OK, or an error recorded in
 * d's last-error slot (SWI_EINCOMPLETE for a kenmerk the schema requires).
 */
int swi_rules_gate(swi_delivery *d);

#endif
