/* A variant with no message in either language. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_variant variants[] = {
    {{1100001, "A2", NULL, "", "建议", "advice"}, {0}},
};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_VARIANTS(variants));
