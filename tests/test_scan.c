/* bkerr_scan() (core/scan.c): which codes it finds in a line, and which
 * numbers it leaves alone.  The keyed shapes need no registry (reg NULL:
 * only keyed codes); the fixture lines of tests/scan (positive.txt,
 * negative.txt) and the false-positive rate on tests/scan/corpus.txt run
 * against the bundled catalogs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define MAX_HITS 64

static bkerr_registry *bundled; /* the build's bkerr.ini, every catalog */

/* Every hit of text[0..len), in order; the count (all of them, even past
 * MAX_HITS).  Checks what holds of every hit: inside the text, after the
 * last, pos moved past it, its bytes spell the code, its key inside the
 * text before it. */
static size_t scan_all(const bkerr_registry *reg, const char *product,
                       const char *text, size_t len,
                       struct bkerr_scan_hit *hits)
{
    size_t pos = 0, n = 0, prev_end = 0;
    struct bkerr_scan_hit h = {.size = sizeof h};
    int rc;
    while ((rc = bkerr_scan(reg, product, text, len, &pos, &h)) == 1) {
        assert_true(h.offset >= prev_end && h.length <= len - h.offset);
        assert_int_equal(pos, h.offset + h.length);
        char want[32];
        snprintf(want, sizeof want, "%lld", (long long)h.code);
        assert_int_equal(h.length, strlen(want));
        assert_memory_equal(text + h.offset, want, h.length);
        if (h.confidence == BKERR_SCAN_KEYED)
            assert_true(h.key_length > 0 &&
                        h.key_offset + h.key_length <= h.offset);
        else
            assert_true(h.key_offset == 0 && h.key_length == 0);
        prev_end = pos;
        if (n < MAX_HITS)
            hits[n] = h;
        n++;
    }
    assert_int_equal(rc, 0);
    return n;
}

/* Scans text without a registry and checks the codes found, in order. */
static void expect_codes_at(const char *text, const int64_t *codes, size_t n,
                            const char *file, int line)
{
    struct bkerr_scan_hit hs[MAX_HITS];
    size_t found = scan_all(NULL, NULL, text, strlen(text), hs);
    if (found != n) {
        print_error("%s:%d: in '%s': found %zu codes, expected %zu\n", file,
                    line, text, found, n);
        fail();
    }
    for (size_t i = 0; i < n; i++) {
        if (hs[i].code != codes[i] || hs[i].confidence != BKERR_SCAN_KEYED) {
            print_error("%s:%d: in '%s': hit %zu is %lld (%s), expected %lld "
                        "(keyed)\n", file, line, text, i, (long long)hs[i].code,
                        bkerr_scan_confidence_name(hs[i].confidence),
                        (long long)codes[i]);
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

/* The keys beyond "code", and the shapes of code that compares one. */
static void more_keys(void **state)
{
    (void)state;
    EXPECT("assert resp[\"code\"] == \"1199006\"", 1199006);
    EXPECT("assert resp['code'] == 1199006", 1199006);
    EXPECT("if (res.code === '1306000') {", 1306000);
    EXPECT("if (res.code !== \"1306000\") return", 1306000);
    EXPECT("$ret = ['code' => 1306000];", 1306000);
    EXPECT("code := 1306000", 1306000);
    EXPECT("{\"status\": 2101001, \"message\": \"x\"}", 2101001);
    EXPECT("ret=1306000 msg=x", 1306000);
    EXPECT("{\"retCode\": 1306000}", 1306000);
    EXPECT("ERROR_CODE=1306000", 1306000);
    EXPECT("错误代码：1244006", 1244006);
    EXPECT("错误编码: 1244006", 1244006);
    EXPECT("返回码1306000", 1306000);
    EXPECT("状态码 = 2101001", 2101001);
    EXPECT("错误码为 1199006，请重试", 1199006);
    EXPECT("返回码是-1", -1);
    EXPECT("\"错误码\": \"1199006\"", 1199006);
    EXPECT("{\"code_name\": \"INVALID_ARGS\", \"code\": 1640001}", 1640001);
    EXPECT_NONE("{\"code_name\": 1640001}");   /* a name, not a code */
    EXPECT_NONE("code_id=1640001");
    EXPECT_NONE("status=-1");                 /* -1 only after code */
    EXPECT_NONE("ret=-1");
    EXPECT_NONE("状态码：-1");
    EXPECT_NONE("code ==== 1199006");
    EXPECT_NONE("status1306000");
    /* other widths need a product, and then one of its legacy codes */
    EXPECT_NONE("{\"code\": 36101001}");
    EXPECT_NONE("{\"code\": 250103}");
    EXPECT_NONE("{\"bk_error_code\": 3001}");
}

/* The line is given by length: no NUL needed, NULs and invalid UTF-8 are
 * just bytes, and nothing past len is read. */
static void bytes_and_bounds(void **state)
{
    (void)state;
    static const char nul[] = "\xff\xfe code=1199006\0code=1306000 \xe9\x94";
    struct bkerr_scan_hit hs[MAX_HITS];
    assert_int_equal(scan_all(NULL, NULL, nul, sizeof nul - 1, hs), 2);
    assert_int_equal(hs[0].code, 1199006);
    assert_int_equal(hs[1].code, 1306000);

    /* a buffer exactly as long as the line, no terminator: ASan checks */
    static const char *const cut[] = {"code=1199006", "code=119900", "错误码1199006",
                                      "\"code\":\"1199006\"", "code=-1", "c",
                                      "co", "cod", "code", "错", "错误", "错误码",
                                      "\"code\":\"", "code=1", "[1199006]",
                                      "失败1110029", "（1244006）"};
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
        size_t len = strlen(cut[i]);
        char *exact = malloc(len ? len : 1);
        assert_non_null(exact);
        memcpy(exact, cut[i], len);
        size_t want = i == 0 || i == 2 || i == 3 || i == 4 || i >= 14 ? 1 : 0;
        for (size_t k = 0; k <= len; k++) /* and every prefix of it */
            assert_int_equal(scan_all(bundled, NULL, exact, k, hs),
                             k == len ? want
                                      : scan_all(bundled, NULL, cut[i], k, hs));
        free(exact);
    }
    /* a prefix of a longer code is not a code: the scan stops at len */
    assert_int_equal(scan_all(NULL, NULL, "code=11990061", 12, hs), 1);
    assert_int_equal(scan_all(NULL, NULL, NULL, 0, hs), 0);
}

/* The contract of each argument. */
static void arguments(void **state)
{
    (void)state;
    const char *line = "code=1199006 code=1306000";
    size_t len = strlen(line), pos = 0;
    struct bkerr_scan_hit h = {.size = sizeof h};
    assert_int_equal(bkerr_scan(NULL, NULL, line, len, NULL, &h), BKERR_EINVAL);
    assert_int_equal(bkerr_scan(NULL, NULL, line, len, &pos, NULL), BKERR_EINVAL);
    assert_int_equal(bkerr_scan(NULL, NULL, NULL, 1, &pos, &h), BKERR_EINVAL);
    pos = len + 1;
    assert_int_equal(bkerr_scan(NULL, NULL, line, len, &pos, &h), BKERR_EINVAL);
    pos = 0;
    struct bkerr_scan_hit small = {.size = sizeof small - 1};
    assert_int_equal(bkerr_scan(NULL, NULL, line, len, &pos, &small),
                     BKERR_EINVAL);
    assert_int_equal(bkerr_scan(bundled, "nosuch", line, len, &pos, &h),
                     BKERR_ENOPRODUCT);
    /* pos: the next hit from it; none left leaves pos and the hit alone */
    pos = 0;
    assert_int_equal(bkerr_scan(NULL, NULL, line, len, &pos, &h), 1);
    assert_int_equal(h.code, 1199006);
    assert_int_equal(h.offset, 5);
    assert_int_equal(h.key_offset, 0);
    assert_int_equal(h.key_length, 4);
    assert_int_equal(pos, 12);
    assert_int_equal(bkerr_scan(NULL, NULL, line, len, &pos, &h), 1);
    assert_int_equal(h.code, 1306000);
    assert_int_equal(pos, len);
    assert_int_equal(bkerr_scan(NULL, NULL, line, len, &pos, &h), 0);
    assert_int_equal(pos, len);
    assert_int_equal(h.code, 1306000);
    /* pos inside a number: that number belongs to what came before */
    pos = 8;
    assert_int_equal(bkerr_scan(NULL, NULL, line, len, &pos, &h), 1);
    assert_int_equal(h.code, 1306000);
    assert_string_equal(bkerr_scan_confidence_name(BKERR_SCAN_KEYED), "keyed");
    assert_string_equal(bkerr_scan_confidence_name(BKERR_SCAN_BRACKETED),
                        "bracketed");
    assert_string_equal(bkerr_scan_confidence_name(BKERR_SCAN_BARE), "bare");
    assert_string_equal(bkerr_scan_confidence_name((enum bkerr_scan_confidence)9),
                        "unknown");
    const struct bkerr_api *api = bkerr_api(6);
    assert_non_null(api);
    assert_ptr_equal(api->scan, bkerr_scan);
    assert_ptr_equal(api->scan_confidence_name, bkerr_scan_confidence_name);
}

/* Each shape at every offset from a line's start, so across the 64-byte
 * blocks the scan reads digits in: filler of short digit runs and '-'
 * (as timestamps and hex ids have) before it, and after it. */
static void every_offset(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int64_t code; /* 0: none */
    } shapes[] = {
        {"code=1199006", 1199006}, {"code=-1", -1}, {"code=11990061", 0},
        {"code=119900", 0}, {"错误码1306000", 1306000}, {"code=1-1199006", 0},
        {"code=-1199006", 0}, {"code= -1", -1}, {"code=-12", 0},
    };
    const char *filler = "a1-2 b34-5 c6789-";
    struct bkerr_scan_hit hs[MAX_HITS];
    char line[512];
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
        for (size_t at = 0; at < 200; at++) {
            size_t len = 0;
            for (; len < at; len++)
                line[len] = filler[len % strlen(filler)];
            line[len++] = ' ';
            size_t n = strlen(shapes[k].text);
            memcpy(line + len, shapes[k].text, n);
            len += n;
            for (size_t i = 0; i < 100; i++)
                line[len++] = " x-9"[i % 4];
            size_t found = scan_all(NULL, NULL, line, len, hs);
            if (found != (shapes[k].code != 0) ||
                (found && hs[0].code != shapes[k].code)) {
                print_error("'%s' after %zu bytes: %zu codes, the first %lld\n",
                            shapes[k].text, at, found,
                            found ? (long long)hs[0].code : 0LL);
                fail();
            }
        }
    }
}

/* A long line: linear, and every code in it found. */
static void long_line(void **state)
{
    (void)state;
    size_t reps = 20000;
    const char *unit = "x=20261127 \"code\": 1199006, 失败1306000 ";
    size_t ulen = strlen(unit);
    char *line = malloc(reps * ulen);
    assert_non_null(line);
    for (size_t i = 0; i < reps; i++)
        memcpy(line + i * ulen, unit, ulen);
    struct bkerr_scan_hit hs[MAX_HITS];
    assert_int_equal(scan_all(bundled, NULL, line, reps * ulen, hs), 2 * reps);
    free(line);
}

/* ---- the fixture files ---------------------------------------------------
 * Each line of tests/scan/positive.txt and negative.txt is
 *     PRODUCT <TAB> HITS <TAB> TEXT
 * PRODUCT an id or "-"; HITS "-" or code/confidence,... in order
 * ("1199006/keyed,1306000/bare"); '#' starts a comment line. */

/* The next line of *rest (NUL-terminated in place), or NULL at the end. */
static char *next_line(char **rest)
{
    char *line = *rest;
    if (!*line)
        return NULL;
    char *nl = strchr(line, '\n');
    if (nl)
        *nl = '\0', *rest = nl + 1;
    else
        *rest = line + strlen(line);
    return line;
}

static char *read_file(const char *name, size_t *len)
{
    const char *dir = getenv("BKERR_SCAN_FIXTURES");
    assert_non_null(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("%s: cannot open", path);
    static char buf[1 << 20];
    *len = fread(buf, 1, sizeof buf - 1, f);
    assert_true(feof(f));
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

/* hits as the fixture writes them */
static void describe(const struct bkerr_scan_hit *hs, size_t n, char *out,
                     size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && i < MAX_HITS; i++)
        used += (size_t)snprintf(out + used, cap - used, "%s%lld/%s",
                                 i ? "," : "", (long long)hs[i].code,
                                 bkerr_scan_confidence_name(hs[i].confidence));
    if (n == 0)
        snprintf(out, cap, "-");
}

static size_t run_fixture(const char *name)
{
    size_t len, lines = 0, failed = 0;
    char *buf = read_file(name, &len);
    unsigned no = 0;
    for (char *line; (line = next_line(&buf));) {
        no++;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *product = line, *want = strchr(product, '\t');
        char *text = want ? strchr(want + 1, '\t') : NULL;
        if (!text)
            fail_msg("%s:%u: want PRODUCT<TAB>HITS<TAB>TEXT", name, no);
        *want++ = '\0', *text++ = '\0';
        struct bkerr_scan_hit hs[MAX_HITS];
        size_t n = scan_all(bundled, strcmp(product, "-") ? product : NULL,
                            text, strlen(text), hs);
        char got[1024];
        describe(hs, n, got, sizeof got);
        if (strcmp(got, want) != 0) {
            print_error("%s:%u: %s\n    want %s\n    got  %s\n", name, no,
                        text, want, got);
            failed++;
        }
        lines++;
    }
    if (failed)
        fail_msg("%s: %zu of %zu lines wrong", name, failed, lines);
    return lines;
}

static void positive_fixtures(void **state)
{
    (void)state;
    assert_true(run_fixture("positive.txt") >= 60);
}

static void negative_fixtures(void **state)
{
    (void)state;
    assert_true(run_fixture("negative.txt") >= 60);
}

/* The corpus of real-looking lines without codes: ids, sizes, counts,
 * timestamps, SQL, JSON.  A line with any hit is a false positive. */
static void false_positive_rate(void **state)
{
    (void)state;
    size_t len, lines = 0, positives = 0;
    char *buf = read_file("corpus.txt", &len);
    for (char *line; (line = next_line(&buf));) {
        struct bkerr_scan_hit hs[MAX_HITS];
        size_t n = scan_all(bundled, NULL, line, strlen(line), hs);
        lines++;
        if (n) {
            char got[1024];
            describe(hs, n, got, sizeof got);
            printf("false positive: %s  [%s]\n", line, got);
            positives++;
        }
    }
    double rate = 100.0 * (double)positives / (double)lines;
    printf("false positives: %zu of %zu corpus lines (%.2f%%)\n", positives,
           lines, rate);
    assert_true(lines >= 300);
    assert_true(rate < 2.0);
}

static int open_bundled(void **state)
{
    (void)state;
    char err[BKERR_ERRMSG_SIZE];
    if (bkerr_open(th_bundled_config(), &bundled, err, sizeof err) != 0) {
        print_error("%s\n", err);
        return -1;
    }
    return 0;
}

static int close_bundled(void **state)
{
    (void)state;
    bkerr_close(bundled);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_shapes),
        cmocka_unit_test(text_shapes),
        cmocka_unit_test(minus_one),
        cmocka_unit_test(left_alone),
        cmocka_unit_test(more_keys),
        cmocka_unit_test(bytes_and_bounds),
        cmocka_unit_test(arguments),
        cmocka_unit_test(every_offset),
        cmocka_unit_test(long_line),
        cmocka_unit_test(positive_fixtures),
        cmocka_unit_test(negative_fixtures),
        cmocka_unit_test(false_positive_rate),
    };
    return cmocka_run_group_tests(tests, open_bundled, close_bundled);
}
