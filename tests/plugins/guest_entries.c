/* A catalog without a prefix that still gives entries: refused, since its
 * entries could belong to no prefix. */
#include <bkerr/plugin.h>

static const struct bkerr_entry legacy[] = {
    {2000014, "GeLegacy", "遗留", "legacy", NULL, NULL},
};
static const struct bkerr_range ranges[] = {
    {2000000, 2000999, "lb", "负载均衡", "load balancers"},
};
BKERR_CATALOG_DEFINE(.id = "guestprod", .prefix = 0, .name_en = "Guest",
                     .version = "1", BKERR_LEGACY(legacy),
                     BKERR_RANGES(ranges));
