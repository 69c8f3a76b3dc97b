/* entries NULL with a count of 5. */
#include "hostile.h"

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, .entries = NULL, .n_entries = 5);
