/* A pool whose last string has no NUL: every text in it could run off the
 * end. */
#include "hostile.h"

static const char pool[5] = {'\0', 'o', 'p', 'e', 'n'};
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 1, 1, 0, 0, 0}));
