/* struct catalog -> its constants, as a C header (--header) or a Python
 * module (--python), as com_err's compile_et writes the .h beside the
 * table.  The names are tools/constants' (the same as `bkerr export
 * --format c-defines` gives for the loaded catalog). */
#include <string.h>

#include <bkerr/plugin.h>

#include "catalog.h"
#include "constants.h"

#define STATUS_NAME_ROW(name, value, text) [value] = text,
static const char *const status_names[] = {
    BKERR_CODE_STATUS_MAP(STATUS_NAME_ROW)};

static const char *text_of(const struct text *t)
{
    return t->s && *t->s ? t->s : NULL;
}

/* want's text, else the other language's, as a lookup falls back. */
static const char *in_lang(const struct text *zh, const struct text *en,
                           bool english)
{
    const char *want = text_of(english ? en : zh);
    return want ? want : text_of(english ? zh : en);
}

/* The entries in the registry's order: the prefix's codes, then the
 * legacy ones; each code's variants after it. */
static bool add_entries(struct constants *k, const struct catalog *c,
                        bool english)
{
    for (int legacy = 0; legacy < 2; legacy++)
        for (size_t i = 0; i < c->n_entries; i++) {
            const struct centry *e = &c->entries[i];
            if (e->legacy != (bool)legacy)
                continue;
            const struct constants_entry ce = {
                e->code, text_of(&e->f[F_SYMBOL]),
                in_lang(&e->f[F_MESSAGE_ZH], &e->f[F_MESSAGE_EN], english),
                e->status ? status_names[e->status] : NULL,
                text_of(&e->f[F_DEFINED])};
            if (!constants_add(k, 0, &ce))
                return false;
        }
    return true;
}

bool catc_defines(const struct catalog *c, const char *source_name,
                  bool python, bool english, FILE *out)
{
    const struct constants_catalog cat = {
        c->id.s, in_lang(&c->name_zh, &c->name_en, english), text_of(&c->version),
        c->prefix_value};
    struct constants k = {&cat, 1, NULL, 0, 0};
    const struct constants_doc doc = {
        c->id.s, source_name,
        python ? "bkerr-catc --python" : "bkerr-catc --header", c->id.s,
        python};
    bool ok = add_entries(&k, c, english) && constants_write(&k, &doc, out);
    constants_free(&k);
    return ok;
}
