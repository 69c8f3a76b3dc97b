/* Helpers shared by the cmocka tests: scratch directories, files, and
 * registries opened from ini text. */
#ifndef BKERR_TEST_HELPERS_H
#define BKERR_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <bkerr/bkerr.h>

/* The directory holding the test plugins ($BKERR_TEST_PLUGINS). */
const char *th_plugins(void);

/* The build tree's bkerr.ini with every bundled catalog
 * ($BKERR_DEVENV_CONFIG). */
const char *th_bundled_config(void);

/* A new private scratch directory (heap path); th_rmtree() removes it. */
char *th_tmpdir(void);
void th_rmtree(char *dir); /* also frees dir */

/* Writes text to dir/name; returns the path (heap). */
char *th_write(const char *dir, const char *name, const char *text);

/* Copies the file at src to dir/name with the given mode; returns the path. */
char *th_copy(const char *src, const char *dir, const char *name,
              unsigned mode);

/* Writes ini into a scratch file and opens it.  Returns bkerr_open()'s
 * code; *reg is set on success; err receives the message. */
int th_open_ini(const char *ini, bkerr_registry **reg, char *err,
                size_t errlen);

/* "[registry]\nplugin_dir = <test plugins>\n" followed by rest. */
char *th_ini(const char *rest);

/* Opens th_ini(rest); fails the test, with the message, if it cannot. */
bkerr_registry *th_open_plugins(const char *rest);

/* Asserts that haystack contains needle, printing both when not. */
#define th_assert_contains(haystack, needle) \
    th_assert_contains_at((haystack), (needle), __FILE__, __LINE__)
void th_assert_contains_at(const char *haystack, const char *needle,
                           const char *file, int line);

#endif
