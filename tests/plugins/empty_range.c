/* Breaks the range-content rule (common/rules.h): a range with neither a
 * module nor advice, which bkerr-catc refuses in a source too.  The empty
 * strings count as none. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1101001, "InTheRange", "错误", "error", NULL, NULL},
};

static const struct bkerr_range ranges[] = {
    {1101000, 1101999, "topo", NULL, NULL},
    {1102000, 1102999, NULL, "", ""},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries), BKERR_RANGES(ranges));
