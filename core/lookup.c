/* Lookups: code -> class -> prefix slot -> index (index.c) -> texts in the
 * wanted language.  No allocation and no lock once nothing is lazy; the one
 * write then is index.c's note that a compiled entry passed its checks.
 * The common answer, an entry of a loaded compiled catalog, comes from the
 * prefix's hot record (lookup_hot) without a call. */
#include <assert.h>
#include <string.h>

#include "bkerr/bkerr.h"
#include "guests.h"
#include "index.h"
#include "loader.h"
#include "registry.h"
#include "common/code.h"
#include "common/sized.h"
#include "common/spec.h"

#define pick bk_pick /* index.h */

static const char *nonempty(const char *s)
{
    return s && *s ? s : NULL;
}

/* The index of legacy code in d, or -1. */
static ptrdiff_t find_legacy(const struct bkerr_catalog *d, int64_t code)
{
    size_t i = bk_lower_bound(d->legacy, d->n_legacy, sizeof *d->legacy, code);
    return i < d->n_legacy && d->legacy[i].code == code ? (ptrdiff_t)i : -1;
}

/* Module and, when the answer has none, advice from the range. */
static void apply_range(struct bkerr_result *r, const struct bkerr_range *range,
                        enum bkerr_lang lang)
{
    if (!range)
        return;
    r->module = range->module;
    if (!r->advice) {
        r->advice = pick(nonempty(range->advice_zh), nonempty(range->advice_en),
                         lang, &r->advice_lang);
        r->advice_inherited = r->advice != NULL;
    }
}

/* Fills r from entry texts t of catalog d: the primary's (variant 0) or
 * another definition's. */
static void answer_entry(struct bkerr_result *r, const struct bkerr_catalog *d,
                         const struct bk_texts *t, enum bkerr_lang lang)
{
    r->status = BKERR_FOUND;
    r->symbol = t->symbol;
    r->message = pick(t->message_zh, t->message_en, lang, &r->message_lang);
    r->advice = pick(t->advice_zh, t->advice_en, lang, &r->advice_lang);
    apply_range(r, t->range, lang);
    r->code_status = t->about.status;
    r->defined = t->about.defined;
    r->raised = t->about.raised;
    r->docs = t->about.docs;
    r->note = pick(t->about.note_zh, t->about.note_en, lang, &r->note_lang);
    const struct bkerr_catalog *d12 = bk_abi_1_2(d);
    if (d12) {
        r->upstream = nonempty(d12->upstream);
        r->upstream_version = nonempty(d12->upstream_version);
    }
    size_t first;
    r->n_variants = 1 + (t->about.n_variants >= 0
                             ? (unsigned)t->about.n_variants
                             : (unsigned)bk_variants_of(d, r->code, &first));
}

static bool answer_text_row(struct bkerr_result *r,
                            const struct bk_text_row *row, enum bkerr_lang lang)
{
    if (!row)
        return false;
    r->message = pick(nonempty(row->name_zh), nonempty(row->name_en), lang,
                      &r->message_lang);
    if (!r->advice)
        r->advice = pick(nonempty(row->advice_zh), nonempty(row->advice_en),
                         lang, &r->advice_lang);
    return true;
}

static void use_slot(struct bkerr_result *r, const struct bk_slot *slot)
{
    r->catalog = slot->st.id;
    r->catalog_version = slot->st.version;
}

/* The texts of legacy entry k of d, with its provenance. */
static void legacy_texts(const struct bkerr_catalog *d, size_t k,
                         struct bk_texts *t)
{
    const struct bkerr_catalog *d12 = bk_abi_1_2(d);
    /* legacy codes lie outside the prefix, so in no range */
    bk_plain_texts(&d->legacy[k],
                   d12 && d12->legacy_about ? &d12->legacy_about[k] : NULL,
                   NULL, t);
}

/* Answers r with guest g: another product's entry for the code. */
static void answer_guest(struct bkerr_result *r, const struct bk_guest *g,
                         enum bkerr_lang lang)
{
    struct bk_texts t;
    legacy_texts(g->slot->cat.desc, g->legacy, &t);
    use_slot(r, g->slot);
    answer_entry(r, g->slot->cat.desc, &t, lang);
    r->status = BKERR_GUEST;
    r->guest = true;
}

/* The guests of r's code, counted in r; the first in *first. */
static size_t count_guests(const bkerr_registry *reg, struct bkerr_result *r,
                           int prefix, const struct bk_guest **first)
{
    if (!reg)
        return 0;
    size_t n = bk_guests_of(bk_guests_ready(reg, prefix), r->code, first);
    r->n_guests = (unsigned)n;
    return n;
}

static void lookup_standard(const bkerr_registry *reg, struct bkerr_result *r,
                            enum bkerr_lang lang)
{
    int prefix = (int)(r->code / BKERR_SUFFIXES);
    if (reg)
        r->platform = reg->plat[prefix];
    else
        bkerr_platform(NULL, prefix, &r->platform);
    const struct bk_guest *guest;
    size_t guests = count_guests(reg, r, prefix, &guest);
    if (!r->platform.id) {
        if (guests)
            answer_guest(r, guest, lang);
        else
            r->status = BKERR_UNASSIGNED;
        return;
    }
    const struct bk_slot *slot = reg ? bk_slot_ready(reg, reg->by_prefix[prefix])
                                     : NULL;
    uint32_t suffix = (uint32_t)(r->code % BKERR_SUFFIXES);
    if (slot) {
        use_slot(r, slot);
        const struct bk_index *ix = &slot->cat.ix;
        struct bk_word *w;
        struct bk_texts t;
        size_t i;
        if (bk_index_find(ix, suffix, &w, &i)) {
            if (bk_index_texts(ix, slot->cat.desc, w, i, r->code, &t)) {
                answer_entry(r, slot->cat.desc, &t, lang);
                return;
            }
            r->reason = "the catalog's entry for this code breaks the "
                        "catalog rules and was ignored; run bkerr check";
        }
    }
    if (guests) { /* another product's meaning beats the generic one */
        answer_guest(r, guest, lang);
        return;
    }
    bool generic = answer_text_row(r, bk_generic(suffix), lang);
    if (slot)
        apply_range(r, bk_find_range(slot->cat.desc, r->code), lang);
    if (generic)
        r->status = BKERR_GENERIC;
    else
        r->status = slot ? BKERR_NOT_IN_CATALOG : BKERR_NO_CATALOG;
}

/* The language an answer is wanted in: lang, else the registry's, else
 * zh_CN. */
static enum bkerr_lang wanted_lang(const bkerr_registry *reg,
                                   enum bkerr_lang lang)
{
    if (lang != BKERR_LANG_DEFAULT)
        return lang;
    return reg && reg->lang != BKERR_LANG_DEFAULT ? reg->lang
                                                  : BKERR_LANG_ZH_CN;
}

/* Every member of a result, empty but the code, its class and lang.  One
 * store each: a compound literal would zero the 208 bytes first with
 * `rep stos`, whose start-up alone costs more than a whole hit. */
static_assert(sizeof(struct bkerr_result) == 208,
              "a new member of struct bkerr_result is set in clear()");
static inline void clear(struct bkerr_result *r, int64_t code,
                         enum bkerr_class klass, enum bkerr_lang lang)
{
    r->status = BKERR_FOUND;
    r->klass = klass;
    r->code = code;
    r->platform.prefix = 0;
    r->platform.category = BKERR_CAT_NONE;
    r->platform.id = r->platform.name_zh = r->platform.name_en = NULL;
    r->platform.admin = false;
    r->catalog = r->catalog_version = r->symbol = r->message = NULL;
    r->advice = r->module = r->reason = NULL;
    r->message_lang = r->advice_lang = r->note_lang = lang;
    r->advice_inherited = false;
    r->code_status = BKERR_CODE_UNSTATED;
    r->upstream = r->upstream_version = r->defined = r->raised = NULL;
    r->docs = r->note = NULL;
    r->variant = r->n_variants = r->n_guests = 0;
    r->guest = false;
}

/* Starts a result: everything empty but the code, its class and lang. */
static int begin(const bkerr_registry *reg, int64_t code, enum bkerr_lang *lang,
                 struct bkerr_result *out)
{
    if (!out || (unsigned)*lang > BKERR_LANG_EN)
        return BKERR_EINVAL;
    *lang = wanted_lang(reg, *lang);
    clear(out, code, bk_classify(code), *lang);
    return 0;
}

/* The hit of a loaded compiled catalog (ABI 1.2) whose word passed its
 * check, under a prefix whose guests are known, none near the code: r
 * filled from the prefix's hot record and the entry, as lookup_standard()
 * would; false for anything else.  It calls nothing, so it saves few
 * registers.
 * Everything is read first and each member then stored once: a store to
 * r before a read of the tables would have to stay (r might alias them),
 * and stores are most of a hit's work. */
static inline bool lookup_hot(const bkerr_registry *reg, int64_t code,
                              enum bkerr_lang lang,
                              struct bkerr_result *restrict r)
{
    uint32_t prefix = (uint32_t)code / BKERR_SUFFIXES;
    uint32_t suffix = (uint32_t)code - prefix * BKERR_SUFFIXES;
    const struct bk_lazy_state *lz = reg->lazy;
    const struct bk_hot *hot = &lz->hot[prefix];
    const struct bk_prefix_guests *pg = &lz->guests[prefix];
    struct bk_word *w;
    size_t i;
    if (!atomic_load_explicit(&hot->ready, memory_order_acquire) ||
        !bk_index_find(&hot->ix, suffix, &w, &i) ||
        atomic_load_explicit(&w->checked, memory_order_relaxed) !=
            BK_WORD_GOOD ||
        !hot->ix.pabout ||
        !atomic_load_explicit(&pg->ready, memory_order_acquire) ||
        bk_guests_near(pg, suffix))
        return false;
    const struct bk_index *ix = &hot->ix;
    const char *pool = ix->pool;
#define TEXT(off) ((off) ? pool + (off) : NULL) /* bk_pool_text(), pool held */
    const struct bkerr_packed_entry *e = &ix->pentries[i];
    lang = wanted_lang(reg, lang);
    enum bkerr_lang message_lang, advice_lang, note_lang = lang;
    const char *message = pick(TEXT(e->message_zh), TEXT(e->message_en), lang,
                               &message_lang);
    const char *advice = pick(TEXT(e->advice_zh), TEXT(e->advice_en), lang,
                              &advice_lang);
    /* e->range was checked at the word's first use */
    const struct bk_range_pick *range = &ix->range_pick[e->range];
    const char *module = range->module;
    bool inherited = !advice && range->advice[lang - 1];
    if (inherited) {
        advice = range->advice[lang - 1];
        advice_lang = range->advice_lang[lang - 1];
    }
    const struct bkerr_packed_about *a = &ix->pabout[i];
    const char *note = pick(TEXT(a->note_zh), TEXT(a->note_en), lang,
                            &note_lang);

    r->status = BKERR_FOUND;
    r->klass = BKERR_CLASS_STANDARD;
    r->code = code;
    r->platform = reg->plat[prefix];
    r->catalog = hot->catalog;
    r->catalog_version = hot->catalog_version;
    r->symbol = TEXT(e->symbol);
    r->message = message;
    r->advice = advice;
    r->module = module;
    r->message_lang = message_lang;
    r->advice_lang = advice_lang;
    r->advice_inherited = inherited;
    r->reason = NULL;
    r->code_status = (enum bkerr_code_status)a->status;
    r->upstream = hot->upstream;
    r->upstream_version = hot->upstream_version;
    r->defined = TEXT(a->defined);
    r->raised = TEXT(a->raised);
    r->docs = TEXT(a->docs);
    r->note = note;
    r->note_lang = note_lang;
    r->variant = 0;
    r->n_variants = 1 + a->n_variants;
    r->guest = false;
    r->n_guests = 0;
#undef TEXT
    return true;
}

/* Every answer but lookup_hot()'s, out of its way: a hit then saves and
 * restores no registers. */
__attribute__((noinline)) static int lookup_cold(const bkerr_registry *reg,
                                                 int64_t code,
                                                 enum bkerr_lang lang,
                                                 struct bkerr_result *out);

int bkerr_lookup(const bkerr_registry *reg, int64_t code, enum bkerr_lang lang,
                 struct bkerr_result *out)
{
    if (reg && out && (unsigned)lang <= BKERR_LANG_EN &&
        (uint64_t)code - 1000000 < 9000000 && /* unsigned: no overflow */
        lookup_hot(reg, code, lang, out))
        return BKERR_FOUND;
    return lookup_cold(reg, code, lang, out);
}

static int lookup_cold(const bkerr_registry *reg, int64_t code,
                       enum bkerr_lang lang, struct bkerr_result *out)
{
    if (begin(reg, code, &lang, out))
        return BKERR_EINVAL;
    switch (out->klass) {
    case BKERR_CLASS_SPECIAL:
        out->status = BKERR_FOUND;
        out->platform.category = BKERR_CAT_SPECIAL;
        answer_text_row(out, bk_special(code), lang);
        break;
    case BKERR_CLASS_STANDARD:
        lookup_standard(reg, out, lang);
        break;
    case BKERR_CLASS_NONSTANDARD:
        out->status = BKERR_INVALID;
        out->reason = code < 0
            ? "a negative code other than -1 is non-standard; look it up "
              "with its product"
            : "not a 7-digit code; a non-standard code is looked up with "
              "its product";
        break;
    }
    return (int)out->status;
}

/* Every answer bkerr_message() does not take straight from the index. */
__attribute__((noinline, cold)) static const char *
message_slow(const bkerr_registry *reg, int64_t code, enum bkerr_lang lang)
{
    struct bkerr_result r;
    return bkerr_lookup(reg, code, lang, &r) >= 0 ? r.message : NULL;
}

const char *bkerr_message(const bkerr_registry *reg, int64_t code,
                          enum bkerr_lang lang)
{
    /* The common answer, an entry of a loaded compiled catalog whose word
     * is checked, comes from the index without a call; everything else
     * (lazy loads, first checks, misses, built-in answers) as
     * bkerr_lookup() gives it. */
    if (!reg || (unsigned)lang > BKERR_LANG_EN || code < 1000000 ||
        code > 9999999)
        return message_slow(reg, code, lang);
    uint32_t prefix = (uint32_t)code / BKERR_SUFFIXES;
    uint32_t suffix = (uint32_t)code - prefix * BKERR_SUFFIXES;
    const struct bk_hot *hot = &reg->lazy->hot[prefix];
    if (!atomic_load_explicit(&hot->ready, memory_order_acquire))
        return message_slow(reg, code, lang);
    const struct bk_index *ix = &hot->ix;
    struct bk_word *w;
    size_t i;
    if (!bk_index_find(ix, suffix, &w, &i) ||
        atomic_load_explicit(&w->checked, memory_order_relaxed) !=
            BK_WORD_GOOD)
        return message_slow(reg, code, lang);
    const struct bkerr_packed_entry *e = &ix->pentries[i];
    enum bkerr_lang used;
    return pick(bk_pool_text(ix, e->message_zh), bk_pool_text(ix, e->message_en),
                wanted_lang(reg, lang), &used);
}

/* True if bkerr.ini has a [catalog.<id>] section: a product may have a
 * catalog but no prefix of its own. */
static bool configured(const bkerr_registry *reg, const char *id)
{
    for (size_t i = 0; reg && i < reg->n_slots; i++)
        if (strcmp(reg->slots[i].st.id, id) == 0)
            return true;
    return false;
}

/* The loaded catalog of product id (loading it if lazy), or NULL. */
static const struct bk_slot *loaded_slot(const bkerr_registry *reg,
                                         const char *id)
{
    for (size_t i = 0; reg && i < reg->n_slots; i++)
        if (strcmp(reg->slots[i].st.id, id) == 0)
            return bk_slot_ready(reg, &reg->slots[i]);
    return NULL;
}

int bkerr_lookup_product(const bkerr_registry *reg, const char *product,
                         int64_t code, enum bkerr_lang lang,
                         struct bkerr_result *out)
{
    if (begin(reg, code, &lang, out))
        return BKERR_EINVAL;
    int prefix = product ? bk_prefix_of_id(reg, product) : 0;
    if (!prefix && (!product || !configured(reg, product))) {
        out->status = BKERR_INVALID;
        out->reason = product ? "no platform or catalog has this product id"
                              : "no product given";
        return product ? BKERR_ENOPRODUCT : BKERR_EINVAL;
    }
    const struct bk_slot *slot = loaded_slot(reg, product);
    if (slot) {
        const struct bkerr_catalog *d = slot->cat.desc;
        ptrdiff_t k = find_legacy(d, code);
        if (k >= 0) {
            struct bk_texts t;
            legacy_texts(d, (size_t)k, &t);
            if (prefix)
                bkerr_platform(reg, prefix, &out->platform);
            use_slot(out, slot);
            answer_entry(out, d, &t, lang);
            return (int)out->status;
        }
    }
    if (out->klass != BKERR_CLASS_NONSTANDARD)
        return bkerr_lookup(reg, code, lang, out);
    if (prefix)
        bkerr_platform(reg, prefix, &out->platform);
    if (slot)
        use_slot(out, slot);
    out->status = slot ? BKERR_NOT_IN_CATALOG : BKERR_NO_CATALOG;
    return (int)out->status;
}

int bkerr_lookup_variant(const bkerr_registry *reg, const char *product,
                         int64_t code, unsigned k, enum bkerr_lang lang,
                         struct bkerr_result *out)
{
    int rc = product ? bkerr_lookup_product(reg, product, code, lang, out)
                     : bkerr_lookup(reg, code, lang, out);
    if (rc < 0 || k == 0)
        return rc;
    if (k >= out->n_variants || !out->catalog)
        return BKERR_ENOTFOUND;
    const struct bk_slot *slot = loaded_slot(reg, out->catalog);
    const struct bkerr_catalog *d = slot->cat.desc;
    size_t first;
    bk_variants_of(d, code, &first);
    const struct bkerr_variant *v = &d->variants[first + k - 1];
    enum bkerr_status status = out->status; /* FOUND, or GUEST */
    unsigned n = out->n_variants;
    struct bk_texts t;
    bk_plain_texts(&v->entry, &v->about,
                   bkerr_prefix(code) == d->prefix ? bk_find_range(d, code)
                                                   : NULL,
                   &t);
    out->advice = NULL;
    out->advice_inherited = false;
    out->module = NULL;
    answer_entry(out, d, &t, wanted_lang(reg, lang));
    out->status = status;
    out->n_variants = n; /* the code's, not the variant record's */
    out->variant = k;
    return rc;
}

int bkerr_lookup_guest(const bkerr_registry *reg, int64_t code, unsigned k,
                       enum bkerr_lang lang, struct bkerr_result *out)
{
    int rc = bkerr_lookup(reg, code, lang, out);
    if (rc < 0)
        return rc;
    if (k >= out->n_guests)
        return BKERR_ENOTFOUND;
    const struct bk_guest *first;
    bk_guests_of(bk_guests_ready(reg, bkerr_prefix(code)), code, &first);
    /* a fresh result (lang was checked by the lookup), keeping what the
     * lookup said of the prefix and its guests */
    struct bkerr_platform platform = out->platform;
    unsigned n = out->n_guests;
    begin(reg, code, &lang, out);
    out->platform = platform;
    out->n_guests = n;
    answer_guest(out, &first[k], lang);
    return (int)out->status;
}

int bkerr_catalog_entry(const bkerr_registry *reg, size_t i, size_t index,
                        enum bkerr_lang lang, struct bkerr_result *out)
{
    if (!reg || !out)
        return BKERR_EINVAL;
    if (i >= reg->n_slots || !bk_slot_ready(reg, &reg->slots[i]))
        return BKERR_ENOTFOUND;
    const struct bk_catalog *c = &reg->slots[i].cat;
    int rc;
    if (index < c->ix.n) /* the slot owns its prefix: a plain lookup */
        rc = bkerr_lookup(reg, bk_index_code(&c->ix, c->desc->prefix, index),
                          lang, out);
    else if (index - c->ix.n < c->desc->n_legacy)
        rc = bkerr_lookup_product(reg, reg->slots[i].st.id,
                                  c->desc->legacy[index - c->ix.n].code, lang,
                                  out);
    else
        return BKERR_ENOTFOUND;
    return rc < 0 ? rc : 0;
}

/* A range answers for the codes in it as apply_range() does: its module,
 * and its advice in lang, else the other language. */
int bkerr_catalog_range(const bkerr_registry *reg, size_t i, size_t k,
                        enum bkerr_lang lang, struct bkerr_range_info *out)
{
    if (!reg || !bk_sized_ok(out, sizeof *out) ||
        (unsigned)lang > BKERR_LANG_EN)
        return BKERR_EINVAL;
    if (i >= reg->n_slots || !bk_slot_ready(reg, &reg->slots[i]))
        return BKERR_ENOTFOUND;
    const struct bkerr_catalog *d = reg->slots[i].cat.desc;
    if (k >= d->n_ranges)
        return BKERR_ENOTFOUND;
    const struct bkerr_range *range = &d->ranges[k];
    struct bkerr_range_info v = {.size = sizeof v, .first = range->first,
                                 .last = range->last,
                                 .module = range->module};
    v.advice = pick(nonempty(range->advice_zh), nonempty(range->advice_en),
                    wanted_lang(reg, lang), &v.advice_lang);
    bk_sized_put(out, &v, sizeof v);
    return 0;
}
