/* The rules a catalog source must meet, checked before any C is written:
 * the registry's rules (common/rules.h, which core/loader.c calls too),
 * reported with file and line instead of at run time, and the rules of
 * the source form (provenance sites, upstream, status names). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bkerr/bkerr.h>

#include "common/code.h"
#include "common/rules.h"
#include "common/spec.h"
#include "common/text.h"
#include "catalog.h"

static int by_code(const void *a, const void *b)
{
    const struct centry *x = a, *y = b;
    if (x->code != y->code)
        return x->code < y->code ? -1 : 1;
    if (x->variant != y->variant)
        return x->variant - y->variant;
    return x->line - y->line;
}

static int by_first(const void *a, const void *b)
{
    const struct crange *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->line - y->line;
}

/* True for "owner/repo@" and a 40-hex commit in s[0..n). */
static bool repo_at_commit(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n), *slash = memchr(s, '/', n);
    if (!at || !slash || slash == s || slash + 1 >= at ||
        memchr(slash + 1, '/', (size_t)(at - slash - 1)) ||
        (size_t)(s + n - at - 1) != 40)
        return false;
    for (const char *p = s; p < at; p++)
        if (!(isalnum((unsigned char)*p) || strchr("/-_.", *p)))
            return false;
    for (const char *p = at + 1; p < s + n; p++)
        if (!isxdigit((unsigned char)*p) || isupper((unsigned char)*p))
            return false;
    return true;
}

/* NULL if s[0..n) is a SITE: [owner/repo@commit:]path:line; else why. */
static const char *site_problem(const struct catalog *c, const char *s,
                                size_t n)
{
    const char *colon = memchr(s, ':', n);
    const char *at = memchr(s, '@', n);
    if (at && colon && at < colon) { /* owner/repo@commit:path:line */
        if (!repo_at_commit(s, (size_t)(colon - s)))
            return "its repository is not owner/repo@<40-hex commit>";
        n -= (size_t)(colon + 1 - s);
        s = colon + 1;
    } else if (!c->upstream.s) {
        return "it is relative, but [catalog] has no upstream";
    }
    const char *last = NULL;
    for (const char *p = s; p < s + n; p++)
        if (*p == ':')
            last = p;
    if (!last || last == s || last + 1 == s + n)
        return "it is not path:line";
    if (last[1] == '0')
        return "its line number starts with 0";
    for (const char *p = last + 1; p < s + n; p++)
        if (!isdigit((unsigned char)*p))
            return "its line is not a number";
    return NULL;
}

/* Checks a blank-separated list of SITEs; one only unless many. */
static void check_sites(struct catalog *c, const struct text *t, bool many)
{
    if (!t->s)
        return;
    size_t count = 0;
    for (const char *p = t->s; *p;) {
        size_t n = strcspn(p, " ");
        if (n) {
            const char *why = site_problem(c, p, n);
            if (why)
                catc_error(c, t->line, "site '%.*s': %s; write path:line, "
                           "or owner/repo@<commit>:path:line", (int)n, p,
                           why);
            count++;
        }
        p += n + (p[n] == ' ');
    }
    if (!many && count != 1)
        catc_error(c, t->line, "defined takes one site; raise sites go in "
                   "raised");
}

/* The provenance keys of an entry (ABI 1.2): their form always, and with
 * strict, that they are there. */
static void check_about(struct catalog *c, struct centry *e, bool strict)
{
    const struct text *status = &e->f[F_STATUS];
    if (status->s && !bk_code_status_parse(status->s, &e->status))
        catc_error(c, status->line, "status '%s': write active, unused, "
                   "deprecated or removed", status->s);
    check_sites(c, &e->f[F_DEFINED], false);
    check_sites(c, &e->f[F_RAISED], true);
    const struct text *docs = &e->f[F_DOCS];
    if (docs->s && (strncmp(docs->s, "https://", 8) != 0 ||
                    strchr(docs->s, ' ')))
        catc_error(c, docs->line, "docs must be one https:// URL");
    bool note = e->f[F_NOTE_ZH].s || e->f[F_NOTE_EN].s;
    if (!strict)
        return;
    if (!status->s)
        catc_error(c, e->line, "code %lld has no status; write status = "
                   "active, unused, deprecated or removed (--strict)",
                   (long long)e->code);
    if (!e->f[F_DEFINED].s)
        catc_error(c, e->line, "code %lld has no defined site: where "
                   "upstream defines it (--strict)", (long long)e->code);
    if (e->status == BKERR_CODE_ACTIVE && !e->f[F_RAISED].s && !note)
        catc_error(c, e->line, "active code %lld has no raised sites; give "
                   "them, or a note_zh/note_en saying why none can be read "
                   "(--strict)", (long long)e->code);
    if (note && (!e->f[F_NOTE_ZH].s || !e->f[F_NOTE_EN].s))
        catc_error(c, e->line, "code %lld has a note in one language only; "
                   "give note_zh and note_en (--strict)", (long long)e->code);
}

/* The registry's text rule (common/rules.h), with the line; placeholders
 * are normalise()'s. */
static void check_text(struct catalog *c, const char *what,
                       const struct text *t)
{
    if (!t->s)
        return;
    if (strlen(t->s) > BKERR_TEXT_MAX) {
        catc_error(c, t->line, "the text is %zu bytes; the registry takes at "
                   "most %d", strlen(t->s), BKERR_TEXT_MAX);
        return;
    }
    const char *why = bk_rule_text(t->s, false);
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
    const struct bk_spec_platform *mine =
        c->id.s ? bk_spec_platform_by_id(c->id.s) : NULL;
    if (!c->prefix.s && mine)
        catc_error(c, line, "[catalog] has no prefix; the spec allocates '%s' "
                   "prefix %d", c->id.s, mine->prefix);
    else if (c->prefix.s && (*end || prefix < 10 || prefix > 99))
        catc_error(c, c->prefix.line, "prefix must be two digits, 10-99; "
                   "leave it out for a product without a prefix of its own");
    else
        c->prefix_value = (int)prefix; /* 0: a guest-only catalog */
    if (!c->version.s)
        catc_error(c, line, "[catalog] has no version");
    const struct text *texts[] = {&c->name_zh, &c->name_en, &c->version,
                                  &c->origin, &c->upstream,
                                  &c->upstream_version};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        check_text(c, "[catalog]", texts[i]);
    if (c->upstream.s && !repo_at_commit(c->upstream.s, strlen(c->upstream.s)))
        catc_error(c, c->upstream.line, "upstream must be "
                   "owner/repo@<40-hex commit>, e.g. "
                   "TencentBlueKing/bk-cmdb@111e7ac66a9f81ac1617bf3d60aea8e430e76a46");
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

/* One display name per product: under a prefix the spec allocates, its
 * row names the product, so the catalog may leave name_zh and name_en out
 * (they become the spec's here, and so the plugin's) and a name it gives
 * must be the spec's.  Only a catalog without such a prefix (none, or one
 * an admin's [platform.NN] allocates) names itself, and then must.  The
 * loader does not hold plugins to this: an admin's [platform.NN] may
 * rename a product on one host. */
static void check_display_names(struct catalog *c)
{
    const struct bk_spec_platform *spec =
        c->prefix_value ? bk_spec_platform(c->prefix_value) : NULL;
    if (!spec) {
        if (!c->name_zh.s && !c->name_en.s)
            catc_error(c, c->header_line, "[catalog] has neither name_zh nor "
                       "name_en; a product without a prefix the spec "
                       "allocates names itself");
        return;
    }
    const struct {
        struct text *given;
        const char *key, *spec;
    } names[] = {{&c->name_zh, "name_zh", spec->name_zh},
                 {&c->name_en, "name_en", spec->name_en}};
    for (size_t i = 0; i < 2; i++) {
        struct text *t = names[i].given;
        if (t->s && names[i].spec && strcmp(t->s, names[i].spec) != 0)
            catc_error(c, t->line, "%s '%s' is not the spec's name for "
                       "prefix %d, '%s'; leave %s out (the spec's is used) "
                       "or write it as the spec does", names[i].key, t->s,
                       spec->prefix, names[i].spec, names[i].key);
        else if (!t->s && names[i].spec && !(t->s = bk_strdup(names[i].spec))) {
            perror("bkerr-catc");
            exit(3);
        }
    }
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

static void check_texts(struct catalog *c, const char *what, struct text *f)
{
    for (int i = 0; i < F_COUNT; i++)
        check_text(c, what, &f[i]);
}

static void check_entry(struct catalog *c, struct centry *e, bool strict)
{
    switch (bk_rule_code(c->prefix_value, e->code, e->legacy)) {
    case BK_CODE_OK:
        break;
    case BK_CODE_NO_PREFIX:
        catc_error(c, e->line, "the catalog has no prefix of its own, so "
                   "every code it emits is written [legacy.%lld]",
                   (long long)e->code);
        break;
    case BK_CODE_NOT_OWN:
        catc_error(c, e->line, "code %lld is not a 7-digit code with prefix "
                   "%d; a code the product emits outside its prefix is "
                   "written [legacy.%lld]", (long long)e->code,
                   c->prefix_value, (long long)e->code);
        break;
    case BK_CODE_OWN_LEGACY:
        catc_error(c, e->line, "[legacy.%lld] has the catalog's own prefix; "
                   "write it [%lld]", (long long)e->code, (long long)e->code);
        break;
    }
    if (!bk_rule_has_message(e->f[F_MESSAGE_ZH].s, e->f[F_MESSAGE_EN].s))
        catc_error(c, e->line, "code %lld has no message; give message_zh, "
                   "message_en or both", (long long)e->code);
    normalise(c, &e->f[F_MESSAGE_ZH]);
    normalise(c, &e->f[F_MESSAGE_EN]);
    char what[64];
    snprintf(what, sizeof what, "code %lld", (long long)e->code);
    check_texts(c, what, e->f);
    check_about(c, e, strict);
}

static void check_ranges(struct catalog *c)
{
    if (c->n_ranges) /* qsort must not see the NULL of an empty table */
        qsort(c->ranges, c->n_ranges, sizeof *c->ranges, by_first);
    for (size_t i = 0; i < c->n_ranges; i++) {
        struct crange *r = &c->ranges[i];
        enum bk_range_rule bounds =
            bk_rule_range(c->prefix_value, r->first, r->last);
        if (bounds == BK_RANGE_NO_PREFIX)
            catc_error(c, r->line, "a catalog without a prefix of its own "
                       "has no ranges");
        else if (bounds == BK_RANGE_OUTSIDE)
            catc_error(c, r->line, "range %lld-%lld is not a range of codes "
                       "with prefix %d", (long long)r->first,
                       (long long)r->last, c->prefix_value);
        if (i && !bk_rule_range_follows(c->ranges[i - 1].last, r->first))
            catc_error(c, r->line, "range %lld-%lld overlaps the range on "
                       "line %d", (long long)r->first, (long long)r->last,
                       c->ranges[i - 1].line);
        if (!bk_rule_range_says(r->f[F_MODULE].s, r->f[F_ADVICE_ZH].s,
                                r->f[F_ADVICE_EN].s))
            catc_error(c, r->line, "the range has no module and no advice");
        char what[64];
        snprintf(what, sizeof what, "range %lld-%lld", (long long)r->first,
                 (long long)r->last);
        check_texts(c, what, r->f);
    }
}

bool catc_check(struct catalog *c, bool strict)
{
    check_header(c);
    if (!c->errors)
        check_display_names(c);
    if (c->errors)
        return false;
    if (c->n_entries)
        qsort(c->entries, c->n_entries, sizeof *c->entries, by_code);
    for (size_t i = 0; i < c->n_entries; i++) {
        struct centry *e = &c->entries[i];
        bool same = i && e->code == e[-1].code;
        if (same && e->variant == e[-1].variant)
            catc_error(c, e->line, "duplicate code %lld (first on line %d); "
                       "merge the two sections, or make this one a variant "
                       "[%s%lld/N]", (long long)e->code, e[-1].line,
                       e->legacy ? "legacy." : "", (long long)e->code);
        else if (e->variant > 1 && !same)
            catc_error(c, e->line, "variant %d of code %lld has no primary "
                       "[%s%lld] section", e->variant, (long long)e->code,
                       e->legacy ? "legacy." : "", (long long)e->code);
        else if (same && e->legacy != e[-1].legacy)
            catc_error(c, e->line, "code %lld is a legacy code in one section "
                       "and not in the other (line %d)", (long long)e->code,
                       e[-1].line);
        check_entry(c, e, strict);
    }
    check_ranges(c);
    return c->errors == 0;
}
