/* Positive control: a good catalog.  The runner also copies it with a
 * group- or world-writable mode, into a group-writable directory, owned
 * by another user or cut short, each of which must be refused. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "HostileOk", "敌意测试正常", "hostile control", "无", "none"},
    {1100002, "HostileParam", "参数 {field} 错误", "bad {field} ({0})", NULL,
     NULL},
};
static const struct bkerr_range ranges[] = {
    {1100000, 1100999, "ctl", "检查", "check"},
};
static const struct bkerr_entry legacy[] = {
    {3001, "HostileLegacy", "旧码", "old code", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries),
                     BKERR_RANGES(ranges), BKERR_LEGACY(legacy));
