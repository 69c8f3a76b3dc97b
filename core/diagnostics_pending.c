/* PLACEHOLDER, to be dropped when the diagnostics land (branch core-rules):
 * an open that records no diagnostics, so that the version 5 table has
 * every member and the Python binding, which refuses a table with a NULL
 * member of its version, can be tested on this branch. */
#include "bkerr/bkerr.h"
#include "common/sized.h"

size_t bkerr_diagnostic_count(const bkerr_registry *reg)
{
    (void)reg;
    return 0;
}

int bkerr_diagnostic(const bkerr_registry *reg, size_t i,
                     struct bkerr_diagnostic *out)
{
    (void)i;
    return reg && bk_sized_ok(out, sizeof *out) ? BKERR_ENOTFOUND
                                                : BKERR_EINVAL;
}
