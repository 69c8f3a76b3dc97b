/* Breaks the non-empty rule: the descriptor's id is NULL. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "NullId", "错误", "error", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = NULL, .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries));
