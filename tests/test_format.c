/* Placeholder filling and rendering into caller buffers. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : *p >= 0xC0 ? 1 : -1;
        if (n < 0)
            return false;
        for (int k = 1; k <= n; k++)
            if ((p[k] & 0xC0) != 0x80)
                return false;
        p += n + 1;
    }
    return true;
}

static const char *fill(const char *tmpl, const struct bkerr_arg *args, size_t n)
{
    static char buf[256];
    int len = bkerr_fill(tmpl, args, n, buf, sizeof buf);
    assert_true(len >= 0 && (size_t)len < sizeof buf);
    assert_int_equal((size_t)len, strlen(buf));
    return buf;
}

static void fills_positional_and_named_placeholders(void **state)
{
    (void)state;
    const struct bkerr_arg args[] = {
        {NULL, "first"}, {"field", "bk_biz_id"}, {NULL, "second"}};
    assert_string_equal(fill("{0} and {1} ({field})", args, 3),
                        "first and second (bk_biz_id)");
    assert_string_equal(fill("{1}{0}{1}", args, 3), "secondfirstsecond");
}

static void leaves_placeholders_without_value_visible(void **state)
{
    (void)state;
    const struct bkerr_arg args[] = {{NULL, "x"}, {"gone", NULL}};
    assert_string_equal(fill("{0} {1} {name} {gone}", args, 2), "x {1} {name} {gone}");
    assert_string_equal(fill("{0}", NULL, 0), "{0}");
}

static void doubled_braces_are_literal(void **state)
{
    (void)state;
    const struct bkerr_arg args[] = {{NULL, "v"}};
    assert_string_equal(fill("{{0}} {{\"a\": {0}}}", args, 1), "{0} {\"a\": v}");
    assert_string_equal(fill("lone { and } and {bad name}", args, 1),
                        "lone { and } and {bad name}");
}

static void text_is_never_a_printf_format(void **state)
{
    (void)state;
    const struct bkerr_arg args[] = {{NULL, "%s%n%x"}};
    assert_string_equal(fill("%s %d %n {0}", args, 1), "%s %d %n %s%n%x");
}

static void null_value_keeps_its_position(void **state)
{
    (void)state;
    const struct bkerr_arg args[] = {{NULL, NULL}, {NULL, "B"}};
    assert_string_equal(fill("{0}|{1}", args, 2), "{0}|B");
}

static void values_are_not_expanded_again(void **state)
{
    (void)state;
    const struct bkerr_arg args[] = {{NULL, "{1}"}, {NULL, "no"}};
    assert_string_equal(fill("{0}", args, 2), "{1}");
}

static void reports_full_length_and_cuts_on_character_boundaries(void **state)
{
    (void)state;
    const struct bkerr_arg args[] = {{NULL, "主机"}};
    const char *tmpl = "获取设备数据失败, 错误:{0}";
    char full[128];
    int n = bkerr_fill(tmpl, args, 1, full, sizeof full);
    assert_string_equal(full, "获取设备数据失败, 错误:主机");
    assert_int_equal(bkerr_fill(tmpl, args, 1, NULL, 0), n);
    for (size_t len = 1; len <= (size_t)n + 1; len++) {
        char buf[128];
        memset(buf, 'Z', sizeof buf);
        assert_int_equal(bkerr_fill(tmpl, args, 1, buf, len), n);
        size_t got = strlen(buf);
        assert_true(got < len);
        assert_true(valid_utf8(buf));
        assert_memory_equal(buf, full, got);
        /* nothing more than one character (4 bytes) is dropped */
        assert_true(got + 4 > len - 1 || got == (size_t)n);
        assert_int_equal(buf[len], 'Z'); /* nothing written past len */
    }
}

static void refuses_bad_arguments(void **state)
{
    (void)state;
    char buf[8];
    assert_int_equal(bkerr_fill(NULL, NULL, 0, buf, sizeof buf), BKERR_EINVAL);
    assert_int_equal(bkerr_fill("x", NULL, 1, buf, sizeof buf), BKERR_EINVAL);
    assert_int_equal(bkerr_fill("x", NULL, 0, NULL, 4), BKERR_EINVAL);
    assert_int_equal(bkerr_format(NULL, NULL, 0, buf, sizeof buf), BKERR_EINVAL);
}

static bkerr_registry *reg;

static int open_registry(void **state)
{
    (void)state;
    char *ini = th_ini("[catalog.cmdb]\npath = handmade.so\nrequired = true\n");
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

static char *render(int64_t code, enum bkerr_lang lang,
                    const struct bkerr_arg *args, size_t nargs)
{
    struct bkerr_result r;
    assert_true(bkerr_lookup(reg, code, lang, &r) >= 0);
    int n = bkerr_format(&r, args, nargs, NULL, 0);
    assert_true(n > 0);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(bkerr_format(&r, args, nargs, buf, (size_t)n + 1), n);
    assert_true(valid_utf8(buf));
    return buf;
}

static void renders_code_platform_message_and_advice(void **state)
{
    (void)state;
    const struct bkerr_arg args[] = {{NULL, "host"}, {"field", "bk_biz_id"}};
    char *s = render(1199006, BKERR_LANG_ZH_CN, args, 2);
    assert_string_equal(s, "1199006 [cmdb 配置平台 · 平台类 · common] HmParams\n"
                           "'host' 参数 bk_biz_id 校验失败\n"
                           "处理方案：通用模块方案");
    free(s);
    s = render(1100001, BKERR_LANG_EN, NULL, 0);
    assert_string_equal(s, "1100001 [cmdb Configuration platform (CMDB) · platform] "
                           "HmBoth\nEnglish message\nAdvice: English advice");
    free(s);
}

static void renders_every_status(void **state)
{
    (void)state;
    char *s = render(1104600, BKERR_LANG_ZH_CN, NULL, 0);
    th_assert_contains(s, "协议不支持（通用错误码）");
    free(s);
    s = render(1234567, BKERR_LANG_EN, NULL, 0);
    th_assert_contains(s, "No catalog is loaded");
    free(s);
    s = render(1100999, BKERR_LANG_EN, NULL, 0);
    th_assert_contains(s, "Not in catalog cmdb.");
    free(s);
    s = render(1812345, BKERR_LANG_ZH_CN, NULL, 0);
    th_assert_contains(s, "1812345 [18 · 平台类]");
    th_assert_contains(s, "未分配");
    free(s);
    s = render(3001, BKERR_LANG_EN, NULL, 0);
    th_assert_contains(s, "Not a standard BlueKing code: not a 7-digit code");
    free(s);
    s = render(-1, BKERR_LANG_ZH_CN, NULL, 0);
    th_assert_contains(s, "-1 [特殊码]\n系统繁忙");
    free(s);
}

static void format_truncation_keeps_utf8_and_reports_length(void **state)
{
    (void)state;
    struct bkerr_result r;
    bkerr_lookup(reg, 1199006, BKERR_LANG_ZH_CN, &r);
    char full[512];
    int n = bkerr_format(&r, NULL, 0, full, sizeof full);
    assert_true(n > 0 && (size_t)n < sizeof full);
    for (size_t len = 0; len <= (size_t)n; len++) {
        char buf[512];
        assert_int_equal(bkerr_format(&r, NULL, 0, len ? buf : NULL, len), n);
        if (!len)
            continue;
        assert_true(strlen(buf) < len);
        assert_true(valid_utf8(buf));
        assert_memory_equal(buf, full, strlen(buf));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fills_positional_and_named_placeholders),
        cmocka_unit_test(leaves_placeholders_without_value_visible),
        cmocka_unit_test(doubled_braces_are_literal),
        cmocka_unit_test(text_is_never_a_printf_format),
        cmocka_unit_test(values_are_not_expanded_again),
        cmocka_unit_test(null_value_keeps_its_position),
        cmocka_unit_test(reports_full_length_and_cuts_on_character_boundaries),
        cmocka_unit_test(refuses_bad_arguments),
        cmocka_unit_test(renders_code_platform_message_and_advice),
        cmocka_unit_test(renders_every_status),
        cmocka_unit_test(format_truncation_keeps_utf8_and_reports_length),
    };
    return cmocka_run_group_tests(tests, open_registry, close_registry);
}
