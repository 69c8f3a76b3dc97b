/* text.c: string checks shared by config, loader and format. */
#ifndef BKERR_COMMON_TEXT_H
#define BKERR_COMMON_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* NULL when s is valid UTF-8 within max bytes; else a static reason. */
const char *bk_utf8_check(const char *s, size_t max);
/* NULL when s, valid UTF-8, holds no C0 control (TAB, LF and CR too), no
 * DEL, no C1 control and no bidi control (U+202A-202E, U+2066-2069); else
 * a static reason naming the first such character.  The one rule for the
 * text and symbols of every catalog: the loader, first-use checks of
 * compiled entries and bkerr-catc all call it. */
const char *bk_control_check(const char *s);
/* NULL when every brace in s forms a canonical placeholder or escape. */
const char *bk_placeholder_check(const char *s);
/* True for 1-32 characters of [A-Za-z0-9_]. */
bool bk_valid_id(const char *s);
/* Appends printf-formatted text to a caller buffer, cutting with "..." on
 * overflow.  Used for error messages only, never with catalog text as fmt. */
void bk_errf(char *buf, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void bk_verrf(char *buf, size_t len, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
char *bk_strdup(const char *s);
char *bk_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
