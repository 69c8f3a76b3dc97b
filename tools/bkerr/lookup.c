/* bkerr [lookup] CODE|SYMBOL...: codes and symbols, from the arguments or,
 * with none (or "-"), from standard input, whitespace-separated. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static bool looks_like_symbol(const char *s)
{
    if (!isalpha((unsigned char)*s) && *s != '_')
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return false;
    return true;
}

enum { N_CODE_STATUS = BKERR_CODE_REMOVED + 1 };

/* The words of the provenance lines, in each language. */
struct about_words {
    const char *status, *note, *defined, *raised, *upstream, *docs, *variant,
        *guest;
    const char *meaning[N_CODE_STATUS];
};
static const struct about_words about_zh = {
    "状态", "说明", "定义", "抛出", "上游", "文档", "另一含义", "另一产品也用此码",
    {NULL, "使用中（上游在所读版本中抛出它）",
     "未使用：上游定义了它，但所读版本中没有代码抛出它；见到它说明来自别的版本或扩展",
     "已废弃：上游已标记为废弃", "已移除：上游已删除它，保留以解释旧版本的输出"}};
static const struct about_words about_en = {
    "Status", "Note", "Defined", "Raised", "Upstream", "Docs", "Also defined as",
    "Also used by another product",
    {NULL, "active (raised at the upstream version read)",
     "unused: upstream defines it, but nothing at the version read raises it; "
     "seen, it comes from another version or an extension",
     "deprecated: upstream marks it deprecated",
     "removed: gone from upstream; kept to explain older versions' output"}};

/* A "label：value" line, if value is there. */
static void about_line(const struct cli *c, const char *label,
                       const char *value)
{
    if (!value)
        return;
    printf("%s%s%s%s%s\n", cli_style(c, STYLE_DIM), label,
           c->lang == BKERR_LANG_EN ? ": " : "：", cli_style(c, STYLE_NONE),
           value);
}

/* Where the answer comes from: the lines after the advice. */
static void print_about(const struct cli *c, const struct bkerr_result *r)
{
    const struct about_words *w = c->lang == BKERR_LANG_EN ? &about_en
                                                           : &about_zh;
    if ((unsigned)r->code_status < N_CODE_STATUS)
        about_line(c, w->status, w->meaning[r->code_status]);
    about_line(c, w->note, r->note);
    about_line(c, w->defined, r->defined);
    about_line(c, w->raised, r->raised);
    if (r->upstream) {
        char up[2 * BKERR_TEXT_MAX + 8];
        snprintf(up, sizeof up, r->upstream_version ? "%s (%s)" : "%s",
                 r->upstream, r->upstream_version);
        about_line(c, w->upstream, up);
    }
    about_line(c, w->docs, r->docs);
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
    print_about(c, r);
}

/* The k-th definition of r's code, as r was looked up. */
static bool variant_of(const struct cli *c, const struct bkerr_result *r,
                       unsigned k, struct bkerr_result *out)
{
    /* a legacy code is its catalog's; a code of the prefix anyone's */
    const char *product = bkerr_prefix(r->code) == r->platform.prefix
                              ? NULL
                              : r->catalog;
    return bkerr_lookup_variant(c->reg, product, r->code, k, c->lang, out) >= 0;
}

/* Every other definition of r's code, after it. */
static void print_variants(const struct cli *c, const struct bkerr_result *r)
{
    const struct about_words *w = c->lang == BKERR_LANG_EN ? &about_en
                                                           : &about_zh;
    struct bkerr_result v;
    for (unsigned k = 0; k < r->n_variants; k++) {
        if (k == r->variant || !variant_of(c, r, k, &v))
            continue;
        printf("\n%s%s (%u/%u)%s\n", cli_style(c, STYLE_YELLOW), w->variant,
               k + 1, r->n_variants, cli_style(c, STYLE_NONE));
        print_text(c, &v);
    }
}

/* The other products' entries for r's code: every guest but r itself. */
static void print_guests(const struct cli *c, const struct bkerr_result *r)
{
    const struct about_words *w = c->lang == BKERR_LANG_EN ? &about_en
                                                           : &about_zh;
    struct bkerr_result g;
    for (unsigned k = r->guest ? 1 : 0; k < r->n_guests; k++) {
        if (bkerr_lookup_guest(c->reg, r->code, k, c->lang, &g) < 0)
            continue;
        printf("\n%s%s: %s (%u/%u)%s\n", cli_style(c, STYLE_YELLOW), w->guest,
               g.catalog, k + 1, r->n_guests, cli_style(c, STYLE_NONE));
        print_text(c, &g);
        print_variants(c, &g);
    }
}

/* r as a JSON object, with the other definitions of its code in
 * "variants" and the other products' entries for it in "guests". */
static void json_lookup(struct json *j, const struct cli *c,
                        const struct bkerr_result *r)
{
    json_object(j);
    json_result_fields(j, r);
    json_key(j, "variants");
    json_array(j);
    struct bkerr_result v;
    for (unsigned k = 0; k < r->n_variants; k++)
        if (k != r->variant && variant_of(c, r, k, &v))
            json_result(j, &v);
    json_end_array(j);
    json_key(j, "guests");
    json_array(j);
    for (unsigned k = r->guest ? 1 : 0; k < r->n_guests; k++)
        if (bkerr_lookup_guest(c->reg, r->code, k, c->lang, &v) >= 0)
            json_result(j, &v);
    json_end_array(j);
    json_end_object(j);
}

/* Prints r (text or JSON); returns its exit status.  *first is cleared
 * once anything was printed. */
static int print_one(const struct cli *c, const struct bkerr_result *r,
                     struct json *j, bool *first)
{
    if (j) {
        json_lookup(j, c, r);
    } else {
        if (!*first)
            putchar('\n');
        print_text(c, r);
        print_variants(c, r);
        print_guests(c, r);
    }
    *first = false;
    switch (r->status) {
    case BKERR_FOUND:
    case BKERR_GENERIC:
    case BKERR_GUEST:
        return EXIT_OK;
    case BKERR_INVALID:
        return EXIT_USAGE;
    default:
        return EXIT_UNRESOLVED;
    }
}

/* Every definition named symbol (bkerr_lookup_symbol()), in bkerr.ini's
 * order, or only --product's; returns the worst exit status. */
static int lookup_symbol(const struct cli *c, const char *text,
                         const char *why, struct json *j, bool *first)
{
    struct bkerr_result r;
    int worst = EXIT_OK, rc;
    size_t k = 0;
    while ((rc = bkerr_lookup_symbol(c->reg, c->product, text, k, c->lang,
                                     &r)) >= 0) {
        int one = print_one(c, &r, j, first);
        worst = one > worst ? one : worst;
        k++;
    }
    if (rc == BKERR_ENOMEM) {
        cli_error("out of memory");
        return EXIT_OPEN;
    }
    if (k == 0 && c->product) {
        cli_error("'%s' is not a code (%s) nor the symbol of an entry of "
                  "%s; try bkerr search --product %s %s", text, why,
                  c->product, c->product, text);
        return EXIT_USAGE;
    }
    if (k == 0) {
        cli_error("'%s' is not a code (%s) nor the symbol of a loaded "
                  "entry; try bkerr search %s", text, why, text);
        return EXIT_USAGE;
    }
    return worst;
}

/* Looks one token up; prints it; returns its exit status. */
static int lookup_one(const struct cli *c, const char *text, struct json *j,
                      bool *first)
{
    int64_t code;
    const char *why;
    struct bkerr_result r;
    if (bkerr_parse_code(text, &code, &why) != 0) {
        if (looks_like_symbol(text))
            return lookup_symbol(c, text, why, j, first);
        cli_error("'%s' is not a code: %s", text, why);
        return EXIT_USAGE;
    }
    if (c->product)
        bkerr_lookup_product(c->reg, c->product, code, c->lang, &r);
    else
        bkerr_lookup(c->reg, code, c->lang, &r);
    return print_one(c, &r, j, first);
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

static int cmd_lookup(struct cli *c, int argc, char **argv)
{
    c->lazy = true;
    int rc = cli_open(c);
    if (rc)
        return rc;
    struct bkerr_product p = {.size = sizeof p};
    if (c->product) {
        if (bkerr_product(c->reg, c->product, &p) == BKERR_ENOPRODUCT) {
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
        cli_error("no code given; see bkerr lookup --help");
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
                  "see bkerr lookup --help");
        return EXIT_USAGE;
    }
    return worst;
}

/* The options of a lookup, with or without its name. */
#define LOOKUP_OPTIONS                                                      \
    CLI_OPT_PRODUCT("look codes and symbols up in one product's catalog,\n" \
                    "which also knows its non-standard (legacy) codes"),    \
    CLI_OPT_JSON("print an array of results (see docs/json.md)"),          \
    CLI_OPT_CONFIG, CLI_OPT_LANG, CLI_OPT_COLOR

static const struct cli_option lookup_options[] = {
    LOOKUP_OPTIONS, CLI_OPT_HELP, CLI_OPT_END,
};

static const char lookup_exits[] =
    "Exit status: 0 done, 1 some code has no entry, 2 an invalid code, an\n"
    "unknown symbol or bad usage, 3 the registry could not be opened or the\n"
    "output could not be written.\n";

const struct cli_command cli_lookup = {
    "lookup", cmd_lookup, "look codes or symbols up (the default)",
    "bkerr lookup [OPTIONS] [CODE|SYMBOL|-...]",
    "Looks up each code (1199000, -1, 0) or symbol (CCErrCommJSONUnmarshalFailed)\n"
    "and prints its product, category, symbol, message and advice in the\n"
    "chosen language, then where the answer comes from.  A symbol gives each\n"
    "of its definitions, catalog by catalog in bkerr.ini's order (with\n"
    "--product, only that product's).  With no argument, or for \"-\",\n"
    "whitespace-separated codes and symbols are read from standard input.\n"
    "Non-standard codes (cmdb's 3001) need --product.  \"bkerr CODE...\" is\n"
    "the same as \"bkerr lookup CODE...\".\n",
    lookup_exits, lookup_options, false,
};

static const struct cli_option bare_options[] = {
    LOOKUP_OPTIONS,
    {"version", 0, NULL, "print the version", offsetof(struct cli, version),
     NULL},
    CLI_OPT_HELP, CLI_OPT_END,
};

/* bkerr without a subcommand: a lookup, and --version (main.c writes its
 * --help, which lists the subcommands). */
const struct cli_command cli_bare = {
    NULL, cmd_lookup, NULL, "bkerr [OPTIONS] CODE|SYMBOL...",
    "Without a subcommand, bkerr looks codes up (bkerr lookup --help); each\n"
    "subcommand takes the options its --help lists.  These are a lookup's:\n",
    "Exit status: 0 done, 1 some code has no entry (check: warnings),\n"
    "2 invalid code or usage (check: errors), 3 the registry could not be\n"
    "opened or the output could not be written.\n",
    bare_options, false,
};
