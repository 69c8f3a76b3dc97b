/* Provenance (ABI 1.2) whose note holds terminal escapes: notes are shown
 * in every view, so they follow the text rules of messages. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "A", "甲", "a", NULL, NULL},
};
static const struct bkerr_about about[] = {
    {BKERR_CODE_ACTIVE, 0, "src/a.go:1", NULL, NULL, "备注",
     "note \033]0;owned\007"},
};
BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries), .about = about);
