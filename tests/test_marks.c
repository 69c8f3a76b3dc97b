/* core/marks.c: the SSE2 reading and the portable one mark the same
 * bytes, and both mark exactly the digits and the '-' of 64 bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "marks.h"

/* The marks byte by byte. */
static void reference(const unsigned char *s, struct bk_marks *m)
{
    *m = (struct bk_marks){0};
    for (unsigned k = 0; k < 64; k++) {
        m->digit |= (uint64_t)(s[k] >= '0' && s[k] <= '9') << k;
        m->minus |= (uint64_t)(s[k] == '-') << k;
    }
}

static void expect_marks(const unsigned char *s)
{
    struct bk_marks want, fast, portable;
    reference(s, &want);
    bk_marks(s, &fast);
    bk_marks_portable(s, &portable);
    assert_int_equal(fast.digit, want.digit);
    assert_int_equal(fast.minus, want.minus);
    assert_int_equal(portable.digit, want.digit);
    assert_int_equal(portable.minus, want.minus);
}

/* Every byte value at every position, among bytes that are neither. */
static void each_byte_everywhere(void **state)
{
    (void)state;
    unsigned char s[64];
    for (unsigned v = 0; v < 256; v++) {
        for (unsigned k = 0; k < 64; k++) {
            for (unsigned i = 0; i < 64; i++)
                s[i] = 'x';
            s[k] = (unsigned char)v;
            expect_marks(s);
        }
    }
}

/* Every pattern of digits within 8 bytes (the portable reading's word),
 * in each word, and random bytes: neighbours must not disturb a mark. */
static void patterns(void **state)
{
    (void)state;
    unsigned char s[64];
    for (unsigned bits = 0; bits < 256; bits++) {
        for (unsigned w = 0; w < 8; w++) {
            for (unsigned i = 0; i < 64; i++)
                s[i] = (unsigned char)(i % 3 ? 0xFF : '/');
            for (unsigned k = 0; k < 8; k++)
                s[8 * w + k] = bits >> k & 1 ? (unsigned char)('0' + k)
                                             : (unsigned char)(k % 2 ? '-' : ':');
            expect_marks(s);
        }
    }
    srand(64);
    for (unsigned n = 0; n < 20000; n++) {
        for (unsigned i = 0; i < 64; i++)
            s[i] = (unsigned char)(n % 2 ? rand() : "0189-/:\x80\xb9"[rand() % 9]);
        expect_marks(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_byte_everywhere),
        cmocka_unit_test(patterns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
