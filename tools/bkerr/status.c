/* bkerr status: each [catalog.<id>] of bkerr.ini and what became of it
 * (loaded, disabled, rejected with its reason), its version, entry counts
 * and file.  The open keeps going past a required catalog's rejection
 * (BKERR_OPEN_KEEP_GOING), so the table still says which one and why. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Whether diagnostic d is the rejection of a catalog: one at the line of
 * a rejected catalog's section, about it. */
static bool is_rejection(const bkerr_registry *reg,
                         const struct bkerr_diagnostic *d)
{
    size_t i;
    struct bkerr_catalog_status st;
    return d->catalog && bkerr_catalog_find(reg, d->catalog, &i) == 0 &&
           bkerr_catalog_status(reg, i, &st) == 0 && st.line == d->line &&
           st.state == BKERR_CATALOG_REJECTED;
}

/* Opens c->reg, going on past what it can step over.  Returns EXIT_OK and
 * sets *error to why the registry could not have been opened (a required
 * catalog's rejection, written in err) or NULL; or says why on stderr and
 * returns EXIT_OPEN (bkerr.ini is unreadable or has an error). */
static int open_registry(struct cli *c, const char **error, char *err,
                         size_t len)
{
    const struct bkerr_open_options opt = {sizeof opt, BKERR_OPEN_KEEP_GOING,
                                           NULL};
    *error = NULL;
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
        *error = err;
        break;
    }
    return EXIT_OK;
}

/* The text of the table's cells of one row. */
struct row_text {
    char num[4][24];
    char reason[16384]; /* "  FILE:LINE: " and the reason */
};

/* n as a cell of a loaded catalog's row, else "-". */
static const char *number(char *buf, bool loaded, long long n)
{
    if (!loaded)
        return "-";
    snprintf(buf, 24, "%lld", n);
    return buf;
}

static bool status_row(const struct cli *c, void *ctx, size_t r,
                       struct cli_row *row)
{
    struct row_text *t = ctx;
    struct bkerr_catalog_status st;
    if (bkerr_catalog_status(c->reg, r, &st) != 0)
        return false;
    bool loaded = st.state == BKERR_CATALOG_LOADED;
    const char *cells[] = {
        st.id, bkerr_catalog_state_name(st.state),
        number(t->num[0], loaded, st.prefix),
        loaded && st.version ? st.version : "-",
        number(t->num[1], loaded, (long long)st.n_entries),
        number(t->num[2], loaded, (long long)st.n_legacy),
        number(t->num[3], loaded, (long long)st.n_ranges), st.path,
    };
    memcpy(row->cells, cells, sizeof cells);
    row->style[1] = loaded ? STYLE_GREEN
                    : st.state == BKERR_CATALOG_REJECTED ? STYLE_RED
                                                         : STYLE_YELLOW;
    if (st.reason) {
        snprintf(t->reason, sizeof t->reason, "  %s:%d: %s%s",
                 bkerr_config_path(c->reg), st.line,
                 st.required ? "required; " : "", st.reason);
        row->after = t->reason;
    }
    return true;
}

static void print_text(const struct cli *c)
{
    static const char *const heads[] = {"ID",      "STATE",   "PREFIX",
                                        "VERSION", "ENTRIES", "LEGACY",
                                        "RANGES",  "PATH"};
    struct row_text t;
    printf("%sconfig: %s%s\n", cli_style(c, STYLE_BOLD),
           bkerr_config_path(c->reg), cli_style(c, STYLE_NONE));
    cli_table(c, 8, heads, status_row, &t);
    if (bkerr_catalog_count(c->reg) == 0)
        printf("(no [catalog.<id>] section)\n");
}

static void print_json(const struct cli *c, const char *error)
{
    struct json j;
    json_begin(&j, stdout);
    json_object(&j);
    json_key(&j, "config"), json_string(&j, bkerr_config_path(c->reg));
    json_key(&j, "error"), json_string(&j, error);
    json_key(&j, "catalogs");
    json_array(&j);
    struct bkerr_catalog_status st;
    for (size_t i = 0; bkerr_catalog_status(c->reg, i, &st) == 0; i++)
        json_catalog(&j, c, i, &st, JSON_CATALOG_STATUS);
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

static int cmd_status(struct cli *c, int argc, char **argv)
{
    (void)argv; /* no operands */
    if (argc > 0) {
        cli_error("status takes no arguments; see bkerr status --help");
        return EXIT_USAGE;
    }
    char err[BKERR_ERRMSG_SIZE];
    const char *error;
    int rc = open_registry(c, &error, err, sizeof err);
    if (rc != EXIT_OK)
        return rc;
    if (c->json)
        print_json(c, error);
    else
        print_text(c);
    struct bkerr_catalog_status st;
    for (size_t i = 0; bkerr_catalog_status(c->reg, i, &st) == 0; i++)
        if (st.state == BKERR_CATALOG_REJECTED)
            rc = EXIT_UNRESOLVED;
    if (error) {
        fflush(stdout);
        cli_error("%s; the registry cannot be opened: fix or disable that "
                  "catalog (the table shows every catalog as the open left "
                  "it)", error);
        rc = EXIT_OPEN;
    }
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
    "opening, the open goes on past it to fill the table.  On a terminal\n"
    "the table fits its width.\n",
    "Exit status: 0 every enabled catalog loaded, 1 some catalog was\n"
    "rejected, 2 bad usage, 3 bkerr.ini is invalid or a required catalog\n"
    "was rejected (the registry could not be opened), or the output could\n"
    "not be written.\n",
    status_options, false,
};
