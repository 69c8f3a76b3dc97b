/* Placeholders in the sources' many dialects -> the core's canonical form
 * (include/bkerr/plugin.h): "{name}", "{0}", with "{{" and "}}" literal.
 *
 *   Go and Python printf  %s %v %d %+v %#v %5.2f   -> {0}, {1}, ... in order
 *   Python str.format     {}                       -> {0}, {1}, ... in order
 *   Java MessageFormat    {0,number,#}             -> {0}
 *   literal percent       %%                       -> %
 * A '%' not followed by a verb (e.g. "90% ") is text.  Anything else with a
 * brace is an error: the author writes "{{" for a literal brace. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

#define NAME_MAX_LEN 32
#define MAX_AUTOMATIC 999

static bool is_name_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9') || ch == '_';
}

/* Length of a printf conversion at s ("%+v" -> 3), or 0 if it is none. */
static size_t printf_conversion(const char *s)
{
    size_t i = 1;
    while (s[i] && strchr("#+- 0", s[i]))
        i++;
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    if (s[i] == '.')
        for (i++; s[i] >= '0' && s[i] <= '9'; i++)
            ;
    return s[i] && strchr("svdfxqtTg", s[i]) ? i + 1 : 0;
}

struct buf {
    char *s;
    size_t n;
};

static void add(struct buf *b, const char *s, size_t n)
{
    memcpy(b->s + b->n, s, n);
    b->n += n;
}

static void add_index(struct buf *b, unsigned index)
{
    char tmp[16];
    int n = snprintf(tmp, sizeof tmp, "{%u}", index);
    add(b, tmp, (size_t)n);
}

char *catc_placeholders(const char *s, const char **why)
{
    /* "%s" (2 bytes) -> "{999}" (5) is the worst growth */
    struct buf b = {catc_xrealloc(NULL, strlen(s) * 3 + 1), 0};
    unsigned automatic = 0;
    bool explicit_index = false;
    for (const char *p = s; *p;) {
        size_t conv;
        if (p[0] == '%' && p[1] == '%') {
            add(&b, "%", 1);
            p += 2;
        } else if (automatic > MAX_AUTOMATIC) {
            *why = "more than 1000 placeholders in one text";
            free(b.s);
            return NULL;
        } else if (p[0] == '%' && (conv = printf_conversion(p))) {
            add_index(&b, automatic++);
            p += conv;
        } else if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
            add(&b, p, 2);
            p += 2;
        } else if (p[0] == '{' && p[1] == '}') {
            add_index(&b, automatic++);
            p += 2;
        } else if (p[0] == '{') {
            const char *name = p + 1, *end = name;
            while (is_name_char(*end))
                end++;
            bool digits = end > name && strspn(name, "0123456789") ==
                                            (size_t)(end - name);
            const char *close = end;
            if (digits && *close == ',') /* Java's {0,number,#} */
                close = strchr(close, '}');
            if (!close || *close != '}' || end == name ||
                end - name > NAME_MAX_LEN) {
                *why = "a '{' that starts no {name} placeholder (write '{{' "
                       "for a literal brace)";
                free(b.s);
                return NULL;
            }
            explicit_index |= digits;
            add(&b, p, (size_t)(end - p));
            add(&b, "}", 1);
            p = close + 1;
        } else if (p[0] == '}') {
            *why = "a lone '}' (write '}}' for a literal brace)";
            free(b.s);
            return NULL;
        } else {
            add(&b, p, 1);
            p++;
        }
    }
    if (automatic && explicit_index) {
        *why = "mixes numbered placeholders ({0}) with automatic ones (%s, "
               "{}); use one style";
        free(b.s);
        return NULL;
    }
    b.s[b.n] = '\0';
    return b.s;
}
