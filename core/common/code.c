/* Text to code, the class of a code, the names of code statuses, and the
 * one search over sorted tables of codes. */
#include "common/code.h"

#include <ctype.h>
#include <string.h>

/* Longest digit run accepted: 18 digits always fit in int64_t. */
#define MAX_DIGITS 18

int bkerr_parse_code(const char *text, int64_t *code, const char **reason)
{
    const char *why = NULL;
    if (!text || !code) {
        why = "no text given";
        goto fail;
    }
    const char *p = text;
    while (isspace((unsigned char)*p))
        p++;
    bool negative = false;
    if (*p == '-') {
        negative = true;
        p++;
    } else if (*p == '+') {
        why = "a code has no '+' sign";
        goto fail;
    }
    const char *digits = p;
    int64_t value = 0;
    while (*p >= '0' && *p <= '9') {
        if (p - digits >= MAX_DIGITS) {
            why = "too many digits for an error code";
            goto fail;
        }
        value = value * 10 + (*p - '0');
        p++;
    }
    size_t n = (size_t)(p - digits);
    while (isspace((unsigned char)*p))
        p++;
    if (n == 0) {
        why = *digits    ? "a code is written in decimal digits only"
              : negative ? "a '-' with no digits after it"
                         : "empty text is not a code";
        goto fail;
    }
    if (*p) {
        why = "a code is written in decimal digits only";
        goto fail;
    }
    if (n > 1 && digits[0] == '0') {
        why = "a code has no leading zeros";
        goto fail;
    }
    if (negative && value == 0) {
        why = "-0 is not a code";
        goto fail;
    }
    *code = negative ? -value : value;
    return 0;
fail:
    if (reason)
        *reason = why;
    return BKERR_EINVAL;
}

enum bkerr_class bkerr_classify(int64_t code)
{
    return bk_classify(code);
}

int bkerr_prefix(int64_t code)
{
    return bkerr_classify(code) == BKERR_CLASS_STANDARD ? (int)(code / 100000)
                                                        : 0;
}

/* The one table of code status names, from plugin.h's: the name
 * function and the catalog compiler's parser both read it. */
#define CODE_STATUS_NAME(name, value, text) [name] = text,
static const char *const code_status_names[] = {
    BKERR_CODE_STATUS_MAP(CODE_STATUS_NAME)};

const char *bkerr_code_status_name(enum bkerr_code_status status)
{
    if ((unsigned)status < BKERR_COUNT_OF(code_status_names))
        return code_status_names[status];
    return "unknown";
}

bool bk_code_status_parse(const char *s, enum bkerr_code_status *out)
{
    for (unsigned i = BKERR_CODE_ACTIVE; i < BKERR_COUNT_OF(code_status_names);
         i++)
        if (strcmp(s, code_status_names[i]) == 0) {
            *out = (enum bkerr_code_status)i;
            return true;
        }
    return false;
}

size_t bk_lower_bound(const void *keys, size_t n, size_t stride, int64_t key)
{
    const char *base = keys;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int64_t k;
        memcpy(&k, base + mid * stride, sizeof k);
        if (k < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
