/* The constants of catalogs, as a C header or a Python module: the one
 * naming algorithm behind `bkerr-catc --header/--python` (from a catalog
 * source) and `bkerr export --format c-defines/python-defines` (from a
 * registry).  Each entry gets BKERR_<ID>_<SYMBOL>, one per usable symbol,
 * else BKERR_<ID>_<CODE>; a name two codes share, or one the installed
 * headers define (reserved_names.py lists them at build time), gets
 * _<CODE> appended, then _2, _3... while still taken.  bkerr(1), CONSTANT
 * NAMES, is the user's description. */
#ifndef BKERR_TOOLS_CONSTANTS_H
#define BKERR_TOOLS_CONSTANTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A catalog whose entries become constants: its header comment. */
struct constants_catalog {
    const char *id;
    const char *name, *version; /* NULL when it has none */
    int prefix;                 /* 0: none of its own */
};

/* One entry.  Every string must outlive the struct constants it is added
 * to; NULL (and "") means none. */
struct constants_entry {
    int64_t code;
    const char *symbol;  /* one symbol or several joined by '/' */
    const char *message; /* the comment */
    const char *status;  /* its name: "active" ...; NULL when unstated */
    const char *defined; /* the definition site */
};

/* The words around the constants. */
struct constants_doc {
    const char *what;      /* "bk_iam", "every loaded catalog" */
    const char *source;    /* the text after "from ": "bkerr 1.4.0" */
    const char *generator; /* "bkerr-catc --header" */
    const char *guard;     /* the id of the include guard; NULL: none */
    bool python;           /* a Python module, else a C header */
};

struct constant;

/* The constants being collected: set cats and n_cats, the rest zero. */
struct constants {
    const struct constants_catalog *cats;
    size_t n_cats;
    struct constant *d;
    size_t n, cap;
};

/* Adds the constants of one entry of catalog cats[cat], in output order.
 * False when out of memory. */
bool constants_add(struct constants *k, size_t cat,
                   const struct constants_entry *e);

/* Makes every name unique and writes the file to f.  False when out of
 * memory (nothing written then); f's errors are f's to report. */
bool constants_write(struct constants *k, const struct constants_doc *doc,
                     FILE *f);

void constants_free(struct constants *k);

/* True if name is one the installed headers define (reserved_names.c). */
bool constants_reserved(const char *name);

#endif
