/* A range nested inside the one before it. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_range ranges[] = {
    {1101000, 1109999, "outer", "外", "outer"},
    {1105000, 1105999, "inner", "内", "inner"},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_RANGES(ranges));
