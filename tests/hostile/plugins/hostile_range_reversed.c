/* A range whose first code is after its last. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_range ranges[] = {
    {1101999, 1101000, "backwards", "倒序", "backwards"},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_RANGES(ranges));
