/* A message pointer to an address nothing is mapped at.  Pending a core
 * fix: see README. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Wild", "野指针", (const char *)(uintptr_t)0x10, NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
