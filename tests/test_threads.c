/* 8 threads looking up at once on one registry get exactly the answers a
 * single thread gets. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define THREADS 8
#define ROUNDS 20000

static bkerr_registry *reg;

static const int64_t codes[] = {1100001, 1100002, 1100003, 1101000, 1199006,
                                1104600, 1100999, 1234567, 1812345, 3001,
                                -1, 0, 36100001, 9999999, 1000000};
#define N_CODES (sizeof codes / sizeof codes[0])

static struct bkerr_result expected[2][N_CODES];
static char expected_text[N_CODES][512];

static bool same(const struct bkerr_result *a, const struct bkerr_result *b)
{
    return a->status == b->status && a->code == b->code &&
           a->message == b->message && a->advice == b->advice &&
           a->symbol == b->symbol && a->catalog == b->catalog &&
           a->platform.id == b->platform.id &&
           a->message_lang == b->message_lang && a->module == b->module;
}

static void *worker(void *arg)
{
    size_t seed = (size_t)(uintptr_t)arg, bad = 0;
    char buf[512];
    for (size_t i = 0; i < ROUNDS; i++) {
        size_t k = (seed * 7 + i * 13) % N_CODES;
        int lang = (int)((i + seed) & 1);
        struct bkerr_result r;
        bkerr_lookup(reg, codes[k], lang ? BKERR_LANG_EN : BKERR_LANG_ZH_CN, &r);
        if (!same(&r, &expected[lang][k]))
            bad++;
        if (!lang) {
            bkerr_format(&r, NULL, 0, buf, sizeof buf);
            if (strcmp(buf, expected_text[k]) != 0)
                bad++;
        }
        bkerr_lookup_product(reg, "cmdb", 3001, BKERR_LANG_EN, &r);
        if (r.status != BKERR_FOUND || strcmp(r.symbol, "HmJsonDecode") != 0)
            bad++;
    }
    return (void *)(uintptr_t)bad;
}

static void eight_threads_agree_with_one(void **state)
{
    (void)state;
    char *ini = th_ini("[catalog.cmdb]\npath = handmade.so\nrequired = true\n");
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(th_open_ini(ini, &reg, err, sizeof err), 0);
    free(ini);
    for (size_t k = 0; k < N_CODES; k++) {
        bkerr_lookup(reg, codes[k], BKERR_LANG_ZH_CN, &expected[0][k]);
        bkerr_lookup(reg, codes[k], BKERR_LANG_EN, &expected[1][k]);
        bkerr_format(&expected[0][k], NULL, 0, expected_text[k],
                     sizeof expected_text[k]);
    }
    pthread_t t[THREADS];
    for (size_t i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, worker, (void *)(uintptr_t)i), 0);
    for (size_t i = 0; i < THREADS; i++) {
        void *bad;
        assert_int_equal(pthread_join(t[i], &bad), 0);
        assert_int_equal((uintptr_t)bad, 0);
    }
    bkerr_close(reg);
}

static bkerr_registry *lazy;
static atomic_int go;

static void *first_lookup(void *arg)
{
    (void)arg;
    while (!atomic_load(&go))
        ; /* start together, to race the lazy load */
    struct bkerr_result r;
    bkerr_lookup(lazy, 1100001, BKERR_LANG_EN, &r);
    return (void *)(uintptr_t)(r.status == BKERR_FOUND &&
                               strcmp(r.message, "English message") == 0);
}

static void racing_first_lookups_load_a_lazy_catalog_once(void **state)
{
    (void)state;
    char *ini = th_ini("load = lazy\n[catalog.cmdb]\npath = handmade.so\n");
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(th_open_ini(ini, &lazy, err, sizeof err), 0);
    free(ini);
    pthread_t t[THREADS];
    for (size_t i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, first_lookup, NULL), 0);
    atomic_store(&go, 1);
    for (size_t i = 0; i < THREADS; i++) {
        void *ok;
        assert_int_equal(pthread_join(t[i], &ok), 0);
        assert_true((uintptr_t)ok);
    }
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(lazy, 0, &st), 0);
    assert_int_equal(st.state, BKERR_CATALOG_LOADED);
    bkerr_close(lazy);
}

/* Compiled catalogs check an entry's text at its first lookup and note it
 * in its word: threads racing through every bundled code at once, from
 * different starting points, in a lazily opened registry (so they also
 * race to load each catalog), by bkerr_lookup() and bkerr_message(), all
 * get the answers a second registry gave (one dlopen mapping, so the same
 * pointers). */
static bkerr_registry *fresh;
static struct bkerr_result *bundled;
static size_t n_bundled;

static void *race_compiled(void *arg)
{
    size_t start = (size_t)(uintptr_t)arg * (n_bundled / THREADS), bad = 0;
    while (!atomic_load(&go))
        ;
    for (size_t k = 0; k < n_bundled; k++) {
        const struct bkerr_result *want = &bundled[(start + k) % n_bundled];
        struct bkerr_result r;
        /* half the threads ask for the message alone, first */
        if (start % 2 && bkerr_message(fresh, want->code, BKERR_LANG_EN) !=
                             want->message)
            bad++;
        bkerr_lookup(fresh, want->code, BKERR_LANG_EN, &r);
        /* catalog ids are each registry's own copies */
        bad += r.status != want->status || r.message != want->message ||
               r.advice != want->advice || r.symbol != want->symbol ||
               r.module != want->module || !r.catalog ||
               strcmp(r.catalog, want->catalog) != 0;
    }
    return (void *)(uintptr_t)bad;
}

static void racing_first_lookups_of_compiled_entries(void **state)
{
    (void)state;
    const char *config = th_bundled_config();
    bkerr_registry *lister;
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(bkerr_open(config, &lister, err, sizeof err), 0);
    /* lazily: the racing first lookups also load the catalogs */
    const struct bkerr_open_options lazily = {sizeof lazily, BKERR_OPEN_LAZY,
                                              NULL};
    assert_int_equal(bkerr_open_with(config, &lazily, &fresh, err, sizeof err),
                     0);
    for (size_t i = 0; i < bkerr_catalog_count(lister); i++) {
        struct bkerr_catalog_status st;
        assert_int_equal(bkerr_catalog_status(lister, i, &st), 0);
        bundled = realloc(bundled, (n_bundled + st.n_entries) * sizeof *bundled);
        assert_non_null(bundled);
        for (size_t k = 0; k < st.n_entries; k++)
            assert_int_equal(bkerr_catalog_entry(lister, i, k, BKERR_LANG_EN,
                                                 &bundled[n_bundled++]), 0);
    }
    assert_true(n_bundled > 1800);
    atomic_store(&go, 0);
    pthread_t t[THREADS];
    for (size_t i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, race_compiled,
                                        (void *)(uintptr_t)i), 0);
    atomic_store(&go, 1);
    for (size_t i = 0; i < THREADS; i++) {
        void *bad;
        assert_int_equal(pthread_join(t[i], &bad), 0);
        assert_int_equal((uintptr_t)bad, 0);
    }
    free(bundled);
    bkerr_close(fresh);
    bkerr_close(lister);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(eight_threads_agree_with_one),
        cmocka_unit_test(racing_first_lookups_load_a_lazy_catalog_once),
        cmocka_unit_test(racing_first_lookups_of_compiled_entries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
