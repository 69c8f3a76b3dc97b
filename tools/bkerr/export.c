/* bkerr export --format FORMAT [PRODUCT]: the registry as a document or
 * as constants, on standard output.
 *   markdown        the spec's tables (categories, allocation, generic IDs)
 *                   and one page per product, like BKDocs' error-code pages
 *   json            the same data, stable (docs/json.md)
 *   csv             one row per catalog entry (RFC 4180)
 *   c-defines       #define BKERR_<PRODUCT>_<SYMBOL> <code>
 *   python-defines  the same names as a Python module
 * Every table comes from the library (bkerr_platform, bkerr_lookup,
 * bkerr_catalog_entry), never from a copy here. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The catalogs being exported (by prefix) and the run's settings. */
struct export {
    const struct cli *c;
    const size_t *idx;
    size_t n;
    const char *product; /* PRODUCT, or NULL for everything */
    FILE *f;
};

static const char *pick(const struct cli *c, const char *zh, const char *en)
{
    const char *want = c->lang == BKERR_LANG_EN ? en : zh;
    return want ? want : c->lang == BKERR_LANG_EN ? zh : en;
}

static struct bkerr_catalog_status status_of(const struct export *x, size_t i)
{
    struct bkerr_catalog_status st;
    bkerr_catalog_status(x->c->reg, x->idx[i], &st);
    return st;
}

/* ---- tables every format shares ---------------------------------------- */

/* The first prefix assigned by the spec: the generic table is read
 * through lookups of codes under it. */
static int generic_probe_prefix(void)
{
    struct bkerr_platform p;
    for (int prefix = 10; prefix <= 99; prefix++)
        if (bkerr_platform(NULL, prefix, &p) == 1)
            return prefix;
    return 0;
}

/* The spec's generic error IDs in order: the next one at or after *id
 * (0-99999), looked up without catalogs.  False when there are no more. */
static bool next_generic(int *id, struct bkerr_result *zh,
                         struct bkerr_result *en)
{
    int prefix = generic_probe_prefix();
    for (; prefix && *id <= 99999; ++*id) {
        int64_t code = (int64_t)prefix * 100000 + *id;
        if (bkerr_lookup(NULL, code, BKERR_LANG_ZH_CN, zh) == BKERR_GENERIC) {
            bkerr_lookup(NULL, code, BKERR_LANG_EN, en);
            return true;
        }
    }
    return false;
}

/* The run of prefixes from *first with one category; false past 99. */
static bool next_category(const struct cli *c, int *first, int *last,
                          enum bkerr_category *cat)
{
    struct bkerr_platform p;
    if (*first > 99)
        return false;
    bkerr_platform(c->reg, *first, &p);
    *cat = p.category;
    for (*last = *first; *last < 99; ++*last)
        if (bkerr_platform(c->reg, *last + 1, &p) >= 0 && p.category != *cat)
            break;
    return true;
}

static const int64_t specials[] = {-1, 0};

/* The configured catalog of platform id, if it is loaded. */
static bool loaded_catalog(const struct cli *c, const char *id,
                           struct bkerr_catalog_status *st)
{
    for (size_t i = 0; id && bkerr_catalog_status(c->reg, i, st) == 0; i++)
        if (strcmp(st->id, id) == 0)
            return st->state == BKERR_CATALOG_LOADED;
    return false;
}

/* ---- markdown ------------------------------------------------------------ */

/* Words of the document, in zh_CN and en. */
struct words {
    const char *title, *basics, *kind, *meaning, *code_shape, *alloc, *id,
        *name, *prefix, *category, *source, *catalog, *spec, *admin,
        *unassigned, *generic, *generic_note, *generic_id, *generic_name,
        *advice, *products, *page, *prefix_short, *version, *code, *symbol, *meaning_entry,
        *legacy, *legacy_note, *stop, *source_entry, *upstream;
};
static const struct words words_zh = {
    "蓝鲸错误码", "一、错误码基本信息", "类别", "说明",
    "7 位整数，前两位表示产品代号（平台 ID），后 5 位为各产品内针对错误信息自行分配",
    "二、错误码分配表", "平台代号", "平台名称", "平台 ID（2 位）", "类别", "来源",
    "错误码目录", "规范", "bkerr.ini", "（未分配）", "通用错误码 ID",
    "后 5 位为下列 ID 时，在任何平台下含义相同（产品目录中没有该错误码时使用）。",
    "错误码 ID（5 位）", "错误码名称示例", "处理方案", "三、各产品错误码和处理方案",
    "错误码", "平台 ID", "目录版本", "错误码", "错误标识", "含义", "非标准错误码",
    "以下错误码不是标准的 7 位错误码，或不在本平台 ID 下，需指定产品查询：", "。",
    "出处", "上游版本",
};
static const struct words words_en = {
    "BlueKing error codes", "1. Basics", "Category", "Description",
    "A 7-digit integer: two digits of product prefix (the platform ID), then "
    "five the product allocates",
    "2. Allocation table", "Platform id", "Platform name", "Prefix (2 digits)",
    "Category", "Source", "Catalog", "spec", "bkerr.ini", "(unassigned)",
    "Generic error IDs",
    "When the last five digits are one of these IDs, the code means the same "
    "under every prefix (used when the product's catalog lacks the code).",
    "Error ID (5 digits)", "Name", "Advice", "3. Error codes of each product",
    " error codes", "prefix", "catalog version", "Code", "Symbol", "Meaning",
    "Legacy codes",
    "These codes are not standard 7-digit codes, or not under this prefix; "
    "look them up with the product: ", ".",
    "Source", "Upstream",
};

static bool ascii_alnum(int ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
           (ch >= '0' && ch <= '9');
}

/* A character of a word, for Markdown's intraword rules. */
static bool word_char(unsigned char ch)
{
    return ch >= 0x80 || ascii_alnum(ch);
}

/* True if s starts an HTML entity reference ("&amp;", "&#36;"), which
 * Markdown would turn into its character. */
static bool entity_at(const unsigned char *s)
{
    size_t n = 1;
    while (s[n] == '#' || ascii_alnum(s[n]))
        n++;
    return n > 1 && s[n] == ';';
}

/* Writes s as the text of a table cell: one line, with the characters
 * that Markdown tables or inline markup would take escaped. */
static void md_text(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    for (const unsigned char *q = p; *q; q++) {
        bool alnum_before = q > p && word_char(q[-1]);
        bool alnum_after = word_char(q[1]);
        if (*q == '\n')
            fputs("<br>", f);
        else if (*q < 0x20 || *q == 0x7F)
            fputc(' ', f);
        else if (*q == '<')
            fputs("&lt;", f);
        else if (*q == '>')
            fputs("&gt;", f);
        else if (*q == '&' && entity_at(q))
            fputs("&amp;", f);
        else if (strchr("\\|*`[]", *q) ||
                 (*q == '_' && !(alnum_before && alnum_after)))
            fprintf(f, "\\%c", *q);
        else
            fputc(*q, f);
    }
}

/* A table row: cells, each through md_text. */
static void md_row(FILE *f, const char *const *cells, int n)
{
    for (int i = 0; i < n; i++) {
        fputs(i ? " | " : "| ", f);
        md_text(f, cells[i]);
    }
    fputs(" |\n", f);
}

static void md_head(FILE *f, const char *const *cells, int n)
{
    md_row(f, cells, n);
    for (int i = 0; i < n; i++)
        fputs("|---", f);
    fputs("|\n", f);
}

static void md_basics(const struct export *x, const struct words *w)
{
    const struct cli *c = x->c;
    fprintf(x->f, "## %s\n\n", w->basics);
    md_head(x->f, (const char *[]){w->kind, w->meaning}, 2);
    md_row(x->f, (const char *[]){c->lang == BKERR_LANG_EN ? "Code" : "错误码",
                                  w->code_shape}, 2);
    int first = 10, last;
    enum bkerr_category cat;
    char range[32];
    for (; next_category(c, &first, &last, &cat); first = last + 1) {
        snprintf(range, sizeof range, first == last ? "%d" : "%d-%d", first,
                 last);
        md_row(x->f, (const char *[]){bkerr_category_name(cat, c->lang), range},
               2);
    }
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++) {
        struct bkerr_result r;
        bkerr_lookup(c->reg, specials[i], c->lang, &r);
        snprintf(range, sizeof range, "%lld", (long long)specials[i]);
        md_row(x->f, (const char *[]){range, r.message}, 2);
    }
    fputc('\n', x->f);
}

static void md_allocation(const struct export *x, const struct words *w)
{
    const struct cli *c = x->c;
    fprintf(x->f, "## %s\n\n", w->alloc);
    md_head(x->f, (const char *[]){w->id, w->name, w->prefix, w->category,
                                   w->source, w->catalog}, 6);
    for (int prefix = 10; prefix <= 99; prefix++) {
        struct bkerr_platform p;
        struct bkerr_catalog_status st;
        char num[8], cat[96] = "";
        bool assigned = bkerr_platform(c->reg, prefix, &p) == 1;
        snprintf(num, sizeof num, "%d", prefix);
        if (loaded_catalog(c, p.id, &st))
            snprintf(cat, sizeof cat, "%s %s", st.id, st.version ? st.version
                                                                 : "");
        const char *name = assigned ? pick(c, p.name_zh, p.name_en)
                                    : w->unassigned;
        md_row(x->f, (const char *[]){p.id ? p.id : "", name ? name : "", num,
                                      bkerr_category_name(p.category, c->lang),
                                      !assigned ? "" : p.admin ? w->admin
                                                               : w->spec,
                                      cat}, 6);
    }
    fputc('\n', x->f);
}

static void md_generic(const struct export *x, const struct words *w)
{
    const struct cli *c = x->c;
    fprintf(x->f, "## %s\n\n%s\n\n", w->generic, w->generic_note);
    md_head(x->f, (const char *[]){w->generic_id, w->generic_name, w->advice},
            3);
    struct bkerr_result zh, en;
    for (int id = 0; next_generic(&id, &zh, &en); id++) {
        const struct bkerr_result *r = c->lang == BKERR_LANG_EN ? &en : &zh;
        char num[8];
        snprintf(num, sizeof num, "%05d", id);
        md_row(x->f, (const char *[]){num, r->message, r->advice}, 3);
    }
    fputc('\n', x->f);
}

/* The source cell: status, the sites as code spans, the note. */
static void md_source(const struct export *x, const struct bkerr_result *r)
{
    const char *sep = "";
    if (r->code_status) {
        fputs(bkerr_code_status_name(r->code_status), x->f);
        sep = "; ";
    }
    const struct {
        const char *label, *sites;
    } parts[] = {{"defined", r->defined}, {"raised", r->raised}};
    for (size_t i = 0; i < 2; i++) {
        if (!parts[i].sites)
            continue;
        fprintf(x->f, "%s%s", sep, parts[i].label);
        for (const char *s = parts[i].sites; *s;) {
            size_t n = strcspn(s, " ");
            if (n)
                fprintf(x->f, " `%.*s`", (int)n, s);
            s += n + (s[n] == ' ');
        }
        sep = "; ";
    }
    if (r->note) {
        fputs(sep, x->f);
        md_text(x->f, r->note);
    }
    if (r->docs) {
        fputs(sep, x->f);
        md_text(x->f, r->docs);
    }
}

/* One entry row: code, symbol, meaning, advice (symbol as code span), and
 * where it comes from. */
static void md_entry(const struct export *x, const struct cli_entry *e)
{
    const struct bkerr_result *r = cli_entry_in(e, x->c->lang);
    fprintf(x->f, "| %lld | ", (long long)r->code);
    if (r->symbol) {
        fputc('`', x->f);
        for (const char *s = r->symbol; *s; s++) {
            if (*s == '|')
                fputc('\\', x->f); /* GFM splits cells even in code spans */
            fputc(*s == '`' ? '\'' : *s, x->f);
        }
        fputc('`', x->f);
    }
    fputs(" | ", x->f);
    md_text(x->f, r->message);
    fputs(" | ", x->f);
    md_text(x->f, r->advice);
    fputs(" | ", x->f);
    md_source(x, r);
    fputs(" |\n", x->f);
}

static void md_product(const struct export *x, size_t i, const struct words *w,
                       const char *level)
{
    const struct cli *c = x->c;
    struct bkerr_catalog_status st = status_of(x, i);
    const char *name = pick(c, st.name_zh, st.name_en);
    fprintf(x->f, "%s ", level);
    md_text(x->f, name ? name : st.id);
    fprintf(x->f, "%s\n\n%s `%s` · %s %d · %s ", w->page, w->id, st.id,
            w->prefix_short, st.prefix, w->version);
    md_text(x->f, st.version ? st.version : "-");
    fputs("\n\n", x->f);
    if (st.upstream) {
        fprintf(x->f, "%s `", w->upstream);
        md_text(x->f, st.upstream);
        fputc('`', x->f);
        if (st.upstream_version) {
            fputs(" (", x->f);
            md_text(x->f, st.upstream_version);
            fputc(')', x->f);
        }
        fputs("\n\n", x->f);
    }
    const char *head[5] = {w->code, w->symbol, w->meaning_entry, w->advice,
                           w->source_entry};
    md_head(x->f, head, 5);
    struct cli_entry e;
    bool more = cli_entry(c, x->idx[i], 0, &e);
    for (; more && !e.legacy; more = cli_entry_next(c, x->idx[i], &e))
        md_entry(x, &e);
    if (st.n_legacy) {
        fprintf(x->f, "\n%s# %s\n\n", level, w->legacy);
        fprintf(x->f, "%s`bkerr --product %s CODE`%s\n\n", w->legacy_note,
                st.id, w->stop);
        md_head(x->f, head, 5);
        for (; more; more = cli_entry_next(c, x->idx[i], &e))
            md_entry(x, &e);
    }
    fputc('\n', x->f);
}

static int export_markdown(const struct export *x)
{
    const struct words *w = x->c->lang == BKERR_LANG_EN ? &words_en : &words_zh;
    if (x->product) {
        md_product(x, 0, w, "#");
        return EXIT_OK;
    }
    fprintf(x->f, "# %s\n\n", w->title);
    md_basics(x, w);
    md_allocation(x, w);
    md_generic(x, w);
    fprintf(x->f, "## %s\n\n", w->products);
    for (size_t i = 0; i < x->n; i++)
        md_product(x, i, w, "###");
    return EXIT_OK;
}

/* ---- json ---------------------------------------------------------------- */

/* The version of the export document; bumped only for incompatible
 * changes (docs/json.md). */
#define EXPORT_JSON_VERSION 1

/* message_zh, message_en, advice_zh, advice_en of a built-in row looked
 * up in both languages: each text only in its own language. */
static void json_texts(struct json *j, const struct bkerr_result *zh,
                       const struct bkerr_result *en)
{
    const struct cli_entry e = {*zh, *en, false, 0, 0};
    json_key(j, "message_zh");
    json_string(j, cli_entry_message(&e, BKERR_LANG_ZH_CN));
    json_key(j, "message_en");
    json_string(j, cli_entry_message(&e, BKERR_LANG_EN));
    json_key(j, "advice_zh");
    json_string(j, cli_entry_advice(&e, BKERR_LANG_ZH_CN));
    json_key(j, "advice_en");
    json_string(j, cli_entry_advice(&e, BKERR_LANG_EN));
}

static void json_tables(const struct export *x, struct json *j)
{
    const struct cli *c = x->c;
    json_key(j, "categories");
    json_array(j);
    int first = 10, last;
    enum bkerr_category cat;
    for (; next_category(c, &first, &last, &cat); first = last + 1) {
        json_object(j);
        json_key(j, "category"),
            json_string(j, bkerr_category_name(cat, BKERR_LANG_EN));
        json_key(j, "category_zh"),
            json_string(j, bkerr_category_name(cat, BKERR_LANG_ZH_CN));
        json_key(j, "first"), json_int(j, first);
        json_key(j, "last"), json_int(j, last);
        json_end_object(j);
    }
    json_end_array(j);
    json_key(j, "specials");
    json_array(j);
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++) {
        struct bkerr_result zh, en;
        bkerr_lookup(c->reg, specials[i], BKERR_LANG_ZH_CN, &zh);
        bkerr_lookup(c->reg, specials[i], BKERR_LANG_EN, &en);
        json_object(j);
        json_key(j, "code"), json_int(j, specials[i]);
        json_texts(j, &zh, &en);
        json_end_object(j);
    }
    json_end_array(j);
    json_key(j, "generic");
    json_array(j);
    struct bkerr_result zh, en;
    for (int id = 0; next_generic(&id, &zh, &en); id++) {
        json_object(j);
        json_key(j, "id"), json_int(j, id);
        json_texts(j, &zh, &en);
        json_end_object(j);
    }
    json_end_array(j);
}

static void json_platforms(const struct export *x, struct json *j)
{
    json_key(j, "platforms");
    json_array(j);
    for (int prefix = 10; prefix <= 99; prefix++) {
        struct bkerr_platform p;
        bool assigned = bkerr_platform(x->c->reg, prefix, &p) == 1;
        json_object(j);
        json_platform_fields(j, prefix, &p, assigned);
        json_end_object(j);
    }
    json_end_array(j);
}

static void json_catalogs(const struct export *x, struct json *j)
{
    json_key(j, "catalogs");
    json_array(j);
    for (size_t i = 0; i < x->n; i++) {
        struct bkerr_catalog_status st = status_of(x, i);
        json_object(j);
        json_key(j, "id"), json_string(j, st.id);
        json_key(j, "prefix"), json_int(j, st.prefix);
        json_key(j, "name_zh"), json_string(j, st.name_zh);
        json_key(j, "name_en"), json_string(j, st.name_en);
        json_key(j, "version"), json_string(j, st.version);
        json_key(j, "origin"), json_string(j, st.origin);
        json_key(j, "upstream"), json_string(j, st.upstream);
        json_key(j, "upstream_version"), json_string(j, st.upstream_version);
        json_catalog_entries(j, x->c, x->idx[i]);
        json_end_object(j);
    }
    json_end_array(j);
}

static int export_json(const struct export *x)
{
    struct json j;
    json_begin(&j, x->f);
    json_object(&j);
    json_key(&j, "format"), json_string(&j, "bkerr-export");
    json_key(&j, "format_version"), json_int(&j, EXPORT_JSON_VERSION);
    json_key(&j, "bkerr_version"), json_string(&j, BKERR_VERSION);
    json_key(&j, "product"), json_string(&j, x->product);
    json_tables(x, &j);
    json_platforms(x, &j);
    json_catalogs(x, &j);
    json_end_object(&j);
    json_finish(&j);
    return EXIT_OK;
}

/* ---- csv ------------------------------------------------------------------ */

/* One field, quoted (RFC 4180) when it holds a comma, quote or line end. */
static void csv_field(FILE *f, const char *s, bool last)
{
    s = s ? s : "";
    if (strpbrk(s, ",\"\r\n")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    fputs(last ? "\r\n" : ",", f);
}

static int export_csv(const struct export *x)
{
    static const char *const head[] = {
        "catalog", "prefix", "code", "legacy", "symbol", "module",
        "message_zh", "message_en", "advice_zh", "advice_en",
        "advice_inherited", "variant", "code_status", "upstream", "defined",
        "raised", "docs", "note_zh", "note_en"};
    enum { N = sizeof head / sizeof head[0] };
    for (size_t k = 0; k < N; k++)
        csv_field(x->f, head[k], k + 1 == N);
    for (size_t i = 0; i < x->n; i++) {
        struct bkerr_catalog_status st = status_of(x, i);
        char prefix[16], code[24];
        snprintf(prefix, sizeof prefix, "%d", st.prefix);
        struct cli_entry e;
        for (bool more = cli_entry(x->c, x->idx[i], 0, &e); more;
             more = cli_entry_next(x->c, x->idx[i], &e)) {
            char variant[16];
            snprintf(code, sizeof code, "%lld", (long long)e.zh.code);
            snprintf(variant, sizeof variant, "%u", e.variant);
            const char *row[N] = {
                st.id, prefix, code, e.legacy ? "true" : "false", e.zh.symbol,
                e.zh.module, cli_entry_message(&e, BKERR_LANG_ZH_CN),
                cli_entry_message(&e, BKERR_LANG_EN),
                cli_entry_advice(&e, BKERR_LANG_ZH_CN),
                cli_entry_advice(&e, BKERR_LANG_EN),
                e.zh.advice_inherited || e.en.advice_inherited ? "true"
                                                               : "false",
                variant,
                e.zh.code_status ? bkerr_code_status_name(e.zh.code_status)
                                 : NULL,
                e.zh.upstream, e.zh.defined, e.zh.raised, e.zh.docs,
                cli_entry_note(&e, BKERR_LANG_ZH_CN),
                cli_entry_note(&e, BKERR_LANG_EN)};
            for (size_t f = 0; f < N; f++)
                csv_field(x->f, row[f], f + 1 == N);
        }
    }
    return EXIT_OK;
}

/* ---- constants: names -------------------------------------------------- */

/* One constant: a name for one code of one catalog. */
struct def {
    char *name;
    size_t cat;    /* position in the export's catalogs */
    int64_t code;
    size_t order;  /* output order */
    const char *comment;
    enum bkerr_code_status status;
    const char *defined;
};

/* Names <bkerr/bkerr.h> and <bkerr/plugin.h> define that have the shape
 * BKERR_<X>_<Y>; a constant never takes one of them. */
static const char *const reserved[] = {
    "BKERR_ABI_MAJOR", "BKERR_ABI_MINOR", "BKERR_API_VERSION",
    "BKERR_CATALOG_DEFINE", "BKERR_CATALOG_DISABLED", "BKERR_CATALOG_LOADED",
    "BKERR_CATALOG_REJECTED", "BKERR_CATALOG_SKIPPED", "BKERR_CATALOG_LAZY", "BKERR_CATALOG_SYMBOL",
    "BKERR_CAT_COMMON", "BKERR_CAT_NONE", "BKERR_CAT_PLATFORM",
    "BKERR_CAT_PUBLIC", "BKERR_CAT_SAAS", "BKERR_CAT_SPECIAL",
    "BKERR_CAT_THIRD_PARTY", "BKERR_CLASS_NONSTANDARD", "BKERR_CLASS_SPECIAL",
    "BKERR_CLASS_STANDARD", "BKERR_COUNT_OF", "BKERR_ERRMSG_SIZE",
    "BKERR_LANG_DEFAULT", "BKERR_LANG_EN", "BKERR_LANG_ZH_CN",
    "BKERR_NOT_IN_CATALOG", "BKERR_NO_CATALOG", "BKERR_OPEN_NO_LOAD",
    "BKERR_PLUGIN_EXPORT", "BKERR_PLUGIN_H", "BKERR_TEXT_MAX",
};

static bool is_reserved(const char *name)
{
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcmp(reserved[i], name) == 0)
            return true;
    return false;
}

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

struct defs {
    struct def *d;
    size_t n, cap;
};

static bool push(struct defs *ds, const char *id, const char *sym,
                 size_t symlen, size_t cat, const struct bkerr_result *r)
{
    if (ds->n == ds->cap) {
        size_t cap = ds->cap ? ds->cap * 2 : 256;
        struct def *grown = realloc(ds->d, cap * sizeof *grown);
        if (!grown)
            return false;
        ds->d = grown, ds->cap = cap;
    }
    char tag[24];
    code_tag(tag, sizeof tag, r->code);
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
    ds->d[ds->n] = (struct def){name,       cat,        r->code,
                                ds->n,      r->message, r->code_status,
                                r->defined};
    ds->n++;
    return true;
}

/* One or more names for an entry: one per usable symbol, else its code. */
static bool push_entry(struct defs *ds, const char *id, size_t cat,
                       const struct bkerr_result *r)
{
    size_t before = ds->n;
    for (const char *p = r->symbol; p && *p;) {
        size_t len = strcspn(p, "/");
        if (usable(p, len) && !push(ds, id, p, len, cat, r))
            return false;
        p += len;
        if (*p == '/')
            p++;
    }
    return ds->n > before || push(ds, id, NULL, 0, cat, r);
}

/* By name, then code (so that repeats of a pair are adjacent), then
 * output order (so that the first of a name comes first). */
static int by_name(const void *a, const void *b)
{
    const struct def *x = a, *y = b;
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
    const struct def *x = a, *y = b;
    return x->order < y->order ? -1 : x->order > y->order;
}

static bool same_code(const struct def *x, const struct def *y)
{
    return x->cat == y->cat && x->code == y->code;
}

/* Drops repeated (name, code) pairs, as from "Foo/FOO"; ds is by name. */
static void drop_repeats(struct defs *ds)
{
    size_t kept = 0;
    for (size_t i = 0; i < ds->n; i++) {
        if (kept && strcmp(ds->d[kept - 1].name, ds->d[i].name) == 0 &&
            same_code(&ds->d[kept - 1], &ds->d[i])) {
            free(ds->d[i].name);
            continue;
        }
        ds->d[kept++] = ds->d[i];
    }
    ds->n = kept;
}

/* Sorted by name: marks in *clash every name that two codes share. */
static void mark_clashes(const struct defs *ds, bool *clash)
{
    for (size_t i = 0; i < ds->n; i++) {
        bool prev = i > 0 && strcmp(ds->d[i - 1].name, ds->d[i].name) == 0;
        bool next = i + 1 < ds->n && strcmp(ds->d[i + 1].name, ds->d[i].name) == 0;
        clash[i] = prev || next || is_reserved(ds->d[i].name);
    }
}

/* Makes every name unique: a name two codes share (or a reserved one)
 * gets "_<code>" on each; a name still shared then gets "_2", "_3"... on
 * all but its first.  Returns false on out of memory. */
static bool settle_names(struct defs *ds)
{
    if (ds->n == 0) /* and ds->d may be NULL, which qsort must not get */
        return true;
    qsort(ds->d, ds->n, sizeof *ds->d, by_name);
    drop_repeats(ds);
    bool *clash = calloc(ds->n ? ds->n : 1, sizeof *clash);
    if (!clash)
        return false;
    mark_clashes(ds, clash);
    for (size_t i = 0; i < ds->n; i++) {
        if (!clash[i])
            continue;
        char tag[24];
        code_tag(tag, sizeof tag, ds->d[i].code);
        strcat(strcat(ds->d[i].name, "_"), tag);
    }
    free(clash);
    for (bool changed = true; changed;) {
        changed = false;
        qsort(ds->d, ds->n, sizeof *ds->d, by_name);
        for (size_t i = 1, first = 0, run = 1; i < ds->n; i++) {
            if (strcmp(ds->d[first].name, ds->d[i].name) != 0) {
                first = i, run = 1;
                continue;
            }
            char *longer = realloc(ds->d[i].name, strlen(ds->d[i].name) + 24);
            if (!longer)
                return false;
            ds->d[i].name = longer;
            sprintf(longer + strlen(longer), "_%zu", ++run);
            changed = true;
        }
    }
    qsort(ds->d, ds->n, sizeof *ds->d, by_order);
    return true;
}

static void defs_free(struct defs *ds)
{
    for (size_t i = 0; i < ds->n; i++)
        free(ds->d[i].name);
    free(ds->d);
}

/* The constants of the exported catalogs, with unique names. */
static bool build_defs(const struct export *x, struct defs *ds)
{
    for (size_t i = 0; i < x->n; i++) {
        struct bkerr_catalog_status st = status_of(x, i);
        struct cli_entry e;
        for (bool more = cli_entry(x->c, x->idx[i], 0, &e); more;
             more = cli_entry_next(x->c, x->idx[i], &e))
            if (!push_entry(ds, st.id, i, cli_entry_in(&e, x->c->lang)))
                return false;
    }
    return settle_names(ds);
}

/* ---- constants: output -------------------------------------------------- */

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

/* The header comment of catalog i, in "# " or "/ * " style. */
static void catalog_comment(const struct export *x, size_t i, bool python)
{
    struct bkerr_catalog_status st = status_of(x, i);
    fputs(python ? "\n# " : "\n/* ", x->f);
    comment_text(x->f, st.id);
    fputc(' ', x->f);
    comment_text(x->f, pick(x->c, st.name_zh, st.name_en));
    fprintf(x->f, ": prefix %d, catalog version ", st.prefix);
    comment_text(x->f, st.version ? st.version : "-");
    fputs(python ? "\n" : " */\n", x->f);
}

/* The include guard: lower case, so that no constant can take it. */
static void guard(const struct export *x, char *buf, size_t len)
{
    size_t n = (size_t)snprintf(buf, len, "bkerr_codes_");
    for (const char *p = x->product ? x->product : ""; *p && n + 4 < len; p++)
        buf[n++] = ascii_alnum((unsigned char)*p) ? *p : '_';
    snprintf(buf + n, len - n, "%sh", x->product ? "_" : "");
}

static void write_defs(const struct export *x, const struct defs *ds,
                       bool python)
{
    size_t shown = (size_t)-1;
    for (size_t i = 0; i < ds->n; i++) {
        const struct def *d = &ds->d[i];
        if (d->cat != shown)
            catalog_comment(x, shown = d->cat, python);
        if (python)
            fprintf(x->f, "%s = %lld", d->name, (long long)d->code);
        else
            fprintf(x->f, d->code < 0 ? "#define %s (%lld)" : "#define %s %lld",
                    d->name, (long long)d->code);
        if (d->comment || d->status || d->defined) {
            fputs(python ? "  # " : " /* ", x->f);
            comment_text(x->f, d->comment);
            if (d->status || d->defined) {
                fputs(" [", x->f);
                comment_text(x->f, d->status ? bkerr_code_status_name(d->status)
                                             : "");
                fputs(d->status && d->defined ? "; " : "", x->f);
                comment_text(x->f, d->defined);
                fputc(']', x->f);
            }
            fputs(python ? "" : " */", x->f);
        }
        fputc('\n', x->f);
    }
}

static int export_defines(const struct export *x, bool python)
{
    struct defs ds = {0};
    if (!build_defs(x, &ds)) {
        defs_free(&ds);
        cli_error("out of memory");
        return EXIT_OPEN;
    }
    const char *what = x->product ? x->product : "every loaded catalog";
    if (python) {
        fprintf(x->f,
                "\"\"\"BlueKing error codes of %s, from bkerr %s.\n\n"
                "Generated by `bkerr export --format python-defines`; do not "
                "edit.\nNames are BKERR_<PRODUCT>_<SYMBOL>; see bkerr(1), "
                "CONSTANT NAMES.\n\"\"\"\n", what, BKERR_VERSION);
    } else {
        char g[96];
        guard(x, g, sizeof g);
        fprintf(x->f,
                "/* BlueKing error codes of %s, from bkerr %s.\n"
                " * Generated by `bkerr export --format c-defines`; do not "
                "edit.\n * Names are BKERR_<PRODUCT>_<SYMBOL>; see bkerr(1), "
                "CONSTANT NAMES. */\n#ifndef %s\n#define %s\n", what,
                BKERR_VERSION, g, g);
    }
    write_defs(x, &ds, python);
    if (python)
        fputs("\n__all__ = [name for name in dir() if name.startswith("
              "\"BKERR_\")]\n", x->f);
    else
        fputs("\n#endif\n", x->f);
    defs_free(&ds);
    return EXIT_OK;
}

static int export_c(const struct export *x) { return export_defines(x, false); }
static int export_python(const struct export *x) { return export_defines(x, true); }

/* ---- the subcommand --------------------------------------------------- */

static const struct {
    const char *name;
    int (*run)(const struct export *x);
} formats[] = {
    {"markdown", export_markdown}, {"json", export_json}, {"csv", export_csv},
    {"c-defines", export_c},       {"python-defines", export_python},
};

static int cmd_export(struct cli *c, int argc, char **argv)
{
    const char *format = c->format;
    int rc;
    if (c->json && format && strcmp(format, "json") != 0) {
        cli_error("--json and --format %s disagree; give one of them", format);
        return EXIT_USAGE;
    }
    format = format ? format : c->json ? "json" : "markdown";
    int (*run)(const struct export *) = NULL;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, format) == 0)
            run = formats[i].run;
    if (!run) {
        cli_error("--format '%s': write markdown, json, csv, c-defines or "
                  "python-defines", format);
        return EXIT_USAGE;
    }
    const char *product;
    size_t *idx, n;
    if ((rc = cli_open_catalogs(c, "export", argc, argv, &product, &idx, &n)) !=
        EXIT_OK)
        return rc;
    struct export x = {c, idx, n, product, stdout};
    rc = run(&x);
    free(idx);
    return rc;
}

static const struct cli_option export_options[] = {
    {"format", 0, "FORMAT", "markdown (the default), json, csv, c-defines or\n"
     "python-defines", offsetof(struct cli, format), NULL},
    CLI_OPT_JSON("the same as --format json"),
    CLI_OPT_PRODUCT("the same as PRODUCT"),
    CLI_OPT_CONFIG, CLI_OPT_LANG, CLI_OPT_NO_PAGER, CLI_OPT_HELP, CLI_OPT_END,
};

const struct cli_command cli_export = {
    "export", cmd_export, "markdown, json, csv, C or Python constants",
    "bkerr export [--format FORMAT] [OPTIONS] [PRODUCT]",
    "Writes the registry to standard output.  FORMAT is one of:\n"
    "  markdown        the spec's tables (categories, allocation table,\n"
    "                  generic error IDs) and one page per loaded catalog:\n"
    "                  code, symbol, meaning, advice (the default)\n"
    "  json            the same data, stable; see docs/json.md (= --json)\n"
    "  csv             one row per catalog entry, RFC 4180, with a header\n"
    "  c-defines       a C header: #define BKERR_CMDB_CCERRCOMMJSONUNMARSHALFAILED\n"
    "                  1199000 (names: see bkerr(1), CONSTANT NAMES)\n"
    "  python-defines  a Python module with the same constants\n"
    "With PRODUCT (a loaded catalog's id), only that catalog is exported.\n"
    "Texts are in the chosen language (--lang) where a format has one.  To a\n"
    "terminal, the output goes through $PAGER.\n",
    "Exit status: 0 written, 1 PRODUCT's catalog is not loaded, 2 bad usage\n"
    "or no platform has that id, 3 the registry could not be opened or the\n"
    "output could not be written.\n",
    export_options, true,
};
