/* Accepted on purpose: catalog text full of printf conversions.  It must
 * come back byte for byte, and bkerr_fill()/bkerr_format() and the bkerr
 * command must print it literally: catalog text is never a format. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "%s%n%x", "格式 %s%s%s%n%n %p {0}", "format %s%s%s%n%n %p {0}",
     "%99999999d%n", "%1$*2$s %hhn"},
};

BKERR_CATALOG_DEFINE(HOSTILE_NAMES, BKERR_ENTRIES(entries));
