/* Holds docs/json.md's lists of names to the enums' tables in bkerr.h
 * and plugin.h (BKERR_*_MAP): a name added to a table and not to the
 * docs, or the other way round, fails here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <bkerr/bkerr.h>

#define MAX_NAMES 32

struct names {
    const char *v[MAX_NAMES];
    size_t n;
};

static char *docs;

static void read_docs(void)
{
    const char *root = getenv("BKERR_SOURCE_ROOT");
    char path[4096];
    snprintf(path, sizeof path, "%s/docs/json.md", root ? root : ".");
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("cannot read %s", path);
    static char buf[1 << 17];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    docs = buf;
}

/* The quoted values of the "| *name* | ... |" row of json.md's table of
 * names, in order; fails the test if there is no such row. */
static void docs_row(const char *name, char *row, size_t len,
                     struct names *out)
{
    char head[64];
    snprintf(head, sizeof head, "\n| *%s* |", name);
    const char *p = strstr(docs, head);
    if (!p)
        fail_msg("docs/json.md has no row for *%s*", name);
    p += strlen(head);
    size_t n = strcspn(p, "\n");
    if (n >= len)
        fail_msg("row *%s* too long", name);
    memcpy(row, p, n);
    row[n] = '\0';
    out->n = 0;
    /* values are written `"name"`; a Chinese aside or a remark is not */
    for (char *q = row; (q = strstr(q, "`\"")) != NULL;) {
        char *v = q + 2, *end = strstr(v, "\"`");
        if (!end)
            break;
        *end = '\0';
        assert_true(out->n < MAX_NAMES);
        out->v[out->n++] = v;
        q = end + 2;
    }
}

static void same_names(const char *row_name, const struct names *want)
{
    char row[4096];
    struct names got;
    docs_row(row_name, row, sizeof row, &got);
    for (size_t i = 0; i < want->n; i++) {
        bool seen = false;
        for (size_t k = 0; k < got.n; k++)
            seen |= strcmp(got.v[k], want->v[i]) == 0;
        if (!seen)
            fail_msg("docs/json.md *%s* lacks \"%s\"", row_name, want->v[i]);
    }
    for (size_t k = 0; k < got.n; k++) {
        bool known = false;
        for (size_t i = 0; i < want->n; i++)
            known |= strcmp(got.v[k], want->v[i]) == 0;
        if (!known)
            fail_msg("docs/json.md *%s* lists \"%s\", which bkerr.h does not",
                     row_name, got.v[k]);
    }
}

#define ADD_NAME(name, value, text) w.v[w.n++] = text;

static void statuses_are_documented(void **state)
{
    (void)state;
    struct names w = {0};
    BKERR_STATUS_MAP(ADD_NAME)
    same_names("status", &w);
}

static void catalog_states_are_documented(void **state)
{
    (void)state;
    struct names w = {0};
    BKERR_CATALOG_STATE_MAP(ADD_NAME)
    same_names("state", &w);
}

/* bkerr check --json writes each problem's severity */
static void severities_are_documented(void **state)
{
    (void)state;
    struct names w = {0};
    BKERR_SEVERITY_MAP(ADD_NAME)
    same_names("severity", &w);
}

/* JSON writes the language a text is in: never "default" */
static void languages_are_documented(void **state)
{
    (void)state;
    struct names all = {0}, w = {0};
#define ADD_ALL(name, value, text) all.v[all.n++] = text;
    BKERR_LANG_MAP(ADD_ALL)
    for (size_t i = 0; i < all.n; i++)
        if (strcmp(all.v[i], bkerr_lang_name(BKERR_LANG_DEFAULT)) != 0)
            w.v[w.n++] = all.v[i];
    same_names("lang", &w);
}

/* JSON writes null for "unstated", the catalog saying nothing */
static void code_statuses_are_documented(void **state)
{
    (void)state;
    struct names all = {0}, w = {0};
    BKERR_CODE_STATUS_MAP(ADD_ALL)
    for (size_t i = 0; i < all.n; i++)
        if (strcmp(all.v[i], bkerr_code_status_name(BKERR_CODE_UNSTATED)) != 0)
            w.v[w.n++] = all.v[i];
    same_names("code_status", &w);
}

static void categories_are_documented(void **state)
{
    (void)state;
    struct names w = {0};
    w.v[w.n++] = bkerr_category_name(BKERR_CAT_NONE, BKERR_LANG_EN);
    struct bkerr_category_info c = {.size = sizeof c};
    for (size_t i = 0; bkerr_category(i, &c) == 0; i++)
        w.v[w.n++] = bkerr_category_name(c.category, BKERR_LANG_EN);
    same_names("category", &w);
}

/* The name functions answer from the same tables. */
static void name_functions_follow_the_tables(void **state)
{
    (void)state;
#define CHECK_STATUS(name, value, text) \
    assert_string_equal(bkerr_status_name(name), text);
    BKERR_STATUS_MAP(CHECK_STATUS)
#define CHECK_STATE(name, value, text) \
    assert_string_equal(bkerr_catalog_state_name(name), text);
    BKERR_CATALOG_STATE_MAP(CHECK_STATE)
#define CHECK_ERROR(name, value, text) \
    assert_string_equal(bkerr_strerror(name), text);
    BKERR_ERROR_MAP(CHECK_ERROR)
#define CHECK_LANG(name, value, text) \
    assert_string_equal(bkerr_lang_name(name), text);
    BKERR_LANG_MAP(CHECK_LANG)
#define CHECK_SEVERITY(name, value, text) \
    assert_string_equal(bkerr_severity_name(name), text);
    BKERR_SEVERITY_MAP(CHECK_SEVERITY)
#define CHECK_CODE_STATUS(name, value, text) \
    assert_string_equal(bkerr_code_status_name(name), text);
    BKERR_CODE_STATUS_MAP(CHECK_CODE_STATUS)
    assert_string_equal(bkerr_strerror(0), "unknown error");
    assert_string_equal(bkerr_strerror(-99), "unknown error");
    assert_string_equal(bkerr_status_name((enum bkerr_status)99), "unknown");
}

/* Each language's name reads back as that language. */
static void language_names_parse_back(void **state)
{
    (void)state;
    enum bkerr_lang l;
#define CHECK_PARSE(name, value, text)                  \
    assert_int_equal(bkerr_parse_lang(text, &l), 0); \
    assert_int_equal(l, name);
    BKERR_LANG_MAP(CHECK_PARSE)
    const char *zh[] = {"zh", "zh_CN", "zh-CN", "zh_CN.UTF-8", "ZH_cn.utf8",
                        "zh_SG", "zho"};
    for (size_t i = 0; i < sizeof zh / sizeof zh[0]; i++) {
        assert_int_equal(bkerr_parse_lang(zh[i], &l), 0);
        assert_int_equal(l, BKERR_LANG_ZH_CN);
    }
    const char *en[] = {"en", "en_US", "en-GB", "en_GB.utf8@euro", "EN"};
    for (size_t i = 0; i < sizeof en / sizeof en[0]; i++) {
        assert_int_equal(bkerr_parse_lang(en[i], &l), 0);
        assert_int_equal(l, BKERR_LANG_EN);
    }
    const char *bad[] = {"", "C", "POSIX", "fr_FR", "z", "english", "zh_",
                         "zh en", "zh_CN.", "e1", "zh__CN@"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(bkerr_parse_lang(bad[i], &l), BKERR_EINVAL);
    assert_int_equal(bkerr_parse_lang(NULL, &l), BKERR_EINVAL);
    assert_int_equal(bkerr_parse_lang("en", NULL), BKERR_EINVAL);
}

int main(void)
{
    read_docs();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(statuses_are_documented),
        cmocka_unit_test(catalog_states_are_documented),
        cmocka_unit_test(severities_are_documented),
        cmocka_unit_test(languages_are_documented),
        cmocka_unit_test(code_statuses_are_documented),
        cmocka_unit_test(categories_are_documented),
        cmocka_unit_test(name_functions_follow_the_tables),
        cmocka_unit_test(language_names_parse_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
