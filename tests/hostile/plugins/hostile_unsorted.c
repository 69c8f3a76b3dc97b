/* Entries out of order: a binary search would miss codes. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
    {1100003, "C", "丙", "c", NULL, NULL},
    {1100002, "B", "乙", "b", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
