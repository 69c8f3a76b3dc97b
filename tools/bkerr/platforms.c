/* bkerr platforms: the allocation table, prefix 10-99 after bkerr.ini's
 * [platform.NN] sections, the two special codes, and for each prefix the
 * configured catalog of its id, its state and its file. */
#include <string.h>

#include "cli.h"

static const int64_t specials[] = {-1, 0};

/* One row of the table, as printed. */
struct row {
    char prefix[24];
    const char *category, *id, *name, *catalog, *path;
};

/* The configured catalog of platform id, if any. */
static bool catalog_of(const struct cli *c, const char *id,
                       struct bkerr_catalog_status *st)
{
    for (size_t i = 0; id && bkerr_catalog_status(c->reg, i, st) == 0; i++)
        if (strcmp(st->id, id) == 0)
            return true;
    return false;
}

static const char *name_in(const struct cli *c, const char *zh, const char *en)
{
    const char *want = c->lang == BKERR_LANG_EN ? en : zh;
    return want ? want : c->lang == BKERR_LANG_EN ? zh : en;
}

/* Row n of the table: the specials first, then prefixes 10-99. */
static bool get_row(const struct cli *c, int n, struct row *r)
{
    int nspecial = (int)(sizeof specials / sizeof specials[0]);
    if (n < nspecial) {
        struct bkerr_result res;
        bkerr_lookup(c->reg, specials[n], c->lang, &res);
        snprintf(r->prefix, sizeof r->prefix, "%lld", (long long)res.code);
        r->category = bkerr_category_name(BKERR_CAT_SPECIAL, c->lang);
        r->id = "-", r->name = res.message, r->catalog = "-", r->path = "";
        return true;
    }
    int prefix = 10 + n - nspecial;
    struct bkerr_platform p;
    if (prefix > 99 || bkerr_platform(c->reg, prefix, &p) < 0)
        return false;
    snprintf(r->prefix, sizeof r->prefix, "%d", prefix);
    r->category = bkerr_category_name(p.category, c->lang);
    r->id = p.id ? p.id : "-";
    r->name = p.id ? name_in(c, p.name_zh, p.name_en)
                   : c->lang == BKERR_LANG_EN ? "(unassigned)" : "（未分配）";
    struct bkerr_catalog_status st;
    if (catalog_of(c, p.id, &st)) {
        r->catalog = bkerr_catalog_state_name(st.state);
        r->path = st.path;
    } else {
        r->catalog = "-", r->path = "";
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
        bool unassigned = strcmp(r.id, "-") == 0 && n >= 2;
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

static void json_special(const struct cli *c, struct json *j, int64_t code)
{
    struct bkerr_result zh, en;
    bkerr_lookup(c->reg, code, BKERR_LANG_ZH_CN, &zh);
    bkerr_lookup(c->reg, code, BKERR_LANG_EN, &en);
    json_object(j);
    json_key(j, "code"), json_int(j, code);
    json_key(j, "category"),
        json_string(j, bkerr_category_name(BKERR_CAT_SPECIAL, BKERR_LANG_EN));
    json_key(j, "category_zh"), json_string(
        j, bkerr_category_name(BKERR_CAT_SPECIAL, BKERR_LANG_ZH_CN));
    json_key(j, "message_zh"), json_string(j, zh.message);
    json_key(j, "message_en"), json_string(j, en.message);
    json_end_object(j);
}

static void json_catalog(struct json *j, const struct bkerr_catalog_status *st)
{
    json_object(j);
    json_key(j, "state"), json_string(j, bkerr_catalog_state_name(st->state));
    json_key(j, "path"), json_string(j, st->path);
    json_key(j, "version"), json_string(j, st->version);
    json_key(j, "entries"), json_int(j, (int64_t)st->n_entries);
    json_key(j, "legacy"), json_int(j, (int64_t)st->n_legacy);
    json_key(j, "reason"), json_string(j, st->reason);
    json_end_object(j);
}

void json_platform_fields(struct json *j, int prefix,
                          const struct bkerr_platform *p, bool assigned)
{
    json_key(j, "prefix"), json_int(j, prefix);
    json_key(j, "category"),
        json_string(j, bkerr_category_name(p->category, BKERR_LANG_EN));
    json_key(j, "category_zh"),
        json_string(j, bkerr_category_name(p->category, BKERR_LANG_ZH_CN));
    json_key(j, "assigned"), json_bool(j, assigned);
    json_key(j, "id"), json_string(j, p->id);
    json_key(j, "name_zh"), json_string(j, p->name_zh);
    json_key(j, "name_en"), json_string(j, p->name_en);
    json_key(j, "admin"), json_bool(j, p->admin);
}

static void json_platform(const struct cli *c, struct json *j, int prefix)
{
    struct bkerr_platform p;
    int assigned = bkerr_platform(c->reg, prefix, &p);
    json_object(j);
    json_platform_fields(j, prefix, &p, assigned == 1);
    json_key(j, "catalog");
    struct bkerr_catalog_status st;
    if (catalog_of(c, p.id, &st))
        json_catalog(j, &st);
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
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++)
        json_special(c, &j, specials[i]);
    json_end_array(&j);
    json_key(&j, "platforms");
    json_array(&j);
    for (int prefix = 10; prefix <= 99; prefix++)
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
