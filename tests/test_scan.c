/* annotate_scan() (tools/bkerr/scan.c): which codes it finds in a line, and
 * which numbers it leaves alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "../tools/bkerr/scan.h"

#define MAX_HITS 16

struct hits {
    size_t n;
    struct annotate_hit h[MAX_HITS];
    size_t stop_after; /* 0: never stop */
};

static bool record(const struct annotate_hit *hit, void *ctx)
{
    struct hits *hs = ctx;
    if (hs->n < MAX_HITS)
        hs->h[hs->n] = *hit;
    hs->n++;
    return hs->stop_after == 0 || hs->n < hs->stop_after;
}

/* Scans text and checks the codes found, in order; every hit's start and
 * len must point at the code's own text. */
static void expect_codes_at(const char *text, const int64_t *codes, size_t n,
                            const char *file, int line)
{
    struct hits hs = {0};
    size_t len = strlen(text);
    size_t found = annotate_scan(text, len, record, &hs);
    if (found != hs.n || hs.n != n) {
        print_error("%s:%d: in '%s': found %zu codes (callback saw %zu), "
                    "expected %zu\n", file, line, text, found, hs.n, n);
        fail();
    }
    for (size_t i = 0; i < n; i++) {
        const struct annotate_hit *h = &hs.h[i];
        char want[32];
        snprintf(want, sizeof want, "%lld", (long long)codes[i]);
        if (h->code != codes[i] || h->start + h->len > len ||
            h->len != strlen(want) ||
            memcmp(text + h->start, want, h->len) != 0) {
            print_error("%s:%d: in '%s': hit %zu is %lld at %zu+%zu, expected "
                        "%s\n", file, line, text, i, (long long)h->code,
                        h->start, h->len, want);
            fail();
        }
    }
}

#define EXPECT(text, ...)                                                  \
    do {                                                                   \
        static const int64_t codes_[] = {__VA_ARGS__};                     \
        expect_codes_at((text), codes_, sizeof codes_ / sizeof codes_[0],  \
                        __FILE__, __LINE__);                               \
    } while (0)
#define EXPECT_NONE(text) expect_codes_at((text), NULL, 0, __FILE__, __LINE__)

static void json_shapes(void **state)
{
    (void)state;
    EXPECT("{\"code\": 1199006, \"message\": \"bad\"}", 1199006);
    EXPECT("{\"code\":1199006}", 1199006);
    EXPECT("{\"code\":\"1199006\"}", 1199006);
    EXPECT("{\"code\" : \"1199006\" }", 1199006);
    EXPECT("{'code': '1199006'}", 1199006);
    EXPECT("{\"result\":false,\"code\":1199006,\"data\":null}", 1199006);
    EXPECT("{\"bk_error_code\": 1199006}", 1199006);
    EXPECT("{\"errorCode\": 1199006}", 1199006);
    EXPECT("{\"Code\":1199006}", 1199006);
    EXPECT("{\"CODE\":1199006}", 1199006);
    /* JSON inside a JSON string */
    EXPECT("{\"body\": \"{\\\"code\\\":1199006}\"}", 1199006);
    EXPECT("{\"body\": \"{\\\"code\\\": \\\"1199006\\\"}\"}", 1199006);
    EXPECT("log='{\\'code\\': \\'-1\\'}'", -1);
}

static void text_shapes(void **state)
{
    (void)state;
    EXPECT("code=1199006", 1199006);
    EXPECT("level=error code=1199006 msg=\"x\"", 1199006);
    EXPECT("error_code=1199006&x=1", 1199006);
    EXPECT("code: 1199006", 1199006);
    EXPECT("code = \"1199006\"", 1199006);
    EXPECT("request failed: error code 1199006", 1199006);
    EXPECT("Error Code 1199006.", 1199006);
    EXPECT("code\t1199006", 1199006);
    EXPECT("(code 1199006)", 1199006);
    EXPECT("错误码 1199006", 1199006);
    EXPECT("错误码：1199006", 1199006);
    EXPECT("错误码: 1199006", 1199006);
    EXPECT("错误码1199006", 1199006);
    EXPECT("请求失败，错误码：1199006，请重试", 1199006);
    EXPECT("code=1199006 then 错误码 1306000 and \"code\": \"3500001\"",
           1199006, 1306000, 3500001);
    EXPECT("code=1199006 code=1199006", 1199006, 1199006);
    EXPECT("code=9999999 code=1000000", 9999999, 1000000);
}

static void minus_one(void **state)
{
    (void)state;
    EXPECT("{\"code\": -1}", -1);
    EXPECT("{\"code\":\"-1\"}", -1);
    EXPECT("code=-1", -1);
    EXPECT("错误码：-1", -1);
    EXPECT_NONE("code -1");        /* no separator */
    EXPECT_NONE("exit_code=-1");   /* a longer name */
    EXPECT_NONE("exitCode: -1");
    EXPECT_NONE("code=-12");
    EXPECT_NONE("code=-1199006");
    EXPECT_NONE("offset -1 size 1199006");
}

static void left_alone(void **state)
{
    (void)state;
    EXPECT_NONE("");
    EXPECT_NONE("2026-11-27 10:00:00 ts=20261127 epoch=1732700000 id=1199006");
    EXPECT_NONE("1199006");                    /* bare, no key */
    EXPECT_NONE("request_id 1199006 took 12ms");
    EXPECT_NONE("from 10.11.99.6 port 1199006");
    EXPECT_NONE("code=20261127");              /* 8 digits */
    EXPECT_NONE("code 1732700000");            /* epoch seconds */
    EXPECT_NONE("code=119900");                /* 6 digits */
    EXPECT_NONE("code=0119900");               /* leading zero */
    EXPECT_NONE("code=0");
    EXPECT_NONE("\"code\": 0");                /* success is not annotated */
    EXPECT_NONE("\"code\": 200");
    EXPECT_NONE("code=1199006.5");
    EXPECT_NONE("code=1199006abc");
    EXPECT_NONE("code=1199006_x");
    EXPECT_NONE("code1199006");                /* a name */
    EXPECT_NONE("errcode=1199006");            /* not the word code */
    EXPECT_NONE("barcode 1199006");
    EXPECT_NONE("codec=1199006");
    EXPECT_NONE("code_id=1199006");
    EXPECT_NONE("codes: 1199006");
    EXPECT_NONE("code=\"1199006");             /* unclosed quote */
    EXPECT_NONE("code='1199006\"");
    EXPECT_NONE("code=\\\"1199006\"");     /* \" opened, " closed */
    EXPECT_NONE("code=\"1199006\\\"");     /* " opened, \ after */
    EXPECT_NONE("code=x1199006");
    EXPECT_NONE("code: [1199006]");
    EXPECT_NONE("code is 1199006");
    EXPECT_NONE("错误 1199006");
    EXPECT_NONE("错误码 11990061");
    EXPECT_NONE("code");
    EXPECT_NONE("code=");
    EXPECT_NONE("code=\"");
    EXPECT_NONE("错误码");
    EXPECT_NONE("错误");
}

/* The line is given by length: no NUL needed, NULs and invalid UTF-8 are
 * just bytes, and nothing past len is read. */
static void bytes_and_bounds(void **state)
{
    (void)state;
    static const char nul[] = "\xff\xfe code=1199006\0code=1306000 \xe9\x94";
    struct hits hs = {0};
    assert_int_equal(annotate_scan(nul, sizeof nul - 1, record, &hs), 2);
    assert_int_equal(hs.h[0].code, 1199006);
    assert_int_equal(hs.h[1].code, 1306000);

    /* a buffer exactly as long as the line, no terminator: ASan checks */
    static const char *const cut[] = {"code=1199006", "code=119900", "错误码1199006",
                                      "\"code\":\"1199006\"", "code=-1", "c",
                                      "co", "cod", "code", "错", "错误", "错误码",
                                      "\"code\":\"", "code=1"};
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
        size_t len = strlen(cut[i]);
        char *exact = malloc(len ? len : 1);
        assert_non_null(exact);
        memcpy(exact, cut[i], len);
        size_t want = i == 0 || i == 2 || i == 3 || i == 4 ? 1 : 0;
        for (size_t k = 0; k <= len; k++) /* and every prefix of it */
            assert_int_equal(annotate_scan(exact, k, NULL, NULL),
                             k == len ? want : annotate_scan(cut[i], k, NULL, NULL));
        free(exact);
    }
    /* a prefix of a longer code is not a code: the scan stops at len */
    assert_int_equal(annotate_scan("code=11990061", 12, NULL, NULL), 1);
    assert_int_equal(annotate_scan(NULL, 0, NULL, NULL), 0);
}

static void callback_stops(void **state)
{
    (void)state;
    const char *line = "code=1199006 code=1306000 code=3500001";
    struct hits hs = {.stop_after = 2};
    assert_int_equal(annotate_scan(line, strlen(line), record, &hs), 2);
    assert_int_equal(hs.n, 2);
    assert_int_equal(annotate_scan(line, strlen(line), NULL, NULL), 3);
}

/* A long line: linear, and every code in it found. */
static void long_line(void **state)
{
    (void)state;
    size_t reps = 20000;
    const char *unit = "x=20261127 \"code\": 1199006, ";
    size_t ulen = strlen(unit);
    char *line = malloc(reps * ulen);
    assert_non_null(line);
    for (size_t i = 0; i < reps; i++)
        memcpy(line + i * ulen, unit, ulen);
    assert_int_equal(annotate_scan(line, reps * ulen, NULL, NULL), reps);
    free(line);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_shapes),
        cmocka_unit_test(text_shapes),
        cmocka_unit_test(minus_one),
        cmocka_unit_test(left_alone),
        cmocka_unit_test(bytes_and_bounds),
        cmocka_unit_test(callback_stops),
        cmocka_unit_test(long_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
