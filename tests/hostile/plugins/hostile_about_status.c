/* A provenance record whose status is no enum bkerr_code_status value. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_about about[] = {
    {7, 0, "src/a.go:1", NULL, NULL, NULL, NULL},
};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries), .about = about);
