/* bkerr_diagnostic(): what an open met, with and without
 * BKERR_OPEN_KEEP_GOING.  Every case writes a real bkerr.ini naming the
 * test plugins and goes through bkerr_open_with(). */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ------------------------------------------------------------ */

struct opened {
    char *dir, *path;
    bkerr_registry *reg;
    int rc;
    char err[BKERR_ERRMSG_SIZE];
};

/* Writes "[registry] plugin_dir = <plugins>" + rest and opens it. */
static void open_with(struct opened *o, const char *rest, uint32_t flags)
{
    char *ini = th_ini(rest);
    o->dir = th_tmpdir();
    o->path = th_write(o->dir, "bkerr.ini", ini);
    free(ini);
    const struct bkerr_open_options opt = {sizeof opt, flags, NULL};
    o->reg = NULL;
    o->rc = bkerr_open_with(o->path, &opt, &o->reg, o->err, sizeof o->err);
}

static void done(struct opened *o)
{
    bkerr_close(o->reg);
    free(o->path);
    th_rmtree(o->dir);
}

static struct bkerr_diagnostic diag(const bkerr_registry *reg, size_t i)
{
    struct bkerr_diagnostic d = {.size = sizeof d};
    assert_int_equal(bkerr_diagnostic(reg, i, &d), 0);
    assert_int_equal(d.size, sizeof d);
    return d;
}

/* Diagnostic i is severity at line about catalog (NULL: none), in the
 * registry's bkerr.ini, its message holding needle. */
static void expect_diag_at(const char *file, int src_line,
                           const struct opened *o, size_t i,
                           enum bkerr_severity sev, int line,
                           const char *catalog, const char *needle)
{
    struct bkerr_diagnostic d = diag(o->reg, i);
    if (d.severity != sev || d.line != line ||
        strcmp(d.file, o->path) != 0 ||
        (catalog ? !d.catalog || strcmp(d.catalog, catalog) != 0
                 : d.catalog != NULL)) {
        print_error("diagnostic %zu: %s at %s:%d about %s: %s\n"
                    "    want %s at line %d about %s\n", i,
                    bkerr_severity_name(d.severity), d.file, d.line,
                    d.catalog ? d.catalog : "(none)", d.message,
                    bkerr_severity_name(sev), line,
                    catalog ? catalog : "(none)");
        _fail(file, src_line);
    }
    th_assert_contains_at(d.message, needle, file, src_line);
}
#define expect_diag(o, i, sev, line, catalog, needle) \
    expect_diag_at(__FILE__, __LINE__, (o), (i), (sev), (line), (catalog), \
                   (needle))

/* "file:line: message" of diagnostic i: what errbuf says of it. */
static void as_errbuf(const struct opened *o, size_t i, char *buf, size_t len)
{
    struct bkerr_diagnostic d = diag(o->reg, i);
    snprintf(buf, len, "%s:%d: %s", d.file, d.line, d.message);
}

static enum bkerr_catalog_state state_of(const bkerr_registry *reg,
                                         const char *id)
{
    struct bkerr_catalog_status st;
    for (size_t i = 0; bkerr_catalog_status(reg, i, &st) == 0; i++)
        if (strcmp(st.id, id) == 0)
            return st.state;
    fail_msg("no catalog %s", id);
    return BKERR_CATALOG_LOADED;
}

/* Lines 1-2 are th_ini()'s [registry] and plugin_dir. */
static const char many_problems[] =
    "colour = red\n"                    /* 3: unknown key */
    "[catalog.cmdb]\n"                  /* 4 */
    "path = handmade.so\n"              /* 5 */
    "required = true\n"                 /* 6 */
    "[catalog.toolongtoolongtoolongtoolongtoolongtoolongtoolong]\n" /* 7 */
    "path = nothere.so\n"               /* 8: must not reach cmdb */
    "[catalog.bk_sops]\n"               /* 9: required, no plugin */
    "required = true\n"                 /* 10 */
    "[catalog.bk_iam]\n"                /* 11: rejected, not required */
    "path = bad_id.so\n"                /* 12 */
    "enabled = maybe\n"                 /* 13: not a boolean */
    "[catalog.cmdb]\n"                  /* 14: duplicate section */
    "path = unsorted.so\n"              /* 15: ignored with it */
    "[platform.33]\n"                   /* 16: a prefix without catalog */
    "id = monitor\n";                   /* 17 */

/* ---- tests -------------------------------------------------------------- */

static void keep_going_records_every_problem(void **state)
{
    (void)state;
    struct opened o;
    open_with(&o, many_problems, BKERR_OPEN_KEEP_GOING);
    assert_int_equal(o.rc, 0);
    assert_non_null(o.reg);
    assert_int_equal(bkerr_diagnostic_count(o.reg), 7);
    /* bkerr.ini's own errors first, in line order */
    expect_diag(&o, 0, BKERR_SEVERITY_ERROR, 3, NULL,
                "unknown key 'colour' in [registry]; the keys are");
    expect_diag(&o, 1, BKERR_SEVERITY_ERROR, 7, NULL,
                "the section name is 57 bytes; inih keeps at most 49");
    expect_diag(&o, 2, BKERR_SEVERITY_ERROR, 13, "bk_iam",
                "enabled = 'maybe' is not a boolean; write true or false");
    expect_diag(&o, 3, BKERR_SEVERITY_ERROR, 14, "cmdb",
                "duplicate section [catalog.cmdb] (first on line 4); "
                "merge the two");
    /* then each catalog, in file order, at its section's line */
    expect_diag(&o, 4, BKERR_SEVERITY_ERROR, 9, "bk_sops",
                "catalog 'bk_sops' is required and was rejected: ");
    expect_diag(&o, 4, BKERR_SEVERITY_ERROR, 9, "bk_sops",
                "/bk_sops.so: cannot open: No such file or directory; check "
                "the catalog's path");
    expect_diag(&o, 5, BKERR_SEVERITY_WARNING, 11, "bk_iam",
                "catalog 'bk_iam' was rejected: ");
    expect_diag(&o, 5, BKERR_SEVERITY_WARNING, 11, "bk_iam",
                "but the section is [catalog.bk_iam]; fix the section or "
                "the path");
    /* and the doubtful settings */
    expect_diag(&o, 6, BKERR_SEVERITY_WARNING, 16, "monitor",
                "[platform.33] allocates prefix 33 to 'monitor', but there "
                "is no [catalog.monitor] section");
    /* what the open stepped over took nothing else with it */
    assert_int_equal(bkerr_catalog_count(o.reg), 3);
    assert_int_equal(state_of(o.reg, "cmdb"), BKERR_CATALOG_LOADED);
    assert_int_equal(state_of(o.reg, "bk_sops"), BKERR_CATALOG_REJECTED);
    assert_int_equal(state_of(o.reg, "bk_iam"), BKERR_CATALOG_REJECTED);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(o.reg, 1100001, BKERR_LANG_EN, &r),
                     BKERR_FOUND);
    /* errbuf names the first error all the same */
    char first[BKERR_ERRMSG_SIZE];
    as_errbuf(&o, 0, first, sizeof first);
    assert_string_equal(o.err, first);
    done(&o);
}

static void without_the_flag_the_first_error_fails_the_open(void **state)
{
    (void)state;
    struct opened keep, stop;
    open_with(&keep, many_problems, BKERR_OPEN_KEEP_GOING);
    open_with(&stop, many_problems, 0);
    assert_int_equal(stop.rc, BKERR_ECONFIG);
    assert_null(stop.reg);
    /* the same text the first diagnostic gives, of the same file */
    char first[BKERR_ERRMSG_SIZE], want[BKERR_ERRMSG_SIZE];
    struct bkerr_diagnostic d = diag(keep.reg, 0);
    snprintf(first, sizeof first, "%s:%d: %s", stop.path, d.line, d.message);
    snprintf(want, sizeof want, "%s:3: unknown key 'colour' in [registry]; "
             "the keys are plugin_dir, lang, fatal, load", stop.path);
    assert_string_equal(stop.err, want);
    assert_string_equal(stop.err, first);
    done(&keep);
    done(&stop);
}

static const char required_rejected[] =
    "[catalog.cmdb]\n"          /* 3 */
    "path = handmade.so\n"
    "[catalog.bk_sops]\n"       /* 5 */
    "required = true\n"
    "[catalog.bk_iam]\n"        /* 7 */
    "path = dup_codes.so\n";

static void required_rejection_kept_going_has_the_same_text(void **state)
{
    (void)state;
    struct opened keep, stop;
    open_with(&stop, required_rejected, 0);
    assert_int_equal(stop.rc, BKERR_ECATALOG);
    assert_null(stop.reg);
    char want[BKERR_ERRMSG_SIZE];
    snprintf(want, sizeof want, "%s:5: catalog 'bk_sops' is required and was "
             "rejected: %s/bk_sops.so: cannot open: No such file or "
             "directory; check the catalog's path and [registry] plugin_dir",
             stop.path, th_plugins());
    assert_string_equal(stop.err, want);

    open_with(&keep, required_rejected, BKERR_OPEN_KEEP_GOING);
    assert_int_equal(keep.rc, 0);
    assert_int_equal(bkerr_diagnostic_count(keep.reg), 2);
    char first[BKERR_ERRMSG_SIZE];
    as_errbuf(&keep, 0, first, sizeof first);
    /* the files differ (two scratch directories): compare past them */
    assert_string_equal(first + strlen(keep.path),
                        stop.err + strlen(stop.path));
    assert_string_equal(keep.err, first);
    expect_diag(&keep, 1, BKERR_SEVERITY_WARNING, 7, "bk_iam",
                "catalog 'bk_iam' was rejected: ");
    expect_diag(&keep, 1, BKERR_SEVERITY_WARNING, 7, "bk_iam",
                "dup_codes.so: descriptor id is 'cmdb' but the section is "
                "[catalog.bk_iam]");
    /* a catalog after the required one was still loaded and checked */
    assert_int_equal(state_of(keep.reg, "bk_iam"), BKERR_CATALOG_REJECTED);
    assert_int_equal(state_of(keep.reg, "cmdb"), BKERR_CATALOG_LOADED);
    done(&keep);
    done(&stop);
}

static void warnings_without_the_flag(void **state)
{
    (void)state;
    struct opened o;
    open_with(&o, "[catalog.cmdb]\npath = unsorted.so\n", 0);
    assert_int_equal(o.rc, 0);
    assert_string_equal(o.err, ""); /* as before: no error */
    assert_int_equal(bkerr_diagnostic_count(o.reg), 1);
    expect_diag(&o, 0, BKERR_SEVERITY_WARNING, 3, "cmdb",
                "catalog 'cmdb' was rejected: ");
    expect_diag(&o, 0, BKERR_SEVERITY_WARNING, 3, "cmdb",
                "entries must be sorted by code");
    done(&o);

    open_with(&o, "[catalog.cmdb]\npath = handmade.so\n", 0);
    assert_int_equal(o.rc, 0);
    assert_int_equal(bkerr_diagnostic_count(o.reg), 0);
    struct bkerr_diagnostic d = {.size = sizeof d};
    assert_int_equal(bkerr_diagnostic(o.reg, 0, &d), BKERR_ENOTFOUND);
    done(&o);

    open_with(&o, "", 0); /* [registry] alone */
    assert_int_equal(o.rc, 0);
    assert_int_equal(bkerr_diagnostic_count(o.reg), 1);
    expect_diag(&o, 0, BKERR_SEVERITY_WARNING, 0, NULL,
                "no [catalog.<id>] section");
    done(&o);
}

static void fatal_makes_any_rejection_an_error(void **state)
{
    (void)state;
    static const char ini[] = "fatal = true\n"
                              "[catalog.cmdb]\n" /* 4 */
                              "path = unsorted.so\n";
    struct opened o;
    open_with(&o, ini, 0);
    assert_int_equal(o.rc, BKERR_ECATALOG);
    th_assert_contains(o.err, ":4: catalog 'cmdb' is enabled with fatal = "
                              "true and was rejected: ");
    done(&o);
    open_with(&o, ini, BKERR_OPEN_KEEP_GOING);
    assert_int_equal(o.rc, 0);
    assert_int_equal(bkerr_diagnostic_count(o.reg), 1);
    expect_diag(&o, 0, BKERR_SEVERITY_ERROR, 4, "cmdb",
                "catalog 'cmdb' is enabled with fatal = true and was "
                "rejected: ");
    done(&o);
}

static void keep_going_steps_over_a_bad_platform(void **state)
{
    (void)state;
    struct opened o;
    open_with(&o,
              "[platform.33]\n"     /* 3 */
              "id = cmdb\n"         /* 4: the spec's id of 11 */
              "name_en = Monitor\n"
              "[platform.11]\n"     /* 6: the spec's prefix */
              "id = other\n"
              "[platform.34]\n"     /* 8: no id */
              "name_en = x\n"
              "[nonsense]\n"        /* 10 */
              "id = y\n"
              "[catalog.cmdb]\n"    /* 12 */
              "path = handmade.so\n",
              BKERR_OPEN_KEEP_GOING);
    assert_int_equal(o.rc, 0);
    assert_int_equal(bkerr_diagnostic_count(o.reg), 4);
    expect_diag(&o, 0, BKERR_SEVERITY_ERROR, 4, NULL,
                "id 'cmdb' is already the spec's id of prefix 11");
    expect_diag(&o, 1, BKERR_SEVERITY_ERROR, 6, NULL,
                "[platform.11]: the spec already allocates prefix 11");
    expect_diag(&o, 2, BKERR_SEVERITY_ERROR, 8, NULL,
                "[platform.34] has no id; add id = <product id>");
    expect_diag(&o, 3, BKERR_SEVERITY_ERROR, 10, NULL,
                "unknown section [nonsense]");
    /* no allocation without an id was made */
    struct bkerr_platform p;
    assert_int_equal(bkerr_platform(o.reg, 33, &p), 0);
    assert_int_equal(bkerr_platform(o.reg, 34, &p), 0);
    assert_int_equal(bkerr_platform(o.reg, 11, &p), 1);
    assert_string_equal(p.id, "cmdb");
    assert_int_equal(state_of(o.reg, "cmdb"), BKERR_CATALOG_LOADED);
    done(&o);
}

static void keep_going_cannot_read_what_is_not_there(void **state)
{
    (void)state;
    const struct bkerr_open_options opt = {sizeof opt, BKERR_OPEN_KEEP_GOING,
                                           NULL};
    bkerr_registry *reg = (bkerr_registry *)&reg;
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(bkerr_open_with("/nonexistent/bkerr.ini", &opt, &reg, err,
                                     sizeof err),
                     BKERR_ECONFIG);
    assert_null(reg);
    th_assert_contains(err, "/nonexistent/bkerr.ini: cannot open: ");
    /* an empty file can be read: its problem is a diagnostic */
    char *dir = th_tmpdir(), *path = th_write(dir, "bkerr.ini", "; nothing\n");
    assert_int_equal(bkerr_open_with(path, &opt, &reg, err, sizeof err), 0);
    assert_int_equal(bkerr_diagnostic_count(reg), 2);
    struct bkerr_diagnostic d = diag(reg, 0);
    assert_int_equal(d.severity, BKERR_SEVERITY_ERROR);
    assert_int_equal(d.line, 0);
    th_assert_contains(d.message, "no sections: the file is empty");
    char want[BKERR_ERRMSG_SIZE];
    snprintf(want, sizeof want, "%s: %s", path, d.message);
    assert_string_equal(err, want);
    d = diag(reg, 1);
    assert_int_equal(d.severity, BKERR_SEVERITY_WARNING);
    th_assert_contains(d.message, "no [catalog.<id>] section");
    bkerr_close(reg);
    free(path);
    th_rmtree(dir);
}

static void bad_plugin_dir_kept_going_rejects_each_catalog(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char *path = th_write(dir, "bkerr.ini", "[registry]\n"
                                            "plugin_dir = missing\n"
                                            "[catalog.cmdb]\n");
    const struct bkerr_open_options opt = {sizeof opt, BKERR_OPEN_KEEP_GOING,
                                           NULL};
    bkerr_registry *reg;
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(bkerr_open(path, &reg, err, sizeof err), BKERR_ECONFIG);
    th_assert_contains(err, ":2: plugin_dir 'missing' (");
    assert_int_equal(bkerr_open_with(path, &opt, &reg, err, sizeof err), 0);
    assert_int_equal(bkerr_diagnostic_count(reg), 2);
    struct bkerr_diagnostic d = diag(reg, 0);
    assert_int_equal(d.line, 2);
    th_assert_contains(d.message, "plugin_dir 'missing' (");
    d = diag(reg, 1);
    assert_int_equal(d.severity, BKERR_SEVERITY_WARNING);
    assert_int_equal(d.line, 3);
    th_assert_contains(d.message, "/missing/cmdb.so: cannot open: ");
    bkerr_close(reg);
    free(path);
    th_rmtree(dir);
}

/* A struct of a later version, one member longer. */
struct later_diagnostic {
    struct bkerr_diagnostic v5;
    int extra;
};

static void sized_struct_and_null_arguments(void **state)
{
    (void)state;
    struct opened o;
    open_with(&o, "[catalog.cmdb]\npath = unsorted.so\n", 0);
    assert_int_equal(bkerr_diagnostic_count(NULL), 0);
    struct bkerr_diagnostic d = {.size = sizeof d};
    assert_int_equal(bkerr_diagnostic(NULL, 0, &d), BKERR_EINVAL);
    assert_int_equal(bkerr_diagnostic(o.reg, 0, NULL), BKERR_EINVAL);
    assert_int_equal(bkerr_diagnostic(o.reg, 1, &d), BKERR_ENOTFOUND);
    /* too small for version 5: refused, untouched */
    memset(&d, 0x5a, sizeof d);
    d.size = offsetof(struct bkerr_diagnostic, message);
    assert_int_equal(bkerr_diagnostic(o.reg, 0, &d), BKERR_EINVAL);
    assert_int_equal(d.line, 0x5a5a5a5a);
    /* larger: version 5's members filled, the rest and size left */
    struct later_diagnostic later;
    memset(&later, 0x5a, sizeof later);
    later.v5.size = sizeof later;
    assert_int_equal(bkerr_diagnostic(o.reg, 0, &later.v5), 0);
    assert_int_equal(later.v5.size, sizeof later);
    assert_int_equal(later.v5.line, 3);
    assert_string_equal(later.v5.catalog, "cmdb");
    assert_int_equal(later.extra, 0x5a5a5a5a);
    /* and through the table */
    const struct bkerr_api *api = bkerr_api(5);
    assert_non_null(api);
    assert_int_equal(api->diagnostic_count(o.reg), 1);
    d = (struct bkerr_diagnostic){.size = sizeof d};
    assert_int_equal(api->diagnostic(o.reg, 0, &d), 0);
    assert_string_equal(d.catalog, "cmdb");
    done(&o);
}

static void only_never_fails_on_its_catalog(void **state)
{
    (void)state;
    char *ini = th_ini("[catalog.cmdb]\npath = unsorted.so\nrequired = true\n");
    char *dir = th_tmpdir(), *path = th_write(dir, "bkerr.ini", ini);
    free(ini);
    const struct bkerr_open_options opt = {sizeof opt, 0, "cmdb"};
    bkerr_registry *reg;
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(bkerr_open_with(path, &opt, &reg, err, sizeof err), 0);
    assert_string_equal(err, "");
    assert_int_equal(bkerr_diagnostic_count(reg), 1);
    struct bkerr_diagnostic d = diag(reg, 0);
    assert_int_equal(d.severity, BKERR_SEVERITY_ERROR);
    th_assert_contains(d.message, "catalog 'cmdb' is required and was "
                                  "rejected: ");
    bkerr_close(reg);
    free(path);
    th_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keep_going_records_every_problem),
        cmocka_unit_test(without_the_flag_the_first_error_fails_the_open),
        cmocka_unit_test(required_rejection_kept_going_has_the_same_text),
        cmocka_unit_test(warnings_without_the_flag),
        cmocka_unit_test(fatal_makes_any_rejection_an_error),
        cmocka_unit_test(keep_going_steps_over_a_bad_platform),
        cmocka_unit_test(keep_going_cannot_read_what_is_not_there),
        cmocka_unit_test(bad_plugin_dir_kept_going_rejects_each_catalog),
        cmocka_unit_test(sized_struct_and_null_arguments),
        cmocka_unit_test(only_never_fails_on_its_catalog),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
