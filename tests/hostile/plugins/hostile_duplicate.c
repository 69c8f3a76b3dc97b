/* One code twice, with different meanings. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "First", "第一", "first", NULL, NULL},
    {1100002, "Twice", "第二", "second", NULL, NULL},
    {1100002, "Again", "又一", "again", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
