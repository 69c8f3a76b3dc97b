/* The sized structs of the read model (bkerr.h): a caller built with an
 * older, shorter struct gets only the members it knows of. */
#include "common/sized.h"

#include <stdint.h>
#include <string.h>

bool bk_sized_ok(const void *out, size_t first_size)
{
    uint32_t size;
    if (!out)
        return false;
    memcpy(&size, out, sizeof size);
    return size >= first_size;
}

void bk_sized_put(void *out, const void *full, size_t full_size)
{
    uint32_t size;
    memcpy(&size, out, sizeof size);
    size_t n = size < full_size ? size : full_size;
    /* the caller's size stays: it says what the caller was built with */
    memcpy((char *)out + sizeof size, (const char *)full + sizeof size,
           n - sizeof size);
}
