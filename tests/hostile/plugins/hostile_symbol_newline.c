/* A symbol holding a newline: it would break a Markdown table row and
 * start a line of its own in C and Python exports. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Broken\n| 1100002 | Forged |", "断行", "line break", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
