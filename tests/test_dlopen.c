/* A service that dlopens libbkerr.so and uses nothing but the function
 * table: one dlsym, then every call through the table.  This program does
 * not link libbkerr. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <bkerr/bkerr.h>

typedef const struct bkerr_api *(*api_fn)(uint32_t);

static void *lib;
static const struct bkerr_api *api;

static int load(void **state)
{
    (void)state;
    const char *path = getenv("BKERR_LIBRARY");
    if (!path || !(lib = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
        print_error("cannot dlopen %s: %s\n", path ? path : "$BKERR_LIBRARY",
                    dlerror());
        return -1;
    }
    api_fn entry;
    *(void **)&entry = dlsym(lib, "bkerr_api");
    if (!entry)
        return -1;
    api = entry(BKERR_API_VERSION);
    return api ? 0 : -1;
}

static int unload(void **state)
{
    (void)state;
    return dlclose(lib);
}

static void table_is_versioned(void **state)
{
    (void)state;
    api_fn entry;
    *(void **)&entry = dlsym(lib, "bkerr_api");
    assert_int_equal(api->version, BKERR_API_VERSION);
    assert_int_equal(api->size, sizeof(struct bkerr_api));
    assert_string_equal(api->library_version, BKERR_VERSION);
    assert_ptr_equal(entry(1), api);
    assert_null(entry(0));
    assert_null(entry(BKERR_API_VERSION + 1));
    /* internal symbols are not exported */
    assert_null(dlsym(lib, "bk_config_read"));
    assert_null(dlsym(lib, "bk_spec_platform"));
}

static void whole_api_works_through_the_table(void **state)
{
    (void)state;
    char dir[] = "/tmp/bkerr-dlopen-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char ini[4200], text[4400];
    snprintf(ini, sizeof ini, "%s/bkerr.ini", dir);
    snprintf(text, sizeof text,
             "[registry]\nplugin_dir = %s\n[catalog.cmdb]\npath = handmade.so\n",
             getenv("BKERR_TEST_PLUGINS"));
    FILE *f = fopen(ini, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);

    bkerr_registry *reg;
    char err[BKERR_ERRMSG_SIZE];
    int rc = api->open(ini, &reg, err, sizeof err);
    if (rc)
        print_error("%s\n", err);
    assert_int_equal(rc, 0);
    unlink(ini);
    rmdir(dir);
    assert_string_equal(api->config_path(reg), ini);

    int64_t code;
    assert_int_equal(api->parse_code(" 1100001 ", &code, NULL), 0);
    assert_int_equal(api->classify(code), BKERR_CLASS_STANDARD);
    assert_int_equal(api->prefix(code), 11);
    struct bkerr_result r;
    assert_int_equal(api->lookup(reg, code, BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.message, "English message");
    assert_ptr_equal(api->message(reg, code, BKERR_LANG_EN), r.message);
    assert_int_equal(api->lookup_product(reg, "cmdb", 3001, BKERR_LANG_EN, &r),
                     BKERR_FOUND);
    char buf[256];
    assert_true(api->format(&r, NULL, 0, buf, sizeof buf) > 0);
    assert_non_null(strstr(buf, "HmJsonDecode"));
    const struct bkerr_arg arg = {NULL, "v"};
    assert_int_equal(api->fill("<{0}>", &arg, 1, buf, sizeof buf), 3);
    assert_string_equal(buf, "<v>");
    struct bkerr_platform p;
    assert_int_equal(api->platform(reg, 12, &p), 1);
    assert_string_equal(p.id, "job");
    assert_string_equal(api->category_name(p.category, BKERR_LANG_ZH_CN), "平台类");
    assert_string_equal(api->status_name(BKERR_GENERIC), "generic");
    assert_int_equal(api->catalog_count(reg), 1);
    struct bkerr_catalog_status st;
    assert_int_equal(api->catalog_status(reg, 0, &st), 0);
    assert_int_equal(st.state, BKERR_CATALOG_LOADED);
    assert_int_equal(api->default_lang(reg), BKERR_LANG_DEFAULT);
    assert_non_null(api->default_config());
    api->close(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_is_versioned),
        cmocka_unit_test(whole_api_works_through_the_table),
    };
    return cmocka_run_group_tests(tests, load, unload);
}
