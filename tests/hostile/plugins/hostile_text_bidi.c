/* A message holding U+202E RIGHT-TO-LEFT OVERRIDE: text that displays
 * other than it reads (in a C comment of export --format c-defines too). */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Bidi", "\xE2\x80\xAE" "反向", "reversed", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
