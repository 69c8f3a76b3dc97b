/* A billion-entry count over a one-entry table: the loader must not walk
 * past the object (48 GB of it).  Pending a core fix: see README. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Billion", "十亿", "a billion", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, .entries = entries,
                     .n_entries = 1000000000);
