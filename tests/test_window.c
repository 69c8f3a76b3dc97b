/* window_run() (tools/bkerr/window.c) against bkerr_scan() on whole
 * lines: with a window of 256 bytes, random lines of up to 3,000 bytes
 * built from the pieces of codes (keys, brackets, id words, Chinese text,
 * known codes), read in random chunks, must give back every byte of every
 * line and exactly the codes the whole-line scan finds, in order, however
 * the window's edges cut them; with the bundled catalogs, without a
 * product and with one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "../tools/bkerr/window.h"

#define CAP 256
#define OVERLAP 48
#define MAX_LINE 3000
#define MAX_HITS 1024

struct run {
    const char *in; /* the input */
    size_t len, pos;
    char text[MAX_LINE + 8]; /* the current line as handed over */
    size_t text_len;
    int64_t hits[MAX_HITS];
    size_t n_hits;
    bool early; /* text() was called for this line */
    /* what the whole input must give, line by line */
    size_t line;
    const char *expect;
};

static bkerr_registry *bundled;
static const char *product; /* of this run */

static ssize_t chunked_read(void *ctx, char *buf, size_t n)
{
    struct run *r = ctx;
    size_t k = 1 + (size_t)rand() % 97; /* like a pipe: any amount */
    if (k > n)
        k = n;
    if (k > r->len - r->pos)
        k = r->len - r->pos;
    memcpy(buf, r->in + r->pos, k);
    r->pos += k;
    return (ssize_t)k;
}

static bool record(void *ctx, int64_t code)
{
    struct run *r = ctx;
    assert_true(r->n_hits < MAX_HITS);
    r->hits[r->n_hits++] = code;
    return true;
}

static size_t early_text(void *ctx, const char *s, size_t n)
{
    struct run *r = ctx;
    size_t took = n - (size_t)rand() % (n < 4 ? n + 1 : 4); /* UTF-8 cut */
    assert_true(r->text_len + took <= MAX_LINE);
    memcpy(r->text + r->text_len, s, took);
    r->text_len += took;
    r->early = true;
    return took;
}

/* Checks the line just handed over against the next line of the input. */
static bool end_line(void *ctx, const char *s, size_t n, bool newline)
{
    struct run *r = ctx;
    if (r->early)
        assert_true(n >= OVERLAP);
    memcpy(r->text + r->text_len, s, n);
    r->text_len += n;
    const char *line = r->expect, *nl = memchr(line, '\n',
                                              (size_t)(r->in + r->len - line));
    size_t len = nl ? (size_t)(nl - line) : (size_t)(r->in + r->len - line);
    assert_int_equal(newline, nl != NULL);
    assert_int_equal(r->text_len, len);
    assert_memory_equal(r->text, line, len);
    static struct run want;
    want.n_hits = 0;
    size_t pos = 0;
    struct bkerr_scan_hit h = {.size = sizeof h};
    while (bkerr_scan(bundled, product, line, len, &pos, &h) == 1) {
        assert_true(want.n_hits < MAX_HITS);
        want.hits[want.n_hits++] = h.code;
    }
    if (r->n_hits != want.n_hits ||
        memcmp(r->hits, want.hits, want.n_hits * sizeof *want.hits) != 0)
        fail_msg("line %zu (%zu bytes): %zu codes through the window, %zu in "
                 "the whole line: '%.*s'", r->line, len, r->n_hits,
                 want.n_hits, (int)len, line);
    r->expect = line + len + newline;
    r->line++, r->text_len = 0, r->n_hits = 0, r->early = false;
    return true;
}

static const struct window_ops ops = {chunked_read, record, early_text,
                                      end_line};

/* Pieces of keys, separators, quotes and values; blanks come at most
 * three in a row, so a key and its value stay within OVERLAP bytes. */
static const char *const pieces[] = {
    "code", "Code", "CODE", "error_code", "errorCode", "bk_error_code",
    "错误码", "返回码", "status", "ret", ":", "=", "==", "：", "\"",
    "\\\"", "'", "]", "[", "(", ")", "（", "）", "1199006", "9900403",
    "1306000", "1110029", "3001", "36101001", "250103", "-1", "-2", "1",
    "0", ".5", "x", "_", "_id", "user", "流水号", "失败", "bytes", "{", "}",
    ",", "中", "\xFF", "codes", " ",
};

static size_t make_input(char *buf, size_t cap)
{
    size_t len = 0, line = 0, blanks = 0;
    size_t n_pieces = sizeof pieces / sizeof pieces[0];
    while (len + 32 < cap) {
        int pick = rand() % 1000;
        const char *p = pick < 3 ? "\n" : pieces[(size_t)pick % n_pieces];
        blanks = *p == ' ' ? blanks + 1 : 0;
        if (blanks > 3)
            continue;
        size_t k = strlen(p);
        if (line + k > MAX_LINE)
            p = "\n", k = 1;
        memcpy(buf + len, p, k);
        len += k;
        line = *p == '\n' ? 0 : line + k;
    }
    return len;
}

static void window_finds_what_the_whole_line_scan_finds(void **state)
{
    (void)state;
    static char input[200000];
    static char window[CAP];
    static const char *const products[] = {NULL, "cmdb", "bk_log_search"};
    for (unsigned seed = 1; seed <= 30; seed++) {
        srand(seed);
        product = products[seed % 3];
        size_t len = make_input(input, sizeof input);
        struct run r = {.in = input, .len = len, .expect = input, .line = 1};
        assert_int_equal(window_run(&ops, &r, bundled, product, window, CAP,
                                    OVERLAP), 0);
        assert_ptr_equal(r.expect, input + len); /* every line seen */
    }
}

/* A code whose digits start exactly at the window's edge, and one whose
 * key does, at every offset around it. */
static void code_cut_at_every_offset_of_the_edge_is_found(void **state)
{
    (void)state;
    static char window[CAP];
    char input[4 * CAP];
    static const char *const shapes[] = {" code=1199006 ", " 失败1110029 ",
                                         " bk_module_id=1199006 "};
    product = NULL;
    for (size_t k = 0; k < 3; k++)
        for (size_t at = CAP - 96; at < CAP + 8; at++) {
            memset(input, 'x', sizeof input);
            memcpy(input + at, shapes[k], strlen(shapes[k]));
            input[sizeof input - 1] = '\n';
            struct run r = {.in = input, .len = sizeof input, .expect = input,
                            .line = 1};
            assert_int_equal(window_run(&ops, &r, bundled, NULL, window, CAP,
                                        OVERLAP), 0);
            assert_int_equal(r.line, 2);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(window_finds_what_the_whole_line_scan_finds),
        cmocka_unit_test(code_cut_at_every_offset_of_the_edge_is_found),
    };
    char err[BKERR_ERRMSG_SIZE];
    if (bkerr_open(th_bundled_config(), &bundled, err, sizeof err) != 0) {
        print_error("%s\n", err);
        return 1;
    }
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    bkerr_close(bundled);
    return rc;
}
