/* Breaks the strictly-increasing rule: two entries share one code. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "DupFirst", "错误一", "error one", NULL, NULL},
    {1199000, "DupSecond", "错误二", "error two", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries));
