/* Compiled provenance that says its code has no variants while one
 * follows: the entry is ignored at its first lookup. */
#include "hostile.h"

static const char pool[] = "\0good";
static const struct bkerr_packed_about packed_about[] = {
    {BKERR_CODE_ACTIVE, 0, 0, 0, 0, 0, 0},
    {BKERR_CODE_ACTIVE, 0, 0, 0, 0, 0, 0},
};
static const struct bkerr_variant variants[] = {
    {{1100001, "B", "乙", "b", NULL, NULL}, {0}},
};
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 1, 1, 0, 0, 0}),
               .packed_about = packed_about, BKERR_VARIANTS(variants));
