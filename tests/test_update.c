/* Updating a loaded plugin.  A new version installed under the old name
 * (install(1) unlinks and writes a new file; the safe procedure renames a
 * finished file into place) is what the next reload serves, however often
 * it happens, also with readers at work; a replacement that is no shared
 * object is rejected, not served with the old content; and the same inode
 * again is the same loaded object. */
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"

/* Two cmdb catalogs told apart by their version. */
#define V1 "9.9.9" /* tests/plugins/handmade.so */
#define V2 "1.0.0" /* the bundled plugins/cmdb.so */

static char *dir, *config, *so, *v1, *v2;
static atomic_bool done; /* stops the test's threads */

static int setup(void **state)
{
    (void)state;
    dir = th_tmpdir();
    assert_true(asprintf(&v1, "%s/handmade.so", th_plugins()) > 0);
    assert_true(asprintf(&v2, "%s/cmdb.so", getenv("BKERR_BUILD_PLUGINS")) > 0);
    so = th_copy(v1, dir, "cmdb.so", 0644);
    config = th_write(dir, "bkerr.ini",
                      "[registry]\nplugin_dir = .\n[catalog.cmdb]\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(v1), free(v2), free(so), free(config);
    th_rmtree(dir);
    return 0;
}

/* The version of cmdb the registry serves, or why it serves none. */
static const char *served(const bkerr_registry *reg)
{
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, 0, &st), 0);
    return st.state == BKERR_CATALOG_LOADED ? st.version
           : st.reason                      ? st.reason
                                            : "(not loaded)";
}

static void assert_serves(bkerr_live *live, const char *version)
{
    const bkerr_registry *reg = bkerr_live_acquire(live);
    const char *v = served(reg);
    if (strcmp(v, version) != 0)
        fail_msg("the registry serves '%s', not %s", v, version);
    bkerr_live_release(live, reg);
}

static void reload(bkerr_live *live)
{
    char err[BKERR_ERRMSG_SIZE];
    if (bkerr_live_reload(live, err, sizeof err) != 0)
        fail_msg("reload: %s", err);
}

/* install -m 644 src dir/cmdb.so, as docs/plugin-authors.md shows it. */
static void install(const char *src)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        execlp("install", "install", "-m", "644", src, so, (char *)NULL);
        _exit(127);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* The safe procedure: a finished new file, renamed into place. */
static void rename_into_place(const char *src)
{
    free(th_copy(src, dir, ".cmdb.so.new", 0644));
    char *tmp;
    assert_true(asprintf(&tmp, "%s/.cmdb.so.new", dir) > 0);
    assert_int_equal(rename(tmp, so), 0);
    free(tmp);
}

/* glibc used to answer the old path with the old object. */
static void installed_version_is_served_after_reload(void **state)
{
    (void)state;
    char err[BKERR_ERRMSG_SIZE];
    bkerr_live *live;
    assert_int_equal(bkerr_live_open(config, &live, err, sizeof err), 0);
    assert_serves(live, V1);
    for (int round = 0; round < 4; round++) {
        const char *want = round % 2 ? V1 : V2;
        install(round % 2 ? v1 : v2);
        reload(live);
        assert_serves(live, want);
        reload(live); /* twice: the second open must not fall back */
        assert_serves(live, want);
    }
    bkerr_live_close(live);
}

static void non_elf_replacement_is_rejected(void **state)
{
    (void)state;
    char err[BKERR_ERRMSG_SIZE];
    bkerr_live *live;
    assert_int_equal(bkerr_live_open(config, &live, err, sizeof err), 0);
    char *text = th_write(dir, "notes.txt", "this is not a catalog\n");
    install(text);
    reload(live);
    const bkerr_registry *reg = bkerr_live_acquire(live);
    struct bkerr_catalog_status st;
    bkerr_catalog_status(reg, 0, &st);
    assert_int_equal(st.state, BKERR_CATALOG_REJECTED);
    th_assert_contains(st.reason, "cmdb.so: not a loadable shared object");
    struct bkerr_result r;
    bkerr_lookup(reg, 1100001, BKERR_LANG_EN, &r);
    assert_int_equal(r.status, BKERR_NO_CATALOG);
    bkerr_live_release(live, reg);
    install(v1);
    reload(live);
    assert_serves(live, V1);
    bkerr_live_close(live);
    free(text);
}

/* The same (dev, ino) while it is loaded is the same object: bkerr hands
 * out the loaded one again (as dlopen() itself would), after running the
 * file and descriptor checks again.  Its pages are the file's, so a file
 * changed in place would show through: never cp over a loaded plugin. */
static void same_inode_is_the_same_object(void **state)
{
    (void)state;
    char err[BKERR_ERRMSG_SIZE], *keep;
    bkerr_registry *r1, *r2, *r3;
    assert_int_equal(bkerr_open(config, &r1, err, sizeof err), 0);
    assert_true(asprintf(&keep, "%s/keep.so", dir) > 0);
    assert_int_equal(link(so, keep), 0); /* v1's inode, under a 2nd name */
    install(v2);
    assert_int_equal(bkerr_open(config, &r2, err, sizeof err), 0);
    assert_string_equal(served(r2), V2);
    assert_int_equal(rename(keep, so), 0); /* v1's inode back in place */
    assert_int_equal(bkerr_open(config, &r3, err, sizeof err), 0);
    assert_string_equal(served(r3), V1);
    struct bkerr_catalog_status s1, s2, s3;
    bkerr_catalog_status(r1, 0, &s1);
    bkerr_catalog_status(r2, 0, &s2);
    bkerr_catalog_status(r3, 0, &s3);
    assert_ptr_equal(s1.version, s3.version); /* one object */
    assert_ptr_not_equal(s1.version, s2.version);
    bkerr_close(r1);
    assert_string_equal(served(r3), V1); /* still mapped for r3 */
    bkerr_close(r3);
    bkerr_close(r2);
    free(keep);
}

/* The service dlopen()s the plugin itself: bkerr's name for it,
 * /proc/self/fd/N, stays on the service's object after bkerr lets go, so
 * descriptor N must stay open, or a later plugin opened as N would be
 * answered with this object. */
static void plugin_the_service_also_loaded(void **state)
{
    (void)state;
    char err[BKERR_ERRMSG_SIZE];
    void *own = dlopen(so, RTLD_NOW | RTLD_LOCAL);
    assert_non_null(own);
    bkerr_registry *r1, *r2;
    assert_int_equal(bkerr_open(config, &r1, err, sizeof err), 0);
    assert_string_equal(served(r1), V1);
    bkerr_close(r1);
    install(v2);
    assert_int_equal(bkerr_open(config, &r2, err, sizeof err), 0);
    assert_string_equal(served(r2), V2);
    bkerr_close(r2);
    dlclose(own);
}

/* The checks and the load see one file: while another thread swaps a good
 * file and a world-writable one under the name, every open that loads the
 * catalog loads the good one.  (stat() then dlopen() loaded the other in
 * about one open of five, issue 11 says; it needs the two threads on two
 * CPUs at once, which this machine did not give it: 0 of 1,000 there.) */
#define OPENS 1000

/* Exchanges the plugin and the file at arg, one rename(2) at a time. */
static void *swapper(void *arg)
{
    while (!atomic_load(&done))
        renameat2(AT_FDCWD, so, AT_FDCWD, arg, RENAME_EXCHANGE);
    return NULL;
}

static void swapped_file_is_never_loaded_unchecked(void **state)
{
    (void)state;
    char *bad = th_copy(v2, dir, "bad.so", 0666);
    atomic_store(&done, false);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, swapper, bad), 0);
    unsigned loaded = 0, refused = 0, wrong = 0;
    for (int i = 0; i < OPENS; i++) {
        char err[BKERR_ERRMSG_SIZE];
        bkerr_registry *reg;
        assert_int_equal(bkerr_open(config, &reg, err, sizeof err), 0);
        struct bkerr_catalog_status st;
        bkerr_catalog_status(reg, 0, &st);
        if (st.state != BKERR_CATALOG_LOADED)
            refused++;
        else if (strcmp(st.version, V1) == 0)
            loaded++;
        else
            wrong++;
        bkerr_close(reg);
    }
    atomic_store(&done, true);
    assert_int_equal(pthread_join(t, NULL), 0);
    print_message("%d opens while the file was swapped: %u loaded the 0644 "
                  "file, %u refused, %u loaded the 0666 one\n", OPENS, loaded,
                  refused, wrong);
    assert_int_equal(wrong, 0);
    free(bad);
}

#define READERS 2
#define UPDATES 200

struct tally {
    bkerr_live *live;
    unsigned long v1, v2, bad;
};

/* Every registry a reader holds is one whole version. */
static void *reader(void *arg)
{
    struct tally *t = arg;
    while (!atomic_load(&done)) {
        const bkerr_registry *reg = bkerr_live_acquire(t->live);
        struct bkerr_catalog_status st;
        struct bkerr_result r;
        bkerr_catalog_status(reg, 0, &st);
        if (st.state == BKERR_CATALOG_LOADED && strcmp(st.version, V1) == 0 &&
            bkerr_lookup(reg, 1100001, BKERR_LANG_EN, &r) == BKERR_FOUND &&
            strcmp(r.message, "English message") == 0)
            t->v1++;
        else if (st.state == BKERR_CATALOG_LOADED &&
                 strcmp(st.version, V2) == 0 &&
                 bkerr_lookup(reg, 1199000, BKERR_LANG_EN, &r) == BKERR_FOUND &&
                 strcmp(r.symbol, "CCErrCommJSONUnmarshalFailed") == 0)
            t->v2++;
        else
            t->bad++;
        bkerr_live_release(t->live, reg);
    }
    return NULL;
}

/* docs/plugin-authors.md's procedure: write, rename into place, reload. */
static void safe_update_under_live_readers(void **state)
{
    (void)state;
    char err[BKERR_ERRMSG_SIZE];
    bkerr_live *live;
    assert_int_equal(bkerr_live_open(config, &live, err, sizeof err), 0);
    pthread_t t[READERS];
    struct tally tally[READERS] = {{0}};
    atomic_store(&done, false);
    for (int i = 0; i < READERS; i++) {
        tally[i].live = live;
        assert_int_equal(pthread_create(&t[i], NULL, reader, &tally[i]), 0);
    }
    for (int i = 0; i < UPDATES; i++) {
        rename_into_place(i % 2 ? v1 : v2);
        reload(live);
        assert_serves(live, i % 2 ? V1 : V2);
    }
    atomic_store(&done, true);
    unsigned long n1 = 0, n2 = 0;
    for (int i = 0; i < READERS; i++) {
        assert_int_equal(pthread_join(t[i], NULL), 0);
        assert_int_equal(tally[i].bad, 0);
        n1 += tally[i].v1, n2 += tally[i].v2;
    }
    print_message("%d updates; readers saw %s %lu times, %s %lu times\n",
                  UPDATES, V1, n1, V2, n2);
    bkerr_live_close(live);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(installed_version_is_served_after_reload,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(non_elf_replacement_is_rejected, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(same_inode_is_the_same_object, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(plugin_the_service_also_loaded, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(swapped_file_is_never_loaded_unchecked,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(safe_update_under_live_readers, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
