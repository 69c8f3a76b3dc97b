/* code.c: parse and classify codes. */
#ifndef BKERR_COMMON_CODE_H
#define BKERR_COMMON_CODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bkerr/bkerr.h"

/* bkerr_classify(), inlined on the lookup path. */
static inline enum bkerr_class bk_classify(int64_t code)
{
    if (code == -1 || code == 0)
        return BKERR_CLASS_SPECIAL;
    if (code >= 1000000 && code <= 9999999)
        return BKERR_CLASS_STANDARD;
    return BKERR_CLASS_NONSTANDARD;
}

/* An enum bkerr_code_status from its name ("active" ...; "unstated" is
 * not a name one writes); false if s names none. */
bool bk_code_status_parse(const char *s, enum bkerr_code_status *out);
/* The index of the first of n elements, stride bytes apart from keys on,
 * whose int64_t key (at keys + i * stride) is >= key: every sorted table
 * of codes (entries, legacy, variants, guests; ranges by last) is
 * searched with it.  n when there is none. */
size_t bk_lower_bound(const void *keys, size_t n, size_t stride, int64_t key);
/* The highest enum bkerr_code_status value. */
#define BK_CODE_STATUS_MAX BKERR_CODE_REMOVED

#endif
