/* Nothing leaks: open, a thousand lookups (and the other read calls), then
 * close, with the real catalogs, with rejected catalogs, and opens that
 * fail.  Valgrind (.ci/run: --leak-check=full --errors-for-leak-kinds=
 * definite) and LeakSanitizer (the ASan build) check the process at exit;
 * mallinfo2() checks that the heap is back where it was in any build. */
#include "helpers.h"

#include <bkerr/plugin.h>

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOOKUPS 1000

/* Bytes in use on glibc's heap (constant under valgrind and ASan, which
 * replace malloc).  Exact only without the per-thread cache, whose chunks
 * mallinfo2() counts as in use: meson runs this test with
 * GLIBC_TUNABLES=glibc.malloc.tcache_count=0; without it the heap check is
 * skipped (valgrind and LeakSanitizer still check). */
static bool heap_exact(void)
{
    const char *t = getenv("GLIBC_TUNABLES");
    return t && strstr(t, "glibc.malloc.tcache_count=0");
}

static size_t heap_in_use(void)
{
    return mallinfo2().uordblks;
}

/* LOOKUPS calls of every read-only kind, spread over the registry. */
static void thousand_lookups(const bkerr_registry *reg)
{
    static const int64_t fixed[] = {-1, 0, 1199000, 1104600, 9900403, 3300001,
                                    1800001, 12345, -7, 99999999};
    size_t n_cat = bkerr_catalog_count(reg), done = 0;
    char buf[256];
    for (size_t i = 0; done < LOOKUPS; i++) {
        struct bkerr_result r;
        enum bkerr_lang lang = (enum bkerr_lang)(i % 3);
        int64_t code = fixed[i % BKERR_COUNT_OF(fixed)];
        if (n_cat && i % 2 &&
            bkerr_catalog_entry(reg, i % n_cat, i / n_cat, lang, &r) == 0)
            code = r.code;
        assert_true(bkerr_lookup(reg, code, lang, &r) >= 0);
        const struct bkerr_arg args[] = {{NULL, "x"}, {"field", "y"}};
        assert_true(bkerr_fill(r.message ? r.message : "{0}", args, 2, buf,
                               sizeof buf) >= 0);
        assert_true(bkerr_format(&r, args, 2, buf, sizeof buf) >= 0);
        bkerr_lookup_product(reg, "cmdb", 3001, lang, &r);
        bkerr_lookup_product(reg, "bk_log_search", 36100001, lang, &r);
        struct bkerr_platform p;
        bkerr_platform(reg, 10 + (int)(i % 90), &p);
        if (n_cat) {
            struct bkerr_catalog_status st;
            bkerr_catalog_status(reg, i % n_cat, &st);
        }
        done++;
    }
}

static void open_lookups_close(const char *config)
{
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NULL;
    int rc = bkerr_open(config, &reg, err, sizeof err);
    if (rc != 0)
        print_error("bkerr_open(%s): %s\n", config, err);
    assert_int_equal(rc, 0);
    thousand_lookups(reg);
    bkerr_close(reg);
}

/* Runs fn twice to warm caches up (ld.so's, stdio's), then checks that a
 * third run leaves the heap as it found it. */
static void assert_heap_unchanged(void (*fn)(const char *), const char *arg)
{
    fn(arg);
    fn(arg);
    size_t before = heap_in_use();
    fn(arg);
    size_t after = heap_in_use();
    if (!heap_exact()) {
        print_message("heap check skipped: GLIBC_TUNABLES lacks "
                      "glibc.malloc.tcache_count=0\n");
        return;
    }
    if (after != before)
        print_error("heap in use: %zu bytes before, %zu after\n", before,
                    after);
    assert_int_equal(after, before);
}

/* The build's bkerr.ini with every bundled catalog. */
static void bundled_catalogs_leak_nothing(void **state)
{
    (void)state;
    assert_heap_unchanged(open_lookups_close, th_bundled_config());
}

/* Loaded, rejected (after dlopen: the handle must be closed), missing and
 * disabled catalogs in one registry. */
static void rejected_catalogs_leak_nothing(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char *ini;
    assert_true(asprintf(&ini,
        "[registry]\nplugin_dir = %s\n"
        "[platform.33]\nid = monitor\nname_zh = 监控\n"
        "[catalog.cmdb]\npath = handmade.so\n"
        "[catalog.monitor]\npath = monitor33.so\n"
        "[catalog.gse]\npath = dup_codes.so\n"
        "[catalog.job]\npath = bad_major.so\n"
        "[catalog.paas]\npath = no_such.so\n"
        "[catalog.bk_iam]\npath = handmade.so\nenabled = false\n",
        th_plugins()) > 0);
    char *path = th_write(dir, "bkerr.ini", ini);
    assert_heap_unchanged(open_lookups_close, path);
    free(path);
    free(ini);
    th_rmtree(dir);
}

static void failed_open(const char *config)
{
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = (bkerr_registry *)(uintptr_t)1;
    assert_true(bkerr_open(config, &reg, err, sizeof err) < 0);
    assert_null(reg);
}

/* Opens that fail at every stage: a bad line late in the file (after
 * sections were allocated), a required catalog rejected after others
 * loaded. */
static void failed_opens_leak_nothing(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    static const char *const tails[] = {
        "[platform.33]\nid = monitor\n[catalog.cmdb]\npath = x.so\n"
        "[catalog.gse]\nbogus = 1\n",
        "[platform.33]\nid = monitor\n[platform.34]\nid = monitor\n",
        "[catalog.cmdb]\npath = handmade.so\n[catalog.job]\n"
        "path = bad_major.so\nrequired = true\n",
    };
    for (size_t i = 0; i < BKERR_COUNT_OF(tails); i++) {
        char *ini = th_ini(tails[i]);
        char *path = th_write(dir, "bkerr.ini", ini);
        assert_heap_unchanged(failed_open, path);
        free(path);
        free(ini);
    }
    char *missing;
    assert_true(asprintf(&missing, "%s/none.ini", dir) > 0);
    assert_heap_unchanged(failed_open, missing);
    free(missing);
    th_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bundled_catalogs_leak_nothing),
        cmocka_unit_test(rejected_catalogs_leak_nothing),
        cmocka_unit_test(failed_opens_leak_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
