/* The descriptor's English name holds an overlong '/' (E0 80 AF). */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Overlong", "超长编码", "overlong", NULL, NULL},
};

BKERR_CATALOG_DEFINE(.id = "cmdb", .prefix = 11, .name_zh = "配置平台",
                     .name_en = "CMDB \xe0\x80\xaf overlong", .version = "1",
                     BKERR_ENTRIES(entries));
