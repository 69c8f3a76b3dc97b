/* A good gse catalog (prefix 10) that also exports a function.  Loaded
 * RTLD_LOCAL, its symbols must not resolve anything in hostile_consumer. */
#include "hostile.h"

extern BKERR_PLUGIN_EXPORT int hostile_shared_helper(void);
int hostile_shared_helper(void)
{
    return 7;
}

static const struct bkerr_entry entries[] = {
    {1000001, "Provider", "提供者", "provider", NULL, NULL},
};

BKERR_CATALOG_DEFINE(.id = "gse", .prefix = 10, .name_zh = "管控平台",
                     .name_en = "GSE (hostile)", .version = "1",
                     BKERR_ENTRIES(entries));
