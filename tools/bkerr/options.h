/* One option parser for every subcommand.  Each subcommand declares a
 * table of the options it takes; cli_parse() reads argv with it and
 * cli_help() writes its --help from it.
 *
 *     --name VALUE, --name=VALUE   an option that takes a value
 *     --name, -h                   a flag (--name=VALUE is an error)
 *     --                           the end of the options
 *
 * Options and operands may come in any order; "-" and negative numbers
 * ("-1" is a code) are operands.  An option of another subcommand is
 * refused as meaning nothing here, any other as unknown (EXIT_USAGE). */
#ifndef BKERR_OPTIONS_H
#define BKERR_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct cli;

struct cli_option {
    const char *name;  /* "config", given as --config; NULL ends a table */
    char short_name;   /* 'h' for -h, or 0 */
    const char *value; /* the value's name in the help ("FILE"); NULL: a flag */
    const char *help;  /* for --help; each '\n' starts an indented line */
    size_t offset;     /* where it goes in struct cli: a bool for a flag, a
                          const char * for a value */
    /* Why value is not acceptable (a sentence saying what is), or NULL. */
    const char *(*check)(const char *value);
};

struct cli_command {
    const char *name;    /* "list"; NULL for bkerr without a subcommand */
    int (*run)(struct cli *c, int argc, char **argv); /* argv: operands */
    const char *summary; /* one line, for bkerr --help */
    const char *usage;   /* "bkerr list [OPTIONS] [PRODUCT]"; lines by '\n' */
    const char *about;   /* the paragraphs of --help before the options */
    const char *exits;   /* the exit statuses, after the options */
    const struct cli_option *options;
    bool paged;          /* long output: through $PAGER on a terminal */
};

/* Reads the options of argv[0..*argc) into c with cmd's table; leaves the
 * operands, in order, in argv[0..*argc).  Returns 0, or EXIT_USAGE after
 * saying on stderr what is wrong and where to read more. */
int cli_parse(struct cli *c, const struct cli_command *cmd, int *argc,
              char **argv);
/* Whether cmd takes the option --name. */
bool cli_takes(const struct cli_command *cmd, const char *name);
/* The index in argv of the first operand (skipping options and their
 * values, as any subcommand's table reads them), or argc if "--" or the
 * end comes first: where a subcommand's name stands. */
int cli_first_operand(int argc, char **argv);
/* cmd's --help: usage, about, the options of its table, exit statuses. */
void cli_help(FILE *f, const struct cli_command *cmd);
/* Only the "Options:" list of a table. */
void cli_help_options(FILE *f, const struct cli_option *options);

/* Checks of the shared options' values (NULL: acceptable). */
const char *cli_check_lang(const char *value);
const char *cli_check_color(const char *value);

/* The options several subcommands take, each written once. */
#define CLI_OPT_CONFIG                                                      \
    {"config", 0, "FILE", "the bkerr.ini to use (default: $BKERR_CONFIG,\n" \
     "then the one named below)", offsetof(struct cli, config), NULL}
#define CLI_OPT_LANG                                                        \
    {"lang", 0, "LANG", "zh_CN or en (also zh, zh-CN, zh_CN.UTF-8, en_US...);" \
     "\ndefault: $BKERR_LANG, then the locale (LC_ALL,\n"                   \
     "LC_MESSAGES, LANG), then bkerr.ini's lang, then zh_CN",               \
     offsetof(struct cli, lang_text), cli_check_lang}
#define CLI_OPT_PRODUCT(help)                                               \
    {"product", 0, "ID", help, offsetof(struct cli, product), NULL}
#define CLI_OPT_JSON(help)                                                  \
    {"json", 0, NULL, help, offsetof(struct cli, json), NULL}
#define CLI_OPT_COLOR                                                       \
    {"color", 0, "WHEN", "auto, always or never (auto: only when standard\n" \
     "output is a terminal, NO_COLOR is unset or empty\n"                   \
     "and TERM is not dumb)", offsetof(struct cli, color_text),             \
     cli_check_color}
#define CLI_OPT_NO_PAGER                                                    \
    {"no-pager", 0, NULL, "do not send the output to $PAGER (which is used\n" \
     "only on a terminal)", offsetof(struct cli, no_pager), NULL}
#define CLI_OPT_HELP                                                        \
    {"help", 'h', NULL, "this text", offsetof(struct cli, help), NULL}
#define CLI_OPT_END {NULL, 0, NULL, NULL, 0, NULL}

#endif
