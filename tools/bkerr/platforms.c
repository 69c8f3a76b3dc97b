/* bkerr platforms: the allocation table, prefix 10-99 after bkerr.ini's
 * [platform.NN] sections, the two special codes, and for each prefix the
 * configured catalog of its id, its state and its file. */
#include "cli.h"

/* Row n of the table: the specials first, then the prefixes: prefix,
 * category, id, name, the state of the id's catalog and its file. */
static bool get_row(const struct cli *c, void *ctx, size_t n,
                    struct cli_row *row)
{
    (void)ctx;
    struct bkerr_spec_code sc = {.size = sizeof sc};
    const char **cells = row->cells;
    cells[2] = cells[4] = "-";
    if (bkerr_special(n, &sc) == 0) {
        snprintf(row->num, sizeof row->num, "%lld", (long long)sc.code);
        cells[0] = row->num;
        cells[1] = bkerr_category_name(BKERR_CAT_SPECIAL, c->lang);
        cells[3] = cli_pick(c, sc.name_zh, sc.name_en);
        return true;
    }
    int first, last, prefix = (int)n;
    cli_prefix_span(&first, &last);
    for (size_t k = 0; bkerr_special(k, &sc) == 0; k++)
        prefix--; /* n counts the specials' rows */
    struct bkerr_platform p;
    if ((prefix += first) > last || bkerr_platform(c->reg, prefix, &p) < 0)
        return false;
    snprintf(row->num, sizeof row->num, "%d", prefix);
    cells[0] = row->num;
    cells[1] = bkerr_category_name(p.category, c->lang);
    if (p.id) {
        cells[2] = p.id;
        cells[3] = cli_pick(c, p.name_zh, p.name_en);
    } else {
        row->line = STYLE_DIM;
        cells[3] = c->lang == BKERR_LANG_EN ? "(unassigned)" : "（未分配）";
    }
    cells[3] = cells[3] ? cells[3] : "-";
    struct bkerr_catalog_status st;
    if (cli_catalog_of(c, p.id, &st)) {
        cells[4] = bkerr_catalog_state_name(st.state);
        cells[5] = st.path;
        row->style[4] = st.state == BKERR_CATALOG_LOADED     ? STYLE_GREEN
                        : st.state == BKERR_CATALOG_REJECTED ? STYLE_RED
                                                             : STYLE_NONE;
    }
    return true;
}

static void print_text(const struct cli *c)
{
    static const char *const heads[] = {"PREFIX", "CATEGORY", "ID", "NAME",
                                        "CATALOG", "PATH"};
    cli_table(c, 6, heads, get_row, NULL);
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
