/* The rules a catalog source must meet, checked before any C is written:
 * the same rules the registry enforces at load (core/loader.c), reported
 * with file and line instead of at run time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/internal.h"
#include "catalog.h"

static int by_code(const void *a, const void *b)
{
    const struct centry *x = a, *y = b;
    if (x->code != y->code)
        return x->code < y->code ? -1 : 1;
    return x->line - y->line;
}

static int by_first(const void *a, const void *b)
{
    const struct crange *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->line - y->line;
}

/* The registry's control-character rule (core/text.c), with the line. */
static void check_controls(struct catalog *c, const char *what,
                           const struct text *t)
{
    const char *why = t->s ? bk_control_check(t->s) : NULL;
    if (why)
        catc_error(c, t->line, "%s: the text %s", what, why);
}

static void check_header(struct catalog *c)
{
    if (!c->header_line) {
        catc_error(c, 0, "no [catalog] section; start with [catalog] and id, "
                   "prefix, name_zh, name_en, version");
        return;
    }
    int line = c->header_line;
    if (!c->id.s || !bk_valid_id(c->id.s))
        catc_error(c, c->id.s ? c->id.line : line, "id must be 1-32 "
                   "characters of [A-Za-z0-9_]");
    char *end = NULL;
    long prefix = c->prefix.s ? strtol(c->prefix.s, &end, 10) : 0;
    if (!c->prefix.s || *end || prefix < 10 || prefix > 99)
        catc_error(c, c->prefix.s ? c->prefix.line : line,
                   "prefix must be two digits, 10-99");
    else
        c->prefix_value = (int)prefix;
    if (!c->version.s)
        catc_error(c, line, "[catalog] has no version");
    if (!c->name_zh.s && !c->name_en.s)
        catc_error(c, line, "[catalog] has neither name_zh nor name_en");
    const struct text *texts[] = {&c->name_zh, &c->name_en, &c->version,
                                  &c->origin};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (texts[i]->s && strlen(texts[i]->s) > BKERR_TEXT_MAX)
            catc_error(c, texts[i]->line, "the text is %zu bytes; the "
                       "registry takes at most %d", strlen(texts[i]->s),
                       BKERR_TEXT_MAX);
        check_controls(c, "[catalog]", texts[i]);
    }
    if (!c->id.s || !c->prefix_value)
        return;
    const struct bk_spec_platform *p = bk_spec_platform(c->prefix_value);
    if (p && strcmp(p->id, c->id.s) != 0)
        catc_error(c, c->prefix.line, "the spec allocates prefix %d to '%s', "
                   "not '%s'", c->prefix_value, p->id, c->id.s);
    p = bk_spec_platform_by_id(c->id.s);
    if (p && p->prefix != c->prefix_value)
        catc_error(c, c->id.line, "the spec allocates '%s' prefix %d, not %d",
                   c->id.s, p->prefix, c->prefix_value);
}

/* Canonical placeholders in a message; reports a malformed one. */
static void normalise(struct catalog *c, struct text *t)
{
    if (!t->s)
        return;
    const char *why = NULL;
    char *canonical = catc_placeholders(t->s, &why);
    if (!canonical) {
        catc_error(c, t->line, "bad placeholder: %s", why);
        return;
    }
    free(t->s);
    t->s = canonical;
}

static void check_lengths(struct catalog *c, const char *what, struct text *f)
{
    for (int i = 0; i < F_COUNT; i++) {
        if (f[i].s && strlen(f[i].s) > BKERR_TEXT_MAX)
            catc_error(c, f[i].line, "the text is %zu bytes; the registry "
                       "takes at most %d", strlen(f[i].s), BKERR_TEXT_MAX);
        check_controls(c, what, &f[i]);
    }
}

static void check_entry(struct catalog *c, struct centry *e)
{
    bool own = bkerr_prefix(e->code) == c->prefix_value;
    if (!e->legacy && !own)
        catc_error(c, e->line, "code %lld is not a 7-digit code with prefix "
                   "%d; a code the product emits outside its prefix is "
                   "written [legacy.%lld]", (long long)e->code,
                   c->prefix_value, (long long)e->code);
    if (e->legacy && own)
        catc_error(c, e->line, "[legacy.%lld] has the catalog's own prefix; "
                   "write it [%lld]", (long long)e->code, (long long)e->code);
    if (!e->f[F_MESSAGE_ZH].s && !e->f[F_MESSAGE_EN].s)
        catc_error(c, e->line, "code %lld has no message; give message_zh, "
                   "message_en or both", (long long)e->code);
    normalise(c, &e->f[F_MESSAGE_ZH]);
    normalise(c, &e->f[F_MESSAGE_EN]);
    char what[64];
    snprintf(what, sizeof what, "code %lld", (long long)e->code);
    check_lengths(c, what, e->f);
}

static void check_ranges(struct catalog *c)
{
    if (c->n_ranges) /* qsort must not see the NULL of an empty table */
        qsort(c->ranges, c->n_ranges, sizeof *c->ranges, by_first);
    for (size_t i = 0; i < c->n_ranges; i++) {
        struct crange *r = &c->ranges[i];
        if (r->first > r->last || bkerr_prefix(r->first) != c->prefix_value ||
            bkerr_prefix(r->last) != c->prefix_value)
            catc_error(c, r->line, "range %lld-%lld is not a range of codes "
                       "with prefix %d", (long long)r->first,
                       (long long)r->last, c->prefix_value);
        if (i && r->first <= c->ranges[i - 1].last)
            catc_error(c, r->line, "range %lld-%lld overlaps the range on "
                       "line %d", (long long)r->first, (long long)r->last,
                       c->ranges[i - 1].line);
        if (!r->f[F_ADVICE_ZH].s && !r->f[F_ADVICE_EN].s && !r->f[F_MODULE].s)
            catc_error(c, r->line, "the range has no module and no advice");
        char what[64];
        snprintf(what, sizeof what, "range %lld-%lld", (long long)r->first,
                 (long long)r->last);
        check_lengths(c, what, r->f);
    }
}

bool catc_check(struct catalog *c)
{
    check_header(c);
    if (c->errors)
        return false;
    if (c->n_entries)
        qsort(c->entries, c->n_entries, sizeof *c->entries, by_code);
    for (size_t i = 0; i < c->n_entries; i++) {
        struct centry *e = &c->entries[i];
        if (i && e->code == e[-1].code)
            catc_error(c, e->line, "duplicate code %lld (first on line %d); "
                       "merge the two sections", (long long)e->code,
                       e[-1].line);
        check_entry(c, e);
    }
    check_ranges(c);
    return c->errors == 0;
}
