/* Breaks the disjoint-ranges rule: two ranges overlap. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "BadRange", "错误", "error", NULL, NULL},
};

static const struct bkerr_range ranges[] = {
    {1101000, 1101999, "topo", "拓扑方案", "topology advice"},
    {1101500, 1102999, "host", "主机方案", "host advice"},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries), BKERR_RANGES(ranges));
