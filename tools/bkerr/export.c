/* bkerr export --format FORMAT [PRODUCT]: the registry as a document or
 * as constants, on standard output.
 *   markdown        the spec's tables (categories, allocation, generic IDs)
 *                   and one page per product, like BKDocs' error-code pages
 *   json            the same data, stable (docs/json.md)
 *   csv             one row per catalog entry (RFC 4180)
 *   c-defines       #define BKERR_<PRODUCT>_<SYMBOL> <code>
 *   python-defines  the same names as a Python module
 * Every table comes from the library (bkerr_category, bkerr_special,
 * bkerr_generic, bkerr_platform, bkerr_catalog_entry), never from a copy
 * here. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "constants.h"

/* The catalogs being exported (by prefix) and the run's settings. */
struct export {
    const struct cli *c;
    const size_t *idx;
    size_t n;
    const char *product; /* PRODUCT, or NULL for everything */
    FILE *f;
};

static struct bkerr_catalog_status status_of(const struct export *x, size_t i)
{
    struct bkerr_catalog_status st;
    bkerr_catalog_status(x->c->reg, x->idx[i], &st);
    return st;
}

/* ---- tables every format shares ---------------------------------------- */

/* The i-th category of prefixes (the spec's, without the special codes'
 * "category"); false past the last. */
static bool prefix_category(size_t i, struct bkerr_category_info *cat)
{
    cat->size = sizeof *cat;
    for (size_t k = 0; bkerr_category(k, cat) == 0; k++)
        if (cat->category != BKERR_CAT_SPECIAL && i-- == 0)
            return true;
    return false;
}

/* The loaded catalog of platform id, if it is loaded. */
static bool loaded_catalog(const struct cli *c, const char *id,
                           struct bkerr_catalog_status *st)
{
    return cli_catalog_of(c, id, st) && st->state == BKERR_CATALOG_LOADED;
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
    struct bkerr_category_info cat;
    char range[32];
    for (size_t i = 0; prefix_category(i, &cat); i++) {
        snprintf(range, sizeof range, cat.first == cat.last ? "%d" : "%d-%d",
                 cat.first, cat.last);
        md_row(x->f, (const char *[]){cli_pick(c, cat.name_zh, cat.name_en),
                                      range}, 2);
    }
    struct bkerr_spec_code sc = {.size = sizeof sc};
    for (size_t i = 0; bkerr_special(i, &sc) == 0; i++) {
        snprintf(range, sizeof range, "%lld", (long long)sc.code);
        md_row(x->f, (const char *[]){range, cli_pick(c, sc.name_zh,
                                                      sc.name_en)}, 2);
    }
    fputc('\n', x->f);
}

static void md_allocation(const struct export *x, const struct words *w)
{
    const struct cli *c = x->c;
    fprintf(x->f, "## %s\n\n", w->alloc);
    md_head(x->f, (const char *[]){w->id, w->name, w->prefix, w->category,
                                   w->source, w->catalog}, 6);
    int first, last;
    cli_prefix_span(&first, &last);
    for (int prefix = first; prefix <= last; prefix++) {
        struct bkerr_platform p;
        struct bkerr_catalog_status st;
        char num[8], cat[96] = "";
        bool assigned = bkerr_platform(c->reg, prefix, &p) == 1;
        snprintf(num, sizeof num, "%d", prefix);
        if (loaded_catalog(c, p.id, &st))
            snprintf(cat, sizeof cat, "%s %s", st.id, st.version ? st.version
                                                                 : "");
        const char *name = assigned ? cli_pick(c, p.name_zh, p.name_en)
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
    struct bkerr_spec_code g = {.size = sizeof g};
    for (size_t i = 0; bkerr_generic(i, &g) == 0; i++) {
        char num[8];
        snprintf(num, sizeof num, "%05lld", (long long)g.code);
        md_row(x->f, (const char *[]){num, cli_pick(c, g.name_zh, g.name_en),
                                      cli_pick(c, g.advice_zh, g.advice_en)},
               3);
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
    const char *name = cli_pick(c, st.name_zh, st.name_en);
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

/* A row of the spec's own tables, keyed key: its texts in each language. */
static void json_spec_code(struct json *j, const char *key,
                           const struct bkerr_spec_code *sc)
{
    json_object(j);
    json_key(j, key), json_int(j, sc->code);
    json_key(j, "message_zh"), json_string(j, sc->name_zh);
    json_key(j, "message_en"), json_string(j, sc->name_en);
    json_key(j, "advice_zh"), json_string(j, sc->advice_zh);
    json_key(j, "advice_en"), json_string(j, sc->advice_en);
    json_end_object(j);
}

static void json_tables(struct json *j)
{
    json_key(j, "categories");
    json_array(j);
    struct bkerr_category_info cat;
    for (size_t i = 0; prefix_category(i, &cat); i++) {
        json_object(j);
        json_key(j, "category"), json_string(j, cat.name_en);
        json_key(j, "category_zh"), json_string(j, cat.name_zh);
        json_key(j, "first"), json_int(j, cat.first);
        json_key(j, "last"), json_int(j, cat.last);
        json_end_object(j);
    }
    json_end_array(j);
    struct bkerr_spec_code sc = {.size = sizeof sc};
    json_key(j, "specials");
    json_array(j);
    for (size_t i = 0; bkerr_special(i, &sc) == 0; i++)
        json_spec_code(j, "code", &sc);
    json_end_array(j);
    json_key(j, "generic");
    json_array(j);
    for (size_t i = 0; bkerr_generic(i, &sc) == 0; i++)
        json_spec_code(j, "id", &sc);
    json_end_array(j);
}

static void json_platforms(const struct export *x, struct json *j)
{
    json_key(j, "platforms");
    json_array(j);
    int first, last;
    cli_prefix_span(&first, &last);
    for (int prefix = first; prefix <= last; prefix++) {
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
        json_catalog(j, x->c, x->idx[i], &st, JSON_CATALOG_CONTENTS);
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
    json_tables(&j);
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

/* ---- constants ----------------------------------------------------------- */

/* The exported catalogs' constants, named by the one algorithm that
 * bkerr-catc --header also uses (tools/constants). */
static int export_defines(const struct export *x, bool python)
{
    struct constants_catalog *cats = calloc(x->n ? x->n : 1, sizeof *cats);
    struct constants k = {cats, x->n, NULL, 0, 0};
    bool ok = cats != NULL;
    for (size_t i = 0; ok && i < x->n; i++) {
        struct bkerr_catalog_status st = status_of(x, i);
        cats[i] = (struct constants_catalog){
            st.id, cli_pick(x->c, st.name_zh, st.name_en), st.version,
            st.prefix};
        struct cli_entry e;
        for (bool more = cli_entry(x->c, x->idx[i], 0, &e); ok && more;
             more = cli_entry_next(x->c, x->idx[i], &e)) {
            const struct bkerr_result *r = cli_entry_in(&e, x->c->lang);
            const struct constants_entry c = {
                r->code, r->symbol, r->message,
                r->code_status ? bkerr_code_status_name(r->code_status)
                               : NULL,
                r->defined};
            ok = constants_add(&k, i, &c);
        }
    }
    const struct constants_doc doc = {
        x->product ? x->product : "every loaded catalog",
        "bkerr " BKERR_VERSION,
        python ? "bkerr export --format python-defines"
               : "bkerr export --format c-defines",
        x->product, python};
    ok = ok && constants_write(&k, &doc, x->f);
    constants_free(&k);
    free(cats);
    if (!ok) {
        cli_error("out of memory");
        return EXIT_OPEN;
    }
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
