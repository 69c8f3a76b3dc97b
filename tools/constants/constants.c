/* The constants of catalogs: names (constants.h says how they are made)
 * and the file around them. */
#include "constants.h"

#include <stdlib.h>
#include <string.h>

#include "reserved_names.h"

/* One constant: a name for one code of one catalog. */
struct constant {
    char *name;
    size_t cat;   /* index into cats */
    int64_t code;
    size_t order; /* output order */
    const char *comment, *status, *defined;
};

static bool ascii_alnum(int ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
           (ch >= '0' && ch <= '9');
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool constants_reserved(const char *name)
{
    return bsearch(&name, reserved_names, n_reserved_names,
                   sizeof *reserved_names, compare_names) != NULL;
}

static const char *text_or_null(const char *s)
{
    return s && *s ? s : NULL;
}

/* ---- names --------------------------------------------------------------- */

/* Appends s[0..len) upper-cased to out, each run of other characters as one
 * '_', none at either end. */
static void append_upper(char *out, const char *s, size_t len)
{
    char *p = out + strlen(out);
    bool gap = false;
    for (size_t i = 0; i < len; i++) {
        if (!ascii_alnum((unsigned char)s[i])) {
            gap = true;
            continue;
        }
        if (gap && p > out && p[-1] != '_')
            *p++ = '_';
        gap = false;
        *p++ = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
    }
    *p = '\0';
}

/* A symbol (one of '/'-separated ones) that can make a name: ASCII only,
 * with a letter or digit. */
static bool usable(const char *s, size_t len)
{
    bool any = false;
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80)
            return false;
        any = any || ascii_alnum((unsigned char)s[i]);
    }
    return any;
}

/* "1199000", or "M2" for -2: the code as a name part. */
static void code_tag(char *buf, size_t len, int64_t code)
{
    if (code < 0)
        snprintf(buf, len, "M%llu", (unsigned long long)-(code + 1) + 1);
    else
        snprintf(buf, len, "%lld", (long long)code);
}

/* Adds BKERR_<ID>_<SYMBOL> (sym[0..symlen)), or BKERR_<ID>_<CODE> when sym
 * is NULL. */
static bool push(struct constants *k, size_t cat, const char *sym,
                 size_t symlen, const struct constants_entry *e)
{
    if (k->n == k->cap) {
        size_t cap = k->cap ? k->cap * 2 : 256;
        struct constant *grown = realloc(k->d, cap * sizeof *grown);
        if (!grown)
            return false;
        k->d = grown, k->cap = cap;
    }
    const char *id = k->cats[cat].id;
    char tag[24];
    code_tag(tag, sizeof tag, e->code);
    /* room for the id, the symbol, the code twice and counters */
    char *name = malloc(strlen(id) + symlen + 2 * sizeof tag + 32);
    if (!name)
        return false;
    strcpy(name, "BKERR_");
    append_upper(name, id, strlen(id));
    strcat(name, "_");
    if (sym)
        append_upper(name, sym, symlen);
    else
        strcat(name, tag);
    k->d[k->n] = (struct constant){name, cat, e->code, k->n,
                                   text_or_null(e->message),
                                   text_or_null(e->status),
                                   text_or_null(e->defined)};
    k->n++;
    return true;
}

bool constants_add(struct constants *k, size_t cat,
                   const struct constants_entry *e)
{
    size_t before = k->n;
    for (const char *p = e->symbol; p && *p;) {
        size_t len = strcspn(p, "/");
        if (usable(p, len) && !push(k, cat, p, len, e))
            return false;
        p += len;
        if (*p == '/')
            p++;
    }
    return k->n > before || push(k, cat, NULL, 0, e);
}

/* By name, then code (so that repeats of a pair are adjacent), then
 * output order (so that the first of a name comes first). */
static int by_name(const void *a, const void *b)
{
    const struct constant *x = a, *y = b;
    int d = strcmp(x->name, y->name);
    if (d)
        return d;
    if (x->cat != y->cat)
        return x->cat < y->cat ? -1 : 1;
    if (x->code != y->code)
        return x->code < y->code ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int by_order(const void *a, const void *b)
{
    const struct constant *x = a, *y = b;
    return x->order < y->order ? -1 : x->order > y->order;
}

static bool same_code(const struct constant *x, const struct constant *y)
{
    return x->cat == y->cat && x->code == y->code;
}

/* Drops repeated (name, code) pairs, as from "Foo/FOO"; k is by name. */
static void drop_repeats(struct constants *k)
{
    size_t kept = 0;
    for (size_t i = 0; i < k->n; i++) {
        if (kept && strcmp(k->d[kept - 1].name, k->d[i].name) == 0 &&
            same_code(&k->d[kept - 1], &k->d[i])) {
            free(k->d[i].name);
            continue;
        }
        k->d[kept++] = k->d[i];
    }
    k->n = kept;
}

/* Sorted by name: marks in *clash every name that two codes share, and
 * every reserved one. */
static void mark_clashes(const struct constants *k, bool *clash)
{
    for (size_t i = 0; i < k->n; i++) {
        const char *name = k->d[i].name;
        bool prev = i > 0 && strcmp(k->d[i - 1].name, name) == 0;
        bool next = i + 1 < k->n && strcmp(k->d[i + 1].name, name) == 0;
        clash[i] = prev || next || constants_reserved(name);
    }
}

/* Makes every name unique: a name two codes share (or a reserved one)
 * gets "_<code>" on each; a name still shared then gets "_2", "_3"... on
 * all but its first.  Leaves k in output order. */
static bool settle_names(struct constants *k)
{
    if (k->n == 0) /* and k->d may be NULL, which qsort must not get */
        return true;
    qsort(k->d, k->n, sizeof *k->d, by_name);
    drop_repeats(k);
    bool *clash = calloc(k->n, sizeof *clash);
    if (!clash)
        return false;
    mark_clashes(k, clash);
    for (size_t i = 0; i < k->n; i++) {
        if (!clash[i])
            continue;
        char tag[24];
        code_tag(tag, sizeof tag, k->d[i].code);
        strcat(strcat(k->d[i].name, "_"), tag);
    }
    free(clash);
    for (bool changed = true; changed;) {
        changed = false;
        qsort(k->d, k->n, sizeof *k->d, by_name);
        for (size_t i = 1, first = 0, run = 1; i < k->n; i++) {
            if (strcmp(k->d[first].name, k->d[i].name) != 0) {
                first = i, run = 1;
                continue;
            }
            char *longer = realloc(k->d[i].name, strlen(k->d[i].name) + 24);
            if (!longer)
                return false;
            k->d[i].name = longer;
            sprintf(longer + strlen(longer), "_%zu", ++run);
            changed = true;
        }
    }
    qsort(k->d, k->n, sizeof *k->d, by_order);
    return true;
}

void constants_free(struct constants *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->d[i].name);
    free(k->d);
    k->d = NULL, k->n = k->cap = 0;
}

/* ---- the file ------------------------------------------------------------ */

/* Comment text on one line: no control characters, and nothing that could
 * end or nest a C comment or form a trigraph. */
static void comment_text(FILE *f, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch < 0x20 || ch == 0x7F)
            fputc(' ', f);
        else if ((ch == '*' && p[1] == '/') || (ch == '/' && p[1] == '*') ||
                 (ch == '?' && p[1] == '?'))
            fprintf(f, "%c ", ch);
        else
            fputc(ch, f);
    }
}

/* The header comment of a catalog, in "# " or "/ * " style. */
static void catalog_comment(FILE *f, const struct constants_catalog *cat,
                            bool python)
{
    fputs(python ? "\n# " : "\n/* ", f);
    comment_text(f, cat->id);
    fputc(' ', f);
    comment_text(f, cat->name);
    fprintf(f, ": prefix %d, catalog version ", cat->prefix);
    comment_text(f, cat->version ? cat->version : "-");
    fputs(python ? "\n" : " */\n", f);
}

/* The include guard: lower case, so that no constant can take it. */
static void guard(const char *id, char *buf, size_t len)
{
    size_t n = (size_t)snprintf(buf, len, "bkerr_codes_");
    for (const char *p = id ? id : ""; *p && n + 4 < len; p++)
        buf[n++] = ascii_alnum((unsigned char)*p) ? *p : '_';
    snprintf(buf + n, len - n, "%sh", id ? "_" : "");
}

static void write_constant(FILE *f, const struct constant *d, bool python)
{
    if (python)
        fprintf(f, "%s = %lld", d->name, (long long)d->code);
    else
        fprintf(f, d->code < 0 ? "#define %s (%lld)" : "#define %s %lld",
                d->name, (long long)d->code);
    if (d->comment || d->status || d->defined) {
        fputs(python ? "  # " : " /* ", f);
        comment_text(f, d->comment);
        if (d->status || d->defined) {
            fputs(" [", f);
            comment_text(f, d->status);
            fputs(d->status && d->defined ? "; " : "", f);
            comment_text(f, d->defined);
            fputc(']', f);
        }
        fputs(python ? "" : " */", f);
    }
    fputc('\n', f);
}

bool constants_write(struct constants *k, const struct constants_doc *doc,
                     FILE *f)
{
    if (!settle_names(k))
        return false;
    if (doc->python) {
        fprintf(f,
                "\"\"\"BlueKing error codes of %s, from %s.\n\n"
                "Generated by `%s`; do not edit.\nNames are "
                "BKERR_<PRODUCT>_<SYMBOL>; see bkerr(1), CONSTANT NAMES.\n"
                "\"\"\"\n", doc->what, doc->source, doc->generator);
    } else {
        char g[96];
        guard(doc->guard, g, sizeof g);
        fprintf(f,
                "/* BlueKing error codes of %s, from %s.\n"
                " * Generated by `%s`; do not edit.\n * Names are "
                "BKERR_<PRODUCT>_<SYMBOL>; see bkerr(1), CONSTANT NAMES. */\n"
                "#ifndef %s\n#define %s\n", doc->what, doc->source,
                doc->generator, g, g);
    }
    size_t shown = (size_t)-1;
    for (size_t i = 0; i < k->n; i++) {
        if (k->d[i].cat != shown)
            catalog_comment(f, &k->cats[shown = k->d[i].cat], doc->python);
        write_constant(f, &k->d[i], doc->python);
    }
    fputs(doc->python ? "\n__all__ = [name for name in dir() if name."
                        "startswith(\"BKERR_\")]\n"
                      : "\n#endif\n", f);
    return true;
}
