/* A symbol holding a UTF-16 surrogate encoded as UTF-8 (CESU-8). */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Sur\xed\xa0\x80rogate", "代理对", "surrogate", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
