/* Hot reload: a holder of the registry a long-running service uses, which
 * swaps in a freshly opened one while other threads keep looking up.
 *
 * Two slots and a reader count per slot.  A reader announces itself on the
 * current slot, then checks that the slot is still current; if not, it
 * steps back and tries again, so it never waits for a writer.  A writer
 * (one at a time) fills the other slot, makes it current, then waits for
 * the readers of the old slot to leave before closing the old registry:
 * nobody can still hold it, and nobody can take it any more. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "bkerr/bkerr.h"
#include "common/text.h"

struct bkerr_live {
    char *config_path;
    _Atomic(bkerr_registry *) slot[2];
    atomic_uint readers[2];
    atomic_uint current; /* 0 or 1 */
    pthread_mutex_t reload; /* one writer at a time; readers never take it */
};

int bkerr_live_open(const char *config_path, bkerr_live **out, char *errbuf,
                    size_t errlen)
{
    if (!out) {
        bk_errf(errbuf, errlen, "bkerr_live_open: out is NULL");
        return BKERR_EINVAL;
    }
    *out = NULL;
    bkerr_registry *reg;
    int rc = bkerr_open(config_path, &reg, errbuf, errlen);
    if (rc)
        return rc;
    bkerr_live *live = calloc(1, sizeof *live);
    if (!live || !(live->config_path = bk_strdup(bkerr_config_path(reg))) ||
        pthread_mutex_init(&live->reload, NULL) != 0) {
        if (live)
            free(live->config_path);
        free(live);
        bkerr_close(reg);
        bk_errf(errbuf, errlen, "bkerr_live_open: out of memory");
        return BKERR_ENOMEM;
    }
    atomic_init(&live->slot[0], reg);
    atomic_init(&live->slot[1], NULL);
    atomic_init(&live->readers[0], 0);
    atomic_init(&live->readers[1], 0);
    atomic_init(&live->current, 0);
    *out = live;
    return 0;
}

const bkerr_registry *bkerr_live_acquire(bkerr_live *live)
{
    if (!live)
        return NULL;
    for (;;) {
        unsigned i = atomic_load(&live->current);
        atomic_fetch_add(&live->readers[i], 1);
        if (atomic_load(&live->current) == i)
            return atomic_load(&live->slot[i]);
        atomic_fetch_sub(&live->readers[i], 1); /* a reload won: retry */
    }
}

void bkerr_live_release(bkerr_live *live, const bkerr_registry *reg)
{
    if (!live || !reg)
        return;
    /* reg is still in its slot: the writer waits for us before clearing */
    unsigned i = atomic_load(&live->slot[0]) == reg ? 0 : 1;
    atomic_fetch_sub(&live->readers[i], 1);
}

int bkerr_live_reload(bkerr_live *live, char *errbuf, size_t errlen)
{
    if (!live) {
        bk_errf(errbuf, errlen, "bkerr_live_reload: live is NULL");
        return BKERR_EINVAL;
    }
    bkerr_registry *fresh;
    pthread_mutex_lock(&live->reload);
    int rc = bkerr_open(live->config_path, &fresh, errbuf, errlen);
    if (rc) { /* the registry in service stays */
        pthread_mutex_unlock(&live->reload);
        return rc;
    }
    unsigned old = atomic_load(&live->current), next = !old;
    atomic_store(&live->slot[next], fresh);
    atomic_store(&live->current, next);
    while (atomic_load(&live->readers[old]) != 0)
        sched_yield(); /* readers hold a slot only for a lookup or two */
    bkerr_registry *retired = atomic_exchange(&live->slot[old], NULL);
    pthread_mutex_unlock(&live->reload);
    bkerr_close(retired);
    return 0;
}

void bkerr_live_close(bkerr_live *live)
{
    if (!live)
        return;
    for (int i = 0; i < 2; i++)
        bkerr_close(atomic_load(&live->slot[i]));
    pthread_mutex_destroy(&live->reload);
    free(live->config_path);
    free(live);
}
