/* Guest codes: a catalog's legacy code that is a standard 7-digit code
 * under a prefix the catalog does not own, because the product really
 * emits it there (bk_hcm under 20, bk_turbo under bk_ci's 21) or has no
 * prefix of its own.  A plain lookup must see them, labelled as that
 * product's, so the registry keeps one sorted index of them all.
 *
 * Any catalog may hold guests, so a lazily opened registry cannot know
 * them until every catalog has loaded: the first lookup that needs them
 * loads the rest, under the lazy lock, and publishes the index once. */
#include "guests.h"

#include <stdlib.h>

#include "registry.h"
#include "common/code.h"
#include "common/spec.h"

bool bk_any_lazy(const bkerr_registry *reg)
{
    for (size_t i = 0; i < reg->n_slots; i++)
        if (!atomic_load_explicit(&reg->slots[i].ready, memory_order_acquire))
            return true;
    return false;
}

static int by_code_then_slot(const void *a, const void *b)
{
    const struct bk_guest *x = a, *y = b;
    if (x->code != y->code)
        return x->code < y->code ? -1 : 1;
    return x->slot < y->slot ? -1 : x->slot > y->slot;
}

/* Whether legacy code `code` of a catalog with prefix `own` is a guest. */
static bool is_guest(int64_t code, int own)
{
    return bk_classify(code) == BKERR_CLASS_STANDARD &&
           bkerr_prefix(code) != own;
}

bool bk_guests_build(bkerr_registry *reg)
{
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < reg->n_slots; i++) {
            const struct bk_slot *slot = &reg->slots[i];
            const struct bkerr_catalog *d = slot->cat.desc;
            for (size_t k = 0; d && k < d->n_legacy; k++) {
                if (!is_guest(d->legacy[k].code, d->prefix))
                    continue;
                if (pass == 1) {
                    reg->guests[reg->n_guests++] =
                        (struct bk_guest){d->legacy[k].code, slot, k};
                } else {
                    n++;
                }
            }
        }
        if (pass == 0 && n && !(reg->guests = calloc(n, sizeof *reg->guests)))
            break;
    }
    if (reg->n_guests)
        qsort(reg->guests, reg->n_guests, sizeof *reg->guests,
              by_code_then_slot);
    /* each prefix's run of guests, so a lookup searches its prefix's only */
    for (int p = 0, i = 0; p <= BK_PREFIX_SLOTS; p++) {
        while ((size_t)i < reg->n_guests && bkerr_prefix(reg->guests[i].code) < p)
            i++;
        reg->guest_from[p] = (uint32_t)i;
    }
    atomic_store_explicit(&reg->guests_ready, true, memory_order_release);
    return reg->n_guests == n;
}

void bk_guests_ready(const bkerr_registry *creg)
{
    if (atomic_load_explicit(&creg->guests_ready, memory_order_acquire))
        return;
    /* the registry's mutable parts, guarded by lazy_lock (see registry.c) */
    bkerr_registry *reg = (bkerr_registry *)creg;
    pthread_mutex_lock(&reg->lazy_lock);
    if (!atomic_load_explicit(&reg->guests_ready, memory_order_relaxed)) {
        for (size_t i = 0; i < reg->n_slots; i++)
            bk_slot_load_locked(reg, &reg->slots[i]);
        bk_guests_build(reg); /* on ENOMEM: no guests, said by none */
    }
    pthread_mutex_unlock(&reg->lazy_lock);
}

size_t bk_guests_of(const bkerr_registry *reg, int64_t code, size_t *first)
{
    int prefix = bkerr_prefix(code);
    size_t lo = reg->guest_from[prefix], hi = reg->guest_from[prefix + 1];
    size_t i = *first = lo + bk_lower_bound(reg->guests + lo, hi - lo,
                                            sizeof *reg->guests, code);
    while (i < hi && reg->guests[i].code == code)
        i++;
    return i - *first;
}
