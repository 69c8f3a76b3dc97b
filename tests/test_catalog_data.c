/* Every row of every TSV in ../shared/catalog-data is reachable through
 * the bundled catalogs: its code, looked up in its product's scope, gives
 * that product's entry, with the upstream Chinese message and symbol. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "../tools/catc/catalog.h"

static const struct {
    const char *file, *id;
} products[] = {
    {"cmdb", "cmdb"},          {"gse", "gse"},
    {"gsekit", "gsekit"},      {"iam", "bk_iam"},
    {"itsm", "itsm"},          {"job", "job"},
    {"log_search", "bk_log_search"}, {"monitor", "bk_monitor"},
    {"nodeman", "bk_nodeman"}, {"paas", "paas"},
    {"paas3", "bk_paas3"},     {"sops", "bk_sops"},
    {"usermgr", "usermgr"},
};

struct row {
    int64_t code;
    char *symbol, *message_zh;
    int line;
};

static bkerr_registry *reg;

static int open_bundled(void **state)
{
    (void)state;
    char err[BKERR_ERRMSG_SIZE];
    int rc = bkerr_open(th_bundled_config(), &reg, err, sizeof err);
    if (rc)
        print_error("%s\n", err);
    return rc;
}

static int close_bundled(void **state)
{
    (void)state;
    bkerr_close(reg);
    return 0;
}

/* Splits a TSV line in place into at most n fields. */
static size_t split(char *line, char **fields, size_t n)
{
    size_t k = 0;
    fields[k++] = line;
    for (char *p = line; *p && k < n; p++)
        if (*p == '\t') {
            *p = '\0';
            fields[k++] = p + 1;
        }
    return k;
}

static size_t read_rows(const char *path, struct row **out)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[8192];
    size_t n = 0, cap = 0;
    struct row *rows = NULL;
    for (int lineno = 1; fgets(line, sizeof line, f); lineno++) {
        line[strcspn(line, "\n")] = '\0';
        char *fields[5];
        if (lineno == 1)
            continue; /* the header */
        if (split(line, fields, 5) < 3)
            fail_msg("%s:%d: fewer than 3 fields", path, lineno);
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            rows = realloc(rows, cap * sizeof *rows);
            assert_non_null(rows);
        }
        rows[n++] = (struct row){strtoll(fields[0], NULL, 10),
                                 strdup(fields[1]), strdup(fields[2]), lineno};
    }
    fclose(f);
    *out = rows;
    return n;
}

static bool duplicated(const struct row *rows, size_t n, int64_t code)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += rows[i].code == code;
    return k > 1;
}

static size_t check_product(const char *dir, const char *file, const char *id)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.tsv", dir, file);
    struct row *rows;
    size_t n = read_rows(path, &rows);
    for (size_t i = 0; i < n; i++) {
        const struct row *row = &rows[i];
        struct bkerr_result r;
        int rc = bkerr_lookup_product(reg, id, row->code, BKERR_LANG_ZH_CN, &r);
        if (rc != BKERR_FOUND || !r.catalog || strcmp(r.catalog, id) != 0)
            fail_msg("%s:%d: code %lld in %s: status %s, catalog %s", path,
                     row->line, (long long)row->code, id,
                     bkerr_status_name(r.status), r.catalog ? r.catalog : "-");
        bool dup = duplicated(rows, n, row->code);
        if (*row->symbol && (!r.symbol || !strstr(r.symbol, row->symbol)))
            fail_msg("%s:%d: code %lld: symbol \"%s\" is not in \"%s\"", path,
                     row->line, (long long)row->code, row->symbol,
                     r.symbol ? r.symbol : "(null)");
        if (!*row->message_zh)
            continue;
        const char *why;
        char *want = catc_placeholders(row->message_zh, &why);
        assert_non_null(want);
        if (r.message_lang != BKERR_LANG_ZH_CN ||
            (dup ? !strstr(r.message, want) : strcmp(r.message, want) != 0))
            fail_msg("%s:%d: code %lld: zh message \"%s\", upstream \"%s\"",
                     path, row->line, (long long)row->code, r.message, want);
        free(want);
    }
    for (size_t i = 0; i < n; i++) {
        free(rows[i].symbol);
        free(rows[i].message_zh);
    }
    free(rows);
    return n;
}

static void every_upstream_row_is_reachable(void **state)
{
    (void)state;
    const char *dir = getenv("BKERR_CATALOG_DATA");
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/SOURCES.md", dir ? dir : "");
    FILE *f = dir ? fopen(probe, "r") : NULL;
    if (!f) {
        print_message("skipped: no catalog data at %s\n", dir ? dir : "(unset)");
        skip();
    }
    fclose(f);
    size_t total = 0;
    for (size_t i = 0; i < sizeof products / sizeof products[0]; i++)
        total += check_product(dir, products[i].file, products[i].id);
    print_message("%zu upstream rows checked\n", total);
    assert_true(total > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_upstream_row_is_reachable),
    };
    return cmocka_run_group_tests(tests, open_bundled, close_bundled);
}
