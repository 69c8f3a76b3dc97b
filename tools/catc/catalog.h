/* The catalog compiler's model of one catalog source, and its stages:
 * source.c (text -> model), placeholders.c (canonical form), check.c
 * (rules), emit.c (model -> C), defines.c (model -> constants). */
#ifndef BKERR_CATC_CATALOG_H
#define BKERR_CATC_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <bkerr/plugin.h>

/* An entry's keys; F_MODULE is a range's.  The keys from F_STATUS on are
 * the provenance of ABI 1.2. */
enum field { F_SYMBOL, F_MESSAGE_ZH, F_MESSAGE_EN, F_ADVICE_ZH, F_ADVICE_EN,
             F_MODULE, F_STATUS, F_DEFINED, F_RAISED, F_DOCS, F_NOTE_ZH,
             F_NOTE_EN, F_COUNT };

struct text {
    char *s;  /* NULL when not given */
    int line; /* where its key is */
};

struct centry {
    int64_t code;
    bool legacy;
    int variant; /* 1: the primary [CODE]; N: [CODE/N] */
    enum bkerr_code_status status; /* F_STATUS parsed; 0 if not given */
    int line; /* of the section header */
    struct text f[F_COUNT];
};

struct crange {
    int64_t first, last;
    int line;
    struct text f[F_COUNT]; /* module, advice_zh, advice_en */
};

struct catalog {
    const char *path; /* the source file, for messages */
    int header_line;
    struct text id, prefix, name_zh, name_en, version, origin, upstream,
        upstream_version;
    int prefix_value;
    struct centry *entries;
    size_t n_entries;
    struct crange *ranges;
    size_t n_ranges;
    unsigned errors;
};

/* Out of memory, bkerr-catc stops (memory.c): these never return NULL. */
void *catc_xrealloc(void *p, size_t size);
void *catc_xcalloc(size_t n, size_t size);
char *catc_xstrdup(const char *s);

/* Reports "path:line: message" on stderr and counts it. */
void catc_error(struct catalog *c, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reads a catalog source; returns false if it could not be read at all.
 * Every problem found is reported with catc_error(). */
bool catc_read(const char *path, struct catalog *c);
void catc_free(struct catalog *c);

/* Rewrites s (heap) into canonical placeholders: %s/%v/%d and {} become
 * {0}, {1}, ...; {0,number,#} becomes {0}; %% becomes %.  Returns the new
 * string, or NULL with *why (a static sentence) set when s has a
 * malformed placeholder. */
char *catc_placeholders(const char *s, const char **why);

/* Checks every rule, sorts (by code, then variant), normalises
 * placeholders.  strict also wants every entry's provenance: a status, a
 * definition site, and raise sites (or a note) for an active code.  False
 * on errors. */
bool catc_check(struct catalog *c, bool strict);

/* Prints the coverage table of n checked catalogs.  True if every entry
 * has messages and advice (own or a range's) in both languages, and, with
 * specific, advice of its own. */
bool catc_coverage(struct catalog *cats, size_t n, bool specific, FILE *out);

/* Writes the plugin's C source. */
bool catc_emit(const struct catalog *c, const char *source_name, FILE *out);

/* Writes the catalog's constants (tools/constants): a C header, or with
 * python a Python module; comments in English, else Chinese, each falling
 * back to the other.  False when out of memory. */
bool catc_defines(const struct catalog *c, const char *source_name,
                  bool python, bool english, FILE *out);

#endif
