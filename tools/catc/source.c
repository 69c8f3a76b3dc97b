/* Catalog source text -> struct catalog, with inih.
 *
 *     [catalog]                 id, prefix, name_zh, name_en, version, origin,
 *                               upstream, upstream_version
 *     [1199000]                 an entry: symbol, message_zh, message_en,
 *     [legacy.3001]             a legacy code   advice_zh, advice_en, status,
 *     [1199000/2]               a variant       defined, raised, docs,
 *     [legacy.3001/2]                           note_zh, note_en
 *     [range.1101000-1101999]   module, advice_zh, advice_en
 *
 * An indented line after a key continues its value.  Every raw line goes
 * through bk_ini_scan() first, so nothing inih would cut gets through; the
 * reader joins continuations itself, so inih only splits keys. */
#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <bkerr/bkerr.h>

#include "common/ini_lines.h"
#include "common/text.h"
#include "catalog.h"

#define SOURCE_MAX_BYTES (64 << 20)
#define MAX_ERRORS 50

enum section { S_NONE, S_CATALOG, S_ENTRY, S_RANGE, S_BAD };

struct reader {
    struct catalog *c;
    const char *buf;
    size_t len, pos;
    int lineno;
    enum section sec;
    char section[BK_INI_NAME_MAX + 1]; /* the current section's name */
    struct text *last; /* the value a continuation line extends */
};

static const char *const field_names[F_COUNT] = {
    [F_SYMBOL] = "symbol",
    [F_MESSAGE_ZH] = "message_zh",
    [F_MESSAGE_EN] = "message_en",
    [F_ADVICE_ZH] = "advice_zh",
    [F_ADVICE_EN] = "advice_en",
    [F_MODULE] = "module",
    [F_STATUS] = "status",
    [F_DEFINED] = "defined",
    [F_RAISED] = "raised",
    [F_DOCS] = "docs",
    [F_NOTE_ZH] = "note_zh",
    [F_NOTE_EN] = "note_en",
};

void catc_error(struct catalog *c, int line, const char *fmt, ...)
{
    if (++c->errors > MAX_ERRORS)
        return;
    if (line > 0)
        fprintf(stderr, "%s:%d: ", c->path, line);
    else
        fprintf(stderr, "%s: ", c->path);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (c->errors == MAX_ERRORS)
        fprintf(stderr, "%s: too many errors; stopping here\n", c->path);
}

/* Parses a whole decimal code out of s[0..n). */
static bool code_of(const char *s, size_t n, int64_t *code)
{
    char tmp[32];
    if (n == 0 || n >= sizeof tmp)
        return false;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    char again[32];
    if (bkerr_parse_code(tmp, code, NULL) != 0)
        return false;
    snprintf(again, sizeof again, "%lld", (long long)*code);
    return strcmp(again, tmp) == 0; /* no blanks around it */
}

static void *grow(void *array, size_t n, size_t size)
{
    void *a = catc_xrealloc(array, (n + 1) * size);
    memset((char *)a + n * size, 0, size);
    return a;
}

/* The variant number of an entry section "CODE/N" (N = 2-9), cutting
 * "/N" off *n; 1 for a plain "CODE"; 0 for a bad "/..." suffix. */
static int variant_of(const char *name, size_t *n)
{
    const char *slash = memchr(name, '/', *n);
    if (!slash)
        return 1;
    size_t k = (size_t)(name + *n - slash);
    if (k != 2 || slash[1] < '2' || slash[1] > '9')
        return 0;
    *n -= k;
    return slash[1] - '0';
}

static void add_entry(struct reader *r, int64_t code, bool legacy, int variant)
{
    struct catalog *c = r->c;
    c->entries = grow(c->entries, c->n_entries, sizeof *c->entries);
    c->entries[c->n_entries++] = (struct centry){
        .code = code, .legacy = legacy, .variant = variant,
        .line = r->lineno};
    r->sec = S_ENTRY;
}

static void open_section(struct reader *r, const char *name, size_t n)
{
    struct catalog *c = r->c;
    int64_t a, b;
    const char *dash;
    size_t code_n = n;
    int variant = variant_of(name, &code_n);
    r->last = NULL;
    r->sec = S_BAD;
    memcpy(r->section, name, n); /* n <= BK_INI_NAME_MAX: bk_ini_scan */
    r->section[n] = '\0';
    if (n == 7 && memcmp(name, "catalog", 7) == 0) {
        if (c->header_line)
            catc_error(c, r->lineno, "duplicate [catalog] section (first on "
                       "line %d)", c->header_line);
        else
            c->header_line = r->lineno, r->sec = S_CATALOG;
    } else if (n > 6 && memcmp(name, "range.", 6) == 0 &&
               (dash = memchr(name + 7, '-', n - 7)) &&
               code_of(name + 6, (size_t)(dash - name - 6), &a) &&
               code_of(dash + 1, (size_t)(name + n - dash - 1), &b)) {
        c->ranges = grow(c->ranges, c->n_ranges, sizeof *c->ranges);
        c->ranges[c->n_ranges++] =
            (struct crange){.first = a, .last = b, .line = r->lineno};
        r->sec = S_RANGE;
    } else if (variant && code_n > 7 && memcmp(name, "legacy.", 7) == 0 &&
               code_of(name + 7, code_n - 7, &a)) {
        add_entry(r, a, true, variant);
    } else if (variant && code_of(name, code_n, &a)) {
        add_entry(r, a, false, variant);
    } else {
        catc_error(c, r->lineno, "unknown section [%.*s]; the sections are "
                   "[catalog], [<code>], [legacy.<code>], a variant "
                   "[<code>/2] ... [<code>/9], and [range.<first>-<last>]",
                   (int)n, name);
    }
}

/* Joins a continuation onto a value: a blank between two ASCII words,
 * nothing where either side is CJK or other non-ASCII text. */
static void append(struct text *t, const char *s, size_t n)
{
    size_t old = strlen(t->s);
    bool space = old && (unsigned char)t->s[old - 1] < 0x80 &&
                 (unsigned char)s[0] < 0x80;
    char *joined = catc_xrealloc(t->s, old + space + n + 1);
    if (space)
        joined[old++] = ' ';
    memcpy(joined + old, s, n);
    joined[old + n] = '\0';
    t->s = joined;
}

static void continue_value(struct reader *r, const char *s, size_t n)
{
    while (n && bk_is_blank(s[n - 1]))
        n--;
    if (r->last && r->last->s)
        append(r->last, s, n);
    else
        catc_error(r->c, r->lineno, "an indented line continues a value, but "
                   "the key before it was rejected");
}

/* inih's reader: checks a raw line and hands it over, or a blank line in
 * place of one that was rejected or consumed as a continuation. */
static char *next_line(char *str, int num, void *stream)
{
    struct reader *r = stream;
    size_t n;
    const char *s = bk_ini_next_line(r->buf, r->len, &r->pos, &r->lineno, &n);
    if (!s)
        return NULL;
    const struct bk_ini_rules rules = {
        .max_line = num > 3 ? (size_t)num - 3 : 0, .continuations = true};
    struct bk_ini_line line;
    struct bk_error err;
    err.code = 0; /* the text is written only with the code */
    bool after_key = r->last != NULL;
    strcpy(str, "\n");
    if (!bk_ini_scan(s, n, &rules, after_key, &line, &err)) {
        catc_error(r->c, r->lineno, "%s", err.text);
        r->last = NULL;
    } else if (line.kind == BK_INI_CONTINUATION) {
        continue_value(r, line.value, line.value_len);
    } else if (line.kind == BK_INI_SECTION) {
        open_section(r, line.name, line.name_len);
    } else if (line.kind == BK_INI_KEY) {
        bk_ini_hand_over(str, s, n);
    }
    return str;
}

static struct text *catalog_field(struct catalog *c, const char *name)
{
    static const struct {
        const char *name;
        size_t offset;
    } keys[] = {
        {"id", offsetof(struct catalog, id)},
        {"prefix", offsetof(struct catalog, prefix)},
        {"name_zh", offsetof(struct catalog, name_zh)},
        {"name_en", offsetof(struct catalog, name_en)},
        {"version", offsetof(struct catalog, version)},
        {"origin", offsetof(struct catalog, origin)},
        {"upstream", offsetof(struct catalog, upstream)},
        {"upstream_version", offsetof(struct catalog, upstream_version)},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(keys[i].name, name) == 0)
            return (struct text *)((char *)c + keys[i].offset);
    return NULL;
}

/* The field a key names in the current section, or NULL. */
static struct text *field_of(struct reader *r, const char *name)
{
    struct catalog *c = r->c;
    if (r->sec == S_CATALOG)
        return catalog_field(c, name);
    struct text *fields = r->sec == S_ENTRY
        ? c->entries[c->n_entries - 1].f
        : c->ranges[c->n_ranges - 1].f;
    for (int f = 0; f < F_COUNT; f++) {
        bool in_range = f == F_MODULE || f == F_ADVICE_ZH || f == F_ADVICE_EN;
        bool allowed = r->sec == S_RANGE ? in_range : f != F_MODULE;
        if (allowed && strcmp(field_names[f], name) == 0)
            return &fields[f];
    }
    return NULL;
}

static int on_key(void *user, const char *inih_section, const char *name,
                  const char *value)
{
    struct reader *r = user;
    const char *section = r->section; /* inih sees no section lines */
    (void)inih_section;
    r->last = NULL;
    if (r->sec == S_BAD)
        return 1; /* the section was reported already */
    if (r->sec == S_NONE) {
        catc_error(r->c, r->lineno, "a key before any section");
        return 1;
    }
    struct text *t = field_of(r, name);
    if (!t) {
        catc_error(r->c, r->lineno, "unknown key '%s' in [%s]", name, section);
        return 1;
    }
    if (t->s) {
        catc_error(r->c, r->lineno, "duplicate key '%s' in [%s] (first on "
                   "line %d)", name, section, t->line);
        return 1;
    }
    if (!*value) {
        catc_error(r->c, r->lineno, "%s has an empty value; write the text "
                   "or remove the line", name);
        return 1;
    }
    t->s = catc_xstrdup(value);
    t->line = r->lineno;
    r->last = t;
    return 1;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t size = 0, cap = 0, got;
    do {
        if (cap - size < 65536) {
            cap = cap ? cap * 2 : 65536;
            if (cap > SOURCE_MAX_BYTES) {
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            buf = catc_xrealloc(buf, cap + 1);
        }
        got = fread(buf + size, 1, cap - size, f);
        size += got;
    } while (got > 0);
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        return NULL;
    }
    buf[size] = '\0';
    *len = size;
    return buf;
}

bool catc_read(const char *path, struct catalog *c)
{
    memset(c, 0, sizeof *c);
    c->path = path;
    size_t len = 0;
    char *buf = slurp(path, &len);
    if (!buf) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        return false;
    }
    struct reader r = {.c = c, .buf = buf, .len = len};
    ini_parse_stream(next_line, &r, on_key, &r);
    free(buf);
    return true;
}

void catc_free(struct catalog *c)
{
    struct text *header[] = {&c->id, &c->prefix, &c->name_zh, &c->name_en,
                             &c->version, &c->origin, &c->upstream,
                             &c->upstream_version};
    for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
        free(header[i]->s);
    for (size_t i = 0; i < c->n_entries; i++)
        for (int f = 0; f < F_COUNT; f++)
            free(c->entries[i].f[f].s);
    for (size_t i = 0; i < c->n_ranges; i++)
        for (int f = 0; f < F_COUNT; f++)
            free(c->ranges[i].f[f].s);
    free(c->entries);
    free(c->ranges);
}
