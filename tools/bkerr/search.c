/* bkerr search TEXT: first the entries whose message template TEXT
 * carries with its placeholders filled (bkerr_match(), as it ranks them),
 * then TEXT found, ignoring ASCII case, in the symbols, messages and advice
 * of every loaded entry in both languages, and in the two special codes.
 * Ranked: a template, then an exact symbol, then a symbol containing TEXT,
 * then a message, then advice; within a rank by prefix and code. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "found.h"

/* How an entry matched, best first; the names are the JSON's. */
enum rank { RANK_TEMPLATE, RANK_SYMBOL, RANK_SYMBOL_PART, RANK_MESSAGE,
            RANK_ADVICE, RANK_NONE };
static const char *const rank_names[] = {
    [RANK_TEMPLATE] = "template", [RANK_SYMBOL] = "symbol",
    [RANK_SYMBOL_PART] = "symbol_substring", [RANK_MESSAGE] = "message",
    [RANK_ADVICE] = "advice",
};

/* Templates of the text shown at most. */
#define MAX_TEMPLATES 16

struct match {
    enum rank rank;
    size_t seq;      /* order found: by prefix, then catalog order */
    size_t cat;      /* catalog index; SIZE_MAX for a special code */
    size_t index;    /* entry index, or the special code's position */
    const struct bkerr_match *tm; /* RANK_TEMPLATE: what bkerr_match() found */
};

static int lower(int ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* True if needle occurs in hay, ASCII case ignored (bytes >= 0x80, and so
 * Chinese, compare exactly). */
static bool contains(const char *hay, const char *needle)
{
    if (!hay)
        return false;
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t k = 0;
        while (k < n && hay[k] && lower((unsigned char)hay[k]) ==
                                      lower((unsigned char)needle[k]))
            k++;
        if (k == n)
            return true;
    }
    return n == 0;
}

/* True if one of the '/'-separated symbols equals text, case ignored. */
static bool symbol_is(const char *symbols, const char *text)
{
    size_t n = strlen(text);
    for (const char *p = symbols; p && *p;) {
        size_t len = strcspn(p, "/"), k = 0;
        while (k < len && k < n && lower((unsigned char)p[k]) ==
                                      lower((unsigned char)text[k]))
            k++;
        if (k == n && len == n)
            return true;
        p += len;
        if (*p == '/')
            p++;
    }
    return false;
}

static enum rank rank_of(const char *symbol, const char *const *messages,
                         const char *const *advice, const char *text)
{
    if (symbol && symbol_is(symbol, text))
        return RANK_SYMBOL;
    if (contains(symbol, text))
        return RANK_SYMBOL_PART;
    if (contains(messages[0], text) || contains(messages[1], text))
        return RANK_MESSAGE;
    if (contains(advice[0], text) || contains(advice[1], text))
        return RANK_ADVICE;
    return RANK_NONE;
}

static enum rank rank_entry(const struct cli_entry *e, const char *text)
{
    const char *m[2] = {e->zh.message, e->en.message};
    const char *a[2] = {e->zh.advice, e->en.advice};
    return rank_of(e->zh.symbol, m, a, text);
}

/* The i-th special code (bkerr_special()) as a lookup in lang gives it;
 * false past the last. */
static bool special(const struct cli *c, size_t i, enum bkerr_lang lang,
                    struct bkerr_result *r)
{
    struct bkerr_spec_code sc = {.size = sizeof sc};
    return bkerr_special(i, &sc) == 0 &&
           bkerr_lookup(c->reg, sc.code, lang, r) >= 0;
}

static enum rank rank_special(const struct cli *c, size_t i, const char *text)
{
    struct bkerr_result zh, en;
    if (!special(c, i, BKERR_LANG_ZH_CN, &zh) ||
        !special(c, i, BKERR_LANG_EN, &en))
        return RANK_NONE;
    const char *m[2] = {zh.message, en.message};
    const char *a[2] = {zh.advice, en.advice};
    return rank_of(NULL, m, a, text);
}

static int by_rank(const void *a, const void *b)
{
    const struct match *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

struct matches {
    struct match *m;
    size_t n, cap;
};

static bool add(struct matches *ms, struct match m)
{
    if (ms->n == ms->cap) {
        size_t cap = ms->cap ? ms->cap * 2 : 64;
        struct match *grown = realloc(ms->m, cap * sizeof *grown);
        if (!grown)
            return false;
        ms->m = grown, ms->cap = cap;
    }
    m.seq = ms->n;
    ms->m[ms->n++] = m;
    return true;
}

/* Whether catalog cat is one of idx[0..n) (the catalogs searched). */
static bool searched(const size_t *idx, size_t n, size_t cat)
{
    for (size_t i = 0; i < n; i++)
        if (idx[i] == cat)
            return true;
    return false;
}

/* Whether a template match already stands for entry k of catalog cat. */
static bool templated(const struct matches *ms, size_t cat, size_t k)
{
    for (size_t i = 0; i < ms->n && ms->m[i].rank == RANK_TEMPLATE; i++)
        if (ms->m[i].cat == cat && ms->m[i].index == k &&
            ms->m[i].tm->variant == 0)
            return true;
    return false;
}

/* Collects every match, unsorted; false on out of memory. */
static bool collect(const struct cli *c, const size_t *idx, size_t n,
                    const char *text, struct matches *ms)
{
    static struct bkerr_match tm[MAX_TEMPLATES];
    tm[0].size = sizeof tm[0];
    int found = bkerr_match(c->reg, text, strlen(text), tm, MAX_TEMPLATES);
    for (int k = 0; k < found && k < MAX_TEMPLATES; k++)
        if (searched(idx, n, tm[k].catalog) &&
            !add(ms, (struct match){RANK_TEMPLATE, 0, tm[k].catalog,
                                    tm[k].entry, &tm[k]}))
            return false;
    struct bkerr_spec_code sc = {.size = sizeof sc};
    for (size_t i = 0; !c->product && bkerr_special(i, &sc) == 0; i++) {
        enum rank r = rank_special(c, i, text);
        if (r != RANK_NONE &&
            !add(ms, (struct match){r, 0, SIZE_MAX, i, NULL}))
            return false;
    }
    for (size_t i = 0; i < n; i++) {
        struct cli_entry e;
        for (size_t k = 0; cli_entry(c, idx[i], k, &e); k++) {
            enum rank r = rank_entry(&e, text);
            if (r != RANK_NONE && !templated(ms, idx[i], k) &&
                !add(ms, (struct match){r, 0, idx[i], k, NULL}))
                return false;
        }
    }
    return true;
}

/* The match's entry in both languages (a special code has no catalog). */
static void entry_of(const struct cli *c, const struct match *m,
                     struct cli_entry *e)
{
    if (m->cat != SIZE_MAX) {
        cli_entry_at(c, m->cat, m->index, m->tm ? m->tm->variant : 0, e);
        return;
    }
    *e = (struct cli_entry){.index = m->index}; /* variant 0, as a lookup */
    special(c, m->index, BKERR_LANG_ZH_CN, &e->zh);
    special(c, m->index, BKERR_LANG_EN, &e->en);
}

static const char *catalog_id(const struct cli *c, const struct match *m)
{
    struct bkerr_catalog_status st;
    if (m->cat == SIZE_MAX || bkerr_catalog_status(c->reg, m->cat, &st) != 0)
        return NULL;
    return st.id;
}

static void print_json(const struct cli *c, const struct matches *ms,
                       const char *text)
{
    struct json j;
    json_begin(&j, stdout);
    json_array(&j);
    for (size_t i = 0; i < ms->n; i++) {
        struct cli_entry e;
        entry_of(c, &ms->m[i], &e);
        json_object(&j);
        json_key(&j, "match"), json_string(&j, rank_names[ms->m[i].rank]);
        json_key(&j, "catalog"), json_string(&j, catalog_id(c, &ms->m[i]));
        if (ms->m[i].tm) {
            json_key(&j, "captures");
            json_captures(&j, ms->m[i].tm, text);
        }
        json_entry_fields(&j, &e);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_finish(&j);
}

struct rows {
    const struct matches *ms;
    const char *text;
    char filled[3 * 4096 + 256]; /* a template, filled from the text */
};

/* The next placeholder "{...}" of s (its length in *len), skipping the
 * escapes "{{" and "}}"; NULL if none. */
static const char *next_placeholder(const char *s, size_t *len)
{
    for (; *s; s++) {
        if ((s[0] == '{' || s[0] == '}') && s[1] == s[0]) {
            s++;
            continue;
        }
        const char *close = s[0] == '{' ? strchr(s, '}') : NULL;
        if (close) {
            *len = (size_t)(close - s) + 1;
            return s;
        }
    }
    return NULL;
}

static size_t count_placeholder(const char *s, const char *p, size_t n)
{
    size_t count = 0, len;
    for (; (s = next_placeholder(s, &len)) != NULL; s += len)
        count += len == n && memcmp(s, p, n) == 0;
    return count;
}

/* Whether templates a and b have the same placeholders, as many times
 * each, in any order. */
static bool same_placeholders(const char *a, const char *b)
{
    size_t len;
    for (const char *p = a; (p = next_placeholder(p, &len)) != NULL; p += len)
        if (count_placeholder(a, p, len) != count_placeholder(b, p, len))
            return false;
    for (const char *p = b; (p = next_placeholder(p, &len)) != NULL; p += len)
        if (count_placeholder(a, p, len) == 0)
            return false;
    return true;
}

/* Row r: match r's code, catalog, rank, symbol and message (a template's
 * filled from the text, its values after it). */
static bool match_row(const struct cli *c, void *ctx, size_t r,
                      struct cli_row *row)
{
    struct rows *rs = ctx;
    const struct matches *ms = rs->ms;
    if (r >= ms->n)
        return false;
    struct cli_entry e;
    entry_of(c, &ms->m[r], &e);
    const struct bkerr_result *res = cli_entry_in(&e, c->lang);
    const char *cat = catalog_id(c, &ms->m[r]);
    snprintf(row->num, sizeof row->num, "%lld", (long long)res->code);
    row->cells[0] = row->num;
    row->style[0] = STYLE_BOLD;
    row->cells[1] = cat ? cat : "-";
    row->cells[2] = rank_names[ms->m[r].rank];
    row->cells[3] = res->symbol ? res->symbol : "-";
    row->style[3] = STYLE_CYAN;
    row->cells[4] = res->message ? res->message : "-";
    const struct bkerr_match *tm = ms->m[r].tm;
    if (tm) {
        /* the chosen language's template, filled with what the matched
         * one captured, when both have the same placeholders (25 of the
         * 1,635 bundled pairs don't: bk_repo 251208's en drops its {1}) */
        struct bkerr_match shown = *tm;
        if (res->message && same_placeholders(res->message, tm->message))
            shown.message = res->message;
        size_t len = sizeof rs->filled;
        int n = found_fill(&shown, rs->text, rs->filled, len);
        size_t at = n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
        for (unsigned k = 0; k < tm->n_captures && k < BKERR_MATCH_CAPTURES &&
                             at + 8 < len; k++) {
            const struct bkerr_capture *cap = &tm->captures[k];
            int w = snprintf(rs->filled + at, len - at, "%s%s=%.*s",
                             k ? ", " : "  [", cap->name,
                             (int)(cap->end - cap->start),
                             rs->text + cap->start);
            at = w < 0 || (size_t)w >= len - at ? len - 1 : at + (size_t)w;
        }
        if (tm->n_captures && at + 2 < len)
            memcpy(rs->filled + at, "]", 2);
        row->cells[4] = rs->filled;
    }
    return true;
}

static void print_text(const struct cli *c, struct matches *ms,
                       const char *text)
{
    static const char *const heads[] = {"CODE", "CATALOG", "MATCH", "SYMBOL",
                                        "MESSAGE"};
    static struct rows rs;
    rs.ms = ms, rs.text = text;
    cli_table(c, 5, heads, match_row, &rs);
}

/* The search text: the operands joined with one blank; NULL if none. */
static char *join(int argc, char **argv)
{
    size_t len = 1;
    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *text = malloc(len), *p = text;
    if (!text)
        return NULL;
    for (int i = 0; i < argc; i++)
        p += sprintf(p, "%s%s", i ? " " : "", argv[i]);
    *p = '\0';
    return text;
}

static int cmd_search(struct cli *c, int argc, char **argv)
{
    int rc;
    if (argc == 0) {
        cli_error("no search text given; usage: bkerr search TEXT");
        return EXIT_USAGE;
    }
    char *text = join(argc, argv);
    if (!text) {
        cli_error("out of memory");
        return EXIT_OPEN;
    }
    if (strspn(text, " \t") == strlen(text)) {
        cli_error("the search text is empty; usage: bkerr search TEXT");
        free(text);
        return EXIT_USAGE;
    }
    size_t *idx = NULL, n = 0;
    struct matches ms = {0};
    if ((rc = cli_open(c)) == EXIT_OK &&
        (rc = cli_catalogs(c, c->product, &idx, &n)) == EXIT_OK) {
        if (!collect(c, idx, n, text, &ms)) {
            cli_error("out of memory");
            rc = EXIT_OPEN;
        } else {
            if (ms.n) /* qsort must not be handed NULL (UBSan) */
                qsort(ms.m, ms.n, sizeof *ms.m, by_rank);
            if (c->json)
                print_json(c, &ms, text);
            else if (ms.n)
                print_text(c, &ms, text);
            if (ms.n == 0) {
                cli_error("nothing matches '%s'; try fewer letters, or bkerr "
                          "list", text);
                rc = EXIT_UNRESOLVED;
            }
        }
    }
    free(ms.m);
    free(idx);
    free(text);
    return rc;
}

static const struct cli_option search_options[] = {
    CLI_OPT_PRODUCT("search one catalog"),
    CLI_OPT_JSON("print an array of matches (see docs/json.md)"),
    CLI_OPT_CONFIG, CLI_OPT_LANG, CLI_OPT_COLOR, CLI_OPT_NO_PAGER,
    CLI_OPT_HELP, CLI_OPT_END,
};

const struct cli_command cli_search = {
    "search", cmd_search, "search messages, symbols and advice",
    "bkerr search [OPTIONS] TEXT",
    "First finds the catalog messages TEXT carries with their placeholders\n"
    "filled in, as a log shows them (\"订阅(123)不存在\" is bk_nodeman's\n"
    "3800001 with subscription_id=123): the longest template first, and the\n"
    "values it captured after the message.  Then searches the symbols,\n"
    "messages and advice of every loaded catalog, in zh_CN and en, ignoring\n"
    "ASCII case (several words are joined with one blank and searched as one\n"
    "text): exact symbol matches, then symbols containing TEXT, then\n"
    "messages, then advice.  Messages print in the chosen language.  On a\n"
    "terminal the table fits its width and goes through $PAGER.\n",
    "Exit status: 0 something matched, 1 nothing matched, 2 bad usage,\n"
    "3 the registry could not be opened or the output could not be written.\n",
    search_options, true,
};
