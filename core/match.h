/* The message matcher's index: match_index.c builds it from the loaded
 * catalogs, match.c reads it (bkerr_match()). */
#ifndef BKERR_MATCH_H
#define BKERR_MATCH_H

#include <stdint.h>
#include <string.h>

#include "bkerr/bkerr.h"

/* The filter has one bit per hash of a 4-byte piece ("gram"): 2^20 bits,
 * 128 KB, in the L2 cache while a line is read; a quarter of that let
 * twice as many grams no template has through to the slots.  A line is
 * read at every BK_GRAM_STEP-th byte, so each template is indexed under
 * the grams at BK_GRAM_STEP neighbouring offsets of one piece (of at
 * least BK_GRAM + BK_GRAM_STEP - 1 bytes): one of them starts at a
 * multiple of BK_GRAM_STEP in any line that holds the piece.  Every third
 * or fourth byte was slower: the more grams a template is indexed under,
 * the more of them are common words (instance, success). */
#define BK_GRAM 4
#define BK_GRAM_STEP 2
#define BK_GRAM_BITS 20

/* One message template: literal pieces lits[lit .. lit + n_lits), with
 * placeholder k between pieces k and k + 1. */
struct bk_tmpl {
    const char *message; /* the catalog's text */
    int64_t code;
    uint32_t catalog, entry, variant;
    uint8_t lang;        /* enum bkerr_lang */
    uint16_t n_lits;     /* placeholders + 1 */
    uint32_t lit;
    uint32_t literal;    /* bytes of all its pieces: its rank */
};
struct bk_lit {
    uint32_t off, len; /* the piece, braces unescaped: pool[off, off + len) */
    uint32_t name;     /* pool offset of the name of the placeholder after
                          it (none after the last piece) */
};
/* An indexed gram of a template: piece lit holds it at byte off + shift
 * (the template is indexed BK_GRAM_STEP times, at off, off + 1 ...); the
 * piece is pool[piece, piece + len), here again so that a miss reads no
 * more. */
struct bk_gram_rec {
    uint32_t tmpl;
    uint16_t lit, off;
    uint32_t piece;
    uint16_t len;
    uint8_t shift; /* 0 .. BK_GRAM_STEP - 1 */
};
/* The templates indexed under gram: recs[first, first + count). */
struct bk_gram_slot {
    uint32_t gram, first, count; /* count 0: an empty slot */
};
struct bk_match_index {
    struct bk_tmpl *tmpls;
    size_t n_tmpls;
    struct bk_lit *lits;
    char *pool;
    uint64_t filter[(1u << BK_GRAM_BITS) / 64];
    struct bk_gram_slot *slots; /* open addressing, a power of two */
    uint32_t slot_mask;
    struct bk_gram_rec *recs;   /* by gram */
};

/* The gram at p (4 readable bytes). */
static inline uint32_t bk_gram_at(const char *p)
{
    uint32_t g;
    memcpy(&g, p, sizeof g);
    return g;
}
/* The filter bit of a gram. */
static inline uint32_t bk_gram_hash(uint32_t g)
{
    return (g * UINT32_C(0x9E3779B1)) >> (32 - BK_GRAM_BITS);
}

/* The registry's index, built at the first call (loading every lazy
 * catalog); NULL when memory ran out. */
const struct bk_match_index *bk_match_index(const bkerr_registry *reg);
/* Frees an index (NULL is a no-op): bkerr_close(). */
void bk_match_index_free(struct bk_match_index *ix);

#endif
