/* Fuzz target: the library's scanner, bkerr_scan() (core/scan.c), against
 * the bundled catalogs (the build's bkerr.ini), so that bare and bracketed
 * codes are found too.
 *
 * Input: the first byte picks the product (none, cmdb, bk_log_search,
 * bk_repo), the second a split point; the rest is one line, any bytes
 * (NULs and invalid UTF-8 included), handed over in a buffer of exactly
 * its size, so ASan sees any read past the end.
 *
 * Checked, against bkerr.h:
 *   - hits come left to right without overlapping, inside the text; each
 *     one's bytes spell its code, no digit touches it, *pos is its end; a
 *     keyed hit's key lies before it, other hits have none; a 7-digit
 *     code is 1000000-9999999; a bare or bracketed one is 7 digits and
 *     one the registry knows (bkerr_lookup: found or guest), and with no
 *     registry only keyed hits are found, the same keyed hits;
 *   - starting at any hit's offset finds that hit first;
 *   - streaming: the text read through a window that ends at the split
 *     point (hits taken from the first window only while they start at
 *     least BKERR_SCAN_AFTER + 11 bytes before its end, then the rest from
 *     a second scan that starts BKERR_SCAN_BEFORE bytes before the first
 *     hit not taken) gives exactly the whole text's hits: none twice, none
 *     lost. */
#include "fuzz.h"

#include "bkerr/bkerr.h"

#define MAX_HITS (1 << 14) /* inputs are at most 64 KiB; a hit takes 2+ bytes */

static bkerr_registry *reg;
static struct bkerr_scan_hit all[MAX_HITS], streamed[MAX_HITS];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    char err[BKERR_ERRMSG_SIZE];
    if (bkerr_open(FUZZ_BUNDLED_CONFIG, &reg, err, sizeof err) != 0) {
        dprintf(2, "fuzz_scan: %s\n", err);
        abort();
    }
    return 0;
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Every hit of s[0..len) from pos on, checked one by one; their count. */
static size_t scan(const bkerr_registry *r, const char *product,
                   const char *s, size_t len, size_t pos,
                   struct bkerr_scan_hit *out)
{
    size_t n = 0, prev_end = pos;
    struct bkerr_scan_hit h = {.size = sizeof h};
    int rc;
    while ((rc = bkerr_scan(r, product, s, len, &pos, &h)) == 1) {
        FUZZ_ASSERT(n < MAX_HITS);
        FUZZ_ASSERT(h.offset >= prev_end && h.length <= len - h.offset);
        FUZZ_ASSERT(pos == h.offset + h.length);
        char want[32];
        snprintf(want, sizeof want, "%lld", (long long)h.code);
        FUZZ_ASSERT(strlen(want) == h.length &&
                    memcmp(s + h.offset, want, h.length) == 0);
        FUZZ_ASSERT(h.code != 0);
        FUZZ_ASSERT(h.offset == 0 || !digit(s[h.offset - 1]));
        FUZZ_ASSERT(pos == len || !digit(s[pos]));
        if (h.confidence == BKERR_SCAN_KEYED) {
            FUZZ_ASSERT(h.key_length > 0 &&
                        h.key_offset + h.key_length <= h.offset);
        } else {
            FUZZ_ASSERT(h.confidence == BKERR_SCAN_BARE ||
                        h.confidence == BKERR_SCAN_BRACKETED);
            FUZZ_ASSERT(h.key_offset == 0 && h.key_length == 0);
            FUZZ_ASSERT(h.length == 7 && r);
            struct bkerr_result res;
            int st = bkerr_lookup(r, h.code, BKERR_LANG_DEFAULT, &res);
            FUZZ_ASSERT(st == BKERR_FOUND || st == BKERR_GUEST);
        }
        if (h.length == 7 && h.code > 0)
            FUZZ_ASSERT(h.code >= 1000000 && h.code <= 9999999);
        out[n++] = h;
        prev_end = pos;
    }
    FUZZ_ASSERT(rc == 0);
    FUZZ_ASSERT(pos == prev_end || n == 0);
    return n;
}

static bool same(const struct bkerr_scan_hit *a, const struct bkerr_scan_hit *b)
{
    return a->code == b->code && a->offset == b->offset &&
           a->length == b->length && a->confidence == b->confidence &&
           a->key_offset == b->key_offset && a->key_length == b->key_length;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const products[] = {NULL, "cmdb", "bk_log_search",
                                           "bk_repo"};
    if (size < 2 || size > 1 << 16)
        return 0;
    const char *product = products[data[0] % 4];
    size_t len = size - 2;
    size_t split = len ? data[1] * len / 255 : 0;
    char *s = malloc(len ? len : 1); /* exactly the text: ASan sees past it */
    FUZZ_ASSERT(s);
    memcpy(s, data + 2, len);

    size_t n = scan(reg, product, s, len, 0, all);

    /* no registry: the same keyed hits, and only those (legacy codes of a
     * product need the registry) */
    static struct bkerr_scan_hit keyed[MAX_HITS];
    size_t nk = scan(NULL, NULL, s, len, 0, keyed), j = 0;
    for (size_t i = 0; i < n; i++)
        if (all[i].confidence == BKERR_SCAN_KEYED && j < nk &&
            same(&all[i], &keyed[j]))
            j++;
    FUZZ_ASSERT(j == nk);

    /* from any hit's offset, that hit comes first */
    for (size_t i = 0; i < n; i += 1 + n / 16) {
        size_t pos = all[i].offset;
        struct bkerr_scan_hit h = {.size = sizeof h};
        FUZZ_ASSERT(bkerr_scan(reg, product, s, len, &pos, &h) == 1);
        FUZZ_ASSERT(same(&h, &all[i]));
    }

    /* two windows: [0, split), then from BKERR_SCAN_BEFORE bytes before
     * the first hit the first window could not take */
    size_t ms = 0, pos = 0, safe = split >= BKERR_SCAN_AFTER + 11
                                     ? split - BKERR_SCAN_AFTER - 11 + 1 : 0;
    struct bkerr_scan_hit h = {.size = sizeof h};
    while (bkerr_scan(reg, product, s, split, &pos, &h) == 1 &&
           h.offset < safe)
        streamed[ms++] = h;
    size_t from = safe > BKERR_SCAN_BEFORE ? safe - BKERR_SCAN_BEFORE : 0;
    size_t rest = scan(reg, product, s + from, len - from, safe - from,
                       streamed + ms);
    for (size_t i = ms; i < ms + rest; i++) {
        streamed[i].offset += from;
        if (streamed[i].confidence == BKERR_SCAN_KEYED)
            streamed[i].key_offset += from;
    }
    FUZZ_ASSERT(ms + rest == n);
    for (size_t i = 0; i < n; i++)
        FUZZ_ASSERT(same(&streamed[i], &all[i]));
    free(s);
    return 0;
}
