/* No heap allocation on any lookup path.  Every malloc in the process is
 * counted (bench/alloc_count.c: a malloc interposer, or ASan's malloc hook
 * in sanitizer builds) around 1M lookups over the bundled catalogs that
 * reach every status, in every language, and around the product-scoped,
 * catalog-entry, built-in-only and rendering paths.  One allocation fails
 * the test. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../bench/alloc_count.h"
#include "helpers.h"

#define LOOKUPS 1000000

static bkerr_registry *reg;
static int64_t *codes;
static size_t n_codes;

static uint64_t lcg = 0x2545f4914f6cdd1dull;

static uint64_t next(void)
{
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return lcg >> 17;
}

/* Every entry and legacy code of every loaded catalog, codes near the
 * spec's generic ids under every prefix, specials, then random codes of
 * every shape up to LOOKUPS. */
static void make_codes(void)
{
    codes = malloc(LOOKUPS * sizeof *codes);
    assert_non_null(codes);
    n_codes = 0;
    for (size_t i = 0; i < bkerr_catalog_count(reg); i++) {
        struct bkerr_catalog_status st;
        assert_int_equal(bkerr_catalog_status(reg, i, &st), 0);
        for (size_t k = 0; k < st.n_entries + st.n_legacy; k++) {
            struct bkerr_result r;
            if (bkerr_catalog_entry(reg, i, k, BKERR_LANG_EN, &r) == 0)
                codes[n_codes++] = r.code;
        }
    }
    static const int64_t suffixes[] = {4000, 4600, 5000, 6100, 6200, 60105,
                                       0, 1, 99999};
    for (int64_t p = 10; p < 100; p++)
        for (size_t s = 0; s < sizeof suffixes / sizeof suffixes[0]; s++)
            codes[n_codes++] = p * 100000 + suffixes[s];
    codes[n_codes++] = -1;
    codes[n_codes++] = 0;
    while (n_codes < LOOKUPS) {
        switch (next() % 4) {
        case 0: codes[n_codes++] = 1000000 + (int64_t)(next() % 9000000); break;
        case 1: codes[n_codes++] = (int64_t)(next() % 1000000); break;
        case 2: codes[n_codes++] = -(int64_t)(next() % 100000000); break;
        default: codes[n_codes++] = (int64_t)(next() % 100000000000); break;
        }
    }
}

static int setup(void **state)
{
    (void)state;
    char err[BKERR_ERRMSG_SIZE];
    if (bkerr_open(th_bundled_config(), &reg, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    make_codes();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    bkerr_close(reg);
    free(codes);
    return 0;
}

static void counting_works(void **state)
{
    (void)state;
    if (!alloc_count_works())
        fail_msg("%s does not see allocations here; the other tests would "
                 "pass vacuously", alloc_count_method());
}

/* 1M bkerr_lookup() and bkerr_message() calls each; returns the
 * allocations they made and the statuses they gave. */
static uint64_t lookups(const bkerr_registry *r, size_t seen[6])
{
    static const enum bkerr_lang langs[] = {BKERR_LANG_DEFAULT,
                                            BKERR_LANG_ZH_CN, BKERR_LANG_EN};
    uint64_t before = alloc_count();
    for (size_t i = 0; i < n_codes; i++) {
        struct bkerr_result res;
        int s = bkerr_lookup(r, codes[i], langs[i % 3], &res);
        if (bkerr_message(r, codes[i], langs[i % 3]) != res.message)
            fail_msg("bkerr_message() differs from the lookup for %lld",
                     (long long)codes[i]);
        if (s >= 0 && s < 6)
            seen[s]++;
    }
    return alloc_count() - before;
}

static void million_lookups_allocate_nothing(void **state)
{
    (void)state;
    size_t seen[6] = {0};
    uint64_t n = lookups(reg, seen);
    if (n)
        fail_msg("%" PRIu64 " heap allocations in %zu lookups (%s)", n,
                 n_codes, alloc_count_method());
    for (int s = 0; s < 6; s++)
        if (!seen[s])
            fail_msg("no lookup gave status %s: the test misses a path",
                     bkerr_status_name((enum bkerr_status)s));
}

static void other_paths_allocate_nothing(void **state)
{
    (void)state;
    char buf[256];
    const struct bkerr_arg args[] = {{NULL, "x"}, {"name", "y"}};
    struct bkerr_result r;
    struct bkerr_platform pl;
    struct bkerr_catalog_status st;
    int64_t code;
    size_t calls = 0;
    uint64_t before = alloc_count();
    for (size_t i = 0; i < bkerr_catalog_count(reg); i++) {
        bkerr_catalog_status(reg, i, &st);
        for (size_t k = 0; k < st.n_entries + st.n_legacy; k++, calls++) {
            bkerr_catalog_entry(reg, i, k, BKERR_LANG_DEFAULT, &r);
            bkerr_lookup_product(reg, st.id, r.code, BKERR_LANG_EN, &r);
            bkerr_format(&r, args, 2, buf, sizeof buf);
            bkerr_fill(r.message ? r.message : "", args, 2, buf, sizeof buf);
        }
        bkerr_lookup_product(reg, st.id, 123456789, BKERR_LANG_ZH_CN, &r);
    }
    for (size_t i = 0; i < 100000; i++, calls++) {
        bkerr_lookup(NULL, codes[i], BKERR_LANG_EN, &r); /* built-ins only */
        bkerr_format(&r, NULL, 0, buf, 16);             /* cut output */
        bkerr_lookup_product(reg, "no_such_product", codes[i],
                             BKERR_LANG_DEFAULT, &r);
        bkerr_lookup_product(reg, NULL, codes[i], BKERR_LANG_DEFAULT, &r);
        bkerr_lookup(reg, codes[i], (enum bkerr_lang)7, &r); /* EINVAL */
        bkerr_platform(reg, (int)(10 + i % 90), &pl);
        bkerr_parse_code(" 1199000 ", &code, NULL);
        bkerr_parse_code("12x", &code, NULL);
    }
    uint64_t n = alloc_count() - before;
    if (n)
        fail_msg("%" PRIu64 " heap allocations in %zu rounds of product "
                 "lookups, catalog entries and formatting", n, calls);
}

/* bkerr_match() allocates only at its first call (the index): then
 * lines that match and lines that do not allocate nothing. */
static void matching_allocates_nothing_after_the_first_call(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "订阅(123)不存在", "'bk_biz_id' 数据参数校验不通过",
        "Parameter [name] is missing",
        "Artifact [a.txt] not found in repo [generic-local] !",
        "2024-05-01 12:00:01 INFO request served in 12 ms, nothing here",
    };
    struct bkerr_match m[8];
    m[0].size = sizeof m[0];
    assert_true(bkerr_match(reg, "x", 1, m, 8) >= 0); /* builds the index */
    size_t calls = 0;
    uint64_t before = alloc_count();
    for (size_t i = 0; i < 20000; i++, calls++) {
        const char *l = lines[i % (sizeof lines / sizeof *lines)];
        bkerr_match(reg, l, strlen(l), m, 1 + i % 8);
    }
    uint64_t n = alloc_count() - before;
    if (n)
        fail_msg("%" PRIu64 " heap allocations in %zu bkerr_match() calls", n,
                 calls);
}

/* bkerr_scan() over lines of every shape, with and without a product. */
static void scans_allocate_nothing(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "{\"code\": 1199006, \"message\": \"x\"} 主机转移失败1110029",
        "[1306000] 组件调用异常 保存失败（1244006） bk_module_id=1199006",
        "assert resp[\"code\"] == \"1199006\" 流水号1199000 user 3800001",
        "{\"code\": 36101001} code=3001 错误码：-1 ts=1732700000",
    };
    static const char *const products[] = {NULL, "cmdb", "bk_log_search"};
    struct bkerr_scan_hit h = {.size = sizeof h};
    size_t hits = 0;
    uint64_t before = alloc_count();
    for (size_t i = 0; i < 30000; i++) {
        const char *line = lines[i % 4];
        size_t pos = 0, len = strlen(line);
        while (bkerr_scan(reg, products[i % 3], line, len, &pos, &h) == 1)
            hits++;
    }
    uint64_t n = alloc_count() - before;
    if (n)
        fail_msg("%" PRIu64 " heap allocations in 30000 scans", n);
    assert_true(hits > 30000);
}

/* With load = lazy (once libbkerr has it), the first lookup of a prefix
 * loads its catalog, which allocates (dlopen does); after one lookup per
 * prefix, lookups allocate nothing. */
static void lazy_lookups_allocate_nothing_once_loaded(void **state)
{
    (void)state;
    FILE *f = fopen(th_bundled_config(), "r");
    assert_non_null(f);
    char text[16384];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    char *at = strstr(text, "[registry]\n");
    assert_non_null(at);
    char lazy[sizeof text + 32];
    size_t head = (size_t)(at - text) + strlen("[registry]\n");
    snprintf(lazy, sizeof lazy, "%.*sload = lazy\n%s", (int)head, text,
             text + head);
    char *dir = th_tmpdir();
    char *path = th_write(dir, "lazy.ini", lazy);
    bkerr_registry *lz;
    char err[BKERR_ERRMSG_SIZE];
    int rc = bkerr_open(path, &lz, err, sizeof err);
    free(path);
    th_rmtree(dir);
    if (rc == BKERR_ECONFIG && strstr(err, "load")) {
        printf("# skipped: this libbkerr has no load = lazy (%s)\n", err);
        skip();
    }
    assert_int_equal(rc, 0);
    struct bkerr_result r;
    for (int64_t p = 10; p < 100; p++)
        bkerr_lookup(lz, p * 100000 + 1, BKERR_LANG_DEFAULT, &r);
    size_t seen[6] = {0};
    uint64_t n = lookups(lz, seen);
    bkerr_close(lz);
    if (n)
        fail_msg("%" PRIu64 " heap allocations in %zu lookups of a lazily "
                 "opened registry after its catalogs loaded", n, n_codes);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counting_works),
        cmocka_unit_test(million_lookups_allocate_nothing),
        cmocka_unit_test(other_paths_allocate_nothing),
        cmocka_unit_test(matching_allocates_nothing_after_the_first_call),
        cmocka_unit_test(scans_allocate_nothing),
        cmocka_unit_test(lazy_lookups_allocate_nothing_once_loaded),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
