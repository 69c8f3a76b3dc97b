/* bkerr CODE...: look BlueKing error codes up for a person.
 *
 * Exit status: 0 every code resolved to a meaning (found or generic);
 * 1 some valid code has no entry (no catalog, not in it, unassigned
 * prefix); 2 a code is invalid or the command line is wrong; 3 the
 * registry could not be opened, or memory ran out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bkerr/bkerr.h>

enum { EXIT_RESOLVED = 0, EXIT_UNRESOLVED = 1, EXIT_USAGE = 2, EXIT_OPEN = 3 };

static const char usage[] =
    "usage: bkerr [lookup] [--config FILE] [--lang zh_CN|en] [--product ID] "
    "CODE...\n"
    "\n"
    "Looks up BlueKing error codes (7 digits, -1 or 0) and prints the\n"
    "platform, category, message and handling advice of each.\n"
    "\n"
    "  --config FILE   bkerr.ini to use (default: $BKERR_CONFIG, then %s)\n"
    "  --lang LANG     zh_CN or en (default: [registry] lang of bkerr.ini)\n"
    "  --product ID    look codes up in one product's catalog, which also\n"
    "                  knows its non-standard (legacy) codes, e.g. cmdb 3001\n"
    "  --help          this text\n"
    "  --version       the version\n"
    "\n"
    "Exit status: 0 all codes resolved, 1 some code has no entry,\n"
    "2 invalid code or usage, 3 the registry could not be opened.\n";

struct options {
    const char *config, *product;
    enum bkerr_lang lang;
    char **codes;
    int n_codes;
};

/* Takes the value of option argv[*i]; NULL (and a message) if missing. */
static const char *value_of(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "bkerr: %s needs a value; see bkerr --help\n",
                argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

/* 0 to go on, or an exit status to stop with. */
static int parse_args(int argc, char **argv, struct options *o)
{
    o->codes = calloc((size_t)argc, sizeof *o->codes);
    if (!o->codes) {
        fprintf(stderr, "bkerr: out of memory\n");
        return EXIT_OPEN;
    }
    int i = 1;
    if (i < argc && strcmp(argv[i], "lookup") == 0)
        i++;
    for (bool options = true; i < argc; i++) {
        const char *a = argv[i];
        int64_t ignored;
        /* "-1" is a code, not an option */
        if (!options || a[0] != '-' || bkerr_parse_code(a, &ignored, NULL) == 0) {
            o->codes[o->n_codes++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            options = false;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            printf(usage, bkerr_default_config());
            return -1;
        } else if (strcmp(a, "--version") == 0) {
            printf("bkerr %s\n", BKERR_VERSION);
            return -1;
        } else if (strcmp(a, "--config") == 0) {
            if (!(o->config = value_of(argc, argv, &i)))
                return EXIT_USAGE;
        } else if (strcmp(a, "--product") == 0) {
            if (!(o->product = value_of(argc, argv, &i)))
                return EXIT_USAGE;
        } else if (strcmp(a, "--lang") == 0) {
            const char *l = value_of(argc, argv, &i);
            if (!l)
                return EXIT_USAGE;
            if (strcmp(l, "zh_CN") == 0)
                o->lang = BKERR_LANG_ZH_CN;
            else if (strcmp(l, "en") == 0)
                o->lang = BKERR_LANG_EN;
            else {
                fprintf(stderr, "bkerr: --lang '%s': write zh_CN or en\n", l);
                return EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "bkerr: unknown option '%s'; see bkerr --help\n",
                    a);
            return EXIT_USAGE;
        }
    }
    if (o->n_codes == 0) {
        fprintf(stderr, "bkerr: no code given; see bkerr --help\n");
        return EXIT_USAGE;
    }
    return 0;
}

/* Prints every catalog the registry rejected, so nothing fails silently. */
static void warn_rejected(const bkerr_registry *reg)
{
    struct bkerr_catalog_status st;
    for (size_t i = 0; bkerr_catalog_status(reg, i, &st) == 0; i++)
        if (st.state == BKERR_CATALOG_REJECTED)
            fprintf(stderr, "bkerr: warning: catalog '%s' not loaded: %s\n",
                    st.id, st.reason);
}

static void print_result(const struct bkerr_result *r)
{
    char small[2048];
    int n = bkerr_format(r, NULL, 0, small, sizeof small);
    if (n >= 0 && (size_t)n < sizeof small) {
        puts(small);
        return;
    }
    char *big = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (big && bkerr_format(r, NULL, 0, big, (size_t)n + 1) == n)
        puts(big);
    else /* cut on a character boundary, and said so */
        printf("%s...\n(bkerr: out of memory; the text above is cut)\n",
               small);
    free(big);
}

/* Looks one argument up; returns its exit status. */
static int lookup_one(const bkerr_registry *reg, const struct options *o,
                      const char *text)
{
    int64_t code;
    const char *why;
    if (bkerr_parse_code(text, &code, &why) != 0) {
        fprintf(stderr, "bkerr: '%s' is not a code: %s\n", text, why);
        return EXIT_USAGE;
    }
    struct bkerr_result r;
    int rc = o->product ? bkerr_lookup_product(reg, o->product, code, o->lang, &r)
                        : bkerr_lookup(reg, code, o->lang, &r);
    if (rc < 0) /* main() checked the product; nothing else fails here */
        return EXIT_USAGE;
    print_result(&r);
    switch (r.status) {
    case BKERR_FOUND:
    case BKERR_GENERIC:
        return EXIT_RESOLVED;
    case BKERR_INVALID:
        return EXIT_USAGE;
    default:
        return EXIT_UNRESOLVED;
    }
}

int main(int argc, char **argv)
{
    struct options o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc) {
        free(o.codes);
        return rc < 0 ? 0 : rc;
    }
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg;
    if (bkerr_open(o.config, &reg, err, sizeof err) != 0) {
        fprintf(stderr, "bkerr: %s\n", err);
        free(o.codes);
        return EXIT_OPEN;
    }
    warn_rejected(reg);
    int worst = EXIT_RESOLVED;
    if (o.product && bkerr_lookup_product(reg, o.product, 0, o.lang,
                                          &(struct bkerr_result){0}) ==
                         BKERR_ENOPRODUCT) {
        fprintf(stderr, "bkerr: --product '%s': no platform has this id; "
                "see the spec's table and [platform.NN] in bkerr.ini\n",
                o.product);
        worst = EXIT_USAGE;
        o.n_codes = 0;
    }
    for (int i = 0; i < o.n_codes; i++) {
        if (i)
            putchar('\n');
        int one = lookup_one(reg, &o, o.codes[i]);
        if (one > worst)
            worst = one;
    }
    bkerr_close(reg);
    free(o.codes);
    return worst;
}
