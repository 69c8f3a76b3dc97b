#include "found.h"

#include <stdlib.h>
#include <string.h>

/* A placeholder's value is at most BKERR_MATCH_MAX_GAP bytes, each of
 * which may become a 3-byte U+FFFD. */
#define VALUE_MAX (3 * BKERR_MATCH_MAX_GAP + 1)

size_t found_utf8_char(const unsigned char *s, size_t n)
{
    unsigned char b = s[0];
    size_t len = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2
               : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t k = 1; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    if ((b == 0xE0 && s[1] < 0xA0) || (b == 0xED && s[1] > 0x9F) ||
        (b == 0xF0 && s[1] < 0x90) || (b == 0xF4 && s[1] > 0x8F))
        return 0; /* overlong, surrogate, beyond U+10FFFF */
    return len;
}

/* The captured value, NUL-terminated, its invalid UTF-8 as U+FFFD: a log
 * line's bytes become catalog-like text, safe in JSON and a terminal. */
static const char *value_of(const struct bkerr_capture *cap, const char *text,
                            char value[VALUE_MAX])
{
    const unsigned char *s = (const unsigned char *)text + cap->start;
    size_t n = cap->end - cap->start, out = 0;
    if (n > BKERR_MATCH_MAX_GAP)
        n = BKERR_MATCH_MAX_GAP;
    for (size_t i = 0; i < n;) {
        size_t k = found_utf8_char(s + i, n - i);
        if (k == 0) {
            memcpy(value + out, "\xEF\xBF\xBD", 3);
            out += 3, i++;
        } else {
            memcpy(value + out, s + i, k);
            out += k, i += k;
        }
    }
    value[out] = '\0';
    return value;
}

int found_fill(const struct bkerr_match *m, const char *text, char *buf,
               size_t len)
{
    char values[BKERR_MATCH_CAPTURES][VALUE_MAX];
    /* "{n}" takes the n-th positional argument: positions 0..top first
     * (NULL leaves a placeholder as it is), then the named ones */
    struct bkerr_arg args[2 * BKERR_MATCH_CAPTURES];
    size_t n = m->n_captures < BKERR_MATCH_CAPTURES ? m->n_captures
                                                    : BKERR_MATCH_CAPTURES;
    size_t npos = 0, nargs;
    for (size_t i = 0; i < n; i++) {
        const char *name = m->captures[i].name;
        if (name[0] >= '0' && name[0] <= '7' && !name[1] &&
            (size_t)(name[0] - '0') + 1 > npos)
            npos = (size_t)(name[0] - '0') + 1;
    }
    for (size_t k = 0; k < npos; k++)
        args[k] = (struct bkerr_arg){NULL, NULL};
    nargs = npos;
    for (size_t i = 0; i < n; i++) {
        const struct bkerr_capture *cap = &m->captures[i];
        const char *v = value_of(cap, text, values[i]);
        const char *name = cap->name;
        if (name[0] >= '0' && name[0] <= '7' && !name[1])
            args[name[0] - '0'].value = v;
        else
            args[nargs++] = (struct bkerr_arg){name, v};
    }
    return bkerr_fill(m->message, args, nargs, buf, len);
}

bool found_entry(const struct cli *c, const struct bkerr_match *m,
                 struct bkerr_result *out)
{
    struct cli_entry e;
    if (!cli_entry_at(c, m->catalog, m->entry, m->variant, &e))
        return false;
    *out = *cli_entry_in(&e, c->lang);
    return true;
}

size_t found_messages(const struct cli *c, const char *text, size_t n,
                      struct bkerr_match *out, size_t max)
{
    out[0].size = sizeof out[0];
    int total = bkerr_match(c->reg, text, n, out, max);
    if (total <= 0)
        return 0;
    size_t got = (size_t)total < max ? (size_t)total : max, k = 1;
    while (k < got && out[k].literal == out[0].literal &&
           out[k].end - out[k].start == out[0].end - out[0].start)
        k++;
    return k;
}

/* Whether text[0..n) holds "Error" or "Exc": most lines name no
 * exception, and one memchr() pass for their 'E' says so. */
static bool names_exception(const char *text, size_t n)
{
    for (const char *p = text, *end = text + n;
         (p = memchr(p, 'E', (size_t)(end - p))) != NULL; p++) {
        size_t left = (size_t)(end - p);
        if ((left >= 5 && memcmp(p, "Error", 5) == 0) ||
            (left >= 3 && memcmp(p, "Exc", 3) == 0))
            return true;
    }
    return false;
}

/* Whether s[0..n) ends in one of the class-name endings. */
static bool exception_name(const char *s, size_t n)
{
    static const char *const ends[] = {"Error", "Exception", "Exc"};
    if (n < 4 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t k = strlen(ends[i]);
        if (n > k && memcmp(s + n - k, ends[i], k) == 0)
            return true;
    }
    return false;
}

static bool ident_char(unsigned char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
           (ch >= '0' && ch <= '9') || ch == '_';
}

/* Whether the line speaks of the catalog's product: its id, or its id
 * without "bk_" ("log_search" in apps.log_search.exceptions), as a word
 * part of the line. */
static unsigned context_of(const char *text, size_t n, const char *id)
{
    if (!id)
        return 0;
    const char *stem = strncmp(id, "bk_", 3) == 0 ? id + 3 : id;
    size_t k = strlen(stem);
    for (size_t i = 0; k >= 3 && i + k <= n; i++)
        if (memcmp(text + i, stem, k) == 0 &&
            (i == 0 || !ident_char((unsigned char)text[i - 1]) ||
             text[i - 1] == '_') &&
            (i + k == n || !ident_char((unsigned char)text[i + k]) ||
             text[i + k] == '_'))
            return 1;
    return 0;
}

static int by_context(const struct found_symbol *x,
                      const struct found_symbol *y)
{
    return (int)y->context - (int)x->context;
}

size_t found_symbols(const struct cli *c, const char *text, size_t n,
                     struct found_symbol *out, size_t max)
{
    if (!names_exception(text, n))
        return 0;
    size_t got = 0;
    char name[128];
    for (size_t i = 0; i < n && got < max;) {
        if (!ident_char((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < n && ident_char((unsigned char)text[i]))
            i++;
        size_t len = i - start;
        /* a dotted name's earlier parts are packages, not classes */
        if (i < n && text[i] == '.' && i + 1 < n &&
            ident_char((unsigned char)text[i + 1]))
            continue;
        if (!exception_name(text + start, len) || len >= sizeof name)
            continue;
        memcpy(name, text + start, len);
        name[len] = '\0';
        for (size_t k = 0; got < max; k++) {
            struct found_symbol *f = &out[got];
            if (bkerr_lookup_symbol(c->reg, c->product, name, k, c->lang,
                                    &f->r) < 0)
                break;
            f->context = context_of(text, n, f->r.catalog);
            got++;
        }
    }
    /* an insertion sort, stable (qsort is not): bkerr.ini's order stays
     * within a context */
    for (size_t i = 1; i < got; i++)
        for (size_t k = i; k > 0 && by_context(&out[k - 1], &out[k]) > 0; k--) {
            struct found_symbol t = out[k];
            out[k] = out[k - 1];
            out[k - 1] = t;
        }
    return got;
}

void json_captures(struct json *j, const struct bkerr_match *m,
                   const char *text)
{
    char value[VALUE_MAX];
    json_object(j);
    size_t n = m->n_captures < BKERR_MATCH_CAPTURES ? m->n_captures
                                                    : BKERR_MATCH_CAPTURES;
    for (size_t i = 0; i < n; i++) {
        json_key(j, m->captures[i].name);
        json_string(j, value_of(&m->captures[i], text, value));
    }
    json_end_object(j);
}
