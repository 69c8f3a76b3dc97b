/* Fuzz target: the message matcher, bkerr_match(), over the index of
 * every bundled catalog's templates (the build's bkerr.ini, FUZZ_CONFIG;
 * BKERR_FUZZ_CONFIG overrides it).
 *
 * Input: one line, any bytes (NULs and invalid UTF-8 included), in a
 * buffer of exactly its size with no NUL after it, so ASan sees any read
 * past the end.
 *
 * Checked, against bkerr.h:
 *   - the count is >= 0, the same with no room (n = 0), and n = 1 gives
 *     the same first answer;
 *   - every span lies inside the line and every capture inside its span,
 *     non-empty, in template order without overlapping; n_captures is the
 *     template's count of placeholders;
 *   - the template's pieces with the captured values between them are
 *     exactly the text of the span, and the captures carry the
 *     placeholders' names: the matcher's answer is right;
 *   - ranked: literal length never increases, then span length, then
 *     catalog order; no template twice; the literal length is the
 *     template's, and at least BKERR_MATCH_MIN_LITERAL bytes;
 *   - local: a newline before the line shifts every answer by one byte. */
#include <bkerr/bkerr.h>

#include "fuzz.h"

#ifndef FUZZ_CONFIG
#define FUZZ_CONFIG "conf/bkerr.ini"
#endif
#define MAX_OUT 16

static bkerr_registry *reg;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *ini = getenv("BKERR_FUZZ_CONFIG");
    char err[BKERR_ERRMSG_SIZE];
    if (bkerr_open(ini && *ini ? ini : FUZZ_CONFIG, &reg, err, sizeof err)) {
        dprintf(2, "fuzz_match: %s\n", err);
        abort();
    }
    return 0;
}

/* Placeholders in tmpl; its literal bytes in *literal. */
static unsigned placeholders(const char *tmpl, size_t *literal)
{
    unsigned n = 0;
    *literal = 0;
    for (const char *p = tmpl; *p; p++) {
        const char *end = p + 1;
        while ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') ||
               (*end >= '0' && *end <= '9') || *end == '_')
            end++;
        if ((p[0] == '{' || p[0] == '}') && p[1] == p[0]) {
            p++;
            ++*literal;
        } else if (*p == '{' && *end == '}' && end > p + 1) {
            n++;
            p = end;
        } else {
            ++*literal;
        }
    }
    return n;
}

/* The template of m, filled with its captures in order (a placeholder
 * named twice takes each value where it stands), is the text of its
 * span: pieces and values, byte for byte. */
static void check_refill(const char *text, const struct bkerr_match *m)
{
    if (m->n_captures > BKERR_MATCH_CAPTURES)
        return;
    size_t at = m->start;
    unsigned k = 0;
    for (const char *p = m->message; *p; p++) {
        const char *end = p + 1;
        while ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') ||
               (*end >= '0' && *end <= '9') || *end == '_')
            end++;
        if (*p == '{' && *end == '}' && end > p + 1 && p[1] != '{') {
            const struct bkerr_capture *c = &m->captures[k++];
            FUZZ_ASSERT(c->start == at);
            FUZZ_ASSERT(strlen(c->name) == (size_t)(end - p - 1) &&
                        memcmp(c->name, p + 1, strlen(c->name)) == 0);
            at = c->end;
            p = end;
            continue;
        }
        if ((p[0] == '{' || p[0] == '}') && p[1] == p[0])
            p++;
        FUZZ_ASSERT(at < m->end && text[at] == *p);
        at++;
    }
    FUZZ_ASSERT(k == m->n_captures && at == m->end);
}

static bool same_template(const struct bkerr_match *a,
                          const struct bkerr_match *b)
{
    return a->catalog == b->catalog && a->entry == b->entry &&
           a->variant == b->variant && a->lang == b->lang;
}

/* True if a ranks before b (bkerr.h's order). */
static bool ranks_before(const struct bkerr_match *a,
                         const struct bkerr_match *b)
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

static void check_one(const char *text, size_t len, const struct bkerr_match *m)
{
    FUZZ_ASSERT(m->size == sizeof *m);
    FUZZ_ASSERT(m->start < m->end && m->end <= len);
    FUZZ_ASSERT(m->lang == BKERR_LANG_ZH_CN || m->lang == BKERR_LANG_EN);
    FUZZ_ASSERT(m->message);
    size_t literal;
    FUZZ_ASSERT(placeholders(m->message, &literal) == m->n_captures);
    FUZZ_ASSERT(literal == m->literal && literal >= BKERR_MATCH_MIN_LITERAL);
    size_t at = m->start;
    for (unsigned k = 0; k < m->n_captures && k < BKERR_MATCH_CAPTURES; k++) {
        const struct bkerr_capture *c = &m->captures[k];
        FUZZ_ASSERT(c->name && *c->name);
        FUZZ_ASSERT(at <= c->start && c->start < c->end && c->end <= m->end);
        FUZZ_ASSERT(c->end - c->start <= BKERR_MATCH_MAX_GAP);
        at = c->end;
    }
    check_refill(text, m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size ? size : 1), *shifted = malloc(size + 1);
    FUZZ_ASSERT(text && shifted);
    memcpy(text, data, size);
    static struct bkerr_match m[MAX_OUT], again[MAX_OUT];
    m[0].size = sizeof m[0];
    int n = bkerr_match(reg, text, size, m, MAX_OUT);
    FUZZ_ASSERT(n >= 0);
    int got = n < MAX_OUT ? n : MAX_OUT;
    for (int i = 0; i < got; i++) {
        check_one(text, size, &m[i]);
        for (int j = 0; j < i; j++)
            FUZZ_ASSERT(!same_template(&m[i], &m[j]));
        if (i)
            FUZZ_ASSERT(ranks_before(&m[i - 1], &m[i]));
    }
    FUZZ_ASSERT(bkerr_match(reg, text, size, NULL, 0) == n);
    again[0].size = sizeof again[0];
    FUZZ_ASSERT(bkerr_match(reg, text, size, again, 1) == n);
    FUZZ_ASSERT(!n || (same_template(&again[0], &m[0]) &&
                       again[0].start == m[0].start));

    shifted[0] = '\n';
    memcpy(shifted + 1, data, size);
    FUZZ_ASSERT(bkerr_match(reg, shifted, size + 1, again, MAX_OUT) == n);
    for (int i = 0; i < got; i++) {
        FUZZ_ASSERT(same_template(&again[i], &m[i]));
        FUZZ_ASSERT(again[i].start == m[i].start + 1 &&
                    again[i].end == m[i].end + 1);
    }
    free(text);
    free(shifted);
    return 0;
}
