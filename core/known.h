/* known.c: whether the loaded catalogs know a code. */
#ifndef BKERR_KNOWN_H
#define BKERR_KNOWN_H

#include <stdbool.h>
#include <stdint.h>

#include "bkerr/bkerr.h"

/* True if code, a standard 7-digit code, has an entry that a plain lookup
 * answers from: its prefix owner's (status BKERR_FOUND) or a guest's
 * (BKERR_GUEST); a generic ID does not count.  False for reg NULL.  No
 * allocation beyond a lookup's (a lazy registry may load catalogs). */
bool bk_code_known(const bkerr_registry *reg, int64_t code);

#endif
