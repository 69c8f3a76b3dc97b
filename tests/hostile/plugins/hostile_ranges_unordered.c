/* Two disjoint ranges in the wrong order. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_range ranges[] = {
    {1102000, 1102999, "late", "后", "late"},
    {1101000, 1101999, "early", "前", "early"},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_RANGES(ranges));
