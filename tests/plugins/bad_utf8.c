/* Breaks the UTF-8 rule: a message holds a truncated multi-byte sequence. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "BadUtf8", "\xe5\x8f" "error", "error", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries));
