/* A constructor that exits: dlopen() runs it in whoever loads the file.
 * Only `bkerr check`'s forked child may load this. */
#include <stdlib.h>

#include "hostile.h"

__attribute__((constructor)) static void hostile_exit_now(void)
{
    exit(37);
}

static const struct bkerr_entry entries[] = {
    {1100001, "CtorExit", "构造函数退出", "constructor exits", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
