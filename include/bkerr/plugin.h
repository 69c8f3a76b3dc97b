/* bkerr catalog plugin ABI.
 *
 * A catalog plugin is a shared object that exports exactly one symbol,
 * BKERR_CATALOG_SYMBOL ("bkerr_catalog"): a const struct bkerr_catalog
 * declared with BKERR_CATALOG_DEFINE().  A catalog is data: it should run
 * no code (dlopen would run its constructors, which is why the registry
 * loads only files that others cannot write).  The registry reads the
 * descriptor and its tables in place, so every string must live in the
 * plugin's read-only data for as long as it is loaded.
 *
 * A hand-written catalog:
 *
 *     #include <bkerr/plugin.h>
 *
 *     static const struct bkerr_entry entries[] = {      // sorted by code
 *         { 1199000, "CCErrCommJSONUnmarshalFailed",
 *           "反序列化JSON数据失败", "Deserializing JSON data failed",
 *           "检查请求体是否为合法 JSON。", "Check the request body is valid JSON." },
 *     };
 *     static const struct bkerr_range ranges[] = {
 *         { 1199000, 1199999, "common", "检查 …", "Check …" },
 *     };
 *     BKERR_CATALOG_DEFINE(
 *         .id = "cmdb", .prefix = 11,
 *         .name_zh = "配置平台", .name_en = "Configuration platform",
 *         .version = "1.0.0",
 *         BKERR_ENTRIES(entries), BKERR_RANGES(ranges));
 *
 * Rules the registry checks before it makes a catalog visible (a catalog
 * that breaks one is rejected with a reason naming the rule):
 *   - abi_major == BKERR_ABI_MAJOR, abi_minor <= the registry's minor, and
 *     size is at least the size of the ABI 1.0 descriptor;
 *   - id equals the id in the [catalog.<id>] section that loaded it, and is
 *     1-32 characters of [A-Za-z0-9_] (the spec has ids such as MySQL);
 *   - prefix is the prefix allocated to id (by the spec or by an admin's
 *     [platform.NN] section) and no other loaded catalog owns it; or 0
 *     for a product that has no prefix allocated (bk_hcm, bk_lite): such
 *     a catalog has no entries and no ranges, only legacy codes;
 *   - id, version and at least one of name_zh and name_en are non-empty;
 *   - entries: every code is a 7-digit code with the catalog's prefix, codes
 *     strictly increase, and at least one of message_zh and message_en is
 *     non-empty (symbol may be NULL: some codes have no constant upstream);
 *   - ranges: first <= last, both inside the prefix, sorted, not overlapping;
 *   - legacy: codes strictly increase and none is a 7-digit code under the
 *     catalog's own prefix (those belong in entries).  A legacy code that
 *     is a 7-digit code under another prefix is a guest code: the product
 *     emits it there, and plain lookups show it, labelled as this
 *     catalog's (bkerr_lookup_guest() in bkerr.h);
 *   - every non-NULL string is valid UTF-8 of at most BKERR_TEXT_MAX bytes,
 *     holds no control character (C0, TAB, LF and CR included; DEL; C1)
 *     and no bidi control (U+202A-202E, U+2066-2069), and messages use
 *     only canonical placeholders (below);
 *   - ABI 1.2: about (n_entries), legacy_about (n_legacy) and packed_about
 *     (packed->n_entries) lie inside the plugin, each status is an enum
 *     bkerr_code_status value, and each n_variants counts the variants
 *     of its code (0 for a variant's own record); variants are sorted by
 *     code, each has the message rules of an entry and a primary entry
 *     (in entries, packed or legacy) with its code.  A lookup takes a
 *     code's count of definitions from its record, so it never searches
 *     the variants; without a record it does.
 *
 * Canonical placeholders.  A message may contain "{name}", where name is
 * 1-32 characters of [A-Za-z0-9_]; "{0}", "{1}" are positional.  "{{" and
 * "}}" stand for literal braces; any other brace is an error.  Printf-style
 * "%s" has no meaning and is literal text: the catalog compiler rewrites
 * Go's %s/%v/%d into {0}, {1}, ... in order.
 *
 * Compiled tables (ABI 1.1).  Instead of entries, a catalog may give its
 * prefix's codes as a struct bkerr_packed: a presence bitmap over the
 * 100,000 codes of the prefix, one struct bkerr_packed_entry per set bit
 * in code order, and one string pool the entries point into by offset.
 * bkerr-catc emits this form.  It holds no pointer per string, so the
 * dynamic loader has nothing to relocate, the tables stay clean shared
 * pages, and the registry finds a code with one bit test and a popcount.
 * At open the registry checks the bitmap, the table and pool bounds and
 * that the pool is NUL-terminated, none of which grows with the codes;
 * it checks an entry's offsets and text (the rules above) the first time
 * a lookup reaches it, and answers NOT_IN_CATALOG with a reason if they
 * fail.  bkerr check (BKERR_OPEN_VERIFY) checks every entry at open.
 *
 * Provenance, status and variants (ABI 1.2).  Every entry may say where
 * upstream defines it and where upstream raises it (SITEs: "path:line"
 * relative to the catalog's upstream "owner/repo@commit", or
 * "owner/repo@commit:path:line"; raised is a blank-separated list), a
 * documentation URL, a note for the reader in both languages, and the
 * code's status upstream (enum bkerr_code_status in bkerr.h: active,
 * unused, deprecated, removed; 0 when the catalog does not say).  These
 * come as tables parallel to the entries: about[] beside entries[],
 * legacy_about[] beside legacy[], packed_about[] beside the compiled
 * entries (offsets into the same pool).  A code upstream defines more than
 * once has one entry (the primary, in entries, packed or legacy) and one
 * struct bkerr_variant per other definition, sorted by code and then in
 * the order lookups give them; a variant's code must have a primary.  No
 * text ever joins two definitions: each variant has its own symbol,
 * messages, advice and provenance.
 *
 * Languages.  zh_CN and en are the two languages of major 1 and stay the
 * named fields of every struct.  A further language comes, if ever, as
 * one appended table of per-entry texts keyed by a BCP 47 tag, holding
 * only that language: Chinese and English are never said twice.
 *
 * Growth.  The ABI grows only by appending fields to struct bkerr_catalog
 * and bumping BKERR_ABI_MINOR; struct bkerr_entry and struct bkerr_range are
 * frozen for major 1 (new per-entry data comes as a parallel array appended
 * to the descriptor).  The registry rejects another major or a newer minor,
 * and reads an older minor by its size.
 */
#ifndef BKERR_PLUGIN_H
#define BKERR_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BKERR_ABI_MAJOR 1
#define BKERR_ABI_MINOR 2

/* The one symbol a catalog plugin exports. */
#define BKERR_CATALOG_SYMBOL "bkerr_catalog"

/* Longest string (in bytes, without the NUL) the registry accepts. */
#define BKERR_TEXT_MAX 4096

/* One code of a product.  Any text may be NULL or "" when the product has
 * none; the registry falls back to the other language, never to "". */
struct bkerr_entry {
    int64_t code;             /* e.g. 1199000 */
    const char *symbol;       /* the product's constant, e.g. CCErrCommJSONUnmarshalFailed */
    const char *message_zh;   /* zh_CN message, canonical placeholders */
    const char *message_en;
    const char *advice_zh;    /* 处理方案 */
    const char *advice_en;
};

/* Advice for a block of codes (a module); entries in [first, last] without
 * advice of their own inherit it, and so do unknown codes in the block
 * unless the spec's generic table has advice for them. */
struct bkerr_range {
    int64_t first;
    int64_t last;
    const char *module;       /* short module name, e.g. "host"; may be NULL */
    const char *advice_zh;
    const char *advice_en;
};

/* The compiled tables (ABI 1.1; frozen for major 1). */
#define BKERR_SUFFIXES 100000 /* codes under one prefix: NN00000-NN99999 */
#define BKERR_PRESENT_WORDS ((BKERR_SUFFIXES + 63) / 64)

/* Offsets into the pool; 0 (the pool's leading "") means no text. */
struct bkerr_packed_entry {
    uint32_t symbol;
    uint32_t message_zh;
    uint32_t message_en;
    uint32_t advice_zh;
    uint32_t advice_en;
    uint32_t range;           /* 1 + the index in ranges of the range that
                                 holds the code; 0 if none does */
};

struct bkerr_packed {
    /* BKERR_PRESENT_WORDS words: bit s % 64 of word s / 64 is set when the
     * code prefix * 100000 + s has an entry; bits past 99999 are 0 */
    const uint64_t *present;
    const struct bkerr_packed_entry *entries; /* one per set bit, in order */
    size_t n_entries;
    const char *pool;         /* NUL-terminated strings, pool[0] == '\0' */
    size_t pool_size;         /* bytes, the final NUL included */
};

/* What upstream does with a code, as its catalog says (ABI 1.2). */
#define BKERR_CODE_STATUS_MAP(X)                                            \
    /* the catalog does not say */                                          \
    X(BKERR_CODE_UNSTATED, 0, "unstated")                                   \
    /* raised at the upstream commit read */                                \
    X(BKERR_CODE_ACTIVE, 1, "active")                                       \
    /* defined there, but nothing raises it */                              \
    X(BKERR_CODE_UNUSED, 2, "unused")                                       \
    /* upstream marks it deprecated */                                      \
    X(BKERR_CODE_DEPRECATED, 3, "deprecated")                               \
    /* gone upstream; kept for older versions */                            \
    X(BKERR_CODE_REMOVED, 4, "removed")
/* Expands a row of an enum's table (see bkerr.h) into its enumerator. */
#define BKERR_ENUM_ROW_(name, value, text) name = value,
enum bkerr_code_status { BKERR_CODE_STATUS_MAP(BKERR_ENUM_ROW_) };

/* Where an entry comes from and what upstream does with it (ABI 1.2).
 * Any pointer may be NULL. */
struct bkerr_about {
    uint32_t status;          /* enum bkerr_code_status; 0: not said */
    uint32_t n_variants;      /* how many entries of variants[] carry this
                                 code: its other definitions (0 in a
                                 variant's own record) */
    const char *defined;      /* one SITE: where upstream defines the code */
    const char *raised;       /* SITEs where upstream raises it, blank-separated */
    const char *docs;         /* an https URL of upstream documentation */
    const char *note_zh;      /* a remark for the reader (why the code has
                                 variants, a closed source, a stale key) */
    const char *note_en;
};

/* struct bkerr_about in the compiled form: offsets into packed->pool. */
struct bkerr_packed_about {
    uint16_t status;          /* as struct bkerr_about's */
    uint16_t n_variants;
    uint32_t defined;
    uint32_t raised;
    uint32_t docs;
    uint32_t note_zh;
    uint32_t note_en;
};

/* Another definition of a code that has a primary entry (ABI 1.2). */
struct bkerr_variant {
    struct bkerr_entry entry; /* entry.code: the primary's code */
    struct bkerr_about about;
};

struct bkerr_catalog {
    /* ABI 1.0 */
    uint16_t abi_major;       /* BKERR_ABI_MAJOR when built */
    uint16_t abi_minor;       /* BKERR_ABI_MINOR when built */
    uint32_t size;            /* sizeof(struct bkerr_catalog) when built */
    const char *id;           /* platform id: "cmdb", "bk_sops", ... */
    int32_t prefix;           /* 10-99 */
    const char *name_zh;
    const char *name_en;
    const char *version;      /* the catalog's own version, free text */
    const char *origin;       /* where the data comes from; may be NULL */
    const struct bkerr_entry *entries;   /* sorted by code */
    size_t n_entries;
    const struct bkerr_range *ranges;    /* sorted, disjoint; may be NULL */
    size_t n_ranges;
    const struct bkerr_entry *legacy;    /* sorted by code; may be NULL */
    size_t n_legacy;
    /* ABI 1.1 */
    const struct bkerr_packed *packed;   /* the compiled form of entries;
                                            then entries must be NULL */
    /* ABI 1.2 */
    const char *upstream;          /* "owner/repo@commit" that relative
                                      sites refer to; may be NULL */
    const char *upstream_version;  /* the upstream version read; may be NULL */
    const struct bkerr_about *about;               /* parallel to entries */
    const struct bkerr_packed_about *packed_about; /* parallel to packed */
    const struct bkerr_about *legacy_about;        /* parallel to legacy */
    const struct bkerr_variant *variants; /* sorted by code, then order */
    size_t n_variants;
    /* ABI 1.3 and later append here. */
};

#if defined(__GNUC__)
#define BKERR_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define BKERR_PLUGIN_EXPORT
#endif

#define BKERR_COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Designated-initializer helpers for the tables. */
#define BKERR_ENTRIES(a) .entries = (a), .n_entries = BKERR_COUNT_OF(a)
#define BKERR_RANGES(a) .ranges = (a), .n_ranges = BKERR_COUNT_OF(a)
#define BKERR_LEGACY(a) .legacy = (a), .n_legacy = BKERR_COUNT_OF(a)
#define BKERR_VARIANTS(a) .variants = (a), .n_variants = BKERR_COUNT_OF(a)

/* Declares the plugin's descriptor.  The arguments are designated
 * initializers for the remaining fields; the ABI fields are filled in. */
#define BKERR_CATALOG_DEFINE(...)                                        \
    extern BKERR_PLUGIN_EXPORT const struct bkerr_catalog bkerr_catalog; \
    const struct bkerr_catalog bkerr_catalog = {                         \
        .abi_major = BKERR_ABI_MAJOR,                                    \
        .abi_minor = BKERR_ABI_MINOR,                                    \
        .size = (uint32_t)sizeof(struct bkerr_catalog),                  \
        __VA_ARGS__}

#ifdef __cplusplus
}
#endif

#endif /* BKERR_PLUGIN_H */
