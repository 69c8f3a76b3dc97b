/* A range's module holding DEL (0x7F). */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Deleted", "删除", "deleted", NULL, NULL},
};
static const struct bkerr_range ranges[] = {
    {1100000, 1100999, "mod\x7Fule", NULL, "advice"},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_RANGES(ranges));
