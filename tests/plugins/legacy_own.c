/* Breaks the legacy rule: a legacy code under the catalog's own prefix. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "Standard", "错误", "error", NULL, NULL},
};

static const struct bkerr_entry legacy[] = {
    {1199001, "OwnPrefix", "本该在 entries", "belongs in entries", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries), BKERR_LEGACY(legacy));
