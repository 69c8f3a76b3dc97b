/* bkerr list [PRODUCT]: the entries of one loaded catalog, or of all, as
 * aligned tables (one per catalog) or JSON.  Also the helpers that list,
 * search and export share: catalogs by prefix, one entry in both
 * languages. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The prefix of the i-th catalog's loaded descriptor. */
static int prefix_of(const struct cli *c, size_t i)
{
    struct bkerr_catalog_status st;
    return bkerr_catalog_status(c->reg, i, &st) == 0 ? st.prefix : 0;
}

/* Insertion sort by prefix: a handful of catalogs, stable. */
static void sort_by_prefix(const struct cli *c, size_t *idx, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        size_t v = idx[i], k = i;
        int p = prefix_of(c, v);
        for (; k > 0 && prefix_of(c, idx[k - 1]) > p; k--)
            idx[k] = idx[k - 1];
        idx[k] = v;
    }
}

/* Says why product's catalog is not there; returns the exit status. */
static int not_loaded(const struct cli *c, const char *product)
{
    struct bkerr_catalog_status st;
    struct bkerr_product p = {.size = sizeof p};
    if (cli_catalog_of(c, product, &st)) {
        if (st.state == BKERR_CATALOG_DISABLED)
            cli_error("catalog '%s' is disabled in %s; set enabled = true in "
                      "its [catalog.%s] section", product,
                      bkerr_config_path(c->reg), product);
        else
            cli_error("catalog '%s' is not loaded: %s; see bkerr status",
                      product, st.reason ? st.reason : "skipped");
        return EXIT_UNRESOLVED;
    }
    if (bkerr_product(c->reg, product, &p) == BKERR_ENOPRODUCT) {
        cli_error("'%s': no platform or catalog has this id; see bkerr "
                  "platforms and bkerr status", product);
        return EXIT_USAGE;
    }
    cli_error("'%s' has no catalog in %s; add a [catalog.%s] section to "
              "load one", product, bkerr_config_path(c->reg), product);
    return EXIT_UNRESOLVED;
}

int cli_open_catalogs(struct cli *c, const char *sub, int argc, char **argv,
                      const char **product, size_t **idx, size_t *n)
{
    *product = c->product;
    if (argc > 1 || (argc == 1 && *product && strcmp(*product, argv[0]) != 0)) {
        cli_error("%s takes one PRODUCT; see bkerr %s --help", sub, sub);
        return EXIT_USAGE;
    }
    if (argc == 1)
        *product = argv[0];
    int rc = cli_open(c);
    return rc != EXIT_OK ? rc : cli_catalogs(c, *product, idx, n);
}

static bool loaded(const struct cli *c, size_t i)
{
    struct bkerr_catalog_status st;
    return bkerr_catalog_status(c->reg, i, &st) == 0 &&
           st.state == BKERR_CATALOG_LOADED;
}

int cli_catalogs(const struct cli *c, const char *product, size_t **idx,
                 size_t *n)
{
    size_t count = bkerr_catalog_count(c->reg), one;
    *n = 0;
    *idx = malloc((count ? count : 1) * sizeof **idx);
    if (!*idx) {
        cli_error("out of memory");
        return EXIT_OPEN;
    }
    if (!product) {
        for (size_t i = 0; i < count; i++)
            if (loaded(c, i))
                (*idx)[(*n)++] = i;
        sort_by_prefix(c, *idx, *n);
    } else if (bkerr_catalog_find(c->reg, product, &one) == 0 &&
               loaded(c, one)) {
        (*idx)[(*n)++] = one;
    } else {
        free(*idx);
        *idx = NULL;
        return not_loaded(c, product);
    }
    return EXIT_OK;
}

bool cli_entry_at(const struct cli *c, size_t cat, size_t index,
                  unsigned variant, struct cli_entry *e)
{
    struct bkerr_catalog_status st;
    if (bkerr_catalog_status(c->reg, cat, &st) != 0 ||
        bkerr_catalog_entry(c->reg, cat, index, BKERR_LANG_ZH_CN, &e->zh) ||
        bkerr_catalog_entry(c->reg, cat, index, BKERR_LANG_EN, &e->en))
        return false;
    e->legacy = index >= st.n_entries;
    e->index = index;
    e->variant = variant;
    if (variant == 0)
        return true;
    /* a legacy code needs its product; a code of the prefix is the
     * catalog's either way */
    const char *product = e->legacy ? st.id : NULL;
    int64_t code = e->zh.code;
    return bkerr_lookup_variant(c->reg, product, code, variant,
                                BKERR_LANG_ZH_CN, &e->zh) >= 0 &&
           bkerr_lookup_variant(c->reg, product, code, variant, BKERR_LANG_EN,
                                &e->en) >= 0;
}

bool cli_entry(const struct cli *c, size_t cat, size_t index,
               struct cli_entry *e)
{
    return cli_entry_at(c, cat, index, 0, e);
}

bool cli_entry_next(const struct cli *c, size_t cat, struct cli_entry *e)
{
    if (e->variant + 1 < e->zh.n_variants)
        return cli_entry_at(c, cat, e->index, e->variant + 1, e);
    return cli_entry_at(c, cat, e->index + 1, 0, e);
}

const struct bkerr_result *cli_entry_in(const struct cli_entry *e,
                                        enum bkerr_lang lang)
{
    return lang == BKERR_LANG_EN ? &e->en : &e->zh;
}

/* The message (or advice) of r if it is really in r's language, not the
 * other language's text standing in for it. */
static const char *own(const char *text, enum bkerr_lang got,
                       enum bkerr_lang want)
{
    return text && got == want ? text : NULL;
}

const char *cli_entry_message(const struct cli_entry *e, enum bkerr_lang lang)
{
    const struct bkerr_result *r = cli_entry_in(e, lang);
    return own(r->message, r->message_lang, lang);
}

const char *cli_entry_advice(const struct cli_entry *e, enum bkerr_lang lang)
{
    const struct bkerr_result *r = cli_entry_in(e, lang);
    return own(r->advice, r->advice_lang, lang);
}

const char *cli_entry_note(const struct cli_entry *e, enum bkerr_lang lang)
{
    const struct bkerr_result *r = cli_entry_in(e, lang);
    return own(r->note, r->note_lang, lang);
}

/* ---- the list subcommand ---- */

/* The catalog a table lists, and where its rows have got to. */
struct listing {
    size_t cat;
    struct bkerr_catalog_status st;
    struct cli_entry e;
    char legacy[BKERR_TEXT_MAX + 64];
};

/* Row r: the catalog's r-th definition: code, symbol, status, message. */
static bool entry_row(const struct cli *c, void *ctx, size_t r,
                      struct cli_row *row)
{
    struct listing *l = ctx;
    if (r == 0 ? !cli_entry(c, l->cat, 0, &l->e)
               : !cli_entry_next(c, l->cat, &l->e))
        return false;
    const struct bkerr_result *e = cli_entry_in(&l->e, c->lang);
    snprintf(row->num, sizeof row->num, "%lld", (long long)e->code);
    row->cells[0] = row->num;
    row->cells[1] = e->symbol ? e->symbol : "-";
    row->style[1] = STYLE_CYAN;
    row->cells[2] = e->code_status ? bkerr_code_status_name(e->code_status)
                                   : "-";
    row->cells[3] = e->message ? e->message : "-";
    if (l->e.index == l->st.n_entries && l->e.variant == 0)
        row->before = l->legacy;
    return true;
}

static void list_text(const struct cli *c, size_t cat, bool first)
{
    static const char *const heads[] = {"CODE", "SYMBOL", "STATUS", "MESSAGE"};
    struct listing l = {.cat = cat};
    bkerr_catalog_status(c->reg, cat, &l.st);
    snprintf(l.legacy, sizeof l.legacy,
             "legacy codes (look up with --product %s):", l.st.id);
    const char *name = cli_pick(c, l.st.name_zh, l.st.name_en);
    if (!first)
        putchar('\n');
    /* the heading fits the terminal too */
    char title[2 * BKERR_TEXT_MAX + 8], about[160];
    snprintf(title, sizeof title, "%s %s", l.st.id, name ? name : "");
    snprintf(about, sizeof about,
             "  (prefix %d, version %s, %zu entries, %zu legacy)", l.st.prefix,
             l.st.version ? l.st.version : "-", l.st.n_entries,
             l.st.n_legacy);
    int room = c->width ? c->width : INT_MAX;
    int used = cli_styled_cell(c, STYLE_BOLD, title, room, 0);
    term_cell(stdout, about, room - used, 0);
    putchar('\n');
    cli_table(c, 4, heads, entry_row, &l);
}

static int cmd_list(struct cli *c, int argc, char **argv)
{
    const char *product;
    size_t *idx, n;
    int rc;
    if ((rc = cli_open_catalogs(c, "list", argc, argv, &product, &idx, &n)) !=
        EXIT_OK)
        return rc;
    struct json j;
    if (c->json) {
        json_begin(&j, stdout);
        json_object(&j);
        json_key(&j, "catalogs");
        json_array(&j);
    }
    for (size_t i = 0; i < n; i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(c->reg, idx[i], &st);
        if (c->json)
            json_catalog(&j, c, idx[i], &st, JSON_CATALOG_CONTENTS);
        else
            list_text(c, idx[i], i == 0);
    }
    if (c->json) {
        json_end_array(&j);
        json_end_object(&j);
        json_finish(&j);
    } else if (n == 0) {
        fprintf(stderr, "bkerr: no catalog is loaded; see bkerr status\n");
    }
    free(idx);
    return EXIT_OK;
}

static const struct cli_option list_options[] = {
    CLI_OPT_PRODUCT("the same as PRODUCT"),
    CLI_OPT_JSON("print {\"catalogs\": [...]} (see docs/json.md)"),
    CLI_OPT_CONFIG, CLI_OPT_LANG, CLI_OPT_COLOR, CLI_OPT_NO_PAGER,
    CLI_OPT_HELP, CLI_OPT_END,
};

const struct cli_command cli_list = {
    "list", cmd_list, "the entries of one catalog or all",
    "bkerr list [OPTIONS] [PRODUCT]",
    "Prints the entries of the loaded catalog PRODUCT (a catalog id, e.g.\n"
    "cmdb), or of every loaded catalog, by prefix: code, symbol and message\n"
    "in the chosen language.  Legacy codes (found with --product) follow\n"
    "each catalog's own codes.  On a terminal the table fits its width and\n"
    "goes through $PAGER.\n",
    "Exit status: 0 listed, 1 PRODUCT's catalog is not loaded, 2 bad usage\n"
    "or no platform has that id, 3 the registry could not be opened or the\n"
    "output could not be written.\n",
    list_options, true,
};
