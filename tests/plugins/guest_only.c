/* A catalog of a product with no prefix of its own (id guestprod, as bk_hcm
 * or bk_lite are): every code it emits lies under another product's
 * prefix, or is of another width, so all are legacy codes. */
#include <bkerr/plugin.h>

static const struct bkerr_entry legacy[] = {
    {42, "GpShort", "短码", "short code", NULL, NULL},
    {1100001, "GpOverCmdb", "借用配置平台的码", "borrowed from cmdb", NULL,
     NULL},
    {1812345, "GpUnassigned", "未分配前缀下的码", "under an unassigned prefix",
     NULL, NULL},
    {2000014, "GpLoadBalancer", "负载均衡正在变更", "load balancer is changing",
     "稍后重试", "Retry later"},
};
static const struct bkerr_about legacy_about[] = {
    {0, 1, NULL, NULL, NULL, NULL, NULL},
    {0, 0, NULL, NULL, NULL, NULL, NULL},
    {0, 0, NULL, NULL, NULL, NULL, NULL},
    {BKERR_CODE_ACTIVE, 1, "pkg/errf/code.go:14", "pkg/lb/lock.go:20", NULL,
     NULL, NULL},
};
static const struct bkerr_variant variants[] = {
    /* a code of another width has variants too (no prefix to confuse) */
    {{42, "GpShort2", "短码二", "short code, again", NULL, NULL}, {0}},
    {{2000014, "GpLoadBalancer2", "另一含义", "another meaning", NULL, NULL},
     {0}},
};

BKERR_CATALOG_DEFINE(
    .id = "guestprod", .prefix = 0,
    .name_zh = "客居产品", .name_en = "Guest product", .version = "1.0",
    BKERR_LEGACY(legacy), .legacy_about = legacy_about,
    BKERR_VARIANTS(variants));
