/* Compiled tables and a plain entries table at once: which one holds the
 * truth?  The registry takes neither. */
#include "hostile.h"

static const char pool[] = "\0good";
static const struct bkerr_entry plain[] = {
    {1100003, "Plain", "普通", "plain", NULL, NULL},
};
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){0, 1, 1, 0, 0, 0}),
               BKERR_ENTRIES(plain));
