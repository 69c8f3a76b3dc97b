/* A constructor that aborts (SIGABRT).  Only `bkerr check`'s forked child
 * may load this. */
#include <stdlib.h>

#include "hostile.h"

__attribute__((constructor)) static void hostile_abort_now(void)
{
    abort();
}

static const struct bkerr_entry entries[] = {
    {1100001, "CtorAbort", "构造函数中止", "constructor aborts", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
