/* bkerr: look BlueKing error codes up, and everything around that.
 *
 *     bkerr [OPTIONS] CODE|SYMBOL...      (same as bkerr lookup)
 *     bkerr SUBCOMMAND [OPTIONS] [ARGS]
 *
 * Each command's options (its table, options.h) may stand anywhere, before
 * or after the subcommand's name; "--" ends them.  Exit status: cli.h. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const struct cli_command *const cli_commands[] = {
    &cli_bare,   &cli_lookup, &cli_search, &cli_list,     &cli_platforms,
    &cli_status, &cli_export, &cli_check,  &cli_annotate, NULL,
};

/* bkerr --help: every subcommand, then the options of a lookup. */
static void overview(FILE *f)
{
    fprintf(f,
        "usage: bkerr [OPTIONS] CODE|SYMBOL...\n"
        "       bkerr SUBCOMMAND [OPTIONS] [ARGS]   (bkerr SUBCOMMAND --help)\n"
        "\nSubcommands:\n");
    for (size_t i = 1; cli_commands[i]; i++)
        fprintf(f, "  %-10s %s\n", cli_commands[i]->name,
                cli_commands[i]->summary);
    fprintf(f, "\n%s\n", cli_bare.about);
    cli_help_options(f, cli_bare.options);
    fprintf(f, "\n%s", cli_bare.exits);
}

/* The language the user's locale names: the first of LC_ALL, LC_MESSAGES
 * and LANG that is set decides.  zh* is zh_CN, another language en; the C
 * and POSIX locales name none (false). */
static bool locale_lang(enum bkerr_lang *out)
{
    static const char *const names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *v = getenv(names[i]);
        if (!v || !*v)
            continue;
        if ((v[0] == 'C' && (v[1] == '\0' || v[1] == '.')) ||
            strcmp(v, "POSIX") == 0)
            return false;
        if (bkerr_parse_lang(v, out) != 0 || *out == BKERR_LANG_DEFAULT)
            *out = BKERR_LANG_EN;
        return true;
    }
    return false;
}

/* Settles c->lang for a command that takes --lang: --lang, else
 * $BKERR_LANG, else the locale; "default" in either, or none of them,
 * leaves it to cli_open() (bkerr.ini's lang, else zh_CN).  Returns 0, or
 * EXIT_USAGE for a BKERR_LANG bkerr cannot read. */
static int settle_lang(struct cli *c, const struct cli_command *cmd)
{
    if (!cli_takes(cmd, "lang"))
        return 0;
    const char *env = getenv("BKERR_LANG");
    enum bkerr_lang lang = BKERR_LANG_DEFAULT;
    if (c->lang_text) {
        bkerr_parse_lang(c->lang_text, &lang); /* cli_parse() checked it */
    } else if (env && *env) {
        const char *why = cli_check_lang(env);
        if (why) {
            cli_error("BKERR_LANG '%s': %s", env, why);
            return EXIT_USAGE;
        }
        bkerr_parse_lang(env, &lang);
    } else if (!locale_lang(&lang)) {
        lang = BKERR_LANG_DEFAULT;
    }
    c->lang = lang;
    c->lang_given = lang != BKERR_LANG_DEFAULT;
    return 0;
}

static int open_failed(const char *err)
{
    cli_error("%s", err);
    return EXIT_OPEN;
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
            c->lang = BKERR_LANG_ZH_CN;
    }
    return EXIT_OK;
}

/* Every way out of main goes through here: if any write to stdout failed
 * (a full disk, a closed pipe with SIGPIPE ignored), say so and exit 3,
 * whatever the subcommand found.  ferror() remembers a failure that an
 * earlier flush (per line, for pipes) already met, which a last fflush()
 * with nothing left to write would not see.  Into a pager, a write can
 * only fail with EPIPE, when the pager has quit: the user has read
 * enough, which is no error.  Then waits for the pager. */
static int finish(int rc)
{
    if ((fflush(stdout) != 0 || ferror(stdout)) && !pager_active()) {
        cli_error("cannot write the output");
        rc = EXIT_OPEN;
    }
    pager_finish();
    return rc;
}

/* The command argv names (and takes its name out of argv), else bkerr's
 * own: a lookup. */
static const struct cli_command *command(int *argc, char **argv)
{
    int at = cli_first_operand(*argc, argv);
    for (size_t i = 1; at < *argc && cli_commands[i]; i++)
        if (strcmp(argv[at], cli_commands[i]->name) == 0) {
            memmove(argv + at, argv + at + 1,
                    (size_t)(*argc - at - 1) * sizeof *argv);
            --*argc;
            return cli_commands[i];
        }
    return &cli_bare;
}

int main(int argc, char **argv)
{
    /* wcwidth() needs a UTF-8 locale; C.UTF-8 if the user's is not one */
    setlocale(LC_CTYPE, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
    struct cli c = {0};
    argc--, argv++;
    const struct cli_command *cmd = command(&argc, argv);
    int rc = cli_parse(&c, cmd, &argc, argv);
    if (rc)
        return finish(rc);
    if (c.help) {
        if (cmd == &cli_bare)
            overview(stdout);
        else
            cli_help(stdout, cmd);
        return finish(EXIT_OK);
    }
    if (c.version) {
        printf("bkerr %s\n", BKERR_VERSION);
        return finish(EXIT_OK);
    }
    if ((rc = settle_lang(&c, cmd)) != 0)
        return finish(rc);
    c.color = term_color(c.color_text);
    c.width = term_width();
    if (cmd->paged && !c.no_pager)
        pager_start();
    rc = cmd->run(&c, argc, argv);
    /* Name every catalog that failed, at open or (lazy) at its first use,
     * so that no answer is missing without a word. */
    struct bkerr_catalog_status st;
    for (size_t i = 0; c.reg && bkerr_catalog_status(c.reg, i, &st) == 0; i++)
        if (st.state == BKERR_CATALOG_REJECTED)
            cli_error("warning: catalog '%s' not loaded: %s", st.id, st.reason);
    bkerr_close(c.reg);
    return finish(rc);
}
