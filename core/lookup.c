/* Lookups: code -> class -> prefix slot -> binary search -> texts in the
 * wanted language.  Read-only on the registry; no allocation, no locks. */
#include "internal.h"

/* Picks the text in lang, else the other language; NULL if both empty. */
static const char *pick(const char *zh, const char *en, enum bkerr_lang lang,
                        enum bkerr_lang *used)
{
    const char *want = lang == BKERR_LANG_EN ? en : zh;
    const char *other = lang == BKERR_LANG_EN ? zh : en;
    if (want && *want) {
        *used = lang;
        return want;
    }
    if (other && *other) {
        *used = lang == BKERR_LANG_EN ? BKERR_LANG_ZH_CN : BKERR_LANG_EN;
        return other;
    }
    *used = lang;
    return NULL;
}

static const struct bkerr_entry *find_entry(const struct bkerr_entry *e,
                                            size_t n, int64_t code)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (e[mid].code < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && e[lo].code == code ? &e[lo] : NULL;
}

static const struct bkerr_range *find_range(const struct bkerr_catalog *d,
                                            int64_t code)
{
    size_t lo = 0, hi = d->n_ranges;
    while (lo < hi) { /* first range whose last >= code */
        size_t mid = lo + (hi - lo) / 2;
        if (d->ranges[mid].last < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < d->n_ranges && d->ranges[lo].first <= code)
        return &d->ranges[lo];
    return NULL;
}

static void set_message(struct bkerr_result *r, const char *zh, const char *en,
                        enum bkerr_lang lang)
{
    r->message = pick(zh, en, lang, &r->message_lang);
}

static void set_advice(struct bkerr_result *r, const char *zh, const char *en,
                       enum bkerr_lang lang)
{
    r->advice = pick(zh, en, lang, &r->advice_lang);
}

/* Module and inherited advice from the range holding the code, if any. */
static void apply_range(struct bkerr_result *r, const struct bkerr_catalog *d,
                        enum bkerr_lang lang)
{
    const struct bkerr_range *range = find_range(d, r->code);
    if (!range)
        return;
    r->module = range->module;
    if (!r->advice) {
        set_advice(r, range->advice_zh, range->advice_en, lang);
        r->advice_inherited = r->advice != NULL;
    }
}

static void answer_entry(struct bkerr_result *r, const struct bk_slot *slot,
                         const struct bkerr_entry *e, enum bkerr_lang lang)
{
    r->status = BKERR_FOUND;
    r->symbol = e->symbol;
    set_message(r, e->message_zh, e->message_en, lang);
    set_advice(r, e->advice_zh, e->advice_en, lang);
    if (bkerr_prefix(e->code) == slot->cat.desc->prefix)
        apply_range(r, slot->cat.desc, lang);
}

static bool answer_text_row(struct bkerr_result *r,
                            const struct bk_text_row *row, enum bkerr_lang lang)
{
    if (!row)
        return false;
    set_message(r, row->name_zh, row->name_en, lang);
    if (!r->advice)
        set_advice(r, row->advice_zh, row->advice_en, lang);
    return true;
}

static void use_slot(struct bkerr_result *r, const struct bk_slot *slot)
{
    r->catalog = slot->st.id;
    r->catalog_version = slot->st.version;
}

static void lookup_standard(const bkerr_registry *reg, struct bkerr_result *r,
                            enum bkerr_lang lang)
{
    int prefix = bkerr_prefix(r->code);
    if (bkerr_platform(reg, prefix, &r->platform) == 0) {
        r->status = BKERR_UNASSIGNED;
        return;
    }
    const struct bk_slot *slot = reg ? bk_slot_ready(reg, reg->by_prefix[prefix])
                                     : NULL;
    if (slot) {
        use_slot(r, slot);
        const struct bkerr_catalog *d = slot->cat.desc;
        const struct bkerr_entry *e = find_entry(d->entries, d->n_entries,
                                                 r->code);
        if (e) {
            answer_entry(r, slot, e, lang);
            return;
        }
    }
    bool generic = answer_text_row(r, bk_generic(r->code % 100000), lang);
    if (slot)
        apply_range(r, slot->cat.desc, lang);
    if (generic)
        r->status = BKERR_GENERIC;
    else
        r->status = slot ? BKERR_NOT_IN_CATALOG : BKERR_NO_CATALOG;
}

/* Starts a result: everything empty but the code, its class and lang. */
static int begin(const bkerr_registry *reg, int64_t code, enum bkerr_lang *lang,
                 struct bkerr_result *out)
{
    if (!out || (unsigned)*lang > BKERR_LANG_EN)
        return BKERR_EINVAL;
    if (*lang == BKERR_LANG_DEFAULT)
        *lang = bkerr_default_lang(reg);
    if (*lang == BKERR_LANG_DEFAULT)
        *lang = BKERR_LANG_ZH_CN;
    *out = (struct bkerr_result){.code = code, .klass = bkerr_classify(code),
                                 .message_lang = *lang, .advice_lang = *lang};
    return 0;
}

int bkerr_lookup(const bkerr_registry *reg, int64_t code, enum bkerr_lang lang,
                 struct bkerr_result *out)
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
    if (!prefix) {
        out->status = BKERR_INVALID;
        out->reason = product ? "no platform has this product id"
                              : "no product given";
        return product ? BKERR_ENOPRODUCT : BKERR_EINVAL;
    }
    const struct bk_slot *slot = loaded_slot(reg, product);
    if (slot) {
        const struct bkerr_catalog *d = slot->cat.desc;
        const struct bkerr_entry *e = find_entry(d->legacy, d->n_legacy, code);
        if (e) {
            bkerr_platform(reg, prefix, &out->platform);
            use_slot(out, slot);
            answer_entry(out, slot, e, lang);
            return (int)out->status;
        }
    }
    if (out->klass != BKERR_CLASS_NONSTANDARD)
        return bkerr_lookup(reg, code, lang, out);
    bkerr_platform(reg, prefix, &out->platform);
    if (slot)
        use_slot(out, slot);
    out->status = slot ? BKERR_NOT_IN_CATALOG : BKERR_NO_CATALOG;
    return (int)out->status;
}

int bkerr_catalog_entry(const bkerr_registry *reg, size_t i, size_t index,
                        enum bkerr_lang lang, struct bkerr_result *out)
{
    if (!reg || !out)
        return BKERR_EINVAL;
    if (i >= reg->n_slots || !bk_slot_ready(reg, &reg->slots[i]))
        return BKERR_ENOTFOUND;
    const struct bkerr_catalog *d = reg->slots[i].cat.desc;
    const struct bkerr_entry *e;
    if (index < d->n_entries)
        e = &d->entries[index];
    else if (index - d->n_entries < d->n_legacy)
        e = &d->legacy[index - d->n_entries];
    else
        return BKERR_ENOTFOUND;
    int rc = bkerr_lookup_product(reg, reg->slots[i].st.id, e->code, lang, out);
    return rc < 0 ? rc : 0;
}

const char *bkerr_catalog_state_name(enum bkerr_catalog_state state)
{
    static const char *const names[] = {
        [BKERR_CATALOG_LOADED] = "loaded",
        [BKERR_CATALOG_DISABLED] = "disabled",
        [BKERR_CATALOG_REJECTED] = "rejected",
        [BKERR_CATALOG_SKIPPED] = "skipped",
        [BKERR_CATALOG_LAZY] = "lazy",
    };
    if ((unsigned)state < BKERR_COUNT_OF(names))
        return names[state];
    return "unknown";
}

const char *bkerr_status_name(enum bkerr_status status)
{
    static const char *const names[] = {
        [BKERR_FOUND] = "found",
        [BKERR_GENERIC] = "generic",
        [BKERR_NO_CATALOG] = "no_catalog",
        [BKERR_NOT_IN_CATALOG] = "not_in_catalog",
        [BKERR_UNASSIGNED] = "unassigned",
        [BKERR_INVALID] = "invalid",
    };
    if ((unsigned)status < BKERR_COUNT_OF(names))
        return names[status];
    return "unknown";
}
