/* bkerr_catalog is thread-local: dlsym() gives the calling thread's copy,
 * which lives outside the object. */
#include "hostile.h"

static const struct bkerr_entry entries[] = {
    {1100001, "Tls", "线程局部", "thread-local", NULL, NULL},
};

extern BKERR_PLUGIN_EXPORT _Thread_local struct bkerr_catalog bkerr_catalog;
_Thread_local struct bkerr_catalog bkerr_catalog = {
    .abi_major = BKERR_ABI_MAJOR, .abi_minor = BKERR_ABI_MINOR,
    .size = (uint32_t)sizeof(struct bkerr_catalog),
    HOSTILE_NAMES, BKERR_ENTRIES(entries),
};
