/* Every row of the specification's tables, checked through the public API.
 * The expectations are typed from ../shared/spec/blueking-error-codes.md. */
#include <string.h>

#include "helpers.h"

static const struct {
    int prefix;
    const char *id, *name_zh; /* name_zh NULL: the spec gives none */
} spec_rows[] = {
    {10, "gse", "管控平台"},
    {11, "cmdb", "配置平台"},
    {12, "job", "作业平台"},
    {13, "paas", "PaaS 平台 2.0-开发者中心"},
    {14, "bcs", "容器管理平台"},
    {15, "bkbase", "计算平台（含 AIOps 平台）"},
    {16, "bkapigw", "API 网关"},
    {17, "bkm", "移动"},
    {19, "bk_iam", "权限中心 SaaS"},
    {20, "bk_devops", "蓝盾公共"},
    {21, "bk_ci", "蓝盾 CI"},
    {22, "bk_approval", "权限中心"},
    {23, "bk_codecc", "代码检查平台"},
    {24, "bk_turbo", "编译加速平台"},
    {25, "bk_repo", "制品库平台"},
    {26, "bk_teamwork", "项目管理平台"},
    {29, "bk_audit", "审计中心"},
    {30, "fta", "故障自愈后台"},
    {31, "bkarchiva", "包管理后台"},
    {32, "usermgr", "用户管理"},
    {35, "bk_sops", "标准运维"},
    {36, "bk_log_search", "日志平台"},
    {38, "bk_nodeman", "节点管理"},
    {39, "itsm", "流程服务"},
    {40, "bscp", "服务配置平台"},
    {41, "gsekit", "GSEKit"},
    {42, "gem", "GEM"},
    {43, "bk_paas3", "PaaS 平台 3.0-开发者中心"},
    {50, "redis", NULL},
    {51, "es", NULL},
    {52, "MySQL", NULL},
    {53, "zk", NULL},
    {54, "kafka", NULL},
    {55, "rabbitmq", NULL},
    {56, "activemq", NULL},
    {57, "beanstalk", NULL},
    {58, "consul", NULL},
    {80, "gene", "可源网络管理后台"},
    {82, "VRIP", "虚拟资源&IP管理系统"},
    {83, "sam", "系统账户管理产品"},
    {86, "bkvision", "图表平台"},
    {87, "bkdbm", "DB管理平台"},
    {88, "cw_saas", "嘉为科技产品"},
    /* the spec names 99's category but no id: bkerr calls it blueking */
    {99, "blueking", "蓝鲸体系通用服务"},
};

static enum bkerr_category expected_category(int prefix)
{
    if (prefix <= 29)
        return BKERR_CAT_PLATFORM;
    if (prefix <= 49)
        return BKERR_CAT_SAAS;
    if (prefix <= 79)
        return BKERR_CAT_PUBLIC;
    if (prefix <= 98)
        return BKERR_CAT_THIRD_PARTY;
    return BKERR_CAT_COMMON;
}

static void every_assigned_row_is_there(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof spec_rows / sizeof spec_rows[0]; i++) {
        struct bkerr_platform p;
        assert_int_equal(bkerr_platform(NULL, spec_rows[i].prefix, &p), 1);
        assert_int_equal(p.prefix, spec_rows[i].prefix);
        assert_string_equal(p.id, spec_rows[i].id);
        if (spec_rows[i].name_zh)
            assert_string_equal(p.name_zh, spec_rows[i].name_zh);
        else
            assert_null(p.name_zh);
        assert_non_null(p.name_en);
        assert_int_equal(p.category, expected_category(p.prefix));
        assert_false(p.admin);
    }
}

static bool in_spec(int prefix)
{
    for (size_t i = 0; i < sizeof spec_rows / sizeof spec_rows[0]; i++)
        if (spec_rows[i].prefix == prefix)
            return true;
    return false;
}

static void every_other_prefix_is_an_unassigned_slot(void **state)
{
    (void)state;
    int unassigned = 0;
    for (int prefix = 10; prefix <= 99; prefix++) {
        if (in_spec(prefix))
            continue;
        struct bkerr_platform p;
        assert_int_equal(bkerr_platform(NULL, prefix, &p), 0);
        assert_null(p.id);
        assert_int_equal(p.prefix, prefix);
        assert_int_equal(p.category, expected_category(prefix));
        unassigned++;
    }
    /* rows the spec lists without a name are among them */
    const int nameless[] = {18, 27, 28, 33, 34, 37, 59, 81};
    for (size_t i = 0; i < sizeof nameless / sizeof nameless[0]; i++)
        assert_false(in_spec(nameless[i]));
    assert_int_equal(unassigned, 90 - (int)(sizeof spec_rows / sizeof spec_rows[0]));
}

static void prefixes_outside_10_99_are_refused(void **state)
{
    (void)state;
    struct bkerr_platform p;
    assert_int_equal(bkerr_platform(NULL, 9, &p), BKERR_EINVAL);
    assert_int_equal(bkerr_platform(NULL, 100, &p), BKERR_EINVAL);
    assert_int_equal(bkerr_platform(NULL, 11, NULL), BKERR_EINVAL);
}

static void categories_have_the_spec_names(void **state)
{
    (void)state;
    assert_string_equal(bkerr_category_name(BKERR_CAT_PLATFORM, BKERR_LANG_ZH_CN), "平台类");
    assert_string_equal(bkerr_category_name(BKERR_CAT_SAAS, BKERR_LANG_ZH_CN), "SaaS 后台");
    assert_string_equal(bkerr_category_name(BKERR_CAT_PUBLIC, BKERR_LANG_ZH_CN), "公共服务");
    assert_string_equal(bkerr_category_name(BKERR_CAT_THIRD_PARTY, BKERR_LANG_ZH_CN), "第三方 SaaS");
    assert_string_equal(bkerr_category_name(BKERR_CAT_COMMON, BKERR_LANG_ZH_CN), "蓝鲸体系通用服务");
    assert_string_equal(bkerr_category_name(BKERR_CAT_PLATFORM, BKERR_LANG_EN), "platform");
    assert_non_null(bkerr_category_name((enum bkerr_category)77, BKERR_LANG_EN));
}

static void specials_are_system_busy_and_success(void **state)
{
    (void)state;
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(NULL, -1, BKERR_LANG_ZH_CN, &r), BKERR_FOUND);
    assert_string_equal(r.message, "系统繁忙");
    assert_int_equal(r.platform.category, BKERR_CAT_SPECIAL);
    assert_int_equal(r.klass, BKERR_CLASS_SPECIAL);
    assert_null(r.catalog);
    assert_int_equal(bkerr_lookup(NULL, 0, BKERR_LANG_ZH_CN, &r), BKERR_FOUND);
    assert_string_equal(r.message, "请求成功");
    assert_int_equal(bkerr_lookup(NULL, 0, BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.message, "Success");
}

static const struct {
    int64_t suffix;
    const char *name_zh;
} generic_rows[] = {
    {4000, "请求参数非法"},   {4600, "协议不支持"},   {5000, "资源不存在"},
    {6100, "版本暂不支持"},   {6200, "接口暂时无法访问"},
    {60105, "邮箱不合法"},    {60106, "邮箱已存在"},
    {60108, "微信号已存在"},  {60109, "QQ号已存在"},
};

static void every_generic_row_answers_under_every_assigned_prefix(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof generic_rows / sizeof generic_rows[0]; i++)
        for (size_t j = 0; j < sizeof spec_rows / sizeof spec_rows[0]; j++) {
            int64_t code = spec_rows[j].prefix * 100000 + generic_rows[i].suffix;
            struct bkerr_result r;
            assert_int_equal(bkerr_lookup(NULL, code, BKERR_LANG_ZH_CN, &r),
                             BKERR_GENERIC);
            assert_string_equal(r.message, generic_rows[i].name_zh);
            assert_null(r.symbol);
            assert_null(r.catalog);
            assert_string_equal(r.platform.id, spec_rows[j].id);
        }
}

static void nameless_generic_ids_do_not_answer(void **state)
{
    (void)state;
    /* 60103, 60104 and "02 001" are in the spec with no name */
    const int64_t codes[] = {1560103, 1660104, 1902001, 2902001};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        struct bkerr_result r;
        assert_int_equal(bkerr_lookup(NULL, codes[i], BKERR_LANG_ZH_CN, &r),
                         BKERR_NO_CATALOG);
        assert_null(r.message);
    }
}

static void generic_rows_do_not_answer_for_unassigned_prefixes(void **state)
{
    (void)state;
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(NULL, 1804000, BKERR_LANG_ZH_CN, &r),
                     BKERR_UNASSIGNED);
    assert_null(r.message);
}

/* The listings give the same rows the lookups answer from. */
static void listings_give_the_tables_lookups_use(void **state)
{
    (void)state;
    struct bkerr_spec_code sc = {.size = sizeof sc};
    struct bkerr_result r;
    size_t n = 0;
    for (; bkerr_special(n, &sc) == 0; n++) {
        assert_int_equal(bkerr_lookup(NULL, sc.code, BKERR_LANG_EN, &r),
                         BKERR_FOUND);
        assert_string_equal(r.message, sc.name_en);
    }
    assert_int_equal(n, 2);
    size_t g = 0;
    for (; bkerr_generic(g, &sc) == 0; g++) {
        assert_true(sc.code > 0 && sc.code < 100000);
        assert_int_equal(
            bkerr_lookup(NULL, 1100000 + sc.code, BKERR_LANG_ZH_CN, &r),
            BKERR_GENERIC);
        assert_string_equal(r.message, sc.name_zh);
    }
    assert_true(g >= 5);
    assert_int_equal(bkerr_generic(g, &sc), BKERR_ENOTFOUND);

    struct bkerr_category_info c = {.size = sizeof c};
    size_t k = 0;
    for (; bkerr_category(k, &c) == 0; k++) {
        assert_string_equal(c.name_en,
                            bkerr_category_name(c.category, BKERR_LANG_EN));
        for (int p = c.first; p >= 10 && p <= c.last; p++) {
            struct bkerr_platform pl;
            bkerr_platform(NULL, p, &pl);
            assert_int_equal(pl.category, c.category);
        }
    }
    assert_int_equal(k, 6); /* the specials and the five prefix ranges */
}

/* A caller built with a shorter struct gets its part and nothing past
 * it; a size below the first version's is refused. */
static void sized_structs_are_filled_to_their_size(void **state)
{
    (void)state;
    unsigned char buf[sizeof(struct bkerr_spec_code) + 8];
    memset(buf, 0xAB, sizeof buf);
    struct bkerr_spec_code *sc = (struct bkerr_spec_code *)buf;
    sc->size = sizeof *sc;
    assert_int_equal(bkerr_special(0, sc), 0);
    assert_int_equal(sc->size, sizeof *sc);
    for (size_t i = sizeof *sc; i < sizeof buf; i++)
        assert_int_equal(buf[i], 0xAB);
    sc->size = sizeof *sc - 1;
    assert_int_equal(bkerr_special(0, sc), BKERR_EINVAL);
    assert_int_equal(bkerr_special(0, NULL), BKERR_EINVAL);
    assert_int_equal(bkerr_category(0, NULL), BKERR_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_assigned_row_is_there),
        cmocka_unit_test(every_other_prefix_is_an_unassigned_slot),
        cmocka_unit_test(prefixes_outside_10_99_are_refused),
        cmocka_unit_test(categories_have_the_spec_names),
        cmocka_unit_test(specials_are_system_busy_and_success),
        cmocka_unit_test(every_generic_row_answers_under_every_assigned_prefix),
        cmocka_unit_test(nameless_generic_ids_do_not_answer),
        cmocka_unit_test(generic_rows_do_not_answer_for_unassigned_prefixes),
        cmocka_unit_test(listings_give_the_tables_lookups_use),
        cmocka_unit_test(sized_structs_are_filled_to_their_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
