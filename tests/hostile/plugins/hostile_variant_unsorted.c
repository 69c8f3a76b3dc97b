/* Variants out of code order: lookups could not find them all. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
    {1100002, "B", "乙", "b", NULL, NULL},
};
static const struct bkerr_variant variants[] = {
    {{1100002, "B2", "乙二", "b2", NULL, NULL}, {0}},
    {{1100001, "A2", "甲二", "a2", NULL, NULL}, {0}},
};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_VARIANTS(variants));
