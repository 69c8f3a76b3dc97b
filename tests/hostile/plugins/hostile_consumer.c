/* Needs hostile_shared_helper, which only hostile_provider defines: loads
 * only if an earlier catalog's symbols leak into the global scope. */
#include "hostile.h"

extern int hostile_shared_helper(void);

extern BKERR_PLUGIN_EXPORT int hostile_consume(void);
int hostile_consume(void)
{
    return hostile_shared_helper();
}

static const struct bkerr_entry entries[] = {
    {1100001, "Consumer", "消费者", "consumer", NULL, NULL},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
