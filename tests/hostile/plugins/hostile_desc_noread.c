/* The descriptor alone in a PT_LOAD segment without read permission
 * (segments.ld): reading any member of it faults.  It holds numbers only:
 * a relocation there would fault inside dlopen() already. */
#include <bkerr/plugin.h>

extern BKERR_PLUGIN_EXPORT const struct bkerr_catalog bkerr_catalog;
__attribute__((section(".bk_noread"))) const struct bkerr_catalog
    bkerr_catalog = {
        .abi_major = BKERR_ABI_MAJOR,
        .abi_minor = 0,
        .size = sizeof(struct bkerr_catalog),
        .prefix = 11,
};

/* segments.ld's readable page before it must not be empty. */
__attribute__((section(".bk_tail"), used)) static const char filler = 1;
