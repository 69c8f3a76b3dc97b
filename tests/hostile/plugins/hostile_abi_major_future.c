/* ABI major 65535. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Future", "未来", "future", NULL, NULL},
};

HOSTILE_EXPORT(struct bkerr_catalog) = {
    .abi_major = 65535, .abi_minor = 0,
    .size = (uint32_t)sizeof(struct bkerr_catalog),
    HOSTILE_NAMES, BKERR_ENTRIES(entries),
};
