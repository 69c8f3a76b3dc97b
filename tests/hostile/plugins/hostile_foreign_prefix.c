/* A cmdb catalog (11) that answers for a job code (12). */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Mine", "本产品", "mine", NULL, NULL},
    {1201001, "Stolen", "别人的码", "someone else's code", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
