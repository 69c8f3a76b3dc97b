/* A provenance record that counts variants its code does not have:
 * lookups take a code's definitions from the record. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_about about[] = {
    {BKERR_CODE_ACTIVE, 2, "src/a.go:1", NULL, NULL, NULL, NULL},
};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries), .about = about);
