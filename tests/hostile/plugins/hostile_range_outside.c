/* A range that runs from the catalog's prefix into the next one. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_range ranges[] = {
    {1199000, 1200999, "spill", "越界", "spills over"},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_RANGES(ranges));
