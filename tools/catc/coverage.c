/* The coverage report: per catalog, how many entries carry each text and
 * say where they come from.  "specific" counts entries with advice of
 * their own in both languages; the advice columns also count advice
 * inherited from a range.  "sourced" counts entries with a status and a
 * definition site, "raised" those with raise sites; "variants" are the
 * sections beyond a code's first, "unused" the entries upstream does not
 * raise (unused, deprecated or removed). */
#include <string.h>

#include "catalog.h"

struct counts {
    size_t entries, msg_zh, msg_en, adv_zh, adv_en, specific, sourced,
        raised, variants, unused;
};

static const struct crange *range_of(const struct catalog *c, int64_t code)
{
    for (size_t i = 0; i < c->n_ranges; i++)
        if (c->ranges[i].first <= code && code <= c->ranges[i].last)
            return &c->ranges[i];
    return NULL;
}

static struct counts count(const struct catalog *c)
{
    struct counts n = {.entries = c->n_entries};
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        const struct crange *r = range_of(c, e->code);
        n.msg_zh += e->f[F_MESSAGE_ZH].s != NULL;
        n.msg_en += e->f[F_MESSAGE_EN].s != NULL;
        n.adv_zh += e->f[F_ADVICE_ZH].s || (r && r->f[F_ADVICE_ZH].s);
        n.adv_en += e->f[F_ADVICE_EN].s || (r && r->f[F_ADVICE_EN].s);
        n.specific += e->f[F_ADVICE_ZH].s && e->f[F_ADVICE_EN].s;
        n.sourced += e->status && e->f[F_DEFINED].s;
        n.raised += e->f[F_RAISED].s != NULL;
        n.variants += e->variant > 1;
        n.unused += e->status > BKERR_CODE_ACTIVE;
    }
    return n;
}

static double percent(size_t part, size_t whole)
{
    return whole ? 100.0 * (double)part / (double)whole : 100.0;
}

bool catc_coverage(struct catalog *cats, size_t n, bool specific, FILE *out)
{
    bool complete = true;
    fprintf(out, "%-16s %7s %7s %7s %9s %9s %9s %8s %7s %8s %6s\n",
            "catalog", "entries", "msg zh", "msg en", "advice zh",
            "advice en", "specific", "sourced", "raised", "variants",
            "unused");
    for (size_t i = 0; i < n; i++) {
        struct counts k = count(&cats[i]);
        fprintf(out, "%-16s %7zu %6.1f%% %6.1f%% %8.1f%% %8.1f%% %8.1f%% "
                     "%7.1f%% %6.1f%% %8zu %6zu\n",
                cats[i].id.s, k.entries, percent(k.msg_zh, k.entries),
                percent(k.msg_en, k.entries), percent(k.adv_zh, k.entries),
                percent(k.adv_en, k.entries), percent(k.specific, k.entries),
                percent(k.sourced, k.entries), percent(k.raised, k.entries),
                k.variants, k.unused);
        complete &= k.msg_zh == k.entries && k.msg_en == k.entries &&
                    k.adv_zh == k.entries && k.adv_en == k.entries &&
                    k.sourced == k.entries &&
                    (!specific || k.specific == k.entries);
    }
    return complete;
}
