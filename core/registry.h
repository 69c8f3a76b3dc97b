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
#include "diag.h"
#include "index.h"
#include "loader.h"
#include "plugin_file.h"
#include "match.h"

/* The prefix allocated to a platform id (admin rows too), or 0. */
int bk_prefix_of_id(const bkerr_registry *reg, const char *id);
struct bk_slot { /* one configured catalog; what lookups read first */
    int prefix; /* allocated to its id; 0 if none */
    /* cat and st: final at open, or (lazy) written once by the slot's
     * load, under the lazy lock, before its ready flag (bk_lazy_state)
     * publishes them */
    struct bk_catalog cat;
    struct bkerr_catalog_status st;
};
/* A loaded compiled catalog again, by prefix, with what every hit under
 * the prefix shares, so that a hit reads one record from the registry. */
struct bk_hot {
    atomic_bool ready; /* publishes the rest (release) once it has loaded */
    struct bk_index ix; /* a copy: the slot owns the records */
    const char *catalog, *catalog_version;  /* the slot's id and version */
    const char *upstream, *upstream_version; /* ABI 1.2, non-empty or NULL */
    /* bit k % 64 of word[k / 64]: 64-code word k holds one of ix's codes,
     * read in the L1 cache where ix's words would miss it (bkerr_scan()
     * asks of every id in a log) */
    uint64_t word[(BKERR_SUFFIXES / 64 + 63) / 64];
};
/* A guest code: legacy entry `legacy` of the catalog in `slot`, a
 * standard code under a prefix that catalog does not own. */
struct bk_guest {
    int64_t code;
    const struct bk_slot *slot;
    size_t legacy;
};
/* The guest codes under one prefix, by code then slot order. */
struct bk_prefix_guests {
    atomic_bool ready; /* publishes the rest (release) once built */
    uint32_t n;
    struct bk_guest *g;
    /* bit k % 64 of word[k / 64]: a guest's suffix lies in 64-code word k,
     * so that a hit elsewhere counts none without searching g */
    uint64_t word[(BKERR_SUFFIXES / 64 + 63) / 64];
};
/* One slot's lazily written state. */
struct bk_slot_lazy {
    atomic_bool ready; /* false only while a lazy catalog waits to load */
    /* what its plugin's guest note says, read (under the lock) at the
     * first lookup that needs guests while the catalog waits */
    bool note_read;
    struct bk_guest_note note;
};
/* Everything a lookup may write.  The registry a reader holds is const
 * and its own bytes are final at open; a lazily opened one still changes
 * here, and only here (plus each word's checked flag, below):
 * - lock serialises lazy loads, note reads and guest-index builds; the one
 *   lock a lookup may take, and only while something is still lazy;
 * - slot[i] says whether slot i's catalog has loaded (its load fills
 *   the slot's cat and st first) and what its note says;
 * - hot[p] is published when prefix p's compiled catalog loads;
 * - guests[p] when the catalogs that may hold guests under p have loaded;
 * - symbols (symbols.c) by the first bkerr_lookup_symbol(), and match
 *   (match_index.c) by the first bkerr_match(), once every catalog has
 *   loaded.
 * Each compiled index word's checked flag (index.h) records that its
 * entries passed their first-use check: it lives in the 16-byte word a
 * lookup reads anyway, written through the index's own non-const words
 * pointer, so a hit reads one line. */
struct bk_lazy_state {
    pthread_mutex_t lock;
    struct bk_hot hot[BK_PREFIX_SLOTS];
    struct bk_prefix_guests guests[BK_PREFIX_SLOTS];
    struct bk_slot_lazy *slot; /* n_slots */
    atomic_bool symbols_ready; /* publishes symbols (release) */
    struct bk_symbol *symbols;
    size_t n_symbols;
    atomic_bool match_ready; /* publishes match (release) */
    struct bk_match_index *match;
};
struct bkerr_registry {
    char *config_path;
    enum bkerr_lang lang;
    struct bkerr_platform plat[BK_PREFIX_SLOTS]; /* effective allocation */
    struct bk_slot *by_prefix[BK_PREFIX_SLOTS];  /* loaded or lazy */
    struct bk_slot *slots;
    size_t n_slots;
    struct bk_cfg_platform *admin; /* owns the admin rows' strings */
    size_t n_admin;
    struct bk_diags diags;         /* what the open met; final at open */
    bool verify;                   /* BKERR_OPEN_VERIFY */
    struct bk_lazy_state *lazy;    /* what lookups may still write */
};
/* The lazy state of slot. */
static inline struct bk_slot_lazy *bk_slot_lazy(const bkerr_registry *reg,
                                                const struct bk_slot *slot)
{
    return &reg->lazy->slot[slot - reg->slots];
}
/* Loads every catalog still waiting for its lazy load (once each, under
 * the lazy lock): for what reads every catalog (symbols, messages). */
void bk_load_all(const bkerr_registry *reg);
/* Loads a lazy slot's catalog, the lazy lock held (a no-op if it is
 * ready). */
void bk_slot_load_locked(const bkerr_registry *reg, struct bk_slot *slot);
/* Loads a lazy slot's catalog (once; the one step of a lookup that may
 * block and allocate); slot if it is loaded then, else NULL. */
const struct bk_slot *bk_slot_load(const bkerr_registry *reg,
                                   struct bk_slot *slot);
/* slot if its catalog is loaded, loading it first if it is lazy; NULL if
 * slot is NULL or its catalog is not loaded. */
static inline const struct bk_slot *bk_slot_ready(const bkerr_registry *reg,
                                                  struct bk_slot *slot)
{
    if (!slot)
        return NULL;
    if (!atomic_load_explicit(&bk_slot_lazy(reg, slot)->ready,
                              memory_order_acquire))
        return bk_slot_load(reg, slot);
    return slot->cat.desc ? slot : NULL; /* set only when it loaded */
}

#endif
