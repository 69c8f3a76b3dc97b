/* A message with an unclosed placeholder. */
#include "hostile.h"

static const char pool[] = "\0good\0open {name";
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 1, 6, 0, 0, 0}));
