/* Quarter-to-quarter comparison: being written. */
#include "private.h"
