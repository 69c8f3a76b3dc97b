/* Compiled provenance whose raise site holds U+202E. */
#include "hostile.h"

static const char pool[] = "\0good\0src/\xE2\x80\xAEog.a:1";
static const struct bkerr_packed_about packed_about[] = {
    {BKERR_CODE_ACTIVE, 0, 0, 6, 0, 0, 0},
    {BKERR_CODE_ACTIVE, 0, 0, 0, 0, 0, 0},
};
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 1, 1, 0, 0, 0}),
               .packed_about = packed_about);
