/* A compiled message holding U+2066 LEFT-TO-RIGHT ISOLATE. */
#include "hostile.h"

static const char pool[] = "\0good\0\xE2\x81\xA6isolated";
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 1, 6, 0, 0, 0}));
