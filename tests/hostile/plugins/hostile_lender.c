/* A library with a good descriptor, linked into hostile_borrower. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Lender", "借出", "lent", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
