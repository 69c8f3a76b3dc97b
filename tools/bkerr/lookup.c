/* bkerr [lookup] CODE|SYMBOL...: codes and symbols, from the arguments or,
 * with none (or "-"), from standard input, whitespace-separated. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* True if name is one of the '/'-separated symbols in symbols. */
static bool symbol_matches(const char *symbols, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = symbols; p; p = strchr(p, '/')) {
        if (*p == '/')
            p++;
        if (strncmp(p, name, n) == 0 && (p[n] == '\0' || p[n] == '/'))
            return true;
    }
    return false;
}

bool cli_find_symbol(const struct cli *c, const char *name,
                     struct bkerr_result *out)
{
    struct bkerr_catalog_status st;
    for (size_t i = 0; bkerr_catalog_status(c->reg, i, &st) == 0; i++)
        for (size_t k = 0; (st.state == BKERR_CATALOG_LOADED ||
                            st.state == BKERR_CATALOG_LAZY) &&
                           bkerr_catalog_entry(c->reg, i, k, c->lang, out) == 0;
             k++)
            if (out->symbol && symbol_matches(out->symbol, name))
                return true;
    return false;
}

static bool looks_like_symbol(const char *s)
{
    if (!isalpha((unsigned char)*s) && *s != '_')
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return false;
    return true;
}

static void print_text(const struct cli *c, const struct bkerr_result *r)
{
    char small[2048];
    int n = bkerr_format(r, NULL, 0, small, sizeof small);
    char *text = small, *big = NULL;
    if (n >= (int)sizeof small && (big = malloc((size_t)n + 1)) &&
        bkerr_format(r, NULL, 0, big, (size_t)n + 1) == n)
        text = big;
    char *nl = strchr(text, '\n'); /* the first line is the heading */
    if (nl)
        *nl = '\0';
    printf("%s%s%s\n%s", cli_style(c, STYLE_BOLD), text,
           cli_style(c, STYLE_NONE), nl ? nl + 1 : "");
    if (text == small && n >= (int)sizeof small)
        printf("...\n(bkerr: out of memory; the text above is cut)");
    putchar('\n');
    free(big);
}

/* Looks one token up; prints it; returns its exit status.  *first is
 * cleared once anything was looked up. */
static int lookup_one(const struct cli *c, const char *text, struct json *j,
                      bool *first)
{
    int64_t code;
    const char *why;
    struct bkerr_result r;
    if (bkerr_parse_code(text, &code, &why) == 0) {
        if (c->product)
            bkerr_lookup_product(c->reg, c->product, code, c->lang, &r);
        else
            bkerr_lookup(c->reg, code, c->lang, &r);
    } else if (looks_like_symbol(text)) {
        if (!cli_find_symbol(c, text, &r)) {
            cli_error("'%s' is not a code (%s) nor the symbol of a loaded "
                      "entry; try bkerr search %s", text, why, text);
            return EXIT_USAGE;
        }
    } else {
        cli_error("'%s' is not a code: %s", text, why);
        return EXIT_USAGE;
    }
    if (j) {
        json_result(j, &r);
    } else {
        if (!*first)
            putchar('\n');
        print_text(c, &r);
    }
    *first = false;
    switch (r.status) {
    case BKERR_FOUND:
    case BKERR_GENERIC:
        return EXIT_OK;
    case BKERR_INVALID:
        return EXIT_USAGE;
    default:
        return EXIT_UNRESOLVED;
    }
}

/* Bytes that end a token on standard input (NUL too: a token must not
 * hide what follows it). */
static bool separator(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\0';
}

/* Looks up every whitespace-separated token of standard input.  Each line
 * is read whole (getline), however long: a fixed buffer cut a code that
 * straddled its end into two invalid tokens.  Stops at the first failed
 * write (main() then says so). */
static int lookup_stdin(const struct cli *c, struct json *j, bool *first)
{
    int worst = EXIT_OK;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    errno = 0;
    while ((got = getline(&line, &cap, stdin)) > 0) {
        size_t n = (size_t)got;
        for (size_t i = 0; i < n;) {
            if (separator(line[i])) {
                i++;
                continue;
            }
            size_t end = i;
            while (end < n && !separator(line[end]))
                end++;
            line[end] = '\0'; /* a separator, or getline's own NUL */
            int one = lookup_one(c, line + i, j, first);
            worst = one > worst ? one : worst;
            i = end + 1;
        }
        fflush(stdout); /* one answer per line read, for pipes */
        if (ferror(stdout))
            break;
    }
    if (!ferror(stdout) && !feof(stdin)) { /* a read error, or no memory */
        cli_error("standard input: cannot read: %s", strerror(errno));
        worst = errno == ENOMEM ? EXIT_OPEN : EXIT_USAGE;
    }
    clearerr(stdin); /* "-" may be named again */
    free(line);
    return worst;
}

int cmd_lookup(struct cli *c, int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (cli_is_option(argv[i]) && strcmp(argv[i], "-") != 0) {
            cli_error("unknown option '%s'; see bkerr --help", argv[i]);
            return EXIT_USAGE;
        }
    c->lazy = true;
    int rc = cli_open(c);
    if (rc)
        return rc;
    if (c->product) {
        struct bkerr_result probe;
        if (bkerr_lookup_product(c->reg, c->product, 0, c->lang, &probe) ==
            BKERR_ENOPRODUCT) {
            cli_error("--product '%s': no platform has this id; see bkerr "
                      "platforms", c->product);
            return EXIT_USAGE;
        }
    }
    struct json json, *j = c->json ? &json : NULL;
    if (j) {
        json_begin(j, stdout);
        json_array(j);
    }
    bool first = true;
    int worst = EXIT_OK;
    if (argc == 0 && isatty(STDIN_FILENO)) {
        cli_error("no code given; see bkerr --help");
        return EXIT_USAGE;
    }
    if (argc == 0)
        worst = lookup_stdin(c, j, &first);
    for (int i = 0; i < argc; i++) {
        int one = strcmp(argv[i], "-") == 0 ? lookup_stdin(c, j, &first)
                                             : lookup_one(c, argv[i], j, &first);
        worst = one > worst ? one : worst;
    }
    if (j) {
        json_end_array(j);
        json_finish(j);
    }
    if (first && worst == EXIT_OK) {
        cli_error("no code given, on the command line or standard input; "
                  "see bkerr --help");
        return EXIT_USAGE;
    }
    return worst;
}
