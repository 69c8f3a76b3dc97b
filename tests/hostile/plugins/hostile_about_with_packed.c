/* A pointer-form about table beside compiled entries it cannot match. */
#include "hostile.h"

static const char pool[] = "\0good";
static const struct bkerr_about about[] = {
    {BKERR_CODE_ACTIVE, 0, "src/a.go:1", NULL, NULL, NULL, NULL},
};
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 1, 1, 0, 0, 0}),
               .about = about);
