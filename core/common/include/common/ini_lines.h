/* ini_lines.c: raw INI lines as inih reads them. */
#ifndef BKERR_COMMON_INI_LINES_H
#define BKERR_COMMON_INI_LINES_H

#include <stdbool.h>
#include <stddef.h>

#include "common/error.h"

/* What inih's isspace() skips around names and values, bar line ends. */
static inline bool bk_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}
#define BK_INI_NAME_MAX 49   /* inih keeps 50 bytes of a name with its NUL */
#define BK_INI_SCAN_MAX 4096 /* longest line bk_ini_scan() looks at */
struct bk_ini_rules {
    size_t max_line;      /* inih's buffer less "\r\n\0" */
    bool continuations;   /* indented lines after a key continue its value */
    bool inline_comments; /* " ;" may end a value (else it is an error) */
};
enum bk_ini_kind {
    BK_INI_BLANK,
    BK_INI_COMMENT,
    BK_INI_SECTION,
    BK_INI_KEY,
    BK_INI_CONTINUATION,
};
struct bk_ini_line {
    enum bk_ini_kind kind;
    const char *name; /* SECTION: inside the brackets; KEY: the key */
    size_t name_len;
    const char *value; /* KEY, CONTINUATION: the raw text of the value */
    size_t value_len;
};
/* Classifies raw line s[0..n) (no line end) as inih will read it, after a
 * key line if after_key.  False, with the reason in err (BKERR_ECONFIG), if
 * inih would cut or misread it. */
bool bk_ini_scan(const char *s, size_t n, const struct bk_ini_rules *rules,
                 bool after_key, struct bk_ini_line *out,
                 struct bk_error *err);
/* The next raw line of buf[*pos..len) as inih's reader sees it: without
 * its "\n" or "\r\n" and, on line 1, without a UTF-8 byte-order mark.
 * Advances *pos and *lineno; NULL (and nothing advanced) at the end. */
const char *bk_ini_next_line(const char *buf, size_t len, size_t *pos,
                             int *lineno, size_t *n);
/* Hands line s[0..n) to inih in its buffer str, unindented (so inih never
 * joins it to the line before) and ended with "\n".  str must hold n + 2
 * bytes, which bk_ini_scan()'s max_line guarantees. */
void bk_ini_hand_over(char *str, const char *s, size_t n);

#endif
