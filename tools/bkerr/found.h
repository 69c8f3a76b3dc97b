/* What the library finds in a line of text, made ready to show: the
 * entries whose message the line carries (bkerr_match()), with their
 * placeholders filled from the line, and the entries named by an
 * exception class in it (bkerr_lookup_symbol()).  Used by annotate and
 * search. */
#ifndef BKERR_FOUND_H
#define BKERR_FOUND_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

/* Templates kept per line: the best, and those tied with it. */
#define FOUND_MATCHES 8

/* Length of the valid UTF-8 character at s[0..n), or 0 if it is not one. */
size_t found_utf8_char(const unsigned char *s, size_t n);

/* Fills m's template from the values m captured in text: bkerr_fill()'s
 * contract (buf, len; the full length returned). */
int found_fill(const struct bkerr_match *m, const char *text, char *buf,
               size_t len);

/* The entry m names, as a lookup in lang gives it (its variant, if m is
 * one); false if the registry no longer has it. */
bool found_entry(const struct cli *c, const struct bkerr_match *m,
                 struct bkerr_result *out);

/* The best templates of text[0..n) and those tied with them (same literal
 * length and span), at most max; their count. */
size_t found_messages(const struct cli *c, const char *text, size_t n,
                      struct bkerr_match *out, size_t max);

/* A candidate for an exception class named in a line. */
struct found_symbol {
    struct bkerr_result r;
    unsigned context; /* how much of the line speaks of its product */
};

/* The definitions of the exception classes text[0..n) names (a dotted
 * name's last part ending in Error, Exception or Exc), at most
 * max, ranked by the line's context for their product (its id, or the id
 * without "bk_", in the line), then in bkerr.ini's order; with product,
 * only that product's.  Their count. */
size_t found_symbols(const struct cli *c, const char *text, size_t n,
                     struct found_symbol *out, size_t max);

/* The members of a match's captures, {"name": "value", ...}, as JSON. */
void json_captures(struct json *j, const struct bkerr_match *m,
                   const char *text);

#endif
