/* The read model (API version 5): products by id and prefix with their
 * one display name, catalogs by id, their ranges, and symbols across
 * catalogs, on the hand-written test catalogs (tests/plugins) and the
 * bundled ones. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* cmdb (handmade.c) and job (symbols.c) share symbols; guestprod has no
 * prefix. */
static const char three[] =
    "[catalog.cmdb]\npath = handmade.so\n"
    "[catalog.job]\npath = symbols.so\n"
    "[catalog.guestprod]\npath = guest_only.so\n";

/* ---- products ------------------------------------------------------------ */

static void the_specs_products_need_no_registry(void **state)
{
    (void)state;
    struct bkerr_product p = {.size = sizeof p};
    assert_int_equal(bkerr_product(NULL, "cmdb", &p), 0);
    assert_int_equal(p.size, sizeof p);
    assert_string_equal(p.id, "cmdb");
    assert_int_equal(p.prefix, 11);
    assert_int_equal(p.category, BKERR_CAT_PLATFORM);
    assert_string_equal(p.name_zh, "配置平台");
    assert_string_equal(p.name_en, "Configuration platform (CMDB)");
    assert_false(p.admin);
    assert_null(p.file);
    assert_int_equal(p.line, 0);
    assert_false(p.has_catalog);
    assert_int_equal(bkerr_product_at(NULL, 19, &p), 0);
    assert_string_equal(p.id, "bk_iam");
    assert_string_equal(p.name_en, "IAM SaaS");
    assert_int_equal(bkerr_product_at(NULL, 52, &p), 0);
    assert_string_equal(p.id, "MySQL");
    assert_null(p.name_zh); /* the spec gives none */
    assert_int_equal(p.category, BKERR_CAT_PUBLIC);
    /* an unassigned slot, an unknown id */
    assert_int_equal(bkerr_product_at(NULL, 18, &p), BKERR_ENOPRODUCT);
    assert_int_equal(bkerr_product_at(NULL, 33, &p), BKERR_ENOPRODUCT);
    assert_int_equal(bkerr_product(NULL, "nope", &p), BKERR_ENOPRODUCT);
    assert_int_equal(bkerr_product(NULL, "bk_monitor", &p), BKERR_ENOPRODUCT);
    /* bad arguments */
    assert_int_equal(bkerr_product_at(NULL, 9, &p), BKERR_EINVAL);
    assert_int_equal(bkerr_product_at(NULL, 100, &p), BKERR_EINVAL);
    assert_int_equal(bkerr_product_at(NULL, 11, NULL), BKERR_EINVAL);
    assert_int_equal(bkerr_product(NULL, NULL, &p), BKERR_EINVAL);
    assert_int_equal(bkerr_product(NULL, "cmdb", NULL), BKERR_EINVAL);
    p.size = sizeof p - 1;
    assert_int_equal(bkerr_product(NULL, "cmdb", &p), BKERR_EINVAL);
    assert_int_equal(bkerr_product_at(NULL, 11, &p), BKERR_EINVAL);
}

static void an_admins_row_names_its_product_everywhere(void **state)
{
    (void)state;
    /* line 3: th_ini() puts two lines of [registry] before */
    bkerr_registry *reg = th_open_plugins(
        "[platform.33]\nid = monitor\nname_zh = 监控平台\nname_en = Monitor\n"
        "[catalog.cmdb]\npath = handmade.so\nenabled = false\n"
        "[catalog.monitor]\npath = monitor33.so\nrequired = true\n");
    struct bkerr_product p = {.size = sizeof p};
    assert_int_equal(bkerr_product(reg, "monitor", &p), 0);
    assert_int_equal(p.prefix, 33);
    assert_true(p.admin);
    assert_string_equal(p.name_zh, "监控平台");
    assert_string_equal(p.name_en, "Monitor");
    assert_string_equal(p.file, bkerr_config_path(reg));
    assert_int_equal(p.line, 3);
    assert_true(p.has_catalog);
    assert_int_equal(p.catalog, 1);
    struct bkerr_product q = {.size = sizeof q};
    assert_int_equal(bkerr_product_at(reg, 33, &q), 0);
    assert_memory_equal(&p, &q, sizeof p);
    /* the descriptor says "监控平台（测试）": the admin's names win, in the
     * catalog's status and in a lookup */
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, 1, &st), 0);
    assert_string_equal(st.name_zh, "监控平台");
    assert_string_equal(st.name_en, "Monitor");
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, 3300001, BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.platform.name_en, "Monitor");
    /* a spec row in the same registry has no file */
    assert_int_equal(bkerr_product(reg, "cmdb", &p), 0);
    assert_false(p.admin);
    assert_null(p.file);
    assert_true(p.has_catalog); /* a section, even a disabled one */
    assert_int_equal(p.catalog, 0);
    assert_int_equal(bkerr_product(reg, "job", &p), 0);
    assert_false(p.has_catalog);
    bkerr_close(reg);
}

static void the_specs_names_win_over_a_catalogs(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(three);
    struct bkerr_catalog_status st;
    struct bkerr_result r;
    struct bkerr_product p = {.size = sizeof p};
    /* handmade.c says "配置平台（测试）", symbols.c "作业（测试）" */
    assert_int_equal(bkerr_catalog_status(reg, 0, &st), 0);
    assert_string_equal(st.name_zh, "配置平台");
    assert_string_equal(st.name_en, "Configuration platform (CMDB)");
    assert_int_equal(bkerr_lookup(reg, 1100001, BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.platform.name_en, st.name_en);
    assert_int_equal(bkerr_catalog_status(reg, 1, &st), 0);
    assert_string_equal(st.name_zh, "作业平台");
    assert_int_equal(bkerr_product(reg, "job", &p), 0);
    assert_string_equal(p.name_zh, "作业平台");
    assert_true(p.has_catalog);
    assert_int_equal(p.catalog, 1);
    assert_false(p.admin);
    bkerr_close(reg);
}

static void a_product_without_a_prefix_is_its_catalogs(void **state)
{
    (void)state;
    for (int lazy = 0; lazy < 2; lazy++) {
        char ini[512];
        snprintf(ini, sizeof ini, "%s%s", lazy ? "load = lazy\n" : "", three);
        bkerr_registry *reg = th_open_plugins(ini);
        struct bkerr_catalog_status st;
        assert_int_equal(bkerr_catalog_status(reg, 2, &st), 0);
        assert_int_equal(st.state, lazy ? BKERR_CATALOG_LAZY
                                        : BKERR_CATALOG_LOADED);
        struct bkerr_product p = {.size = sizeof p};
        assert_int_equal(bkerr_product(reg, "guestprod", &p), 0);
        assert_string_equal(p.id, "guestprod");
        assert_int_equal(p.prefix, 0);
        assert_int_equal(p.category, BKERR_CAT_NONE);
        assert_string_equal(p.name_zh, "客居产品");
        assert_string_equal(p.name_en, "Guest product");
        assert_false(p.admin);
        assert_null(p.file);
        assert_true(p.has_catalog);
        assert_int_equal(p.catalog, 2);
        /* it loaded the lazy catalog, whose status now says the same */
        assert_int_equal(bkerr_catalog_status(reg, 2, &st), 0);
        assert_int_equal(st.state, BKERR_CATALOG_LOADED);
        assert_string_equal(st.name_zh, p.name_zh);
        bkerr_close(reg);
    }
}

/* ---- catalogs and their ranges ------------------------------------------- */

static void a_catalog_is_found_by_id(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(three);
    size_t i = 99;
    assert_int_equal(bkerr_catalog_find(reg, "cmdb", &i), 0);
    assert_int_equal(i, 0);
    assert_int_equal(bkerr_catalog_find(reg, "guestprod", &i), 0);
    assert_int_equal(i, 2);
    i = 99;
    assert_int_equal(bkerr_catalog_find(reg, "gse", &i), BKERR_ENOTFOUND);
    assert_int_equal(bkerr_catalog_find(reg, "CMDB", &i), BKERR_ENOTFOUND);
    assert_int_equal(i, 99);
    assert_int_equal(bkerr_catalog_find(NULL, "cmdb", &i), BKERR_EINVAL);
    assert_int_equal(bkerr_catalog_find(reg, NULL, &i), BKERR_EINVAL);
    assert_int_equal(bkerr_catalog_find(reg, "cmdb", NULL), BKERR_EINVAL);
    bkerr_close(reg);
}

static void ranges_give_module_and_advice_as_lookups_do(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(three);
    struct bkerr_range_info g = {.size = sizeof g};
    assert_int_equal(bkerr_catalog_range(reg, 0, 0, BKERR_LANG_EN, &g), 0);
    assert_int_equal(g.first, 1101000);
    assert_int_equal(g.last, 1101999);
    assert_string_equal(g.module, "topo");
    assert_string_equal(g.advice, "Topology module advice");
    assert_int_equal(g.advice_lang, BKERR_LANG_EN);
    /* what a lookup of a code without advice of its own inherits */
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, 1101000, BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_true(r.advice_inherited);
    assert_string_equal(r.advice, g.advice);
    assert_string_equal(r.module, g.module);
    assert_int_equal(bkerr_catalog_range(reg, 0, 0, BKERR_LANG_ZH_CN, &g), 0);
    assert_string_equal(g.advice, "拓扑模块方案");
    assert_int_equal(g.advice_lang, BKERR_LANG_ZH_CN);
    /* no English advice: the Chinese, said so */
    assert_int_equal(bkerr_catalog_range(reg, 0, 1, BKERR_LANG_EN, &g), 0);
    assert_string_equal(g.module, "common");
    assert_string_equal(g.advice, "通用模块方案");
    assert_int_equal(g.advice_lang, BKERR_LANG_ZH_CN);
    /* no module, English advice only; the default language is zh_CN */
    assert_int_equal(bkerr_catalog_range(reg, 1, 1, BKERR_LANG_DEFAULT, &g), 0);
    assert_int_equal(g.first, 1202000);
    assert_null(g.module);
    assert_string_equal(g.advice, "English-only range advice");
    assert_int_equal(g.advice_lang, BKERR_LANG_EN);
    /* past the last range, a catalog without ranges, past the catalogs */
    assert_int_equal(bkerr_catalog_range(reg, 0, 2, BKERR_LANG_EN, &g),
                     BKERR_ENOTFOUND);
    assert_int_equal(bkerr_catalog_range(reg, 2, 0, BKERR_LANG_EN, &g),
                     BKERR_ENOTFOUND);
    assert_int_equal(bkerr_catalog_range(reg, 3, 0, BKERR_LANG_EN, &g),
                     BKERR_ENOTFOUND);
    assert_int_equal(bkerr_catalog_range(NULL, 0, 0, BKERR_LANG_EN, &g),
                     BKERR_EINVAL);
    assert_int_equal(bkerr_catalog_range(reg, 0, 0, BKERR_LANG_EN, NULL),
                     BKERR_EINVAL);
    assert_int_equal(bkerr_catalog_range(reg, 0, 0, (enum bkerr_lang)3, &g),
                     BKERR_EINVAL);
    g.size = sizeof g - 1;
    assert_int_equal(bkerr_catalog_range(reg, 0, 0, BKERR_LANG_EN, &g),
                     BKERR_EINVAL);
    bkerr_close(reg);
}

static void ranges_default_to_the_registrys_language(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(
        "lang = en\n[catalog.cmdb]\npath = handmade.so\n"
        "[catalog.job]\npath = symbols.so\nenabled = false\n");
    struct bkerr_range_info g = {.size = sizeof g};
    assert_int_equal(bkerr_catalog_range(reg, 0, 0, BKERR_LANG_DEFAULT, &g), 0);
    assert_string_equal(g.advice, "Topology module advice");
    assert_int_equal(g.advice_lang, BKERR_LANG_EN);
    /* a disabled catalog has no ranges to give */
    assert_int_equal(bkerr_catalog_range(reg, 1, 0, BKERR_LANG_EN, &g),
                     BKERR_ENOTFOUND);
    bkerr_close(reg);
}

/* ---- sized structs ------------------------------------------------------- */

/* A caller built with a later, longer struct: the library fills what it
 * knows and leaves the rest, and the caller's size, as they were. */
static void a_longer_struct_keeps_its_tail(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(three);
    struct {
        struct bkerr_product p;
        unsigned char later[16];
    } big;
    memset(&big, 0xA5, sizeof big);
    big.p.size = sizeof big;
    assert_int_equal(bkerr_product(reg, "cmdb", &big.p), 0);
    assert_int_equal(big.p.size, sizeof big);
    assert_string_equal(big.p.id, "cmdb");
    for (size_t i = 0; i < sizeof big.later; i++)
        assert_int_equal(big.later[i], 0xA5);
    struct {
        struct bkerr_range_info g;
        unsigned char later[16];
    } bigr;
    memset(&bigr, 0x5A, sizeof bigr);
    bigr.g.size = sizeof bigr;
    assert_int_equal(bkerr_catalog_range(reg, 0, 0, BKERR_LANG_EN, &bigr.g), 0);
    assert_string_equal(bigr.g.module, "topo");
    for (size_t i = 0; i < sizeof bigr.later; i++)
        assert_int_equal(bigr.later[i], 0x5A);
    bkerr_close(reg);
}

/* ---- symbols ------------------------------------------------------------- */

struct want {
    const char *catalog;
    int64_t code;
    unsigned variant;
};

/* Asserts that the matches of symbol (in product, or all) are exactly
 * want[0..n). */
static void assert_matches(const bkerr_registry *reg, const char *product,
                           const char *symbol, const struct want *want,
                           size_t n)
{
    struct bkerr_result r;
    for (size_t k = 0; k < n; k++) {
        int rc = bkerr_lookup_symbol(reg, product, symbol, k, BKERR_LANG_EN,
                                     &r);
        if (rc != BKERR_FOUND)
            fail_msg("%s #%zu: %d", symbol, k, rc);
        assert_int_equal(rc, r.status);
        assert_string_equal(r.catalog, want[k].catalog);
        assert_int_equal(r.code, want[k].code);
        assert_int_equal(r.variant, want[k].variant);
        assert_non_null(r.symbol);
        th_assert_contains(r.symbol, symbol);
    }
    memset(&r, 0x33, sizeof r);
    assert_int_equal(bkerr_lookup_symbol(reg, product, symbol, n, BKERR_LANG_EN,
                                         &r),
                     BKERR_ENOTFOUND);
    assert_int_equal(((unsigned char *)&r)[0], 0x33); /* untouched */
}

static void a_symbol_matches_in_every_catalog_in_order(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(three);
    /* catalogs in bkerr.ini's order; in each, its codes, variants where
     * they stand, then its legacy codes */
    const struct want both[] = {
        {"cmdb", 1100001, 0},
        {"job", 1200001, 0},
        {"job", 1200002, 1},
        {"job", 5, 0},
    };
    assert_matches(reg, NULL, "HmBoth", both, 4);
    assert_matches(reg, "job", "HmBoth", both + 1, 3);
    assert_matches(reg, "cmdb", "HmBoth", both, 1);
    assert_matches(reg, "guestprod", "HmBoth", NULL, 0);
    struct bkerr_result r;
    /* the variant is answered as itself */
    assert_int_equal(bkerr_lookup_symbol(reg, NULL, "HmBoth", 2, BKERR_LANG_ZH_CN,
                                         &r), BKERR_FOUND);
    assert_string_equal(r.symbol, "HmBoth");
    assert_string_equal(r.message, "several constants, again");
    assert_int_equal(r.message_lang, BKERR_LANG_EN); /* no Chinese */
    assert_int_equal(r.n_variants, 2);
    /* the legacy code, as bkerr_catalog_entry() gives it */
    assert_int_equal(bkerr_lookup_symbol(reg, NULL, "HmBoth", 3, BKERR_LANG_ZH_CN,
                                         &r), BKERR_FOUND);
    struct bkerr_result e;
    assert_int_equal(bkerr_catalog_entry(reg, 1, 3, BKERR_LANG_ZH_CN, &e), 0);
    /* member by member: a result's padding is not part of it */
    assert_int_equal(r.status, e.status);
    assert_int_equal(r.code, e.code);
    assert_ptr_equal(r.catalog, e.catalog);
    assert_ptr_equal(r.symbol, e.symbol);
    assert_ptr_equal(r.message, e.message);
    assert_ptr_equal(r.advice, e.advice);
    assert_int_equal(r.message_lang, e.message_lang);
    assert_int_equal(r.variant, e.variant);
    assert_int_equal(r.n_variants, e.n_variants);
    assert_int_equal(r.platform.prefix, e.platform.prefix);
    assert_string_equal(r.message, "遗留");
    bkerr_close(reg);
}

static void each_of_several_symbols_counts(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(three);
    const struct want zh_only[] = {{"cmdb", 1100002, 0}, {"job", 1200002, 0}};
    assert_matches(reg, NULL, "HmZhOnly", zh_only, 2);
    assert_matches(reg, NULL, "SyFirst", zh_only + 1, 1);
    assert_matches(reg, NULL, "SyLast", zh_only + 1, 1);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup_symbol(reg, NULL, "SyLast", 0, BKERR_LANG_EN,
                                         &r), BKERR_FOUND);
    assert_string_equal(r.symbol, "SyFirst/HmZhOnly/SyLast");
    /* a piece of a symbol, the list itself, case, nothing */
    assert_matches(reg, NULL, "SyFirst/HmZhOnly", NULL, 0);
    assert_matches(reg, NULL, "SyFirst/HmZhOnly/SyLast", NULL, 0);
    assert_matches(reg, NULL, "Sy", NULL, 0);
    assert_matches(reg, NULL, "HmBot", NULL, 0);
    assert_matches(reg, NULL, "hmboth", NULL, 0);
    assert_matches(reg, NULL, "", NULL, 0);
    bkerr_close(reg);
}

static void legacy_codes_and_their_variants_are_found(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(three);
    const struct want foreign[] = {{"cmdb", 4361001, 0}};
    assert_matches(reg, NULL, "HmForeign", foreign, 1);
    const struct want eight[] = {{"cmdb", 36100001, 0}};
    assert_matches(reg, "cmdb", "HmEightDigits", eight, 1);
    /* guestprod's: a guest code and a short code, with their variants */
    const struct want lb2[] = {{"guestprod", 2000014, 1}};
    assert_matches(reg, NULL, "GpLoadBalancer2", lb2, 1);
    const struct want short2[] = {{"guestprod", 42, 1}};
    assert_matches(reg, "guestprod", "GpShort2", short2, 1);
    const struct want over[] = {{"guestprod", 1100001, 0}};
    assert_matches(reg, NULL, "GpOverCmdb", over, 1);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup_symbol(reg, NULL, "GpOverCmdb", 0,
                                         BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.message, "borrowed from cmdb");
    bkerr_close(reg);
}

static void bad_symbol_lookups_say_why(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(three);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup_symbol(reg, "nope", "HmBoth", 0,
                                         BKERR_LANG_EN, &r), BKERR_ENOPRODUCT);
    /* a platform without a catalog here */
    assert_int_equal(bkerr_lookup_symbol(reg, "bk_sops", "HmBoth", 0,
                                         BKERR_LANG_EN, &r), BKERR_ENOTFOUND);
    assert_int_equal(bkerr_lookup_symbol(NULL, NULL, "HmBoth", 0, BKERR_LANG_EN,
                                         &r), BKERR_EINVAL);
    assert_int_equal(bkerr_lookup_symbol(reg, NULL, NULL, 0, BKERR_LANG_EN, &r),
                     BKERR_EINVAL);
    assert_int_equal(bkerr_lookup_symbol(reg, NULL, "HmBoth", 0, BKERR_LANG_EN,
                                         NULL), BKERR_EINVAL);
    assert_int_equal(bkerr_lookup_symbol(reg, NULL, "HmBoth", 0,
                                         (enum bkerr_lang)3, &r), BKERR_EINVAL);
    bkerr_close(reg);
}

static void a_disabled_catalogs_symbols_are_not_found(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(
        "[catalog.cmdb]\npath = handmade.so\nenabled = false\n"
        "[catalog.job]\npath = symbols.so\n");
    const struct want both[] = {
        {"job", 1200001, 0}, {"job", 1200002, 1}, {"job", 5, 0}};
    assert_matches(reg, NULL, "HmBoth", both, 3);
    assert_matches(reg, "cmdb", "HmBoth", NULL, 0);
    bkerr_close(reg);
}

/* The bugs of the first match winning, on the bundled catalogs. */
static void the_bundled_catalogs_symbols_by_product(void **state)
{
    (void)state;
    bkerr_registry *reg;
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(bkerr_open(th_bundled_config(), &reg, err, sizeof err), 0);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup_symbol(reg, "gsekit", "BizNotExistError", 0,
                                         BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.catalog, "gsekit");
    assert_int_equal(r.code, 4100004);
    assert_int_equal(bkerr_lookup_symbol(reg, "bk_nodeman",
                                         "BkJwtVerifyException", 0,
                                         BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.catalog, "bk_nodeman");
    assert_int_equal(r.code, 3800017);
    assert_true(r.variant > 0);
    assert_string_equal(r.symbol, "BkJwtVerifyException");
    /* every product's, in bkerr.ini's order */
    const char *seen[8];
    size_t n = 0;
    while (n < 8 && bkerr_lookup_symbol(reg, NULL, "BkJwtVerifyException", n,
                                        BKERR_LANG_EN, &r) == BKERR_FOUND)
        seen[n++] = r.catalog;
    assert_int_equal(n, 4);
    assert_string_equal(seen[0], "bk_log_search");
    assert_string_equal(seen[1], "bk_nodeman");
    assert_string_equal(seen[2], "gsekit");
    assert_string_equal(seen[3], "bkdbm");
    /* one display name: the spec's, in a lookup and the catalog's status */
    assert_int_equal(bkerr_lookup(reg, 1901400, BKERR_LANG_EN, &r), BKERR_FOUND);
    size_t i;
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_find(reg, "bk_iam", &i), 0);
    assert_int_equal(bkerr_catalog_status(reg, i, &st), 0);
    assert_string_equal(r.platform.name_en, "IAM SaaS");
    assert_string_equal(st.name_en, r.platform.name_en);
    assert_string_equal(st.name_zh, r.platform.name_zh);
    bkerr_close(reg);
}

/* ---- threads ------------------------------------------------------------- */

static bkerr_registry *lazy;
static atomic_int go;

static void *first_symbol_lookup(void *arg)
{
    (void)arg;
    while (!atomic_load(&go))
        ; /* start together, to race the index's build */
    struct bkerr_result r;
    bool ok = true;
    static const int64_t codes[] = {1100001, 1200001, 1200002, 5};
    for (size_t k = 0; k < 4; k++)
        ok &= bkerr_lookup_symbol(lazy, NULL, "HmBoth", k, BKERR_LANG_EN, &r) ==
                  BKERR_FOUND &&
              r.code == codes[k];
    ok &= bkerr_lookup_symbol(lazy, "guestprod", "GpShort", 0, BKERR_LANG_EN,
                              &r) == BKERR_FOUND &&
          r.code == 42;
    return (void *)(uintptr_t)ok;
}

static void racing_first_symbol_lookups_on_a_lazy_registry(void **state)
{
    (void)state;
    char *ini = th_ini("load = lazy\n[catalog.cmdb]\npath = handmade.so\n"
                       "[catalog.job]\npath = symbols.so\n"
                       "[catalog.guestprod]\npath = guest_only.so\n");
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(th_open_ini(ini, &lazy, err, sizeof err), 0);
    free(ini);
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(lazy, 1, &st), 0);
    assert_int_equal(st.state, BKERR_CATALOG_LAZY);
    pthread_t t[2];
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&t[i], NULL, first_symbol_lookup, NULL),
                         0);
    atomic_store(&go, 1);
    for (size_t i = 0; i < 2; i++) {
        void *ok;
        assert_int_equal(pthread_join(t[i], &ok), 0);
        assert_true((uintptr_t)ok);
    }
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(bkerr_catalog_status(lazy, i, &st), 0);
        assert_int_equal(st.state, BKERR_CATALOG_LOADED);
    }
    bkerr_close(lazy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_specs_products_need_no_registry),
        cmocka_unit_test(an_admins_row_names_its_product_everywhere),
        cmocka_unit_test(the_specs_names_win_over_a_catalogs),
        cmocka_unit_test(a_product_without_a_prefix_is_its_catalogs),
        cmocka_unit_test(a_catalog_is_found_by_id),
        cmocka_unit_test(ranges_give_module_and_advice_as_lookups_do),
        cmocka_unit_test(ranges_default_to_the_registrys_language),
        cmocka_unit_test(a_longer_struct_keeps_its_tail),
        cmocka_unit_test(a_symbol_matches_in_every_catalog_in_order),
        cmocka_unit_test(each_of_several_symbols_counts),
        cmocka_unit_test(legacy_codes_and_their_variants_are_found),
        cmocka_unit_test(bad_symbol_lookups_say_why),
        cmocka_unit_test(a_disabled_catalogs_symbols_are_not_found),
        cmocka_unit_test(the_bundled_catalogs_symbols_by_product),
        cmocka_unit_test(racing_first_symbol_lookups_on_a_lazy_registry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
