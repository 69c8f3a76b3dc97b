/* bkerr_lookup_symbol(): every definition whose symbol is a given one.
 *
 * A symbol is found through one sorted array of (symbol, catalog, entry,
 * variant) over every loaded catalog, so annotate can ask for each word
 * of a log at the cost of a binary search.  Like the guest index, it
 * needs every catalog, so in a lazily opened registry the first symbol
 * lookup loads the rest, builds the array under the lazy lock and
 * publishes it once; code lookups never read it. */
#include "symbols.h"

#include <stdlib.h>
#include <string.h>

#include "guests.h"
#include "index.h"
#include "registry.h"

struct build {
    struct bk_symbol *a;
    size_t n, cap;
};

/* Adds each '/'-separated symbol of symbols (NULL: none) for one
 * definition; false on ENOMEM. */
static bool add(struct build *b, const char *symbols, struct bk_symbol s)
{
    for (const char *p = symbols; p && *p;) {
        size_t len = strcspn(p, "/");
        if (len && b->n == b->cap) {
            size_t cap = b->cap ? 2 * b->cap : 1024;
            struct bk_symbol *a = realloc(b->a, cap * sizeof *a);
            if (!a)
                return false;
            b->a = a, b->cap = cap;
        }
        if (len) {
            s.name = p, s.len = (uint32_t)len;
            b->a[b->n++] = s;
        }
        p += len + (p[len] == '/');
    }
    return true;
}

/* Adds the primary whose symbols are given, then its variants. */
static bool add_definitions(struct build *b, const struct bkerr_catalog *d,
                            const char *symbols, struct bk_symbol s)
{
    if (!add(b, symbols, s))
        return false;
    size_t first, n = bk_variants_of(d, s.code, &first);
    for (size_t v = 0; v < n; v++) {
        const char *sym = d->variants[first + v].entry.symbol;
        s.variant = (uint32_t)(v + 1);
        if (!add(b, sym, s))
            return false;
    }
    return true;
}

/* Adds a loaded catalog's definitions, in its order. */
static bool add_catalog(struct build *b, const struct bk_slot *slot,
                        uint32_t n)
{
    const struct bkerr_catalog *d = slot->cat.desc;
    const struct bk_index *ix = &slot->cat.ix;
    for (uint32_t k = 0; k < ix->n_words; k++) {
        struct bk_word *w = &ix->words[k]; /* its first-use check may run */
        int64_t base = (int64_t)d->prefix * BKERR_SUFFIXES +
                       (int64_t)(ix->first_word + k) * 64;
        size_t i = w->rank;
        for (uint64_t bits = w->present; bits; bits &= bits - 1, i++) {
            int64_t code = base + __builtin_ctzll(bits);
            struct bk_texts t;
            /* an entry that breaks the rules answers no lookup: nor here */
            if (bk_index_texts(ix, d, w, i, code, &t) &&
                !add_definitions(b, d, t.symbol,
                                 (struct bk_symbol){.slot = n,
                                                    .index = (uint32_t)i,
                                                    .code = code}))
                return false;
        }
    }
    for (size_t k = 0; k < d->n_legacy; k++)
        if (!add_definitions(b, d, d->legacy[k].symbol,
                             (struct bk_symbol){
                                 .slot = n, .index = (uint32_t)(ix->n + k),
                                 .code = d->legacy[k].code}))
            return false;
    return true;
}

static int compare_names(const char *a, size_t alen, const char *b,
                         size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    return c ? c : (alen > blen) - (alen < blen);
}

/* By symbol, then in bkerr.ini's order and each catalog's. */
static int by_symbol_then_place(const void *pa, const void *pb)
{
    const struct bk_symbol *a = pa, *b = pb;
    int c = compare_names(a->name, a->len, b->name, b->len);
    if (c)
        return c;
    if (a->slot != b->slot)
        return a->slot < b->slot ? -1 : 1;
    if (a->index != b->index)
        return a->index < b->index ? -1 : 1;
    return (a->variant > b->variant) - (a->variant < b->variant);
}

/* Builds and publishes reg's symbol index, every catalog ready and the
 * lazy lock held; false on ENOMEM (then nothing is published). */
static bool build_locked(const bkerr_registry *reg)
{
    struct build b = {0};
    for (size_t i = 0; i < reg->n_slots; i++)
        if (reg->slots[i].cat.desc &&
            !add_catalog(&b, &reg->slots[i], (uint32_t)i)) {
            free(b.a);
            return false;
        }
    if (b.n)
        qsort(b.a, b.n, sizeof *b.a, by_symbol_then_place);
    /* "A/A" names its definition once */
    size_t n = 0;
    for (size_t i = 0; i < b.n; i++)
        if (!n || by_symbol_then_place(&b.a[n - 1], &b.a[i]) != 0)
            b.a[n++] = b.a[i];
    reg->lazy->symbols = b.a;
    reg->lazy->n_symbols = n;
    atomic_store_explicit(&reg->lazy->symbols_ready, true,
                          memory_order_release);
    return true;
}

/* Makes sure reg's symbol index is built; false on ENOMEM. */
static bool symbols_ready(const bkerr_registry *reg)
{
    if (atomic_load_explicit(&reg->lazy->symbols_ready, memory_order_acquire))
        return true;
    bk_load_all(reg); /* and any lookup of their codes then takes no lock */
    pthread_mutex_lock(&reg->lazy->lock);
    bool ok = atomic_load_explicit(&reg->lazy->symbols_ready,
                                   memory_order_relaxed) ||
              build_locked(reg);
    pthread_mutex_unlock(&reg->lazy->lock);
    return ok;
}

/* The run of definitions of symbol: its first in *first, its length. */
static size_t matches(const bkerr_registry *reg, const char *symbol,
                      size_t *first)
{
    size_t len = strlen(symbol), lo = 0, hi = reg->lazy->n_symbols;
    while (lo < hi) { /* the first whose name is not below symbol */
        size_t mid = lo + (hi - lo) / 2;
        const struct bk_symbol *s = &reg->lazy->symbols[mid];
        if (compare_names(s->name, s->len, symbol, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t i = *first = lo;
    while (i < reg->lazy->n_symbols &&
           compare_names(reg->lazy->symbols[i].name, reg->lazy->symbols[i].len, symbol,
                         len) == 0)
        i++;
    return i - *first;
}

int bkerr_lookup_symbol(const bkerr_registry *reg, const char *product,
                        const char *symbol, size_t k, enum bkerr_lang lang,
                        struct bkerr_result *out)
{
    if (!reg || !symbol || !out || (unsigned)lang > BKERR_LANG_EN)
        return BKERR_EINVAL;
    size_t only = 0;
    if (product && bkerr_catalog_find(reg, product, &only) != 0) {
        /* a product without a catalog has no symbols */
        return bk_prefix_of_id(reg, product) ? BKERR_ENOTFOUND
                                             : BKERR_ENOPRODUCT;
    }
    if (!symbols_ready(reg))
        return BKERR_ENOMEM;
    size_t first, n = matches(reg, symbol, &first);
    const struct bk_symbol *s = NULL;
    for (size_t i = first; i < first + n && !s; i++)
        if (!product || reg->lazy->symbols[i].slot == only) {
            if (k == 0)
                s = &reg->lazy->symbols[i];
            else
                k--;
        }
    if (!s)
        return BKERR_ENOTFOUND;
    const struct bk_slot *slot = &reg->slots[s->slot];
    int rc;
    if (s->variant == 0) {
        rc = bkerr_catalog_entry(reg, s->slot, s->index, lang, out);
    } else {
        /* a legacy code is its product's; a code of the prefix is the
         * catalog's either way */
        bool legacy = s->index >= slot->cat.ix.n;
        rc = bkerr_lookup_variant(reg, legacy ? slot->st.id : NULL, s->code,
                                  s->variant, lang, out);
    }
    return rc < 0 ? rc : (int)out->status;
}
