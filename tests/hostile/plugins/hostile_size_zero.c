/* The descriptor says it is 0 bytes: smaller than ABI 1.0's. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "SizeZero", "大小为零", "size zero", NULL, NULL},
};

HOSTILE_EXPORT(struct bkerr_catalog) = {
    .abi_major = BKERR_ABI_MAJOR, .abi_minor = BKERR_ABI_MINOR, .size = 0,
    HOSTILE_NAMES, BKERR_ENTRIES(entries),
};
