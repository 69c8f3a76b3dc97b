/* A variant of a code that has no primary entry. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_variant variants[] = {
    {{1100002, "B", "乙", "b", NULL, NULL}, {0}},
};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_VARIANTS(variants));
