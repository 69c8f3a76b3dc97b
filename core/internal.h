/* Shared declarations of the core; nothing here is exported (the build
 * uses -fvisibility=hidden and libbkerr.map exports bkerr_* only). */
#ifndef BKERR_INTERNAL_H
#define BKERR_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bkerr/bkerr.h"
#include "bkerr/plugin.h"

#define BK_PREFIX_SLOTS 100

/* ---- code.c ---- */
/* bkerr_classify(), inlined on the lookup path. */
static inline enum bkerr_class bk_classify(int64_t code)
{
    if (code == -1 || code == 0)
        return BKERR_CLASS_SPECIAL;
    if (code >= 1000000 && code <= 9999999)
        return BKERR_CLASS_STANDARD;
    return BKERR_CLASS_NONSTANDARD;
}

/* An enum bkerr_code_status from its name ("active" ...; "unstated" is
 * not a name one writes); false if s names none. */
bool bk_code_status_parse(const char *s, enum bkerr_code_status *out);
/* The index of the first of n elements, stride bytes apart from keys on,
 * whose int64_t key (at keys + i * stride) is >= key: every sorted table
 * of codes (entries, legacy, variants, guests; ranges by last) is
 * searched with it.  n when there is none. */
size_t bk_lower_bound(const void *keys, size_t n, size_t stride, int64_t key);
/* The sized structs of the read model (bkerr.h): true if out is non-NULL
 * and its leading uint32_t size is at least first_size, the size of the
 * struct's first version (a constant once the struct has grown). */
bool bk_sized_ok(const void *out, size_t first_size);
/* Copies full (full_size bytes, its own size first) into out, as much as
 * out's size holds; out's size member is left as the caller set it. */
void bk_sized_put(void *out, const void *full, size_t full_size);
/* The highest enum bkerr_code_status value. */
#define BK_CODE_STATUS_MAX BKERR_CODE_REMOVED

/* ---- platforms.c: the spec's tables ---- */
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

/* ---- text.c: string checks shared by config, loader and format ---- */
/* NULL when s is valid UTF-8 within max bytes; else a static reason. */
const char *bk_utf8_check(const char *s, size_t max);
/* NULL when s, valid UTF-8, holds no C0 control (TAB, LF and CR too), no
 * DEL, no C1 control and no bidi control (U+202A-202E, U+2066-2069); else
 * a static reason naming the first such character.  The one rule for the
 * text and symbols of every catalog: the loader, first-use checks of
 * compiled entries and bkerr-catc all call it. */
const char *bk_control_check(const char *s);
/* NULL when every brace in s forms a canonical placeholder or escape. */
const char *bk_placeholder_check(const char *s);
/* True for 1-32 characters of [A-Za-z0-9_]. */
bool bk_valid_id(const char *s);
/* Appends printf-formatted text to a caller buffer, cutting with "..." on
 * overflow.  Used for error messages only, never with catalog text as fmt. */
void bk_errf(char *buf, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
char *bk_strdup(const char *s);
char *bk_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- ini_lines.c: raw INI lines as inih reads them ---- */
/* What inih's isspace() skips around names and values, bar line ends. */
static inline bool bk_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}
#define BK_INI_NAME_MAX 49   /* inih keeps 50 bytes of a name with its NUL */
#define BK_INI_SCAN_MAX 4096 /* longest line bk_ini_scan() looks at */
struct bk_ini_rules {
    size_t max_line;      /* inih's buffer less "\r\n\0" */
    bool continuations;   /* indented lines after a key continue its value */
    bool inline_comments; /* " ;" may end a value (else it is an error) */
};
enum bk_ini_kind {
    BK_INI_BLANK,
    BK_INI_COMMENT,
    BK_INI_SECTION,
    BK_INI_KEY,
    BK_INI_CONTINUATION,
};
struct bk_ini_line {
    enum bk_ini_kind kind;
    const char *name; /* SECTION: inside the brackets; KEY: the key */
    size_t name_len;
    const char *value; /* KEY, CONTINUATION: the raw text of the value */
    size_t value_len;
};
/* Classifies raw line s[0..n) (no line end) as inih will read it, after a
 * key line if after_key.  False, with the reason in why, if inih would cut
 * or misread it. */
bool bk_ini_scan(const char *s, size_t n, const struct bk_ini_rules *rules,
                 bool after_key, struct bk_ini_line *out, char *why,
                 size_t len);
/* The next raw line of buf[*pos..len) as inih's reader sees it: without
 * its "\n" or "\r\n" and, on line 1, without a UTF-8 byte-order mark.
 * Advances *pos and *lineno; NULL (and nothing advanced) at the end. */
const char *bk_ini_next_line(const char *buf, size_t len, size_t *pos,
                             int *lineno, size_t *n);
/* Hands line s[0..n) to inih in its buffer str, unindented (so inih never
 * joins it to the line before) and ended with "\n".  str must hold n + 2
 * bytes, which bk_ini_scan()'s max_line guarantees. */
void bk_ini_hand_over(char *str, const char *s, size_t n);

/* ---- config.c: bkerr.ini -> plain struct ---- */
struct bk_cfg_catalog {
    char *id;
    char *path;      /* as written, or "<id>.so"; resolved by the loader */
    bool enabled, required;
    int line;
};
struct bk_cfg_platform {
    int prefix;
    char *id, *name_zh, *name_en;
    int line;
};
struct bk_config {
    char *path;       /* the file read */
    char *plugin_dir; /* absolute or relative to the file's directory */
    int plugin_dir_line;
    enum bkerr_lang lang;
    bool fatal;
    bool lazy; /* load = lazy */
    struct bk_cfg_catalog *catalogs;
    size_t n_catalogs;
    struct bk_cfg_platform *platforms;
    size_t n_platforms;
};
/* 0, or BKERR_ECONFIG/BKERR_ENOMEM with "file:line: ..." in err. */
int bk_config_read(const char *path, struct bk_config *cfg, char *err,
                   size_t errlen);
void bk_config_free(struct bk_config *cfg);

/* ---- index.c: code -> entry, and an entry's texts ---- */
/* 64 codes of a prefix: everything a lookup needs to find an entry, in
 * one 16-byte record, so a hit reads one line of the index. */
enum { BK_WORD_UNCHECKED, BK_WORD_GOOD, BK_WORD_MIXED };
struct bk_word {
    uint64_t present;     /* bit b: code w * 64 + b has an entry */
    uint32_t rank;        /* entries before this word */
    atomic_uint checked;  /* its entries' text: BK_WORD_*; compiled
                             catalogs check it at the first lookup */
};
struct bk_index { /* what a lookup reads, in one cache line */
    struct bk_word *words; /* the words from the first with an entry to the
                              last: most catalogs use part of the space */
    uint32_t first_word, n_words;
    const struct bkerr_packed_entry *pentries; /* compiled tables, or ... */
    const char *pool;
    const struct bkerr_entry *entries; /* ... hand-written ones */
    size_t n;                          /* entries */
    const struct bkerr_packed_about *pabout; /* compiled provenance, or NULL */
};
/* An entry's provenance (ABI 1.2), NULL where it has none (never ""). */
struct bk_about {
    enum bkerr_code_status status;
    const char *defined, *raised, *docs, *note_zh, *note_en;
    int n_variants; /* the record's count; -1 without a record */
};
/* An entry's texts, NULL where it has none (never ""). */
struct bk_texts {
    const char *symbol, *message_zh, *message_en, *advice_zh, *advice_en;
    const struct bkerr_range *range; /* the range holding the code, or NULL */
    struct bk_about about;
};
/* The texts of a plain entry and its provenance record (either may be
 * NULL), with range. */
void bk_plain_texts(const struct bkerr_entry *e, const struct bkerr_about *a,
                    const struct bkerr_range *range, struct bk_texts *t);
/* The variants of code in d: their count, and the first's index in
 * *first (index.c). */
size_t bk_variants_of(const struct bkerr_catalog *d, int64_t code,
                      size_t *first);
/* d's ABI 1.2 tables, or NULL for an older catalog. */
static inline const struct bkerr_catalog *bk_abi_1_2(const struct bkerr_catalog *d)
{
    return d->abi_minor >= 2 ? d : NULL;
}
/* Builds ix for d, whose tables the loader has checked; false on ENOMEM. */
bool bk_index_build(struct bk_index *ix, const struct bkerr_catalog *d,
                    const struct bkerr_packed *packed);
void bk_index_free(struct bk_index *ix);
/* Bits set in x.  Without -mpopcnt (not in the x86-64 baseline) GCC's
 * builtin is a call into libgcc; this is a dozen instructions inline. */
static inline unsigned bk_popcount64(uint64_t x)
{
    x -= (x >> 1) & UINT64_C(0x5555555555555555);
    x = (x & UINT64_C(0x3333333333333333)) +
        ((x >> 2) & UINT64_C(0x3333333333333333));
    x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
    return (unsigned)((x * UINT64_C(0x0101010101010101)) >> 56);
}
/* The word of suffix (0-99999) and, if it has an entry, true and the
 * entry's index in *i. */
static inline bool bk_index_find(const struct bk_index *ix, uint32_t suffix,
                                 const struct bk_word **word, size_t *i)
{
    uint32_t k = suffix / 64 - ix->first_word; /* wraps below the first */
    if (k >= ix->n_words)
        return false;
    const struct bk_word *w = &ix->words[k];
    uint64_t bit = UINT64_C(1) << (suffix % 64);
    *word = w;
    if (!(w->present & bit))
        return false;
    *i = w->rank + bk_popcount64(w->present & (bit - 1));
    return true;
}
/* The code of entry i (< ix->n) under prefix. */
int64_t bk_index_code(const struct bk_index *ix, int prefix, size_t i);
/* The texts of entry i of a hand-written catalog. */
void bk_entry_texts(const struct bk_index *ix, const struct bkerr_catalog *d,
                    size_t i, int64_t code, struct bk_texts *t);
/* The first compiled entry of word w (whose first code is base) that
 * breaks the rules of plugin.h: the reason, and its index and code in
 * *bad and *bad_code; NULL if none does. */
const char *bk_word_problem(const struct bkerr_catalog *d,
                            const struct bk_word *w, int64_t base,
                            size_t *bad, int64_t *bad_code);
/* Checks the compiled entries of word w at their first lookup; true if
 * entry i (code) keeps the rules. */
bool bk_word_first_use(const struct bkerr_catalog *d, const struct bk_word *w,
                       size_t i, int64_t code);
/* True if entry i (code), in word w, may be answered from: always for a
 * hand-written catalog (checked at open), for a compiled one once its
 * text passed. */
static inline bool bk_index_usable(const struct bkerr_catalog *d,
                                   const struct bk_word *w, size_t i,
                                   int64_t code)
{
    return atomic_load_explicit(&w->checked, memory_order_relaxed) ==
               BK_WORD_GOOD ||
           bk_word_first_use(d, w, i, code);
}
/* The pool text at off, or NULL for offset 0. */
static inline const char *bk_pool_text(const struct bk_index *ix,
                                       uint32_t off)
{
    return off ? ix->pool + off : NULL;
}
/* The texts of entry i (code, in word w); false if it is a compiled entry
 * that fails the text rules of plugin.h. */
static inline bool bk_index_texts(const struct bk_index *ix,
                                  const struct bkerr_catalog *d,
                                  const struct bk_word *w, size_t i,
                                  int64_t code, struct bk_texts *t)
{
    if (!ix->pool) {
        bk_entry_texts(ix, d, i, code, t);
        return true;
    }
    if (!bk_index_usable(d, w, i, code))
        return false;
    const struct bkerr_packed_entry *e = &ix->pentries[i];
    t->symbol = bk_pool_text(ix, e->symbol);
    t->message_zh = bk_pool_text(ix, e->message_zh);
    t->message_en = bk_pool_text(ix, e->message_en);
    t->advice_zh = bk_pool_text(ix, e->advice_zh);
    t->advice_en = bk_pool_text(ix, e->advice_en);
    t->range = e->range ? &d->ranges[e->range - 1] : NULL;
    t->about = (struct bk_about){.n_variants = -1};
    if (ix->pabout) {
        const struct bkerr_packed_about *a = &ix->pabout[i];
        t->about = (struct bk_about){
            (enum bkerr_code_status)a->status, bk_pool_text(ix, a->defined),
            bk_pool_text(ix, a->raised), bk_pool_text(ix, a->docs),
            bk_pool_text(ix, a->note_zh), bk_pool_text(ix, a->note_en),
            a->n_variants};
    }
    return true;
}
/* NULL if compiled entry i (code) keeps the rules; else a static reason. */
const char *bk_packed_problem(const struct bkerr_catalog *d,
                              const struct bkerr_packed *p, size_t i,
                              int64_t code);
const struct bkerr_range *bk_find_range(const struct bkerr_catalog *d,
                                        int64_t code);

/* ---- loader.c: dlopen + validate one catalog ---- */
struct bk_catalog {
    struct bk_index ix; /* the prefix's entries (first: lookups read it) */
    const struct bkerr_catalog *desc; /* NULL unless loaded */
    void *handle;
};
/* Sizes of the buffers a rejection reason and a resolved path go in. */
#define BK_PATH_MAX 4096
#define BK_REASON_SIZE (BK_PATH_MAX + 512)
/* Opens path and checks the descriptor against the expected id and prefix
 * (0: none allocated); verify also checks every compiled entry's text
 * now rather than at its first lookup.  True and *out filled, or false with the reason in
 * why (BK_REASON_SIZE bytes). */
bool bk_catalog_load(const char *path, const char *id, int prefix,
                     bool verify, struct bk_catalog *out, char *why);
void bk_catalog_unload(struct bk_catalog *cat);

/* ---- trust.c: who could have written a plugin or re-pointed its path ---- */
struct stat;
/* True if st (of the descriptor opened on path) is a regular file that it
 * and the directories above it are safe to load (not writable by others,
 * owned by root or us); else false and why. */
bool bk_file_trust(const char *path, const struct stat *st, char *why);
/* True if every directory passed through on the way to path as written,
 * and every symlink followed, is safe (as bk_file_trust()'s directories
 * above); else false and why. */
bool bk_path_trust(const char *path, char *why);

/* ---- elf.c: what dlopen() would map, read from the descriptor first ---- */
/* True if fd (size bytes) is a shared object for this machine whose
 * loadable segments the file holds whole and which names no library
 * outside the system's search path (no RUNPATH/RPATH, no '/' in NEEDED). */
bool bk_elf_check(int fd, const char *path, uint64_t size, char *why);

/* ---- plugin_file.c: one descriptor for the checks and the load ---- */
/* The dlopen() handle of the plugin at path (resolved), loaded through the
 * descriptor every file check ran on; NULL with the reason in why. */
void *bk_plugin_open(const char *path, char *why);
void bk_plugin_close(void *handle);

/* ---- registry.c ---- */
/* The prefix allocated to a platform id (admin rows too), or 0. */
int bk_prefix_of_id(const bkerr_registry *reg, const char *id);
struct bk_slot { /* one configured catalog; what lookups read first */
    atomic_bool ready; /* false only while a lazy catalog waits to load */
    int prefix;        /* allocated to its id; 0 if none */
    struct bk_catalog cat;
    struct bkerr_catalog_status st; /* final once ready */
};
/* A loaded compiled catalog's index again, by prefix, so that
 * bkerr_message() reaches it in one load from the registry; published by
 * ready (release) once the catalog has loaded. */
struct bk_hot {
    atomic_bool ready;
    struct bk_index ix; /* a copy: the slot owns the records */
};
/* A guest code: legacy entry `legacy` of the catalog in `slot`, a
 * standard code under a prefix that catalog does not own. */
struct bk_guest {
    int64_t code;
    const struct bk_slot *slot;
    size_t legacy;
};
struct bkerr_registry {
    char *config_path;
    enum bkerr_lang lang;
    struct bkerr_platform plat[BK_PREFIX_SLOTS]; /* effective allocation */
    struct bk_slot *by_prefix[BK_PREFIX_SLOTS];  /* loaded or lazy */
    struct bk_hot hot[BK_PREFIX_SLOTS];          /* loaded and compiled */
    struct bk_slot *slots;
    size_t n_slots;
    struct bk_cfg_platform *admin; /* owns the admin rows' strings */
    size_t n_admin;
    pthread_mutex_t lazy_lock; /* serialises lazy loads */
    bool verify;               /* BKERR_OPEN_VERIFY */
    /* Every loaded catalog's guest codes, by code then slot order; built
     * at open, or (lazy) by the first lookup that needs them, which loads
     * every catalog first; published by guests_ready (release). */
    atomic_bool guests_ready;
    struct bk_guest *guests;
    size_t n_guests;
    /* the guests of prefix p are guests[guest_from[p] .. guest_from[p + 1]) */
    uint32_t guest_from[BK_PREFIX_SLOTS + 1];
};
/* Loads a lazy slot's catalog, lazy_lock held (a no-op if it is ready). */
void bk_slot_load_locked(bkerr_registry *reg, struct bk_slot *slot);

/* ---- guests.c: codes under a prefix their catalog does not own ---- */
/* True if some catalog of reg still waits for its lazy load. */
bool bk_any_lazy(const bkerr_registry *reg);
/* Builds reg's guest index from its loaded catalogs and publishes it;
 * false on ENOMEM (then there are none). */
bool bk_guests_build(bkerr_registry *reg);
/* Makes sure reg's guest index is built, loading every lazy catalog
 * first (once, under lazy_lock); reg non-NULL. */
void bk_guests_ready(const bkerr_registry *reg);
/* The guests of code (a standard code): their count, the first's index
 * in *first. */
size_t bk_guests_of(const bkerr_registry *reg, int64_t code, size_t *first);
/* Loads a lazy slot's catalog (once; the one step of a lookup that may
 * block and allocate); slot if it is loaded then, else NULL. */
const struct bk_slot *bk_slot_load(const bkerr_registry *reg,
                                   const struct bk_slot *slot);
/* slot if its catalog is loaded, loading it first if it is lazy; NULL if
 * slot is NULL or its catalog is not loaded. */
static inline const struct bk_slot *bk_slot_ready(const bkerr_registry *reg,
                                                  const struct bk_slot *slot)
{
    if (!slot)
        return NULL;
    if (!atomic_load_explicit(&slot->ready, memory_order_acquire))
        return bk_slot_load(reg, slot);
    return slot->cat.desc ? slot : NULL; /* set only when it loaded */
}

#endif
