/* A message of 5000 bytes with no NUL: the check must stop at
 * BKERR_TEXT_MAX instead of running on. */
#include "hostile.h"

#define X10 "XXXXXXXXXX"
#define X100 X10 X10 X10 X10 X10 X10 X10 X10 X10 X10
#define X1000 X100 X100 X100 X100 X100 X100 X100 X100 X100 X100
/* 5000 characters and no room for the terminator: a char array may drop
 * it (C11 6.7.9p14). */
static const char endless[5000] = X1000 X1000 X1000 X1000 X1000;

static const struct bkerr_entry entries[] = {
    {1100001, "Endless", "无终止符", endless, NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
