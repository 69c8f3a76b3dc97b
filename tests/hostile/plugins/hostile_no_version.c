/* An empty version. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};

BKERR_CATALOG_DEFINE(.id = "cmdb", .prefix = 11, .name_zh = "配置平台",
                     .name_en = "CMDB", .version = "",
                     BKERR_ENTRIES(entries));
