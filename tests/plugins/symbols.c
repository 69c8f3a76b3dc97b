/* A hand-written catalog (id job, prefix 12) whose symbols meet
 * handmade.c's (id cmdb): HmBoth is in both, in an entry, a variant and a
 * legacy code; HmZhOnly in a '/'-separated list.  Its names differ from
 * the spec's, which win. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1200001, "HmBoth", "作业中文", "job English", NULL, NULL},
    {1200002, "SyFirst/HmZhOnly/SyLast", "多个常量", "several constants",
     NULL, NULL},
    {1201000, "SyRanged", "模块内", "in a module", NULL, NULL},
};
static const struct bkerr_range ranges[] = {
    {1201000, 1201999, "script", "脚本方案", "Script advice"},
    {1202000, 1202999, NULL, NULL, "English-only range advice"},
};
static const struct bkerr_entry legacy[] = {
    {5, "HmBoth", "遗留", "legacy", NULL, NULL},
};
static const struct bkerr_variant variants[] = {
    {{1200002, "HmBoth", NULL, "several constants, again", NULL, NULL}, {0}},
};

BKERR_CATALOG_DEFINE(
    .id = "job", .prefix = 12,
    .name_zh = "作业（测试）", .name_en = "Job (test)",
    .version = "1.0", .origin = "tests/plugins/symbols.c",
    BKERR_ENTRIES(entries), BKERR_RANGES(ranges), BKERR_LEGACY(legacy),
    BKERR_VARIANTS(variants));
