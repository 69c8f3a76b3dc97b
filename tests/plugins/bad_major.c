/* Breaks the ABI major rule: the descriptor claims ABI major 2. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "BadMajor", "错误", "error", NULL, NULL},
};

extern __attribute__((visibility("default"))) const struct bkerr_catalog bkerr_catalog;
const struct bkerr_catalog bkerr_catalog = {
    .abi_major = BKERR_ABI_MAJOR + 1,
    .abi_minor = BKERR_ABI_MINOR,
    .size = (uint32_t)sizeof(struct bkerr_catalog),
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries),
};
