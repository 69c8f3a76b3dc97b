/* Breaks the placeholder rule: a message with an unclosed "{name". */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "BadPlaceholder", "参数 {name 错误", "parameter {name is wrong", NULL,
     NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries));
