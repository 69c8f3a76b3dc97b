/* The bkerr command: shared state of one run, and the helpers every
 * subcommand prints with.  One file per subcommand (lookup.c, ...). */
#ifndef BKERR_CLI_H
#define BKERR_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <bkerr/bkerr.h>

#include "options.h"
#include "term.h"

/* Exit status, the same for every subcommand (bkerr(1) lists them). */
enum {
    EXIT_OK = 0,         /* done; every code resolved */
    EXIT_UNRESOLVED = 1, /* a valid code had no entry / check: warnings */
    EXIT_USAGE = 2,      /* bad usage or invalid code / check: errors */
    EXIT_OPEN = 3,       /* the registry could not be opened; out of memory;
                            a write to stdout failed (main.c) */
};

struct cli {
    /* options, where cli_parse() puts them (options.h) */
    const char *config;    /* --config, or NULL for the default */
    const char *lang_text; /* --lang as given */
    const char *product;   /* --product */
    bool json;             /* --json */
    const char *color_text; /* --color as given, or NULL (auto) */
    bool no_pager;         /* --no-pager */
    bool help, version;    /* --help, --version */
    const char *format;    /* export --format */
    const char *timeout;   /* check --timeout */
    bool inline_;          /* annotate --inline */
    const char *fail_on;   /* annotate --fail-on */
    /* settled from them by main() */
    enum bkerr_lang lang;  /* --lang, else $BKERR_LANG, else the locale's;
                              else cli_open() sets bkerr.ini's, else zh_CN */
    bool lang_given;       /* lang was settled before cli_open() */
    bool color;            /* write escape codes (term_color()) */
    int width;             /* columns tables fit in; 0: no limit (term.h) */
    bkerr_registry *reg;   /* opened by cli_open() */
    bool lazy;             /* cli_open() loads each catalog at its first use:
                              for lookups, which need few of them */
};

/* Every command, NULL-terminated; the first is bkerr without one, which
 * looks codes up (main.c). */
extern const struct cli_command *const cli_commands[];
/* The subcommands' descriptors, each in its own file. */
extern const struct cli_command cli_bare, cli_lookup, cli_search, cli_list,
    cli_platforms, cli_status, cli_export, cli_check, cli_annotate;

/* Opens the registry for c (warning on stderr about every rejected
 * catalog); unless main() settled c->lang, sets it to bkerr.ini's lang,
 * else zh_CN.  Returns EXIT_OK or EXIT_OPEN. */
int cli_open(struct cli *c);

/* Prints "bkerr: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Whether arg is an option rather than an operand: it starts with '-'
 * and is neither "-" nor a code ("-1"). */
bool cli_is_option(const char *arg);

/* ---- terminal text ---- */
enum cli_style { STYLE_NONE, STYLE_BOLD, STYLE_DIM, STYLE_RED, STYLE_GREEN,
                 STYLE_YELLOW, STYLE_CYAN };
/* The escape sequence that starts style (or ends any, for STYLE_NONE); ""
 * when colour is off. */
const char *cli_style(const struct cli *c, enum cli_style style);
/* (cli_width, cli_pad, cli_cell: term.h) */
/* term_cell() in style: s cut to width columns, then blanks up to pad;
 * returns the columns of s as written. */
int cli_styled_cell(const struct cli *c, enum cli_style style, const char *s,
                    int width, int pad);

/* ---- tables ---- */
enum { CLI_TABLE_MAX = 8 }; /* columns */
/* One row, as a table's row function fills it (zeroed before). */
struct cli_row {
    const char *cells[CLI_TABLE_MAX]; /* NULL: empty */
    enum cli_style style[CLI_TABLE_MAX]; /* each cell's, STYLE_NONE plain */
    enum cli_style line;  /* the whole line's, STYLE_NONE plain */
    const char *before;   /* a line (dim) before the row, not a cell */
    const char *after;    /* a line after it (controls as blanks) */
    char num[24];         /* room for a number cell's text */
};
/* Fills *row with row r of a table (r = 0, 1, ... in order); false past
 * the last. */
typedef bool cli_row_fn(const struct cli *c, void *ctx, size_t r,
                        struct cli_row *row);
/* Prints a table of n columns: its heads (dim), then its rows, the
 * columns aligned and fitted to c->width; no line ends in blanks. */
void cli_table(const struct cli *c, int n, const char *const *heads,
               cli_row_fn *row, void *ctx);

/* ---- JSON ---- */
/* A small streaming writer: it places the commas.  Nesting up to 16. */
struct json {
    FILE *f;
    int depth;
    bool first[16];
};
void json_begin(struct json *j, FILE *f);
void json_object(struct json *j);        /* { */
void json_array(struct json *j);         /* [ */
void json_end_object(struct json *j);    /* } */
void json_end_array(struct json *j);     /* ] */
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s); /* NULL -> null */
void json_int(struct json *j, int64_t v);
void json_bool(struct json *j, bool v);
void json_raw(struct json *j, const char *value); /* JSON text as it is */
void json_finish(struct json *j);        /* newline after the value */
/* One lookup result as a JSON object (the shape docs/json.md documents). */
void json_result(struct json *j, const struct bkerr_result *r);
/* Its members alone, inside json_object(). */
void json_result_fields(struct json *j, const struct bkerr_result *r);
/* r's provenance members: code_status, upstream, upstream_version,
 * defined, raised (an array of sites) and docs. */
void json_provenance(struct json *j, const struct bkerr_result *r);

/* The text in c->lang, else the other language's; NULL if neither. */
const char *cli_pick(const struct cli *c, const char *zh, const char *en);

/* The prefixes the spec allocates, its categories' first to last (10-99). */
void cli_prefix_span(int *first, int *last);

/* The status of the [catalog.<id>] section of bkerr.ini; false if id is
 * NULL or has none. */
bool cli_catalog_of(const struct cli *c, const char *id,
                    struct bkerr_catalog_status *st);

/* ---- shared by list, search and export (list.c) ---- */
/* The loaded catalogs, by prefix, or only product's if product is not
 * NULL: sets *idx (malloc'ed; free it) and *n.  Returns EXIT_OK, or says
 * why on stderr and returns EXIT_USAGE (no platform or catalog has that
 * id), EXIT_UNRESOLVED (its catalog is not loaded) or EXIT_OPEN. */
int cli_catalogs(const struct cli *c, const char *product, size_t **idx,
                 size_t *n);
/* For a subcommand taking one optional PRODUCT operand (or --product):
 * checks the operands, opens the registry and calls cli_catalogs(); sets
 * *product.  Returns as cli_catalogs(), or cli_open()'s failure. */
int cli_open_catalogs(struct cli *c, const char *sub, int argc, char **argv,
                      const char **product, size_t **idx, size_t *n);
/* One definition of a catalog entry, looked up in both languages. */
struct cli_entry {
    struct bkerr_result zh, en; /* bkerr_catalog_entry() in zh_CN and en */
    bool legacy;                /* one of the catalog's legacy codes */
    size_t index;               /* the entry's index in its catalog */
    unsigned variant;           /* which definition of its code: 0 primary */
};
/* Fills *e with the index-th entry of the cat-th catalog (its primary
 * definition); false past the end or if the catalog is not loaded. */
/* The variant-th definition of the index-th entry's code (search, annotate:
 * what bkerr_match() names). */
bool cli_entry_at(const struct cli *c, size_t cat, size_t index,
                  unsigned variant, struct cli_entry *e);
bool cli_entry(const struct cli *c, size_t cat, size_t index,
               struct cli_entry *e);
/* Moves *e to the next definition of the catalog, in order: the other
 * variants of its code, then the next entry; false past the end. */
bool cli_entry_next(const struct cli *c, size_t cat, struct cli_entry *e);
/* The entry as a lookup in lang gives it (with language fallback). */
const struct bkerr_result *cli_entry_in(const struct cli_entry *e,
                                        enum bkerr_lang lang);
/* The entry's own message / advice in lang, or NULL (no fallback). */
const char *cli_entry_message(const struct cli_entry *e, enum bkerr_lang lang);
const char *cli_entry_advice(const struct cli_entry *e, enum bkerr_lang lang);
const char *cli_entry_note(const struct cli_entry *e, enum bkerr_lang lang);

/* ---- the JSON objects of docs/json.md, each written here only (out.c) */
/* The members of an entry object, inside json_object(). */
void json_entry_fields(struct json *j, const struct cli_entry *e);
/* The members of an allocation row (platforms, export), inside
 * json_object(). */
void json_platform_fields(struct json *j, int prefix,
                          const struct bkerr_platform *p, bool assigned);
/* A catalog object, in one of its two shapes. */
enum json_catalog_shape {
    /* what became of its [catalog.<id>] section, with counts (status,
     * platforms); needs only st */
    JSON_CATALOG_STATUS,
    /* what it holds: its descriptor, "ranges" and "entries" (list,
     * export); no paths, so that an export is reproducible; reads the
     * cat-th catalog of c->reg, whose status st is */
    JSON_CATALOG_CONTENTS,
};
void json_catalog(struct json *j, const struct cli *c, size_t cat,
                  const struct bkerr_catalog_status *st,
                  enum json_catalog_shape shape);
/* The STATUS shape with state for its "state": check's fates of a
 * catalog whose loading crashed, hung or exited. */
void json_catalog_as(struct json *j, const struct bkerr_catalog_status *st,
                     const char *state);

#endif
