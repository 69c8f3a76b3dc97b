/* bkerr platforms: the allocation table, prefix 10-99 after bkerr.ini's
 * [platform.NN] sections, the two special codes, and for each prefix the
 * configured catalog of its id, its state and its file. */
#include <string.h>

#include "cli.h"

/* One row of the table, as printed. */
struct row {
    char prefix[24];
    const char *category, *id, *name, *catalog, *path;
    bool unassigned;
};

/* Row n of the table: the specials first, then the prefixes. */
static bool get_row(const struct cli *c, int n, struct row *r)
{
    struct bkerr_spec_code sc = {.size = sizeof sc};
    *r = (struct row){.id = "-", .catalog = "-", .path = ""};
    if (bkerr_special((size_t)n, &sc) == 0) {
        snprintf(r->prefix, sizeof r->prefix, "%lld", (long long)sc.code);
        r->category = bkerr_category_name(BKERR_CAT_SPECIAL, c->lang);
        r->name = cli_pick(c, sc.name_zh, sc.name_en);
        return true;
    }
    int first, last, prefix = n;
    cli_prefix_span(&first, &last);
    for (size_t k = 0; bkerr_special(k, &sc) == 0; k++)
        prefix--; /* n counts the specials' rows */
    struct bkerr_platform p;
    if ((prefix += first) > last || bkerr_platform(c->reg, prefix, &p) < 0)
        return false;
    snprintf(r->prefix, sizeof r->prefix, "%d", prefix);
    r->category = bkerr_category_name(p.category, c->lang);
    r->unassigned = !p.id;
    r->id = p.id ? p.id : "-";
    r->name = p.id ? cli_pick(c, p.name_zh, p.name_en)
                   : c->lang == BKERR_LANG_EN ? "(unassigned)" : "（未分配）";
    struct bkerr_catalog_status st;
    if (cli_catalog_of(c, p.id, &st)) {
        r->catalog = bkerr_catalog_state_name(st.state);
        r->path = st.path;
    }
    if (!r->name)
        r->name = "-";
    return true;
}

enum { COLS = 6 };

static void print_text(const struct cli *c)
{
    static const char *const heads[COLS] = {"PREFIX", "CATEGORY", "ID", "NAME",
                                            "CATALOG", "PATH"};
    int w[COLS], min[COLS];
    for (int k = 0; k < COLS; k++)
        w[k] = min[k] = cli_width(heads[k]);
    struct row r;
    for (int n = 0; get_row(c, n, &r); n++) {
        const char *cells[COLS] = {r.prefix, r.category, r.id, r.name,
                                   r.catalog, r.path};
        for (int k = 0; k < COLS; k++) {
            int v = cli_width(cells[k]);
            w[k] = v > w[k] ? v : w[k];
        }
    }
    term_fit(c->width, COLS, w, min);
    fputs(cli_style(c, STYLE_DIM), stdout);
    for (int k = 0; k < COLS; k++)
        cli_cell(stdout, heads[k], k < COLS - 1 ? w[k] + 2 : 0);
    printf("%s\n", cli_style(c, STYLE_NONE));
    for (int n = 0; get_row(c, n, &r); n++) {
        const char *cells[COLS] = {r.prefix, r.category, r.id, r.name,
                                   r.catalog, r.path};
        bool unassigned = r.unassigned;
        bool loaded = strcmp(r.catalog, "loaded") == 0;
        bool bad = strcmp(r.catalog, "rejected") == 0;
        if (unassigned)
            fputs(cli_style(c, STYLE_DIM), stdout);
        for (int k = 0; k < COLS; k++) {
            /* no blanks at the end of a line */
            int pad = k == COLS - 1 || (k == COLS - 2 && !*r.path) ? 0
                                                                   : w[k] + 2;
            if (k == 4 && (loaded || bad))
                cli_styled_cell(c, loaded ? STYLE_GREEN : STYLE_RED, cells[k],
                                w[k], pad);
            else
                term_cell(stdout, cells[k], w[k], pad);
        }
        printf("%s\n", unassigned ? cli_style(c, STYLE_NONE) : "");
    }
}

static void json_platform(const struct cli *c, struct json *j, int prefix)
{
    struct bkerr_platform p;
    int assigned = bkerr_platform(c->reg, prefix, &p);
    json_object(j);
    json_platform_fields(j, prefix, &p, assigned == 1);
    json_key(j, "catalog");
    struct bkerr_catalog_status st;
    if (cli_catalog_of(c, p.id, &st))
        json_catalog(j, c, 0, &st, JSON_CATALOG_STATUS);
    else
        json_string(j, NULL);
    json_end_object(j);
}

static void print_json(const struct cli *c)
{
    struct json j;
    json_begin(&j, stdout);
    json_object(&j);
    json_key(&j, "specials");
    json_array(&j);
    struct bkerr_spec_code sc = {.size = sizeof sc};
    for (size_t i = 0; bkerr_special(i, &sc) == 0; i++) {
        json_object(&j);
        json_key(&j, "code"), json_int(&j, sc.code);
        json_key(&j, "category");
        json_string(&j, bkerr_category_name(BKERR_CAT_SPECIAL, BKERR_LANG_EN));
        json_key(&j, "category_zh");
        json_string(&j,
                    bkerr_category_name(BKERR_CAT_SPECIAL, BKERR_LANG_ZH_CN));
        json_key(&j, "message_zh"), json_string(&j, sc.name_zh);
        json_key(&j, "message_en"), json_string(&j, sc.name_en);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_key(&j, "platforms");
    json_array(&j);
    int first, last;
    cli_prefix_span(&first, &last);
    for (int prefix = first; prefix <= last; prefix++)
        json_platform(c, &j, prefix);
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

static int cmd_platforms(struct cli *c, int argc, char **argv)
{
    int rc;
    (void)argv; /* no operands */
    if (argc > 0) {
        cli_error("platforms takes no arguments; see bkerr platforms --help");
        return EXIT_USAGE;
    }
    if ((rc = cli_open(c)) != EXIT_OK)
        return rc;
    if (c->json)
        print_json(c);
    else
        print_text(c);
    return EXIT_OK;
}

static const struct cli_option platforms_options[] = {
    CLI_OPT_JSON("print {\"specials\", \"platforms\"} (see docs/json.md)"),
    CLI_OPT_CONFIG, CLI_OPT_LANG, CLI_OPT_COLOR, CLI_OPT_NO_PAGER,
    CLI_OPT_HELP, CLI_OPT_END,
};

const struct cli_command cli_platforms = {
    "platforms", cmd_platforms, "the allocation table and its catalogs",
    "bkerr platforms [OPTIONS]",
    "Prints the allocation table: the special codes -1 and 0, then every\n"
    "prefix 10-99 with its category, id and name (the spec's, or bkerr.ini's\n"
    "[platform.NN]), and the catalog configured for the id: loaded,\n"
    "disabled, rejected or none, and its file.  On a terminal the table fits\n"
    "its width and goes through $PAGER.\n",
    "Exit status: 0 printed, 2 bad usage, 3 the registry could not be\n"
    "opened or the output could not be written.\n",
    platforms_options, true,
};
