/* index.c: code -> entry, and an entry's texts. */
#ifndef BKERR_INDEX_H
#define BKERR_INDEX_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bkerr/bkerr.h"
#include "bkerr/plugin.h"

/* 64 codes of a prefix: everything a lookup needs to find an entry, in
 * one 16-byte record, so a hit reads one line of the index. */
enum { BK_WORD_UNCHECKED, BK_WORD_GOOD, BK_WORD_MIXED };
struct bk_word {
    uint64_t present;     /* bit b: code w * 64 + b has an entry */
    uint32_t rank;        /* entries before this word */
    atomic_uint checked;  /* its entries' text: BK_WORD_*; compiled
                             catalogs check it at the first lookup */
};
struct bk_index { /* what a lookup reads, in one cache line */
    struct bk_word *words; /* the words from the first with an entry to the
                              last: most catalogs use part of the space;
                              mutable (each word's checked flag), also
                              when the index is reached as const */
    uint32_t first_word, n_words;
    const struct bkerr_packed_entry *pentries; /* compiled tables, or ... */
    const char *pool;
    const struct bkerr_entry *entries; /* ... hand-written ones */
    size_t n;                          /* entries */
    const struct bkerr_packed_about *pabout; /* compiled provenance, or NULL */
    /* compiled: what a hit takes from its entry's range, by the entry's
     * range field (0: none), so a hit reads no range and no text */
    struct bk_range_pick *range_pick; /* owned */
};
/* A range's module, and its advice as bk_pick() gives it in each
 * language (index lang - 1), NULL where it has none. */
struct bk_range_pick {
    const char *module;
    const char *advice[2];
    enum bkerr_lang advice_lang[2];
};
/* The text in lang, else the other language; NULL if both are missing
 * (texts come here NULL when empty).  *used: the language given.  Selects,
 * not branches: which texts exist varies from entry to entry, and a
 * mispredicted branch costs a lookup a tenth. */
static inline const char *bk_pick(const char *zh, const char *en,
                                  enum bkerr_lang lang, enum bkerr_lang *used)
{
    bool en_first = lang == BKERR_LANG_EN;
    const char *want = en_first ? en : zh, *other = en_first ? zh : en;
    bool fall_back = !want && other;
    *used = fall_back ? (en_first ? BKERR_LANG_ZH_CN : BKERR_LANG_EN) : lang;
    return fall_back ? other : want;
}
/* An entry's provenance (ABI 1.2), NULL where it has none (never ""). */
struct bk_about {
    enum bkerr_code_status status;
    const char *defined, *raised, *docs, *note_zh, *note_en;
    int n_variants; /* the record's count; -1 without a record */
};
/* An entry's texts, NULL where it has none (never ""). */
struct bk_texts {
    const char *symbol, *message_zh, *message_en, *advice_zh, *advice_en;
    const struct bkerr_range *range; /* the range holding the code, or NULL */
    struct bk_about about;
};
/* The texts of a plain entry and its provenance record (either may be
 * NULL), with range. */
void bk_plain_texts(const struct bkerr_entry *e, const struct bkerr_about *a,
                    const struct bkerr_range *range, struct bk_texts *t);
/* The variants of code in d: their count, and the first's index in
 * *first (index.c). */
size_t bk_variants_of(const struct bkerr_catalog *d, int64_t code,
                      size_t *first);
/* d's ABI 1.2 tables, or NULL for an older catalog. */
static inline const struct bkerr_catalog *bk_abi_1_2(const struct bkerr_catalog *d)
{
    return d->abi_minor >= 2 ? d : NULL;
}
/* Builds ix for d, whose tables the loader has checked; false on ENOMEM. */
bool bk_index_build(struct bk_index *ix, const struct bkerr_catalog *d,
                    const struct bkerr_packed *packed);
void bk_index_free(struct bk_index *ix);
#if defined(__x86_64__) && !defined(__POPCNT__)
/* Whether this CPU has POPCNT (index.c sets it at load): not in the
 * x86-64 baseline, but in every x86-64 CPU since 2008. */
extern bool bk_cpu_popcnt;
#endif
/* Bits set in x.  Without -mpopcnt (not in the x86-64 baseline) GCC's
 * builtin is a call into libgcc, and the portable sum below a dozen
 * dependent instructions on every hit's critical path; so x86-64 uses the
 * instruction where the CPU has it. */
static inline unsigned bk_popcount64(uint64_t x)
{
#if defined(__POPCNT__)
    return (unsigned)__builtin_popcountll(x);
#elif defined(__x86_64__)
    if (bk_cpu_popcnt) {
        uint64_t n;
        __asm__("popcnt %1, %0" : "=r"(n) : "rm"(x));
        return (unsigned)n;
    }
#endif
    x -= (x >> 1) & UINT64_C(0x5555555555555555);
    x = (x & UINT64_C(0x3333333333333333)) +
        ((x >> 2) & UINT64_C(0x3333333333333333));
    x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
    return (unsigned)((x * UINT64_C(0x0101010101010101)) >> 56);
}
/* The word of suffix (0-99999) and, if it has an entry, true and the
 * entry's index in *i. */
static inline bool bk_index_find(const struct bk_index *ix, uint32_t suffix,
                                 struct bk_word **word, size_t *i)
{
    uint32_t k = suffix / 64 - ix->first_word; /* wraps below the first */
    if (k >= ix->n_words)
        return false;
    struct bk_word *w = &ix->words[k]; /* its checked flag may be written */
    uint64_t bit = UINT64_C(1) << (suffix % 64);
    *word = w;
    if (!(w->present & bit))
        return false;
    *i = w->rank + bk_popcount64(w->present & (bit - 1));
    return true;
}
/* The code of entry i (< ix->n) under prefix. */
int64_t bk_index_code(const struct bk_index *ix, int prefix, size_t i);
/* The texts of entry i of a hand-written catalog. */
void bk_entry_texts(const struct bk_index *ix, const struct bkerr_catalog *d,
                    size_t i, int64_t code, struct bk_texts *t);
/* The first compiled entry of word w (whose first code is base) that
 * breaks the rules of plugin.h: the reason, and its index and code in
 * *bad and *bad_code; NULL if none does. */
const char *bk_word_problem(const struct bkerr_catalog *d,
                            const struct bk_word *w, int64_t base,
                            size_t *bad, int64_t *bad_code);
/* Checks the compiled entries of word w at their first lookup; true if
 * entry i (code) keeps the rules. */
bool bk_word_first_use(const struct bkerr_catalog *d, struct bk_word *w,
                       size_t i, int64_t code);
/* True if entry i (code), in word w, may be answered from: always for a
 * hand-written catalog (checked at open), for a compiled one once its
 * text passed. */
static inline bool bk_index_usable(const struct bkerr_catalog *d,
                                   struct bk_word *w, size_t i,
                                   int64_t code)
{
    return atomic_load_explicit(&w->checked, memory_order_relaxed) ==
               BK_WORD_GOOD ||
           bk_word_first_use(d, w, i, code);
}
/* The pool text at off, or NULL for offset 0. */
static inline const char *bk_pool_text(const struct bk_index *ix,
                                       uint32_t off)
{
    return off ? ix->pool + off : NULL;
}
/* The texts of entry i (code, in word w); false if it is a compiled entry
 * that fails the text rules of plugin.h. */
static inline bool bk_index_texts(const struct bk_index *ix,
                                  const struct bkerr_catalog *d,
                                  struct bk_word *w, size_t i,
                                  int64_t code, struct bk_texts *t)
{
    if (!ix->pool) {
        bk_entry_texts(ix, d, i, code, t);
        return true;
    }
    if (!bk_index_usable(d, w, i, code))
        return false;
    const struct bkerr_packed_entry *e = &ix->pentries[i];
    t->symbol = bk_pool_text(ix, e->symbol);
    t->message_zh = bk_pool_text(ix, e->message_zh);
    t->message_en = bk_pool_text(ix, e->message_en);
    t->advice_zh = bk_pool_text(ix, e->advice_zh);
    t->advice_en = bk_pool_text(ix, e->advice_en);
    t->range = e->range ? &d->ranges[e->range - 1] : NULL;
    t->about = (struct bk_about){.n_variants = -1};
    if (ix->pabout) {
        const struct bkerr_packed_about *a = &ix->pabout[i];
        t->about = (struct bk_about){
            (enum bkerr_code_status)a->status, bk_pool_text(ix, a->defined),
            bk_pool_text(ix, a->raised), bk_pool_text(ix, a->docs),
            bk_pool_text(ix, a->note_zh), bk_pool_text(ix, a->note_en),
            a->n_variants};
    }
    return true;
}
/* NULL if compiled entry i (code) keeps the rules; else a static reason. */
const char *bk_packed_problem(const struct bkerr_catalog *d,
                              const struct bkerr_packed *p, size_t i,
                              int64_t code);
const struct bkerr_range *bk_find_range(const struct bkerr_catalog *d,
                                        int64_t code);

#endif
