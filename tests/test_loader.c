/* The catalog loader: every rule a plugin can break is rejected with its
 * own reason, nothing of a rejected catalog is visible, the file and path
 * checks hold, and required/fatal turn a rejection into a failed open. */
#include "helpers.h"
#include <bkerr/plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------- */

/* Opens a registry from full ini text; asserts the open succeeds. */
static bkerr_registry *open_text(const char *ini)
{
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NULL;
    int rc = th_open_ini(ini, &reg, err, sizeof err);
    if (rc != 0)
        print_error("bkerr_open: %d: %s\n", rc, err);
    assert_int_equal(rc, 0);
    assert_non_null(reg);
    return reg;
}

/* th_ini(rest) opened; asserts one catalog and copies its status. */
static bkerr_registry *open_rest(const char *rest,
                                 struct bkerr_catalog_status *st)
{
    char *ini = th_ini(rest);
    bkerr_registry *reg = open_text(ini);
    free(ini);
    assert_int_equal(bkerr_catalog_count(reg), 1);
    assert_int_equal(bkerr_catalog_status(reg, 0, st), 0);
    return reg;
}

/* Opens "[catalog.cmdb]\npath = <path>\n" with plugin_dir = the test
 * plugins and copies the catalog's status. */
static bkerr_registry *open_cmdb(const char *path,
                                 struct bkerr_catalog_status *st)
{
    char *rest;
    assert_true(asprintf(&rest, "[catalog.cmdb]\npath = %s\n", path) > 0);
    bkerr_registry *reg = open_rest(rest, st);
    free(rest);
    return reg;
}

/* Like open_cmdb() but with plugin_dir = dir. */
static bkerr_registry *open_cmdb_in(const char *dir, const char *path,
                                    struct bkerr_catalog_status *st)
{
    char *ini;
    assert_true(asprintf(&ini, "[registry]\nplugin_dir = %s\n"
                               "[catalog.cmdb]\npath = %s\n", dir, path) > 0);
    bkerr_registry *reg = open_text(ini);
    free(ini);
    assert_int_equal(bkerr_catalog_count(reg), 1);
    assert_int_equal(bkerr_catalog_status(reg, 0, st), 0);
    return reg;
}

/* Asserts that code resolves to want and that no catalog answered. */
static void assert_lookup_status(const bkerr_registry *reg, int64_t code,
                                 enum bkerr_status want)
{
    struct bkerr_result r;
    int rc = bkerr_lookup(reg, code, BKERR_LANG_EN, &r);
    if (rc != (int)want)
        print_error("lookup %lld: %s, expected %s\n", (long long)code,
                    bkerr_status_name(r.status), bkerr_status_name(want));
    assert_int_equal(rc, want);
    assert_int_equal(r.status, want);
    if (want != BKERR_FOUND && want != BKERR_NOT_IN_CATALOG) {
        assert_null(r.catalog);
        assert_null(r.symbol);
    }
}

/* Asserts a rejected status with nothing of the catalog in it. */
static void assert_rejected(const struct bkerr_catalog_status *st,
                            const char *words)
{
    assert_int_equal(st->state, BKERR_CATALOG_REJECTED);
    assert_non_null(st->reason);
    th_assert_contains(st->reason, words);
    assert_non_null(st->path);
    assert_int_equal(st->prefix, 0);
    assert_null(st->name_zh);
    assert_null(st->name_en);
    assert_null(st->version);
    assert_null(st->origin);
    assert_int_equal(st->n_entries, 0);
    assert_int_equal(st->n_ranges, 0);
    assert_int_equal(st->n_legacy, 0);
}

/* Nothing answers for cmdb (11), nor for the prefixes broken plugins
 * claim (gse 10, job 12). */
static void assert_nothing_visible(const bkerr_registry *reg)
{
    assert_lookup_status(reg, 1199000, BKERR_NO_CATALOG);
    assert_lookup_status(reg, 1099000, BKERR_NO_CATALOG);
    assert_lookup_status(reg, 1299000, BKERR_NO_CATALOG);
}

/* The whole check for one broken test plugin. */
static void expect_plugin_rejected(const char *so, const char *words)
{
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb(so, &st);
    assert_string_equal(st.id, "cmdb");
    assert_false(st.required);
    assert_rejected(&st, words);
    th_assert_contains(st.reason, so);
    assert_nothing_visible(reg);
    bkerr_close(reg);
}

/* ---- one test per rule --------------------------------------------------- */

static void rejects_other_abi_major(void **state)
{
    (void)state;
    expect_plugin_rejected("bad_major.so", "ABI major 2");
}

static void rejects_newer_abi_minor(void **state)
{
    (void)state;
    char words[64];
    snprintf(words, sizeof words, "ABI minor %d is newer than this libbkerr's "
             "1.%d", BKERR_ABI_MINOR + 1, BKERR_ABI_MINOR);
    expect_plugin_rejected("bad_minor.so", words);
}

/* A catalog built before the compiled tables existed still loads. */
static void loads_abi_1_0_catalog(void **state)
{
    (void)state;
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb("abi_1_0.so", &st);
    assert_int_equal(st.state, BKERR_CATALOG_LOADED);
    assert_int_equal(st.n_entries, 2);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, 1199000, BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.symbol, "OldToo");
    assert_int_equal(bkerr_lookup(reg, 1100008, BKERR_LANG_EN, &r),
                     BKERR_NOT_IN_CATALOG);
    assert_int_equal(bkerr_catalog_entry(reg, 0, 1, BKERR_LANG_EN, &r), 0);
    assert_int_equal(r.code, 1199000);
    bkerr_close(reg);
}

static void rejects_descriptor_smaller_than_abi_1_0(void **state)
{
    (void)state;
    expect_plugin_rejected("bad_size.so", "less than ABI 1.0");
}

static void rejects_prefix_not_allocated_to_id(void **state)
{
    (void)state;
    expect_plugin_rejected("bad_prefix.so",
                           "catalog prefix is 12 but 'cmdb' is allocated "
                           "prefix 11");
}

static void rejects_descriptor_id_other_than_section(void **state)
{
    (void)state;
    expect_plugin_rejected("bad_id.so",
                           "descriptor id is 'gse' but the section is "
                           "[catalog.cmdb]");
}

static void rejects_duplicate_codes(void **state)
{
    (void)state;
    expect_plugin_rejected("dup_codes.so", "duplicate code 1199000");
}

static void rejects_unsorted_entries(void **state)
{
    (void)state;
    expect_plugin_rejected("unsorted.so", "must be sorted by code");
}

static void rejects_entry_outside_own_prefix(void **state)
{
    (void)state;
    expect_plugin_rejected("foreign_code.so",
                           "code 1299000 is not a 7-digit code with prefix 11");
}

static void rejects_null_descriptor_id(void **state)
{
    (void)state;
    expect_plugin_rejected("null_string.so", "descriptor id is NULL");
}

static void rejects_entry_without_message(void **state)
{
    (void)state;
    expect_plugin_rejected("no_message.so", "no message in either language");
}

static void rejects_invalid_utf8(void **state)
{
    (void)state;
    expect_plugin_rejected("bad_utf8.so", "message_zh: invalid UTF-8");
}

static void rejects_unclosed_placeholder(void **state)
{
    (void)state;
    expect_plugin_rejected("bad_placeholder.so",
                           "a '{' that starts no {name} placeholder");
}

static void rejects_overlapping_ranges(void **state)
{
    (void)state;
    expect_plugin_rejected("bad_range.so", "ranges[1]: 1101500-1102999 overlaps");
}

/* A rule bkerr-catc had alone until common/rules.h: a range must name a
 * module or give advice. */
static void rejects_range_without_module_or_advice(void **state)
{
    (void)state;
    expect_plugin_rejected("empty_range.so",
                           "ranges[1]: 1102000-1102999 has no module and no "
                           "advice; name its module, give advice, or drop the "
                           "range");
}

static void rejects_legacy_code_under_own_prefix(void **state)
{
    (void)state;
    expect_plugin_rejected("legacy_own.so",
                           "legacy[0]: code 1199001 has the catalog's own prefix");
}

static void rejects_so_without_descriptor(void **state)
{
    (void)state;
    expect_plugin_rejected("no_descriptor.so", "exports no 'bkerr_catalog'");
}

/* ---- the good plugin ----------------------------------------------------- */

static void loads_handmade_catalog(void **state)
{
    (void)state;
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb("handmade.so", &st);
    if (st.reason)
        print_error("reason: %s\n", st.reason);
    assert_int_equal(st.state, BKERR_CATALOG_LOADED);
    assert_null(st.reason);
    assert_string_equal(st.id, "cmdb");
    assert_false(st.required);
    th_assert_contains(st.path, "/handmade.so");
    assert_int_equal(st.prefix, 11);
    /* the spec's name, not the descriptor's "配置平台（测试）" */
    assert_string_equal(st.name_zh, "配置平台");
    assert_string_equal(st.name_en, "Configuration platform (CMDB)");
    assert_string_equal(st.version, "9.9.9");
    assert_string_equal(st.origin, "tests/plugins/handmade.c");
    assert_int_equal(st.n_entries, 6);
    assert_int_equal(st.n_ranges, 2);
    assert_int_equal(st.n_legacy, 5);

    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, 1100001, BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.catalog, "cmdb");
    assert_string_equal(r.catalog_version, "9.9.9");
    assert_string_equal(r.symbol, "HmBoth");
    assert_lookup_status(reg, 1199000, BKERR_NOT_IN_CATALOG);
    bkerr_close(reg);
}

/* ---- files that are not (trustworthy) plugins ---------------------------- */

static void rejects_text_file_named_so(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char *fake = th_write(dir, "fake.so", "this is not an ELF file\n");
    assert_int_equal(chmod(fake, 0644), 0);
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb(fake, &st);
    assert_rejected(&st, "not a loadable shared object");
    assert_string_equal(st.path, fake);
    assert_nothing_visible(reg);
    bkerr_close(reg);
    free(fake);
    th_rmtree(dir);
}

static void rejects_group_writable_file(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/handmade.so", th_plugins());
    char *dir = th_tmpdir();
    char *copy = th_copy(buf, dir, "cmdb.so", 0664);
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb(copy, &st);
    assert_rejected(&st, "the file is group- or world-writable");
    th_assert_contains(st.reason, "0664");
    assert_nothing_visible(reg);
    bkerr_close(reg);
    free(copy);
    th_rmtree(dir);
}

static void rejects_file_in_group_writable_directory(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/handmade.so", th_plugins());
    char *dir = th_tmpdir();
    char *copy = th_copy(buf, dir, "cmdb.so", 0644);
    assert_int_equal(chmod(dir, 0775), 0);
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb(copy, &st);
    assert_rejected(&st, "its directory is group- or world-writable");
    th_assert_contains(st.reason, "0775");
    assert_nothing_visible(reg);
    bkerr_close(reg);
    free(copy);
    th_rmtree(dir);
}

/* An absolute path that is a symlink: the real file's directory counts. */
static void rejects_absolute_symlink_into_group_writable_directory(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/handmade.so", th_plugins());
    char *evil = th_tmpdir(), *trusted = th_tmpdir(), *link;
    char *copy = th_copy(buf, evil, "x.so", 0644);
    assert_int_equal(chmod(evil, 0777), 0);
    assert_true(asprintf(&link, "%s/cmdb.so", trusted) > 0);
    assert_int_equal(symlink(copy, link), 0);
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb(link, &st);
    assert_rejected(&st, "its directory is group- or world-writable");
    th_assert_contains(st.reason, evil);
    assert_nothing_visible(reg);
    bkerr_close(reg);
    free(link);
    free(copy);
    th_rmtree(trusted);
    th_rmtree(evil);
}

static void rejects_file_owned_by_another_user(void **state)
{
    (void)state;
    if (geteuid() != 0) {
        print_message("skipped: only root can chown a file to another user\n");
        skip();
    }
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/handmade.so", th_plugins());
    char *dir = th_tmpdir();
    char *copy = th_copy(buf, dir, "cmdb.so", 0644);
    assert_int_equal(chown(copy, 65534, (gid_t)-1), 0);
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb(copy, &st);
    assert_rejected(&st, "owned by uid 65534");
    assert_nothing_visible(reg);
    bkerr_close(reg);
    free(copy);
    th_rmtree(dir);
}

static void rejects_missing_file(void **state)
{
    (void)state;
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb("no_such_catalog.so", &st);
    assert_rejected(&st, "cannot open");
    th_assert_contains(st.reason, "no_such_catalog.so");
    assert_nothing_visible(reg);
    bkerr_close(reg);
}

/* ---- paths relative to plugin_dir ---------------------------------------- */

/* A scratch tree: <top>/x.so (a valid copy of handmade.so) and an empty
 * plugin directory <top>/plugins. */
struct tree {
    char *top, *plugins, *outside;
};

static void make_tree(struct tree *t)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/handmade.so", th_plugins());
    t->top = th_tmpdir();
    t->outside = th_copy(buf, t->top, "x.so", 0644);
    assert_true(asprintf(&t->plugins, "%s/plugins", t->top) > 0);
    assert_int_equal(mkdir(t->plugins, 0755), 0);
}

static void free_tree(struct tree *t)
{
    free(t->outside);
    free(t->plugins);
    th_rmtree(t->top);
}

static void rejects_relative_path_escaping_plugin_dir(void **state)
{
    (void)state;
    struct tree t;
    make_tree(&t);
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb_in(t.plugins, "../x.so", &st);
    assert_rejected(&st, "leads outside the plugin directory");
    th_assert_contains(st.reason, "'../x.so'");
    assert_nothing_visible(reg);
    bkerr_close(reg);
    free_tree(&t);
}

static void rejects_symlink_leading_outside_plugin_dir(void **state)
{
    (void)state;
    struct tree t;
    make_tree(&t);
    char *link;
    assert_true(asprintf(&link, "%s/cmdb.so", t.plugins) > 0);
    assert_int_equal(symlink(t.outside, link), 0);
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb_in(t.plugins, "cmdb.so", &st);
    assert_rejected(&st, "leads outside the plugin directory");
    assert_nothing_visible(reg);
    bkerr_close(reg);
    free(link);
    free_tree(&t);
}

static void loads_absolute_path_outside_plugin_dir(void **state)
{
    (void)state;
    struct tree t;
    make_tree(&t);
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_cmdb_in(t.plugins, t.outside, &st);
    if (st.reason)
        print_error("reason: %s\n", st.reason);
    assert_int_equal(st.state, BKERR_CATALOG_LOADED);
    assert_string_equal(st.path, t.outside);
    assert_string_equal(st.version, "9.9.9");
    assert_lookup_status(reg, 1100001, BKERR_FOUND);
    bkerr_close(reg);
    free_tree(&t);
}

/* ---- required and fatal -------------------------------------------------- */

static void required_catalog_rejected_fails_open(void **state)
{
    (void)state;
    /* [registry] is line 1, plugin_dir line 2, [catalog.cmdb] line 3. */
    char *ini = th_ini("[catalog.cmdb]\npath = bad_major.so\nrequired = true\n");
    char err[BKERR_ERRMSG_SIZE];
    static char sentinel;
    bkerr_registry *reg = (bkerr_registry *)(void *)&sentinel;
    assert_int_equal(th_open_ini(ini, &reg, err, sizeof err), BKERR_ECATALOG);
    assert_null(reg);
    th_assert_contains(err, "bkerr.ini:3:");
    th_assert_contains(err, "catalog 'cmdb' is required");
    th_assert_contains(err, "ABI major 2");
    free(ini);
}

static void fatal_registry_fails_open_on_optional_rejection(void **state)
{
    (void)state;
    char *ini;
    assert_true(asprintf(&ini, "[registry]\nplugin_dir = %s\nfatal = true\n"
                               "[catalog.cmdb]\npath = dup_codes.so\n",
                         th_plugins()) > 0);
    char err[BKERR_ERRMSG_SIZE];
    static char sentinel;
    bkerr_registry *reg = (bkerr_registry *)(void *)&sentinel;
    assert_int_equal(th_open_ini(ini, &reg, err, sizeof err), BKERR_ECATALOG);
    assert_null(reg);
    th_assert_contains(err, "bkerr.ini:4:");
    th_assert_contains(err, "fatal = true");
    th_assert_contains(err, "duplicate code");
    free(ini);
}

/* ---- admin-allocated prefixes -------------------------------------------- */

static void rejects_catalog_without_allocated_prefix(void **state)
{
    (void)state;
    struct bkerr_catalog_status st;
    bkerr_registry *reg =
        open_rest("[catalog.monitor]\npath = monitor33.so\n", &st);
    assert_string_equal(st.id, "monitor");
    assert_rejected(&st, "no prefix is allocated to 'monitor'");
    th_assert_contains(st.reason, "[platform.NN]");
    assert_lookup_status(reg, 3300001, BKERR_UNASSIGNED);
    bkerr_close(reg);
}

static void loads_catalog_with_admin_prefix(void **state)
{
    (void)state;
    struct bkerr_catalog_status st;
    bkerr_registry *reg = open_rest("[platform.33]\nid = monitor\n"
                                    "name_zh = 监控平台\n"
                                    "[catalog.monitor]\npath = monitor33.so\n",
                                    &st);
    if (st.reason)
        print_error("reason: %s\n", st.reason);
    assert_int_equal(st.state, BKERR_CATALOG_LOADED);
    assert_int_equal(st.prefix, 33);
    assert_int_equal(st.n_entries, 1);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, 3300001, BKERR_LANG_ZH_CN, &r),
                     BKERR_FOUND);
    assert_string_equal(r.catalog, "monitor");
    assert_string_equal(r.symbol, "MonitorError");
    assert_string_equal(r.platform.id, "monitor");
    assert_string_equal(r.platform.name_zh, "监控平台");
    assert_true(r.platform.admin);
    bkerr_close(reg);
}

/* ---- enabled = false ----------------------------------------------------- */

static void disabled_catalog_is_not_loaded(void **state)
{
    (void)state;
    struct bkerr_catalog_status st;
    bkerr_registry *reg =
        open_rest("[catalog.cmdb]\npath = handmade.so\nenabled = false\n", &st);
    assert_int_equal(st.state, BKERR_CATALOG_DISABLED);
    assert_null(st.reason);
    assert_int_equal(st.prefix, 0);
    assert_null(st.version);
    assert_int_equal(st.n_entries, 0);
    assert_lookup_status(reg, 1100001, BKERR_NO_CATALOG);
    assert_lookup_status(reg, 1199000, BKERR_NO_CATALOG);
    bkerr_close(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rejects_other_abi_major),
        cmocka_unit_test(rejects_newer_abi_minor),
        cmocka_unit_test(loads_abi_1_0_catalog),
        cmocka_unit_test(rejects_descriptor_smaller_than_abi_1_0),
        cmocka_unit_test(rejects_prefix_not_allocated_to_id),
        cmocka_unit_test(rejects_descriptor_id_other_than_section),
        cmocka_unit_test(rejects_duplicate_codes),
        cmocka_unit_test(rejects_unsorted_entries),
        cmocka_unit_test(rejects_entry_outside_own_prefix),
        cmocka_unit_test(rejects_null_descriptor_id),
        cmocka_unit_test(rejects_entry_without_message),
        cmocka_unit_test(rejects_invalid_utf8),
        cmocka_unit_test(rejects_unclosed_placeholder),
        cmocka_unit_test(rejects_overlapping_ranges),
        cmocka_unit_test(rejects_range_without_module_or_advice),
        cmocka_unit_test(rejects_legacy_code_under_own_prefix),
        cmocka_unit_test(rejects_so_without_descriptor),
        cmocka_unit_test(loads_handmade_catalog),
        cmocka_unit_test(rejects_text_file_named_so),
        cmocka_unit_test(rejects_group_writable_file),
        cmocka_unit_test(rejects_file_in_group_writable_directory),
        cmocka_unit_test(rejects_file_owned_by_another_user),
        cmocka_unit_test(rejects_missing_file),
        cmocka_unit_test(rejects_relative_path_escaping_plugin_dir),
        cmocka_unit_test(rejects_symlink_leading_outside_plugin_dir),
        cmocka_unit_test(rejects_absolute_symlink_into_group_writable_directory),
        cmocka_unit_test(loads_absolute_path_outside_plugin_dir),
        cmocka_unit_test(required_catalog_rejected_fails_open),
        cmocka_unit_test(fatal_registry_fails_open_on_optional_rejection),
        cmocka_unit_test(rejects_catalog_without_allocated_prefix),
        cmocka_unit_test(loads_catalog_with_admin_prefix),
        cmocka_unit_test(disabled_catalog_is_not_loaded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
