/* A catalog for prefix 33, which the spec leaves unassigned: it loads only
 * where bkerr.ini allocates [platform.33] to id monitor. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {3300001, "MonitorError", "监控错误 {msg}", "monitor error {msg}", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "monitor", .prefix = 33,
    .name_zh = "监控平台（测试）", .name_en = "Monitor (test)",
    .version = "1.0", BKERR_ENTRIES(entries));
