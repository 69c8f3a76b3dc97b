/* No name in either language. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};

BKERR_CATALOG_DEFINE(.id = "cmdb", .prefix = 11, .name_zh = "",
                     .name_en = NULL, .version = "1",
                     BKERR_ENTRIES(entries));
