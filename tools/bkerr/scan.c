/* annotate_scan(): see scan.h for what counts as a code. */
#include <string.h>

#include "scan.h"

static const char ZH_KEY[] = "\xE9\x94\x99\xE8\xAF\xAF\xE7\xA0\x81"; /* 错误码 */
static const char FULL_COLON[] = "\xEF\xBC\x9A";                      /* ： */

/* ASCII classes; bytes >= 0x80 are none of them (no locale). */
static bool is_digit(unsigned char b) { return b >= '0' && b <= '9'; }
static bool is_lower(unsigned char b) { return b >= 'a' && b <= 'z'; }
static bool is_alpha(unsigned char b) { return is_lower(b) || (b >= 'A' && b <= 'Z'); }
static bool is_alnum(unsigned char b) { return is_alpha(b) || is_digit(b); }
static bool is_word(unsigned char b) { return is_alnum(b) || b == '_'; }
static bool is_blank(unsigned char b) { return b == ' ' || b == '\t'; }
static bool is_quote(unsigned char b) { return b == '"' || b == '\''; }

enum key { KEY_NONE, KEY_CODE, KEY_SUFFIX, KEY_ZH };

/* The length of the quote at s[i]: 1 for " or ', 2 for \" or \' (JSON
 * inside a JSON string), else 0. */
static size_t quote_at(const unsigned char *s, size_t len, size_t i)
{
    if (i < len && is_quote(s[i]))
        return 1;
    if (len - i >= 2 && s[i] == '\\' && is_quote(s[i + 1]))
        return 2;
    return 0;
}

/* The key starting at s[i], if any; *end is set past it. */
static enum key key_at(const unsigned char *s, size_t len, size_t i, size_t *end)
{
    if (s[i] == 0xE9) {
        if (len - i >= sizeof ZH_KEY - 1 &&
            memcmp(s + i, ZH_KEY, sizeof ZH_KEY - 1) == 0) {
            *end = i + sizeof ZH_KEY - 1;
            return KEY_ZH;
        }
        return KEY_NONE;
    }
    /* "code" in any case: b | 0x20 maps only the letter's two cases */
    if (len - i < 4 || (s[i] | 0x20) != 'c' || (s[i + 1] | 0x20) != 'o' ||
        (s[i + 2] | 0x20) != 'd' || (s[i + 3] | 0x20) != 'e')
        return KEY_NONE;
    if (i + 4 < len && is_word(s[i + 4])) /* codec, code_id, codes */
        return KEY_NONE;
    *end = i + 4;
    if (i == 0 || !is_word(s[i - 1]))
        return KEY_CODE;
    if (s[i - 1] == '_' || (s[i] == 'C' && is_lower(s[i - 1])))
        return KEY_SUFFIX; /* error_code, errorCode */
    return KEY_NONE;       /* errcode, barcode, 1code */
}

static size_t skip_blanks(const unsigned char *s, size_t len, size_t i)
{
    while (i < len && is_blank(s[i]))
        i++;
    return i;
}

/* The value after a key ending at i: fills *hit and sets *next past it. */
static bool value_at(const unsigned char *s, size_t len, size_t i, enum key key,
                     struct annotate_hit *hit, size_t *next)
{
    if (key != KEY_ZH) /* the key's closing quote: "code", or \"code\" */
        i += quote_at(s, len, i);
    size_t j = skip_blanks(s, len, i);
    bool blank = j > i, sep = false;
    i = j;
    if (i < len && (s[i] == ':' || s[i] == '=')) {
        i++, sep = true;
    } else if (len - i >= 3 && memcmp(s + i, FULL_COLON, 3) == 0) {
        i += 3, sep = true;
    }
    i = skip_blanks(s, len, i);
    if (!sep && !blank && key != KEY_ZH)
        return false; /* code1199006 */
    size_t quote = quote_at(s, len, i); /* the value's opening quote */
    const unsigned char *open = s + i;
    i += quote;
    size_t start = i;
    int64_t code = 0;
    if (i < len && s[i] == '-') {
        if (!sep || key == KEY_SUFFIX || len - i < 2 || s[i + 1] != '1')
            return false;
        code = -1;
        i += 2;
    } else {
        if (i >= len || s[i] == '0')
            return false;
        while (i < len && is_digit(s[i]) && i - start < 8)
            code = code * 10 + (s[i++] - '0');
        if (i - start != 7)
            return false;
    }
    if (quote) {
        if (len - i < quote || memcmp(s + i, open, quote) != 0)
            return false; /* the same closing quote */
        *next = i + quote;
    } else {
        if (i < len && (is_word(s[i]) ||
                        (s[i] == '.' && i + 1 < len && is_digit(s[i + 1]))))
            return false; /* 11990061, 1199006abc, 1199006.5 */
        *next = i;
    }
    *hit = (struct annotate_hit){.code = code, .start = start, .len = i - start};
    return true;
}

size_t annotate_scan(const char *line, size_t len, annotate_fn fn, void *ctx)
{
    const unsigned char *s = (const unsigned char *)line;
    size_t found = 0;
    if (!s)
        return 0;
    for (size_t i = 0; i < len;) {
        unsigned char b = s[i];
        size_t end, next;
        enum key key;
        if (((b | 0x20) != 'c' && b != 0xE9) ||
            (key = key_at(s, len, i, &end)) == KEY_NONE) {
            i++;
            continue;
        }
        struct annotate_hit hit;
        if (!value_at(s, len, end, key, &hit, &next)) {
            i = end;
            continue;
        }
        hit.key = i;
        found++;
        if (fn && !fn(&hit, ctx))
            break;
        i = next;
    }
    return found;
}
