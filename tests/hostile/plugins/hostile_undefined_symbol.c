/* Calls a function no object defines.  With RTLD_NOW dlopen() fails at
 * once; with RTLD_LAZY it would load and crash on the first call. */
#include "hostile.h"

extern int hostile_nowhere_to_be_found(void);

extern BKERR_PLUGIN_EXPORT int hostile_calls_nowhere(void);
int hostile_calls_nowhere(void)
{
    return hostile_nowhere_to_be_found();
}

static const struct bkerr_entry entries[] = {
    {1100001, "Undefined", "未定义符号", "undefined symbol", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
