/* guests.c: codes under a prefix their catalog does not own. */
#ifndef BKERR_GUESTS_H
#define BKERR_GUESTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "registry.h"

/* Builds and publishes every prefix's guests at open, unless a catalog
 * still waits for its lazy load (then each prefix's are built at their
 * first need); false on ENOMEM (then there are none). */
bool bk_guests_build_all(bkerr_registry *reg);
/* The guests of prefix (10-99), built first if they are not yet: in a
 * lazy registry that loads, under the lazy lock, the waiting catalogs
 * that may hold some (those whose plugin's guest note lists the prefix,
 * and those without a note). */
const struct bk_prefix_guests *bk_guests_ready(const bkerr_registry *reg,
                                               int prefix);
/* Whether a guest in pg, its prefix's, lies in the 64-code word of
 * suffix (a code's last five digits). */
static inline bool bk_guests_near(const struct bk_prefix_guests *pg,
                                  uint32_t suffix)
{
    uint32_t k = suffix / 64;
    return pg->word[k / 64] >> (k % 64) & 1;
}
/* The guests of code (suffix: its last five digits) in pg, its prefix's:
 * their count, the first in *first. */
static inline size_t bk_guests_at(const struct bk_prefix_guests *pg,
                                  uint32_t suffix, int64_t code,
                                  const struct bk_guest **first)
{
    *first = pg->g;
    if (!bk_guests_near(pg, suffix))
        return 0;
    size_t lo = 0, hi = pg->n;
    while (lo < hi) { /* the first guest >= code */
        size_t mid = lo + (hi - lo) / 2;
        if (pg->g[mid].code < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t i = lo;
    while (i < pg->n && pg->g[i].code == code)
        i++;
    *first = pg->g + lo;
    return i - lo;
}
/* The same for any standard code. */
static inline size_t bk_guests_of(const struct bk_prefix_guests *pg,
                                  int64_t code, const struct bk_guest **first)
{
    return bk_guests_at(pg, (uint32_t)(code % BKERR_SUFFIXES), code, first);
}

#endif
