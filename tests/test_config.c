/* bkerr.ini: every error core/config.c (and the plugin_dir check of
 * core/registry.c) reports, with its line, and what the parser accepts.
 * Every case writes a real file and goes through bkerr_open(). */
#include "helpers.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A non-NULL value bkerr_open() must overwrite with NULL on failure. */
#define NOT_SET ((bkerr_registry *)(uintptr_t)0x1)

/* ---- helpers ------------------------------------------------------------ */

/* Asserts that text (written as <scratch>/bkerr.ini) is rejected with
 * BKERR_ECONFIG, *reg NULL, a message starting at "bkerr.ini:<line>: "
 * (line 0: "bkerr.ini: ", no line) and holding every needle (NULL-ended). */
static void expect_error_at(const char *file, int src_line, const char *ini,
                            int line, ...)
{
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NOT_SET;
    int rc = th_open_ini(ini, &reg, err, sizeof err);
    if (rc != BKERR_ECONFIG || reg != NULL) {
        print_error("rc = %d (want %d), reg %s NULL, err \"%s\"\n", rc,
                    BKERR_ECONFIG, reg ? "not" : "is", err);
        if (rc == 0)
            bkerr_close(reg);
        _fail(file, src_line);
    }
    char where[64];
    if (line > 0)
        snprintf(where, sizeof where, "/bkerr.ini:%d: ", line);
    else
        snprintf(where, sizeof where, "/bkerr.ini: ");
    th_assert_contains_at(err, where, file, src_line);
    va_list ap;
    va_start(ap, line);
    for (const char *needle; (needle = va_arg(ap, const char *));)
        th_assert_contains_at(err, needle, file, src_line);
    va_end(ap);
}
#define expect_error(ini, line, ...) \
    expect_error_at(__FILE__, __LINE__, (ini), (line), __VA_ARGS__, NULL)

/* Opens ini, which must succeed; the caller closes the registry. */
static bkerr_registry *open_ok_at(const char *file, int src_line,
                                  const char *ini)
{
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NULL;
    int rc = th_open_ini(ini, &reg, err, sizeof err);
    if (rc != 0 || !reg) {
        print_error("bkerr_open: rc = %d, err \"%s\"\n    ini \"%s\"\n", rc,
                    err, ini);
        _fail(file, src_line);
    }
    return reg;
}
#define open_ok(ini) open_ok_at(__FILE__, __LINE__, (ini))

/* Writes len bytes (NULs included) as <scratch>/bkerr.ini and opens it. */
static int open_bytes(const char *data, size_t len, bkerr_registry **reg,
                      char *err, size_t errlen)
{
    char *dir = th_tmpdir();
    char *path;
    assert_true(asprintf(&path, "%s/bkerr.ini", dir) > 0);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    int rc = bkerr_open(path, reg, err, errlen);
    free(path);
    th_rmtree(dir);
    return rc;
}

/* A heap string of n copies of c. */
static char *repeat(char c, size_t n)
{
    char *s = malloc(n + 1);
    assert_non_null(s);
    memset(s, c, n);
    s[n] = '\0';
    return s;
}

/* The admin row of prefix 33 must be exactly these strings. */
static void expect_platform33(const bkerr_registry *reg, const char *id,
                              const char *name_zh, const char *name_en)
{
    struct bkerr_platform pl;
    assert_int_equal(bkerr_platform(reg, 33, &pl), 1);
    assert_true(pl.admin);
    assert_int_equal(pl.prefix, 33);
    assert_string_equal(pl.id, id);
    if (name_zh)
        assert_string_equal(pl.name_zh, name_zh);
    else
        assert_null(pl.name_zh);
    if (name_en)
        assert_string_equal(pl.name_en, name_en);
    else
        assert_null(pl.name_en);
}

/* ---- sections ----------------------------------------------------------- */

/* inih reads " ;" as the start of a comment, so "lang ;= en" has no '='. */
static void key_cut_by_inline_comment_is_reported_on_its_line(void **state)
{
    (void)state;
    expect_error("[registry]\nlang ;= en\nbogus = 1\n", 2, "expected 'key = value'");
}

static void syntax_error_is_reported_before_end_of_section_checks(void **state)
{
    (void)state;
    expect_error("[platform.33]\nlang ;= en\n", 2, "expected 'key = value'");
}

static void unknown_section_lists_the_sections(void **state)
{
    (void)state;
    expect_error("; comment\n[registry]\nlang = en\n\n[registy]\n", 5,
                 "unknown section [registy]",
                 "the sections are [registry], [catalog.<id>] and "
                 "[platform.<NN>]");
}

static void duplicate_registry_section_names_first_line(void **state)
{
    (void)state;
    expect_error("[registry]\nlang = en\n; again\n[registry]\nfatal = true\n", 4,
                 "duplicate section [registry] (first on line 1)",
                 "merge the two");
}

static void duplicate_registry_section_without_keys_rejected(void **state)
{
    (void)state;
    /* inih reports no keyless section: config.c must track them itself */
    expect_error("[registry]\n[registry]\n", 2,
                 "duplicate section [registry] (first on line 1)");
}

static void duplicate_catalog_section_names_first_line(void **state)
{
    (void)state;
    expect_error("[registry]\n\n[catalog.x]\nrequired = false\n[catalog.y]\n"
                 "[catalog.x]\nenabled = false\n",
                 6, "duplicate section [catalog.x] (first on line 3)",
                 "merge the two");
}

static void duplicate_platform_section_names_first_line(void **state)
{
    (void)state;
    expect_error("[platform.33]\nid = monitor\n\n[platform.33]\nid = other\n", 4,
                 "duplicate section [platform.33] (first on line 1)",
                 "merge the two");
}

static void section_header_without_bracket_rejected(void **state)
{
    (void)state;
    expect_error("[registry]\nlang = en\n[catalog.cmdb\n", 3,
                 "the section header has no closing ']'");
}

static void text_after_section_header_rejected(void **state)
{
    (void)state;
    expect_error("; a\n[registry] lang = en\n", 2,
                 "text after the section header's ']'",
                 "put keys on lines of their own");
}

static void comment_after_section_header_accepted(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok("[registry] ; the registry\nlang = en\n"
                                  "[platform.33]  # ours\nid = monitor\n");
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_EN);
    expect_platform33(reg, "monitor", NULL, NULL);
    bkerr_close(reg);
}

static void section_name_of_49_bytes_passes_the_length_check(void **state)
{
    (void)state;
    /* "catalog." + 41 = 49 bytes: as long as inih keeps, so the next check
     * (the id's 32 characters) is the one that answers */
    char *id = repeat('a', 41), *ini;
    assert_true(asprintf(&ini, "[registry]\n[catalog.%s]\n", id) > 0);
    expect_error(ini, 2, "[catalog.", id,
                 "a catalog id is 1-32 characters of [A-Za-z0-9_]");
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NOT_SET;
    assert_int_equal(th_open_ini(ini, &reg, err, sizeof err), BKERR_ECONFIG);
    assert_null(strstr(err, "section name"));
    free(ini);
    free(id);
}

static void section_name_of_50_bytes_rejected(void **state)
{
    (void)state;
    /* "catalog." + 42 = 50 bytes: inih would cut it to 49 silently; the
     * length error must come before the (also failing) id check */
    char *id = repeat('a', 42), *ini;
    assert_true(asprintf(&ini, "[registry]\n\n[catalog.%s]\n", id) > 0);
    expect_error(ini, 3, "the section name is 50 bytes",
                 "inih keeps at most 49 and would cut it");
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NOT_SET;
    assert_int_equal(th_open_ini(ini, &reg, err, sizeof err), BKERR_ECONFIG);
    assert_null(strstr(err, "catalog id"));
    free(ini);
    free(id);
}

/* ---- keys --------------------------------------------------------------- */

static void unknown_key_suggests_the_close_match(void **state)
{
    (void)state;
    expect_error("[registry]\nlang = en\nplugin_dri = /tmp\n", 3,
                 "unknown key 'plugin_dri' in [registry]",
                 "did you mean 'plugin_dir'?");
}

static void unknown_key_in_catalog_suggests_the_close_match(void **state)
{
    (void)state;
    expect_error("[registry]\n[catalog.cmdb]\nrequried = true\n", 3,
                 "unknown key 'requried' in [catalog.cmdb]",
                 "did you mean 'required'?");
}

static void unknown_key_without_close_match_lists_the_keys(void **state)
{
    (void)state;
    expect_error("[registry]\n\ncolour = blue\n", 3,
                 "unknown key 'colour' in [registry]",
                 "the keys are plugin_dir, lang, fatal");
    expect_error("[platform.33]\nid = monitor\nowner = ops\n", 3,
                 "unknown key 'owner' in [platform.33]",
                 "the keys are id, name_zh, name_en");
}

static void duplicate_key_names_both_lines(void **state)
{
    (void)state;
    expect_error("[registry]\nlang = en\nfatal = false\n; again\nlang = zh_CN\n",
                 5, "duplicate key 'lang' in [registry] (first set on line 2)",
                 "keep one");
}

static void same_key_in_two_sections_accepted(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok("[catalog.a]\nenabled = false\n"
                                  "[catalog.b]\nenabled = false\n");
    assert_int_equal(bkerr_catalog_count(reg), 2);
    bkerr_close(reg);
}

static void bad_boolean_rejected(void **state)
{
    (void)state;
    expect_error("[registry]\nfatal = maybe\n", 2,
                 "fatal = 'maybe' is not a boolean; write true or false");
    expect_error("[catalog.cmdb]\nrequired = 2\n", 2,
                 "required = '2' is not a boolean");
}

static void booleans_accept_every_spelling_in_any_case(void **state)
{
    (void)state;
    static const char *const spellings[][2] = {
        {"true", "false"}, {"YES", "No"}, {"On", "OFF"}, {"1", "0"}};
    for (size_t i = 0; i < 4; i++) {
        char *ini;
        /* enabled = <true> on a missing file: rejected, and with fatal and
         * required <false> the open still succeeds */
        assert_true(asprintf(&ini, "[registry]\nfatal = %s\n[catalog.x]\n"
                             "path = /nonexistent/x.so\nenabled = %s\n"
                             "required = %s\n", spellings[i][1],
                             spellings[i][0], spellings[i][1]) > 0);
        bkerr_registry *reg = open_ok(ini);
        struct bkerr_catalog_status st;
        assert_int_equal(bkerr_catalog_status(reg, 0, &st), 0);
        assert_int_equal(st.state, BKERR_CATALOG_REJECTED);
        assert_false(st.required);
        bkerr_close(reg);
        free(ini);
    }
}

static void required_but_disabled_rejected(void **state)
{
    (void)state;
    expect_error("[catalog.cmdb]\nrequired = true\nenabled = false\n", 1,
                 "[catalog.cmdb] is required but not enabled");
}

static void bad_lang_rejected(void **state)
{
    (void)state;
    expect_error("[registry]\nlang = fr\n", 2,
                 "lang = 'fr' is not a language; write zh_CN or en");
    expect_error("[registry]\nlang = EN\n", 2, "lang = 'EN' is not a language");
}

static void empty_value_rejected(void **state)
{
    (void)state;
    expect_error("[registry]\nplugin_dir =\n", 2,
                 "plugin_dir has an empty value; give one or remove the line");
    expect_error("[catalog.cmdb]\nrequired = false\npath =   \n", 3,
                 "path has an empty value");
    expect_error("[platform.33]\nid = monitor\nname_zh = ; later\n", 3,
                 "name_zh has an empty value");
}

static void key_before_any_section_rejected(void **state)
{
    (void)state;
    expect_error("; comment\n\nlang = en\n[registry]\n", 3,
                 "a key before any section",
                 "put it under [registry] or a [catalog.<id>]");
}

static void line_without_equals_rejected(void **state)
{
    (void)state;
    expect_error("[registry]\nlang = en\nfatal\n", 3,
                 "expected 'key = value', a [section] or a comment");
}

static void equals_without_key_rejected(void **state)
{
    (void)state;
    expect_error("[registry]\n  = en\n", 2, "a '=' with no key before it");
}

static void key_name_of_49_bytes_passes_the_length_check(void **state)
{
    (void)state;
    char *key = repeat('k', 49), *ini;
    assert_true(asprintf(&ini, "[registry]\n%s = 1\n", key) > 0);
    char *want;
    assert_true(asprintf(&want, "unknown key '%s' in [registry]", key) > 0);
    expect_error(ini, 2, want);
    free(want);
    free(ini);
    free(key);
}

static void key_name_of_50_bytes_rejected(void **state)
{
    (void)state;
    char *key = repeat('k', 50), *ini;
    assert_true(asprintf(&ini, "[registry]\nlang = en\n%s = 1\n", key) > 0);
    expect_error(ini, 3, "the key is 50 bytes; inih keeps at most 49");
    free(ini);
    free(key);
}

/* ---- lines and bytes ---------------------------------------------------- */

/* "name_en = " followed by x's up to len bytes. */
static char *long_name_line(size_t len)
{
    static const char key[] = "name_en = ";
    char *fill = repeat('x', len - strlen(key)), *line;
    assert_true(asprintf(&line, "%s%s", key, fill) > 0);
    assert_int_equal(strlen(line), len);
    free(fill);
    return line;
}

static void line_of_197_bytes_accepted_whole(void **state)
{
    (void)state;
    char *line = long_name_line(197), *ini;
    assert_true(asprintf(&ini, "[platform.33]\nid = monitor\n%s\n", line) > 0);
    bkerr_registry *reg = open_ok(ini);
    expect_platform33(reg, "monitor", NULL, line + strlen("name_en = "));
    bkerr_close(reg);
    free(ini);
    free(line);
}

static void line_of_197_bytes_with_crlf_accepted_whole(void **state)
{
    (void)state;
    char *line = long_name_line(197), *ini;
    assert_true(asprintf(&ini, "[platform.33]\r\nid = monitor\r\n%s\r\n",
                         line) > 0);
    bkerr_registry *reg = open_ok(ini);
    expect_platform33(reg, "monitor", NULL, line + strlen("name_en = "));
    bkerr_close(reg);
    free(ini);
    free(line);
}

static void line_of_198_bytes_rejected(void **state)
{
    (void)state;
    char *line = long_name_line(198), *ini;
    assert_true(asprintf(&ini, "; c\n[platform.33]\nid = monitor\n%s\n",
                         line) > 0);
    expect_error(ini, 4, "the line is 198 bytes",
                 "inih reads at most 197 per line and would cut it");
    free(ini);
    free(line);
}

static void comment_line_of_198_bytes_rejected(void **state)
{
    (void)state;
    char *fill = repeat(';', 198), *ini;
    assert_true(asprintf(&ini, "[registry]\n%s\nlang = en\n", fill) > 0);
    expect_error(ini, 2, "the line is 198 bytes");
    free(ini);
    free(fill);
}

static void nul_byte_rejected(void **state)
{
    (void)state;
    static const char ini[] = "[registry]\nlang = en\nfatal = fa\0lse\n";
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NOT_SET;
    assert_int_equal(open_bytes(ini, sizeof ini - 1, &reg, err, sizeof err),
                     BKERR_ECONFIG);
    assert_null(reg);
    th_assert_contains(err, "/bkerr.ini:3: ");
    th_assert_contains(err, "the line holds a NUL byte; the file must be text");
}

static void nul_byte_in_comment_rejected(void **state)
{
    (void)state;
    static const char ini[] = "[registry]\n; \0\nlang = en\n";
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NOT_SET;
    assert_int_equal(open_bytes(ini, sizeof ini - 1, &reg, err, sizeof err),
                     BKERR_ECONFIG);
    assert_null(reg);
    th_assert_contains(err, "/bkerr.ini:2: the line holds a NUL byte");
}

static void invalid_utf8_rejected(void **state)
{
    (void)state;
    /* a stray continuation byte, a cut sequence, an overlong '/' */
    expect_error("[platform.33]\nid = monitor\nname_zh = \x80\n", 3,
                 "the line is not valid UTF-8; save the file as UTF-8");
    expect_error("[registry]\n; \xE7\xBD\n", 2, "not valid UTF-8");
    expect_error("[registry]\nplugin_dir = \xC0\xAF\n", 2, "not valid UTF-8");
    /* GBK, as a Windows editor might save Chinese */
    expect_error("[platform.33]\nid = monitor\nname_zh = \xC5\xE4\xD6\xC3\n", 3,
                 "not valid UTF-8");
}

static void utf8_text_accepted(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok("; 蓝鲸错误码\n[platform.33]\nid = monitor\n"
                                  "name_zh = 监控平台\n");
    expect_platform33(reg, "monitor", "监控平台", NULL);
    bkerr_close(reg);
}

static void empty_file_rejected(void **state)
{
    (void)state;
    expect_error("", 0, "no sections: the file is empty or all comments",
                 "add [registry] and [catalog.<id>] sections");
}

static void file_of_only_comments_rejected(void **state)
{
    (void)state;
    expect_error("; bkerr.ini\n# nothing here\n\n   ; indented\n", 0,
                 "no sections: the file is empty or all comments");
}

static void missing_file_cannot_open(void **state)
{
    (void)state;
    char *dir = th_tmpdir(), *path;
    assert_true(asprintf(&path, "%s/nope/bkerr.ini", dir) > 0);
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NOT_SET;
    assert_int_equal(bkerr_open(path, &reg, err, sizeof err), BKERR_ECONFIG);
    assert_null(reg);
    th_assert_contains(err, path);
    th_assert_contains(err, "cannot open");
    th_assert_contains(err, strerror(ENOENT));
    th_assert_contains(err, "BKERR_CONFIG");
    free(path);
    th_rmtree(dir);
}

static void directory_as_config_rejected(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NOT_SET;
    assert_int_equal(bkerr_open(dir, &reg, err, sizeof err), BKERR_ECONFIG);
    assert_null(reg);
    th_assert_contains(err, dir);
    th_assert_contains(err, "is a directory; give the bkerr.ini file inside it");
    th_rmtree(dir);
}

/* ---- platforms ---------------------------------------------------------- */

static void platform_allocation_accepted(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok("[registry]\n[platform.33]\nid = monitor\n"
                                  "name_zh = 监控\nname_en = Monitor\n");
    expect_platform33(reg, "monitor", "监控", "Monitor");
    struct bkerr_platform pl;
    assert_int_equal(bkerr_platform(reg, 34, &pl), 0); /* still unassigned */
    assert_int_equal(bkerr_platform(reg, 11, &pl), 1);
    assert_string_equal(pl.id, "cmdb");
    assert_false(pl.admin);
    bkerr_close(reg);
}

static void platform_clashing_with_spec_rejected(void **state)
{
    (void)state;
    expect_error("[registry]\n[platform.11]\nid = mycmdb\n", 2,
                 "[platform.11]: the spec already allocates prefix 11 to 'cmdb'",
                 "only unassigned prefixes can be allocated");
}

static void platform_prefix_not_two_digits_rejected(void **state)
{
    (void)state;
    static const char *const bad[] = {"1x", "100", "05", "9", "", "+3", "33 "};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *ini, *want;
        assert_true(asprintf(&ini, "; %zu\n[platform.%s]\nid = x\n", i,
                             bad[i]) > 0);
        assert_true(asprintf(&want, "[platform.%s]: a prefix is two digits, "
                             "10-99", bad[i]) > 0);
        expect_error(ini, 2, want);
        free(want);
        free(ini);
    }
}

static void platform_without_id_names_its_section_line(void **state)
{
    (void)state;
    /* at the end of the file */
    expect_error("[registry]\n\n[platform.33]\nname_zh = 监控\nname_en = M\n", 3,
                 "[platform.33] has no id; add id = <product id>");
    /* closed by the next section, with no keys at all */
    expect_error("[platform.34]\n[catalog.cmdb]\nrequired = false\n", 1,
                 "[platform.34] has no id");
}

static void platform_with_spec_id_rejected(void **state)
{
    (void)state;
    expect_error("[platform.33]\nname_zh = 监控\nid = cmdb\n", 3,
                 "id 'cmdb' is already the spec's id of prefix 11",
                 "choose another id");
}

static void platform_ids_are_unique(void **state)
{
    (void)state;
    expect_error("[platform.33]\nid = monitor\n\n[platform.34]\nid = monitor\n", 5,
                 "id 'monitor' is already allocated prefix 33 on line 1",
                 "one id has one prefix");
}

static void platform_id_with_bad_characters_rejected(void **state)
{
    (void)state;
    expect_error("[platform.33]\nid = my-monitor\n", 2,
                 "id = 'my-monitor' is not an id",
                 "use 1-32 characters of [A-Za-z0-9_]");
}

/* ---- catalogs and plugin_dir -------------------------------------------- */

static void catalog_id_with_bad_characters_rejected(void **state)
{
    (void)state;
    expect_error("[registry]\n[catalog.my-cat]\n", 2,
                 "[catalog.my-cat]: a catalog id is 1-32 characters of "
                 "[A-Za-z0-9_]");
    expect_error("[registry]\n[catalog.]\n", 2,
                 "[catalog.]: a catalog id is 1-32");
    expect_error("[registry]\n[catalog.a.b]\n", 2, "[catalog.a.b]: a catalog id");
}

static void catalog_id_of_32_characters_accepted(void **state)
{
    (void)state;
    char *id = repeat('c', 32), *ini;
    assert_true(asprintf(&ini, "[catalog.%s]\nenabled = false\n", id) > 0);
    bkerr_registry *reg = open_ok(ini);
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, 0, &st), 0);
    assert_string_equal(st.id, id);
    bkerr_close(reg);
    free(ini);
    free(id);
    id = repeat('c', 33);
    assert_true(asprintf(&ini, "[catalog.%s]\nenabled = false\n", id) > 0);
    expect_error(ini, 1, "a catalog id is 1-32 characters");
    free(ini);
    free(id);
}

static void missing_plugin_dir_names_its_line(void **state)
{
    (void)state;
    expect_error("[registry]\nlang = en\nplugin_dir = /nonexistent/bkerr-plugins\n"
                 "[catalog.cmdb]\n", 3,
                 "plugin_dir '/nonexistent/bkerr-plugins'",
                 strerror(ENOENT), "fix the path");
    /* a relative one is reported with the path it was resolved to */
    expect_error("[registry]\nplugin_dir = no-such-dir\n", 2,
                 "plugin_dir 'no-such-dir' (/", "/no-such-dir)",
                 "a relative one is relative to this file");
}

static void relative_plugin_dir_is_relative_to_the_ini(void **state)
{
    (void)state;
    char *dir = th_tmpdir(), *sub, *src;
    assert_true(asprintf(&sub, "%s/catalogs", dir) > 0);
    assert_int_equal(mkdir(sub, 0755), 0);
    assert_int_equal(chmod(sub, 0755), 0); /* whatever the umask */
    assert_true(asprintf(&src, "%s/handmade.so", th_plugins()) > 0);
    char *so = th_copy(src, sub, "cmdb.so", 0644);
    char *ini = th_write(dir, "bkerr.ini",
                         "[registry]\nplugin_dir = catalogs\n"
                         "[catalog.cmdb]\nrequired = true\n");
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NULL;
    int rc = bkerr_open(ini, &reg, err, sizeof err);
    if (rc != 0)
        print_error("bkerr_open: %s\n", err);
    assert_int_equal(rc, 0);
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, 0, &st), 0);
    assert_int_equal(st.state, BKERR_CATALOG_LOADED);
    assert_string_equal(st.version, "9.9.9"); /* handmade.c, not the real one */
    char real[PATH_MAX];
    assert_non_null(realpath(so, real));
    assert_string_equal(st.path, real);
    assert_string_equal(bkerr_config_path(reg), ini);
    bkerr_close(reg);
    free(ini);
    free(so);
    free(src);
    free(sub);
    th_rmtree(dir);
}

/* ---- accepted forms ----------------------------------------------------- */

static void crlf_line_endings_accepted(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok(
        "; windows\r\n[registry]\r\nlang = en\r\nfatal = false\r\n\r\n"
        "[platform.33]\r\nid = monitor\r\nname_en = Monitor\r\n");
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_EN);
    expect_platform33(reg, "monitor", NULL, "Monitor");
    bkerr_close(reg);
}

static void crlf_error_line_numbers_count_lines(void **state)
{
    (void)state;
    expect_error("[registry]\r\nlang = en\r\n\r\nlang = zh_CN\r\n", 4,
                 "duplicate key 'lang' in [registry] (first set on line 2)");
}

static void utf8_bom_accepted(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok("\xEF\xBB\xBF[registry]\nlang = en\n");
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_EN);
    bkerr_close(reg);
    reg = open_ok("\xEF\xBB\xBF; bom, then a comment\r\n[registry]\r\n"
                  "lang = en\r\n");
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_EN);
    bkerr_close(reg);
    /* the mark is not part of the first line's text */
    expect_error("\xEF\xBB\xBF[registy]\n", 1, "unknown section [registy];");
}

static void indented_keys_are_not_continuations(void **state)
{
    (void)state;
    /* inih would join an indented line to the previous value */
    bkerr_registry *reg = open_ok("[registry]\n    lang = en\n"
                                  "[platform.33]\n  id = monitor\n"
                                  "\tname_zh = 监控\n \t name_en = Monitor\n");
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_EN);
    expect_platform33(reg, "monitor", "监控", "Monitor");
    bkerr_close(reg);
}

static void indented_section_header_accepted(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok("  [registry]\n  lang = en\n");
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_EN);
    bkerr_close(reg);
}

static void inline_comment_is_stripped(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok("[registry]\nlang = en ; English please\n"
                                  "[platform.33]\nid = monitor ; ours\n"
                                  "name_en = Monitor\t; tab before\n"
                                  "name_zh = 监控;no space: kept\n");
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_EN);
    expect_platform33(reg, "monitor", "监控;no space: kept", "Monitor");
    bkerr_close(reg);
}

static void lang_en_sets_the_default_lang(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok("[registry]\nlang = en\n");
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_EN);
    bkerr_close(reg);
}

static void lang_defaults_to_zh_cn(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok("[registry]\nfatal = false\n");
    /* unset: tools may apply the locale; lookups use zh_CN */
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_DEFAULT);
    struct bkerr_result r;
    bkerr_lookup(reg, -1, BKERR_LANG_DEFAULT, &r);
    assert_string_equal(r.message, "系统繁忙");
    assert_int_equal(r.message_lang, BKERR_LANG_ZH_CN);
    bkerr_close(reg);
    reg = open_ok("[registry]\nlang = zh_CN\n");
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_ZH_CN);
    bkerr_close(reg);
}

static void colon_separates_key_and_value(void **state)
{
    (void)state;
    bkerr_registry *reg = open_ok("[registry]\nlang: en\n");
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_EN);
    bkerr_close(reg);
}

/* ---- the API around the parse ------------------------------------------- */

static int unset_config_env(void **state)
{
    (void)state;
    unsetenv("BKERR_CONFIG");
    return 0;
}

static void bkerr_config_env_used_when_path_is_null(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char *path = th_write(dir, "bkerr.ini", "[registry]\nlang = en\n");
    assert_int_equal(setenv("BKERR_CONFIG", path, 1), 0);
    assert_string_equal(bkerr_default_config(), path);
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NULL;
    int rc = bkerr_open(NULL, &reg, err, sizeof err);
    assert_int_equal(unsetenv("BKERR_CONFIG"), 0);
    if (rc != 0)
        print_error("bkerr_open: %s\n", err);
    assert_int_equal(rc, 0);
    assert_string_equal(bkerr_config_path(reg), path);
    assert_int_equal(bkerr_default_lang(reg), BKERR_LANG_EN);
    bkerr_close(reg);
    assert_string_not_equal(bkerr_default_config(), path);
    free(path);
    th_rmtree(dir);
}

static void bkerr_config_env_errors_name_that_file(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char *path = th_write(dir, "bkerr.ini", "[registry]\nlang = fr\n");
    assert_int_equal(setenv("BKERR_CONFIG", path, 1), 0);
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NOT_SET;
    int rc = bkerr_open(NULL, &reg, err, sizeof err);
    assert_int_equal(unsetenv("BKERR_CONFIG"), 0);
    assert_int_equal(rc, BKERR_ECONFIG);
    assert_null(reg);
    char *want;
    assert_true(asprintf(&want, "%s:2: lang = 'fr'", path) > 0);
    th_assert_contains(err, want);
    free(want);
    free(path);
    th_rmtree(dir);
}

static void empty_bkerr_config_env_is_ignored(void **state)
{
    (void)state;
    char *dflt = strdup(bkerr_default_config());
    assert_non_null(dflt);
    assert_int_equal(setenv("BKERR_CONFIG", "", 1), 0);
    const char *now = bkerr_default_config();
    assert_non_null(now);
    assert_string_equal(now, dflt);
    assert_int_equal(unsetenv("BKERR_CONFIG"), 0);
    free(dflt);
}

static void open_with_null_out_is_einval(void **state)
{
    (void)state;
    char err[64] = "untouched";
    assert_int_equal(bkerr_open("/nonexistent/bkerr.ini", NULL, err, sizeof err),
                     BKERR_EINVAL);
    assert_int_equal(bkerr_open(NULL, NULL, NULL, 0), BKERR_EINVAL);
}

static void error_message_cut_into_tiny_errbuf(void **state)
{
    (void)state;
    char buf[32];
    memset(buf, 'Z', sizeof buf);
    bkerr_registry *reg = NOT_SET;
    assert_int_equal(th_open_ini("[registry]\nlang = fr\n", &reg, buf, 16),
                     BKERR_ECONFIG);
    assert_null(reg);
    size_t n = strlen(buf); /* NUL-terminated within the 16 */
    assert_in_range(n, 3, 15);
    assert_string_equal(buf + n - 3, "...");
    for (size_t i = 16; i < sizeof buf; i++)
        assert_int_equal(buf[i], 'Z'); /* nothing written past errlen */
}

/* True if s is valid UTF-8 (a local check, independent of the core's). */
static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t k = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1
                 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : 9;
        if (k == 9)
            return false;
        for (size_t i = 1; i <= k; i++)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        p += k + 1;
    }
    return true;
}

static void error_message_cut_between_utf8_characters(void **state)
{
    (void)state;
    /* one file, so that every message names the same path */
    char *dir = th_tmpdir();
    char *path = th_write(dir, "bkerr.ini", "[registry]\n[平台]\n");
    char full[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NOT_SET;
    assert_int_equal(bkerr_open(path, &reg, full, sizeof full), BKERR_ECONFIG);
    th_assert_contains(full, "unknown section [平台]");
    /* every errlen whose cut falls in or around "平台" (two 3-byte
     * characters): the text before "..." ends on a character boundary */
    size_t at = (size_t)(strstr(full, "平台") - full);
    for (size_t len = at + 3; len <= at + 4 + 7; len++) {
        char buf[BKERR_ERRMSG_SIZE];
        memset(buf, 'Z', sizeof buf);
        reg = NOT_SET;
        assert_int_equal(bkerr_open(path, &reg, buf, len), BKERR_ECONFIG);
        assert_null(reg);
        size_t n = strlen(buf);
        assert_true(n < len);
        assert_true(n >= 3);
        assert_string_equal(buf + n - 3, "...");
        if (!valid_utf8(buf)) {
            print_error("errlen %zu: \"%s\" is not valid UTF-8\n", len, buf);
            fail();
        }
        assert_memory_equal(buf, full, n - 3); /* a prefix of the message */
        assert_int_equal(buf[len], 'Z');
    }
    free(path);
    th_rmtree(dir);
}

static void error_without_errbuf_still_fails_cleanly(void **state)
{
    (void)state;
    bkerr_registry *reg = NOT_SET;
    assert_int_equal(th_open_ini("[registry]\nlang = fr\n", &reg, NULL, 0),
                     BKERR_ECONFIG);
    assert_null(reg);
    char one[1] = {'Z'};
    reg = NOT_SET;
    assert_int_equal(th_open_ini("[registry]\nlang = fr\n", &reg, one, 1),
                     BKERR_ECONFIG);
    assert_null(reg);
    assert_int_equal(one[0], '\0');
}

static void success_clears_errbuf(void **state)
{
    (void)state;
    char err[BKERR_ERRMSG_SIZE] = "stale";
    bkerr_registry *reg = NULL;
    assert_int_equal(th_open_ini("[registry]\n", &reg, err, sizeof err), 0);
    assert_string_equal(err, "");
    bkerr_close(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* sections */
        cmocka_unit_test(key_cut_by_inline_comment_is_reported_on_its_line),
        cmocka_unit_test(syntax_error_is_reported_before_end_of_section_checks),
        cmocka_unit_test(unknown_section_lists_the_sections),
        cmocka_unit_test(duplicate_registry_section_names_first_line),
        cmocka_unit_test(duplicate_registry_section_without_keys_rejected),
        cmocka_unit_test(duplicate_catalog_section_names_first_line),
        cmocka_unit_test(duplicate_platform_section_names_first_line),
        cmocka_unit_test(section_header_without_bracket_rejected),
        cmocka_unit_test(text_after_section_header_rejected),
        cmocka_unit_test(comment_after_section_header_accepted),
        cmocka_unit_test(section_name_of_49_bytes_passes_the_length_check),
        cmocka_unit_test(section_name_of_50_bytes_rejected),
        /* keys */
        cmocka_unit_test(unknown_key_suggests_the_close_match),
        cmocka_unit_test(unknown_key_in_catalog_suggests_the_close_match),
        cmocka_unit_test(unknown_key_without_close_match_lists_the_keys),
        cmocka_unit_test(duplicate_key_names_both_lines),
        cmocka_unit_test(same_key_in_two_sections_accepted),
        cmocka_unit_test(bad_boolean_rejected),
        cmocka_unit_test(booleans_accept_every_spelling_in_any_case),
        cmocka_unit_test(required_but_disabled_rejected),
        cmocka_unit_test(bad_lang_rejected),
        cmocka_unit_test(empty_value_rejected),
        cmocka_unit_test(key_before_any_section_rejected),
        cmocka_unit_test(line_without_equals_rejected),
        cmocka_unit_test(equals_without_key_rejected),
        cmocka_unit_test(key_name_of_49_bytes_passes_the_length_check),
        cmocka_unit_test(key_name_of_50_bytes_rejected),
        /* lines and bytes */
        cmocka_unit_test(line_of_197_bytes_accepted_whole),
        cmocka_unit_test(line_of_197_bytes_with_crlf_accepted_whole),
        cmocka_unit_test(line_of_198_bytes_rejected),
        cmocka_unit_test(comment_line_of_198_bytes_rejected),
        cmocka_unit_test(nul_byte_rejected),
        cmocka_unit_test(nul_byte_in_comment_rejected),
        cmocka_unit_test(invalid_utf8_rejected),
        cmocka_unit_test(utf8_text_accepted),
        cmocka_unit_test(empty_file_rejected),
        cmocka_unit_test(file_of_only_comments_rejected),
        cmocka_unit_test(missing_file_cannot_open),
        cmocka_unit_test(directory_as_config_rejected),
        /* platforms */
        cmocka_unit_test(platform_allocation_accepted),
        cmocka_unit_test(platform_clashing_with_spec_rejected),
        cmocka_unit_test(platform_prefix_not_two_digits_rejected),
        cmocka_unit_test(platform_without_id_names_its_section_line),
        cmocka_unit_test(platform_with_spec_id_rejected),
        cmocka_unit_test(platform_ids_are_unique),
        cmocka_unit_test(platform_id_with_bad_characters_rejected),
        /* catalogs and plugin_dir */
        cmocka_unit_test(catalog_id_with_bad_characters_rejected),
        cmocka_unit_test(catalog_id_of_32_characters_accepted),
        cmocka_unit_test(missing_plugin_dir_names_its_line),
        cmocka_unit_test(relative_plugin_dir_is_relative_to_the_ini),
        /* accepted forms */
        cmocka_unit_test(crlf_line_endings_accepted),
        cmocka_unit_test(crlf_error_line_numbers_count_lines),
        cmocka_unit_test(utf8_bom_accepted),
        cmocka_unit_test(indented_keys_are_not_continuations),
        cmocka_unit_test(indented_section_header_accepted),
        cmocka_unit_test(inline_comment_is_stripped),
        cmocka_unit_test(lang_en_sets_the_default_lang),
        cmocka_unit_test(lang_defaults_to_zh_cn),
        cmocka_unit_test(colon_separates_key_and_value),
        /* the API */
        cmocka_unit_test_teardown(bkerr_config_env_used_when_path_is_null,
                                  unset_config_env),
        cmocka_unit_test_teardown(bkerr_config_env_errors_name_that_file,
                                  unset_config_env),
        cmocka_unit_test_teardown(empty_bkerr_config_env_is_ignored,
                                  unset_config_env),
        cmocka_unit_test(open_with_null_out_is_einval),
        cmocka_unit_test(error_message_cut_into_tiny_errbuf),
        cmocka_unit_test(error_message_cut_between_utf8_characters),
        cmocka_unit_test(error_without_errbuf_still_fails_cleanly),
        cmocka_unit_test(success_clears_errbuf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
