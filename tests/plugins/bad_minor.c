/* Breaks the ABI minor rule: the descriptor claims a minor newer than the registry's. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "BadMinor", "错误", "error", NULL, NULL},
};

extern __attribute__((visibility("default"))) const struct bkerr_catalog bkerr_catalog;
const struct bkerr_catalog bkerr_catalog = {
    .abi_major = BKERR_ABI_MAJOR,
    .abi_minor = BKERR_ABI_MINOR + 1,
    .size = (uint32_t)sizeof(struct bkerr_catalog),
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries),
};
