/* ABI 1.9: newer than the registry's 1.0. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Minor", "次版本", "minor", NULL, NULL},
};

HOSTILE_EXPORT(struct bkerr_catalog) = {
    .abi_major = BKERR_ABI_MAJOR, .abi_minor = 9,
    .size = (uint32_t)sizeof(struct bkerr_catalog),
    HOSTILE_NAMES, BKERR_ENTRIES(entries),
};
