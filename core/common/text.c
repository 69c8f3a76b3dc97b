/* String checks and small string helpers shared by the core. */
#include "common/text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLACEHOLDER_NAME_MAX 32

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS (ONES * 0x80)

/* Whether the 8 bytes at p are ASCII.  The checks below read 8 bytes at a
 * time where they can: a catalog's text is megabytes (its advice), and
 * every open that loads it checks all of it. */
static bool ascii8(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    return (x & HIGHS) == 0;
}

const char *bk_utf8_check(const char *s, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strnlen(s, max), i = 0; /* the fast path's bound */
    while (p[i]) {
        if (i >= max)
            return "text is longer than the limit";
        unsigned c = p[i];
        size_t n;
        uint32_t cp;
        if (c < 0x80) {
            i += len - i >= 8 && ascii8(p + i) ? 8 : 1; /* no NUL before len */
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

/* Characters that act on a terminal, a table or a source file instead of
 * showing: catalog text goes raw into all of them (bkerr CODE, Markdown,
 * C comments), so the loader and bkerr-catc refuse them at the source.
 * Each reason names the character. */
#define UNSAFE(hex, name)                                                  \
    "holds U+" hex " (" name "); catalog text must not hold control "     \
    "characters (C0, DEL, C1) or bidi controls"
static const char *const c0_reasons[32] = {
    UNSAFE("0000", "NUL"), UNSAFE("0001", "SOH"), UNSAFE("0002", "STX"),
    UNSAFE("0003", "ETX"), UNSAFE("0004", "EOT"), UNSAFE("0005", "ENQ"),
    UNSAFE("0006", "ACK"), UNSAFE("0007", "BEL"), UNSAFE("0008", "BS"),
    UNSAFE("0009", "TAB"), UNSAFE("000A", "LF"), UNSAFE("000B", "VT"),
    UNSAFE("000C", "FF"), UNSAFE("000D", "CR"), UNSAFE("000E", "SO"),
    UNSAFE("000F", "SI"), UNSAFE("0010", "DLE"), UNSAFE("0011", "DC1"),
    UNSAFE("0012", "DC2"), UNSAFE("0013", "DC3"), UNSAFE("0014", "DC4"),
    UNSAFE("0015", "NAK"), UNSAFE("0016", "SYN"), UNSAFE("0017", "ETB"),
    UNSAFE("0018", "CAN"), UNSAFE("0019", "EM"), UNSAFE("001A", "SUB"),
    UNSAFE("001B", "ESC"), UNSAFE("001C", "FS"), UNSAFE("001D", "GS"),
    UNSAFE("001E", "RS"), UNSAFE("001F", "US"),
};
static const char *const c1_reasons[32] = {
    UNSAFE("0080", "PAD"), UNSAFE("0081", "HOP"), UNSAFE("0082", "BPH"),
    UNSAFE("0083", "NBH"), UNSAFE("0084", "IND"), UNSAFE("0085", "NEL"),
    UNSAFE("0086", "SSA"), UNSAFE("0087", "ESA"), UNSAFE("0088", "HTS"),
    UNSAFE("0089", "HTJ"), UNSAFE("008A", "VTS"), UNSAFE("008B", "PLD"),
    UNSAFE("008C", "PLU"), UNSAFE("008D", "RI"), UNSAFE("008E", "SS2"),
    UNSAFE("008F", "SS3"), UNSAFE("0090", "DCS"), UNSAFE("0091", "PU1"),
    UNSAFE("0092", "PU2"), UNSAFE("0093", "STS"), UNSAFE("0094", "CCH"),
    UNSAFE("0095", "MW"), UNSAFE("0096", "SPA"), UNSAFE("0097", "EPA"),
    UNSAFE("0098", "SOS"), UNSAFE("0099", "SGCI"), UNSAFE("009A", "SCI"),
    UNSAFE("009B", "CSI"), UNSAFE("009C", "ST"), UNSAFE("009D", "OSC"),
    UNSAFE("009E", "PM"), UNSAFE("009F", "APC"),
};
static const char *const embedding_reasons[5] = { /* U+202A-202E */
    UNSAFE("202A", "LEFT-TO-RIGHT EMBEDDING"),
    UNSAFE("202B", "RIGHT-TO-LEFT EMBEDDING"),
    UNSAFE("202C", "POP DIRECTIONAL FORMATTING"),
    UNSAFE("202D", "LEFT-TO-RIGHT OVERRIDE"),
    UNSAFE("202E", "RIGHT-TO-LEFT OVERRIDE"),
};
static const char *const isolate_reasons[4] = { /* U+2066-2069 */
    UNSAFE("2066", "LEFT-TO-RIGHT ISOLATE"),
    UNSAFE("2067", "RIGHT-TO-LEFT ISOLATE"),
    UNSAFE("2068", "FIRST STRONG ISOLATE"),
    UNSAFE("2069", "POP DIRECTIONAL ISOLATE"),
};

/* The high bit of each byte of x that is zero, exactly: adding 0x7F to a
 * byte's low seven bits sets its high bit unless they are all zero, and
 * never carries into the next byte. */
static uint64_t zero_highs(uint64_t x)
{
    uint64_t lows = ~HIGHS;
    return ~(((x & lows) + lows) | x) & HIGHS;
}

/* Whether no character bk_control_check() refuses starts in the 8 bytes
 * at p: no C0 control or DEL, no 0xC2 (C1 controls) and no 0xE2 (the bidi
 * controls) anywhere in them; Chinese text passes 8 bytes at a time. */
static bool no_control_lead8(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    /* an ASCII byte below 0x20 borrows in low - 0x20, DEL carries in
     * low + 1: each sets its own high bit (a borrow into the next byte
     * only makes it fail too) */
    uint64_t low = x & ~HIGHS;
    uint64_t c0_del = ((low - ONES * 0x20) | (low + ONES)) & ~x & HIGHS;
    return (c0_del | zero_highs(x ^ (ONES * 0xC2)) |
            zero_highs(x ^ (ONES * 0xE2))) == 0;
}

const char *bk_control_check(const char *s)
{
    /* valid UTF-8, so each pattern is the whole character */
    const unsigned char *end = (const unsigned char *)s + strlen(s);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        while (end - p >= 8 && no_control_lead8(p))
            p += 8;
        if (!*p)
            break;
        if (*p < 0x20)
            return c0_reasons[*p];
        if (*p == 0x7F)
            return UNSAFE("007F", "DEL");
        if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            return c1_reasons[p[1] - 0x80];
        if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE)
            return embedding_reasons[p[2] - 0xAA];
        if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
            return isolate_reasons[p[2] - 0xA6];
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
    va_list ap;
    va_start(ap, fmt);
    bk_verrf(buf, len, fmt, ap);
    va_end(ap);
}

void bk_verrf(char *buf, size_t len, const char *fmt, va_list ap)
{
    if (!buf || len == 0)
        return;
    int n = vsnprintf(buf, len, fmt, ap);
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
