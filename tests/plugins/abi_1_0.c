/* A catalog built against the ABI 1.0 headers: its descriptor ends after
 * n_legacy, so the registry must read it by its size and never look for
 * the 1.1 packed field past its end. */
#include <bkerr/plugin.h>

struct catalog_1_0 { /* struct bkerr_catalog as ABI 1.0 declared it */
    uint16_t abi_major, abi_minor;
    uint32_t size;
    const char *id;
    int32_t prefix;
    const char *name_zh, *name_en, *version, *origin;
    const struct bkerr_entry *entries;
    size_t n_entries;
    const struct bkerr_range *ranges;
    size_t n_ranges;
    const struct bkerr_entry *legacy;
    size_t n_legacy;
};

static const struct bkerr_entry entries[] = {
    {1100007, "Old", "旧版目录", "an ABI 1.0 catalog", NULL, NULL},
    {1199000, "OldToo", "旧版目录二", "another code", NULL, NULL},
};

extern BKERR_PLUGIN_EXPORT const struct catalog_1_0 bkerr_catalog;
const struct catalog_1_0 bkerr_catalog = {
    .abi_major = 1, .abi_minor = 0, .size = sizeof(struct catalog_1_0),
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries),
};
