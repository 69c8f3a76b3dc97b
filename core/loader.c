/* Loads one catalog plugin and checks every byte of it the registry will
 * read, before any of it becomes visible.  Each failure has its own reason,
 * naming the file, the rule and the fix. */
#include "loader.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <link.h>
#include <string.h>

#include "index.h"
#include "plugin_file.h"
#include "common/code.h"
#include "common/error.h"
#include "common/rules.h"
#include "common/text.h"

/* Size of the ABI 1.0 descriptor: the least a plugin may export. */
#define ABI_1_0_SIZE (offsetof(struct bkerr_catalog, n_legacy) + sizeof(size_t))
#define ABI_1_1_SIZE \
    (offsetof(struct bkerr_catalog, packed) + sizeof(const void *))
#define ABI_1_2_SIZE \
    (offsetof(struct bkerr_catalog, n_variants) + sizeof(size_t))

/* A rejection: its reason names the file, the rule and the fix. */
#define reject(err, ...) bk_fail((err), BKERR_ECATALOG, __VA_ARGS__)

/* The plugin's loaded, readable segments: everything a descriptor points
 * to must lie inside one of them, or reading it could fault or read
 * another object's memory. */
#define MAX_SEGS 16
struct segs {
    uintptr_t base;
    const char *name;
    size_t n;
    uintptr_t lo[MAX_SEGS], hi[MAX_SEGS];
};

static int collect_segs(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    struct segs *s = data;
    if (info->dlpi_addr != s->base || !info->dlpi_name ||
        strcmp(info->dlpi_name, s->name) != 0)
        return 0;
    for (size_t i = 0; i < info->dlpi_phnum && s->n < MAX_SEGS; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_R))
            continue;
        s->lo[s->n] = info->dlpi_addr + ph->p_vaddr;
        s->hi[s->n] = s->lo[s->n] + ph->p_memsz;
        s->n++;
    }
    return 1;
}

static bool find_segs(void *handle, struct segs *s)
{
    struct link_map *lm = NULL;
    memset(s, 0, sizeof *s);
    if (dlinfo(handle, RTLD_DI_LINKMAP, &lm) != 0 || !lm)
        return false;
    s->base = lm->l_addr;
    s->name = lm->l_name;
    dl_iterate_phdr(collect_segs, s);
    return s->n > 0;
}

/* Bytes readable from p to the end of its segment; 0 if p is outside. */
static size_t room_at(const struct segs *s, const void *p)
{
    uintptr_t a = (uintptr_t)p;
    for (size_t i = 0; i < s->n; i++)
        if (a >= s->lo[i] && a < s->hi[i])
            return s->hi[i] - a;
    return 0;
}

/* NULL if s is acceptable text for a field; else a static reason. */
static const char *text_problem(const struct segs *segs, const char *s,
                                bool placeholders)
{
    size_t room = room_at(segs, s);
    if (room == 0)
        return "points outside the plugin's loaded segments";
    if (!memchr(s, '\0', room < BKERR_TEXT_MAX + 1 ? room : BKERR_TEXT_MAX + 1))
        return room <= BKERR_TEXT_MAX
                   ? "has no NUL before the end of the plugin's segment"
                   : "text is longer than the limit";
    return bk_rule_text(s, placeholders);
}

/* True if n elements of size at p lie inside one segment. */
static bool table_inside(const struct segs *segs, const void *p, size_t n,
                         size_t size)
{
    if (n == 0)
        return true;
    size_t room = room_at(segs, p);
    return n <= room / size;
}

/* NULL if entry e's texts keep the rules (the one-message rule aside);
 * else why, and the field in *field. */
static const char *entry_problem(const struct segs *segs,
                                 const struct bkerr_entry *e,
                                 const char **field)
{
    const struct {
        const char *name, *text;
        bool placeholders;
    } fields[] = {
        {"symbol", e->symbol, false},
        {"message_zh", e->message_zh, true},
        {"message_en", e->message_en, true},
        {"advice_zh", e->advice_zh, false},
        {"advice_en", e->advice_en, false},
    };
    for (size_t f = 0; f < BKERR_COUNT_OF(fields); f++) {
        const char *bad = fields[f].text
            ? text_problem(segs, fields[f].text, fields[f].placeholders)
            : NULL;
        if (bad) {
            *field = fields[f].name;
            return bad;
        }
    }
    return NULL;
}

/* NULL if provenance record a, of a code with n_variants variants,
 * keeps the rules; else why, and the field in *field. */
static const char *about_problem(const struct segs *segs,
                                 const struct bkerr_about *a,
                                 size_t n_variants, const char **field)
{
    *field = "status";
    if (!bk_rule_status(a->status))
        return "is not an enum bkerr_code_status value";
    *field = "n_variants";
    if (a->n_variants != n_variants)
        return "does not count the variants of its code";
    const struct {
        const char *name, *text;
    } fields[] = {
        {"defined", a->defined}, {"raised", a->raised}, {"docs", a->docs},
        {"note_zh", a->note_zh}, {"note_en", a->note_en},
    };
    for (size_t f = 0; f < BKERR_COUNT_OF(fields); f++) {
        const char *bad = fields[f].text
            ? text_problem(segs, fields[f].text, false)
            : NULL;
        if (bad) {
            *field = fields[f].name;
            return bad;
        }
    }
    return NULL;
}

/* Checks a provenance table parallel to the n entries e, named table. */
static bool check_abouts(const struct segs *segs, const char *path,
                         const struct bkerr_catalog *d, const char *table,
                         const struct bkerr_about *a,
                         const struct bkerr_entry *e, size_t n, struct bk_error *err)
{
    if (!a)
        return true;
    if (!table_inside(segs, a, n, sizeof *a))
        return reject(err, "%s: %s: %zu records at %p lie outside the "
                           "plugin's loaded segments", path, table, n,
                      (const void *)a);
    for (size_t i = 0; i < n; i++) {
        size_t first, nv = bk_variants_of(d, e[i].code, &first);
        const char *field, *bad = about_problem(segs, &a[i], nv, &field);
        if (bad)
            return reject(err, "%s: %s[%zu] %s: %s", path, table, i, field,
                          bad);
    }
    return true;
}

/* True if d has a primary entry for code (the tables are checked). */
static bool has_primary(const struct bkerr_catalog *d,
                        const struct bkerr_packed *packed, int64_t code)
{
    const struct bkerr_entry *e = d->legacy;
    size_t n = d->n_legacy;
    if (d->prefix && bkerr_prefix(code) == d->prefix) {
        if (packed) {
            uint32_t s = (uint32_t)(code % BKERR_SUFFIXES);
            return packed->present[s / 64] >> (s % 64) & 1;
        }
        e = d->entries, n = d->n_entries;
    }
    size_t i = bk_lower_bound(e, n, sizeof *e, code);
    return i < n && e[i].code == code;
}

/* The tables of ABI 1.2: provenance and variants. */
static bool check_abi_1_2(const struct segs *segs, const char *path,
                          const struct bkerr_catalog *d,
                          const struct bkerr_packed *packed, struct bk_error *err)
{
    const char *texts[] = {d->upstream, d->upstream_version}, *bad;
    for (size_t t = 0; t < 2; t++)
        if (texts[t] && (bad = text_problem(segs, texts[t], false)))
            return reject(err, "%s: descriptor upstream text: %s", path, bad);
    if (d->about && packed)
        return reject(err, "%s: about goes with entries; compiled tables "
                           "take packed_about", path);
    if (d->packed_about && !packed)
        return reject(err, "%s: packed_about without packed tables", path);
    if (d->packed_about &&
        !table_inside(segs, d->packed_about, packed->n_entries,
                      sizeof *d->packed_about))
        return reject(err, "%s: packed_about: %zu records lie outside the "
                           "plugin's loaded segments", path,
                      packed->n_entries);
    const struct bkerr_variant *v = d->variants;
    if (d->n_variants && !v)
        return reject(err, "%s: variants is NULL but counts %zu", path,
                      d->n_variants);
    if (!table_inside(segs, v, d->n_variants, sizeof *v))
        return reject(err, "%s: variants: %zu variants at %p lie outside the "
                           "plugin's loaded segments", path, d->n_variants,
                      (const void *)v);
    for (size_t i = 0; i < d->n_variants; i++) {
        long long code = (long long)v[i].entry.code;
        const char *field;
        if (i && v[i].entry.code < v[i - 1].entry.code)
            return reject(err, "%s: variants[%zu]: code %lld comes after "
                               "%lld; sort variants by code", path, i, code,
                          (long long)v[i - 1].entry.code);
        if (!has_primary(d, packed, v[i].entry.code))
            return reject(err, "%s: variants[%zu]: code %lld has no primary "
                               "entry", path, i, code);
        if (!bk_rule_has_message(v[i].entry.message_zh, v[i].entry.message_en))
            return reject(err, "%s: variants[%zu]: code %lld has no message "
                               "in either language", path, i, code);
        if ((bad = entry_problem(segs, &v[i].entry, &field)) ||
            (bad = about_problem(segs, &v[i].about, 0, &field)))
            return reject(err, "%s: variants[%zu]: code %lld %s: %s", path,
                          i, code, field, bad);
    }
    /* the records count the variants, now known to be sorted */
    return check_abouts(segs, path, d, "about", d->about, d->entries,
                        d->n_entries, err) &&
           check_abouts(segs, path, d, "legacy_about", d->legacy_about,
                        d->legacy, d->n_legacy, err);
}

/* Checks one table of entries; own = true for the main table. */
static bool check_entries(const struct segs *segs, const char *path,
                          const struct bkerr_catalog *d,
                          const struct bkerr_entry *e, size_t n, bool own,
                          struct bk_error *err)
{
    const char *table = own ? "entries" : "legacy";
    if (n && !e)
        return reject(err, "%s: %s is NULL but counts %zu entries", path,
                           table, n);
    if (!table_inside(segs, e, n, sizeof *e))
        return reject(err, "%s: %s: %zu entries at %p lie outside the "
                           "plugin's loaded segments", path, table, n,
                      (const void *)e);
    for (size_t i = 0; i < n; i++) {
        long long code = (long long)e[i].code;
        enum bk_code_rule place = bk_rule_code(d->prefix, e[i].code, !own);
        if (place == BK_CODE_NOT_OWN || place == BK_CODE_NO_PREFIX)
            return reject(err, "%s: %s[%zu]: code %lld is not a 7-digit code "
                               "with prefix %d; non-standard codes go in "
                               "legacy", path, table, i, code, d->prefix);
        if (place == BK_CODE_OWN_LEGACY)
            return reject(err, "%s: %s[%zu]: code %lld has the catalog's own "
                               "prefix; move it to entries", path, table, i,
                               code);
        enum bk_order_rule order =
            i ? bk_rule_order(e[i - 1].code, e[i].code) : BK_ORDER_OK;
        if (order == BK_ORDER_DUPLICATE)
            return reject(err, "%s: %s[%zu]: duplicate code %lld (also %s[%zu])",
                               path, table, i, code, table, i - 1);
        if (order == BK_ORDER_UNSORTED)
            return reject(err, "%s: %s[%zu]: code %lld comes after %lld; "
                               "entries must be sorted by code", path, table,
                               i, code, (long long)e[i - 1].code);
        if (!bk_rule_has_message(e[i].message_zh, e[i].message_en))
            return reject(err, "%s: %s[%zu]: code %lld has no message in "
                               "either language", path, table, i, code);
        const char *field, *bad = entry_problem(segs, &e[i], &field);
        if (bad)
            return reject(err, "%s: %s[%zu]: code %lld %s: %s", path, table,
                          i, code, field, bad);
    }
    return true;
}

static bool check_ranges(const struct segs *segs, const char *path,
                         const struct bkerr_catalog *d,
                         struct bk_error *err)
{
    const struct bkerr_range *r = d->ranges;
    if (d->n_ranges && !r)
        return reject(err, "%s: ranges is NULL but counts %zu", path,
                           d->n_ranges);
    if (!table_inside(segs, r, d->n_ranges, sizeof *r))
        return reject(err, "%s: ranges: %zu ranges at %p lie outside the "
                           "plugin's loaded segments", path, d->n_ranges,
                      (const void *)r);
    for (size_t i = 0; i < d->n_ranges; i++) {
        long long first = (long long)r[i].first, last = (long long)r[i].last;
        enum bk_range_rule bounds = bk_rule_range(d->prefix, r[i].first,
                                                  r[i].last);
        if (bounds == BK_RANGE_NO_PREFIX)
            return reject(err, "%s: ranges[%zu]: %lld-%lld is not a range of "
                               "codes with prefix 0: a catalog without a "
                               "prefix of its own has no ranges", path, i,
                          first, last);
        if (bounds == BK_RANGE_OUTSIDE)
            return reject(err, "%s: ranges[%zu]: %lld-%lld is not a range of "
                               "codes with prefix %d", path, i, first, last,
                          d->prefix);
        if (i && !bk_rule_range_follows(r[i - 1].last, r[i].first))
            return reject(err, "%s: ranges[%zu]: %lld-%lld overlaps or comes "
                               "before the range before it; sort them",
                               path, i, first, last);
        const char *texts[] = {r[i].module, r[i].advice_zh, r[i].advice_en};
        for (size_t t = 0; t < 3; t++) {
            const char *bad = texts[t] ? text_problem(segs, texts[t], false) : NULL;
            if (bad)
                return reject(err, "%s: ranges[%zu]: %s", path, i, bad);
        }
        if (!bk_rule_range_says(r[i].module, r[i].advice_zh, r[i].advice_en))
            return reject(err, "%s: ranges[%zu]: %lld-%lld has no module and "
                               "no advice; name its module, give advice, or "
                               "drop the range", path, i, first, last);
    }
    return true;
}

/* The compiled tables, as far as the open checks them: bounds, the pool's
 * ends and the bitmap, none of which grows with the codes.  The entries'
 * offsets and text wait for their first lookup (index.c). */
static bool check_packed(const struct segs *segs, const char *path,
                         const struct bkerr_catalog *d, struct bk_error *err)
{
    const struct bkerr_packed *p = d->packed;
    if (d->entries || d->n_entries)
        return reject(err, "%s: the descriptor gives both entries and packed "
                           "tables; give one", path);
    if (!table_inside(segs, p, 1, sizeof *p))
        return reject(err, "%s: packed tables at %p lie outside the plugin's "
                           "loaded segments", path, (const void *)p);
    if (!p->present || !table_inside(segs, p->present, BKERR_PRESENT_WORDS,
                                     sizeof *p->present))
        return reject(err, "%s: packed: the presence bitmap is NULL or lies "
                           "outside the plugin's loaded segments", path);
    if (p->n_entries > BKERR_SUFFIXES ||
        (p->n_entries && !p->entries) ||
        !table_inside(segs, p->entries, p->n_entries, sizeof *p->entries))
        return reject(err, "%s: packed: %zu entries at %p lie outside the "
                           "plugin's loaded segments", path, p->n_entries,
                      (const void *)p->entries);
    if (!p->pool || p->pool_size == 0 ||
        !table_inside(segs, p->pool, p->pool_size, 1))
        return reject(err, "%s: packed: the string pool (%zu bytes at %p) is "
                           "NULL, empty or outside the plugin's loaded "
                           "segments", path, p->pool_size,
                      (const void *)p->pool);
    if (p->pool[0] || p->pool[p->pool_size - 1])
        return reject(err, "%s: packed: the string pool must begin and end "
                           "with a NUL; rebuild the catalog with bkerr-catc",
                      path);
    size_t set = 0;
    for (size_t w = 0; w < BKERR_PRESENT_WORDS; w++)
        set += bk_popcount64(p->present[w]);
    if (p->present[BKERR_PRESENT_WORDS - 1] >> (BKERR_SUFFIXES % 64))
        return reject(err, "%s: packed: the presence bitmap has bits past "
                           "code %d99999", path, (int)d->prefix);
    if (set != p->n_entries)
        return reject(err, "%s: packed: the presence bitmap has %zu codes but "
                           "n_entries is %zu; rebuild the catalog", path, set,
                      p->n_entries);
    return true;
}

/* The compiled tables of d, or NULL (ABI 1.0, or hand-written). */
static const struct bkerr_packed *packed_of(const struct bkerr_catalog *d)
{
    return d->abi_minor >= 1 ? d->packed : NULL;
}

static bool check_descriptor(const struct segs *segs, const char *path,
                             const struct bkerr_catalog *d,
                             const char *id, int prefix, struct bk_error *err)
{
    if (d->abi_major != BKERR_ABI_MAJOR)
        return reject(err, "%s: catalog ABI major %u, but this libbkerr reads "
                           "major %d; rebuild the catalog against bkerr %d.x "
                           "headers", path, d->abi_major, BKERR_ABI_MAJOR,
                           BKERR_ABI_MAJOR);
    if (d->abi_minor > BKERR_ABI_MINOR)
        return reject(err, "%s: catalog ABI minor %u is newer than this "
                           "libbkerr's %d.%d; upgrade libbkerr", path,
                           d->abi_minor, BKERR_ABI_MAJOR, BKERR_ABI_MINOR);
    if (d->size < ABI_1_0_SIZE)
        return reject(err, "%s: descriptor is %u bytes, less than ABI 1.0's "
                           "%zu; rebuild the catalog", path, d->size,
                           ABI_1_0_SIZE);
    if (d->abi_minor >= 1 && d->size < ABI_1_1_SIZE)
        return reject(err, "%s: descriptor says ABI 1.%u but is %u bytes, "
                           "less than ABI 1.1's %zu; rebuild the catalog",
                      path, d->abi_minor, d->size, ABI_1_1_SIZE);
    if (d->abi_minor >= 2 && d->size < ABI_1_2_SIZE)
        return reject(err, "%s: descriptor says ABI 1.%u but is %u bytes, "
                           "less than ABI 1.2's %zu; rebuild the catalog",
                      path, d->abi_minor, d->size, ABI_1_2_SIZE);
    const char *texts0[] = {d->id, d->version, d->name_zh, d->name_en,
                            d->origin};
    for (size_t t = 0; t < 5; t++)
        if (texts0[t] && !room_at(segs, texts0[t]))
            return reject(err, "%s: descriptor text points outside the "
                               "plugin's loaded segments", path);
    if (!bk_rule_given(d->id))
        return reject(err, "%s: descriptor id is NULL or empty", path);
    const char *bad = text_problem(segs, d->id, false);
    if (bad || strcmp(d->id, id) != 0)
        return reject(err, "%s: descriptor id is '%s' but the section is "
                           "[catalog.%s]; fix the section or the path", path,
                      bad ? "(invalid)" : d->id, id);
    if (!bk_rule_given(d->version))
        return reject(err, "%s: descriptor version is NULL or empty", path);
    if (!bk_rule_given(d->name_zh) && !bk_rule_given(d->name_en))
        return reject(err, "%s: descriptor has no name in either language",
                           path);
    const char *texts[] = {d->version, d->name_zh, d->name_en, d->origin};
    for (size_t t = 0; t < 4; t++)
        if (texts[t] && (bad = text_problem(segs, texts[t], false)))
            return reject(err, "%s: descriptor text: %s", path, bad);
    if (prefix == 0 && d->prefix != 0)
        return reject(err, "%s: catalog prefix is %d, but no prefix is "
                           "allocated to '%s'; add a [platform.NN] section "
                           "with id = %s, or build the catalog without a "
                           "prefix (its codes all legacy)", path,
                      (int)d->prefix, id, id);
    if (d->prefix != prefix)
        return reject(err, "%s: catalog prefix is %d but '%s' is allocated "
                           "prefix %d", path, (int)d->prefix, id, prefix);
    const struct bkerr_packed *packed = packed_of(d);
    if (!(packed ? check_packed(segs, path, d, err)
                 : check_entries(segs, path, d, d->entries, d->n_entries, true,
                                 err)) ||
        !check_entries(segs, path, d, d->legacy, d->n_legacy, false, err) ||
        !check_ranges(segs, path, d, err) ||
        (d->abi_minor >= 2 && !check_abi_1_2(segs, path, d, packed, err)))
        return false;
    /* the tables are inside the plugin now, so their counts can be read */
    if (prefix == 0 && (d->n_entries || d->n_ranges ||
                        (packed && packed->n_entries)))
        return reject(err, "%s: a catalog without a prefix of its own has "
                           "only legacy codes, no entries or ranges", path);
    return true;
}

/* Every compiled entry's text, as bkerr check wants it at open. */
static bool verify_packed(const char *path, const struct bk_catalog *c,
                          struct bk_error *err)
{
    const struct bkerr_catalog *d = c->desc;
    for (size_t k = 0; k < c->ix.n_words; k++) {
        int64_t base = (int64_t)d->prefix * BKERR_SUFFIXES +
                       (int64_t)(c->ix.first_word + k) * 64, code;
        size_t i;
        const char *bad = bk_word_problem(d, &c->ix.words[k], base, &i, &code);
        if (bad)
            return reject(err, "%s: packed entries[%zu]: code %lld: %s; "
                               "rebuild the catalog with bkerr-catc", path, i,
                          (long long)code, bad);
    }
    return true;
}

/* True if the symbol at addr lies in the object behind handle, not in one
 * of its dependencies or in the global scope. */
static bool defined_by(void *handle, const void *addr)
{
    struct link_map *own = NULL, *found = NULL;
    Dl_info info;
    if (dlinfo(handle, RTLD_DI_LINKMAP, &own) != 0 ||
        !dladdr1(addr, &info, (void **)&found, RTLD_DL_LINKMAP))
        return false;
    return own == found;
}

/* The size the ELF symbol table gives the descriptor, or 0 if unknown. */
static size_t symbol_size(const void *addr)
{
    Dl_info info;
    const ElfW(Sym) *sym = NULL;
    if (!dladdr1(addr, &info, (void **)&sym, RTLD_DL_SYMENT) || !sym)
        return 0;
    return (size_t)sym->st_size;
}

/* True if the descriptor fits both its ELF symbol and a readable segment,
 * for ABI 1.0's size before any member is read, then for the size it
 * declares: a descriptor in a segment without read permission, or one cut
 * off by the end of its segment, is refused without being read. */
static bool descriptor_fits(const struct segs *segs, const char *path,
                            const struct bkerr_catalog *d, struct bk_error *err)
{
    size_t sym = symbol_size(d), room = room_at(segs, d);
    if (sym < ABI_1_0_SIZE || (room >= ABI_1_0_SIZE && sym < d->size))
        return reject(err, "%s: the '%s' symbol is %zu bytes, smaller than the "
                      "descriptor it claims to be; declare it with "
                      "BKERR_CATALOG_DEFINE()", path, BKERR_CATALOG_SYMBOL,
                      sym);
    if (room < ABI_1_0_SIZE)
        return reject(err, "%s: the '%s' descriptor at %p has %zu readable "
                           "bytes in the plugin's segments, less than ABI "
                           "1.0's %zu; declare it with BKERR_CATALOG_DEFINE()",
                      path, BKERR_CATALOG_SYMBOL, (const void *)d, room,
                      ABI_1_0_SIZE);
    if (room < d->size)
        return reject(err, "%s: the '%s' descriptor claims %u bytes, but only "
                           "%zu are readable in the plugin's segments; "
                           "declare it with BKERR_CATALOG_DEFINE()", path,
                      BKERR_CATALOG_SYMBOL, d->size, room);
    return true;
}

/* A lazily opened registry trusts the guest note (common/note.h) to name
 * every prefix the plugin's guest codes use: one it leaves out would
 * answer or not depending on what loaded first. */
static bool guests_noted(const char *path, const struct bkerr_catalog *d,
                         const struct bk_guest_note *note,
                         struct bk_error *err)
{
    for (size_t k = 0; note->present && k < d->n_legacy; k++) {
        int64_t code = d->legacy[k].code;
        int p = bkerr_prefix(code);
        if (bk_classify(code) == BKERR_CLASS_STANDARD && p != d->prefix &&
            !(note->prefix[p / 64] >> (p % 64) & 1))
            return reject(err, "%s: legacy[%zu]: code %lld is a guest under "
                               "prefix %d, which the plugin's bkerr guest "
                               "note does not list; rebuild the plugin with "
                               "bkerr-catc", path, k, (long long)code, p);
    }
    return true;
}

bool bk_catalog_load(const char *path, const char *id, int prefix,
                     bool verify, struct bk_catalog *out, struct bk_error *err)
{
    memset(out, 0, sizeof *out);
    struct bk_guest_note note;
    void *h = bk_plugin_open(path, &note, err);
    if (!h)
        return false;
    const struct bkerr_catalog *d = dlsym(h, BKERR_CATALOG_SYMBOL);
    struct segs segs;
    bool ok = d && defined_by(h, d);
    if (!ok)
        reject(err, "%s: exports no '%s' descriptor; declare one with "
               "BKERR_CATALOG_DEFINE()", path, BKERR_CATALOG_SYMBOL);
    else if (!find_segs(h, &segs))
        ok = reject(err, "%s: cannot find the plugin's loaded segments", path);
    else if (!descriptor_fits(&segs, path, d, err))
        ok = false;
    else
        ok = check_descriptor(&segs, path, d, id, prefix, err) &&
             guests_noted(path, d, &note, err);
    out->desc = d;
    out->handle = h;
    if (ok && !bk_index_build(&out->ix, d, packed_of(d)))
        ok = bk_fail(err, BKERR_ENOMEM, "%s: out of memory building the code "
                     "index", path);
    if (ok && verify && packed_of(d))
        ok = verify_packed(path, out, err);
    if (!ok) {
        bk_catalog_unload(out);
        return false;
    }
    return true;
}

void bk_catalog_unload(struct bk_catalog *cat)
{
    bk_index_free(&cat->ix);
    bk_plugin_close(cat->handle);
    memset(cat, 0, sizeof *cat);
}
