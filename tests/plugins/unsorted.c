/* Breaks the sorted rule: entries are out of order by code. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199001, "Later", "错误二", "error two", NULL, NULL},
    {1199000, "Earlier", "错误一", "error one", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries));
