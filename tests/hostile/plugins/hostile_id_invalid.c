/* A descriptor id that is not UTF-8 (Latin-1 "cmdbé"). */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};

BKERR_CATALOG_DEFINE(.id = "cmdb\xe9", .prefix = 11, .name_zh = "配置平台",
                     .name_en = "CMDB", .version = "1",
                     BKERR_ENTRIES(entries));
