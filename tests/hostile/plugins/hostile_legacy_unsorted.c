/* Legacy codes out of order. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_entry legacy[] = {
    {9000, "Nine", "九", "nine", NULL, NULL},
    {-2, "MinusTwo", "负二", "minus two", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_LEGACY(legacy));
