/* Fuzz target: the line scanner of `bkerr annotate` (tools/bkerr/scan.c,
 * annotate_scan()).
 *
 * Input: one line, any bytes (NULs and invalid UTF-8 included), handed
 * over in a buffer of exactly its size with no NUL after it, so ASan sees
 * any read past the end.
 *
 * Checked, against scan.h:
 *   - every hit lies inside the line, hits go left to right without
 *     overlapping, and each is a standard code (7 bytes, 1000000-9999999)
 *     or -1 (2 bytes) whose bytes spell the code;
 *   - no digit touches a hit on either side (a code is never a slice of a
 *     longer digit run);
 *   - the return value counts the callbacks; a NULL callback gives the
 *     same count; a callback that stops at the k-th hit makes it return k,
 *     after the same first k hits;
 *   - the scan is local: a blank before the line and a newline after it
 *     shift every hit by one and change nothing else, and the line cut two
 *     bytes after a hit still has every hit up to that one, and no other. */
#include "../../tools/bkerr/scan.h"
#include "fuzz.h"

#define MAX_HITS (1 << 14) /* inputs are at most 64 KiB; a hit takes 4+ bytes */

struct hits {
    struct annotate_hit h[MAX_HITS];
    size_t n;
    size_t stop_after; /* return false at this many hits (0: never) */
};

static bool collect(const struct annotate_hit *hit, void *ctx)
{
    struct hits *hs = ctx;
    FUZZ_ASSERT(hs->n < MAX_HITS);
    hs->h[hs->n++] = *hit;
    return hs->stop_after == 0 || hs->n < hs->stop_after;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Scans an exact-size heap copy of s[0..len). */
static size_t scan(const char *s, size_t len, struct hits *hs)
{
    char *copy = malloc(len ? len : 1);
    FUZZ_ASSERT(copy);
    if (len)
        memcpy(copy, s, len);
    hs->n = 0;
    size_t n = annotate_scan(copy, len, collect, hs);
    free(copy);
    return n;
}

static bool same_hit(const struct annotate_hit *a, const struct annotate_hit *b,
                     size_t shift)
{
    return a->code == b->code && a->start + shift == b->start &&
           a->len == b->len;
}

static struct hits all, other;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    const char *line = (const char *)data;
    all.stop_after = 0;
    size_t n = scan(line, size, &all);
    FUZZ_ASSERT(n == all.n);

    size_t prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        const struct annotate_hit *h = &all.h[i];
        FUZZ_ASSERT(h->start >= prev_end && h->len <= size &&
                    h->start <= size - h->len);
        prev_end = h->start + h->len;
        char want[32];
        if (h->code == -1) {
            FUZZ_ASSERT(h->len == 2);
        } else {
            FUZZ_ASSERT(h->code >= 1000000 && h->code <= 9999999);
            FUZZ_ASSERT(h->len == 7);
        }
        snprintf(want, sizeof want, "%lld", (long long)h->code);
        FUZZ_ASSERT(strlen(want) == h->len &&
                    memcmp(line + h->start, want, h->len) == 0);
        FUZZ_ASSERT(h->start == 0 || !digit(line[h->start - 1]));
        FUZZ_ASSERT(prev_end == size || !digit(line[prev_end]));
    }

    /* no callback: the same count */
    char *copy = malloc(size ? size : 1);
    FUZZ_ASSERT(copy);
    if (size)
        memcpy(copy, line, size);
    FUZZ_ASSERT(annotate_scan(copy, size, NULL, NULL) == n);
    FUZZ_ASSERT(annotate_scan(NULL, 0, NULL, NULL) == 0);
    free(copy);

    /* a callback that stops early */
    if (n) {
        other.stop_after = 1 + data[0] % n;
        FUZZ_ASSERT(scan(line, size, &other) == other.stop_after);
        FUZZ_ASSERT(other.n == other.stop_after);
        for (size_t i = 0; i < other.n; i++)
            FUZZ_ASSERT(same_hit(&all.h[i], &other.h[i], 0));
        other.stop_after = 0;
    }

    /* " " + line + "\n": the same hits, one byte later */
    char *framed = malloc(size + 2);
    FUZZ_ASSERT(framed);
    framed[0] = ' ';
    if (size)
        memcpy(framed + 1, line, size);
    framed[size + 1] = '\n';
    FUZZ_ASSERT(scan(framed, size + 2, &other) == n);
    for (size_t i = 0; i < n; i++)
        FUZZ_ASSERT(same_hit(&all.h[i], &other.h[i], 1));
    free(framed);

    /* cut two bytes after the first and the last hit */
    size_t picks[2] = {0, n ? n - 1 : 0};
    for (size_t k = 0; k < 2 && n; k++) {
        size_t i = picks[k];
        size_t cut = all.h[i].start + all.h[i].len + 2;
        if (cut > size)
            cut = size;
        FUZZ_ASSERT(scan(line, cut, &other) == i + 1);
        for (size_t j = 0; j <= i; j++)
            FUZZ_ASSERT(same_hit(&all.h[j], &other.h[j], 0));
    }
    return 0;
}
