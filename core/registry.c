/* bkerr_open(): bkerr.ini -> config -> loaded catalogs -> one immutable
 * registry.  Nothing is visible to lookups until all of it is built. */
#include "registry.h"

#include <errno.h>
#include <stdarg.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "guests.h"
#include "index.h"
#include "loader.h"
#include "products.h"
#include "trust.h"
#include "common/error.h"
#include "common/spec.h"
#include "common/text.h"

#ifndef BKERR_DEFAULT_CONFIG
#define BKERR_DEFAULT_CONFIG "/etc/bkerr/bkerr.ini"
#endif
#ifndef BKERR_PLUGIN_DIR
#define BKERR_PLUGIN_DIR "/usr/lib/bkerr"
#endif

const char *bkerr_default_config(void)
{
    /* secure_getenv: a setuid program must not read an attacker's config. */
    const char *env = secure_getenv("BKERR_CONFIG");
    return env && *env ? env : BKERR_DEFAULT_CONFIG;
}

/* The spec's row for every prefix, then the admin's rows over it. */
static void build_platforms(bkerr_registry *reg)
{
    for (int prefix = 10; prefix < BK_PREFIX_SLOTS; prefix++)
        bkerr_platform(NULL, prefix, &reg->plat[prefix]);
    for (size_t i = 0; i < reg->n_admin; i++) {
        const struct bk_cfg_platform *a = &reg->admin[i];
        reg->plat[a->prefix] = (struct bkerr_platform){
            .prefix = a->prefix,
            .category = bk_category_of(a->prefix),
            .id = a->id,
            .name_zh = a->name_zh,
            .name_en = a->name_en,
            .admin = true,
        };
    }
}

int bk_prefix_of_id(const bkerr_registry *reg, const char *id)
{
    if (!reg) {
        const struct bk_spec_platform *p = bk_spec_platform_by_id(id);
        return p ? p->prefix : 0;
    }
    for (int prefix = 10; prefix < BK_PREFIX_SLOTS; prefix++)
        if (reg->plat[prefix].id && strcmp(reg->plat[prefix].id, id) == 0)
            return prefix;
    return 0;
}

/* Joins dir and a relative path into out; false if it does not fit. */
static bool join(char *out, const char *dir, const char *rel)
{
    int n = snprintf(out, BK_PATH_MAX, "%s/%s", dir, rel);
    return n > 0 && n < BK_PATH_MAX;
}

/* What one open is doing: its options, and where its problems go. */
struct opening {
    const struct bkerr_open_options *opt;
    bool keep_going;         /* BKERR_OPEN_KEEP_GOING */
    struct bk_diags *diags;  /* the registry's */
    struct bk_error *err;    /* the first error that fails the open */
};

/* An error of bkerr.ini at line about catalog (or NULL) that fails the
 * open ("path:line: what"), or, keeping going, a diagnostic. */
__attribute__((format(printf, 6, 7))) static void
config_error(struct opening *o, const char *path, int line, int code,
             const char *catalog, const char *fmt, ...)
{
    char what[BK_ERROR_SIZE];
    va_list ap;
    va_start(ap, fmt);
    bk_verrf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (o->keep_going)
        bk_diag_add(o->diags, BKERR_SEVERITY_ERROR, line, catalog, "%s", what);
    else
        bk_fail(o->err, code, "%s:%d: %s", path, line, what);
}

/* Resolves [registry] plugin_dir (relative to the ini file's directory)
 * to a canonical path in dir.  A missing directory leaves dir as written:
 * each catalog in it is then rejected with the reason.  False if the
 * open fails; keeping going, the bad plugin_dir is a diagnostic, and
 * catalogs are looked for where it would lead. */
static bool resolve_plugin_dir(const struct bk_config *cfg, char *dir,
                               struct opening *o)
{
    const char *pd = cfg->plugin_dir ? cfg->plugin_dir : BKERR_PLUGIN_DIR;
    char joined[BK_PATH_MAX], base[BK_PATH_MAX];
    snprintf(base, sizeof base, "%s", cfg->path);
    if (pd[0] == '/' ? snprintf(joined, sizeof joined, "%s", pd) >= BK_PATH_MAX
                     : !join(joined, dirname(base), pd)) {
        config_error(o, cfg->path, cfg->plugin_dir_line, BKERR_ECONFIG, NULL,
                     "plugin_dir is too long");
        snprintf(dir, BK_PATH_MAX, "%s", "/nonexistent/plugin_dir-too-long");
        return o->keep_going;
    }
    if (realpath(joined, dir))
        return true;
    if (cfg->plugin_dir) {
        config_error(o, cfg->path, cfg->plugin_dir_line, BKERR_ECONFIG, NULL,
                     "plugin_dir '%s' (%s): %s; fix the path (a relative one "
                     "is relative to this file)", cfg->plugin_dir, joined,
                     strerror(errno));
        if (!o->keep_going)
            return false;
    }
    snprintf(dir, BK_PATH_MAX, "%s", joined);
    return true;
}

/* Resolves a catalog's path into out, following symlinks.  A relative
 * path must stay inside the plugin directory. */
static bool resolve_catalog_path(const char *dir, const char *path, char *out,
                                 struct bk_error *err)
{
    char joined[BK_PATH_MAX];
    snprintf(out, BK_PATH_MAX, "%s", path);
    if (path[0] == '/' ? snprintf(joined, sizeof joined, "%s", path) >= BK_PATH_MAX
                       : !join(joined, dir, path)) {
        return bk_fail(err, BKERR_ECATALOG, "%s/%s: the path is longer than "
                       "%d bytes; use a shorter plugin_dir or path", dir, path,
                       BK_PATH_MAX - 1);
    }
    if (!realpath(joined, out)) {
        bk_fail(err, BKERR_ECATALOG, "%s: cannot open: %s; check the "
                "catalog's path and [registry] plugin_dir", joined,
                strerror(errno));
        snprintf(out, BK_PATH_MAX, "%s", joined);
        return false;
    }
    /* The trust checks then see the real file and its real directory;
     * the symlinks that led there, and their directories, are checked on
     * the way (bk_path_trust). */
    size_t n = strlen(dir);
    if (n == 1) /* plugin_dir = / */
        n = 0;
    if (path[0] != '/' && (strncmp(out, dir, n) != 0 || out[n] != '/')) {
        return bk_fail(err, BKERR_ECATALOG, "%s: path '%s' leads outside the "
                       "plugin directory %s; move the file there or give an "
                       "absolute path", out, path, dir);
    }
    return bk_path_trust(joined, err);
}

/* Whether the options let this open load the catalog of id. */
static bool wanted(const struct bkerr_open_options *opt, const char *id)
{
    return !(opt->flags & BKERR_OPEN_NO_LOAD) &&
           (!opt->only || strcmp(opt->only, id) == 0);
}

/* Marks slot rejected with err's reason; false only on ENOMEM. */
static bool reject(struct bk_slot *slot, const struct bk_error *err)
{
    slot->st.state = BKERR_CATALOG_REJECTED;
    slot->st.reason = bk_strdup(err->text);
    return slot->st.reason != NULL;
}

/* Loads the catalog of a configured slot (st.path resolved); false only
 * on ENOMEM. */
static bool load_catalog(const bkerr_registry *reg, struct bk_slot *slot)
{
    struct bk_error err;
    err.code = 0; /* the text is written only with the code */
    struct bkerr_catalog_status *st = &slot->st;
    if (!bk_catalog_load(st->path, st->id, slot->prefix, reg->verify,
                         &slot->cat, &err))
        return reject(slot, &err);
    const struct bkerr_catalog *d = slot->cat.desc;
    st->state = BKERR_CATALOG_LOADED;
    st->prefix = d->prefix;
    /* the product's one display name, as lookups give it */
    bk_display_name(reg, slot->prefix, d, &st->name_zh, &st->name_en);
    st->version = d->version;
    st->origin = d->origin;
    st->n_entries = slot->cat.ix.n;
    st->n_ranges = d->n_ranges;
    st->n_legacy = d->n_legacy;
    const struct bkerr_catalog *d12 = bk_abi_1_2(d);
    if (d12) {
        st->upstream = d12->upstream && *d12->upstream ? d12->upstream : NULL;
        st->upstream_version = d12->upstream_version && *d12->upstream_version
                                   ? d12->upstream_version
                                   : NULL;
        st->n_variants = d12->n_variants;
    }
    if (slot->cat.ix.pool) {
        struct bk_hot *hot = &reg->lazy->hot[slot->prefix];
        hot->ix = slot->cat.ix;
        hot->catalog = st->id;
        hot->catalog_version = st->version;
        hot->upstream = st->upstream;
        hot->upstream_version = st->upstream_version;
        memset(hot->word, 0, sizeof hot->word);
        for (uint32_t k = 0; k < hot->ix.n_words; k++) {
            uint32_t word = hot->ix.first_word + k;
            if (hot->ix.words[k].present)
                hot->word[word / 64] |= UINT64_C(1) << (word % 64);
        }
        atomic_store_explicit(&hot->ready, true, memory_order_release);
    }
    return true;
}

/* Sets up one configured catalog in slot and loads it, unless it is
 * disabled, left out by the options, or lazy (then it waits in its prefix's
 * place for its first lookup).  False only on ENOMEM. */
static bool load_slot(bkerr_registry *reg, struct bk_slot *slot,
                      struct bk_cfg_catalog *c, const char *dir,
                      const struct bkerr_open_options *opt, bool lazy)
{
    char path[BK_PATH_MAX];
    struct bk_error err;
    err.code = 0; /* the text is written only with the code */
    struct bkerr_catalog_status *st = &slot->st;
    st->id = c->id, c->id = NULL; /* the slot owns it now */
    st->required = c->required;
    st->line = c->line;
    atomic_init(&bk_slot_lazy(reg, slot)->ready, true);
    bool ok = resolve_catalog_path(dir, c->path, path, &err);
    st->path = bk_strdup(path);
    if (!st->path)
        return false;
    if (!c->enabled || !wanted(opt, st->id)) {
        st->state = c->enabled ? BKERR_CATALOG_SKIPPED : BKERR_CATALOG_DISABLED;
        return true;
    }
    /* One catalog per prefix follows: sections have unique ids, an id has
     * one prefix, and the descriptor must carry the section's id. */
    slot->prefix = bk_prefix_of_id(reg, st->id);
    if (!ok)
        return reject(slot, &err);
    /* a catalog without a prefix waits too: a lookup of its product, or
     * the first that needs guest codes, loads it */
    if (lazy && !st->required) {
        st->state = BKERR_CATALOG_LAZY;
        atomic_store(&bk_slot_lazy(reg, slot)->ready, false);
        if (slot->prefix)
            reg->by_prefix[slot->prefix] = slot;
        return true;
    }
    if (!load_catalog(reg, slot))
        return false;
    if (st->state == BKERR_CATALOG_LOADED && slot->prefix)
        reg->by_prefix[slot->prefix] = slot;
    return true;
}

void bk_slot_load_locked(const bkerr_registry *reg, struct bk_slot *slot)
{
    atomic_bool *ready = &bk_slot_lazy(reg, slot)->ready;
    if (atomic_load_explicit(ready, memory_order_relaxed))
        return;
    if (!load_catalog(reg, slot) && !slot->st.reason)
        slot->st.state = BKERR_CATALOG_REJECTED; /* out of memory */
    atomic_store_explicit(ready, true, memory_order_release);
}

const struct bk_slot *bk_slot_load(const bkerr_registry *reg,
                                   struct bk_slot *slot)
{
    pthread_mutex_lock(&reg->lazy->lock);
    bk_slot_load_locked(reg, slot);
    pthread_mutex_unlock(&reg->lazy->lock);
    return slot->cat.desc ? slot : NULL;
}

void bk_load_all(const bkerr_registry *reg)
{
    bool waiting = false;
    for (size_t i = 0; i < reg->n_slots && !waiting; i++)
        waiting = !atomic_load_explicit(&reg->lazy->slot[i].ready,
                                        memory_order_acquire);
    if (!waiting)
        return;
    pthread_mutex_lock(&reg->lazy->lock);
    for (size_t i = 0; i < reg->n_slots; i++)
        bk_slot_load_locked(reg, &reg->slots[i]);
    pthread_mutex_unlock(&reg->lazy->lock);
}

/* Records what the catalog of slot met: a rejection is an error (the
 * open's, unless it keeps going or loads one catalog) when the catalog is
 * required or [registry] fatal is set, else a warning.  False if the open
 * fails. */
static bool report_slot(struct opening *o, const struct bk_config *cfg,
                        const struct bk_slot *slot)
{
    const struct bkerr_catalog_status *st = &slot->st;
    if (st->state != BKERR_CATALOG_REJECTED)
        return true;
    if (!st->required && !cfg->fatal) {
        bk_diag_add(o->diags, BKERR_SEVERITY_WARNING, st->line, st->id,
                    "catalog '%s' was rejected: %s", st->id, st->reason);
        return true;
    }
    const char *why = st->required ? "required" : "enabled with fatal = true";
    if (o->opt->only) { /* its rejection never fails the open */
        bk_diag_add(o->diags, BKERR_SEVERITY_ERROR, st->line, st->id,
                    "catalog '%s' is %s and was rejected: %s", st->id, why,
                    st->reason);
        return true;
    }
    config_error(o, cfg->path, st->line, BKERR_ECATALOG, st->id,
                 "catalog '%s' is %s and was rejected: %s", st->id, why,
                 st->reason);
    return o->keep_going;
}

/* Doubtful settings, which fail nothing: a prefix allocated to an id
 * without a catalog, and a bkerr.ini without any. */
static void report_settings(bkerr_registry *reg, struct opening *o)
{
    for (size_t a = 0; a < reg->n_admin; a++) {
        const struct bk_cfg_platform *pl = &reg->admin[a];
        size_t i = 0;
        while (i < reg->n_slots && strcmp(reg->slots[i].st.id, pl->id) != 0)
            i++;
        if (i == reg->n_slots)
            bk_diag_add(o->diags, BKERR_SEVERITY_WARNING, pl->line, pl->id,
                        "[platform.%d] allocates prefix %d to '%s', but there "
                        "is no [catalog.%s] section: its codes have no "
                        "catalog", pl->prefix, pl->prefix, pl->id, pl->id);
    }
    if (reg->n_slots == 0)
        bk_diag_add(o->diags, BKERR_SEVERITY_WARNING, 0, NULL,
                    "no [catalog.<id>] section: no catalog is loaded, so only "
                    "the spec's generic table answers; add one per product");
}

/* Loads every configured catalog; the open fails on a required one
 * (unless it keeps going).  0 or a BKERR_E* code. */
static int load_catalogs(bkerr_registry *reg, struct bk_config *cfg,
                         struct opening *o)
{
    const struct bkerr_open_options *opt = o->opt;
    char dir[BK_PATH_MAX];
    if (!resolve_plugin_dir(cfg, dir, o))
        return o->err->code;
    size_t n = cfg->n_catalogs ? cfg->n_catalogs : 1;
    reg->slots = calloc(n, sizeof *reg->slots);
    reg->lazy->slot = calloc(n, sizeof *reg->lazy->slot);
    if (!reg->slots || !reg->lazy->slot)
        return BKERR_ENOMEM;
    for (size_t i = 0; i < cfg->n_catalogs; i++) {
        struct bk_slot *slot = &reg->slots[reg->n_slots++];
        if (!load_slot(reg, slot, &cfg->catalogs[i], dir, opt,
                       (cfg->lazy || (opt->flags & BKERR_OPEN_LAZY)) &&
                           !cfg->fatal && !opt->only))
            return BKERR_ENOMEM;
        if (!report_slot(o, cfg, slot))
            return o->err->code;
    }
    report_settings(reg, o);
    return 0;
}

int bkerr_open(const char *config_path, bkerr_registry **out, char *errbuf,
               size_t errlen)
{
    return bkerr_open_with(config_path, NULL, out, errbuf, errlen);
}

int bkerr_open_with(const char *config_path,
                    const struct bkerr_open_options *options,
                    bkerr_registry **out, char *errbuf, size_t errlen)
{
    static const struct bkerr_open_options defaults = {sizeof defaults, 0, NULL};
    const struct bkerr_open_options *opt = options ? options : &defaults;
    if (errbuf && errlen)
        errbuf[0] = '\0';
    else
        errbuf = NULL, errlen = 0;
    if (out)
        *out = NULL;
    if (!out || opt->size < sizeof *opt) {
        bk_errf(errbuf, errlen, "bkerr_open: %s", out ? "options too small"
                                                      : "out is NULL");
        return BKERR_EINVAL;
    }
    const char *path = config_path ? config_path : bkerr_default_config();
    struct bk_error err;
    err.code = 0; /* the text is written only with the code */
    struct bk_diags diags = {0};
    struct opening o = {opt, opt->flags & BKERR_OPEN_KEEP_GOING, &diags, &err};
    struct bk_config cfg;
    int rc = 0;
    if (!bk_config_read(path, o.keep_going, &cfg, &diags, &err)) {
        bk_diags_free(&diags);
        bk_errf(errbuf, errlen, "%s", err.text);
        return err.code;
    }
    bkerr_registry *reg = calloc(1, sizeof *reg);
    if (reg && (reg->lazy = calloc(1, sizeof *reg->lazy)))
        pthread_mutex_init(&reg->lazy->lock, NULL);
    if (!reg || !reg->lazy || !(reg->config_path = bk_strdup(path))) {
        rc = BKERR_ENOMEM;
        bk_diags_free(&diags);
    } else {
        reg->diags = diags; /* the registry's from here: freed at close */
        o.diags = &reg->diags;
        reg->lang = cfg.lang;
        reg->verify = opt->flags & BKERR_OPEN_VERIFY;
        reg->admin = cfg.platforms, reg->n_admin = cfg.n_platforms;
        cfg.platforms = NULL, cfg.n_platforms = 0;
        build_platforms(reg);
        rc = load_catalogs(reg, &cfg, &o);
        if (!rc && !bk_guests_build_all(reg))
            rc = BKERR_ENOMEM;
        if (!rc && reg->diags.oom)
            rc = BKERR_ENOMEM;
    }
    if (rc == BKERR_ENOMEM)
        bk_errf(errbuf, errlen, "%s: out of memory", path);
    else if (rc)
        bk_errf(errbuf, errlen, "%s", err.text);
    bk_config_free(&cfg);
    if (rc) {
        bkerr_close(reg);
        return rc;
    }
    /* keeping going, errbuf says what the first error was all the same */
    const struct bk_diag *first = bk_diag_first_error(&reg->diags);
    if (o.keep_going && first && first->line > 0)
        bk_errf(errbuf, errlen, "%s:%d: %s", path, first->line, first->message);
    else if (o.keep_going && first)
        bk_errf(errbuf, errlen, "%s: %s", path, first->message);
    *out = reg;
    return 0;
}

void bkerr_close(bkerr_registry *reg)
{
    if (!reg)
        return;
    for (size_t i = 0; i < reg->n_slots; i++) {
        struct bk_slot *s = &reg->slots[i];
        bk_catalog_unload(&s->cat);
        free((char *)s->st.id);
        free((char *)s->st.path);
        free((char *)s->st.reason);
    }
    for (size_t i = 0; i < reg->n_admin; i++) {
        free(reg->admin[i].id);
        free(reg->admin[i].name_zh);
        free(reg->admin[i].name_en);
    }
    free(reg->admin);
    free(reg->slots);
    free(reg->config_path);
    bk_diags_free(&reg->diags);
    if (reg->lazy) {
        for (int p = 0; p < BK_PREFIX_SLOTS; p++)
            free(reg->lazy->guests[p].g);
        free(reg->lazy->symbols);
        bk_match_index_free(reg->lazy->match);
        free(reg->lazy->slot);
        pthread_mutex_destroy(&reg->lazy->lock);
        free(reg->lazy);
    }
    free(reg);
}

const char *bkerr_config_path(const bkerr_registry *reg)
{
    return reg ? reg->config_path : NULL;
}

enum bkerr_lang bkerr_default_lang(const bkerr_registry *reg)
{
    return reg ? reg->lang : BKERR_LANG_DEFAULT;
}

int bkerr_platform(const bkerr_registry *reg, int prefix,
                   struct bkerr_platform *out)
{
    if (!out || prefix < 10 || prefix >= BK_PREFIX_SLOTS)
        return BKERR_EINVAL;
    if (reg) {
        *out = reg->plat[prefix];
        return out->id != NULL;
    }
    const struct bk_spec_platform *spec = bk_spec_platform(prefix);
    *out = (struct bkerr_platform){.prefix = prefix,
                                   .category = bk_category_of(prefix)};
    if (!spec)
        return 0;
    out->id = spec->id;
    out->name_zh = spec->name_zh;
    out->name_en = spec->name_en;
    return 1;
}

size_t bkerr_catalog_count(const bkerr_registry *reg)
{
    return reg ? reg->n_slots : 0;
}

int bkerr_catalog_status(const bkerr_registry *reg, size_t i,
                         struct bkerr_catalog_status *out)
{
    if (!reg || !out)
        return BKERR_EINVAL;
    if (i >= reg->n_slots)
        return BKERR_ENOTFOUND;
    const struct bk_slot *slot = &reg->slots[i];
    if (!atomic_load_explicit(&bk_slot_lazy(reg, slot)->ready,
                              memory_order_acquire)) {
        pthread_mutex_lock(&reg->lazy->lock);
        *out = slot->st; /* a lazy load may be writing it */
        pthread_mutex_unlock(&reg->lazy->lock);
    } else {
        *out = slot->st;
    }
    return 0;
}
