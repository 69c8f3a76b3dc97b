/* n_variants 1e9 over a table of one. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_variant variants[] = {
    {{1100001, "A2", "甲二", "a2", NULL, NULL}, {0}},
};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     .variants = variants, .n_variants = 1000000000);
