/* bkerr.ini files that are hard to read rather than wrong: a 1 MiB file of
 * 60,000 sections (opened in linear time, duplicates still named with both
 * lines) and files whose size stat() does not tell (/proc): the reason
 * must say what happened. */
#include "helpers.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MIB (1 << 20)

/* "[registry]\nload = lazy\n" and then "[catalog.cN]" sections up to
 * (almost) limit bytes; *n is the number of sections, *last_line the line
 * of the last one.  Lazy, so that the open loads none of them. */
static char *many_sections(size_t limit, size_t *n, int *last_line)
{
    char *s = malloc(limit + 64); /* and room for one more section */
    assert_non_null(s);
    size_t len = (size_t)sprintf(s, "[registry]\nload = lazy\n");
    int line = 2;
    *n = 0;
    for (;;) {
        char one[64];
        int k = snprintf(one, sizeof one, "[catalog.c%zu]\n", *n);
        if (len + (size_t)k + sizeof "[catalog.c0]\n" > limit)
            break;
        memcpy(s + len, one, (size_t)k + 1);
        len += (size_t)k;
        ++*n, ++line;
    }
    *last_line = line;
    return s;
}

static double seconds_to_open(const char *ini, bkerr_registry **reg,
                              char *err, size_t errlen, int *rc)
{
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    *rc = th_open_ini(ini, reg, err, errlen);
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
}

/* Every section of a 1 MiB file is there, and eight times the sections
 * take about eight times as long, not 64 (each new section used to be
 * compared with every earlier one: 6.9 s for this file).  The bound is
 * loose on purpose: it only has to tell linear from quadratic, also under
 * valgrind, so a run under a quarter of a second passes whatever the ratio. */
static void sixty_thousand_sections_open_in_linear_time(void **state)
{
    (void)state;
    size_t n, n_small;
    int last, last_small, rc;
    char *big = many_sections(MIB - 64, &n, &last);
    char *small = many_sections((MIB - 64) / 8, &n_small, &last_small);
    assert_true(n > 60000);
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NULL;
    double t_small = seconds_to_open(small, &reg, err, sizeof err, &rc);
    assert_int_equal(rc, 0);
    bkerr_close(reg);
    double t_big = seconds_to_open(big, &reg, err, sizeof err, &rc);
    if (rc != 0)
        fail_msg("open: %s", err);
    struct bkerr_catalog_status st;
    assert_int_equal(bkerr_catalog_status(reg, n - 1, &st), 0);
    char id[32];
    snprintf(id, sizeof id, "c%zu", n - 1);
    assert_string_equal(st.id, id);
    assert_int_not_equal(bkerr_catalog_status(reg, n, &st), 0);
    bkerr_close(reg);
    if (t_big > 0.25 && t_big > 24 * t_small)
        fail_msg("%zu sections took %.3f s, %zu took %.3f s: not linear", n,
                 t_big, n_small, t_small);
    free(big);
    free(small);
}

/* The duplicate check still names both lines, however far apart. */
static void duplicate_among_sixty_thousand_names_both_lines(void **state)
{
    (void)state;
    size_t n;
    int last;
    char *ini = many_sections(MIB - 64, &n, &last);
    size_t len = strlen(ini);
    /* the section on line 1000 again, as the last line */
    snprintf(ini + len, 64, "[catalog.c%d]\n", 1000 - 3);
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NULL;
    assert_int_equal(th_open_ini(ini, &reg, err, sizeof err), BKERR_ECONFIG);
    assert_null(reg);
    char want[128];
    snprintf(want, sizeof want, ":%d: duplicate section [catalog.c997] "
             "(first on line 1000); merge the two", last + 1);
    th_assert_contains(err, want);
    free(ini);
}

/* /proc files say they are 0 bytes and hold more: the reason says so,
 * not a stale errno ("Inappropriate ioctl for device") and "try again". */
static void proc_file_is_named_as_not_an_ordinary_file(void **state)
{
    (void)state;
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = NULL;
    errno = ENOTTY; /* what an earlier call may leave behind */
    assert_int_equal(bkerr_open("/proc/self/environ", &reg, err, sizeof err),
                     BKERR_ECONFIG);
    assert_null(reg);
    th_assert_contains(err, "/proc/self/environ: holds more bytes than the 0 "
                       "its size says: not an ordinary file");
    assert_null(strstr(err, strerror(ENOTTY)));
    assert_null(strstr(err, "try again"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sixty_thousand_sections_open_in_linear_time),
        cmocka_unit_test(duplicate_among_sixty_thousand_names_both_lines),
        cmocka_unit_test(proc_file_is_named_as_not_an_ordinary_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
