/* A message holding an encoded surrogate (ED A0 80), not UTF-8. */
#include "hostile.h"

static const char pool[] = "\0good\0\xed\xa0\x80 surrogate";
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 6, 1, 0, 0, 0}));
