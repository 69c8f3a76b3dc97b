/* A legacy code under the catalog's own prefix: it belongs in entries. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_entry legacy[] = {
    {3001, "Old", "旧", "old", NULL, NULL},
    {1100002, "Hidden", "藏起来的", "hidden", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_LEGACY(legacy));
