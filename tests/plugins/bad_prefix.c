/* Breaks the prefix rule: id cmdb (allocated 11) declares prefix 12. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1299000, "BadPrefix", "错误", "error", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 12, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries));
