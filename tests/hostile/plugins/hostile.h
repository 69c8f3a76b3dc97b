/* Shared by the hostile test plugins: one good entry table and the
 * descriptor fields every plugin repeats.  Each plugin breaks one rule;
 * tests/hostile/README lists the reason the registry must give. */
#ifndef BKERR_HOSTILE_H
#define BKERR_HOSTILE_H

#include <bkerr/plugin.h>

/* The section the runner loads every plugin under: [catalog.cmdb]. */
#define HOSTILE_NAMES                                     \
    .id = "cmdb", .prefix = 11, .name_zh = "配置平台（敌意）", \
    .name_en = "CMDB (hostile)", .version = "6.6.6",      \
    .origin = "tests/hostile/plugins"

/* Declares the exported descriptor by hand (for plugins that must not use
 * BKERR_CATALOG_DEFINE's ABI fields). */
#define HOSTILE_EXPORT(type) \
    extern BKERR_PLUGIN_EXPORT const type bkerr_catalog; \
    const type bkerr_catalog

/* Compiled tables (ABI 1.1) of two codes: 1100001, the entry a plugin
 * breaks, and 1100002, a good one whose messages are at pool offset 1. */
#define HOSTILE_PACKED(pool, bad_entry, ...)                              \
    static const uint64_t present[BKERR_PRESENT_WORDS] = {[0] = 0x6};    \
    static const struct bkerr_packed_entry packed_entries[] = {          \
        bad_entry, {0, 1, 1, 0, 0, 0}};                                  \
    static const struct bkerr_packed packed = {present, packed_entries,  \
                                               2, pool, sizeof pool};    \
    BKERR_CATALOG_DEFINE(HOSTILE_NAMES, .packed = &packed, __VA_ARGS__)

#endif
