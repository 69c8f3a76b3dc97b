/* Breaks the size rule: the descriptor says it is smaller than ABI 1.0's. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1199000, "BadSize", "错误", "error", NULL, NULL},
};

extern __attribute__((visibility("default"))) const struct bkerr_catalog bkerr_catalog;
const struct bkerr_catalog bkerr_catalog = {
    .abi_major = BKERR_ABI_MAJOR,
    .abi_minor = BKERR_ABI_MINOR,
    .size = (uint32_t)offsetof(struct bkerr_catalog, n_legacy),
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台", .name_en = "CMDB",
    .version = "1.0", BKERR_ENTRIES(entries),
};
