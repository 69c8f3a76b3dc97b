/* A placeholder name of 33 characters (the limit is 32). */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "LongName", "{abcdefghijklmnopqrstuvwxyz0123456}",
     "{abcdefghijklmnopqrstuvwxyz0123456}", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
