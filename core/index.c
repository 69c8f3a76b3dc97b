/* The code -> entry index of a loaded catalog, and the texts of an entry.
 *
 * Every catalog, compiled (struct bkerr_packed) or hand-written (struct
 * bkerr_entry), is found the same way: a bitmap over the prefix's 100,000
 * codes and the number of entries before each 64-bit word, so a lookup is
 * one bit test and a popcount, and a miss one load.  A compiled catalog
 * brings its bitmap; the loader builds one for a hand-written catalog.
 *
 * A compiled entry's text is checked the first time a lookup reaches it
 * (the open stays independent of the number of codes); the result is kept
 * in a bitmap of checked entries.  The check is a pure function of
 * read-only data, so racing readers may both run it and both set the bit.
 */
#include <stdlib.h>

#include "internal.h"

bool bk_index_build(struct bk_index *ix, const struct bkerr_catalog *d,
                    const struct bkerr_packed *packed)
{
    ix->rank = malloc(BKERR_PRESENT_WORDS * sizeof *ix->rank);
    if (!ix->rank)
        return false;
    if (packed) {
        ix->present = packed->present;
        ix->packed = packed;
        ix->n = packed->n_entries;
        ix->checked = calloc((ix->n + 63) / 64 ? (ix->n + 63) / 64 : 1,
                             sizeof *ix->checked);
        if (!ix->checked)
            return false;
    } else {
        uint64_t *own = calloc(BKERR_PRESENT_WORDS, sizeof *own);
        if (!own)
            return false;
        for (size_t i = 0; i < d->n_entries; i++) {
            uint32_t s = (uint32_t)(d->entries[i].code % BKERR_SUFFIXES);
            own[s / 64] |= UINT64_C(1) << (s % 64);
        }
        ix->present = ix->own_present = own;
        ix->entries = d->entries;
        ix->n = d->n_entries;
    }
    uint32_t before = 0;
    for (size_t w = 0; w < BKERR_PRESENT_WORDS; w++) {
        ix->rank[w] = before;
        before += bk_popcount64(ix->present[w]);
    }
    return true;
}

void bk_index_free(struct bk_index *ix)
{
    free(ix->rank);
    free(ix->own_present);
    free((void *)ix->checked);
    memset(ix, 0, sizeof *ix);
}

int64_t bk_index_code(const struct bk_index *ix, int prefix, size_t i)
{
    size_t lo = 0, hi = BKERR_PRESENT_WORDS; /* last word with rank <= i */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->rank[mid] <= i)
            lo = mid;
        else
            hi = mid;
    }
    uint64_t word = ix->present[lo];
    for (size_t k = i - ix->rank[lo]; k > 0; k--)
        word &= word - 1; /* drop the lowest set bit */
    return (int64_t)prefix * BKERR_SUFFIXES + (int64_t)lo * 64 +
           __builtin_ctzll(word);
}

/* The range of d holding code, or NULL. */
const struct bkerr_range *bk_find_range(const struct bkerr_catalog *d,
                                        int64_t code)
{
    size_t lo = 0, hi = d->n_ranges;
    while (lo < hi) { /* first range whose last >= code */
        size_t mid = lo + (hi - lo) / 2;
        if (d->ranges[mid].last < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < d->n_ranges && d->ranges[lo].first <= code)
        return &d->ranges[lo];
    return NULL;
}

static const char *nonempty(const char *s)
{
    return s && *s ? s : NULL;
}

const char *bk_packed_problem(const struct bkerr_catalog *d,
                              const struct bkerr_packed *p, size_t i,
                              int64_t code)
{
    const struct bkerr_packed_entry *e = &p->entries[i];
    const struct {
        const char *name;
        uint32_t off;
        bool placeholders;
    } fields[] = {
        {"symbol", e->symbol, false},
        {"message_zh", e->message_zh, true},
        {"message_en", e->message_en, true},
        {"advice_zh", e->advice_zh, false},
        {"advice_en", e->advice_en, false},
    };
    for (size_t f = 0; f < BKERR_COUNT_OF(fields); f++) {
        uint32_t off = fields[f].off;
        if (off == 0)
            continue;
        if (off >= p->pool_size)
            return "a text offset lies past the end of the pool";
        const char *s = p->pool + off;
        if (!*s)
            return "an empty text has a non-zero offset (0 means no text)";
        /* the pool ends with a NUL (checked at open), so s is a string */
        const char *why = bk_utf8_check(s, BKERR_TEXT_MAX);
        if (!why && fields[f].placeholders)
            why = bk_placeholder_check(s);
        if (why)
            return why;
    }
    if (!e->message_zh && !e->message_en)
        return "no message in either language";
    const struct bkerr_range *r = bk_find_range(d, code);
    if (e->range != (r ? (uint32_t)(r - d->ranges) + 1 : 0))
        return "its range index does not name the range that holds the code";
    return NULL;
}

void bk_entry_texts(const struct bk_index *ix, const struct bkerr_catalog *d,
                    size_t i, int64_t code, struct bk_texts *t)
{
    const struct bkerr_entry *e = &ix->entries[i];
    *t = (struct bk_texts){nonempty(e->symbol), nonempty(e->message_zh),
                           nonempty(e->message_en), nonempty(e->advice_zh),
                           nonempty(e->advice_en), bk_find_range(d, code)};
}

bool bk_packed_first_use(const struct bk_index *ix,
                         const struct bkerr_catalog *d, size_t i,
                         int64_t code)
{
    if (bk_packed_problem(d, ix->packed, i, code))
        return false;
    atomic_fetch_or_explicit(&ix->checked[i / 64], UINT64_C(1) << (i % 64),
                             memory_order_relaxed);
    return true;
}
