/* loader.c: dlopen + validate one catalog. */
#ifndef BKERR_LOADER_H
#define BKERR_LOADER_H

#include <stdbool.h>

#include "bkerr/plugin.h"
#include "index.h"
#include "common/error.h"

struct bk_catalog {
    struct bk_index ix; /* the prefix's entries (first: lookups read it) */
    const struct bkerr_catalog *desc; /* NULL unless loaded */
    void *handle;
};
/* Opens path and checks the descriptor against the expected id and prefix
 * (0: none allocated); verify also checks every compiled entry's text
 * now rather than at its first lookup.  True and *out filled, or false
 * with the reason in err. */
bool bk_catalog_load(const char *path, const char *id, int prefix,
                     bool verify, struct bk_catalog *out,
                     struct bk_error *err);
void bk_catalog_unload(struct bk_catalog *cat);

#endif
