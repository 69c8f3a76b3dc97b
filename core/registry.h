/* registry.c: the registry's layout, and what lookups read of it. */
#ifndef BKERR_REGISTRY_H
#define BKERR_REGISTRY_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bkerr/bkerr.h"
#include "common/spec.h"
#include "config.h"
#include "index.h"
#include "loader.h"
#include "match.h"

/* The prefix allocated to a platform id (admin rows too), or 0. */
int bk_prefix_of_id(const bkerr_registry *reg, const char *id);
struct bk_slot { /* one configured catalog; what lookups read first */
    atomic_bool ready; /* false only while a lazy catalog waits to load */
    int prefix;        /* allocated to its id; 0 if none */
    struct bk_catalog cat;
    struct bkerr_catalog_status st; /* final once ready */
};
/* A loaded compiled catalog's index again, by prefix, so that
 * bkerr_message() reaches it in one load from the registry; published by
 * ready (release) once the catalog has loaded. */
struct bk_hot {
    atomic_bool ready;
    struct bk_index ix; /* a copy: the slot owns the records */
};
/* A guest code: legacy entry `legacy` of the catalog in `slot`, a
 * standard code under a prefix that catalog does not own. */
struct bk_guest {
    int64_t code;
    const struct bk_slot *slot;
    size_t legacy;
};
struct bkerr_registry {
    char *config_path;
    enum bkerr_lang lang;
    struct bkerr_platform plat[BK_PREFIX_SLOTS]; /* effective allocation */
    struct bk_slot *by_prefix[BK_PREFIX_SLOTS];  /* loaded or lazy */
    struct bk_hot hot[BK_PREFIX_SLOTS];          /* loaded and compiled */
    struct bk_slot *slots;
    size_t n_slots;
    struct bk_cfg_platform *admin; /* owns the admin rows' strings */
    size_t n_admin;
    pthread_mutex_t lazy_lock; /* serialises lazy loads */
    bool verify;               /* BKERR_OPEN_VERIFY */
    /* Every loaded catalog's guest codes, by code then slot order; built
     * at open, or (lazy) by the first lookup that needs them, which loads
     * every catalog first; published by guests_ready (release). */
    atomic_bool guests_ready;
    struct bk_guest *guests;
    size_t n_guests;
    /* the guests of prefix p are guests[guest_from[p] .. guest_from[p + 1]) */
    uint32_t guest_from[BK_PREFIX_SLOTS + 1];
    /* The message matcher's index (match_index.c), built by the first
     * bkerr_match() under lazy_lock; published by match_ready (release). */
    atomic_bool match_ready;
    struct bk_match_index *match;
};
/* Loads a lazy slot's catalog, lazy_lock held (a no-op if it is ready). */
void bk_slot_load_locked(bkerr_registry *reg, struct bk_slot *slot);
/* Loads a lazy slot's catalog (once; the one step of a lookup that may
 * block and allocate); slot if it is loaded then, else NULL. */
const struct bk_slot *bk_slot_load(const bkerr_registry *reg,
                                   const struct bk_slot *slot);
/* slot if its catalog is loaded, loading it first if it is lazy; NULL if
 * slot is NULL or its catalog is not loaded. */
static inline const struct bk_slot *bk_slot_ready(const bkerr_registry *reg,
                                                  const struct bk_slot *slot)
{
    if (!slot)
        return NULL;
    if (!atomic_load_explicit(&slot->ready, memory_order_acquire))
        return bk_slot_load(reg, slot);
    return slot->cat.desc ? slot : NULL; /* set only when it loaded */
}

#endif
