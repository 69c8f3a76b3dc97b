/* A catalog whose constructor ends the process (_exit(7)) when it is
 * loaded: a valid descriptor (id cmdb, prefix 11) that bkerr never gets
 * to read.  Only `bkerr check` may load it, in a child process
 * (tests/cli_b.sh). */
#include <unistd.h>

#include <bkerr/plugin.h>

__attribute__((constructor)) static void exit_on_load(void)
{
    _exit(7);
}

static const struct bkerr_entry entries[] = {
    {1100001, "ExitCtor", "构造函数退出", "constructor exits", "修复插件",
     "fix the plugin"},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11,
    .name_zh = "配置平台（退出）", .name_en = "CMDB (exits)",
    .version = "0.0.1", BKERR_ENTRIES(entries));
