/* A message holding terminal escapes: it would clear the screen and fake
 * a red line when bkerr CODE prints it. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Escapes", "转义", "\033[2J\033[31mall good\033[0m", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
