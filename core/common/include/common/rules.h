/* rules.c: what a catalog must satisfy (the list in plugin.h), written
 * once for the two that enforce it: the registry, on a loaded plugin
 * (core/loader.c at open, core/index.c at a compiled entry's first use),
 * and bkerr-catc, on a source (tools/catc/check.c).
 *
 * Each rule is a check (common/error.h): it answers NULL / BK_RULE_OK, or
 * which rule is broken.  A rule whose fix is the same on both sides
 * answers with the sentence; one whose fix differs (a C table or a source
 * section) answers with an enum, and each side words the fix in its own
 * terms. */
#ifndef BKERR_COMMON_RULES_H
#define BKERR_COMMON_RULES_H

#include <stdbool.h>
#include <stdint.h>

/* The text rule for every string of a catalog: valid UTF-8 of at most
 * BKERR_TEXT_MAX bytes, no control character or bidi control, and in a
 * message only canonical placeholders.  NULL or the sentence
 * ("holds U+0009 (TAB); ..."). */
const char *bk_rule_text(const char *s, bool message);

/* True for a text that counts as given: non-NULL and non-empty (the
 * registry never answers ""). */
bool bk_rule_given(const char *s);

/* Every entry has a message in at least one language. */
bool bk_rule_has_message(const char *message_zh, const char *message_en);

/* Where a code may stand: an entry is a 7-digit code with the catalog's
 * prefix; a legacy code is any other; a catalog without a prefix (0) has
 * only legacy codes. */
enum bk_code_rule {
    BK_CODE_OK,
    BK_CODE_NO_PREFIX,    /* an entry of a catalog without a prefix */
    BK_CODE_NOT_OWN,      /* an entry outside the catalog's prefix */
    BK_CODE_OWN_LEGACY,   /* a legacy code under the catalog's prefix */
};
enum bk_code_rule bk_rule_code(int prefix, int64_t code, bool legacy);

/* A table of codes strictly increases: code after before. */
enum bk_order_rule { BK_ORDER_OK, BK_ORDER_DUPLICATE, BK_ORDER_UNSORTED };
enum bk_order_rule bk_rule_order(int64_t before, int64_t code);

/* A range: first <= last, both under the catalog's prefix (a catalog
 * without one has none); sorted and disjoint (bk_rule_range_follows() of
 * the last of the range before); and it says something: a module, advice
 * or both (bk_rule_range_says(), once its texts are known to be
 * readable). */
enum bk_range_rule {
    BK_RANGE_OK,
    BK_RANGE_NO_PREFIX,  /* a range of a catalog without a prefix */
    BK_RANGE_OUTSIDE,    /* reversed, or not under the prefix */
};
enum bk_range_rule bk_rule_range(int prefix, int64_t first, int64_t last);
bool bk_rule_range_follows(int64_t last_before, int64_t first);
bool bk_rule_range_says(const char *module, const char *advice_zh,
                        const char *advice_en);

/* A provenance status is an enum bkerr_code_status value. */
bool bk_rule_status(unsigned status);

#endif
