/* A hand-written test catalog (id cmdb, prefix 11) with one entry for each
 * case the lookup tests need.  Written straight against the ABI header. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    /* both languages, own advice */
    {1100001, "HmBoth", "中文消息", "English message", "中文方案", "English advice"},
    /* Chinese only: an en lookup falls back to zh */
    {1100002, "HmZhOnly", "只有中文", NULL, "只有中文方案", ""},
    /* English only: a zh lookup falls back to en */
    {1100003, "HmEnOnly", "", "English only", NULL, "English-only advice"},
    /* no advice: inherits the topo range's */
    {1101000, "HmInherits", "创建实例失败", "Failed to create instance", NULL, NULL},
    /* placeholders, positional and named */
    {1199006, "HmParams", "'{0}' 参数 {field} 校验失败",
     "'{0}' parameter {field} failed", NULL, NULL},
    /* literal braces */
    {1199007, "HmBraces", "返回 {{\"ok\": false}}", "got {{\"ok\": false}}", NULL,
     NULL},
};

static const struct bkerr_range ranges[] = {
    {1101000, 1101999, "topo", "拓扑模块方案", "Topology module advice"},
    {1199000, 1199999, "common", "通用模块方案", NULL},
};

static const struct bkerr_entry legacy[] = {
    {-2, "HmUnknown", "未知错误", "unknown error", NULL, NULL},
    {0, "HmSuccess", "成功", "success", NULL, NULL},
    {3001, "HmJsonDecode", NULL, "json decode failed!", NULL, NULL},
    {4361001, "HmForeign", "借用其他前缀", "emitted under another prefix", NULL,
     NULL},
    {36100001, "HmEightDigits", "八位码", "eight digits", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11,
    .name_zh = "配置平台（测试）", .name_en = "CMDB (test)",
    .version = "9.9.9", .origin = "tests/plugins/handmade.c",
    BKERR_ENTRIES(entries), BKERR_RANGES(ranges), BKERR_LEGACY(legacy));
