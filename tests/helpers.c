#define _GNU_SOURCE
#include "helpers.h"

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *th_plugins(void)
{
    const char *dir = getenv("BKERR_TEST_PLUGINS");
    if (!dir)
        fail_msg("BKERR_TEST_PLUGINS is not set; run the tests with meson test");
    return dir;
}

const char *th_bundled_config(void)
{
    const char *path = getenv("BKERR_DEVENV_CONFIG");
    if (!path)
        fail_msg("BKERR_DEVENV_CONFIG is not set; run the tests with meson test");
    return path;
}

char *th_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *path;
    assert_true(asprintf(&path, "%s/bkerr-test-XXXXXX",
                         base && *base ? base : "/tmp") > 0);
    assert_non_null(mkdtemp(path));
    return path;
}

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

void th_rmtree(char *dir)
{
    if (dir)
        nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    free(dir);
}

char *th_write(const char *dir, const char *name, const char *text)
{
    char *path;
    assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
    return path;
}

char *th_copy(const char *src, const char *dir, const char *name,
              unsigned mode)
{
    char *path;
    assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
    int in = open(src, O_RDONLY);
    assert_true(in >= 0);
    int out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(out >= 0);
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0)
        assert_int_equal(write(out, buf, (size_t)n), n);
    close(in);
    assert_int_equal(fchmod(out, mode), 0); /* umask does not apply */
    close(out);
    return path;
}

int th_open_ini(const char *ini, bkerr_registry **reg, char *err,
                size_t errlen)
{
    char *dir = th_tmpdir();
    char *path = th_write(dir, "bkerr.ini", ini);
    int rc = bkerr_open(path, reg, err, errlen);
    free(path);
    th_rmtree(dir);
    return rc;
}

char *th_ini(const char *rest)
{
    char *s;
    assert_true(asprintf(&s, "[registry]\nplugin_dir = %s\n%s", th_plugins(),
                         rest) > 0);
    return s;
}

bkerr_registry *th_open_plugins(const char *rest)
{
    char *ini = th_ini(rest);
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NULL;
    int rc = th_open_ini(ini, &reg, err, sizeof err);
    free(ini);
    if (rc)
        fail_msg("%s", err);
    return reg;
}

void th_assert_contains_at(const char *haystack, const char *needle,
                           const char *file, int line)
{
    if (haystack && strstr(haystack, needle))
        return;
    print_error("expected \"%s\"\n    in \"%s\"\n", needle,
                haystack ? haystack : "(null)");
    _fail(file, line);
}
