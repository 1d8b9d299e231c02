/* The mirror report (spiegelrapport): being written. */
#include "private.h"
