/* Guest codes: a catalog's codes under a prefix it does not own.  A
 * product without a prefix (tests/plugins/guest_only.c, id guestprod) is
 * loaded without any [platform.NN]; a plain lookup gives the owner's entry
 * when there is one and counts the guests, gives the guest's entry,
 * labelled, when the owner has none; lazily or not, the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static const char both[] =
    "[catalog.cmdb]\npath = handmade.so\nrequired = true\n"
    "[catalog.guestprod]\npath = guest_only.so\nrequired = true\n";

static void a_product_without_a_prefix_loads(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(both);
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, 1, &st), 0);
    assert_int_equal(st.state, BKERR_CATALOG_LOADED);
    assert_int_equal(st.prefix, 0);
    assert_int_equal(st.n_legacy, 4);
    bkerr_close(reg);
}

static void the_owners_entry_answers_and_guests_are_counted(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(both);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, 1100001, BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.catalog, "cmdb");
    assert_string_equal(r.symbol, "HmBoth");
    assert_false(r.guest);
    assert_int_equal(r.n_guests, 1);
    assert_string_equal(bkerr_message(reg, 1100001, BKERR_LANG_EN),
                        "English message");
    assert_int_equal(bkerr_lookup_guest(reg, 1100001, 0, BKERR_LANG_EN, &r),
                     BKERR_GUEST);
    assert_string_equal(r.catalog, "guestprod");
    assert_string_equal(r.symbol, "GpOverCmdb");
    assert_string_equal(r.platform.id, "cmdb"); /* the prefix's owner */
    assert_true(r.guest);
    bkerr_close(reg);
}

static void a_guest_answers_where_the_owner_has_nothing(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(both);
    struct bkerr_result r;
    /* 20 is bk_devops', which has no catalog here */
    assert_int_equal(bkerr_lookup(reg, 2000014, BKERR_LANG_EN, &r), BKERR_GUEST);
    assert_string_equal(r.platform.id, "bk_devops");
    assert_string_equal(r.catalog, "guestprod");
    assert_string_equal(r.message, "load balancer is changing");
    assert_string_equal(r.advice, "Retry later");
    assert_int_equal(r.code_status, BKERR_CODE_ACTIVE);
    assert_int_equal(r.n_variants, 2);
    assert_int_equal(bkerr_lookup_variant(reg, NULL, 2000014, 1, BKERR_LANG_EN,
                                          &r), BKERR_GUEST);
    assert_string_equal(r.symbol, "GpLoadBalancer2");
    assert_true(r.guest);
    /* an unassigned prefix too */
    assert_int_equal(bkerr_lookup(reg, 1812345, BKERR_LANG_EN, &r), BKERR_GUEST);
    assert_null(r.platform.id);
    assert_string_equal(r.symbol, "GpUnassigned");
    char text[512];
    bkerr_format(&r, NULL, 0, text, sizeof text);
    th_assert_contains(text, "[used by guestprod · prefix 18 is unassigned");
    assert_string_equal(bkerr_message(reg, 2000014, BKERR_LANG_ZH_CN),
                        "负载均衡正在变更");
    /* what no catalog uses stays as it was */
    assert_int_equal(bkerr_lookup(reg, 2000015, BKERR_LANG_EN, &r),
                     BKERR_NO_CATALOG);
    assert_int_equal(r.n_guests, 0);
    assert_int_equal(bkerr_lookup(reg, 1812346, BKERR_LANG_EN, &r),
                     BKERR_UNASSIGNED);
    bkerr_close(reg);
}

static void the_product_scope_reaches_its_own_codes(void **state)
{
    (void)state;
    bkerr_registry *reg = th_open_plugins(both);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup_product(reg, "guestprod", 42, BKERR_LANG_EN,
                                          &r), BKERR_FOUND);
    assert_string_equal(r.symbol, "GpShort");
    assert_int_equal(r.platform.prefix, 0);
    assert_int_equal(r.n_variants, 2);
    assert_int_equal(bkerr_lookup_variant(reg, "guestprod", 42, 1,
                                          BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.symbol, "GpShort2");
    assert_int_equal(bkerr_lookup_product(reg, "guestprod", 1100001,
                                          BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.symbol, "GpOverCmdb"); /* its own meaning */
    assert_int_equal(bkerr_lookup_product(reg, "guestprod", 43, BKERR_LANG_EN,
                                          &r), BKERR_NOT_IN_CATALOG);
    assert_int_equal(bkerr_lookup_product(reg, "nosuch", 42, BKERR_LANG_EN, &r),
                     BKERR_ENOPRODUCT);
    bkerr_close(reg);
}

static void lazy_and_eager_give_the_same_answers(void **state)
{
    (void)state;
    char lazy_text[512];
    snprintf(lazy_text, sizeof lazy_text, "load = lazy\n%s", both);
    /* required catalogs load at open even when lazy: drop that */
    for (char *p; (p = strstr(lazy_text, "required = true\n"));)
        memmove(p, p + 16, strlen(p + 16) + 1);
    bkerr_registry *eager = th_open_plugins(both), *lazy = th_open_plugins(lazy_text);
    const int64_t codes[] = {2000014, 1100001, 1812345, 1100999, 2000015};
    for (size_t i = 0; i < BKERR_COUNT_OF(codes); i++) {
        struct bkerr_result a, b;
        bkerr_lookup(eager, codes[i], BKERR_LANG_EN, &a);
        bkerr_lookup(lazy, codes[i], BKERR_LANG_EN, &b);
        assert_int_equal(a.status, b.status);
        assert_int_equal(a.n_guests, b.n_guests);
        assert_true((!a.message && !b.message) ||
                    strcmp(a.message, b.message) == 0);
    }
    bkerr_close(eager);
    bkerr_close(lazy);
}

/* The bundled bkerr.ini with load = lazy. */
static bkerr_registry *open_bundled_lazy(void)
{
    FILE *f = fopen(th_bundled_config(), "r");
    assert_non_null(f);
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    char *at = strstr(text, "[registry]\n");
    assert_non_null(at);
    static char lazy[sizeof text + 16];
    at += strlen("[registry]\n");
    snprintf(lazy, sizeof lazy, "%.*sload = lazy\n%s", (int)(at - text), text,
             at);
    char err[512];
    bkerr_registry *reg;
    if (th_open_ini(lazy, &reg, err, sizeof err))
        fail_msg("%s", err);
    return reg;
}

static size_t count_loaded(const bkerr_registry *reg, size_t *last)
{
    size_t n = 0;
    for (size_t i = 0; i < bkerr_catalog_count(reg); i++) {
        struct bkerr_catalog_status st;
        assert_int_equal(bkerr_catalog_status(reg, i, &st), 0);
        if (st.state == BKERR_CATALOG_LOADED)
            n++, *last = i;
    }
    return n;
}

/* Whether catalog i of reg has a legacy code that is a standard code
 * under prefix (a guest there); its first such code in *code. */
static bool holds_guest(const bkerr_registry *reg, size_t i, int prefix,
                        int64_t *code)
{
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, i, &st), 0);
    for (size_t k = 0; k < st.n_legacy; k++) {
        struct bkerr_result r;
        assert_int_equal(bkerr_catalog_entry(reg, i, st.n_entries + k,
                                             BKERR_LANG_EN, &r), 0);
        if (r.klass == BKERR_CLASS_STANDARD && r.code / 100000 == prefix &&
            prefix != st.prefix) {
            *code = r.code;
            return true;
        }
    }
    return false;
}

/* The bundled plugins are bkerr-catc's, with the note naming where their
 * guests are: a lazy lookup of a plain code loads its catalog and those
 * that may hold a guest under its prefix, not all of them; and a guest
 * still answers as in an eager registry. */
static void a_lazy_lookup_loads_only_the_catalogs_it_needs(void **state)
{
    (void)state;
    char err[512];
    bkerr_registry *eager;
    if (bkerr_open(th_bundled_config(), &eager, err, sizeof err))
        fail_msg("%s", err);
    bkerr_registry *lazy = open_bundled_lazy();
    size_t last = 0, n_cat = bkerr_catalog_count(lazy), holders = 0;
    int64_t code;
    assert_int_equal(count_loaded(lazy, &last), 0);
    for (size_t i = 0; i < n_cat; i++)
        holders += holds_guest(eager, i, 11, &code);
    struct bkerr_result a, b;
    assert_int_equal(bkerr_lookup(lazy, 1199000, BKERR_LANG_EN, &b),
                     BKERR_FOUND);
    assert_string_equal(b.catalog, "cmdb");
    assert_int_equal(count_loaded(lazy, &last), 1 + holders);
    assert_true(1 + holders < n_cat / 2);
    bkerr_lookup(eager, 1199000, BKERR_LANG_EN, &a);
    assert_string_equal(a.message, b.message);
    assert_int_equal(a.n_guests, b.n_guests);
    /* every catalog's guests answer as they do eagerly */
    size_t guests = 0;
    for (size_t i = 0; i < n_cat; i++)
        for (int p = 10; p < 100; p++) {
            if (!holds_guest(eager, i, p, &code))
                continue;
            guests++;
            assert_int_equal(bkerr_lookup(lazy, code, BKERR_LANG_EN, &b),
                             bkerr_lookup(eager, code, BKERR_LANG_EN, &a));
            assert_int_equal(a.n_guests, b.n_guests);
            assert_true(a.n_guests > 0);
            assert_string_equal(a.catalog, b.catalog);
            assert_string_equal(a.message, b.message);
            assert_int_equal(bkerr_lookup_guest(lazy, code, 0, BKERR_LANG_EN,
                                                &b), BKERR_GUEST);
        }
    assert_true(guests > 0); /* the bundled catalogs have some */
    bkerr_close(lazy);
    bkerr_close(eager);
}

/* bkerr-catc's guest note must name every prefix a plugin's guests use:
 * one that leaves some out is refused; a note that is not one (its sizes
 * run past its segment) is no note, and the plugin loads as any without. */
static void a_guest_note_must_be_whole(void **state)
{
    (void)state;
    char err[512];
    bkerr_registry *reg;
    char *ini = th_ini("[catalog.guestprod]\npath = lying_note.so\n"
                       "required = true\n");
    assert_int_equal(th_open_ini(ini, &reg, err, sizeof err), BKERR_ECATALOG);
    th_assert_contains(err, "code 1812345 is a guest under prefix 18, which "
                            "the plugin's bkerr guest note does not list");
    free(ini);
    ini = th_ini("load = lazy\n[catalog.guestprod]\npath = bad_note.so\n");
    assert_int_equal(th_open_ini(ini, &reg, err, sizeof err), 0);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, 2000014, BKERR_LANG_EN, &r),
                     BKERR_GUEST);
    assert_string_equal(r.catalog, "guestprod");
    bkerr_close(reg);
    free(ini);
}

static void a_prefix_catalog_for_an_id_without_one_is_refused(void **state)
{
    (void)state;
    /* handmade.so says prefix 11 but is loaded as guestprod, which has none */
    char *ini = th_ini("[catalog.guestprod]\npath = handmade.so\n");
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NULL;
    assert_int_equal(th_open_ini(ini, &reg, err, sizeof err), 0);
    free(ini);
    struct bkerr_catalog_status st;
    bkerr_catalog_status(reg, 0, &st);
    assert_int_equal(st.state, BKERR_CATALOG_REJECTED);
    th_assert_contains(st.reason, "descriptor id is 'cmdb'");
    bkerr_close(reg);
    /* and one without a prefix may not give a range or entries */
    ini = th_ini("[catalog.guestprod]\npath = guest_entries.so\n");
    assert_int_equal(th_open_ini(ini, &reg, err, sizeof err), 0);
    free(ini);
    bkerr_catalog_status(reg, 0, &st);
    assert_int_equal(st.state, BKERR_CATALOG_REJECTED);
    th_assert_contains(st.reason, "ranges[0]: 2000000-2000999 is not a range of "
                                  "codes with prefix 0");
    bkerr_close(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_product_without_a_prefix_loads),
        cmocka_unit_test(the_owners_entry_answers_and_guests_are_counted),
        cmocka_unit_test(a_guest_answers_where_the_owner_has_nothing),
        cmocka_unit_test(the_product_scope_reaches_its_own_codes),
        cmocka_unit_test(lazy_and_eager_give_the_same_answers),
        cmocka_unit_test(a_lazy_lookup_loads_only_the_catalogs_it_needs),
        cmocka_unit_test(a_guest_note_must_be_whole),
        cmocka_unit_test(a_prefix_catalog_for_an_id_without_one_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
