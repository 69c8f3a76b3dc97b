/* A good catalog that needs hostile_evil.so, found through whatever
 * meson.build links it with: RUNPATH (hostile_runpath), RPATH
 * (hostile_rpath) or a path in DT_NEEDED (hostile_needed_path). */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "NeedsEvil", "依赖", "needs a library", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
