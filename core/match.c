/* bkerr_match(): the message templates a line of text contains.  The line
 * is read once through the index's gram filter (match_index.c); each
 * template whose gram is found is checked from that piece outwards, its
 * placeholders taking the shortest gaps, and the best are kept in the
 * caller's array.  No allocation, no lock: the scratch is on the stack. */
#include "match.h"

#include <limits.h>
#include <stdalign.h>
#include <stdbool.h>

#include "common/sized.h"

/* Version 6's struct, which every caller's holds. */
#define MATCH_V6_SIZE \
    (offsetof(struct bkerr_match, captures) + \
     sizeof(((struct bkerr_match *)0)->captures))

/* Templates reported so far, remembered to report each once; past this
 * many, a template's piece is searched for earlier in the line and
 * checked again there instead (matched_before()). */
#define SEEN_MAX 64

struct search {
    const struct bk_match_index *ix;
    const char *text;
    size_t len;
    char *out;             /* the caller's array, of stride-byte elements */
    size_t n, stride, filled;
    size_t total;
    uint32_t seen[SEEN_MAX];
    size_t n_seen;
};

/* ---- characters --------------------------------------------------------- */

static bool continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* The length of the character a lead byte c starts (1 for any other). */
static size_t char_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The position after the character at p (< len): a lead byte and its
 * continuation bytes, or any other byte alone. */
static size_t next_char(const char *t, size_t len, size_t p)
{
    size_t n = char_len((unsigned char)t[p]);
    if (n > len - p)
        return p + 1;
    for (size_t k = 1; k < n; k++)
        if (!continuation(t[p + k]))
            return p + 1;
    return p + n;
}

/* The start of the character before p (> 0), as next_char() cuts. */
static size_t prev_char(const char *t, size_t p)
{
    size_t q = p - 1;
    while (q > 0 && p - q < 4 && continuation(t[q]))
        q--;
    return q + char_len((unsigned char)t[q]) == p && !continuation(t[q])
               ? q
               : p - 1;
}

/* Full-width punctuation that ends a value at a template's edge. */
static const char wide_stops[][4] = {
    "，", "。", "：", "；", "、", "！", "？", "（", "）", "【", "】",
    "「", "」", "『", "』", "“", "”", "‘", "’", "　",
};

/* True if the character at t[p, q) cannot be part of an edge value. */
static bool stops_value(const char *t, size_t p, size_t q)
{
    if (q - p == 1) {
        unsigned char c = (unsigned char)t[p];
        return c <= ' ' || c == 0x7F || strchr("\"'`()[]{}<>,;=|", c);
    }
    for (size_t i = 0; q - p == 3 && i < sizeof wide_stops / 4; i++)
        if (memcmp(t + p, wide_stops[i], 3) == 0)
            return true;
    return false;
}

/* The end of the value that starts at p: a run of value characters,
 * at most BKERR_MATCH_MAX_GAP bytes. */
static size_t value_right(const char *t, size_t len, size_t p)
{
    size_t q = p;
    while (q < len) {
        size_t r = next_char(t, len, q);
        if (r - p > BKERR_MATCH_MAX_GAP || stops_value(t, q, r))
            break;
        q = r;
    }
    return q;
}

/* The start of the value that ends at p, as value_right(). */
static size_t value_left(const char *t, size_t p)
{
    size_t q = p;
    while (q > 0) {
        size_t r = prev_char(t, q);
        if (p - r > BKERR_MATCH_MAX_GAP || stops_value(t, r, q))
            break;
        q = r;
    }
    return q;
}

/* ---- checking one template ----------------------------------------------- */

/* The first start >= from of piece l in t[.., limit), or SIZE_MAX. */
static size_t find_forward(const struct search *s, const struct bk_lit *l,
                           size_t from, size_t limit)
{
    if (limit > s->len)
        limit = s->len;
    if (from >= limit || limit - from < l->len)
        return SIZE_MAX;
    const char *hit = memmem(s->text + from, limit - from,
                             s->ix->pool + l->off, l->len);
    return hit ? (size_t)(hit - s->text) : SIZE_MAX;
}

/* The last start in [lo, hi] of piece l, or SIZE_MAX. */
static size_t find_backward(const struct search *s, const struct bk_lit *l,
                            size_t lo, size_t hi)
{
    const char *piece = s->ix->pool + l->off;
    for (size_t q = hi + 1; q-- > lo;)
        if (s->text[q] == piece[0] && memcmp(s->text + q, piece, l->len) == 0)
            return q;
    return SIZE_MAX;
}

static void capture(struct bkerr_match *m, const struct bk_tmpl *t,
                    const struct bk_match_index *ix, unsigned k, size_t start,
                    size_t end)
{
    if (k < BKERR_MATCH_CAPTURES)
        m->captures[k] = (struct bkerr_capture){
            ix->pool + ix->lits[t->lit + k].name, start, end};
}

/* Placeholders after piece i, from pos: m's captures and end. */
static bool extend_right(const struct search *s, const struct bk_tmpl *t,
                         unsigned i, size_t pos, struct bkerr_match *m)
{
    for (unsigned j = i + 1; j < t->n_lits; j++) { /* placeholder j - 1 */
        const struct bk_lit *l = &s->ix->lits[t->lit + j];
        size_t start = pos;
        if (pos >= s->len)
            return false;
        size_t one = next_char(s->text, s->len, pos);
        if (l->len) {
            size_t q = find_forward(s, l, one, pos + BKERR_MATCH_MAX_GAP + l->len);
            if (q == SIZE_MAX)
                return false;
            capture(m, t, s->ix, j - 1, start, q);
            pos = q + l->len;
        } else {
            pos = j + 1 == t->n_lits ? value_right(s->text, s->len, pos) : one;
            if (pos == start)
                return false;
            capture(m, t, s->ix, j - 1, start, pos);
        }
    }
    m->end = pos;
    return true;
}

/* Placeholders before piece i, which starts at pos: m's captures and
 * start. */
static bool extend_left(const struct search *s, const struct bk_tmpl *t,
                        unsigned i, size_t pos, struct bkerr_match *m)
{
    for (unsigned j = i; j-- > 0;) { /* placeholder j, before piece j + 1 */
        const struct bk_lit *l = &s->ix->lits[t->lit + j];
        size_t end = pos;
        if (pos == 0)
            return false;
        size_t one = prev_char(s->text, pos);
        if (l->len) {
            if (one < l->len)
                return false;
            size_t far = pos - l->len;
            far = far > BKERR_MATCH_MAX_GAP ? far - BKERR_MATCH_MAX_GAP : 0;
            size_t q = find_backward(s, l, far, one - l->len);
            if (q == SIZE_MAX)
                return false;
            capture(m, t, s->ix, j, q + l->len, end);
            pos = q;
        } else {
            pos = j == 0 ? value_left(s->text, pos) : one;
            if (pos == end)
                return false;
            capture(m, t, s->ix, j, pos, end);
        }
    }
    m->start = pos;
    return true;
}

/* True, with m filled, if rec's template matches with its piece at at. */
static bool check(const struct search *s, const struct bk_gram_rec *rec,
                  size_t at, struct bkerr_match *m)
{
    const char *piece = s->ix->pool + rec->piece;
    if (at > s->len || rec->len > s->len - at ||
        bk_gram_at(s->text + at) != bk_gram_at(piece) ||
        memcmp(s->text + at + BK_GRAM, piece + BK_GRAM, rec->len - BK_GRAM))
        return false;
    const struct bk_tmpl *t = &s->ix->tmpls[rec->tmpl];
    *m = (struct bkerr_match){
        .lang = (enum bkerr_lang)t->lang, .code = t->code,
        .catalog = t->catalog, .entry = t->entry, .variant = t->variant,
        .message = t->message, .literal = t->literal,
        .n_captures = t->n_lits - 1u};
    return extend_right(s, t, rec->lit, at + rec->len, m) &&
           extend_left(s, t, rec->lit, at, m);
}

/* ---- keeping the best ---------------------------------------------------- */

/* True if a ranks before b: more literal text, then more of the text
 * covered ("无权限{0}" before "无权限" in "无权限x1"), then catalog order. */
static bool before(const struct bkerr_match *a, const struct bkerr_match *b)
{
    if (a->literal != b->literal)
        return a->literal > b->literal;
    if (a->end - a->start != b->end - b->start)
        return a->end - a->start > b->end - b->start;
    if (a->catalog != b->catalog)
        return a->catalog < b->catalog;
    if (a->entry != b->entry)
        return a->entry < b->entry;
    if (a->variant != b->variant)
        return a->variant < b->variant;
    return a->lang < b->lang;
}

static struct bkerr_match *slot_at(const struct search *s, size_t i)
{
    return (struct bkerr_match *)(void *)(s->out + i * s->stride);
}

/* Puts m into the caller's array if it is among the best n so far. */
static void keep(struct search *s, const struct bkerr_match *m)
{
    size_t i = s->filled;
    while (i > 0 && before(m, slot_at(s, i - 1)))
        i--;
    if (i >= s->n)
        return;
    size_t last = s->filled < s->n ? s->filled++ : s->n - 1;
    memmove(s->out + (i + 1) * s->stride, s->out + i * s->stride,
            (last - i) * s->stride);
    struct bkerr_match *dst = slot_at(s, i);
    dst->size = (uint32_t)s->stride;
    bk_sized_put(dst, m, sizeof *m);
}

/* True if rec's template also matches with its piece starting before
 * at. */
static bool matched_before(const struct search *s,
                           const struct bk_gram_rec *rec, size_t at)
{
    const char *piece = s->ix->pool + rec->piece;
    struct bkerr_match m;
    for (size_t q = 0; q < at; q++) {
        const char *hit = memmem(s->text + q, at + rec->len - 1 - q, piece,
                                 rec->len);
        if (!hit)
            return false;
        q = (size_t)(hit - s->text);
        if (check(s, rec, q, &m))
            return true;
    }
    return false;
}

/* True if template t was reported already (remembered; past SEEN_MAX
 * templates matched_before() answers instead). */
static bool seen(const struct search *s, uint32_t t)
{
    for (size_t i = 0; i < s->n_seen; i++)
        if (s->seen[i] == t)
            return true;
    return false;
}

/* Tries the templates indexed under gram g (filter hash h) at p; each is
 * reported once, at the first position it matches (p runs over the
 * multiples of BK_GRAM_STEP, and a template's grams sit side by side, so
 * its occurrences are met left to right). */
__attribute__((noinline)) static void try_gram(struct search *s, uint32_t g,
                                               uint32_t h, size_t p)
{
    const struct bk_match_index *ix = s->ix;
    uint32_t k = h & ix->slot_mask;
    while (ix->slots[k].count && ix->slots[k].gram != g)
        k = (k + 1) & ix->slot_mask;
    const struct bk_gram_slot *slot = &ix->slots[k];
    for (uint32_t r = 0; r < slot->count; r++) {
        const struct bk_gram_rec *rec = &ix->recs[slot->first + r];
        struct bkerr_match m;
        size_t back = (size_t)rec->off + rec->shift;
        if (p < back || seen(s, rec->tmpl) || !check(s, rec, p - back, &m) ||
            (s->n_seen == SEEN_MAX && matched_before(s, rec, p - back)))
            continue;
        if (s->n_seen < SEEN_MAX)
            s->seen[s->n_seen++] = rec->tmpl;
        s->total++;
        keep(s, &m);
    }
}

int bkerr_match(const bkerr_registry *reg, const char *text, size_t len,
                struct bkerr_match *out, size_t n)
{
    if (!reg || (!text && len) || (!out && n))
        return BKERR_EINVAL;
    if (n && (!bk_sized_ok(out, MATCH_V6_SIZE) ||
              out->size % alignof(struct bkerr_match)))
        return BKERR_EINVAL;
    const struct bk_match_index *ix = bk_match_index(reg);
    if (!ix)
        return BKERR_ENOMEM;
    struct search s = {.ix = ix, .text = text, .len = len, .out = (char *)out,
                       .n = n, .stride = n ? out->size : 0};
    /* the hot loop: a load, a hash and a bit test per BK_GRAM_STEP bytes */
    const uint64_t *filter = ix->filter;
    for (size_t p = 0; len >= BK_GRAM && p <= len - BK_GRAM; p += BK_GRAM_STEP) {
        uint32_t g = bk_gram_at(text + p), h = bk_gram_hash(g);
        if (filter[h / 64] >> (h % 64) & 1)
            try_gram(&s, g, h, p);
    }
    return s.total > INT_MAX ? INT_MAX : (int)s.total;
}
