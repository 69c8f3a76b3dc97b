/* An entry whose English message lies a megabyte past the pool's end. */
#include "hostile.h"

static const char pool[] = "\0good";
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 1, 1048576, 0, 0, 0}));
