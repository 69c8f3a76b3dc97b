/* bkerr status: each [catalog.<id>] of bkerr.ini and what became of it
 * (loaded, disabled, rejected with its reason), its version, entry counts
 * and file.  The open keeps going past a required catalog's rejection
 * (BKERR_OPEN_KEEP_GOING), so the table still says which one and why. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The rows of the table; their strings live in c->reg. */
struct table {
    struct bkerr_catalog_status *rows;
    size_t n;
    const char *error;    /* why the registry could not be opened, or NULL */
};

static void table_free(struct table *t)
{
    free(t->rows);
}

/* True if diagnostic d is the rejection of a catalog: one at the line of
 * a rejected catalog's section, about it. */
static bool is_rejection(const bkerr_registry *reg,
                         const struct bkerr_diagnostic *d)
{
    struct bkerr_catalog_status st;
    for (size_t i = 0; d->catalog && bkerr_catalog_status(reg, i, &st) == 0;
         i++)
        if (st.line == d->line && strcmp(st.id, d->catalog) == 0)
            return st.state == BKERR_CATALOG_REJECTED;
    return false;
}

/* Opens c->reg, going on past what it can step over, and fills the table.
 * Returns EXIT_OK, or EXIT_OPEN after saying why (bkerr.ini is unreadable
 * or has an error). */
static int open_table(struct cli *c, struct table *t, char *err, size_t len)
{
    const struct bkerr_open_options opt = {sizeof opt, BKERR_OPEN_KEEP_GOING,
                                           NULL};
    if (bkerr_open_with(c->config, &opt, &c->reg, err, len) != 0) {
        cli_error("%s", err);
        return EXIT_OPEN;
    }
    /* err holds the first error: bkerr.ini's own fails the command as the
     * open would have; a catalog's is shown with the table */
    struct bkerr_diagnostic d = {.size = sizeof d};
    for (size_t i = 0; bkerr_diagnostic(c->reg, i, &d) == 0; i++) {
        if (d.severity != BKERR_SEVERITY_ERROR)
            continue;
        if (!is_rejection(c->reg, &d)) {
            cli_error("%s", err);
            return EXIT_OPEN;
        }
        t->error = err;
        break;
    }
    t->n = bkerr_catalog_count(c->reg);
    t->rows = calloc(t->n ? t->n : 1, sizeof *t->rows);
    if (!t->rows) {
        cli_error("out of memory");
        return EXIT_OPEN;
    }
    for (size_t i = 0; i < t->n; i++)
        bkerr_catalog_status(c->reg, i, &t->rows[i]);
    return EXIT_OK;
}

static void count(char *buf, size_t len, const struct bkerr_catalog_status *st,
                  size_t n)
{
    if (st->state == BKERR_CATALOG_LOADED)
        snprintf(buf, len, "%zu", n);
    else
        snprintf(buf, len, "-");
}

enum { COLS = 8 };

/* The cells of row st; nums holds the text of the numbers. */
static void cells_of(const struct bkerr_catalog_status *st, char nums[4][24],
                     const char *cells[COLS])
{
    bool loaded = st->state == BKERR_CATALOG_LOADED;
    if (loaded)
        snprintf(nums[0], 24, "%d", st->prefix);
    else
        snprintf(nums[0], 24, "-");
    count(nums[1], 24, st, st->n_entries);
    count(nums[2], 24, st, st->n_legacy);
    count(nums[3], 24, st, st->n_ranges);
    cells[0] = st->id;
    cells[1] = bkerr_catalog_state_name(st->state);
    cells[2] = nums[0];
    cells[3] = loaded && st->version ? st->version : "-";
    cells[4] = nums[1], cells[5] = nums[2], cells[6] = nums[3];
    cells[7] = st->path ? st->path : "";
}

static enum cli_style style_of(enum bkerr_catalog_state s)
{
    return s == BKERR_CATALOG_LOADED     ? STYLE_GREEN
           : s == BKERR_CATALOG_REJECTED ? STYLE_RED
                                         : STYLE_YELLOW;
}

static void print_text(const struct cli *c, const struct table *t)
{
    static const char *const heads[COLS] = {"ID",      "STATE",  "PREFIX",
                                            "VERSION", "ENTRIES", "LEGACY",
                                            "RANGES",  "PATH"};
    int w[COLS], min[COLS];
    char nums[4][24];
    const char *cells[COLS];
    for (int k = 0; k < COLS; k++)
        w[k] = min[k] = cli_width(heads[k]);
    for (size_t i = 0; i < t->n; i++) {
        cells_of(&t->rows[i], nums, cells);
        for (int k = 0; k < COLS; k++) {
            int v = cli_width(cells[k]);
            w[k] = v > w[k] ? v : w[k];
        }
    }
    term_fit(c->width, COLS, w, min);
    const char *config = bkerr_config_path(c->reg);
    printf("%sconfig: %s%s\n", cli_style(c, STYLE_BOLD), config,
           cli_style(c, STYLE_NONE));
    fputs(cli_style(c, STYLE_DIM), stdout);
    for (int k = 0; k < COLS; k++)
        cli_cell(stdout, heads[k], k < COLS - 1 ? w[k] + 2 : 0);
    printf("%s\n", cli_style(c, STYLE_NONE));
    for (size_t i = 0; i < t->n; i++) {
        const struct bkerr_catalog_status *st = &t->rows[i];
        cells_of(st, nums, cells);
        for (int k = 0; k < COLS; k++) {
            int pad = k < COLS - 1 ? w[k] + 2 : 0;
            if (k == 1)
                cli_styled_cell(c, style_of(st->state), cells[k], w[k], pad);
            else
                term_cell(stdout, cells[k], w[k], pad);
        }
        putchar('\n');
        if (st->reason) {
            printf("  %s:%d: %s", config, st->line, st->required ? "required; "
                                                                  : "");
            cli_cell(stdout, st->reason, 0);
            putchar('\n');
        }
    }
    if (t->n == 0)
        printf("(no [catalog.<id>] section)\n");
}

static void print_json(const struct cli *c, const struct table *t)
{
    struct json j;
    json_begin(&j, stdout);
    json_object(&j);
    json_key(&j, "config"), json_string(&j, bkerr_config_path(c->reg));
    json_key(&j, "error"), json_string(&j, t->error);
    json_key(&j, "catalogs");
    json_array(&j);
    for (size_t i = 0; i < t->n; i++) {
        const struct bkerr_catalog_status *st = &t->rows[i];
        json_object(&j);
        json_key(&j, "id"), json_string(&j, st->id);
        json_key(&j, "state"), json_string(&j, bkerr_catalog_state_name(st->state));
        json_key(&j, "required"), json_bool(&j, st->required);
        json_key(&j, "reason"), json_string(&j, st->reason);
        json_key(&j, "path"), json_string(&j, st->path);
        json_key(&j, "line"), json_int(&j, st->line);
        json_key(&j, "prefix");
        st->state == BKERR_CATALOG_LOADED ? json_int(&j, st->prefix)
                                          : json_string(&j, NULL);
        json_key(&j, "name_zh"), json_string(&j, st->name_zh);
        json_key(&j, "name_en"), json_string(&j, st->name_en);
        json_key(&j, "version"), json_string(&j, st->version);
        json_key(&j, "origin"), json_string(&j, st->origin);
        json_key(&j, "entries"), json_int(&j, (int64_t)st->n_entries);
        json_key(&j, "legacy"), json_int(&j, (int64_t)st->n_legacy);
        json_key(&j, "ranges"), json_int(&j, (int64_t)st->n_ranges);
        json_key(&j, "variants"), json_int(&j, (int64_t)st->n_variants);
        json_key(&j, "upstream"), json_string(&j, st->upstream);
        json_key(&j, "upstream_version"), json_string(&j, st->upstream_version);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

static int cmd_status(struct cli *c, int argc, char **argv)
{
    int rc;
    (void)argv; /* no operands */
    if (argc > 0) {
        cli_error("status takes no arguments; see bkerr status --help");
        return EXIT_USAGE;
    }
    char err[BKERR_ERRMSG_SIZE];
    struct table t = {0};
    if ((rc = open_table(c, &t, err, sizeof err)) != EXIT_OK) {
        table_free(&t);
        return rc;
    }
    if (c->json)
        print_json(c, &t);
    else
        print_text(c, &t);
    rc = EXIT_OK;
    for (size_t i = 0; i < t.n; i++)
        if (t.rows[i].state == BKERR_CATALOG_REJECTED)
            rc = EXIT_UNRESOLVED;
    if (t.error) {
        fflush(stdout);
        cli_error("%s; the registry cannot be opened: fix or disable that "
                  "catalog (the table shows every catalog as the open left "
                  "it)", t.error);
        rc = EXIT_OPEN;
    }
    table_free(&t);
    return rc;
}

static const struct cli_option status_options[] = {
    CLI_OPT_JSON("print {\"config\", \"error\", \"catalogs\"} (see\n"
                 "docs/json.md)"),
    CLI_OPT_CONFIG, CLI_OPT_COLOR, CLI_OPT_HELP, CLI_OPT_END,
};

const struct cli_command cli_status = {
    "status", cmd_status, "each configured catalog and what became of it",
    "bkerr status [OPTIONS]",
    "Prints each catalog bkerr.ini configures, in file order: its state\n"
    "(loaded, disabled, rejected), prefix, version, number of entries,\n"
    "legacy codes and ranges, and its file; for a rejected catalog, the\n"
    "reason and what to do.  If a required catalog keeps the registry from\n"
    "opening, each catalog is loaded on its own to fill the table.  On a\n"
    "terminal the table fits its width.\n",
    "Exit status: 0 every enabled catalog loaded, 1 some catalog was\n"
    "rejected, 2 bad usage, 3 bkerr.ini is invalid or a required catalog\n"
    "was rejected (the registry could not be opened), or the output could\n"
    "not be written.\n",
    status_options, false,
};
