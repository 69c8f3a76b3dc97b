/* Every lookup status, language fallback, ranges and product scope,
 * against the hand-written test catalogs. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static bkerr_registry *reg;

static int open_registry(void **state)
{
    (void)state;
    char *ini = th_ini("[platform.33]\nid = monitor\nname_zh = 监控平台\n"
                       "name_en = Monitor\n"
                       "[catalog.cmdb]\npath = handmade.so\nrequired = true\n"
                       "[catalog.monitor]\npath = monitor33.so\nrequired = true\n");
    char err[BKERR_ERRMSG_SIZE];
    int rc = th_open_ini(ini, &reg, err, sizeof err);
    free(ini);
    if (rc)
        print_error("%s\n", err);
    return rc;
}

static int close_registry(void **state)
{
    (void)state;
    bkerr_close(reg);
    return 0;
}

static struct bkerr_result look(int64_t code, enum bkerr_lang lang, int status)
{
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, code, lang, &r), status);
    assert_int_equal(r.status, status);
    assert_int_equal(r.code, code);
    return r;
}

static void found_entry_has_every_field(void **state)
{
    (void)state;
    struct bkerr_result r = look(1100001, BKERR_LANG_ZH_CN, BKERR_FOUND);
    assert_int_equal(r.klass, BKERR_CLASS_STANDARD);
    assert_int_equal(r.platform.prefix, 11);
    assert_string_equal(r.platform.id, "cmdb");
    assert_string_equal(r.platform.name_zh, "配置平台");
    assert_int_equal(r.platform.category, BKERR_CAT_PLATFORM);
    assert_string_equal(r.catalog, "cmdb");
    assert_string_equal(r.catalog_version, "9.9.9");
    assert_string_equal(r.symbol, "HmBoth");
    assert_string_equal(r.message, "中文消息");
    assert_string_equal(r.advice, "中文方案");
    assert_int_equal(r.message_lang, BKERR_LANG_ZH_CN);
    assert_int_equal(r.advice_lang, BKERR_LANG_ZH_CN);
    assert_false(r.advice_inherited);
    assert_null(r.reason);

    r = look(1100001, BKERR_LANG_EN, BKERR_FOUND);
    assert_string_equal(r.message, "English message");
    assert_string_equal(r.advice, "English advice");
    assert_int_equal(r.message_lang, BKERR_LANG_EN);
}

static void english_falls_back_to_chinese(void **state)
{
    (void)state;
    struct bkerr_result r = look(1100002, BKERR_LANG_EN, BKERR_FOUND);
    assert_string_equal(r.message, "只有中文");
    assert_int_equal(r.message_lang, BKERR_LANG_ZH_CN);
    assert_string_equal(r.advice, "只有中文方案"); /* advice_en is "" */
    assert_int_equal(r.advice_lang, BKERR_LANG_ZH_CN);
}

static void chinese_falls_back_to_english(void **state)
{
    (void)state;
    struct bkerr_result r = look(1100003, BKERR_LANG_ZH_CN, BKERR_FOUND);
    assert_string_equal(r.message, "English only"); /* message_zh is "" */
    assert_int_equal(r.message_lang, BKERR_LANG_EN);
    assert_string_equal(r.advice, "English-only advice");
    assert_int_equal(r.advice_lang, BKERR_LANG_EN);
}

static void entry_without_advice_inherits_its_range(void **state)
{
    (void)state;
    struct bkerr_result r = look(1101000, BKERR_LANG_EN, BKERR_FOUND);
    assert_string_equal(r.advice, "Topology module advice");
    assert_true(r.advice_inherited);
    assert_string_equal(r.module, "topo");
    /* the range has no English: its Chinese advice, never empty text */
    r = look(1199006, BKERR_LANG_EN, BKERR_FOUND);
    assert_string_equal(r.advice, "通用模块方案");
    assert_int_equal(r.advice_lang, BKERR_LANG_ZH_CN);
    assert_true(r.advice_inherited);
}

static void default_language_is_the_registry_default(void **state)
{
    (void)state;
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_DEFAULT);
    struct bkerr_result r = look(1100001, BKERR_LANG_DEFAULT, BKERR_FOUND);
    assert_string_equal(r.message, "中文消息");
}

static void generic_answers_when_the_catalog_lacks_the_code(void **state)
{
    (void)state;
    struct bkerr_result r = look(1104600, BKERR_LANG_ZH_CN, BKERR_GENERIC);
    assert_string_equal(r.message, "协议不支持");
    assert_string_equal(r.catalog, "cmdb"); /* consulted, did not answer */
    assert_null(r.symbol);
    assert_non_null(r.advice);
}

static void generic_answers_for_a_prefix_without_catalog(void **state)
{
    (void)state;
    struct bkerr_result r = look(1205000, BKERR_LANG_EN, BKERR_GENERIC);
    assert_string_equal(r.message, "Resource not found");
    assert_string_equal(r.platform.id, "job");
    assert_null(r.catalog);
}

static void missing_code_in_loaded_catalog(void **state)
{
    (void)state;
    struct bkerr_result r = look(1100999, BKERR_LANG_ZH_CN, BKERR_NOT_IN_CATALOG);
    assert_string_equal(r.catalog, "cmdb");
    assert_null(r.message);
    assert_null(r.advice);
    assert_null(r.module);
    /* inside a range: no message, but the module and its advice */
    r = look(1101999, BKERR_LANG_ZH_CN, BKERR_NOT_IN_CATALOG);
    assert_null(r.message);
    assert_string_equal(r.module, "topo");
    assert_string_equal(r.advice, "拓扑模块方案");
    assert_true(r.advice_inherited);
}

static void assigned_prefix_without_catalog(void **state)
{
    (void)state;
    struct bkerr_result r = look(1234567, BKERR_LANG_ZH_CN, BKERR_NO_CATALOG);
    assert_string_equal(r.platform.id, "job");
    assert_string_equal(r.platform.name_zh, "作业平台");
    assert_null(r.catalog);
    assert_null(r.message);
}

static void unassigned_prefix(void **state)
{
    (void)state;
    struct bkerr_result r = look(1812345, BKERR_LANG_ZH_CN, BKERR_UNASSIGNED);
    assert_int_equal(r.platform.prefix, 18);
    assert_null(r.platform.id);
    assert_int_equal(r.platform.category, BKERR_CAT_PLATFORM);
    r = look(9512345, BKERR_LANG_ZH_CN, BKERR_UNASSIGNED);
    assert_int_equal(r.platform.category, BKERR_CAT_THIRD_PARTY);
}

static void admin_allocated_prefix_resolves(void **state)
{
    (void)state;
    struct bkerr_result r = look(3300001, BKERR_LANG_ZH_CN, BKERR_FOUND);
    assert_string_equal(r.platform.id, "monitor");
    assert_string_equal(r.platform.name_zh, "监控平台");
    assert_true(r.platform.admin);
    assert_string_equal(r.symbol, "MonitorError");
    struct bkerr_platform p;
    assert_int_equal(bkerr_platform(reg, 33, &p), 1);
    assert_string_equal(p.name_en, "Monitor");
    assert_int_equal(bkerr_platform(NULL, 33, &p), 0); /* spec alone */
}

static void nonstandard_code_is_invalid_without_product(void **state)
{
    (void)state;
    const int64_t codes[] = {3001, -2, 36100001, 9000, 99};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        struct bkerr_result r = look(codes[i], BKERR_LANG_ZH_CN, BKERR_INVALID);
        assert_int_equal(r.klass, BKERR_CLASS_NONSTANDARD);
        assert_non_null(r.reason);
        assert_null(r.message);
    }
}

static struct bkerr_result in_product(const char *product, int64_t code,
                                      int status)
{
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup_product(reg, product, code, BKERR_LANG_ZH_CN, &r),
                     status);
    return r;
}

static void legacy_codes_answer_in_product_scope(void **state)
{
    (void)state;
    struct bkerr_result r = in_product("cmdb", 3001, BKERR_FOUND);
    assert_string_equal(r.symbol, "HmJsonDecode");
    assert_string_equal(r.message, "json decode failed!");
    assert_int_equal(r.message_lang, BKERR_LANG_EN);
    assert_string_equal(r.platform.id, "cmdb");
    assert_string_equal(r.catalog, "cmdb");
    assert_string_equal(in_product("cmdb", -2, BKERR_FOUND).symbol, "HmUnknown");
    assert_string_equal(in_product("cmdb", 36100001, BKERR_FOUND).symbol,
                        "HmEightDigits");
    /* the product's own name for a special code */
    assert_string_equal(in_product("cmdb", 0, BKERR_FOUND).symbol, "HmSuccess");
    /* a code the product emits under another prefix */
    r = in_product("cmdb", 4361001, BKERR_FOUND);
    assert_string_equal(r.symbol, "HmForeign");
    assert_string_equal(r.platform.id, "cmdb");
}

static void legacy_codes_under_another_prefix_are_guests(void **state)
{
    (void)state;
    /* handmade.so's 4361001 lies under bk_paas3's prefix, which has no
     * catalog here: cmdb's entry answers, labelled as cmdb's */
    struct bkerr_result r = look(4361001, BKERR_LANG_EN, BKERR_GUEST);
    assert_string_equal(r.platform.id, "bk_paas3");
    assert_true(r.guest);
    assert_string_equal(r.catalog, "cmdb");
    assert_string_equal(r.symbol, "HmForeign");
    assert_string_equal(r.message, "emitted under another prefix");
    assert_int_equal(r.n_guests, 1);
    assert_int_equal(bkerr_lookup_guest(reg, 4361001, 0, BKERR_LANG_EN, &r),
                     BKERR_GUEST);
    assert_string_equal(r.symbol, "HmForeign");
    assert_int_equal(bkerr_lookup_guest(reg, 4361001, 1, BKERR_LANG_EN, &r),
                     BKERR_ENOTFOUND);
    assert_string_equal(bkerr_message(reg, 4361001, BKERR_LANG_EN),
                        "emitted under another prefix");
    char text[256];
    bkerr_lookup(reg, 4361001, BKERR_LANG_EN, &r);
    bkerr_format(&r, NULL, 0, text, sizeof text);
    th_assert_contains(text, "[used by cmdb · prefix 43 belongs to bk_paas3");
    /* codes of other widths stay the product's own */
    look(3001, BKERR_LANG_ZH_CN, BKERR_INVALID);
    r = look(0, BKERR_LANG_ZH_CN, BKERR_FOUND);
    assert_string_equal(r.message, "请求成功");
    assert_null(r.symbol);
}

static void product_scope_falls_back_to_global_rules(void **state)
{
    (void)state;
    assert_string_equal(in_product("cmdb", 1100001, BKERR_FOUND).symbol, "HmBoth");
    assert_string_equal(in_product("cmdb", -1, BKERR_FOUND).message, "系统繁忙");
    struct bkerr_result r = in_product("cmdb", 9000, BKERR_NOT_IN_CATALOG);
    assert_string_equal(r.catalog, "cmdb");
    r = in_product("job", 3001, BKERR_NO_CATALOG);
    assert_string_equal(r.platform.id, "job");
    r = in_product("monitor", 3001, BKERR_NOT_IN_CATALOG);
    assert_string_equal(r.platform.id, "monitor");
}

static void unknown_product_is_an_error(void **state)
{
    (void)state;
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup_product(reg, "nope", 3001, BKERR_LANG_ZH_CN, &r),
                     BKERR_ENOPRODUCT);
    assert_int_equal(r.status, BKERR_INVALID);
    assert_non_null(r.reason);
    assert_int_equal(bkerr_lookup_product(reg, NULL, 3001, BKERR_LANG_ZH_CN, &r),
                     BKERR_EINVAL);
}

static void bad_arguments_are_refused(void **state)
{
    (void)state;
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, 1100001, BKERR_LANG_ZH_CN, NULL),
                     BKERR_EINVAL);
    assert_int_equal(bkerr_lookup(reg, 1100001, (enum bkerr_lang)7, &r),
                     BKERR_EINVAL);
    assert_int_equal(bkerr_lookup(reg, 1100001, (enum bkerr_lang)-1, &r),
                     BKERR_EINVAL);
}

static void status_names_are_stable(void **state)
{
    (void)state;
    assert_string_equal(bkerr_status_name(BKERR_FOUND), "found");
    assert_string_equal(bkerr_status_name(BKERR_GENERIC), "generic");
    assert_string_equal(bkerr_status_name(BKERR_NO_CATALOG), "no_catalog");
    assert_string_equal(bkerr_status_name(BKERR_NOT_IN_CATALOG), "not_in_catalog");
    assert_string_equal(bkerr_status_name(BKERR_UNASSIGNED), "unassigned");
    assert_string_equal(bkerr_status_name(BKERR_INVALID), "invalid");
    assert_string_equal(bkerr_status_name((enum bkerr_status)99), "unknown");
}

static void english_default_from_ini(void **state)
{
    (void)state;
    char *ini = th_ini("lang = en\n[catalog.cmdb]\npath = handmade.so\n");
    bkerr_registry *en;
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(th_open_ini(ini, &en, err, sizeof err), 0);
    free(ini);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(en, 1100001, BKERR_LANG_DEFAULT, &r), BKERR_FOUND);
    assert_string_equal(r.message, "English message");
    bkerr_close(en);
}

static void catalog_entries_iterate_codes_then_legacy(void **state)
{
    (void)state;
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, 0, &st), 0);
    assert_string_equal(st.id, "cmdb");
    assert_int_equal(st.line, 7); /* after [registry], plugin_dir, [platform.33] x4 */
    const int64_t want[] = {1100001, 1100002, 1100003, 1101000, 1199006,
                            1199007, -2, 0, 3001, 4361001, 36100001};
    struct bkerr_result r;
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        assert_int_equal(bkerr_catalog_entry(reg, 0, k, BKERR_LANG_EN, &r), 0);
        assert_int_equal(r.code, want[k]);
        assert_int_equal(r.status, BKERR_FOUND);
        assert_string_equal(r.catalog, "cmdb");
    }
    assert_int_equal(bkerr_catalog_entry(reg, 0, 11, BKERR_LANG_EN, &r),
                     BKERR_ENOTFOUND);
    assert_int_equal(bkerr_catalog_entry(reg, 2, 0, BKERR_LANG_EN, &r),
                     BKERR_ENOTFOUND);
    assert_int_equal(bkerr_catalog_entry(reg, 0, 0, BKERR_LANG_EN, NULL),
                     BKERR_EINVAL);
}

static bkerr_registry *open_with(const char *rest, uint32_t flags,
                                 const char *only, int want_rc)
{
    char *ini = th_ini(rest);
    char *dir = th_tmpdir();
    char *path = th_write(dir, "bkerr.ini", ini);
    const struct bkerr_open_options opt = {sizeof opt, flags, only};
    bkerr_registry *r = NULL;
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(bkerr_open_with(path, &opt, &r, err, sizeof err), want_rc);
    free(path);
    free(ini);
    th_rmtree(dir);
    return r;
}

static const char two_catalogs[] =
    "[platform.33]\nid = monitor\n"
    "[catalog.cmdb]\npath = handmade.so\nrequired = true\n"
    "[catalog.monitor]\npath = monitor33.so\n";

static void no_load_lists_catalogs_without_loading_them(void **state)
{
    (void)state;
    bkerr_registry *r = open_with(two_catalogs, BKERR_OPEN_NO_LOAD, NULL, 0);
    struct bkerr_catalog_status st;
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(bkerr_catalog_status(r, i, &st), 0);
        assert_int_equal(st.state, BKERR_CATALOG_SKIPPED);
    }
    struct bkerr_result res;
    assert_int_equal(bkerr_lookup(r, 1100001, BKERR_LANG_ZH_CN, &res),
                     BKERR_NO_CATALOG);
    bkerr_close(r);
}

static void only_loads_the_named_catalog(void **state)
{
    (void)state;
    bkerr_registry *r = open_with(two_catalogs, 0, "monitor", 0);
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(r, 0, &st), 0);
    assert_int_equal(st.state, BKERR_CATALOG_SKIPPED);
    assert_int_equal(bkerr_catalog_status(r, 1, &st), 0);
    assert_int_equal(st.state, BKERR_CATALOG_LOADED);
    bkerr_close(r);
    /* a required catalog that fails does not fail an open of it alone */
    r = open_with("[catalog.cmdb]\npath = bad_major.so\nrequired = true\n", 0,
                  "cmdb", 0);
    assert_int_equal(bkerr_catalog_status(r, 0, &st), 0);
    assert_int_equal(st.state, BKERR_CATALOG_REJECTED);
    bkerr_close(r);
    open_with("[catalog.cmdb]\npath = bad_major.so\nrequired = true\n", 0,
              NULL, BKERR_ECATALOG);
}

static void options_of_a_smaller_size_are_refused(void **state)
{
    (void)state;
    const struct bkerr_open_options opt = {4, 0, NULL};
    bkerr_registry *r = (bkerr_registry *)&opt;
    char err[64];
    assert_int_equal(bkerr_open_with("/nonexistent", &opt, &r, err, sizeof err),
                     BKERR_EINVAL);
    assert_null(r);
    th_assert_contains(err, "options");
}

static const char lazy_catalogs[] =
    "load = lazy\n[platform.33]\nid = monitor\n"
    "[catalog.cmdb]\npath = handmade.so\n"
    "[catalog.monitor]\npath = monitor33.so\n"
    "[catalog.job]\npath = bad_major.so\n";

static enum bkerr_catalog_state state_of(bkerr_registry *r, size_t i)
{
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(r, i, &st), 0);
    return st.state;
}

static void lazy_catalogs_load_at_their_first_lookup(void **state)
{
    (void)state;
    bkerr_registry *r = open_with(lazy_catalogs, 0, NULL, 0);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(state_of(r, i), BKERR_CATALOG_LAZY);
    struct bkerr_result res;
    /* a product-scoped lookup of a legacy code loads its catalog alone */
    assert_int_equal(bkerr_lookup_product(r, "cmdb", 3001, BKERR_LANG_EN, &res),
                     BKERR_FOUND);
    assert_int_equal(state_of(r, 0), BKERR_CATALOG_LOADED);
    assert_int_equal(state_of(r, 1), BKERR_CATALOG_LAZY); /* not touched */
    assert_int_equal(state_of(r, 2), BKERR_CATALOG_LAZY);
    /* a plain lookup of a standard code loads every catalog: any of them
     * may use the code under a prefix it does not own (guest codes) */
    assert_int_equal(bkerr_lookup(r, 1100001, BKERR_LANG_EN, &res), BKERR_FOUND);
    assert_string_equal(res.message, "English message");
    assert_int_equal(state_of(r, 1), BKERR_CATALOG_LOADED);
    assert_int_equal(bkerr_lookup_product(r, "monitor", 3300001, BKERR_LANG_EN,
                                          &res), BKERR_FOUND);
    /* a broken lazy catalog is rejected when it loads, with reason */
    assert_int_equal(bkerr_lookup(r, 1234567, BKERR_LANG_EN, &res),
                     BKERR_NO_CATALOG);
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(r, 2, &st), 0);
    assert_int_equal(st.state, BKERR_CATALOG_REJECTED);
    th_assert_contains(st.reason, "ABI major");
    bkerr_close(r);
}

static void lazy_catalog_loads_for_listing(void **state)
{
    (void)state;
    bkerr_registry *r = open_with(lazy_catalogs, 0, NULL, 0);
    struct bkerr_result res;
    assert_int_equal(bkerr_catalog_entry(r, 0, 0, BKERR_LANG_EN, &res), 0);
    assert_int_equal(res.code, 1100001);
    assert_int_equal(state_of(r, 0), BKERR_CATALOG_LOADED);
    bkerr_close(r);
}

static void required_catalogs_load_at_open_even_when_lazy(void **state)
{
    (void)state;
    bkerr_registry *r = open_with("load = lazy\n[catalog.cmdb]\n"
                                  "path = handmade.so\nrequired = true\n",
                                  0, NULL, 0);
    assert_int_equal(state_of(r, 0), BKERR_CATALOG_LOADED);
    bkerr_close(r);
    open_with("load = lazy\n[catalog.cmdb]\npath = bad_major.so\n"
              "required = true\n", 0, NULL, BKERR_ECATALOG);
    /* fatal = true makes every catalog required: none waits */
    open_with("load = lazy\nfatal = true\n[catalog.cmdb]\n"
              "path = bad_major.so\n", 0, NULL, BKERR_ECATALOG);
}

/* The bundled catalogs come compiled (bitmap, offsets, pool): listing
 * them by index and looking each code up agree, and a code between two
 * entries is not found. */
static void compiled_catalogs_index_every_code(void **state)
{
    (void)state;
    bkerr_registry *all;
    char err[BKERR_ERRMSG_SIZE];
    assert_int_equal(bkerr_open(th_bundled_config(), &all, err, sizeof err), 0);
    size_t n = bkerr_catalog_count(all), codes = 0;
    assert_true(n >= 14);
    for (size_t i = 0; i < n; i++) {
        struct bkerr_catalog_status st;
        assert_int_equal(bkerr_catalog_status(all, i, &st), 0);
        assert_int_equal(st.state, BKERR_CATALOG_LOADED);
        int64_t before = (int64_t)st.prefix * 100000 - 1;
        for (size_t k = 0; k < st.n_entries; k++) {
            struct bkerr_result e, r;
            assert_int_equal(bkerr_catalog_entry(all, i, k, BKERR_LANG_EN, &e),
                             0);
            assert_int_equal(e.status, BKERR_FOUND);
            assert_int_equal(bkerr_prefix(e.code), st.prefix);
            assert_true(e.code > before);
            if (e.code > before + 1) {
                /* not this catalog's; at most another's guest code */
                bkerr_lookup(all, before + 1, BKERR_LANG_EN, &r);
                assert_int_not_equal(r.status, BKERR_FOUND);
                if (r.status == BKERR_GUEST)
                    assert_string_not_equal(r.catalog, st.id);
                else
                    assert_null(r.symbol);
            }
            assert_int_equal(bkerr_lookup(all, e.code, BKERR_LANG_EN, &r),
                             BKERR_FOUND);
            assert_string_equal(r.catalog, st.id);
            assert_ptr_equal(r.message, e.message);
            assert_ptr_equal(bkerr_message(all, e.code, BKERR_LANG_EN),
                             e.message);
            assert_ptr_equal(r.symbol, e.symbol);
            assert_null(r.reason);
            before = e.code;
            codes++;
        }
    }
    assert_true(codes > 1800);
    bkerr_close(all);
}

/* bkerr_message() gives exactly the message bkerr_lookup() gives: every
 * status, every language, with and without a registry. */
static void message_is_the_lookups_message(void **state)
{
    (void)state;
    static const int64_t codes[] = {
        1100001, 1100002, 1100003, 1101000, 1199006, 1104600, /* entries */
        1100999, 1199999, 1100000,   /* not in the catalog; one generic */
        1234567, 1200001, 1800001,   /* no catalog; generic; unassigned */
        -1, 0, 3001, 12, -7, 99999999, /* specials; non-standard */
        INT64_MAX, INT64_MIN};
    static const enum bkerr_lang langs[] = {BKERR_LANG_DEFAULT,
                                            BKERR_LANG_ZH_CN, BKERR_LANG_EN};
    const bkerr_registry *regs[] = {reg, NULL};
    size_t answered = 0;
    for (size_t g = 0; g < 2; g++)
        for (size_t l = 0; l < 3; l++)
            for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
                struct bkerr_result r;
                bkerr_lookup(regs[g], codes[i], langs[l], &r);
                const char *m = bkerr_message(regs[g], codes[i], langs[l]);
                if (m != r.message)
                    fail_msg("bkerr_message(%s, %lld, %d) = \"%s\", lookup "
                             "says \"%s\"", g ? "NULL" : "reg",
                             (long long)codes[i], langs[l], m ? m : "(null)",
                             r.message ? r.message : "(null)");
                answered += m != NULL;
            }
    assert_true(answered > 30);
    assert_null(bkerr_message(reg, 1100001, (enum bkerr_lang)7));
    assert_null(bkerr_message(reg, 1100001, (enum bkerr_lang)-1));
}

static void load_must_be_eager_or_lazy(void **state)
{
    (void)state;
    open_with("load = later\n", 0, NULL, BKERR_ECONFIG);
    assert_string_equal(bkerr_catalog_state_name(BKERR_CATALOG_LAZY), "lazy");
    assert_string_equal(bkerr_catalog_state_name((enum bkerr_catalog_state)9),
                        "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(found_entry_has_every_field),
        cmocka_unit_test(english_falls_back_to_chinese),
        cmocka_unit_test(chinese_falls_back_to_english),
        cmocka_unit_test(entry_without_advice_inherits_its_range),
        cmocka_unit_test(default_language_is_the_registry_default),
        cmocka_unit_test(generic_answers_when_the_catalog_lacks_the_code),
        cmocka_unit_test(generic_answers_for_a_prefix_without_catalog),
        cmocka_unit_test(missing_code_in_loaded_catalog),
        cmocka_unit_test(assigned_prefix_without_catalog),
        cmocka_unit_test(unassigned_prefix),
        cmocka_unit_test(admin_allocated_prefix_resolves),
        cmocka_unit_test(nonstandard_code_is_invalid_without_product),
        cmocka_unit_test(legacy_codes_answer_in_product_scope),
        cmocka_unit_test(legacy_codes_under_another_prefix_are_guests),
        cmocka_unit_test(product_scope_falls_back_to_global_rules),
        cmocka_unit_test(unknown_product_is_an_error),
        cmocka_unit_test(bad_arguments_are_refused),
        cmocka_unit_test(status_names_are_stable),
        cmocka_unit_test(english_default_from_ini),
        cmocka_unit_test(catalog_entries_iterate_codes_then_legacy),
        cmocka_unit_test(no_load_lists_catalogs_without_loading_them),
        cmocka_unit_test(only_loads_the_named_catalog),
        cmocka_unit_test(options_of_a_smaller_size_are_refused),
        cmocka_unit_test(lazy_catalogs_load_at_their_first_lookup),
        cmocka_unit_test(lazy_catalog_loads_for_listing),
        cmocka_unit_test(required_catalogs_load_at_open_even_when_lazy),
        cmocka_unit_test(load_must_be_eager_or_lazy),
        cmocka_unit_test(compiled_catalogs_index_every_code),
        cmocka_unit_test(message_is_the_lookups_message),
    };
    return cmocka_run_group_tests(tests, open_registry, close_registry);
}
