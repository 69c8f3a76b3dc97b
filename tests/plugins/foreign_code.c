/* Breaks the own-prefix rule for entries: a code with prefix 12 in cmdb (11). */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "Mine", "错误", "error", NULL, NULL},
    {1299000, "Foreign", "别人的错误", "someone else's error", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries));
