/* bkerr_match(): message templates found in lines of text, against the
 * bundled catalogs.  Fixture lines in both languages with their expected
 * top answer and captures; every bundled template with placeholders,
 * filled in, found again (the hit rate is printed, and must stay >= 95%);
 * shared templates tie; argument errors; a first use by two threads. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static bkerr_registry *open_bundled(uint32_t flags)
{
    struct bkerr_open_options opt = {sizeof opt, flags, NULL};
    bkerr_registry *reg;
    char err[BKERR_ERRMSG_SIZE];
    int rc = bkerr_open_with(th_bundled_config(), &opt, &reg, err, sizeof err);
    if (rc)
        fail_msg("bkerr_open_with: %s", err);
    return reg;
}

static size_t catalog_index(const bkerr_registry *reg, const char *id)
{
    for (size_t i = 0; i < bkerr_catalog_count(reg); i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(reg, i, &st);
        if (strcmp(st.id, id) == 0)
            return i;
    }
    fail_msg("no catalog %s", id);
    return 0;
}

static const char *catalog_id(const bkerr_registry *reg, size_t i)
{
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, i, &st), 0);
    return st.id;
}

/* The symbol of match m, through the lookups it names. */
static const char *symbol_of(const bkerr_registry *reg,
                             const struct bkerr_match *m)
{
    struct bkerr_result r;
    assert_int_equal(bkerr_catalog_entry(reg, m->catalog, m->entry, m->lang, &r),
                     0);
    assert_int_equal(r.code, m->code);
    if (m->variant)
        assert_true(bkerr_lookup_variant(reg, catalog_id(reg, m->catalog),
                                         m->code, m->variant, m->lang, &r) >= 0);
    assert_string_equal(r.message, m->message);
    return r.symbol;
}

/* ---- fixture lines -------------------------------------------------------- */

struct fixture {
    const char *line;
    const char *catalog;
    int64_t code;
    const char *symbol;   /* NULL: not checked */
    enum bkerr_lang lang;
    const char *captures; /* "name=value;..." in template order */
};

static const struct fixture fixtures[] = {
    {"订阅(123)不存在", "bk_nodeman", 3800001, "SubscriptionNotExist",
     BKERR_LANG_ZH_CN, "subscription_id=123"},
    {"'bk_biz_id' 数据参数校验不通过", "cmdb", 1199006, NULL, BKERR_LANG_ZH_CN,
     "0=bk_biz_id"},
    {"Parameter [name] is missing", "bk_repo", 250103, NULL, BKERR_LANG_EN,
     "0=name"},
    /* inside a log line, with text around it */
    {"2024-05-01 12:00:01 ERROR [api] resp={\"code\": 1, \"message\": "
     "\"Subscription (77) does not exist\"}",
     "bk_nodeman", 3800001, "SubscriptionNotExist", BKERR_LANG_EN,
     "subscription_id=77"},
    {"[ERROR] 参数[bk_host_id]缺失, rid=abc", "bk_repo", 250103, NULL,
     BKERR_LANG_ZH_CN, "0=bk_host_id"},
    /* no placeholder: the whole message */
    {"job: 作业实例不存在", "job", 1244006, NULL, BKERR_LANG_ZH_CN, ""},
    {"got: Task instance does not exist (retry 3)", "job", 1244006, NULL,
     BKERR_LANG_EN, ""},
    /* a placeholder at the end takes the run up to a blank or stop */
    {"请求参数必须包含bk_biz_id，请检查", NULL, 0, NULL, BKERR_LANG_ZH_CN,
     "param=bk_biz_id"},
    {"E: 业务不存在: 2 (log_search)", NULL, 0, NULL, BKERR_LANG_ZH_CN,
     "bk_biz_id=2"},
};

/* Asserts m's captures are spec ("name=value;..."). */
static void assert_captures(const char *line, const struct bkerr_match *m,
                            const char *spec)
{
    char want[256], got[256] = "";
    snprintf(want, sizeof want, "%s", spec);
    for (unsigned k = 0; k < m->n_captures && k < BKERR_MATCH_CAPTURES; k++) {
        const struct bkerr_capture *c = &m->captures[k];
        assert_true(c->start <= c->end && c->end <= m->end &&
                    c->start >= m->start);
        size_t n = strlen(got);
        snprintf(got + n, sizeof got - n, "%s%s=%.*s", k ? ";" : "", c->name,
                 (int)(c->end - c->start), line + c->start);
    }
    if (strcmp(want, got) != 0)
        fail_msg("%s: captures %s, wanted %s", line, got, want);
}

static void fixture_lines_give_their_entry_and_values(void **state)
{
    (void)state;
    bkerr_registry *reg = open_bundled(0);
    for (size_t i = 0; i < sizeof fixtures / sizeof *fixtures; i++) {
        const struct fixture *f = &fixtures[i];
        struct bkerr_match m[4];
        m[0].size = sizeof m[0];
        int n = bkerr_match(reg, f->line, strlen(f->line), m, 4);
        if (n < 1)
            fail_msg("%s: no match", f->line);
        if (f->catalog) {
            assert_string_equal(catalog_id(reg, m[0].catalog), f->catalog);
            assert_int_equal(m[0].code, f->code);
        }
        if (f->symbol)
            assert_string_equal(symbol_of(reg, &m[0]), f->symbol);
        else
            symbol_of(reg, &m[0]); /* the lookups give the same message */
        assert_int_equal(m[0].lang, f->lang);
        assert_true(m[0].start < m[0].end && m[0].end <= strlen(f->line));
        assert_captures(f->line, &m[0], f->captures);
    }
    bkerr_close(reg);
}

static void lines_without_a_message_match_nothing(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "", "abc", "INFO 2024-05-01 12:00:00 request served in 12 ms",
        "{\"result\": true, \"code\": 0, \"data\": {\"count\": 3}}",
        "用户 admin 登录成功", /* 成功 alone is too generic */
        "Parameter [x] is",   /* half a template */
    };
    bkerr_registry *reg = open_bundled(0);
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        struct bkerr_match m;
        m.size = sizeof m;
        int n = bkerr_match(reg, lines[i], strlen(lines[i]), &m, 1);
        if (n != 0)
            fail_msg("'%s' matched %s", lines[i], m.message);
    }
    bkerr_close(reg);
}

/* ---- every bundled template, filled ---------------------------------------- */

/* The placeholders of tmpl as named args, valued "x1", "42", ... in turn;
 * their count. */
static size_t placeholder_args(const char *tmpl, struct bkerr_arg *args,
                               char names[][40], size_t max)
{
    static const char *const values[] = {"x1", "42"};
    size_t n = 0;
    for (const char *p = tmpl; *p; p++) {
        if ((p[0] == '{' || p[0] == '}') && p[1] == p[0]) {
            p++;
            continue;
        }
        const char *end = p[0] == '{' ? strchr(p, '}') : NULL;
        if (!end || n == max || end - p - 1 >= 40)
            continue;
        memcpy(names[n], p + 1, (size_t)(end - p - 1));
        names[n][end - p - 1] = '\0';
        args[n] = (struct bkerr_arg){names[n], values[n % 2]};
        n++;
        p = end;
    }
    return n;
}

/* True if templates a and b are the same but for their placeholders'
 * names ("{0}" and "{error}"): the same literal pieces. */
static bool same_pieces(const char *a, const char *b)
{
    while (*a && *b) {
        bool pa = *a == '{' && a[1] != '{', pb = *b == '{' && b[1] != '{';
        if (pa != pb)
            return false;
        if (pa) {
            a = strchr(a, '}') + 1, b = strchr(b, '}') + 1;
        } else if (*a++ != *b++) {
            return false;
        } else if ((a[-1] == '{' || a[-1] == '}') && *a == a[-1]) {
            a++, b++; /* the escape's second brace */
        }
    }
    return *a == *b;
}

/* True if the best matches of line are tmpl's template (catalog i, entry
 * k, variant v, lang), tied at most with templates of the same pieces. */
static bool found_again(const bkerr_registry *reg, const char *line, size_t i,
                        size_t k, unsigned v, enum bkerr_lang lang,
                        const char *tmpl)
{
    struct bkerr_match m[64];
    m[0].size = sizeof m[0];
    int n = bkerr_match(reg, line, strlen(line), m, 64);
    assert_true(n >= 0);
    bool self = false;
    for (int j = 0; j < n && j < 64 && m[j].literal == m[0].literal &&
                    m[j].end - m[j].start == m[0].end - m[0].start;
         j++) {
        if (!same_pieces(m[j].message, tmpl))
            return false;
        self = self || (m[j].catalog == i && m[j].entry == k &&
                        m[j].variant == v && m[j].lang == lang);
    }
    return self;
}

static void every_filled_template_is_found_again(void **state)
{
    (void)state;
    bkerr_registry *reg = open_bundled(0);
    size_t tried = 0, hits = 0;
    for (size_t i = 0; i < bkerr_catalog_count(reg); i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(reg, i, &st);
        if (st.state != BKERR_CATALOG_LOADED)
            continue;
        for (size_t k = 0; k < st.n_entries + st.n_legacy; k++) {
            for (enum bkerr_lang lang = BKERR_LANG_ZH_CN; lang <= BKERR_LANG_EN;
                 lang++) {
                struct bkerr_result r0, r;
                if (bkerr_catalog_entry(reg, i, k, lang, &r0) != 0)
                    continue;
                for (unsigned v = 0; v < (r0.n_variants ? r0.n_variants : 1);
                     v++) {
                    r = r0;
                    if (v && bkerr_lookup_variant(reg, st.id, r0.code, v, lang,
                                                  &r) < 0)
                        continue;
                    if (!r.message || r.message_lang != lang)
                        continue;
                    struct bkerr_arg args[64];
                    char names[64][40], line[8192];
                    size_t nargs = placeholder_args(r.message, args, names, 64);
                    if (!nargs)
                        continue;
                    assert_true(bkerr_fill(r.message, args, nargs, line,
                                           sizeof line) < (int)sizeof line);
                    tried++;
                    if (found_again(reg, line, i, k, v, lang, r.message))
                        hits++;
                    else if (getenv("BKERR_TEST_VERBOSE"))
                        fprintf(stderr, "miss: %s %lld: %s\n", st.id,
                                (long long)r.code, line);
                }
            }
        }
    }
    double rate = tried ? 100.0 * (double)hits / (double)tried : 0;
    printf("filled templates found again: %zu of %zu (%.1f%%)\n", hits, tried,
           rate);
    assert_true(tried > 1000); /* the bundled catalogs have ~3,500 */
    assert_true(rate >= 95.0);
    bkerr_close(reg);
}

/* ---- ties, counts, many at once --------------------------------------------- */

static void a_shared_template_gives_every_code_in_order(void **state)
{
    (void)state;
    bkerr_registry *reg = open_bundled(0);
    /* bk_repo's 7 definitions share this text (its codes and variants) */
    const char *line = "Artifact [a.txt] not found in repo [generic-local] !";
    struct bkerr_match m[16];
    m[0].size = sizeof m[0];
    int n = bkerr_match(reg, line, strlen(line), m, 16);
    assert_true(n >= 2);
    int tied = 0;
    while (tied < n && tied < 16 && m[tied].literal == m[0].literal) {
        assert_string_equal(m[tied].message,
                            "Artifact [{0}] not found in repo [{1}] !");
        assert_captures(line, &m[tied], "0=a.txt;1=generic-local");
        if (tied) { /* catalog order */
            const struct bkerr_match *a = &m[tied - 1], *b = &m[tied];
            assert_true(a->catalog < b->catalog ||
                        (a->catalog == b->catalog &&
                         (a->entry < b->entry ||
                          (a->entry == b->entry && a->variant < b->variant))));
        }
        tied++;
    }
    assert_true(tied >= 2);
    /* asked for fewer, the same first ones and the same total */
    struct bkerr_match few[2];
    few[0].size = sizeof few[0];
    assert_int_equal(bkerr_match(reg, line, strlen(line), few, 2), n);
    assert_int_equal(few[0].code, m[0].code);
    assert_int_equal(few[1].entry, m[1].entry);
    assert_int_equal(few[1].variant, m[1].variant);
    assert_int_equal(bkerr_match(reg, line, strlen(line), NULL, 0), n);
    bkerr_close(reg);
}

static void a_longer_literal_ranks_first(void **state)
{
    (void)state;
    bkerr_registry *reg = open_bundled(0);
    /* both "'{0}' 数据参数校验不通过" and shorter ones about 参数 may match */
    const char *line = "订阅(5)不存在; '{x}' 数据参数校验不通过";
    struct bkerr_match m[8];
    m[0].size = sizeof m[0];
    int n = bkerr_match(reg, line, strlen(line), m, 8);
    assert_true(n >= 2);
    for (int j = 1; j < n && j < 8; j++)
        assert_true(m[j - 1].literal >= m[j].literal);
    assert_int_equal(m[0].code, 1199006);
    bkerr_close(reg);
}

/* More templates in one line than the matcher remembers on its stack: each
 * is still reported once. */
static void many_templates_in_one_line_are_each_reported_once(void **state)
{
    (void)state;
    bkerr_registry *reg = open_bundled(0);
    char line[32768] = "";
    size_t len = 0, parts = 0, cmdb = catalog_index(reg, "cmdb");
    for (size_t k = 0; parts < 150 && k < 2000; k++) {
        struct bkerr_result r;
        if (bkerr_catalog_entry(reg, cmdb, k, BKERR_LANG_EN, &r) ||
            !r.message || strlen(r.message) + len + 3 >= sizeof line)
            continue;
        /* twice: the second copy must not count again */
        len += (size_t)snprintf(line + len, sizeof line - len, "%s | %s | ",
                                r.message, r.message);
        parts++;
    }
    static struct bkerr_match m[4096];
    m[0].size = sizeof m[0];
    int n = bkerr_match(reg, line, len, m, 4096);
    assert_true(n > 100);
    assert_true(n < 4096);
    for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++)
            assert_false(m[a].catalog == m[b].catalog &&
                         m[a].entry == m[b].entry &&
                         m[a].variant == m[b].variant && m[a].lang == m[b].lang);
    /* each at its first copy: captures inside the span, the span inside */
    for (int a = 0; a < n; a++)
        assert_true(m[a].start < m[a].end && m[a].end <= len);
    bkerr_close(reg);
}

/* ---- arguments ---------------------------------------------------------------- */

static void bad_arguments_are_einval(void **state)
{
    (void)state;
    bkerr_registry *reg = open_bundled(0);
    struct bkerr_match m[2];
    m[0].size = sizeof m[0];
    const char *line = "Parameter [name] is missing";
    size_t len = strlen(line);
    assert_int_equal(bkerr_match(NULL, line, len, m, 1), BKERR_EINVAL);
    assert_int_equal(bkerr_match(reg, NULL, 1, m, 1), BKERR_EINVAL);
    assert_int_equal(bkerr_match(reg, line, len, NULL, 1), BKERR_EINVAL);
    m[0].size = 8; /* older than version 6 */
    assert_int_equal(bkerr_match(reg, line, len, m, 1), BKERR_EINVAL);
    m[0].size = sizeof m[0] + 1; /* no struct's size */
    assert_int_equal(bkerr_match(reg, line, len, m, 1), BKERR_EINVAL);
    /* no text, no room: fine */
    assert_int_equal(bkerr_match(reg, NULL, 0, NULL, 0), 0);
    assert_int_equal(bkerr_match(reg, line, len, NULL, 0), 1);
    /* a larger struct (a later caller's): the stride is its size, and the
     * bytes past ours are left alone */
    struct bigger {
        struct bkerr_match m;
        char later[24];
    } big[2];
    memset(big, 0x5a, sizeof big);
    big[0].m.size = sizeof big[0];
    assert_int_equal(bkerr_match(reg, line, len, &big[0].m, 2), 1);
    assert_int_equal(big[0].m.code, 250103);
    assert_int_equal(big[0].m.size, sizeof big[0]);
    for (size_t i = 0; i < sizeof big[0].later; i++)
        assert_int_equal((unsigned char)big[0].later[i], 0x5a);
    assert_int_equal((unsigned char)big[1].m.code, 0x5a); /* not written */
    /* the line's end is len, not a NUL */
    m[0].size = sizeof m[0];
    assert_int_equal(bkerr_match(reg, line, len - 1, m, 1), 0);
    bkerr_close(reg);
}

/* ---- first use by two threads (TSan) ------------------------------------------ */

struct racer {
    bkerr_registry *reg;
    int n;
    int64_t code;
};

static void *race(void *arg)
{
    struct racer *r = arg;
    const char *line = "Subscription (9) does not exist";
    struct bkerr_match m;
    m.size = sizeof m;
    r->n = bkerr_match(r->reg, line, strlen(line), &m, 1);
    r->code = r->n > 0 ? m.code : 0;
    return NULL;
}

static void two_threads_first_use_agree(void **state)
{
    (void)state;
    for (int round = 0; round < 4; round++) {
        /* lazily opened: the first match also loads every catalog */
        bkerr_registry *reg = open_bundled(round % 2 ? BKERR_OPEN_LAZY : 0);
        struct racer a = {reg, 0, 0}, b = {reg, 0, 0};
        pthread_t ta, tb;
        assert_int_equal(pthread_create(&ta, NULL, race, &a), 0);
        assert_int_equal(pthread_create(&tb, NULL, race, &b), 0);
        pthread_join(ta, NULL);
        pthread_join(tb, NULL);
        assert_true(a.n >= 1);
        assert_int_equal(a.n, b.n);
        assert_int_equal(a.code, 3800001);
        assert_int_equal(b.code, 3800001);
        bkerr_close(reg);
    }
}

static void the_function_table_has_match(void **state)
{
    (void)state;
    const struct bkerr_api *api = bkerr_api(6);
    assert_non_null(api);
    assert_true(api->size >= offsetof(struct bkerr_api, match) + sizeof api->match);
    assert_ptr_equal(api->match, bkerr_match);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixture_lines_give_their_entry_and_values),
        cmocka_unit_test(lines_without_a_message_match_nothing),
        cmocka_unit_test(every_filled_template_is_found_again),
        cmocka_unit_test(a_shared_template_gives_every_code_in_order),
        cmocka_unit_test(a_longer_literal_ranks_first),
        cmocka_unit_test(many_templates_in_one_line_are_each_reported_once),
        cmocka_unit_test(bad_arguments_are_einval),
        cmocka_unit_test(two_threads_first_use_agree),
        cmocka_unit_test(the_function_table_has_match),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
