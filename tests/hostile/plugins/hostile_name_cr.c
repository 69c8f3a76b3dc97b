/* A catalog name holding a carriage return: status and platforms would
 * print over their own line. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Good", "好", "good", NULL, NULL},
};

BKERR_CATALOG_DEFINE(.id = "cmdb", .prefix = 11, .name_zh = "配置平台",
                     .name_en = "CMDB\r(hostile)", .version = "6.6.6",
                     BKERR_ENTRIES(entries));
