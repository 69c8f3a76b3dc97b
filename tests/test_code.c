/* Parsing text into codes, and classifying integers. */
#include "helpers.h"

static void parses_plain_codes(void **state)
{
    (void)state;
    int64_t c;
    assert_int_equal(bkerr_parse_code("1104600", &c, NULL), 0);
    assert_int_equal(c, 1104600);
    assert_int_equal(bkerr_parse_code("-1", &c, NULL), 0);
    assert_int_equal(c, -1);
    assert_int_equal(bkerr_parse_code("0", &c, NULL), 0);
    assert_int_equal(c, 0);
    assert_int_equal(bkerr_parse_code("36100001", &c, NULL), 0);
    assert_int_equal(c, 36100001);
}

static void accepts_surrounding_whitespace(void **state)
{
    (void)state;
    int64_t c;
    assert_int_equal(bkerr_parse_code("  1199000\n", &c, NULL), 0);
    assert_int_equal(c, 1199000);
    assert_int_equal(bkerr_parse_code("\t-1 ", &c, NULL), 0);
    assert_int_equal(c, -1);
}

static void rejects_with_a_reason(void **state)
{
    (void)state;
    static const struct {
        const char *text, *reason;
    } bad[] = {
        {"", "empty"},
        {"   ", "empty"},
        {"abc", "decimal digits"},
        {"11-04600", "decimal digits"},
        {"1104600x", "decimal digits"},
        {"1104 600", "decimal digits"},
        {"0x10", "decimal digits"},
        {"+1104600", "'+'"},
        {"01104600", "leading zeros"},
        {"-0", "-0"},
        {"-", "'-' with no digits"},
        {"1234567890123456789", "too many digits"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t c = 42;
        const char *why = NULL;
        assert_int_equal(bkerr_parse_code(bad[i].text, &c, &why), BKERR_EINVAL);
        th_assert_contains(why, bad[i].reason);
        assert_int_equal(c, 42); /* untouched on failure */
    }
    const char *why = NULL;
    assert_int_equal(bkerr_parse_code(NULL, NULL, &why), BKERR_EINVAL);
    assert_non_null(why);
}

static void classifies_specials(void **state)
{
    (void)state;
    assert_int_equal(bkerr_classify(-1), BKERR_CLASS_SPECIAL);
    assert_int_equal(bkerr_classify(0), BKERR_CLASS_SPECIAL);
}

static void classifies_seven_digits_as_standard(void **state)
{
    (void)state;
    assert_int_equal(bkerr_classify(1000000), BKERR_CLASS_STANDARD);
    assert_int_equal(bkerr_classify(9999999), BKERR_CLASS_STANDARD);
    assert_int_equal(bkerr_classify(1104600), BKERR_CLASS_STANDARD);
    assert_int_equal(bkerr_prefix(1104600), 11);
    assert_int_equal(bkerr_prefix(9900403), 99);
    assert_int_equal(bkerr_prefix(1000000), 10);
}

static void classifies_real_nonstandard_codes(void **state)
{
    (void)state;
    /* cmdb -2, 3001, 9000; log search 36100001; paas 1200; gsekit 9 digits */
    const int64_t codes[] = {-2, 3001, 9000, 36100001, 1200, 413000500,
                             999999, 10000000, -1104600, INT64_MIN};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        assert_int_equal(bkerr_classify(codes[i]), BKERR_CLASS_NONSTANDARD);
        assert_int_equal(bkerr_prefix(codes[i]), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_plain_codes),
        cmocka_unit_test(accepts_surrounding_whitespace),
        cmocka_unit_test(rejects_with_a_reason),
        cmocka_unit_test(classifies_specials),
        cmocka_unit_test(classifies_seven_digits_as_standard),
        cmocka_unit_test(classifies_real_nonstandard_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
