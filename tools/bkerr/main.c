/* bkerr: look BlueKing error codes up, and everything around that.
 *
 *     bkerr [OPTIONS] CODE|SYMBOL...      (same as bkerr lookup)
 *     bkerr SUBCOMMAND [OPTIONS] [ARGS]
 *
 * Global options may stand anywhere: --config FILE, --lang zh_CN|en,
 * --product ID, --json, --help, --version.  Exit status: see cli.h. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

struct subcommand {
    const char *name;
    int (*run)(struct cli *c, int argc, char **argv);
    const char *summary;
};

static const struct subcommand subcommands[] = {
    {"lookup", cmd_lookup, "look codes or symbols up (the default)"},
    {"search", cmd_search, "search messages, symbols and advice"},
    {"list", cmd_list, "the entries of one catalog or all"},
    {"platforms", cmd_platforms, "the allocation table and its catalogs"},
    {"status", cmd_status, "each configured catalog and what became of it"},
    {"export", cmd_export, "markdown, json, csv, C or Python constants"},
    {"check", cmd_check, "validate a bkerr.ini and its catalogs (exit 0/1/2)"},
    {"annotate", cmd_annotate, "explain the codes in logs and API responses"},
};

static void usage(FILE *f)
{
    fprintf(f,
        "usage: bkerr [OPTIONS] CODE|SYMBOL...\n"
        "       bkerr SUBCOMMAND [OPTIONS] [ARGS]   (bkerr SUBCOMMAND --help)\n"
        "\nSubcommands:\n");
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        fprintf(f, "  %-10s %s\n", subcommands[i].name, subcommands[i].summary);
    fprintf(f,
        "\nOptions:\n"
        "  --config FILE   bkerr.ini to use (default: $BKERR_CONFIG, then %s)\n"
        "  --lang LANG     zh_CN or en (default: bkerr.ini's, then the locale's)\n"
        "  --product ID    look codes up in one product's catalog, which also\n"
        "                  knows its non-standard (legacy) codes\n"
        "  --json          print data as JSON (see docs/json.md)\n"
        "  --help          this text;  --version  the version\n"
        "\nExit status: 0 done, 1 some code has no entry (check: warnings),\n"
        "2 invalid code or usage (check: errors), 3 the registry could not be\n"
        "opened or the output could not be written.\n", bkerr_default_config());
}

/* Takes global options out of argv wherever they stand; leaves the rest,
 * in order, in argv[0..*argc).  Returns 0 to go on, or an exit status + 1
 * to stop with (--help, --version, an error). */
static int global_options(struct cli *c, int *argc, char **argv)
{
    int kept = 0;
    for (int i = 0; i < *argc; i++) {
        const char *a = argv[i];
        const char **slot = strcmp(a, "--config") == 0    ? &c->config
                            : strcmp(a, "--product") == 0 ? &c->product
                                                          : NULL;
        if (strcmp(a, "--") == 0) {
            while (i < *argc)
                argv[kept++] = argv[i++];
            break;
        } else if (slot || strcmp(a, "--lang") == 0) {
            if (i + 1 >= *argc) {
                cli_error("%s needs a value; see bkerr --help", a);
                return EXIT_USAGE + 1;
            }
            const char *v = argv[++i];
            if (slot) {
                *slot = v;
            } else if (strcmp(v, "zh_CN") == 0 || strcmp(v, "en") == 0) {
                c->lang = v[0] == 'e' ? BKERR_LANG_EN : BKERR_LANG_ZH_CN;
                c->lang_given = true;
            } else {
                cli_error("--lang '%s': write zh_CN or en", v);
                return EXIT_USAGE + 1;
            }
        } else if (strcmp(a, "--json") == 0) {
            c->json = true;
        } else if (strcmp(a, "--version") == 0) {
            printf("bkerr %s\n", BKERR_VERSION);
            return EXIT_OK + 1;
        } else {
            argv[kept++] = argv[i];
        }
    }
    *argc = kept;
    return 0;
}

static int open_failed(const char *err)
{
    cli_error("%s", err);
    return EXIT_OPEN;
}

/* The user's language, from the first of LC_ALL, LC_MESSAGES and LANG
 * that names one; the C and POSIX locales name none, and then the spec's
 * own language, zh_CN, is used. */
static enum bkerr_lang locale_lang(void)
{
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(names[i]);
        if (!v || !*v)
            continue;
        if (strncmp(v, "C", 1) == 0 && (v[1] == '\0' || v[1] == '.'))
            return BKERR_LANG_ZH_CN;
        if (strcmp(v, "POSIX") == 0)
            return BKERR_LANG_ZH_CN;
        return strncmp(v, "zh", 2) == 0 ? BKERR_LANG_ZH_CN : BKERR_LANG_EN;
    }
    return BKERR_LANG_ZH_CN;
}

int cli_open(struct cli *c)
{
    char err[BKERR_ERRMSG_SIZE];
    /* Lazy for lookups: they load only the catalogs of the codes asked */
    const struct bkerr_open_options opt = {sizeof opt,
                                           c->lazy ? BKERR_OPEN_LAZY : 0, NULL};
    if (bkerr_open_with(c->config, &opt, &c->reg, err, sizeof err) != 0)
        return open_failed(err);
    if (!c->lang_given) {
        c->lang = bkerr_default_lang(c->reg);
        if (c->lang == BKERR_LANG_DEFAULT)
            c->lang = locale_lang();
    }
    return EXIT_OK;
}

/* Every way out of main goes through here: if any write to stdout failed
 * (a full disk, a closed pipe with SIGPIPE ignored), say so and exit 3,
 * whatever the subcommand found.  ferror() remembers a failure that an
 * earlier flush (per line, for pipes) already met, which a last fflush()
 * with nothing left to write would not see. */
static int finish(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("cannot write the output");
        return EXIT_OPEN;
    }
    return rc;
}

int main(int argc, char **argv)
{
    /* wcwidth() needs a UTF-8 locale; C.UTF-8 if the user's is not one */
    setlocale(LC_CTYPE, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
    struct cli c = {0};
    const char *no_color = getenv("NO_COLOR");
    c.color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
    argc--, argv++;
    int stop = global_options(&c, &argc, argv);
    if (stop)
        return finish(stop - 1);
    const struct subcommand *sub = &subcommands[0]; /* lookup */
    if (argc > 0) {
        for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
            if (strcmp(argv[0], subcommands[i].name) == 0) {
                sub = &subcommands[i];
                argc--, argv++;
                break;
            }
    }
    if (sub == &subcommands[0] && argc > 0 &&
        (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
        usage(stdout);
        return finish(EXIT_OK);
    }
    int rc = sub->run(&c, argc, argv);
    /* Name every catalog that failed, at open or (lazy) at its first use,
     * so that no answer is missing without a word. */
    struct bkerr_catalog_status st;
    for (size_t i = 0; c.reg && bkerr_catalog_status(c.reg, i, &st) == 0; i++)
        if (st.state == BKERR_CATALOG_REJECTED)
            cli_error("warning: catalog '%s' not loaded: %s", st.id, st.reason);
    bkerr_close(c.reg);
    return finish(rc);
}
