/* A catalog whose constructor never returns when it is loaded: a valid
 * descriptor (id cmdb, prefix 11) that bkerr never gets to read.  Only
 * `bkerr check --timeout` may load it, in a child process that it kills
 * (tests/cli_b.sh). */
#include <unistd.h>

#include <bkerr/plugin.h>

__attribute__((constructor)) static void hang_on_load(void)
{
    for (;;)
        pause();
}

static const struct bkerr_entry entries[] = {
    {1100001, "HangCtor", "构造函数挂起", "constructor hangs", "修复插件",
     "fix the plugin"},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11,
    .name_zh = "配置平台（挂起）", .name_en = "CMDB (hangs)",
    .version = "0.0.1", BKERR_ENTRIES(entries));
