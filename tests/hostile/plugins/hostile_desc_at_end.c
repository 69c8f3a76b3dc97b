/* A descriptor that ends exactly where its segment does, before a page
 * without access (segments.ld): the first 104 bytes (ABI 1.0's members)
 * fill the end of the readable page, but it says ABI 1.1, 112 bytes, and
 * its ELF symbol says 112 too, so its packed member lies on the next page. */
#include <stddef.h>

#include "hostile.h"

/* struct bkerr_catalog up to, not including, packed. */
struct head {
    uint16_t abi_major, abi_minor;
    uint32_t size;
    const char *id;
    int32_t prefix;
    const char *name_zh, *name_en, *version, *origin;
    const struct bkerr_entry *entries;
    size_t n_entries;
    const struct bkerr_range *ranges;
    size_t n_ranges;
    const struct bkerr_entry *legacy;
    size_t n_legacy;
};
_Static_assert(sizeof(struct head) == 104 &&
                   offsetof(struct bkerr_catalog, packed) == 104,
               "the asm below places the symbol 104 bytes before the page end");

static const struct bkerr_entry entries[] = {
    {1100001, "AtEnd", "页尾", "at the end", NULL, NULL},
};

__attribute__((section(".bk_tail"), aligned(4096), used)) static const struct {
    char pad[4096 - sizeof(struct head)];
    struct head d;
} tail = {.d = {.abi_major = 1, .abi_minor = 1, .size = 112, HOSTILE_NAMES,
                BKERR_ENTRIES(entries)}};

/* bkerr_catalog is tail.d, with the size a whole ABI 1.1 descriptor has. */
__asm__(".globl bkerr_catalog\n\t"
        ".type bkerr_catalog, @object\n\t"
        ".size bkerr_catalog, 112\n\t"
        ".set bkerr_catalog, tail + 3992");
