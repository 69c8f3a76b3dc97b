/* Breaks the id rule: a valid gse catalog (prefix 10), loaded from [catalog.cmdb]. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1099000, "BadId", "错误", "error", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "gse", .prefix = 10, .name_zh = "管控平台", .name_en = "GSE",
    .version = "1.0", BKERR_ENTRIES(entries));
