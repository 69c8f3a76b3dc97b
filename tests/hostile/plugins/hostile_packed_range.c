/* Code 1100001 lies in the range 1100000-1100009 but its entry names no
 * range, so it would lose the range's module and advice. */
#include "hostile.h"

static const char pool[] = "\0good";
static const uint64_t present[BKERR_PRESENT_WORDS] = {[0] = 0x6};
static const struct bkerr_packed_entry packed_entries[] = {
    {0, 1, 1, 0, 0, 0}, {0, 1, 1, 0, 0, 1}};
static const struct bkerr_packed packed = {present, packed_entries, 2, pool,
                                           sizeof pool};
static const struct bkerr_range ranges[] = {
    {1100000, 1100009, "first", "先看这里", "look here first"},
};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, .packed = &packed, BKERR_RANGES(ranges));
