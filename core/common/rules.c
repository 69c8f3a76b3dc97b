/* The rules of a catalog (common/rules.h): the registry's and the
 * catalog compiler's one copy. */
#include "common/rules.h"

#include "bkerr/bkerr.h"
#include "common/code.h"
#include "common/text.h"

const char *bk_rule_text(const char *s, bool message)
{
    const char *why = bk_utf8_check(s, BKERR_TEXT_MAX);
    if (!why)
        why = bk_control_check(s);
    if (!why && message)
        why = bk_placeholder_check(s);
    return why;
}

bool bk_rule_given(const char *s)
{
    return s && *s;
}

bool bk_rule_has_message(const char *message_zh, const char *message_en)
{
    return bk_rule_given(message_zh) || bk_rule_given(message_en);
}

enum bk_code_rule bk_rule_code(int prefix, int64_t code, bool legacy)
{
    bool own = prefix && bkerr_prefix(code) == prefix;
    if (legacy)
        return own ? BK_CODE_OWN_LEGACY : BK_CODE_OK;
    if (!prefix)
        return BK_CODE_NO_PREFIX;
    return own ? BK_CODE_OK : BK_CODE_NOT_OWN;
}

enum bk_order_rule bk_rule_order(int64_t before, int64_t code)
{
    return code == before ? BK_ORDER_DUPLICATE
           : code < before ? BK_ORDER_UNSORTED
                           : BK_ORDER_OK;
}

enum bk_range_rule bk_rule_range(int prefix, int64_t first, int64_t last)
{
    if (!prefix)
        return BK_RANGE_NO_PREFIX;
    if (first > last || bkerr_prefix(first) != prefix ||
        bkerr_prefix(last) != prefix)
        return BK_RANGE_OUTSIDE;
    return BK_RANGE_OK;
}

/* A range exists to name a module or give advice for its codes; one
 * with neither changes no answer. */
bool bk_rule_range_says(const char *module, const char *advice_zh,
                        const char *advice_en)
{
    return bk_rule_given(module) || bk_rule_given(advice_zh) ||
           bk_rule_given(advice_en);
}

bool bk_rule_range_follows(int64_t last_before, int64_t first)
{
    return first > last_before;
}

bool bk_rule_status(unsigned status)
{
    return status <= BK_CODE_STATUS_MAX;
}
