/* The exported symbol is a 16-byte object whose header claims a whole
 * descriptor: reading the rest would read past the object. */
#include "hostile.h"

struct header_only {
    uint16_t abi_major, abi_minor;
    uint32_t size;
    const char *id;
};

HOSTILE_EXPORT(struct header_only) = {
    BKERR_ABI_MAJOR, BKERR_ABI_MINOR, (uint32_t)sizeof(struct bkerr_catalog),
    "cmdb",
};
