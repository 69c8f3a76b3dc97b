/* struct catalog -> the C source of its plugin: compiled, read-only tables
 * (plugin.h, ABI 1.2) and one BKERR_CATALOG_DEFINE().  The output depends on nothing but the
 * catalog, so it is byte-for-byte reproducible. */
#include <string.h>

#include <bkerr/plugin.h>

#include "common/code.h"
#include "common/note.h"
#include "catalog.h"

/* Writes s as a C string literal, or NULL. */
static void literal(FILE *out, const char *s)
{
    if (!s) {
        fputs("NULL", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '?') /* no trigraphs in -std=c11 */
            fputs("\\?", out);
        else if (*p < 0x20 || *p == 0x7F)
            fprintf(out, "\\%03o", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

/* The canonical field order of an entry, and of its provenance. */
static const enum field entry_fields[] = {F_SYMBOL, F_MESSAGE_ZH, F_MESSAGE_EN,
                                          F_ADVICE_ZH, F_ADVICE_EN};
static const enum field about_fields[] = {F_DEFINED, F_RAISED, F_DOCS,
                                          F_NOTE_ZH, F_NOTE_EN};
#define N_FIELDS 5

static bool has_text(const char *s)
{
    return s && *s;
}

/* Entries go in three tables: a primary of the prefix in the compiled
 * ones, a primary legacy code in legacy, every other definition in
 * variants. */
enum table { T_PACKED, T_LEGACY, T_VARIANT };

static enum table table_of(const struct centry *e)
{
    return e->variant > 1 ? T_VARIANT : e->legacy ? T_LEGACY : T_PACKED;
}

/* The variants of primary entry i, which follow it (the entries are
 * sorted by code, then variant); 0 for a variant itself. */
static unsigned variants_after(const struct catalog *c, size_t i)
{
    unsigned n = 0;
    if (c->entries[i].variant > 1)
        return 0;
    while (i + 1 + n < c->n_entries &&
           c->entries[i + 1 + n].code == c->entries[i].code)
        n++;
    return n;
}

static void pointer_fields(FILE *out, const struct centry *e,
                           const enum field *fields, const char *indent)
{
    for (size_t f = 0; f < N_FIELDS; f++) {
        const char *t = e->f[fields[f]].s;
        fputs(indent, out);
        literal(out, has_text(t) ? t : NULL);
        fputs(f < N_FIELDS - 1 ? "," : "", out);
    }
}

/* The entries of table t in the plain pointer form: struct bkerr_entry
 * for legacy, struct bkerr_variant for variants; then, for legacy, the
 * parallel struct bkerr_about table. */
static void pointer_table(FILE *out, const struct catalog *c, enum table t)
{
    fputs(t == T_VARIANT ? "static const struct bkerr_variant variants[] = {\n"
                         : "static const struct bkerr_entry legacy[] = {\n",
          out);
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        if (table_of(e) != t)
            continue;
        fprintf(out, "    {%s%lld,", t == T_VARIANT ? "{" : "",
                (long long)e->code);
        pointer_fields(out, e, entry_fields, "\n     ");
        if (t == T_VARIANT) {
            fprintf(out, "},\n     {%u, 0,", (unsigned)e->status);
            pointer_fields(out, e, about_fields, "\n      ");
            fputs("}", out);
        }
        fputs("},\n", out);
    }
    fputs("};\n\n", out);
    if (t != T_LEGACY)
        return;
    fputs("static const struct bkerr_about legacy_about[] = {\n", out);
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        if (table_of(e) != T_LEGACY)
            continue;
        fprintf(out, "    {%u, %u,", (unsigned)e->status, variants_after(c, i));
        pointer_fields(out, e, about_fields, "\n     ");
        fprintf(out, "}, /* %lld */\n", (long long)e->code);
    }
    fputs("};\n\n", out);
}

/* 1 + the index of the range holding code, or 0 (ranges are sorted). */
static uint32_t range_of(const struct catalog *c, int64_t code)
{
    if (!c->n_ranges) /* and c->ranges may be NULL */
        return 0;
    size_t i = bk_lower_bound(&c->ranges->last, c->n_ranges, sizeof *c->ranges,
                              code);
    return i < c->n_ranges && c->ranges[i].first <= code ? (uint32_t)i + 1 : 0;
}

/* Writes the pool offsets of fields of e, advancing *offset as the pool
 * (pool_texts()) will. */
static void offsets(FILE *out, const struct centry *e, const enum field *fields,
                    uint64_t *offset)
{
    for (size_t f = 0; f < N_FIELDS; f++) {
        const char *t = e->f[fields[f]].s;
        fprintf(out, "%llu, ", has_text(t) ? (unsigned long long)*offset : 0ULL);
        if (has_text(t))
            *offset += strlen(t) + 1;
    }
}

/* The pool: every compiled entry's texts, then every compiled entry's
 * provenance, in the order offsets() counted them. */
static void pool_texts(FILE *out, const struct catalog *c,
                       const enum field *fields)
{
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        for (size_t f = 0; f < N_FIELDS && table_of(e) == T_PACKED; f++) {
            const char *t = e->f[fields[f]].s;
            if (!has_text(t))
                continue;
            fputs("\n    ", out);
            literal(out, t);
            fputs(" \"\\0\"", out);
        }
    }
}

/* The compiled tables (plugin.h, ABI 1.1 and 1.2): one pool of every text,
 * the entries and their provenance as offsets into it, and the presence
 * bitmap.  Nothing in them needs relocating when the plugin loads. */
static size_t count(const struct catalog *c, enum table t);

static bool packed_tables(FILE *out, const struct catalog *c)
{
    uint64_t offset = 1; /* pool[0] is the "" that offset 0 stands for */
    uint64_t present[BKERR_PRESENT_WORDS] = {0};
    size_t n = count(c, T_PACKED);
    /* a catalog of legacy codes only has no tables here ({} is not C11) */
    if (n)
        fputs("/* Pool offsets of symbol, message_zh, message_en, advice_zh, "
              "advice_en, and\n * 1 + the range index, per code in order. */\n"
              "static const struct bkerr_packed_entry packed_entries[] = {\n",
              out);
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        if (table_of(e) != T_PACKED)
            continue;
        uint32_t suffix = (uint32_t)(e->code % BKERR_SUFFIXES);
        present[suffix / 64] |= UINT64_C(1) << (suffix % 64);
        fputs("    {", out);
        offsets(out, e, entry_fields, &offset);
        fprintf(out, "%lu}, /* %lld */\n",
                (unsigned long)range_of(c, e->code), (long long)e->code);
    }
    if (n)
        fputs("};\n\n/* Status, variants, then pool offsets of defined, "
              "raised, docs, note_zh,\n * note_en. */\n"
              "static const struct bkerr_packed_about packed_about[] = {\n",
              out);
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        if (table_of(e) != T_PACKED)
            continue;
        fprintf(out, "    {%u, %u, ", (unsigned)e->status, variants_after(c, i));
        offsets(out, e, about_fields, &offset);
        fprintf(out, "}, /* %lld */\n", (long long)e->code);
    }
    if (n)
        fputs("};\n\n", out);
    if (offset + 1 > UINT32_MAX) {
        fprintf(stderr, "%s: the catalog's text is more than 4 GiB; split "
                "it\n", c->path);
        return false;
    }
    /* GCC warns about literals over 4095 bytes under -Wpedantic, as C99
     * only promises that much; GCC and Clang take any length. */
    fputs("#if defined(__GNUC__)\n"
          "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n"
          "#endif\n"
          "static const char pool[] =\n    \"\\0\"", out);
    pool_texts(out, c, entry_fields);
    pool_texts(out, c, about_fields);
    fputs(";\n\nstatic const uint64_t present[BKERR_PRESENT_WORDS] = {\n",
          out);
    for (size_t w = 0; w < BKERR_PRESENT_WORDS; w++)
        if (present[w] || (w == 0 && n == 0)) /* {} is not C11 */
            fprintf(out, "    [%zu] = UINT64_C(0x%016llx),\n", w,
                    (unsigned long long)present[w]);
    fprintf(out, "};\n\nstatic const struct bkerr_packed packed = {\n"
                 "    present, %s, %zu, pool, sizeof pool};\n\n",
            n ? "packed_entries" : "NULL", n);
    return true;
}

static size_t count(const struct catalog *c, enum table t)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_entries; i++)
        n += table_of(&c->entries[i]) == t;
    return n;
}

/* The ELF note naming the prefixes this catalog's guest codes use (its
 * legacy codes that are standard codes under another prefix), so that a
 * lazily opened registry loads it only for those (core/guests.c). */
static void guest_note(FILE *out, const struct catalog *c)
{
    uint32_t w[BK_NOTE_GUEST_WORDS] = {0};
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        int p = bkerr_prefix(e->code);
        if (table_of(e) == T_LEGACY &&
            bk_classify(e->code) == BKERR_CLASS_STANDARD &&
            p != c->prefix_value)
            w[p / 32] |= UINT32_C(1) << (p % 32);
    }
    fprintf(out, "/* core/common/note.h: the prefixes of its guest codes */\n"
            "__asm__(\".pushsection .note.bkerr, \\\"a\\\", %%note\\n\"\n"
            "        \".balign 4\\n\"\n"
            "        \".long %zu, %zu, %d\\n\"\n"
            "        \".asciz \\\"%s\\\"\\n\"\n"
            "        \".balign 4\\n\"\n"
            "        \".long %#x, %#x, %#x, %#x\\n\"\n"
            "        \".popsection\\n\");\n\n",
            sizeof BK_NOTE_NAME, sizeof w, BK_NOTE_GUEST_PREFIXES, BK_NOTE_NAME,
            w[0], w[1], w[2], w[3]);
}

bool catc_emit(const struct catalog *c, const char *source_name, FILE *out)
{
    fputs("/* Generated by bkerr-catc from ", out);
    for (const char *p = source_name; *p; p++) /* keep the comment closed */
        fputc(*p == '*' ? '_' : *p, out);
    fputs(".  Do not edit. */\n#include <bkerr/plugin.h>\n\n", out);
    guest_note(out, c);
    size_t n_legacy = count(c, T_LEGACY), n_variants = count(c, T_VARIANT);
    if (!packed_tables(out, c))
        return false;
    if (n_legacy)
        pointer_table(out, c, T_LEGACY);
    if (n_variants)
        pointer_table(out, c, T_VARIANT);
    if (c->n_ranges) {
        fputs("static const struct bkerr_range ranges[] = {\n", out);
        for (size_t i = 0; i < c->n_ranges; i++) {
            const struct crange *r = &c->ranges[i];
            fprintf(out, "    {%lld, %lld, ", (long long)r->first,
                    (long long)r->last);
            literal(out, r->f[F_MODULE].s);
            fputs(",\n     ", out);
            literal(out, r->f[F_ADVICE_ZH].s);
            fputs(",\n     ", out);
            literal(out, r->f[F_ADVICE_EN].s);
            fputs("},\n", out);
        }
        fputs("};\n\n", out);
    }
    fputs("BKERR_CATALOG_DEFINE(\n    .id = ", out);
    literal(out, c->id.s);
    fprintf(out, ",\n    .prefix = %d,\n    .name_zh = ", c->prefix_value);
    literal(out, c->name_zh.s);
    fputs(",\n    .name_en = ", out);
    literal(out, c->name_en.s);
    fputs(",\n    .version = ", out);
    literal(out, c->version.s);
    fputs(",\n    .origin = ", out);
    literal(out, c->origin.s);
    fputs(",\n    .upstream = ", out);
    literal(out, c->upstream.s);
    fputs(",\n    .upstream_version = ", out);
    literal(out, c->upstream_version.s);
    fputs(",\n    .packed = &packed", out);
    if (count(c, T_PACKED))
        fputs(",\n    .packed_about = packed_about", out);
    if (c->n_ranges)
        fputs(",\n    BKERR_RANGES(ranges)", out);
    if (n_legacy)
        fputs(",\n    BKERR_LEGACY(legacy),\n    .legacy_about = legacy_about",
              out);
    if (n_variants)
        fputs(",\n    BKERR_VARIANTS(variants)", out);
    fputs(");\n", out);
    return !ferror(out);
}
