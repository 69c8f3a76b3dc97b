/* The code -> entry index of a loaded catalog, and the texts of an entry.
 *
 * Every catalog, compiled (struct bkerr_packed) or hand-written (struct
 * bkerr_entry), is found the same way: a bitmap over the prefix's 100,000
 * codes and the number of entries before each 64-bit word, kept together
 * per word (struct bk_word), so a lookup is one bit test and a popcount
 * in one cache line, and a miss one load.  A compiled catalog brings its
 * bitmap; a hand-written one's is built here.
 *
 * A compiled entry's text is checked the first time a lookup reaches it
 * (the open stays independent of the number of codes), with the other
 * entries of its 64-code word; the word remembers the result.  The check
 * is a pure function of read-only data, so racing readers may both run it
 * and store the same result.
 */
#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "common/code.h"
#include "common/rules.h"

#if defined(__x86_64__) && !defined(__POPCNT__)
bool bk_cpu_popcnt;

__attribute__((constructor)) static void find_popcnt(void)
{
    __builtin_cpu_init();
    bk_cpu_popcnt = __builtin_cpu_supports("popcnt");
}
#endif

static const char *nonempty(const char *s)
{
    return s && *s ? s : NULL;
}

/* ix->range_pick for d's ranges; false on ENOMEM. */
static bool build_range_pick(struct bk_index *ix,
                             const struct bkerr_catalog *d)
{
    struct bk_range_pick *p = calloc(d->n_ranges + 1, sizeof *p);
    if (!p)
        return false;
    for (size_t k = 0; k < d->n_ranges; k++) {
        const struct bkerr_range *r = &d->ranges[k];
        p[k + 1].module = r->module;
        for (int l = 0; l < 2; l++)
            p[k + 1].advice[l] =
                bk_pick(nonempty(r->advice_zh), nonempty(r->advice_en),
                        (enum bkerr_lang)(l + 1), &p[k + 1].advice_lang[l]);
    }
    for (int l = 0; l < 2; l++) /* as bk_pick(NULL, NULL, lang) says */
        p[0].advice_lang[l] = (enum bkerr_lang)(l + 1);
    ix->range_pick = p;
    return true;
}

bool bk_index_build(struct bk_index *ix, const struct bkerr_catalog *d,
                    const struct bkerr_packed *packed)
{
    size_t first = BKERR_PRESENT_WORDS, last = 0;
    if (packed) {
        for (size_t k = 0; k < BKERR_PRESENT_WORDS; k++)
            if (packed->present[k]) {
                first = k < first ? k : first;
                last = k;
            }
        ix->pentries = packed->entries;
        ix->pool = packed->pool;
        ix->n = packed->n_entries;
        ix->pabout = bk_abi_1_2(d) ? d->packed_about : NULL;
    } else if (d->n_entries) { /* sorted, checked at open */
        first = (size_t)(d->entries[0].code % BKERR_SUFFIXES) / 64;
        last = (size_t)(d->entries[d->n_entries - 1].code % BKERR_SUFFIXES) / 64;
        ix->entries = d->entries;
        ix->n = d->n_entries;
    }
    if (packed && !build_range_pick(ix, d))
        return false;
    if (first > last) /* no entries: every lookup misses */
        return true;
    struct bk_word *w = calloc(last - first + 1, sizeof *w);
    if (!w)
        return false;
    ix->words = w;
    ix->first_word = (uint32_t)first;
    ix->n_words = (uint32_t)(last - first + 1);
    if (packed) {
        for (size_t k = 0; k < ix->n_words; k++)
            w[k].present = packed->present[first + k];
    } else {
        for (size_t i = 0; i < d->n_entries; i++) {
            uint32_t s = (uint32_t)(d->entries[i].code % BKERR_SUFFIXES);
            w[s / 64 - first].present |= UINT64_C(1) << (s % 64);
        }
    }
    uint32_t before = 0;
    for (size_t k = 0; k < ix->n_words; k++) {
        w[k].rank = before;
        before += bk_popcount64(w[k].present);
        /* hand-written entries were checked at open */
        atomic_init(&w[k].checked,
                    packed ? BK_WORD_UNCHECKED : BK_WORD_GOOD);
    }
    return true;
}

void bk_index_free(struct bk_index *ix)
{
    free(ix->words);
    free(ix->range_pick);
    memset(ix, 0, sizeof *ix);
}

int64_t bk_index_code(const struct bk_index *ix, int prefix, size_t i)
{
    size_t lo = 0, hi = ix->n_words; /* last word with rank <= i */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->words[mid].rank <= i)
            lo = mid;
        else
            hi = mid;
    }
    uint64_t word = ix->words[lo].present;
    for (size_t k = i - ix->words[lo].rank; k > 0; k--)
        word &= word - 1; /* drop the lowest set bit */
    return (int64_t)prefix * BKERR_SUFFIXES +
           (int64_t)(ix->first_word + lo) * 64 + __builtin_ctzll(word);
}

/* The range of d holding code, or NULL. */
const struct bkerr_range *bk_find_range(const struct bkerr_catalog *d,
                                        int64_t code)
{
    if (!d->n_ranges) /* and d->ranges may be NULL */
        return NULL;
    /* the first range whose last >= code */
    size_t i = bk_lower_bound(&d->ranges->last, d->n_ranges, sizeof *d->ranges,
                              code);
    return i < d->n_ranges && d->ranges[i].first <= code ? &d->ranges[i] : NULL;
}

/* NULL if the n pool offsets in offs name good texts; placeholders:
 * which of them are messages (bit f). */
static const char *pool_problem(const struct bkerr_packed *p,
                                const uint32_t *offs, size_t n,
                                unsigned placeholders)
{
    for (size_t f = 0; f < n; f++) {
        uint32_t off = offs[f];
        if (off == 0)
            continue;
        if (off >= p->pool_size)
            return "a text offset lies past the end of the pool";
        const char *s = p->pool + off;
        if (!*s)
            return "an empty text has a non-zero offset (0 means no text)";
        /* the pool ends with a NUL (checked at open), so s is a string */
        const char *why = bk_rule_text(s, placeholders >> f & 1);
        if (why)
            return why;
    }
    return NULL;
}

size_t bk_variants_of(const struct bkerr_catalog *d, int64_t code,
                      size_t *first)
{
    const struct bkerr_catalog *d12 = bk_abi_1_2(d);
    size_t n = d12 ? d12->n_variants : 0;
    size_t i = *first = n ? bk_lower_bound(d->variants, n, sizeof *d->variants,
                                           code)
                          : 0;
    while (i < n && d->variants[i].entry.code == code)
        i++;
    return i - *first;
}

const char *bk_packed_problem(const struct bkerr_catalog *d,
                              const struct bkerr_packed *p, size_t i,
                              int64_t code)
{
    const struct bkerr_packed_entry *e = &p->entries[i];
    const uint32_t texts[] = {e->symbol, e->message_zh, e->message_en,
                              e->advice_zh, e->advice_en};
    const char *why = pool_problem(p, texts, 5, 0x6); /* the messages */
    if (why)
        return why;
    const struct bkerr_packed_about *a =
        bk_abi_1_2(d) && d->packed_about ? &d->packed_about[i] : NULL;
    if (a) {
        const uint32_t about[] = {a->defined, a->raised, a->docs, a->note_zh,
                                  a->note_en};
        size_t first;
        if (!bk_rule_status(a->status))
            return "its status is not an enum bkerr_code_status value";
        if (a->n_variants != bk_variants_of(d, code, &first))
            return "its n_variants does not count the variants of its code";
        if ((why = pool_problem(p, about, 5, 0)))
            return why;
    }
    /* offset 0 is the pool's leading "": no text */
    if (!bk_rule_has_message(p->pool + e->message_zh, p->pool + e->message_en))
        return "no message in either language";
    const struct bkerr_range *r = bk_find_range(d, code);
    if (e->range != (r ? (uint32_t)(r - d->ranges) + 1 : 0))
        return "its range index does not name the range that holds the code";
    return NULL;
}

void bk_plain_texts(const struct bkerr_entry *e, const struct bkerr_about *a,
                    const struct bkerr_range *range, struct bk_texts *t)
{
    *t = (struct bk_texts){nonempty(e->symbol), nonempty(e->message_zh),
                           nonempty(e->message_en), nonempty(e->advice_zh),
                           nonempty(e->advice_en), range, {0}};
    t->about.n_variants = -1;
    if (a)
        t->about = (struct bk_about){
            (enum bkerr_code_status)a->status, nonempty(a->defined),
            nonempty(a->raised), nonempty(a->docs), nonempty(a->note_zh),
            nonempty(a->note_en), (int)a->n_variants};
}

void bk_entry_texts(const struct bk_index *ix, const struct bkerr_catalog *d,
                    size_t i, int64_t code, struct bk_texts *t)
{
    const struct bkerr_about *a = bk_abi_1_2(d) && d->about ? &d->about[i]
                                                            : NULL;
    bk_plain_texts(&ix->entries[i], a, bk_find_range(d, code), t);
}

const char *bk_word_problem(const struct bkerr_catalog *d,
                            const struct bk_word *w, int64_t base,
                            size_t *bad, int64_t *bad_code)
{
    size_t k = w->rank;
    for (uint64_t bits = w->present; bits; bits &= bits - 1, k++) {
        int64_t code = base + __builtin_ctzll(bits);
        const char *why = bk_packed_problem(d, d->packed, k, code);
        if (why) {
            *bad = k, *bad_code = code;
            return why;
        }
    }
    return NULL;
}

bool bk_word_first_use(const struct bkerr_catalog *d, struct bk_word *w,
                       size_t i, int64_t code)
{
    unsigned state = atomic_load_explicit(&w->checked, memory_order_relaxed);
    if (state == BK_WORD_UNCHECKED) {
        /* the whole word at once: its entries share the index's line */
        size_t bad;
        int64_t bad_code;
        state = bk_word_problem(d, w, code - code % BKERR_SUFFIXES % 64, &bad,
                                &bad_code)
                    ? BK_WORD_MIXED
                    : BK_WORD_GOOD;
        atomic_store_explicit(&w->checked, state, memory_order_relaxed);
    }
    return state == BK_WORD_GOOD || !bk_packed_problem(d, d->packed, i, code);
}
