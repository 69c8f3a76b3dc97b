/* A legacy entry's raise sites that are not UTF-8. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_entry legacy[] = {
    {3001, "L", "乙", "b", NULL, NULL},
};
static const struct bkerr_about legacy_about[] = {
    {BKERR_CODE_ACTIVE, 0, "src/a.go:1", "src/\xc0\xaf" "b.go:2", NULL, NULL,
     NULL},
};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_LEGACY(legacy), .legacy_about = legacy_about);
