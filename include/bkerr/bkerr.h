/* bkerr: the BlueKing error-code registry.
 *
 * A BlueKing error code is a 7-digit integer: two digits of product prefix
 * (10-99) and five of the product's own; -1 means "system busy", 0 success.
 * bkerr_open() reads bkerr.ini, loads the catalog plugins it enables and
 * returns a registry; bkerr_lookup() resolves any integer to its platform,
 * category and catalog entry.
 *
 * Threads: any number of threads may call the lookup, format and listing
 * functions on one registry at once; bkerr_close() must not race with
 * them.  What a registry answers never changes after bkerr_open() returns.
 * Its memory changes in exactly these ways after that, each made safe for
 * concurrent readers inside the library (all of it in one struct, the
 * registry's lazy state, but for the per-word flag):
 *   - load = lazy (or BKERR_OPEN_LAZY): a lazy catalog loads at the first
 *     lookup of its product (bkerr_lookup() of a code under its prefix,
 *     bkerr_lookup_product(), bkerr_catalog_entry(), bkerr_catalog_range());
 *     and at the first lookup under a prefix that needs that prefix's guest
 *     codes (bkerr_lookup() and the lookups built on it; bkerr_message() of
 *     a code no loaded compiled catalog answers), the lazy catalogs that may
 *     hold one: those whose plugin's guest note (written by bkerr-catc)
 *     names the prefix, and every plugin without a note.  Reading the notes
 *     opens the plugin files without loading them.  bkerr_lookup_symbol()
 *     loads every lazy catalog at its first call.
 *     Such a load takes the registry's one mutex, dlopen()s the plugin
 *     and allocates its index; other threads needing the same catalog
 *     wait for it.  bkerr_catalog_status() takes the mutex for a moment
 *     while a lazy catalog has not loaded.  An eagerly opened registry
 *     (the default) takes it only for the two indexes below;
 *   - the first bkerr_lookup_symbol() builds the symbol index (allocates,
 *     under the mutex); later calls read it without a lock;
 *   - a compiled catalog's entries are checked against the catalog rules
 *     at their first lookup, 64 codes at a time, and the result is kept in
 *     a per-word flag (an atomic store; no lock, no allocation).  With
 *     BKERR_OPEN_VERIFY they are all checked at open instead;
 *   - nothing else: no other function writes to a registry.
 *
 * Memory: bkerr_open(), bkerr_live_open() and bkerr_live_reload()
 * allocate; so do the lazy loads and the first building of an index above.
 * Every other function allocates nothing: lookups, formatting, listings
 * and diagnostics read what the open built.  Every string a result points
 * to lives until bkerr_close() of the registry it came from (or forever,
 * for the built-in tables), and is valid UTF-8.
 *
 * Errors: functions that can fail return a negative BKERR_E* value, listed
 * at each declaration.
 *
 * ABI: the structs here are fixed for libbkerr.so.1.  The library grows by
 * adding functions, which are also appended to struct bkerr_api.
 */
#ifndef BKERR_H
#define BKERR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plugin.h" /* enum bkerr_code_status */

#ifdef __cplusplus
extern "C" {
#endif

#include "version.h" /* BKERR_VERSION */

#if defined(__GNUC__)
#define BKERR_API __attribute__((visibility("default")))
#else
#define BKERR_API
#endif

/* Each enum of this header is written once, as a table of
 * X(NAME, value, "name") rows, and expanded into the enum, its name
 * function (bkerr_strerror(), bkerr_status_name(), ...) and the test that
 * holds docs/json.md to the same names, as libuv's UV_ERRNO_MAP does.
 * Expand one with a macro of your own to list its values, e.g.
 *     #define ROW(name, value, text) printf("%d %s\n", value, text);
 *     BKERR_ERROR_MAP(ROW)
 * (BKERR_ENUM_ROW_, which makes the enums, is in plugin.h, as is
 * BKERR_CODE_STATUS_MAP.) */

/* Negative returns, with the sentence bkerr_strerror() gives. */
#define BKERR_ERROR_MAP(X)                                                  \
    X(BKERR_EINVAL, -1, "a NULL or out-of-range argument")                  \
    X(BKERR_ENOMEM, -2, "out of memory")                                    \
    X(BKERR_ECONFIG, -3, "bkerr.ini is unreadable or invalid")              \
    X(BKERR_ECATALOG, -4, "a required catalog was rejected")                \
    X(BKERR_ENOPRODUCT, -5, "no platform or catalog has that id")           \
    X(BKERR_ENOTFOUND, -6, "no such item")
enum bkerr_error { BKERR_ERROR_MAP(BKERR_ENUM_ROW_) };

/* A buffer of this size holds any message bkerr_open() writes, except for
 * very long paths; longer messages are cut with a "..." mark. */
#define BKERR_ERRMSG_SIZE 1024

typedef struct bkerr_registry bkerr_registry;

/* Languages; the name is the one bkerr.ini's lang takes (and
 * bkerr_parse_lang() reads, with other spellings). */
#define BKERR_LANG_MAP(X)                                                   \
    /* the registry's default: bkerr.ini's, else zh_CN */                   \
    X(BKERR_LANG_DEFAULT, 0, "default")                                     \
    X(BKERR_LANG_ZH_CN, 1, "zh_CN")                                         \
    X(BKERR_LANG_EN, 2, "en")
enum bkerr_lang { BKERR_LANG_MAP(BKERR_ENUM_ROW_) };

/* The spec's categories, by prefix. */
enum bkerr_category {
    BKERR_CAT_NONE = 0,        /* no category: not a standard code */
    BKERR_CAT_SPECIAL = 1,     /* -1 系统繁忙, 0 请求成功 */
    BKERR_CAT_PLATFORM = 2,    /* 平台类 10-29 */
    BKERR_CAT_SAAS = 3,        /* SaaS 后台 30-49 */
    BKERR_CAT_PUBLIC = 4,      /* 公共服务 50-79 */
    BKERR_CAT_THIRD_PARTY = 5, /* 第三方 SaaS 80-98 */
    BKERR_CAT_COMMON = 6,      /* 蓝鲸体系通用服务 99 */
};

/* The shape of an integer, before any table is consulted. */
enum bkerr_class {
    BKERR_CLASS_SPECIAL = 0,     /* -1 or 0 */
    BKERR_CLASS_STANDARD = 1,    /* 7 digits: 1000000-9999999 */
    BKERR_CLASS_NONSTANDARD = 2, /* any other width, or negative but -1 */
};

#define BKERR_STATUS_MAP(X)                                                 \
    /* an entry answered (a catalog's or a special's) */                    \
    X(BKERR_FOUND, 0, "found")                                              \
    /* no product entry; the spec's generic table answered */               \
    X(BKERR_GENERIC, 1, "generic")                                          \
    /* prefix assigned, but no catalog for it is loaded */                  \
    X(BKERR_NO_CATALOG, 2, "no_catalog")                                    \
    /* the prefix's catalog is loaded and lacks the code */                 \
    X(BKERR_NOT_IN_CATALOG, 3, "not_in_catalog")                            \
    /* the prefix is an unassigned slot */                                  \
    X(BKERR_UNASSIGNED, 4, "unassigned")                                    \
    /* not a code this lookup can resolve (see reason) */                   \
    X(BKERR_INVALID, 5, "invalid")                                          \
    /* the prefix's owner has no entry for the code (or the prefix is       \
     * unassigned), and another product's catalog, `catalog`, uses it: a    \
     * guest code (see bkerr_lookup_guest()) */                             \
    X(BKERR_GUEST, 6, "guest")
enum bkerr_status { BKERR_STATUS_MAP(BKERR_ENUM_ROW_) };

/* A row of the allocation table (built in, or allocated in bkerr.ini). */
struct bkerr_platform {
    int prefix;                    /* 10-99; 0 for a special or invalid code */
    enum bkerr_category category;
    const char *id;                /* "cmdb"; NULL for an unassigned slot */
    const char *name_zh;           /* "配置平台"; NULL when the spec gives none */
    const char *name_en;           /* NULL when unknown */
    bool admin;                    /* allocated by a [platform.NN] section */
};

struct bkerr_result {
    enum bkerr_status status;
    enum bkerr_class klass;
    int64_t code;
    struct bkerr_platform platform;
    const char *catalog;      /* id of the catalog that owns the prefix, if
                                 loaded (for FOUND: the one that answered);
                                 NULL otherwise, and for built-in answers */
    const char *catalog_version;
    const char *symbol;       /* NULL unless a catalog entry answered */
    const char *message;      /* NULL when nothing answered */
    const char *advice;       /* the entry's, else its range's; for a code
                                 with no entry: the generic row's, else the
                                 range's; NULL if none */
    const char *module;       /* the range (module) the code falls in, or NULL */
    enum bkerr_lang message_lang; /* language of message (after fallback) */
    enum bkerr_lang advice_lang;  /* language of advice (after fallback) */
    bool advice_inherited;    /* advice came from the range, not the entry */
    const char *reason;       /* for INVALID: why, in English; for a code
                                 whose catalog entry breaks the catalog
                                 rules (ignored, so NOT_IN_CATALOG or
                                 GENERIC): that; else NULL */
    /* Provenance (catalog ABI 1.2; NULL or 0 when the catalog says none) */
    enum bkerr_code_status code_status; /* what upstream does with it */
    const char *upstream;     /* "owner/repo@commit" the sites refer to */
    const char *upstream_version; /* the upstream version the catalog read */
    const char *defined;      /* SITE where upstream defines the code */
    const char *raised;       /* SITEs where it raises it, blank-separated */
    const char *docs;         /* upstream documentation URL */
    const char *note;         /* a remark for the reader, in note_lang */
    enum bkerr_lang note_lang;
    unsigned variant;         /* which definition this is: 0 the primary */
    unsigned n_variants;      /* definitions of the code in its catalog
                                 (bkerr_lookup_variant()); 0 with no entry */
    /* Guest codes: a catalog's legacy code that is a 7-digit code under
     * another product's prefix (or an unassigned one). */
    bool guest;               /* this answer is such a catalog's, not the
                                 prefix owner's (status BKERR_GUEST) */
    unsigned n_guests;        /* catalogs other than the prefix owner's that
                                 use this code (bkerr_lookup_guest()) */
};

/* One placeholder value for bkerr_fill()/bkerr_format().  name NULL makes a
 * positional argument: the n-th positional one fills "{n}".  A NULL value
 * leaves its placeholder as it is (and still counts as a position). */
struct bkerr_arg {
    const char *name;
    const char *value;
};

#define BKERR_CATALOG_STATE_MAP(X)                                          \
    X(BKERR_CATALOG_LOADED, 0, "loaded")                                    \
    /* enabled = false in bkerr.ini */                                      \
    X(BKERR_CATALOG_DISABLED, 1, "disabled")                                \
    /* failed to load or validate; see reason */                            \
    X(BKERR_CATALOG_REJECTED, 2, "rejected")                                \
    /* enabled, but not loaded by this open (struct bkerr_open_options) */  \
    X(BKERR_CATALOG_SKIPPED, 3, "skipped")                                  \
    /* load = lazy: loads at the first lookup of its product, or of a      \
     * code under a prefix its plugin's guest note names (see Threads) */   \
    X(BKERR_CATALOG_LAZY, 4, "lazy")
enum bkerr_catalog_state { BKERR_CATALOG_STATE_MAP(BKERR_ENUM_ROW_) };

/* One [catalog.<id>] section of bkerr.ini and what became of it. */
struct bkerr_catalog_status {
    const char *id;
    const char *path;         /* the resolved file path */
    enum bkerr_catalog_state state;
    bool required;
    const char *reason;       /* REJECTED: why, with the fix; else NULL */
    int prefix;               /* LOADED: the catalog's prefix; else 0 */
    const char *name_zh;      /* LOADED: the product's display name, as
                                 bkerr_product() gives it; else NULL */
    const char *name_en;
    const char *version;
    const char *origin;
    size_t n_entries;
    size_t n_ranges;
    size_t n_legacy;
    int line;                 /* the line of its [catalog.<id>] section */
    const char *upstream;     /* LOADED, catalog ABI 1.2: "owner/repo@commit"
                                 its entries' sites refer to; else NULL */
    const char *upstream_version; /* the upstream version it describes */
    size_t n_variants;        /* other definitions of its codes
                                 (bkerr_lookup_variant()) */
};

/* Options for bkerr_open_with(), for tools that inspect a configuration. */
#define BKERR_OPEN_NO_LOAD 0x1u /* read and check bkerr.ini; load nothing */
#define BKERR_OPEN_LAZY 0x2u    /* load = lazy, whatever bkerr.ini says */
#define BKERR_OPEN_VERIFY 0x4u  /* check every entry's text at open, as
                                   bkerr check does; by default a compiled
                                   catalog's entry is checked at its first
                                   lookup */
#define BKERR_OPEN_KEEP_GOING 0x8u /* (version 5) record each problem the
                                      open can step over (a required
                                      catalog's rejection, an error in
                                      bkerr.ini: a bad line reads as blank,
                                      a bad key or value is ignored, and a
                                      bad section with its keys; a bad
                                      plugin_dir rejects the catalogs in
                                      it) as a diagnostic and go on; fail
                                      only when bkerr.ini cannot be read
                                      at all or memory runs out */
struct bkerr_open_options {
    uint32_t size;    /* sizeof(struct bkerr_open_options) */
    uint32_t flags;   /* BKERR_OPEN_* */
    const char *only; /* if non-NULL: load only the catalog of this id; its
                         rejection then never fails the open */
};

/* ---- codes (no registry needed) ---------------------------------------- */

/* Parses a decimal code: optional surrounding whitespace, an optional '-',
 * then digits ("1104600", " -1 ", "0").  Returns 0 and sets *code, or
 * BKERR_EINVAL and sets *reason (if non-NULL) to a static English sentence:
 * empty text, a stray character, a '+' or leading zeros, or out of range. */
BKERR_API int bkerr_parse_code(const char *text, int64_t *code, const char **reason);

/* The class of any integer. */
BKERR_API enum bkerr_class bkerr_classify(int64_t code);

/* The prefix (10-99) of a standard code; 0 for any other class. */
BKERR_API int bkerr_prefix(int64_t code);

/* ---- open / close -------------------------------------------------------- */

/* Opens the registry described by a bkerr.ini.  The path is config_path if
 * non-NULL, else $BKERR_CONFIG (ignored in setuid programs), else the
 * installed default (bkerr_default_config()).
 * Returns 0 and sets *out on success (catalogs that are not required may
 * still have been rejected: see bkerr_catalog_status() and
 * bkerr_diagnostic()).  On failure sets *out to NULL, writes
 * "file:line: what; hint" into errbuf (if errlen > 0) and returns:
 *   BKERR_EINVAL    out is NULL;
 *   BKERR_ECONFIG   the file cannot be read or has an error;
 *   BKERR_ECATALOG  a required catalog (or any, with fatal = true) failed;
 *   BKERR_ENOMEM    allocation failed. */
BKERR_API int bkerr_open(const char *config_path, bkerr_registry **out, char *errbuf,
               size_t errlen);

/* bkerr_open() with options (opt may be NULL: the defaults).  Catalogs the
 * options leave out are listed as BKERR_CATALOG_SKIPPED.  Returns as
 * bkerr_open(); BKERR_EINVAL also for an opt->size that is too small.
 * With BKERR_OPEN_KEEP_GOING it returns 0 for every error it can step
 * over, and errbuf holds the first of them as bkerr_open() would have
 * written it ("" if there was none). */
BKERR_API int bkerr_open_with(const char *config_path,
                              const struct bkerr_open_options *opt,
                              bkerr_registry **out, char *errbuf,
                              size_t errlen);

/* Unloads every catalog and frees the registry.  NULL is a no-op.  Every
 * string obtained from the registry dies here. */
BKERR_API void bkerr_close(bkerr_registry *reg);

/* The config path bkerr_open(NULL, ...) would use now.  Never NULL. */
BKERR_API const char *bkerr_default_config(void);

/* The path of the bkerr.ini the registry was opened from. */
BKERR_API const char *bkerr_config_path(const bkerr_registry *reg);

/* The registry's default language: [registry] lang, or BKERR_LANG_DEFAULT
 * when bkerr.ini sets none (lookups then use zh_CN; a tool may prefer the
 * user's locale). */
BKERR_API enum bkerr_lang bkerr_default_lang(const bkerr_registry *reg);

/* ---- lookups ------------------------------------------------------------- */

/* Resolves code and fills *out (always fully; strings as documented in
 * struct bkerr_result).  A non-standard code gives BKERR_INVALID here: it
 * needs bkerr_lookup_product().  reg may be NULL: the built-in tables then
 * answer alone (specials, platforms, generic).  Allocates nothing and
 * takes no lock, but in a lazily opened registry: the first lookup under
 * a lazy catalog's prefix loads it, the first that needs a prefix's
 * guest codes loads the catalogs that may hold them (see Threads above).
 * Returns out->status (>= 0), or BKERR_EINVAL if out is NULL or lang is not
 * an enum bkerr_lang value. */
BKERR_API int bkerr_lookup(const bkerr_registry *reg, int64_t code, enum bkerr_lang lang,
                 struct bkerr_result *out);

/* The message alone: exactly the message bkerr_lookup() would give (in
 * lang, else the other language; the spec's name for a special code or a
 * generic ID), without filling a result, as strerror() answers for errno.
 * NULL where bkerr_lookup() would give none (a code nothing knows, a
 * non-standard code, an unassigned prefix) and for a bad lang.  The text
 * lives until bkerr_close(reg).  reg may be NULL (built-in tables only).
 * In an eagerly opened registry no allocation and no lock; in a lazy one
 * it may load catalogs as bkerr_lookup() does (see Threads above). */
BKERR_API const char *bkerr_message(const bkerr_registry *reg, int64_t code,
                                    enum bkerr_lang lang);

/* Like bkerr_lookup(), scoped to one product's catalog: also answers the
 * product's legacy codes (non-standard codes, specials it names, codes it
 * emits under another prefix).  A standard code under the product's prefix
 * is looked up as bkerr_lookup() would.
 * Returns out->status; BKERR_EINVAL for a NULL out or product or a bad
 * lang; BKERR_ENOPRODUCT when no platform (spec or [platform.NN]) has that
 * id.  On both errors *out, if given, is filled as an INVALID result. */
BKERR_API int bkerr_lookup_product(const bkerr_registry *reg, const char *product,
                         int64_t code, enum bkerr_lang lang,
                         struct bkerr_result *out);

/* The k-th definition of a code that upstream defines more than once
 * (result.n_variants > 1): k = 0 is the primary, the one bkerr_lookup()
 * and bkerr_lookup_product() give; 1 .. n_variants-1 the others, in the
 * catalog's order, each with its own symbol, message, advice and
 * provenance.  product NULL resolves code as bkerr_lookup(), else as
 * bkerr_lookup_product().  Returns as they do, with out->variant = k; or
 * BKERR_ENOTFOUND (out filled as the primary's lookup) when k >=
 * n_variants. */
BKERR_API int bkerr_lookup_variant(const bkerr_registry *reg,
                                   const char *product, int64_t code,
                                   unsigned k, enum bkerr_lang lang,
                                   struct bkerr_result *out);

/* The k-th guest entry of a code (k < result.n_guests), in bkerr.ini's
 * catalog order: the entry another product's catalog gives a code under a
 * prefix it does not own.  Fills *out as bkerr_lookup() would (platform:
 * the prefix's row), then with that catalog's entry: status BKERR_GUEST,
 * guest true, catalog its id.  A plain lookup answers with guest 0 when
 * the owner has no entry; when it has one, the guests are only counted.
 * Returns BKERR_GUEST, bkerr_lookup()'s error, or BKERR_ENOTFOUND for
 * k >= n_guests.  In a lazily opened registry the first lookup under a
 * prefix that needs its guests loads the catalogs that may hold some (see
 * Threads at the top). */
BKERR_API int bkerr_lookup_guest(const bkerr_registry *reg, int64_t code,
                                 unsigned k, enum bkerr_lang lang,
                                 struct bkerr_result *out);

/* The name of a code status ("unstated", "active", "unused", "deprecated",
 * "removed").  Never NULL. */
BKERR_API const char *bkerr_code_status_name(enum bkerr_code_status status);

/* ---- rendering ----------------------------------------------------------- */

/* Fills the placeholders of a canonical template into buf (snprintf
 * contract): "{n}" takes the n-th positional arg, "{name}" the arg of that
 * name, "{{"/"}}" are braces; a placeholder without a value is copied as
 * it is.  Text is never interpreted as a printf format.
 * Returns the length of the full rendering (excluding the NUL); when that
 * is >= len the output was cut, always on a UTF-8 character boundary and
 * NUL-terminated if len > 0.  BKERR_EINVAL for a NULL template, buf NULL
 * with len > 0, args NULL with nargs > 0, or a rendering of more than
 * INT_MAX bytes. */
BKERR_API int bkerr_fill(const char *tmpl, const struct bkerr_arg *args, size_t nargs,
               char *buf, size_t len);

/* Renders a result for a person, in the result's message language:
 *     1199000 [cmdb 配置平台 · 平台类] CCErrCommJSONUnmarshalFailed
 *     反序列化JSON数据失败
 *     处理方案: ...
 * The message's placeholders are filled as bkerr_fill() does.
 * Returns as bkerr_fill(); BKERR_EINVAL for a NULL result. */
BKERR_API int bkerr_format(const struct bkerr_result *r, const struct bkerr_arg *args,
                 size_t nargs, char *buf, size_t len);

/* ---- listings ------------------------------------------------------------ */

/* The effective allocation of a prefix (10-99): the admin's row from
 * bkerr.ini if any, else the spec's.  reg may be NULL (spec only).
 * Returns 1 and fills *out for an assigned prefix, 0 for an unassigned slot
 * (*out has prefix and category, NULL id), BKERR_EINVAL for a prefix outside
 * 10-99 or a NULL out. */
BKERR_API int bkerr_platform(const bkerr_registry *reg, int prefix,
                   struct bkerr_platform *out);

/* The name of a category ("平台类" / "platform").  Never NULL. */
BKERR_API const char *bkerr_category_name(enum bkerr_category cat, enum bkerr_lang lang);

/* The name of a status ("found", "generic", ...).  Never NULL. */
BKERR_API const char *bkerr_status_name(enum bkerr_status status);

/* The name of a catalog state ("loaded", "disabled", "rejected",
 * "skipped", "lazy").  Never NULL. */
BKERR_API const char *bkerr_catalog_state_name(enum bkerr_catalog_state state);

/* Number of [catalog.*] sections in the registry's bkerr.ini. */
BKERR_API size_t bkerr_catalog_count(const bkerr_registry *reg);

/* Fills *out for the i-th configured catalog, in file order (while a lazy
 * catalog waits to load, under the registry's mutex for the copy).
 * Returns 0, BKERR_EINVAL (NULL argument) or BKERR_ENOTFOUND (i out of
 * range). */
BKERR_API int bkerr_catalog_status(const bkerr_registry *reg, size_t i,
                         struct bkerr_catalog_status *out);

/* The index-th entry of the i-th configured catalog, as a product-scoped
 * lookup would give it: indexes 0 .. n_entries-1 are its codes in order,
 * then n_legacy legacy codes.  Loads the catalog first if it is lazy.
 * Returns 0, BKERR_EINVAL (NULL argument, bad lang) or BKERR_ENOTFOUND (i
 * or index out of range, or the catalog is not loaded). */
BKERR_API int bkerr_catalog_entry(const bkerr_registry *reg, size_t i,
                                  size_t index, enum bkerr_lang lang,
                                  struct bkerr_result *out);

/* ---- the read model (API version 5) --------------------------------------
 *
 * Everything the bkerr command shows comes from here, so that a service
 * or a binding can show the same.  Each struct below begins with its
 * size: set it to sizeof the struct you were compiled with; the library
 * fills the members that fit and leaves the rest, so structs grow by
 * appending members.  A size smaller than version 5's struct gives
 * BKERR_EINVAL. */

/* The message of one of the library's own errors (a BKERR_E* value):
 * "out of memory" ...; "unknown error" for any other number.  Never
 * NULL. */
BKERR_API const char *bkerr_strerror(int err);

/* The name of a language ("default", "zh_CN", "en"); "unknown" for
 * another value.  Never NULL. */
BKERR_API const char *bkerr_lang_name(enum bkerr_lang lang);

/* Reads a language as people and locales write it: "zh", "zh_CN",
 * "zh-CN", "zh_CN.UTF-8", "en", "en_US", "en_GB.utf8@euro" ... (a language
 * subtag, then optionally a region, a codeset and a modifier); "default"
 * is BKERR_LANG_DEFAULT.  Returns 0 and sets *out, or BKERR_EINVAL for a
 * language bkerr has no text in (and for "C" and "POSIX", which name
 * none). */
BKERR_API int bkerr_parse_lang(const char *text, enum bkerr_lang *out);

/* A row of the spec's own tables: a special code (-1, 0) or a generic
 * 5-digit error ID, which answers for any product's code ending in it. */
struct bkerr_spec_code {
    uint32_t size;
    int64_t code;           /* -1 or 0; or the 5-digit ID */
    const char *name_zh, *name_en;
    const char *advice_zh, *advice_en; /* NULL when the spec gives none */
};

/* The i-th special code / generic ID, in the spec's order.  Returns 0,
 * BKERR_ENOTFOUND past the last, BKERR_EINVAL for a NULL or small out. */
BKERR_API int bkerr_special(size_t i, struct bkerr_spec_code *out);
BKERR_API int bkerr_generic(size_t i, struct bkerr_spec_code *out);

/* A category of the spec and its prefixes (first..last; 0..0 for the
 * special codes). */
struct bkerr_category_info {
    uint32_t size;
    enum bkerr_category category;
    int first, last;
    const char *name_zh, *name_en; /* as bkerr_category_name() gives */
};

/* The i-th category, in enum order from BKERR_CAT_SPECIAL.  Returns as
 * bkerr_special(). */
BKERR_API int bkerr_category(size_t i, struct bkerr_category_info *out);

/* A product: a prefix allocated to an id (by the spec or bkerr.ini), or
 * the id of a catalog that no allocation has (legacy codes only). */
struct bkerr_product {
    uint32_t size;
    const char *id;
    int prefix;               /* 10-99; 0 for a catalog without one */
    enum bkerr_category category;
    const char *name_zh;      /* its one display name: [platform.NN]'s for
                                 an admin row, else the spec's, else (no
                                 prefix) its catalog's; NULL if none */
    const char *name_en;
    bool admin;               /* allocated by a [platform.NN] section */
    const char *file;         /* the [platform.NN] section that allocated */
    int line;                 /* it: bkerr_config_path() and the section's
                                 line; NULL and 0 for the spec's rows and
                                 for a product without a prefix */
    bool has_catalog;         /* bkerr.ini has a [catalog.<id>] section */
    size_t catalog;           /* its index (bkerr_catalog_status()) */
};

/* The product with id / with prefix: the effective allocation's row
 * (bkerr_platform()), else, by id, a [catalog.<id>] section (prefix 0,
 * category BKERR_CAT_NONE, the name from its descriptor: a lazy catalog
 * is loaded for it; NULL if the catalog is not loaded).  reg may be NULL
 * (the spec's rows).  Returns 0, BKERR_ENOPRODUCT (no such id; an
 * unassigned prefix), or BKERR_EINVAL (NULL id or out, a small out,
 * prefix outside 10-99). */
BKERR_API int bkerr_product(const bkerr_registry *reg, const char *id,
                            struct bkerr_product *out);
BKERR_API int bkerr_product_at(const bkerr_registry *reg, int prefix,
                               struct bkerr_product *out);

/* The index (for bkerr_catalog_status()) of the [catalog.<id>] section.
 * Returns 0 and sets *index, BKERR_ENOTFOUND, or BKERR_EINVAL (a NULL
 * argument). */
BKERR_API int bkerr_catalog_find(const bkerr_registry *reg, const char *id,
                                 size_t *index);

/* A range of a catalog: a module of its codes, with the advice that
 * answers for a code of it without its own. */
struct bkerr_range_info {
    uint32_t size;
    int64_t first, last;
    const char *module;      /* NULL if the catalog names none */
    const char *advice;      /* in advice_lang; NULL if none */
    enum bkerr_lang advice_lang;
};

/* The k-th range (k < n_ranges) of the i-th configured catalog, in code
 * order, its advice in lang (BKERR_LANG_DEFAULT: the registry's), else
 * the other language, as a lookup of a code in it gives it.  Loads the
 * catalog if it is lazy.  Returns 0, BKERR_ENOTFOUND (i, k out of range or
 * the catalog not loaded) or BKERR_EINVAL (NULL reg or out, a small out, a
 * bad lang). */
BKERR_API int bkerr_catalog_range(const bkerr_registry *reg, size_t i,
                                  size_t k, enum bkerr_lang lang,
                                  struct bkerr_range_info *out);

/* The k-th definition whose symbol is symbol (an entry may carry several,
 * '/'-separated; each counts; case matters), across the loaded catalogs
 * in bkerr.ini's order and each catalog in its order (its codes, then its
 * legacy codes), variants where they stand; only product's catalog when
 * product is not NULL.  An entry that breaks the catalog rules is not
 * found.  Fills *out as bkerr_catalog_entry() does (for a variant, as
 * bkerr_lookup_variant() does).  Returns out->status; BKERR_ENOTFOUND
 * (*out untouched) past the last match, and for a product that has a
 * platform but no catalog; BKERR_ENOPRODUCT for a product no platform or
 * catalog has; BKERR_EINVAL for a NULL reg, symbol or out, or a bad lang;
 * BKERR_ENOMEM.  The first call loads every lazy catalog and builds an
 * index of all their symbols (it allocates and takes the registry's
 * lock); later calls only read it, and lookups of codes never do. */
BKERR_API int bkerr_lookup_symbol(const bkerr_registry *reg,
                                  const char *product, const char *symbol,
                                  size_t k, enum bkerr_lang lang,
                                  struct bkerr_result *out);

/* ---- diagnostics of an open ---- */
#define BKERR_SEVERITY_MAP(X)                                               \
    /* bkerr.ini has an error or a required catalog (any, with fatal =      \
     * true) was rejected: the open fails, unless BKERR_OPEN_KEEP_GOING     \
     * (or .only, for its catalog) */                                       \
    X(BKERR_SEVERITY_ERROR, 0, "error")                                     \
    /* a catalog that is not required was rejected; a doubtful setting (a   \
     * [platform.NN] without a [catalog.<id>], no catalog at all) */        \
    X(BKERR_SEVERITY_WARNING, 1, "warning")                                 \
    X(BKERR_SEVERITY_NOTE, 2, "note")
enum bkerr_severity { BKERR_SEVERITY_MAP(BKERR_ENUM_ROW_) };

/* The name of a severity ("error" ...); "unknown" otherwise. */
BKERR_API const char *bkerr_severity_name(enum bkerr_severity severity);

/* One problem bkerr_open() met, at file:line (line 0: the whole file).
 * "file:line: message" is the text bkerr_open() writes into errbuf for
 * an error that fails it. */
struct bkerr_diagnostic {
    uint32_t size;
    enum bkerr_severity severity;
    const char *file;        /* the bkerr.ini (bkerr_config_path()) */
    int line;                /* of the key or section; a catalog's problem
                                is at its [catalog.<id>] line */
    const char *catalog;     /* the catalog's id, or NULL */
    const char *message;     /* what is wrong and what to do, in English */
};

/* The problems of the open that made reg, in the order met: bkerr.ini's
 * own, then each catalog's in file order, then doubtful settings.  A
 * successful open without BKERR_OPEN_KEEP_GOING has warnings only.  A
 * lazy catalog's later rejection is in its bkerr_catalog_status(), not
 * here: the list is final when the open returns.  The strings live until
 * bkerr_close(reg).  bkerr_diagnostic() returns 0, BKERR_ENOTFOUND for
 * i >= the count, BKERR_EINVAL (NULL reg or out, a small out). */
BKERR_API size_t bkerr_diagnostic_count(const bkerr_registry *reg);
BKERR_API int bkerr_diagnostic(const bkerr_registry *reg, size_t i,
                               struct bkerr_diagnostic *out);

/* ---- finding codes in text (API version 6) ------------------------------
 *
 * bkerr_scan() finds the codes in a line of a log, an API response, a
 * traceback or source code, one hit per call, left to right.  It is pure
 * (no allocation, no global state, no locale; any bytes are fine, NULs
 * and invalid UTF-8 included) apart from what a lookup does: in a lazily
 * opened registry the first bare number may load catalogs, as
 * bkerr_lookup() would.
 *
 * What is a code.  A number is a run of ASCII digits with no digit, ASCII
 * letter or '_' touching it on either side (x1199006, 1199006ms and
 * 11990061 are not codes), not followed by '.', '-', ':' or '/' and a
 * digit (1199006.5, 1199006-01), without a leading zero; a '-' right
 * before it is its sign unless a digit or letter stands before the '-'.
 *
 *   keyed      the number stands after a code key and, for an ASCII key,
 *              a separator or blanks: the key, its closing quote (", ' or
 *              \" \' inside a JSON string) and ']' (resp["code"]), blanks,
 *              one of  :  =  ==  ===  !=  !==  :=  =>  ：  (for a Chinese key
 *              also 为 or 是, or nothing: 错误码1199006), blanks, and an
 *              opening quote that the value must close:
 *                  "code": 1199006    code=1199006    error code 1199006
 *                  assert resp["code"] == "1199006"    res.code === '1306000'
 *                  错误码：1199006    返回码1306000    "status": 2101001
 *              The keys (one table in core/scan.c): code, ending a name
 *              too (error_code, bk_error_code, errorCode, retCode; not
 *              errcode, barcode, code_name or code_id), status and ret as
 *              whole words, and 错误码, 错误代码, 错误编码, 返回码, 状态码.
 *              A keyed 7-digit number (1000000-9999999) is always a code,
 *              known or not.  -1 is a code after a separator and the key
 *              code (the whole word), 错误码, 错误代码 or 返回码.  With a
 *              product, a keyed number of another width (log search's
 *              8-digit codes, bk_repo's six-digit ones, cmdb's 3001, -2)
 *              is a code when it is one of that product's legacy codes;
 *              without one, other widths are never codes.  0 never is.
 *   bracketed  a 7-digit number alone in brackets or parentheses, ASCII or
 *              full-width: [1306000]  (1199006)  （1244006）  【1306000】
 *   bare       any other 7-digit number, glued to Chinese text or not
 *              (主机转移失败1110029, 接口返回1306000, failed with 1199006).
 *
 * A bracketed or bare number is a code only if a loaded catalog has an
 * entry for it (of its prefix's owner, or a guest entry; a generic ID
 * does not count), and no id-like word stands before it (after blanks,
 * quotes, '=', ':', '：', '<', '>', an opening bracket, a SQL IN, and the
 * numbers and commas of a list): a name ending in id or ids
 * (bk_module_id, bizId, uid), a count, size, serial or object word (size,
 * bytes, count, total, offset, user, step, task, host, module, port,
 * version, ...; 流水号 and any word ending in 号, 用户, 任务, 步骤, 主机,
 * 大小, 数量, 耗时, 策略, ...).  A bare one must also stand at the start
 * of the text, after Chinese text (主机转移失败1110029) or after an ASCII
 * error word (error, failed, returned, got, with, ...Exception, ...Error:
 * request failed with 1199006), not after another ASCII word or other
 * punctuation, and no unit may follow it (1199006 bytes, ms, rows, 条, 次,
 * 个, 字节, 秒, ...).  The word lists are tables in core/scan.c.  With reg
 * NULL nothing is known: only keyed codes are found.
 *
 * Streaming.  Whether a number is a code depends only on the
 * BKERR_SCAN_BEFORE bytes before its first byte (or the start of text, if
 * nearer) and the BKERR_SCAN_AFTER bytes after it; a number of more than
 * 10 digits (11 bytes with its sign) is never a code.  So a reader of a long line through a window
 * finds each hit once, exactly as a scan of the whole line does, if it
 * passes text from at least BKERR_SCAN_BEFORE bytes before *pos (or from
 * the line's start) and takes only hits that start at least
 * BKERR_SCAN_AFTER + 11 bytes before the end of what it holds. */
#define BKERR_SCAN_BEFORE 64
#define BKERR_SCAN_AFTER 16

#define BKERR_SCAN_CONFIDENCE_MAP(X)                                        \
    /* a known code, no key or bracket around it */                         \
    X(BKERR_SCAN_BARE, 0, "bare")                                           \
    /* a known code alone in brackets or parentheses */                     \
    X(BKERR_SCAN_BRACKETED, 1, "bracketed")                                 \
    /* after a code key: key_offset and key_length say where */             \
    X(BKERR_SCAN_KEYED, 2, "keyed")
enum bkerr_scan_confidence { BKERR_SCAN_CONFIDENCE_MAP(BKERR_ENUM_ROW_) };

/* One code found in text (a sized struct: see the read model). */
struct bkerr_scan_hit {
    uint32_t size;            /* sizeof(struct bkerr_scan_hit) */
    enum bkerr_scan_confidence confidence; /* higher is surer */
    int64_t code;
    size_t offset, length;    /* the code's bytes in text: its digits, and
                                 its '-' for a negative code */
    size_t key_offset, key_length; /* KEYED: the bytes of the key word
                                      ("code", "status", "错误码"; of a
                                      name ending in one, such as
                                      errorCode or error_code, that
                                      ending: "Code", "code"); else 0, 0 */
};

/* Finds the first code of text[0..len) (not NUL-terminated) whose offset
 * is at least *pos, and sets *pos past it: call it again with the same
 * pos for the next one.  product, if not NULL, is a product id whose
 * legacy codes are also found when keyed (see above).  reg may be NULL.
 * Returns 1 and fills *hit; 0 when there is none left (*pos and *hit
 * unchanged); BKERR_EINVAL for a NULL pos, hit or (with len > 0) text, a
 * small hit->size, or *pos > len; BKERR_ENOPRODUCT when no platform or
 * catalog has the product id. */
BKERR_API int bkerr_scan(const bkerr_registry *reg, const char *product,
                         const char *text, size_t len, size_t *pos,
                         struct bkerr_scan_hit *hit);

/* The name of a confidence ("bare", "bracketed", "keyed"); "unknown"
 * otherwise.  Never NULL. */
BKERR_API const char *bkerr_scan_confidence_name(enum bkerr_scan_confidence c);
/* ---- end of finding codes in text ---- */

/* ---- finding messages in text (API version 6) ----------------------------
 *
 * bkerr_match() finds the catalog entries whose message a line of text
 * contains with its placeholders filled in: "订阅(123)不存在" is bk_nodeman's
 * 3800001 "订阅({subscription_id})不存在" with subscription_id = "123".  It
 * reads every message of every loaded catalog in both languages: entries,
 * legacy codes and variants.
 *
 * How a template matches.  A template is its literal pieces with the
 * placeholders between them.  The text must hold the pieces byte for byte,
 * in order; a placeholder between two pieces takes the shortest run of
 * 1 to BKERR_MATCH_MAX_GAP bytes that lets the next piece follow (from
 * the template's indexed piece outwards); a placeholder at the start or the
 * end of a template takes the run of up to BKERR_MATCH_MAX_GAP bytes
 * before or after the pieces that holds no blank, no quote, bracket,
 * ',', ';', '=', '|' and no full-width punctuation (，。：；、！？（）【】
 * 「」『』“”‘’); at least one character.  Two placeholders with nothing
 * between them ("{a}{b}") are split with one character for each but the
 * last.
 *
 * Too generic to match.  A template whose literal text has fewer than
 * BKERR_MATCH_MIN_LITERAL letters, digits and non-ASCII characters (such as
 * "{msg}", "OK", "成功"), or no piece of at least 5 bytes, is never matched:
 * it would match nearly any line.
 *
 * Ranking.  The longer a template's literal text (bytes of its pieces;
 * placeholder values do not count), the better; then the longer the text
 * it matched ("无权限{0}" before "无权限" in "无权限x1").  Templates equal on
 * both, such as one message two codes share, rank equal and come in
 * catalog order (bkerr.ini's catalogs, each catalog's entry index,
 * variant, then zh_CN before en).  Each template is reported once, at its
 * leftmost match.
 *
 * Cost.  The first call on a registry builds its index of the templates'
 * literal text (it loads every lazy catalog first, and allocates: about
 * 0.8 MB and 15-30 ms for the bundled 11,000 templates); later calls
 * allocate nothing, take no lock and read the text once through a filter
 * of 4-byte pieces, checking only the templates whose rarest piece the
 * text holds.  Thread-safe: any
 * number of threads may match on one registry at once, the first use
 * included. */
#define BKERR_MATCH_MIN_LITERAL 3
#define BKERR_MATCH_MAX_GAP 256
#define BKERR_MATCH_CAPTURES 8
/* A match names a product on its own, in a line that carries no code,
 * only if its template has at least BKERR_MATCH_TELLING_LITERAL bytes of
 * literal text (four Chinese characters, "Bad Request" is one short) and
 * at most BKERR_MATCH_TELLING_TIES entries rank equal with it: "not
 * found", "success" and 成功 are in every log.  bkerr annotate and the
 * Python logging filter explain a line by its message only then (and
 * never by code 0, success).  bkerr_match() itself reports every match. */
#define BKERR_MATCH_TELLING_LITERAL 12
#define BKERR_MATCH_TELLING_TIES 4

/* One placeholder of a matched template and the value it took. */
struct bkerr_capture {
    const char *name;   /* "subscription_id", or "0" for "{0}"; lives
                           until bkerr_close() */
    size_t start, end;  /* the value: text[start, end) */
};

/* A template found in the text. */
struct bkerr_match {
    uint32_t size;            /* sizeof(struct bkerr_match) */
    enum bkerr_lang lang;     /* the language of the template matched */
    int64_t code;
    size_t catalog;           /* bkerr_catalog_status() index */
    size_t entry;             /* bkerr_catalog_entry() index in it */
    unsigned variant;         /* 0: the entry's own message; k > 0: its
                                 definition bkerr_lookup_variant(reg,
                                 catalog id, code, k, ...) gives */
    const char *message;      /* the template, as the catalog has it */
    size_t start, end;        /* the text it matched: text[start, end) */
    size_t literal;           /* bytes of literal text: the rank */
    unsigned n_captures;      /* the template's placeholders; the first
                                 BKERR_MATCH_CAPTURES are in captures */
    struct bkerr_capture captures[BKERR_MATCH_CAPTURES]; /* in template
                                                            order */
};

/* Finds the templates that text[0, len) contains (see above) and writes the
 * best n, best first, to out[0 .. n): set out[0].size to sizeof(struct
 * bkerr_match) (each element filled gets the same size).  text need not
 * be NUL-terminated; out may be NULL when n is 0, to count only.
 * Returns how many templates matched (more than n when out was too short:
 * nothing is dropped unsaid), BKERR_EINVAL (NULL reg, NULL text with
 * len > 0, NULL out with n > 0, out[0].size smaller than version 6's
 * struct) or BKERR_ENOMEM (the index could not be built; a later call
 * tries again). */
BKERR_API int bkerr_match(const bkerr_registry *reg, const char *text,
                          size_t len, struct bkerr_match *out, size_t n);

/* ---- hot reload ---------------------------------------------------------- */

/* A long-running service keeps its registry in a bkerr_live and replaces
 * it with one freshly opened from the (possibly edited) bkerr.ini while
 * other threads keep looking codes up:
 *
 *     bkerr_live *live;
 *     if (bkerr_live_open(NULL, &live, err, sizeof err) != 0) ...  // start
 *
 *     const bkerr_registry *reg = bkerr_live_acquire(live);       // any thread
 *     bkerr_lookup(reg, code, BKERR_LANG_DEFAULT, &r);
 *     ... use r: its strings live until the release ...
 *     bkerr_live_release(live, reg);
 *
 *     if (bkerr_live_reload(live, err, sizeof err) != 0)           // on SIGHUP
 *         log("bkerr.ini not reloaded: %s", err);   // the old one serves on
 *
 * Readers never block and never see a mix of two registries: each acquire
 * gives one whole registry.  A reload opens the new registry first, swaps
 * it in, then waits until no reader still holds the old one before closing
 * it (so hold a registry only for a lookup, not across a reload of your
 * own thread).  Reloads are serialised with each other. */
typedef struct bkerr_live bkerr_live;

/* Opens the first registry.  Returns as bkerr_open(); *out is NULL on
 * failure. */
BKERR_API int bkerr_live_open(const char *config_path, bkerr_live **out,
                              char *errbuf, size_t errlen);

/* The registry in service, held until bkerr_live_release().  Lock-free;
 * NULL only for a NULL live. */
BKERR_API const bkerr_registry *bkerr_live_acquire(bkerr_live *live);

/* Lets go of a registry from bkerr_live_acquire(); NULL is a no-op. */
BKERR_API void bkerr_live_release(bkerr_live *live, const bkerr_registry *reg);

/* Opens the same bkerr.ini again and puts the result in service.  Returns
 * 0, or bkerr_open()'s error with the message in errbuf, in which case the
 * registry in service stays; BKERR_EINVAL for a NULL live. */
BKERR_API int bkerr_live_reload(bkerr_live *live, char *errbuf, size_t errlen);

/* Closes the registry in service and frees live.  No thread may use live
 * any more, nor hold a registry from it. */
BKERR_API void bkerr_live_close(bkerr_live *live);

/* ---- function table for dlopen users ------------------------------------ */

/* The table's version.  Later versions only append members; `size` is
 * sizeof the table the library filled.  Version 1 ends at catalog_status;
 * version 2 adds open_with, catalog_entry, the live_* functions and
 * catalog_state_name; version 3 adds message; version 4 adds
 * lookup_variant, code_status_name and lookup_guest; version 5 the read
 * model, from strerror to diagnostic; version 6 finding codes and
 * messages in text.  Each version's functions have their own symbol
 * version in libbkerr.so.1: BKERR_1.0 for version 1, BKERR_1.1 for 2, ...
 * BKERR_1.5 for 6. */
#define BKERR_API_VERSION 6

struct bkerr_api {
    uint32_t version;
    uint32_t size;
    const char *library_version;
    int (*parse_code)(const char *, int64_t *, const char **);
    enum bkerr_class (*classify)(int64_t);
    int (*prefix)(int64_t);
    int (*open)(const char *, bkerr_registry **, char *, size_t);
    void (*close)(bkerr_registry *);
    const char *(*default_config)(void);
    const char *(*config_path)(const bkerr_registry *);
    enum bkerr_lang (*default_lang)(const bkerr_registry *);
    int (*lookup)(const bkerr_registry *, int64_t, enum bkerr_lang,
                  struct bkerr_result *);
    int (*lookup_product)(const bkerr_registry *, const char *, int64_t,
                          enum bkerr_lang, struct bkerr_result *);
    int (*fill)(const char *, const struct bkerr_arg *, size_t, char *, size_t);
    int (*format)(const struct bkerr_result *, const struct bkerr_arg *,
                  size_t, char *, size_t);
    int (*platform)(const bkerr_registry *, int, struct bkerr_platform *);
    const char *(*category_name)(enum bkerr_category, enum bkerr_lang);
    const char *(*status_name)(enum bkerr_status);
    size_t (*catalog_count)(const bkerr_registry *);
    int (*catalog_status)(const bkerr_registry *, size_t,
                          struct bkerr_catalog_status *);
    int (*open_with)(const char *, const struct bkerr_open_options *,
                     bkerr_registry **, char *, size_t);
    int (*catalog_entry)(const bkerr_registry *, size_t, size_t,
                         enum bkerr_lang, struct bkerr_result *);
    int (*live_open)(const char *, bkerr_live **, char *, size_t);
    const bkerr_registry *(*live_acquire)(bkerr_live *);
    void (*live_release)(bkerr_live *, const bkerr_registry *);
    int (*live_reload)(bkerr_live *, char *, size_t);
    void (*live_close)(bkerr_live *);
    const char *(*catalog_state_name)(enum bkerr_catalog_state);
    const char *(*message)(const bkerr_registry *, int64_t, enum bkerr_lang);
    int (*lookup_variant)(const bkerr_registry *, const char *, int64_t,
                          unsigned, enum bkerr_lang, struct bkerr_result *);
    const char *(*code_status_name)(enum bkerr_code_status);
    int (*lookup_guest)(const bkerr_registry *, int64_t, unsigned,
                        enum bkerr_lang, struct bkerr_result *);
    /* version 5 */
    const char *(*strerror)(int);
    const char *(*lang_name)(enum bkerr_lang);
    int (*parse_lang)(const char *, enum bkerr_lang *);
    int (*special)(size_t, struct bkerr_spec_code *);
    int (*generic)(size_t, struct bkerr_spec_code *);
    int (*category)(size_t, struct bkerr_category_info *);
    int (*product)(const bkerr_registry *, const char *,
                   struct bkerr_product *);
    int (*product_at)(const bkerr_registry *, int, struct bkerr_product *);
    int (*catalog_find)(const bkerr_registry *, const char *, size_t *);
    int (*catalog_range)(const bkerr_registry *, size_t, size_t,
                         enum bkerr_lang, struct bkerr_range_info *);
    int (*lookup_symbol)(const bkerr_registry *, const char *, const char *,
                         size_t, enum bkerr_lang, struct bkerr_result *);
    const char *(*severity_name)(enum bkerr_severity);
    size_t (*diagnostic_count)(const bkerr_registry *);
    int (*diagnostic)(const bkerr_registry *, size_t,
                      struct bkerr_diagnostic *);
    /* version 6 */
    int (*match)(const bkerr_registry *, const char *, size_t,
                 struct bkerr_match *, size_t);
    int (*scan)(const bkerr_registry *, const char *, const char *, size_t,
                size_t *, struct bkerr_scan_hit *);
    const char *(*scan_confidence_name)(enum bkerr_scan_confidence);
};

/* The one entry point a dlopen user resolves ("bkerr_api").  Returns the
 * library's table if it is at least the asked version (the caller may use
 * members up to that version), else NULL. */
BKERR_API const struct bkerr_api *bkerr_api(uint32_t min_version);

#ifdef __cplusplus
}
#endif

#endif /* BKERR_H */
