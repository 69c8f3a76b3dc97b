/* A placeholder with no closing brace. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Unclosed", "字段 {field 错误", "field {field is wrong", NULL,
     NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
