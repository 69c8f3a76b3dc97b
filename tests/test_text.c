/* core/common/text.c's checks of catalog text, at every position around
 * the 8 bytes they skip at a time: each refused character is found with
 * its reason wherever it stands, among ASCII and among Chinese text, and
 * the characters next to them (é, “, 中) are let through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "common/text.h"

/* A text of `before` filler bytes (ASCII or 3-byte Chinese), then c, then
 * 20 more, into buf. */
static const char *around(char *buf, size_t before, const char *filler,
                          const char *c)
{
    size_t n = 0, f = strlen(filler);
    while (n + f <= before)
        memcpy(buf + n, filler, f), n += f;
    n += (size_t)sprintf(buf + n, "%s", c);
    for (size_t k = 0; k < 20; k += f)
        memcpy(buf + n, filler, f), n += f;
    buf[n] = '\0';
    return buf;
}

static void control_everywhere(void **state)
{
    (void)state;
    static const struct {
        const char *c, *names; /* names: part of the reason, or NULL */
    } cases[] = {
        {"\x01", "U+0001"}, {"\t", "U+0009"}, {"\n", "U+000A"},
        {"\x1f", "U+001F"}, {"\x7f", "U+007F"}, {"\xc2\x80", "U+0080"},
        {"\xc2\x9f", "U+009F"}, {"\xe2\x80\xaa", "U+202A"},
        {"\xe2\x80\xae", "U+202E"}, {"\xe2\x81\xa6", "U+2066"},
        {"\xe2\x81\xa9", "U+2069"},
        {" ", NULL}, {"~", NULL}, {"\xc2\xa0", NULL}, {"\xc3\xa9", NULL},
        {"\xe2\x80\x9c", NULL}, {"\xe2\x81\xa5", NULL}, {"中", NULL},
    };
    const char *fillers[] = {"a", "中"};
    char buf[256];
    for (size_t f = 0; f < 2; f++)
        for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
            for (size_t at = 0; at < 40; at++) {
                const char *why = bk_control_check(around(buf, at, fillers[f],
                                                          cases[k].c));
                if (!cases[k].names) {
                    assert_null(why);
                    continue;
                }
                assert_non_null(why);
                assert_non_null(strstr(why, cases[k].names));
            }
}

static void utf8_everywhere(void **state)
{
    (void)state;
    static const char *const bad[] = {"\x80", "\xc0\xaf", "\xed\xa0\x80",
                                      "\xf5\x80\x80\x80", "\xe4\xb8"};
    char buf[256];
    for (size_t at = 0; at < 40; at++) {
        for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
            const char *why = bk_utf8_check(around(buf, at, "a", bad[k]), 4096);
            assert_non_null(why);
            assert_non_null(strstr(why, "invalid UTF-8"));
        }
        assert_null(bk_utf8_check(around(buf, at, "a", "\x7f\x01中"), 4096));
    }
    /* the limit: a text of n bytes passes with max n, not n - 1, and a
     * fault before the limit is the one named */
    memset(buf, 'a', 30);
    buf[30] = '\0';
    for (size_t max = 0; max < 40; max++) {
        const char *why = bk_utf8_check(buf, max);
        if (max >= 30)
            assert_null(why);
        else
            assert_string_equal(why, "text is longer than the limit");
    }
    buf[3] = '\x80';
    assert_non_null(strstr(bk_utf8_check(buf, 20), "invalid UTF-8"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(control_everywhere),
        cmocka_unit_test(utf8_everywhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
