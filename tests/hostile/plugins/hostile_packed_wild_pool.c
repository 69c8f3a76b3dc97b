/* A pool at address 0x10, claiming 64 bytes. */
#include "hostile.h"

static const uint64_t present[BKERR_PRESENT_WORDS] = {[0] = 0x2};
static const struct bkerr_packed_entry packed_entries[] = {
    {0, 1, 1, 0, 0, 0}};
static const struct bkerr_packed packed = {present, packed_entries, 1,
                                           (const char *)16, 64};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, .packed = &packed);
