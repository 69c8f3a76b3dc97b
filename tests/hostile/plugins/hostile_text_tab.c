/* Advice holding a TAB: it shifts columns in list and search. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Tabbed", "制表", "tab", NULL, "see\tcolumn"},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
