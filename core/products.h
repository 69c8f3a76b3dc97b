/* products.c: a product and its one display name. */
#ifndef BKERR_PRODUCTS_H
#define BKERR_PRODUCTS_H

#include "bkerr/bkerr.h"
#include "bkerr/plugin.h"

/* The display name of the product with prefix (10-99, or 0 for none) and,
 * for prefix 0, catalog descriptor d (may be NULL): the allocation's row
 * for a prefix (an admin's [platform.NN], else the spec's), else d's. */
void bk_display_name(const bkerr_registry *reg, int prefix,
                     const struct bkerr_catalog *d, const char **zh,
                     const char **en);

#endif
