/* Provenance, code status and variants (catalog ABI 1.2) through the
 * lookup API, on a hand-written catalog (tests/plugins/provenance.c) and
 * on an ABI 1.0 one, which says none of it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static bkerr_registry *open_with(const char *plugin)
{
    char section[256];
    snprintf(section, sizeof section,
             "[catalog.cmdb]\npath = %s\nrequired = true\n", plugin);
    return th_open_plugins(section);
}

static void entry_carries_its_provenance(void **state)
{
    (void)state;
    bkerr_registry *reg = open_with("provenance.so");
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, 1100001, BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.symbol, "PvFirst");
    assert_string_equal(r.message, "first meaning");
    assert_int_equal(r.code_status, BKERR_CODE_ACTIVE);
    assert_string_equal(r.defined, "src/errors.go:10");
    assert_string_equal(r.raised, "src/a.go:1 src/b.go:2");
    assert_string_equal(r.docs, "https://example.com/1100001");
    assert_string_equal(r.note, "two constants");
    assert_int_equal(r.note_lang, BKERR_LANG_EN);
    assert_string_equal(r.upstream, "TencentBlueKing/bk-cmdb@"
                                    "111e7ac66a9f81ac1617bf3d60aea8e430e76a46");
    assert_string_equal(r.upstream_version, "master, 2026-05-28");
    assert_int_equal(r.variant, 0);
    assert_int_equal(r.n_variants, 3);
    /* a record of zeros says nothing */
    assert_int_equal(bkerr_lookup(reg, 1100002, BKERR_LANG_ZH_CN, &r), BKERR_FOUND);
    assert_int_equal(r.code_status, BKERR_CODE_UNSTATED);
    assert_null(r.defined);
    assert_null(r.raised);
    assert_null(r.note);
    assert_int_equal(r.n_variants, 1);
    bkerr_close(reg);
}

static void variants_come_in_catalog_order_after_the_primary(void **state)
{
    (void)state;
    bkerr_registry *reg = open_with("provenance.so");
    struct bkerr_result r;
    const char *symbols[] = {"PvFirst", "PvSecond", "PvThird"};
    const char *messages[] = {"第一种含义", "第二种含义 {0}", "third meaning"};
    for (unsigned k = 0; k < 3; k++) {
        assert_int_equal(bkerr_lookup_variant(reg, NULL, 1100001, k,
                                              BKERR_LANG_ZH_CN, &r),
                         BKERR_FOUND);
        assert_int_equal(r.variant, k);
        assert_int_equal(r.n_variants, 3);
        assert_string_equal(r.symbol, symbols[k]);
        assert_string_equal(r.message, messages[k]); /* never joined */
    }
    assert_int_equal(r.message_lang, BKERR_LANG_EN); /* the third has no zh */
    assert_null(r.defined);
    assert_null(r.advice); /* its own, not the primary's */
    assert_int_equal(bkerr_lookup_variant(reg, NULL, 1100001, 1, BKERR_LANG_EN,
                                          &r), BKERR_FOUND);
    assert_int_equal(r.code_status, BKERR_CODE_DEPRECATED);
    assert_string_equal(r.raised, "src/c.go:3");
    assert_string_equal(r.advice, "second advice");
    assert_null(r.note);
    assert_int_equal(bkerr_lookup_variant(reg, NULL, 1100001, 3, BKERR_LANG_EN,
                                          &r), BKERR_ENOTFOUND);
    assert_int_equal(bkerr_lookup_variant(reg, NULL, 1100002, 1, BKERR_LANG_EN,
                                          &r), BKERR_ENOTFOUND);
    assert_int_equal(bkerr_lookup_variant(reg, NULL, 1100009, 1, BKERR_LANG_EN,
                                          &r), BKERR_ENOTFOUND);
    /* the message alone is the primary's */
    assert_string_equal(bkerr_message(reg, 1100001, BKERR_LANG_ZH_CN),
                        "第一种含义");
    bkerr_close(reg);
}

static void a_variant_inherits_its_codes_range(void **state)
{
    (void)state;
    bkerr_registry *reg = open_with("provenance.so");
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup_variant(reg, NULL, 1101000, 1, BKERR_LANG_EN,
                                          &r), BKERR_FOUND);
    assert_string_equal(r.symbol, "PvUnused2");
    assert_string_equal(r.module, "topo");
    assert_string_equal(r.advice, "Topology advice");
    assert_true(r.advice_inherited);
    bkerr_lookup(reg, 1101000, BKERR_LANG_EN, &r);
    assert_int_equal(r.code_status, BKERR_CODE_UNUSED);
    bkerr_close(reg);
}

static void legacy_codes_have_provenance_and_variants(void **state)
{
    (void)state;
    bkerr_registry *reg = open_with("provenance.so");
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup_product(reg, "cmdb", 3001, BKERR_LANG_EN, &r),
                     BKERR_FOUND);
    assert_int_equal(r.code_status, BKERR_CODE_REMOVED);
    assert_string_equal(r.defined, "src/old.go:7");
    assert_int_equal(r.n_variants, 2);
    assert_int_equal(bkerr_lookup_variant(reg, "cmdb", 3001, 1, BKERR_LANG_EN,
                                          &r), BKERR_FOUND);
    assert_string_equal(r.symbol, "PvLegacy2");
    assert_string_equal(r.message, "old code, again");
    assert_int_equal(r.code_status, BKERR_CODE_UNUSED);
    /* without the product a legacy code is no code, and has no variants */
    assert_int_equal(bkerr_lookup_variant(reg, NULL, 3001, 1, BKERR_LANG_EN,
                                          &r), BKERR_ENOTFOUND);
    assert_int_equal(r.status, BKERR_INVALID);
    bkerr_close(reg);
}

static void catalog_status_names_the_upstream(void **state)
{
    (void)state;
    bkerr_registry *reg = open_with("provenance.so");
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, 0, &st), 0);
    assert_string_equal(st.upstream, "TencentBlueKing/bk-cmdb@"
                                     "111e7ac66a9f81ac1617bf3d60aea8e430e76a46");
    assert_string_equal(st.upstream_version, "master, 2026-05-28");
    assert_int_equal(st.n_variants, 4);
    bkerr_close(reg);
}

static void an_older_catalog_says_nothing_of_it(void **state)
{
    (void)state;
    bkerr_registry *reg = open_with("abi_1_0.so");
    struct bkerr_result r;
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, 0, &st), 0);
    assert_null(st.upstream);
    assert_int_equal(st.n_variants, 0);
    size_t found = 0;
    for (size_t i = 0; bkerr_catalog_entry(reg, 0, i, BKERR_LANG_EN, &r) == 0;
         i++, found++) {
        assert_int_equal(r.code_status, BKERR_CODE_UNSTATED);
        assert_null(r.upstream);
        assert_null(r.defined);
        assert_int_equal(r.n_variants, 1);
        assert_int_equal(bkerr_lookup_variant(reg, "cmdb", r.code, 1,
                                              BKERR_LANG_EN, &r),
                         BKERR_ENOTFOUND);
    }
    assert_true(found > 0);
    bkerr_close(reg);
}

static void code_status_names_are_stable(void **state)
{
    (void)state;
    assert_string_equal(bkerr_code_status_name(BKERR_CODE_UNSTATED), "unstated");
    assert_string_equal(bkerr_code_status_name(BKERR_CODE_ACTIVE), "active");
    assert_string_equal(bkerr_code_status_name(BKERR_CODE_UNUSED), "unused");
    assert_string_equal(bkerr_code_status_name(BKERR_CODE_DEPRECATED),
                        "deprecated");
    assert_string_equal(bkerr_code_status_name(BKERR_CODE_REMOVED), "removed");
    assert_string_equal(bkerr_code_status_name((enum bkerr_code_status)99),
                        "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(entry_carries_its_provenance),
        cmocka_unit_test(variants_come_in_catalog_order_after_the_primary),
        cmocka_unit_test(a_variant_inherits_its_codes_range),
        cmocka_unit_test(legacy_codes_have_provenance_and_variants),
        cmocka_unit_test(catalog_status_names_the_upstream),
        cmocka_unit_test(an_older_catalog_says_nothing_of_it),
        cmocka_unit_test(code_status_names_are_stable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
