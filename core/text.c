/* String checks and small string helpers shared by the core. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

#define PLACEHOLDER_NAME_MAX 32

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
}

const char *bk_utf8_check(const char *s, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (p[i]) {
        if (i >= max)
            return "text is longer than the limit";
        unsigned c = p[i];
        size_t n;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3, cp = c & 0x07;
        } else {
            return "invalid UTF-8 (bad lead byte)";
        }
        if (i + n + 1 > max)
            return "text is longer than the limit";
        for (size_t k = 1; k <= n; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return "invalid UTF-8 (truncated sequence)";
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000))
            return "invalid UTF-8 (overlong encoding)";
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return "invalid UTF-8 (not a Unicode scalar value)";
        i += n + 1;
    }
    return NULL;
}

const char *bk_placeholder_check(const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '}') {
            if (p[1] != '}')
                return "a lone '}' (write '}}' for a literal brace)";
            p++;
        } else if (*p == '{') {
            if (p[1] == '{') {
                p++;
                continue;
            }
            const char *name = p + 1, *q = name;
            while (is_name_char(*q))
                q++;
            if (*q != '}')
                return "a '{' that starts no {name} placeholder (write '{{' "
                       "for a literal brace)";
            if (q == name || q - name > PLACEHOLDER_NAME_MAX)
                return "a placeholder name must be 1-32 characters of "
                       "[A-Za-z0-9_]";
            p = q;
        }
    }
    return NULL;
}

bool bk_valid_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!is_name_char(s[n]))
            return false;
    return n >= 1 && n <= 32;
}

void bk_errf(char *buf, size_t len, const char *fmt, ...)
{
    if (!buf || len == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, len, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n >= len && len > 4) {
        /* say it was cut, never hide it, and cut between characters */
        size_t at = len - 4;
        while (at > 0 && ((unsigned char)buf[at] & 0xC0) == 0x80)
            at--;
        memcpy(buf + at, "...", 4);
    }
}

char *bk_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

char *bk_asprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}
