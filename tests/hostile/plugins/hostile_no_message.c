/* An entry whose messages are both empty strings (not NULL). */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Silent", "", "", "有方案", "has advice"},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
