/* bk_code_known(): the question bkerr_scan() asks of every bare 7-digit
 * number in a log, so most answers come from the index in one load, as
 * bkerr_message()'s do; the rest as bkerr_lookup() gives them. */
#include "known.h"

#include "guests.h"
#include "registry.h"

bool bk_code_known(const bkerr_registry *reg, int64_t code)
{
    if (!reg || code < 1000000 || code > 9999999)
        return false;
    uint32_t prefix = (uint32_t)code / BKERR_SUFFIXES;
    uint32_t suffix = (uint32_t)code - prefix * BKERR_SUFFIXES;
    /* no guest code in the suffix's 64-code word (known once the
     * prefix's guests are built) */
    const struct bk_prefix_guests *pg = &reg->lazy->guests[prefix];
    bool no_guests = atomic_load_explicit(&pg->ready, memory_order_acquire) &&
                     !bk_guests_near(pg, suffix);
    const struct bk_hot *hot = &reg->lazy->hot[prefix];
    if (atomic_load_explicit(&hot->ready, memory_order_acquire)) {
        struct bk_word *w;
        size_t i;
        uint32_t k = suffix / 64;
        if ((hot->word[k / 64] >> (k % 64) & 1) &&
            bk_index_find(&hot->ix, suffix, &w, &i)) {
            if (atomic_load_explicit(&w->checked, memory_order_relaxed) ==
                BK_WORD_GOOD)
                return true;
        } else if (no_guests) {
            return false;
        }
    } else if (!reg->by_prefix[prefix] && no_guests) {
        return false; /* no catalog for the prefix, loaded or lazy */
    }
    struct bkerr_result r;
    int status = bkerr_lookup(reg, code, BKERR_LANG_DEFAULT, &r);
    return status == BKERR_FOUND || status == BKERR_GUEST;
}
