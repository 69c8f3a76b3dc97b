/* Fuzz target: bkerr_fill(), the placeholder formatter.
 *
 * Input: one byte that picks a buffer size, then the template, then up to
 * 16 arguments, all separated by NUL bytes.  An argument "name=value" is
 * named, "=value" positional, "name" a named one with a NULL value and ""
 * a positional one with a NULL value.
 *
 * Checked, for buffers of exactly 0-5 bytes, the full length and around
 * it, and one the input picks (each malloc'ed at its exact size, so ASan
 * sees any write past it):
 *   - the return value is the full length, whatever the buffer;
 *   - the output is NUL-terminated and a prefix of the full rendering;
 *   - when the rendering is valid UTF-8, the cut is the longest prefix
 *     that fits and ends on a character boundary;
 *   - a zero-length buffer is never written;
 *   - for a canonical template (include/bkerr/plugin.h) and unambiguous
 *     arguments, the rendering equals an independent reference; with no
 *     value to fill in, any template renders with "{{" and "}}" halved. */
#include "bkerr/bkerr.h"
#include "fuzz.h"

#define MAX_ARGS 16

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

/* True if t uses only canonical placeholders: "{{", "}}" and "{name}"
 * with 1-32 name characters, and no "{0n}" (a numbered one with a leading
 * zero, whose meaning the header leaves open). */
static bool canonical(const char *t)
{
    for (const char *p = t; *p; p++) {
        if (*p == '}') {
            if (p[1] != '}')
                return false;
            p++;
        } else if (*p == '{') {
            if (p[1] == '{') {
                p++;
                continue;
            }
            const char *n = p + 1, *q = n;
            while (name_char(*q))
                q++;
            size_t len = (size_t)(q - n);
            if (*q != '}' || len == 0 || len > 32)
                return false;
            if (all_digits(n, len) && len > 1 && n[0] == '0')
                return false;
            p = q;
        }
    }
    return true;
}

/* The reference: what the header documents, written independently. */
static const char *ref_value(const char *name, size_t n,
                             const struct bkerr_arg *args, size_t nargs)
{
    if (all_digits(name, n)) {
        if (n > 9)
            return NULL; /* more positions than there are arguments */
        size_t want = 0;
        for (size_t i = 0; i < n; i++)
            want = want * 10 + (size_t)(name[i] - '0');
        for (size_t i = 0, pos = 0; i < nargs; i++)
            if (!args[i].name && pos++ == want)
                return args[i].value;
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++)
        if (args[i].name && strlen(args[i].name) == n &&
            memcmp(args[i].name, name, n) == 0)
            return args[i].value;
    return NULL;
}

struct sbuf {
    char *s;
    size_t n, cap;
};

static void add(struct sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        FUZZ_ASSERT(b->s);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static char *reference(const char *t, const struct bkerr_arg *args,
                       size_t nargs)
{
    struct sbuf b = {0};
    add(&b, "", 0);
    for (const char *p = t; *p;) {
        if ((p[0] == '{' || p[0] == '}') && p[1] == p[0]) {
            add(&b, p, 1);
            p += 2;
        } else if (p[0] == '{') {
            const char *n = p + 1, *q = strchr(n, '}');
            const char *v = ref_value(n, (size_t)(q - n), args, nargs);
            if (v)
                add(&b, v, strlen(v));
            else
                add(&b, p, (size_t)(q + 1 - p));
            p = q + 1;
        } else {
            add(&b, p++, 1);
        }
    }
    return b.s;
}

/* With no value to fill in, any template only loses one of each pair of
 * doubled braces, scanning from the left. */
static char *collapsed(const char *t)
{
    struct sbuf b = {0};
    add(&b, "", 0);
    for (const char *p = t; *p;) {
        add(&b, p, 1);
        p += (p[0] == '{' || p[0] == '}') && p[1] == p[0] ? 2 : 1;
    }
    return b.s;
}

/* Arguments whose meaning the header leaves open: a named one whose name
 * is all digits, or two named ones with one name. */
static bool ambiguous(const struct bkerr_arg *args, size_t nargs)
{
    for (size_t i = 0; i < nargs; i++) {
        if (!args[i].name)
            continue;
        if (all_digits(args[i].name, strlen(args[i].name)))
            return true;
        for (size_t j = 0; j < i; j++)
            if (args[j].name && strcmp(args[i].name, args[j].name) == 0)
                return true;
    }
    return false;
}

/* Renders into a buffer of exactly len bytes and checks the cut. */
static void check_len(const char *tmpl, const struct bkerr_arg *args,
                      size_t nargs, const char *full, size_t full_len,
                      bool valid, size_t len)
{
    char *buf = malloc(len ? len : 1);
    FUZZ_ASSERT(buf);
    buf[0] = 'X';
    int rc = bkerr_fill(tmpl, args, nargs, buf, len);
    FUZZ_ASSERT(rc >= 0 && (size_t)rc == full_len);
    if (len == 0) {
        FUZZ_ASSERT(buf[0] == 'X'); /* nothing written */
        free(buf);
        return;
    }
    size_t got = strnlen(buf, len);
    FUZZ_ASSERT(got < len);                     /* NUL-terminated */
    FUZZ_ASSERT(memcmp(buf, full, got) == 0);   /* a prefix */
    if (full_len < len) {
        FUZZ_ASSERT(got == full_len);           /* not cut */
    } else if (valid) {
        size_t want = len - 1; /* the longest prefix ending on a boundary */
        while (want > 0 && ((unsigned char)full[want] & 0xC0) == 0x80)
            want--;
        FUZZ_ASSERT(got == want);
        FUZZ_ASSERT(fuzz_utf8(buf, got));
    }
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t pick = data[0];
    char *copy = fuzz_strndup(data + 1, size - 1);
    const char *end = copy + size - 1;

    /* template, then NUL-separated arguments */
    const char *tmpl = copy;
    struct bkerr_arg args[MAX_ARGS];
    size_t nargs = 0;
    for (const char *p = tmpl + strlen(tmpl) + 1;
         p <= end && nargs < MAX_ARGS; p += strlen(p) + 1) {
        char *eq = strchr(p, '=');
        if (!*p)
            args[nargs++] = (struct bkerr_arg){NULL, NULL};
        else if (!eq)
            args[nargs++] = (struct bkerr_arg){p, NULL};
        else {
            *eq = '\0';
            args[nargs++] = (struct bkerr_arg){eq == p ? NULL : p, eq + 1};
        }
    }

    int n = bkerr_fill(tmpl, args, nargs, NULL, 0);
    FUZZ_ASSERT(n >= 0);
    size_t full_len = (size_t)n;
    char *full = malloc(full_len + 1);
    FUZZ_ASSERT(full);
    FUZZ_ASSERT(bkerr_fill(tmpl, args, nargs, full, full_len + 1) == n);
    FUZZ_ASSERT(strlen(full) == full_len);
    bool valid = fuzz_utf8(full, full_len);

    /* Valid text in gives valid text out. */
    bool valid_in = fuzz_utf8z(tmpl);
    for (size_t i = 0; i < nargs; i++)
        valid_in &= !args[i].value || fuzz_utf8z(args[i].value);
    if (valid_in)
        FUZZ_ASSERT(valid);

    if (canonical(tmpl) && !ambiguous(args, nargs)) {
        char *want = reference(tmpl, args, nargs);
        FUZZ_ASSERT(strcmp(want, full) == 0);
        free(want);
    }

    bool any_value = false;
    for (size_t i = 0; i < nargs; i++)
        any_value |= args[i].value != NULL;
    if (!any_value) {
        char *want = collapsed(tmpl);
        FUZZ_ASSERT(strcmp(want, full) == 0);
        free(want);
        if (!nargs)
            FUZZ_ASSERT(bkerr_fill(tmpl, NULL, 0, NULL, 0) == n);
    }

    size_t lens[] = {0, 1, 2, 3, 4, 5, full_len, full_len + 1, full_len + 2,
                     full_len ? full_len - 1 : 0, pick % (full_len + 2)};
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++)
        check_len(tmpl, args, nargs, full, full_len, valid, lens[i]);

    /* The documented EINVAL cases. */
    char one[1];
    FUZZ_ASSERT(bkerr_fill(NULL, args, nargs, one, 1) == BKERR_EINVAL);
    FUZZ_ASSERT(bkerr_fill(tmpl, args, nargs, NULL, 1) == BKERR_EINVAL);
    if (nargs)
        FUZZ_ASSERT(bkerr_fill(tmpl, NULL, nargs, one, 1) == BKERR_EINVAL);

    free(full);
    free(copy);
    return 0;
}
