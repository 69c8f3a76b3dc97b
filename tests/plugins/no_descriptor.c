/* Breaks the export rule: a .so that exports something other than bkerr_catalog. */
#include <bkerr/plugin.h>

extern BKERR_PLUGIN_EXPORT const int not_a_catalog;
const int not_a_catalog = 11;
