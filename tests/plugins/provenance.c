/* A hand-written ABI 1.2 catalog (id cmdb, prefix 11): provenance beside
 * its entries and legacy codes, and codes with several definitions. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1100001, "PvFirst", "第一种含义", "first meaning", "第一种方案",
     "first advice"},
    {1100002, "PvPlain", "普通", "plain", NULL, NULL},
    {1101000, "PvUnused", "未用", "unused one", NULL, NULL},
};
/* n_variants (the second member) counts each code's variants below */
static const struct bkerr_about about[] = {
    {BKERR_CODE_ACTIVE, 2, "src/errors.go:10", "src/a.go:1 src/b.go:2",
     "https://example.com/1100001", "两个常量", "two constants"},
    {0, 0, NULL, NULL, NULL, NULL, NULL},
    {BKERR_CODE_UNUSED, 1, "src/errors.go:30", NULL, NULL, NULL, NULL},
};
static const struct bkerr_range ranges[] = {
    {1101000, 1101999, "topo", "拓扑方案", "Topology advice"},
};
static const struct bkerr_entry legacy[] = {
    {3001, "PvLegacy", "旧码", "old code", NULL, NULL},
};
static const struct bkerr_about legacy_about[] = {
    {BKERR_CODE_REMOVED, 1, "src/old.go:7", NULL, NULL, NULL, NULL},
};
static const struct bkerr_variant variants[] = { /* by code */
    {{3001, "PvLegacy2", NULL, "old code, again", NULL, NULL},
     {BKERR_CODE_UNUSED, 0, NULL, NULL, NULL, NULL, NULL}},
    {{1100001, "PvSecond", "第二种含义 {0}", "second meaning {0}", NULL,
      "second advice"},
     {BKERR_CODE_DEPRECATED, 0, "src/errors.go:11", "src/c.go:3", NULL, NULL,
      NULL}},
    {{1100001, "PvThird", NULL, "third meaning", NULL, NULL}, {0}},
    {{1101000, "PvUnused2", "未用二", NULL, NULL, NULL}, {0}},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11,
    .name_zh = "配置平台（出处）", .name_en = "CMDB (provenance)",
    .version = "1.2.0", .origin = "tests/plugins/provenance.c",
    .upstream = "TencentBlueKing/bk-cmdb@111e7ac66a9f81ac1617bf3d60aea8e430e76a46",
    .upstream_version = "master, 2026-05-28",
    BKERR_ENTRIES(entries), BKERR_RANGES(ranges), BKERR_LEGACY(legacy),
    .about = about, .legacy_about = legacy_about, BKERR_VARIANTS(variants));
