/* Advice holding U+009B, the C1 control sequence introducer: some
 * terminals act on it as on ESC [. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "CsiC1", "控制", "control", "\xC2\x9B" "2J 清屏", NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
