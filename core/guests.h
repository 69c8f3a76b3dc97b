/* guests.c: codes under a prefix their catalog does not own. */
#ifndef BKERR_GUESTS_H
#define BKERR_GUESTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bkerr/bkerr.h"

/* True if some catalog of reg still waits for its lazy load. */
bool bk_any_lazy(const bkerr_registry *reg);
/* Builds reg's guest index from its loaded catalogs and publishes it;
 * false on ENOMEM (then there are none). */
bool bk_guests_build(bkerr_registry *reg);
/* Makes sure reg's guest index is built, loading every lazy catalog
 * first (once, under lazy_lock); reg non-NULL. */
void bk_guests_ready(const bkerr_registry *reg);
/* The guests of code (a standard code): their count, the first's index
 * in *first. */
size_t bk_guests_of(const bkerr_registry *reg, int64_t code, size_t *first);

#endif
