/* platforms.c: the spec's tables. */
#ifndef BKERR_COMMON_SPEC_H
#define BKERR_COMMON_SPEC_H

#include <stdint.h>

#include "bkerr/bkerr.h"

#define BK_PREFIX_SLOTS 100

struct bk_spec_platform {
    int prefix;
    const char *id, *name_zh, *name_en;
};
struct bk_text_row { /* a special code or a generic 5-digit error ID */
    int64_t key;
    const char *name_zh, *name_en, *advice_zh, *advice_en;
};
const struct bk_spec_platform *bk_spec_platform(int prefix);
const struct bk_spec_platform *bk_spec_platform_by_id(const char *id);
enum bkerr_category bk_category_of(int prefix);
const struct bk_text_row *bk_special(int64_t code);
const struct bk_text_row *bk_generic(int64_t suffix);

#endif
