/* One raw INI line, classified the way inih will read it, and checked for
 * what inih would cut without a word.  Shared by bkerr.ini (config.c) and
 * the catalog compiler, so both enforce the same limits. */
#include "common/ini_lines.h"

#include <stdio.h>
#include <string.h>

#include "bkerr/bkerr.h"
#include "common/text.h"

/* True if text[0..n) holds a ';' after a blank: inih ends the value there. */
static bool has_inline_comment(const char *text, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (text[i] == ';' && bk_is_blank(text[i - 1]))
            return true;
    return false;
}

static bool bad(struct bk_error *err, const char *what)
{
    return bk_fail(err, BKERR_ECONFIG, "%s", what);
}

static bool scan_section(const char *s, size_t n, struct bk_ini_line *out,
                         struct bk_error *err)
{
    const char *end = memchr(s, ']', n);
    if (!end)
        return bad(err, "the section header has no closing ']'");
    out->kind = BK_INI_SECTION;
    out->name = s + 1;
    out->name_len = (size_t)(end - s - 1);
    if (out->name_len > BK_INI_NAME_MAX) {
        return bk_fail(err, BKERR_ECONFIG, "the section name is %zu bytes; "
                       "inih keeps at most %d and would cut it",
                       out->name_len, BK_INI_NAME_MAX);
    }
    const char *rest = end + 1, *stop = s + n;
    while (rest < stop && bk_is_blank(*rest))
        rest++;
    if (rest < stop && *rest != ';' && *rest != '#')
        return bad(err, "text after the section header's ']'; put keys "
                   "on lines of their own");
    return true;
}

static bool scan_key(const char *s, size_t n, struct bk_ini_line *out,
                     struct bk_error *err)
{
    /* inih splits at the first '=' or ':', or stops at a " ;" comment */
    size_t k = 0;
    while (k < n && s[k] != '=' && s[k] != ':' &&
           !(s[k] == ';' && k && bk_is_blank(s[k - 1])))
        k++;
    if (k == n || s[k] == ';')
        return bad(err, "expected 'key = value', a [section] or a comment");
    out->kind = BK_INI_KEY;
    out->value = s + k + 1;
    out->value_len = n - k - 1;
    while (k && bk_is_blank(s[k - 1]))
        k--;
    out->name = s;
    out->name_len = k;
    if (k == 0)
        return bad(err, "a '=' with no key before it");
    if (k > BK_INI_NAME_MAX) {
        return bk_fail(err, BKERR_ECONFIG, "the key is %zu bytes; inih keeps "
                       "at most %d", k, BK_INI_NAME_MAX);
    }
    return true;
}

bool bk_ini_scan(const char *s, size_t n, const struct bk_ini_rules *rules,
                 bool after_key, struct bk_ini_line *out, struct bk_error *err)
{
    *out = (struct bk_ini_line){.kind = BK_INI_BLANK};
    if (memchr(s, '\0', n))
        return bad(err, "the line holds a NUL byte; the file must be text");
    char copy[BK_INI_SCAN_MAX + 1];
    if (n > rules->max_line || n > BK_INI_SCAN_MAX) {
        return bk_fail(err, BKERR_ECONFIG, "the line is %zu bytes; inih reads "
                       "at most %zu per line and would cut it: shorten it%s",
                       n, rules->max_line,
                       rules->continuations ? " or go on in an indented line"
                                            : "");
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    if (bk_utf8_check(copy, n))
        return bad(err, "the line is not valid UTF-8; save the file as "
                   "UTF-8");
    bool indented = n && bk_is_blank(*s);
    while (n && bk_is_blank(*s))
        s++, n--;
    if (n == 0)
        return true;
    if (*s == ';' || *s == '#') {
        out->kind = BK_INI_COMMENT;
        return true;
    }
    bool ok;
    if (indented && after_key && rules->continuations) {
        out->kind = BK_INI_CONTINUATION;
        out->value = s;
        out->value_len = n;
        ok = true;
    } else if (*s == '[') {
        ok = scan_section(s, n, out, err);
    } else {
        ok = scan_key(s, n, out, err);
    }
    if (ok && !rules->inline_comments && out->value &&
        has_inline_comment(out->value, out->value_len))
        return bad(err, "' ;' starts a comment that inih would cut off; "
                   "write '；' or drop the blank before ';'");
    return ok;
}

const char *bk_ini_next_line(const char *buf, size_t len, size_t *pos,
                             int *lineno, size_t *n)
{
    if (*pos >= len)
        return NULL;
    const char *s = buf + *pos;
    const char *nl = memchr(s, '\n', len - *pos);
    *n = nl ? (size_t)(nl - s) : len - *pos;
    *pos += *n + (nl != NULL);
    if (*n && s[*n - 1] == '\r')
        (*n)--;
    if (*lineno == 0 && *n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, *n -= 3; /* a UTF-8 byte-order mark */
    (*lineno)++;
    return s;
}

void bk_ini_hand_over(char *str, const char *s, size_t n)
{
    while (n && bk_is_blank(*s))
        s++, n--;
    memcpy(str, s, n);
    str[n] = '\n';
    str[n + 1] = '\0';
}
