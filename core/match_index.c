/* The message matcher's index: every loaded message template, cut into
 * literal pieces, and for each template the BK_GRAM_STEP neighbouring
 * 4-byte grams of its pieces that the fewest templates share, behind a
 * bit filter (match.h).  A line is then read once, at every
 * BK_GRAM_STEP-th byte against the filter, and only the templates whose
 * gram the line holds are tried (match.c); a gram is enough because
 * every piece it comes from must be in the line too.
 *
 * The texts are read through the lookups (bkerr_catalog_entry(),
 * bkerr_lookup_variant()), so the matcher sees exactly the messages a
 * lookup gives.  A lazily opened registry cannot know its templates until
 * every catalog has loaded: the first bkerr_match() loads them, builds
 * the index under the lazy lock and publishes it once, as guests.c does
 * with the guest codes. */
#include "match.h"

#include <stdlib.h>

#include "guests.h"
#include "registry.h"

struct builder {
    struct bk_match_index *ix;
    size_t cap_tmpls, n_lits, cap_lits, n_pool, cap_pool;
    bool failed; /* out of memory */
};

/* Makes room for one more of an array's items; false (and failed) if
 * memory ran out. */
static bool grow(struct builder *b, void **a, size_t *cap, size_t n,
                 size_t item)
{
    if (b->failed)
        return false;
    if (n < *cap)
        return true;
    size_t want = *cap ? *cap * 2 : 1024;
    void *p = realloc(*a, want * item);
    if (!p) {
        b->failed = true;
        return false;
    }
    *a = p, *cap = want;
    return true;
}

/* Appends s[0, n) and a NUL to the pool; its offset. */
static uint32_t pool_add(struct builder *b, const char *s, size_t n)
{
    while (b->n_pool + n + 1 > b->cap_pool)
        if (!grow(b, (void **)&b->ix->pool, &b->cap_pool, b->cap_pool, 1))
            return 0;
    uint32_t off = (uint32_t)b->n_pool;
    memcpy(b->ix->pool + off, s, n);
    b->ix->pool[off + n] = '\0';
    b->n_pool += n + 1;
    return off;
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
}

/* Appends byte c to the pool. */
static void pool_put(struct builder *b, char c)
{
    if (grow(b, (void **)&b->ix->pool, &b->cap_pool, b->n_pool, 1))
        b->ix->pool[b->n_pool++] = c;
}

/* The end of a placeholder's name if one starts at m ("{name}"), else
 * NULL. */
static const char *placeholder_end(const char *m)
{
    const char *end = m + 1;
    while (is_name_char(*end))
        end++;
    return *m == '{' && *end == '}' && end > m + 1 ? end : NULL;
}

/* Cuts message m into t's pieces ("{{" and "}}" become braces; a brace
 * that is no placeholder stays text), each NUL-terminated in the pool. */
static void cut(struct builder *b, struct bk_tmpl *t, const char *m)
{
    t->lit = (uint32_t)b->n_lits;
    t->n_lits = 0;
    for (;;) {
        if (!grow(b, (void **)&b->ix->lits, &b->cap_lits, b->n_lits,
                  sizeof *b->ix->lits))
            return;
        struct bk_lit *l = &b->ix->lits[b->n_lits++];
        *l = (struct bk_lit){.off = (uint32_t)b->n_pool};
        t->n_lits++;
        const char *end = NULL;
        while (*m && !(end = placeholder_end(m))) {
            pool_put(b, *m);
            l->len++;
            m += (m[0] == '{' || m[0] == '}') && m[1] == m[0] ? 2 : 1;
        }
        pool_put(b, '\0');
        if (!*m || t->n_lits == UINT16_MAX)
            return;
        l->name = pool_add(b, m + 1, (size_t)(end - m - 1));
        m = end + 1;
    }
}

/* Adds message (in lang) of variant v of entry k of catalog i. */
static void add(struct builder *b, size_t i, size_t k, unsigned v,
                const struct bkerr_result *r, enum bkerr_lang lang)
{
    struct bk_match_index *ix = b->ix;
    if (!r->message || r->message_lang != lang || r->message[0] == '\0' ||
        !grow(b, (void **)&ix->tmpls, &b->cap_tmpls, ix->n_tmpls,
              sizeof *ix->tmpls))
        return;
    struct bk_tmpl *t = &ix->tmpls[ix->n_tmpls++];
    *t = (struct bk_tmpl){.message = r->message, .code = r->code,
                          .catalog = (uint32_t)i, .entry = (uint32_t)k,
                          .variant = v, .lang = (uint8_t)lang};
    cut(b, t, r->message);
    for (unsigned j = 0; !b->failed && j < t->n_lits; j++)
        t->literal += ix->lits[t->lit + j].len;
}

/* Every message of every loaded catalog, in catalog, entry, variant and
 * language order (the order ties are reported in). */
static void add_all(struct builder *b, const bkerr_registry *reg)
{
    for (size_t i = 0; i < reg->n_slots; i++) {
        const struct bk_slot *slot = &reg->slots[i];
        if (!slot->cat.desc)
            continue;
        size_t n = slot->cat.ix.n + slot->cat.desc->n_legacy;
        for (size_t k = 0; k < n && !b->failed; k++) {
            for (enum bkerr_lang lang = BKERR_LANG_ZH_CN;
                 lang <= BKERR_LANG_EN; lang++) {
                struct bkerr_result r;
                if (bkerr_catalog_entry(reg, i, k, lang, &r) != 0 ||
                    (r.status != BKERR_FOUND && r.status != BKERR_GUEST))
                    continue;
                add(b, i, k, 0, &r, lang);
                for (unsigned v = 1; v < r.n_variants; v++) {
                    struct bkerr_result rv;
                    if (bkerr_lookup_variant(reg, slot->st.id, r.code, v, lang,
                                             &rv) >= 0)
                        add(b, i, k, v, &rv, lang);
                }
            }
        }
    }
}

/* ---- choosing each template's gram ------------------------------------ */

/* A letter, digit or non-ASCII character starts at s: the characters
 * that make a template specific (blanks and ASCII punctuation do not). */
static bool significant(unsigned char c)
{
    return (c >= 0x80 && c < 0xC0) ? false /* inside a character */
           : c >= 0x80 || (c >= '0' && c <= '9') ||
               ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* True if t is specific enough to match: BKERR_MATCH_MIN_LITERAL
 * significant characters, and a piece with a gram. */
static bool specific(const struct bk_match_index *ix, const struct bk_tmpl *t)
{
    size_t chars = 0;
    bool gram = false;
    for (unsigned j = 0; j < t->n_lits; j++) {
        const struct bk_lit *l = &ix->lits[t->lit + j];
        gram = gram || l->len >= BK_GRAM + BK_GRAM_STEP - 1;
        for (uint32_t k = 0; k < l->len; k++)
            chars += significant((unsigned char)ix->pool[l->off + k]);
    }
    return gram && chars >= BKERR_MATCH_MIN_LITERAL;
}

/* A template's indexed gram, while the index is built. */
struct pair {
    uint32_t gram;
    struct bk_gram_rec rec;
};

/* By gram, then template order; a template's records by shift, the
 * largest first (equal grams, as in "aaaaaaa": at one position, the
 * piece starting first is tried first). */
static int by_gram(const void *a, const void *b)
{
    const struct pair *x = a, *y = b;
    if (x->gram != y->gram)
        return (x->gram > y->gram) - (x->gram < y->gram);
    if (x->rec.tmpl != y->rec.tmpl)
        return (x->rec.tmpl > y->rec.tmpl) - (x->rec.tmpl < y->rec.tmpl);
    return (y->rec.shift > x->rec.shift) - (y->rec.shift < x->rec.shift);
}

/* How many times each gram occurs in the specific templates' pieces: an
 * open-addressing table of 2^bits entries, at most half full (it doubles
 * as it fills), while the index is built. */
struct counts {
    struct count {
        uint32_t gram, n; /* n 0: empty */
    } *e;
    unsigned bits;
    size_t used;
    bool failed; /* out of memory */
};

/* The entry of gram g in c (found, or the empty one it would take); the
 * hash's high bits, as a gram's low ones are mostly its first letter. */
static uint32_t count_slot(const struct counts *c, uint32_t g)
{
    uint32_t mask = ((uint32_t)1 << c->bits) - 1;
    uint32_t k = (g * UINT32_C(0x9E3779B1)) >> (32 - c->bits);
    while (c->e[k].n && c->e[k].gram != g)
        k = (k + 1) & mask;
    return k;
}

/* Doubles the table; false on ENOMEM. */
static bool grow_counts(struct counts *c)
{
    struct counts bigger = {.bits = c->bits + 1, .used = c->used};
    if (!(bigger.e = calloc((size_t)1 << bigger.bits, sizeof *bigger.e)))
        return false;
    for (size_t k = 0; c->e && k < (size_t)1 << c->bits; k++)
        if (c->e[k].n)
            bigger.e[count_slot(&bigger, c->e[k].gram)] = c->e[k];
    free(c->e);
    *c = bigger;
    return true;
}

static void tally(struct counts *c, uint32_t g)
{
    if (c->failed || (2 * (c->used + 1) > (size_t)1 << c->bits &&
                      !(c->failed = !grow_counts(c))))
        return;
    struct count *e = &c->e[count_slot(c, g)];
    c->used += e->n == 0;
    e->gram = g;
    e->n++;
}

/* The grams' counts; false on ENOMEM. */
static bool count_grams(const struct bk_match_index *ix, const bool *ok,
                        struct counts *c)
{
    *c = (struct counts){.bits = 15};
    if (!(c->e = calloc((size_t)1 << c->bits, sizeof *c->e)))
        return false;
    for (size_t t = 0; t < ix->n_tmpls; t++) {
        for (unsigned j = 0; ok[t] && j < ix->tmpls[t].n_lits; j++) {
            const struct bk_lit *l = &ix->lits[ix->tmpls[t].lit + j];
            for (uint32_t o = 0; o + BK_GRAM <= l->len; o++)
                tally(c, bk_gram_at(ix->pool + l->off + o));
        }
    }
    return !c->failed;
}

/* The BK_GRAM_STEP neighbouring grams of template t that the fewest
 * templates share: *rec, and the grams in g[0] (at rec->off), g[1] ... */
static void rarest(const struct bk_match_index *ix, uint32_t t,
                   const struct counts *c, struct bk_gram_rec *rec,
                   uint32_t g[BK_GRAM_STEP])
{
    const struct bk_tmpl *tm = &ix->tmpls[t];
    uint64_t best = UINT64_MAX;
    for (unsigned j = 0; j < tm->n_lits; j++) {
        const struct bk_lit *l = &ix->lits[tm->lit + j];
        for (uint32_t o = 0; o + BK_GRAM + BK_GRAM_STEP - 1 <= l->len; o++) {
            const char *at = ix->pool + l->off + o;
            uint64_t n = 0;
            for (unsigned k = 0; k < BK_GRAM_STEP; k++)
                n += c->e[count_slot(c, bk_gram_at(at + k))].n;
            if (n < best) {
                best = n;
                for (unsigned k = 0; k < BK_GRAM_STEP; k++)
                    g[k] = bk_gram_at(at + k);
                *rec = (struct bk_gram_rec){t, (uint16_t)j, (uint16_t)o,
                                            l->off, (uint16_t)l->len, 0};
            }
        }
    }
}

/* The slots, recs and filter from pairs[0, n), sorted by gram; false on
 * ENOMEM. */
static bool build_table(struct bk_match_index *ix, const struct pair *pairs,
                        size_t n)
{
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        distinct += i == 0 || pairs[i].gram != pairs[i - 1].gram;
    unsigned bits = 4;
    while ((size_t)1 << bits < 2 * distinct)
        bits++;
    ix->slot_mask = (uint32_t)(((size_t)1 << bits) - 1);
    ix->slots = calloc((size_t)ix->slot_mask + 1, sizeof *ix->slots);
    ix->recs = malloc((n ? n : 1) * sizeof *ix->recs);
    if (!ix->slots || !ix->recs)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint32_t g = pairs[i].gram;
        ix->recs[i] = pairs[i].rec;
        uint32_t h = bk_gram_hash(g);
        ix->filter[h / 64] |= UINT64_C(1) << (h % 64);
        uint32_t s = h & ix->slot_mask;
        while (ix->slots[s].count && ix->slots[s].gram != g)
            s = (s + 1) & ix->slot_mask;
        if (!ix->slots[s].count)
            ix->slots[s] = (struct bk_gram_slot){g, (uint32_t)i, 0};
        ix->slots[s].count++;
    }
    return true;
}

/* Indexes each specific template under its rarest gram; false on ENOMEM. */
static bool index_grams(struct bk_match_index *ix)
{
    bool *ok = calloc(ix->n_tmpls ? ix->n_tmpls : 1, sizeof *ok);
    struct counts c = {0};
    struct pair *pairs = NULL;
    size_t n = 0;
    bool done = false;
    if (!ok)
        return false;
    for (size_t t = 0; t < ix->n_tmpls; t++)
        ok[t] = specific(ix, &ix->tmpls[t]);
    if (!count_grams(ix, ok, &c) ||
        !(pairs = malloc((ix->n_tmpls ? ix->n_tmpls : 1) * BK_GRAM_STEP *
                         sizeof *pairs)))
        goto out;
    for (size_t t = 0; t < ix->n_tmpls; t++) {
        uint32_t g[BK_GRAM_STEP] = {0};
        if (!ok[t])
            continue;
        rarest(ix, (uint32_t)t, &c, &pairs[n].rec, g);
        for (unsigned k = 0; k < BK_GRAM_STEP; k++) {
            pairs[n + k].rec = pairs[n].rec;
            pairs[n + k].rec.shift = (uint8_t)k;
            pairs[n + k].gram = g[k];
        }
        n += BK_GRAM_STEP;
    }
    qsort(pairs, n, sizeof *pairs, by_gram);
    done = build_table(ix, pairs, n);
out:
    free(ok);
    free(c.e);
    free(pairs);
    return done;
}

/* ---- building and publishing ------------------------------------------ */

void bk_match_index_free(struct bk_match_index *ix)
{
    if (!ix)
        return;
    free(ix->tmpls);
    free(ix->lits);
    free(ix->pool);
    free(ix->slots);
    free(ix->recs);
    free(ix);
}

/* A new index of every loaded template, or NULL on ENOMEM. */
static struct bk_match_index *build(const bkerr_registry *reg)
{
    struct builder b = {.ix = calloc(1, sizeof *b.ix)};
    if (!b.ix)
        return NULL;
    pool_add(&b, "", 0); /* offset 0: no name */
    add_all(&b, reg);
    if (b.failed || !index_grams(b.ix)) {
        bk_match_index_free(b.ix);
        return NULL;
    }
    return b.ix;
}

const struct bk_match_index *bk_match_index(const bkerr_registry *reg)
{
    struct bk_lazy_state *lz = reg->lazy;
    if (atomic_load_explicit(&lz->match_ready, memory_order_acquire))
        return lz->match;
    /* Every catalog loaded and every prefix's guests known first: then no
     * lookup of the build takes the lazy lock, which the build holds. */
    bk_load_all(reg);
    for (int p = 10; p < BK_PREFIX_SLOTS; p++)
        bk_guests_ready(reg, p);
    pthread_mutex_lock(&lz->lock);
    if (!atomic_load_explicit(&lz->match_ready, memory_order_relaxed) &&
        (lz->match = build(reg)))
        atomic_store_explicit(&lz->match_ready, true, memory_order_release);
    pthread_mutex_unlock(&lz->lock);
    return lz->match;
}
