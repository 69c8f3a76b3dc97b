/* A closing brace with no opening one. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "LoneClose", "字段 field} 错误", "field field} is wrong", NULL,
     NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
