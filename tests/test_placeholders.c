/* The catalog compiler's placeholder normalisation (tools/catc). */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "../tools/catc/catalog.h"

static void expect(const char *in, const char *out)
{
    const char *why = NULL;
    char *got = catc_placeholders(in, &why);
    if (!got)
        fail_msg("\"%s\" refused: %s", in, why);
    assert_string_equal(got, out);
    free(got);
}

static void refused(const char *in, const char *reason)
{
    const char *why = NULL;
    char *got = catc_placeholders(in, &why);
    if (got)
        fail_msg("\"%s\" accepted as \"%s\"", in, got);
    th_assert_contains(why, reason);
}

static void printf_verbs_become_positional(void **state)
{
    (void)state;
    expect("'%s' 数据参数校验不通过", "'{0}' 数据参数校验不通过");
    expect("%s: %v (%d)", "{0}: {1} ({2})");
    expect("err %+v, %#v, %5.2f", "err {0}, {1}, {2}");
}

static void literal_percent_stays(void **state)
{
    (void)state;
    expect("100%% done", "100% done");
    expect("90% 的主机", "90% 的主机");
    expect("50%", "50%");
}

static void python_and_java_forms_are_canonical(void **state)
{
    (void)state;
    expect("fields{}", "fields{0}");
    expect("{}-{}", "{0}-{1}");
    expect("job_instance_id={0,number,#}", "job_instance_id={0}");
    expect("{name} and {0}", "{name} and {0}");
    expect("{{literal}} {x}", "{{literal}} {x}");
}

static void malformed_braces_are_refused(void **state)
{
    (void)state;
    refused("open {name", "'{'");
    refused("json {\"a\": 1}", "'{'");
    refused("close }", "lone '}'");
    refused("{0} and %s", "mixes");
    refused("{0,number", "'{'");
    refused("{abcdefghijklmnopqrstuvwxyzabcdefg}", "'{'"); /* 33 characters */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(printf_verbs_become_positional),
        cmocka_unit_test(literal_percent_stays),
        cmocka_unit_test(python_and_java_forms_are_canonical),
        cmocka_unit_test(malformed_braces_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
