/* sized.c: reading and filling the caller's sized structs */
#ifndef BK_COMMON_SIZED_H
#define BK_COMMON_SIZED_H

#include <stdbool.h>
#include <stddef.h>

/* True if out is non-NULL and its leading uint32_t size is at least
 * first_size, the size of the struct's first version (a constant once the
 * struct has grown). */
bool bk_sized_ok(const void *out, size_t first_size);
/* Copies full (full_size bytes, its own size first) into out, as much as
 * out's size holds; out's size member is left as the caller set it. */
void bk_sized_put(void *out, const void *full, size_t full_size);

#endif
