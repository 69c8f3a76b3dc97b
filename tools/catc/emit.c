/* struct catalog -> the C source of its plugin: compiled, read-only tables
 * (plugin.h, ABI 1.1) and one BKERR_CATALOG_DEFINE().  The output depends on nothing but the
 * catalog, so it is byte-for-byte reproducible. */
#include <string.h>

#include <bkerr/plugin.h>

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

/* The canonical field order of an entry. */
static const enum field entry_fields[] = {F_SYMBOL, F_MESSAGE_ZH, F_MESSAGE_EN,
                                          F_ADVICE_ZH, F_ADVICE_EN};

static bool has_text(const char *s)
{
    return s && *s;
}

/* The legacy table: few entries, kept in the plain ABI 1.0 form. */
static void legacy_table(FILE *out, const struct catalog *c)
{
    fputs("static const struct bkerr_entry legacy[] = {\n", out);
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        if (!e->legacy)
            continue;
        fprintf(out, "    {%lld, ", (long long)e->code);
        for (size_t f = 0; f < 5; f++) {
            const char *t = e->f[entry_fields[f]].s;
            literal(out, has_text(t) ? t : NULL);
            fputs(f < 4 ? ",\n     " : "},\n", out);
        }
    }
    fputs("};\n\n", out);
}

/* 1 + the index of the range holding code, or 0 (ranges are sorted). */
static uint32_t range_of(const struct catalog *c, int64_t code)
{
    size_t lo = 0, hi = c->n_ranges;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->ranges[mid].last < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->n_ranges && c->ranges[lo].first <= code ? (uint32_t)lo + 1
                                                           : 0;
}

/* The compiled tables (plugin.h, ABI 1.1): one pool of every text, the
 * entries as offsets into it, and the presence bitmap.  Nothing in them
 * needs relocating when the plugin loads. */
static bool packed_tables(FILE *out, const struct catalog *c)
{
    fputs("/* Pool offsets of symbol, message_zh, message_en, advice_zh, "
          "advice_en, and\n * 1 + the range index, per code in order. */\n"
          "static const struct bkerr_packed_entry packed_entries[] = {\n",
          out);
    uint64_t offset = 1; /* pool[0] is the "" that offset 0 stands for */
    uint64_t present[BKERR_PRESENT_WORDS] = {0};
    size_t n = 0;
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        if (e->legacy)
            continue;
        uint32_t suffix = (uint32_t)(e->code % BKERR_SUFFIXES);
        present[suffix / 64] |= UINT64_C(1) << (suffix % 64);
        fputs("    {", out);
        for (size_t f = 0; f < 5; f++) {
            const char *t = e->f[entry_fields[f]].s;
            fprintf(out, "%llu, ",
                    has_text(t) ? (unsigned long long)offset : 0ULL);
            if (has_text(t))
                offset += strlen(t) + 1;
        }
        fprintf(out, "%lu}, /* %lld */\n",
                (unsigned long)range_of(c, e->code), (long long)e->code);
        n++;
    }
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
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        for (size_t f = 0; f < 5 && !e->legacy; f++) {
            const char *t = e->f[entry_fields[f]].s;
            if (!has_text(t))
                continue;
            fputs("\n    ", out);
            literal(out, t);
            fputs(" \"\\0\"", out);
        }
    }
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

static size_t count(const struct catalog *c, bool legacy)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_entries; i++)
        n += c->entries[i].legacy == legacy;
    return n;
}

bool catc_emit(const struct catalog *c, const char *source_name, FILE *out)
{
    fputs("/* Generated by bkerr-catc from ", out);
    for (const char *p = source_name; *p; p++) /* keep the comment closed */
        fputc(*p == '*' ? '_' : *p, out);
    fputs(".  Do not edit. */\n#include <bkerr/plugin.h>\n\n", out);
    size_t n_legacy = count(c, true);
    if (!packed_tables(out, c))
        return false;
    if (n_legacy)
        legacy_table(out, c);
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
    fputs(",\n    .packed = &packed", out);
    if (c->n_ranges)
        fputs(",\n    BKERR_RANGES(ranges)", out);
    if (n_legacy)
        fputs(",\n    BKERR_LEGACY(legacy)", out);
    fputs(");\n", out);
    return !ferror(out);
}
