/* Hot reload under load: 4 readers look codes up without pause while a
 * writer reloads 1,000 times, cycling through a good config, one with a
 * catalog removed, and a broken one.  Every registry a reader holds must be
 * one whole configuration, never a mix, and never freed under it. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define READERS 4
#define RELOADS 1000

static bkerr_live *live;
static atomic_bool done;
static char *dir, *config;

/* Config A: cmdb and monitor; B: cmdb only; C: broken. */
static char *ini_a, *ini_b;
static const char ini_c[] = "[registry]\nthis is not ini\n";

/* Replaces the config file in one step, as an admin's editor would. */
static void install(const char *text)
{
    char *tmp = th_write(dir, "bkerr.ini.new", text);
    assert_int_equal(rename(tmp, config), 0);
    free(tmp);
}

struct tally {
    unsigned long a, b, bad;
};

/* One whole configuration: A (2 catalogs, 33 allocated) or B (1, not). */
static bool consistent(const bkerr_registry *reg)
{
    struct bkerr_result cmdb, mon;
    bkerr_lookup(reg, 1100001, BKERR_LANG_EN, &cmdb);
    bkerr_lookup(reg, 3300001, BKERR_LANG_EN, &mon);
    if (cmdb.status != BKERR_FOUND || strcmp(cmdb.message, "English message"))
        return false;
    size_t n = bkerr_catalog_count(reg);
    if (n == 2)
        return mon.status == BKERR_FOUND && strcmp(mon.symbol, "MonitorError") == 0;
    return n == 1 && mon.status == BKERR_UNASSIGNED;
}

static void *reader(void *arg)
{
    struct tally *t = arg;
    while (!atomic_load(&done)) {
        const bkerr_registry *reg = bkerr_live_acquire(live);
        if (!consistent(reg))
            t->bad++;
        else if (bkerr_catalog_count(reg) == 2)
            t->a++;
        else
            t->b++;
        bkerr_live_release(live, reg);
    }
    return NULL;
}

static void readers_see_whole_registries_across_reloads(void **state)
{
    (void)state;
    dir = th_tmpdir();
    ini_a = th_ini("[platform.33]\nid = monitor\n"
                   "[catalog.cmdb]\npath = handmade.so\nrequired = true\n"
                   "[catalog.monitor]\npath = monitor33.so\nrequired = true\n");
    ini_b = th_ini("[catalog.cmdb]\npath = handmade.so\nrequired = true\n");
    config = th_write(dir, "bkerr.ini", ini_a);
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(bkerr_live_open(config, &live, err, sizeof err), 0);

    pthread_t t[READERS];
    struct tally tally[READERS] = {0};
    for (int i = 0; i < READERS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, reader, &tally[i]), 0);
    int ok = 0, refused = 0;
    for (int i = 0; i < RELOADS; i++) {
        install(i % 3 == 0 ? ini_b : i % 3 == 1 ? ini_c : ini_a);
        int rc = bkerr_live_reload(live, err, sizeof err);
        if (i % 3 == 1) {
            assert_int_equal(rc, BKERR_ECONFIG);
            th_assert_contains(err, "bkerr.ini:2:");
            refused++;
        } else {
            assert_int_equal(rc, 0);
            ok++;
        }
    }
    atomic_store(&done, true);
    unsigned long a = 0, b = 0;
    for (int i = 0; i < READERS; i++) {
        assert_int_equal(pthread_join(t[i], NULL), 0);
        assert_int_equal(tally[i].bad, 0);
        a += tally[i].a, b += tally[i].b;
    }
    print_message("%d reloads, %d refused; readers saw A %lu times, B %lu times\n",
                  ok, refused, a, b);
    /* the last reload (i = 999) installed B */
    const bkerr_registry *reg = bkerr_live_acquire(live);
    assert_int_equal(bkerr_catalog_count(reg), 1);
    bkerr_live_release(live, reg);
    bkerr_live_close(live);
    free(ini_a);
    free(ini_b);
    free(config);
    th_rmtree(dir);
}

static void null_arguments_are_refused(void **state)
{
    (void)state;
    char err[64];
    assert_int_equal(bkerr_live_open(NULL, NULL, err, sizeof err), BKERR_EINVAL);
    assert_null(bkerr_live_acquire(NULL));
    bkerr_live_release(NULL, NULL);
    assert_int_equal(bkerr_live_reload(NULL, err, sizeof err), BKERR_EINVAL);
    bkerr_live_close(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(readers_see_whole_registries_across_reloads),
        cmocka_unit_test(null_arguments_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
