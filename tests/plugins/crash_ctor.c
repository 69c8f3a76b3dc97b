/* A catalog whose constructor crashes (SIGSEGV) when it is loaded: a valid
 * descriptor (id cmdb, prefix 11) that bkerr never gets to read.  Only
 * `bkerr check` may load it, in a child process (tests/cli_b.sh). */
#include <signal.h>

#include <bkerr/plugin.h>

__attribute__((constructor)) static void crash_on_load(void)
{
    raise(SIGSEGV);
}

static const struct bkerr_entry entries[] = {
    {1100001, "CrashCtor", "构造函数崩溃", "constructor crashes", "修复插件",
     "fix the plugin"},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11,
    .name_zh = "配置平台（崩溃）", .name_en = "CMDB (crashes)",
    .version = "0.0.1", BKERR_ENTRIES(entries));
