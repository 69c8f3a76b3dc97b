/* Every row of every TSV in ../shared/catalog-data is reachable through
 * the bundled catalogs: its code, looked up in its product's scope, gives
 * that product's entry, with the upstream Chinese message and symbol: a
 * code upstream defines more than once has one definition (a primary or a
 * variant) per row, each with its own symbol and exact message. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "../tools/catc/catalog.h"

/* The TSVs named otherwise than the catalog they feed; every other
 * <id>.tsv feeds catalog <id>.  (The bundled catalogs' list is
 * plugins/products.txt; this is only the data's naming.) */
static const struct {
    const char *file, *id;
} renamed[] = {
    {"apigw", "bkapigw"},       {"iam", "bk_iam"},
    {"log_search", "bk_log_search"}, {"monitor", "bk_monitor"},
    {"nodeman", "bk_nodeman"},  {"paas3", "bk_paas3"},
    {"sops", "bk_sops"},
};

static const char *catalog_of(const char *file)
{
    for (size_t i = 0; i < sizeof renamed / sizeof renamed[0]; i++)
        if (strcmp(renamed[i].file, file) == 0)
            return renamed[i].id;
    return file;
}

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

/* True if symbol is want, or one of the '/'-joined names the TSV gives
 * for a code with several constants. */
static bool symbol_is(const char *symbol, const char *want)
{
    size_t n = strlen(symbol);
    for (const char *p = want; p; p = strchr(p, '/')) {
        p += *p == '/';
        if (strncmp(p, symbol, n) == 0 && (p[n] == '\0' || p[n] == '/'))
            return true;
    }
    return false;
}

/* True if message, its escaped braces read back ("{{" is "{"), is raw:
 * upstream text with a stray brace, which a catalog must escape. */
static bool unescaped_is(const char *message, const char *raw)
{
    for (; *message; message++, raw++) {
        if ((*message == '{' || *message == '}') && message[1] == *message)
            message++;
        if (*message != *raw)
            return false;
    }
    return *raw == '\0';
}

/* The definition of row's code in catalog id that carries row's symbol
 * (any, when the row names none) and message; false if none does. */
static bool find_definition(const char *id, const struct row *row,
                            const char *want, struct bkerr_result *r)
{
    int rc = bkerr_lookup_product(reg, id, row->code, BKERR_LANG_ZH_CN, r);
    if (rc != BKERR_FOUND || !r->catalog || strcmp(r->catalog, id) != 0)
        return false;
    for (unsigned k = 0, n = r->n_variants; k < n; k++) {
        if (k && bkerr_lookup_variant(reg, id, row->code, k, BKERR_LANG_ZH_CN,
                                      r) < 0)
            return false;
        bool symbol = !*row->symbol ||
                      (r->symbol && symbol_is(r->symbol, row->symbol));
        bool message = !*row->message_zh ||
                       (r->message_lang == BKERR_LANG_ZH_CN &&
                        (want ? strcmp(r->message, want) == 0
                              : unescaped_is(r->message, row->message_zh)));
        if (symbol && message)
            return true;
    }
    return false;
}

static size_t check_product(const char *dir, const char *file, const char *id)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.tsv", dir, file);
    struct row *rows;
    size_t n = read_rows(path, &rows);
    for (size_t i = 0; i < n; i++) {
        const struct row *row = &rows[i];
        const char *why;
        /* NULL for a text with a stray brace: then compared unescaped */
        char *want = *row->message_zh ? catc_placeholders(row->message_zh, &why)
                                      : NULL;
        struct bkerr_result r;
        if (!find_definition(id, row, want, &r))
            fail_msg("%s:%d: code %lld in %s: no definition with symbol "
                     "\"%s\" and zh message \"%s\" (first: status %s, "
                     "symbol %s, message %s)", path, row->line,
                     (long long)row->code, id, row->symbol,
                     want ? want : row->message_zh, bkerr_status_name(r.status),
                     r.symbol ? r.symbol : "-", r.message ? r.message : "-");
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
    struct dirent **files;
    int n = scandir(dir, &files, NULL, alphasort);
    assert_true(n > 0);
    size_t total = 0, tsvs = 0;
    for (int i = 0; i < n; i++) {
        char *name = files[i]->d_name;
        size_t len = strlen(name);
        if (len > 4 && strcmp(name + len - 4, ".tsv") == 0) {
            name[len - 4] = '\0';
            total += check_product(dir, name, catalog_of(name));
            tsvs++;
        }
        free(files[i]);
    }
    free(files);
    print_message("%zu upstream rows of %zu TSVs checked\n", total, tsvs);
    assert_true(total > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_upstream_row_is_reachable),
    };
    return cmocka_run_group_tests(tests, open_bundled, close_bundled);
}
