/* A billion compiled entries over a table of one. */
#include "hostile.h"

static const char pool[] = "\0good";
static const uint64_t present[BKERR_PRESENT_WORDS] = {[0] = 0x2};
static const struct bkerr_packed_entry packed_entries[] = {
    {0, 1, 1, 0, 0, 0}};
static const struct bkerr_packed packed = {present, packed_entries,
                                           1000000000, pool, sizeof pool};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, .packed = &packed);
