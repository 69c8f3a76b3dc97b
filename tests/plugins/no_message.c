/* Breaks the message rule: an entry with no message in either language. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "NoMessage", NULL, "", "方案", "advice"},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries));
