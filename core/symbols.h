/* symbols.c: symbol -> the definitions that carry it. */
#ifndef BKERR_SYMBOLS_H
#define BKERR_SYMBOLS_H

#include <stddef.h>
#include <stdint.h>

/* One symbol of one definition: an entry's symbol, or one of its
 * '/'-separated symbols. */
struct bk_symbol {
    const char *name;  /* into the catalog's text; not NUL-terminated */
    uint32_t len;
    uint32_t slot;     /* the catalog's index in reg->slots */
    uint32_t index;    /* the entry's, as bkerr_catalog_entry() counts */
    uint32_t variant;  /* 0 the primary, else bkerr_lookup_variant()'s k */
    int64_t code;
};

#endif
