/* Guest codes: a catalog's legacy code that is a standard 7-digit code
 * under a prefix the catalog does not own, because the product really
 * emits it there (bk_hcm under 20, bk_turbo under bk_ci's 21) or has no
 * prefix of its own.  A plain lookup must see them, labelled as that
 * product's, so the registry keeps, per prefix, one sorted list of them.
 *
 * Any catalog may hold guests, so a lazily opened registry must load, at
 * the first lookup under a prefix, every waiting catalog that may hold
 * one there.  bkerr-catc says which in each plugin it builds: an ELF note
 * listing the prefixes its guests use, read from the file without
 * loading it (elf.c).  A plugin without the note is loaded. */
#include "guests.h"

#include <stdlib.h>

#include "plugin_file.h"
#include "common/code.h"
#include "common/spec.h"

static int by_code_then_slot(const void *a, const void *b)
{
    const struct bk_guest *x = a, *y = b;
    if (x->code != y->code)
        return x->code < y->code ? -1 : 1;
    return x->slot < y->slot ? -1 : x->slot > y->slot;
}

/* Builds and publishes the guests of prefix from reg's loaded catalogs;
 * false on ENOMEM (then it has none). */
static bool build_prefix(const bkerr_registry *reg, int prefix)
{
    struct bk_prefix_guests *pg = &reg->lazy->guests[prefix];
    int64_t lo = (int64_t)prefix * BKERR_SUFFIXES, hi = lo + BKERR_SUFFIXES;
    size_t n = 0;
    bool ok = true;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < reg->n_slots; i++) {
            const struct bk_slot *slot = &reg->slots[i];
            const struct bkerr_catalog *d = slot->cat.desc;
            if (!d || d->prefix == prefix)
                continue;
            /* legacy is sorted by code (loader.c) */
            size_t k = bk_lower_bound(d->legacy, d->n_legacy,
                                      sizeof *d->legacy, lo);
            for (; k < d->n_legacy && d->legacy[k].code < hi; k++) {
                if (pass == 1)
                    pg->g[pg->n++] =
                        (struct bk_guest){d->legacy[k].code, slot, k};
                else
                    n++;
            }
        }
        if (pass == 0 && (!n || !(pg->g = calloc(n, sizeof *pg->g)))) {
            ok = !n;
            break;
        }
    }
    if (pg->n)
        qsort(pg->g, pg->n, sizeof *pg->g, by_code_then_slot);
    for (size_t i = 0; i < pg->n; i++) {
        uint32_t k = (uint32_t)(pg->g[i].code % BKERR_SUFFIXES) / 64;
        pg->word[k / 64] |= UINT64_C(1) << (k % 64);
    }
    atomic_store_explicit(&pg->ready, true, memory_order_release);
    return ok;
}

bool bk_guests_build_all(bkerr_registry *reg)
{
    for (size_t i = 0; i < reg->n_slots; i++)
        if (!atomic_load_explicit(&reg->lazy->slot[i].ready,
                                  memory_order_relaxed))
            return true; /* lazy: each prefix at its first need */
    bool ok = true;
    for (int p = 10; p < BK_PREFIX_SLOTS; p++)
        ok &= build_prefix(reg, p);
    return ok;
}

/* Whether the waiting catalog of slot may hold a guest under prefix; the
 * lock held. */
static bool may_hold_guests(const bkerr_registry *reg, struct bk_slot *slot,
                            int prefix)
{
    struct bk_slot_lazy *l = bk_slot_lazy(reg, slot);
    if (!l->note_read)
        bk_plugin_guest_note(slot->st.path, &l->note);
    l->note_read = true;
    return !l->note.present || (l->note.prefix[prefix / 64] >> (prefix % 64) & 1);
}

const struct bk_prefix_guests *bk_guests_ready(const bkerr_registry *reg,
                                               int prefix)
{
    struct bk_prefix_guests *pg = &reg->lazy->guests[prefix];
    if (atomic_load_explicit(&pg->ready, memory_order_acquire))
        return pg;
    pthread_mutex_lock(&reg->lazy->lock);
    if (!atomic_load_explicit(&pg->ready, memory_order_relaxed)) {
        for (size_t i = 0; i < reg->n_slots; i++) {
            struct bk_slot *slot = &reg->slots[i];
            if (!atomic_load_explicit(&reg->lazy->slot[i].ready,
                                      memory_order_relaxed) &&
                may_hold_guests(reg, slot, prefix))
                bk_slot_load_locked(reg, slot);
        }
        build_prefix(reg, prefix); /* on ENOMEM: no guests, said by none */
    }
    pthread_mutex_unlock(&reg->lazy->lock);
    return pg;
}
