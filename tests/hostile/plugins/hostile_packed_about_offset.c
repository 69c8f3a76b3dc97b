/* Compiled provenance with a site offset past the pool. */
#include "hostile.h"

static const char pool[] = "\0good";
static const struct bkerr_packed_about packed_about[] = {
    {BKERR_CODE_ACTIVE, 0, 4096, 0, 0, 0, 0},
    {BKERR_CODE_ACTIVE, 0, 0, 0, 0, 0, 0},
};
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 1, 1, 0, 0, 0}),
               .packed_about = packed_about);
