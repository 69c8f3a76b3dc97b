/* A non-zero offset to an empty string: a lookup would return "" where
 * the rule is "no text, fall back to the other language". */
#include "hostile.h"

static const char pool[] = "\0good\0";
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 1, 6, 0, 0, 0}));
