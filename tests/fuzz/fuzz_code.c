/* Fuzz target: the code parser, classification, and a lookup and a
 * rendering of the code with no registry (the built-in tables only).
 *
 * Input: code text, optionally "\n" and a product id for
 * bkerr_lookup_product().  The first 8 bytes, read as an int64_t, are a
 * second code, so values the parser cannot produce are looked up too.
 *
 * Checked: the parser accepts exactly the canonical decimal forms (an
 * independent oracle), classify/prefix agree with the spec's ranges, every
 * result is complete and its strings are UTF-8, and bkerr_format() keeps
 * the snprintf contract. */
#include <ctype.h>
#include <inttypes.h>

#include "bkerr/bkerr.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

/* What bkerr_parse_code() must do, written independently: optional
 * C-locale whitespace around an optional '-' and 1-18 digits with no
 * leading zero, and not "-0". */
static bool oracle_parse(const char *text, int64_t *code)
{
    const char *s = text, *e = text + strlen(text);
    while (s < e && isspace((unsigned char)*s))
        s++;
    while (e > s && isspace((unsigned char)e[-1]))
        e--;
    bool neg = s < e && *s == '-';
    const char *d = s + neg;
    size_t n = (size_t)(e - d);
    if (n == 0 || n > 18)
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (d[i] < '0' || d[i] > '9')
            return false;
        v = v * 10 + (d[i] - '0');
    }
    if (n > 1 && d[0] == '0')
        return false;
    if (neg && v == 0)
        return false;
    *code = neg ? -v : v;
    return true;
}

static void check_string(const char *s)
{
    if (s)
        FUZZ_ASSERT(fuzz_utf8z(s));
}

/* The snprintf contract of bkerr_format() for one result. */
static void check_format(const struct bkerr_result *r, size_t cut)
{
    int full = bkerr_format(r, NULL, 0, NULL, 0);
    FUZZ_ASSERT(full > 0);
    char *buf = malloc((size_t)full + 1); /* exact: ASan sees any overrun */
    FUZZ_ASSERT(buf);
    FUZZ_ASSERT(bkerr_format(r, NULL, 0, buf, (size_t)full + 1) == full);
    FUZZ_ASSERT(strlen(buf) == (size_t)full);
    FUZZ_ASSERT(fuzz_utf8z(buf));
    char code[32];
    snprintf(code, sizeof code, "%" PRId64, r->code);
    FUZZ_ASSERT(strncmp(buf, code, strlen(code)) == 0);

    size_t len = cut % ((size_t)full + 2);
    char *small = malloc(len ? len : 1);
    FUZZ_ASSERT(small);
    small[0] = 'X';
    FUZZ_ASSERT(bkerr_format(r, NULL, 0, len ? small : NULL, len) == full);
    if (len) {
        size_t got = strnlen(small, len);
        FUZZ_ASSERT(got < len);                   /* NUL-terminated */
        FUZZ_ASSERT(memcmp(small, buf, got) == 0); /* a prefix */
        FUZZ_ASSERT(got + 4 > len - 1);           /* cut at most a character */
        FUZZ_ASSERT(fuzz_utf8(small, got));       /* on a boundary */
    }
    /* len 0 writes nothing, even with a buffer */
    FUZZ_ASSERT(bkerr_format(r, NULL, 0, small, 0) == full);
    if (!len)
        FUZZ_ASSERT(small[0] == 'X');
    free(small);
    free(buf);
}

static void check_result(const struct bkerr_result *r, int rc, int64_t code)
{
    FUZZ_ASSERT(rc >= 0 && rc == (int)r->status);
    FUZZ_ASSERT(r->status <= BKERR_INVALID);
    FUZZ_ASSERT(r->code == code);
    FUZZ_ASSERT(r->klass == bkerr_classify(code));
    FUZZ_ASSERT(r->catalog == NULL && r->symbol == NULL); /* no registry */
    FUZZ_ASSERT(r->message_lang == BKERR_LANG_ZH_CN ||
                r->message_lang == BKERR_LANG_EN);
    FUZZ_ASSERT(r->advice_lang == BKERR_LANG_ZH_CN ||
                r->advice_lang == BKERR_LANG_EN);
    switch (r->status) {
    case BKERR_FOUND:
    case BKERR_GENERIC:
        FUZZ_ASSERT(r->message && *r->message);
        FUZZ_ASSERT(!r->reason);
        break;
    case BKERR_INVALID:
        FUZZ_ASSERT(r->reason && *r->reason && !r->message);
        FUZZ_ASSERT(r->klass == BKERR_CLASS_NONSTANDARD);
        break;
    case BKERR_UNASSIGNED:
        FUZZ_ASSERT(!r->platform.id && !r->message);
        break;
    default:
        FUZZ_ASSERT(!r->reason);
        break;
    }
    if (r->klass == BKERR_CLASS_STANDARD) {
        FUZZ_ASSERT(r->platform.prefix == bkerr_prefix(code));
        FUZZ_ASSERT(r->platform.category >= BKERR_CAT_PLATFORM &&
                    r->platform.category <= BKERR_CAT_COMMON);
        FUZZ_ASSERT(r->status != BKERR_INVALID);
    }
    if (r->klass == BKERR_CLASS_SPECIAL)
        FUZZ_ASSERT(r->status == BKERR_FOUND &&
                    r->platform.category == BKERR_CAT_SPECIAL);
    check_string(r->message);
    check_string(r->advice);
    check_string(r->reason);
    check_string(r->module);
    check_string(r->platform.id);
    check_string(r->platform.name_zh);
    check_string(r->platform.name_en);
    FUZZ_ASSERT(bkerr_category_name(r->platform.category, r->message_lang));
    FUZZ_ASSERT(bkerr_status_name(r->status));
}

static void check_code(int64_t code, const char *product, size_t cut)
{
    enum bkerr_class k = bkerr_classify(code);
    int prefix = bkerr_prefix(code);
    if (code == -1 || code == 0)
        FUZZ_ASSERT(k == BKERR_CLASS_SPECIAL && prefix == 0);
    else if (code >= 1000000 && code <= 9999999)
        FUZZ_ASSERT(k == BKERR_CLASS_STANDARD && prefix >= 10 &&
                    prefix <= 99 && prefix == code / 100000);
    else
        FUZZ_ASSERT(k == BKERR_CLASS_NONSTANDARD && prefix == 0);

    struct bkerr_result r;
    const enum bkerr_lang langs[] = {BKERR_LANG_DEFAULT, BKERR_LANG_ZH_CN,
                                     BKERR_LANG_EN};
    for (size_t i = 0; i < 3; i++) {
        int rc = bkerr_lookup(NULL, code, langs[i], &r);
        check_result(&r, rc, code);
        check_format(&r, cut + i);
    }
    FUZZ_ASSERT(bkerr_lookup(NULL, code, (enum bkerr_lang)3, &r) ==
                BKERR_EINVAL);
    FUZZ_ASSERT(bkerr_lookup(NULL, code, BKERR_LANG_EN, NULL) == BKERR_EINVAL);

    if (!product)
        return;
    int rc = bkerr_lookup_product(NULL, product, code, BKERR_LANG_EN, &r);
    if (rc == BKERR_ENOPRODUCT) {
        FUZZ_ASSERT(r.status == BKERR_INVALID && r.reason);
        /* no built-in platform has that id */
        for (int p = 10; p <= 99; p++) {
            struct bkerr_platform pl;
            if (bkerr_platform(NULL, p, &pl) == 1)
                FUZZ_ASSERT(strcmp(pl.id, product) != 0);
        }
        return;
    }
    FUZZ_ASSERT(rc >= 0);
    FUZZ_ASSERT(r.code == code);
    if (r.klass == BKERR_CLASS_NONSTANDARD)
        FUZZ_ASSERT(r.status == BKERR_NO_CATALOG && r.platform.id &&
                    strcmp(r.platform.id, product) == 0);
    else
        check_result(&r, rc, code);
    check_format(&r, cut);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t text_len = nl ? (size_t)(nl - data) : size;
    char *text = fuzz_strndup(data, text_len);
    char *product = nl ? fuzz_strndup(nl + 1, size - text_len - 1) : NULL;
    size_t cut = size ? data[size - 1] : 0;

    int64_t code = 12345, want = 0;
    const char *reason = NULL;
    int rc = bkerr_parse_code(text, &code, &reason);
    bool ok = oracle_parse(text, &want);
    FUZZ_ASSERT(rc == 0 || rc == BKERR_EINVAL);
    FUZZ_ASSERT((rc == 0) == ok);
    if (ok) {
        FUZZ_ASSERT(code == want);
        char again[32];
        snprintf(again, sizeof again, "%" PRId64, code);
        int64_t back;
        FUZZ_ASSERT(bkerr_parse_code(again, &back, NULL) == 0 && back == code);
        check_code(code, product, cut);
    } else {
        FUZZ_ASSERT(code == 12345); /* untouched on failure */
        FUZZ_ASSERT(reason && *reason && fuzz_utf8z(reason));
    }
    FUZZ_ASSERT(bkerr_parse_code(NULL, &code, NULL) == BKERR_EINVAL);
    FUZZ_ASSERT(bkerr_parse_code(text, NULL, NULL) == BKERR_EINVAL);

    if (size >= 8) {
        int64_t raw;
        memcpy(&raw, data, sizeof raw);
        check_code(raw, product, cut);
    }
    free(product);
    free(text);
    return 0;
}
