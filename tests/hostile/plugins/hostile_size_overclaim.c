/* A whole ABI 1.0 descriptor that claims to be 4096 bytes: a newer-minor
 * reader would take fields from past the symbol. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Overclaim", "声称过大", "claims too much", NULL, NULL},
};

HOSTILE_EXPORT(struct bkerr_catalog) = {
    .abi_major = BKERR_ABI_MAJOR, .abi_minor = BKERR_ABI_MINOR, .size = 4096,
    HOSTILE_NAMES, BKERR_ENTRIES(entries),
};
