/* The symbol under another ABI: a home-made layout (a 32-bit version 0, a
 * name, a table of strings) that is large enough to pass the size check. */
#include <stdint.h>

#include "hostile.h"

struct not_our_abi {
    uint32_t version; /* read as abi_major 0, abi_minor 0 */
    uint32_t flags;   /* read as size */
    const char *name;
    const char *texts[16];
};

HOSTILE_EXPORT(struct not_our_abi) = {
    .version = 0, .flags = 0, .name = "cmdb",
    .texts = {"1100001", "not a bkerr catalog"},
};
