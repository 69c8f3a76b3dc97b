/* Output helpers: colour, JSON, errors. */
#include <stdarg.h>
#include <string.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bkerr: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

bool cli_is_option(const char *arg)
{
    int64_t code; /* "-1" is a code */
    return arg[0] == '-' && arg[1] && bkerr_parse_code(arg, &code, NULL) != 0;
}

const char *cli_pick(const struct cli *c, const char *zh, const char *en)
{
    const char *want = c->lang == BKERR_LANG_EN ? en : zh;
    return want ? want : c->lang == BKERR_LANG_EN ? zh : en;
}

void cli_prefix_span(int *first, int *last)
{
    struct bkerr_category_info cat = {.size = sizeof cat};
    *first = 0, *last = -1;
    for (size_t i = 0; bkerr_category(i, &cat) == 0; i++) {
        if (cat.category == BKERR_CAT_SPECIAL)
            continue;
        if (!*first)
            *first = cat.first;
        *last = cat.last;
    }
}

bool cli_catalog_of(const struct cli *c, const char *id,
                    struct bkerr_catalog_status *st)
{
    size_t i;
    return id && bkerr_catalog_find(c->reg, id, &i) == 0 &&
           bkerr_catalog_status(c->reg, i, st) == 0;
}

const char *cli_style(const struct cli *c, enum cli_style style)
{
    static const char *const codes[] = {
        [STYLE_NONE] = "\033[0m", [STYLE_BOLD] = "\033[1m",
        [STYLE_DIM] = "\033[2m",  [STYLE_RED] = "\033[31m",
        [STYLE_GREEN] = "\033[32m", [STYLE_YELLOW] = "\033[33m",
        [STYLE_CYAN] = "\033[36m",
    };
    return c->color ? codes[style] : "";
}

int cli_styled_cell(const struct cli *c, enum cli_style style, const char *s,
                    int width, int pad)
{
    fputs(cli_style(c, style), stdout);
    int used = term_cell(stdout, s, width, 0);
    fputs(cli_style(c, STYLE_NONE), stdout);
    term_cell(stdout, "", 0, pad - used);
    return used;
}

/* ---- tables ---- */

/* Row r's cells, or false past the last. */
static bool table_row(const struct cli *c, cli_row_fn *row, void *ctx,
                      size_t r, struct cli_row *out)
{
    *out = (struct cli_row){0};
    return row(c, ctx, r, out);
}

void cli_table(const struct cli *c, int n, const char *const *heads,
               cli_row_fn *row, void *ctx)
{
    int w[CLI_TABLE_MAX], min[CLI_TABLE_MAX];
    struct cli_row cells;
    for (int k = 0; k < n; k++)
        w[k] = min[k] = cli_width(heads[k]);
    for (size_t r = 0; table_row(c, row, ctx, r, &cells); r++)
        for (int k = 0; k < n; k++) {
            int v = cells.cells[k] ? cli_width(cells.cells[k]) : 0;
            w[k] = v > w[k] ? v : w[k];
        }
    term_fit(c->width, n, w, min);
    fputs(cli_style(c, STYLE_DIM), stdout);
    for (int k = 0; k < n; k++)
        cli_cell(stdout, heads[k], k < n - 1 ? w[k] + 2 : 0);
    printf("%s\n", cli_style(c, STYLE_NONE));
    for (size_t r = 0; table_row(c, row, ctx, r, &cells); r++) {
        if (cells.before)
            printf("%s%s%s\n", cli_style(c, STYLE_DIM), cells.before,
                   cli_style(c, STYLE_NONE));
        int end = n; /* no blanks at the end of a line */
        while (end > 1 && (!cells.cells[end - 1] || !*cells.cells[end - 1]))
            end--;
        if (cells.line)
            fputs(cli_style(c, cells.line), stdout);
        for (int k = 0; k < end; k++) {
            int pad = k < end - 1 ? w[k] + 2 : 0;
            if (cells.style[k])
                cli_styled_cell(c, cells.style[k], cells.cells[k], w[k], pad);
            else
                term_cell(stdout, cells.cells[k], w[k], pad);
        }
        printf("%s\n", cells.line ? cli_style(c, STYLE_NONE) : "");
        if (cells.after) {
            cli_cell(stdout, cells.after, 0);
            putchar('\n');
        }
    }
}

/* ---- JSON ---- */

void json_begin(struct json *j, FILE *f)
{
    *j = (struct json){.f = f};
    j->first[0] = true;
}

/* A comma before every value but the first of its container. */
static void separate(struct json *j)
{
    if (j->depth > 0 && !j->first[j->depth])
        fputc(',', j->f);
    j->first[j->depth] = false;
}

static void open_(struct json *j, char ch)
{
    separate(j);
    fputc(ch, j->f);
    if (j->depth < 15)
        j->depth++;
    j->first[j->depth] = true;
}

void json_object(struct json *j) { open_(j, '{'); }
void json_array(struct json *j) { open_(j, '['); }

static void close_(struct json *j, char ch)
{
    fputc(ch, j->f);
    if (j->depth > 0)
        j->depth--;
}

void json_end_object(struct json *j) { close_(j, '}'); }
void json_end_array(struct json *j) { close_(j, ']'); }

static void quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p == '\t')
            fputs("\\t", f);
        else if (*p < 0x20 || *p == 0x7F)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

void json_key(struct json *j, const char *key)
{
    separate(j);
    quoted(j->f, key);
    fputc(':', j->f);
    j->first[j->depth] = true; /* the value that follows takes no comma */
}

void json_string(struct json *j, const char *s)
{
    separate(j);
    if (s)
        quoted(j->f, s);
    else
        fputs("null", j->f);
}

void json_int(struct json *j, int64_t v)
{
    separate(j);
    fprintf(j->f, "%lld", (long long)v);
}

void json_bool(struct json *j, bool v)
{
    separate(j);
    fputs(v ? "true" : "false", j->f);
}

void json_raw(struct json *j, const char *value)
{
    separate(j);
    fputs(value, j->f);
}

void json_finish(struct json *j)
{
    fputc('\n', j->f);
}

void json_provenance(struct json *j, const struct bkerr_result *r)
{
    json_key(j, "code_status");
    json_string(j, r->code_status ? bkerr_code_status_name(r->code_status)
                                  : NULL);
    json_key(j, "upstream"), json_string(j, r->upstream);
    json_key(j, "upstream_version"), json_string(j, r->upstream_version);
    json_key(j, "defined"), json_string(j, r->defined);
    json_key(j, "raised");
    if (!r->raised) {
        json_string(j, NULL);
    } else {
        json_array(j);
        for (const char *s = r->raised; *s;) {
            size_t n = strcspn(s, " ");
            if (n) {
                char site[BKERR_TEXT_MAX + 1];
                snprintf(site, sizeof site, "%.*s", (int)n, s);
                json_string(j, site);
            }
            s += n + (s[n] == ' ');
        }
        json_end_array(j);
    }
    json_key(j, "docs"), json_string(j, r->docs);
}

void json_result(struct json *j, const struct bkerr_result *r)
{
    json_object(j);
    json_result_fields(j, r);
    json_end_object(j);
}

void json_result_fields(struct json *j, const struct bkerr_result *r)
{
    const struct bkerr_platform *p = &r->platform;
    json_key(j, "code"), json_int(j, r->code);
    json_key(j, "status"), json_string(j, bkerr_status_name(r->status));
    json_key(j, "platform");
    json_object(j);
    json_key(j, "prefix"), json_int(j, p->prefix);
    json_key(j, "id"), json_string(j, p->id);
    json_key(j, "name_zh"), json_string(j, p->name_zh);
    json_key(j, "name_en"), json_string(j, p->name_en);
    json_key(j, "category"),
        json_string(j, bkerr_category_name(p->category, BKERR_LANG_EN));
    json_key(j, "category_zh"),
        json_string(j, bkerr_category_name(p->category, BKERR_LANG_ZH_CN));
    json_key(j, "admin"), json_bool(j, p->admin);
    json_end_object(j);
    json_key(j, "catalog"), json_string(j, r->catalog);
    json_key(j, "catalog_version"), json_string(j, r->catalog_version);
    json_key(j, "symbol"), json_string(j, r->symbol);
    json_key(j, "message"), json_string(j, r->message);
    json_key(j, "message_lang"),
        json_string(j, r->message ? bkerr_lang_name(r->message_lang) : NULL);
    json_key(j, "advice"), json_string(j, r->advice);
    json_key(j, "advice_lang"),
        json_string(j, r->advice ? bkerr_lang_name(r->advice_lang) : NULL);
    json_key(j, "advice_inherited"), json_bool(j, r->advice_inherited);
    json_key(j, "module"), json_string(j, r->module);
    json_key(j, "reason"), json_string(j, r->reason);
    json_key(j, "variant"), json_int(j, r->variant);
    json_key(j, "n_variants"), json_int(j, r->n_variants);
    json_key(j, "guest"), json_bool(j, r->guest);
    json_key(j, "n_guests"), json_int(j, r->n_guests);
    json_provenance(j, r);
    json_key(j, "note"), json_string(j, r->note);
    json_key(j, "note_lang");
    json_string(j, r->note ? bkerr_lang_name(r->note_lang) : NULL);
}

void json_entry_fields(struct json *j, const struct cli_entry *e)
{
    json_key(j, "code"), json_int(j, e->zh.code);
    json_key(j, "symbol"), json_string(j, e->zh.symbol);
    json_key(j, "legacy"), json_bool(j, e->legacy);
    json_key(j, "module"), json_string(j, e->zh.module);
    json_key(j, "message_zh");
    json_string(j, cli_entry_message(e, BKERR_LANG_ZH_CN));
    json_key(j, "message_en");
    json_string(j, cli_entry_message(e, BKERR_LANG_EN));
    json_key(j, "advice_zh");
    json_string(j, cli_entry_advice(e, BKERR_LANG_ZH_CN));
    json_key(j, "advice_en");
    json_string(j, cli_entry_advice(e, BKERR_LANG_EN));
    json_key(j, "advice_inherited");
    json_bool(j, e->zh.advice_inherited || e->en.advice_inherited);
    json_key(j, "variant"), json_int(j, e->variant);
    json_key(j, "n_variants"), json_int(j, e->zh.n_variants);
    json_provenance(j, &e->zh);
    json_key(j, "note_zh"), json_string(j, cli_entry_note(e, BKERR_LANG_ZH_CN));
    json_key(j, "note_en"), json_string(j, cli_entry_note(e, BKERR_LANG_EN));
}

void json_platform_fields(struct json *j, int prefix,
                          const struct bkerr_platform *p, bool assigned)
{
    json_key(j, "prefix"), json_int(j, prefix);
    json_key(j, "category"),
        json_string(j, bkerr_category_name(p->category, BKERR_LANG_EN));
    json_key(j, "category_zh"),
        json_string(j, bkerr_category_name(p->category, BKERR_LANG_ZH_CN));
    json_key(j, "assigned"), json_bool(j, assigned);
    json_key(j, "id"), json_string(j, p->id);
    json_key(j, "name_zh"), json_string(j, p->name_zh);
    json_key(j, "name_en"), json_string(j, p->name_en);
    json_key(j, "admin"), json_bool(j, p->admin);
}

/* The range's advice if it is in lang itself (no fallback). */
static const char *range_advice(const struct cli *c, size_t cat, size_t k,
                                enum bkerr_lang lang)
{
    struct bkerr_range_info r = {.size = sizeof r};
    if (bkerr_catalog_range(c->reg, cat, k, lang, &r) != 0)
        return NULL;
    return r.advice && r.advice_lang == lang ? r.advice : NULL;
}

/* "ranges": the catalog's modules, as bkerr_catalog_range() lists them. */
static void json_ranges(struct json *j, const struct cli *c, size_t cat)
{
    json_key(j, "ranges");
    json_array(j);
    struct bkerr_range_info r = {.size = sizeof r};
    for (size_t k = 0;
         bkerr_catalog_range(c->reg, cat, k, BKERR_LANG_ZH_CN, &r) == 0; k++) {
        json_object(j);
        json_key(j, "first"), json_int(j, r.first);
        json_key(j, "last"), json_int(j, r.last);
        json_key(j, "module"), json_string(j, r.module);
        json_key(j, "advice_zh");
        json_string(j, range_advice(c, cat, k, BKERR_LANG_ZH_CN));
        json_key(j, "advice_en");
        json_string(j, range_advice(c, cat, k, BKERR_LANG_EN));
        json_end_object(j);
    }
    json_end_array(j);
}

/* "entries": every definition of the catalog, each variant after its
 * primary. */
static void json_entries(struct json *j, const struct cli *c, size_t cat)
{
    json_key(j, "entries");
    json_array(j);
    struct cli_entry e;
    for (bool more = cli_entry(c, cat, 0, &e); more;
         more = cli_entry_next(c, cat, &e)) {
        json_object(j);
        json_entry_fields(j, &e);
        json_end_object(j);
    }
    json_end_array(j);
}

/* json_catalog(), its state named state (c and cat only for CONTENTS). */
static void catalog_object(struct json *j, const struct cli *c, size_t cat,
                           const struct bkerr_catalog_status *st,
                           enum json_catalog_shape shape, const char *state)
{
    bool status = shape == JSON_CATALOG_STATUS;
    json_object(j);
    json_key(j, "id"), json_string(j, st->id);
    if (status) {
        json_key(j, "state"), json_string(j, state);
        json_key(j, "required"), json_bool(j, st->required);
        json_key(j, "reason"), json_string(j, st->reason);
        json_key(j, "path"), json_string(j, st->path);
        json_key(j, "line"), json_int(j, st->line);
    }
    json_key(j, "prefix");
    if (status && st->state != BKERR_CATALOG_LOADED)
        json_string(j, NULL);
    else
        json_int(j, st->prefix);
    json_key(j, "name_zh"), json_string(j, st->name_zh);
    json_key(j, "name_en"), json_string(j, st->name_en);
    json_key(j, "version"), json_string(j, st->version);
    json_key(j, "origin"), json_string(j, st->origin);
    if (status) {
        json_key(j, "entries"), json_int(j, (int64_t)st->n_entries);
        json_key(j, "legacy"), json_int(j, (int64_t)st->n_legacy);
        json_key(j, "ranges"), json_int(j, (int64_t)st->n_ranges);
        json_key(j, "variants"), json_int(j, (int64_t)st->n_variants);
    }
    json_key(j, "upstream"), json_string(j, st->upstream);
    json_key(j, "upstream_version"), json_string(j, st->upstream_version);
    if (!status) {
        json_ranges(j, c, cat);
        json_entries(j, c, cat);
    }
    json_end_object(j);
}

void json_catalog(struct json *j, const struct cli *c, size_t cat,
                  const struct bkerr_catalog_status *st,
                  enum json_catalog_shape shape)
{
    catalog_object(j, c, cat, st, shape, bkerr_catalog_state_name(st->state));
}

void json_catalog_as(struct json *j, const struct bkerr_catalog_status *st,
                     const char *state)
{
    catalog_object(j, NULL, 0, st, JSON_CATALOG_STATUS, state);
}
