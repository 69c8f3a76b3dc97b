/* The line scanner of bkerr annotate: finds BlueKing error codes in one line
 * of a log or an API response.  Pure: no allocation, no global state, no
 * locale; any bytes (invalid UTF-8, NULs) are fine.
 *
 * A code is found only where it stands after a key that names it:
 *
 *   "code": 1199006    "code":"1199006"    code=1199006    code: '1199006'
 *   error code 1199006    错误码 1199006    错误码：1199006    错误码1199006
 *
 * The key is the word "code" in any case, alone or ending an identifier
 * (error_code, bk_error_code, errorCode), or 错误码; then optionally its
 * closing quote, blanks, one separator (':', '=' or the full-width '：'),
 * blanks and an opening quote (a quote is " or ', or \" or \' for JSON
 * inside a JSON string: {"body": "{\"code\":1199006}"}).  Without a separator "code" must be
 * followed by at least one blank (code 1199006; code1199006 is a name).
 * The value must be a whole 7-digit standard code (1000000-9999999), with
 * no digit, letter, '_' or ".<digit>" after it, and its closing quote if it
 * was opened with one: timestamps, ids, IPs and longer digit runs are left
 * alone.  -1 (系统繁忙) is found only after a separator, and only when the
 * key is exactly "code" or 错误码 (not exit_code). */
#ifndef BKERR_SCAN_H
#define BKERR_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct annotate_hit {
    int64_t code;   /* 1000000-9999999, or -1 */
    size_t start;   /* offset of the code's first byte ('-' or a digit) */
    size_t len;     /* its length in bytes: 7, or 2 for -1 */
    size_t key;     /* offset of its key's first byte ('c', 'C' or 错):
                       whether the hit is right depends on line[key - 1]
                       and on bytes after the code, nothing before */
};

/* Called once per code, left to right; returns false to stop the scan. */
typedef bool (*annotate_fn)(const struct annotate_hit *hit, void *ctx);

/* Scans line[0..len) (not NUL-terminated; pass it without its newline) and
 * calls fn (which may be NULL) for each code found.  Returns the number of
 * codes found, up to and including the one whose callback stopped the
 * scan. */
size_t annotate_scan(const char *line, size_t len, annotate_fn fn, void *ctx);

#endif
