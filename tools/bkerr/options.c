/* The option parser and the --help it writes (options.h). */
#include <stdarg.h>
#include <string.h>

#include "cli.h"

/* The option of table called name (len bytes), or NULL. */
static const struct cli_option *find_long(const struct cli_option *table,
                                          const char *name, size_t len)
{
    for (const struct cli_option *o = table; o && o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

static const struct cli_option *find_short(const struct cli_option *table,
                                           char ch)
{
    for (const struct cli_option *o = table; o && o->name; o++)
        if (o->short_name && o->short_name == ch)
            return o;
    return NULL;
}

/* The option as any command's table has it, or NULL: it is the same
 * option (with or without a value) wherever it is taken. */
static const struct cli_option *find_any(const char *arg, size_t len)
{
    for (size_t i = 0; cli_commands[i]; i++) {
        const struct cli_option *o =
            arg[1] == '-' ? find_long(cli_commands[i]->options, arg + 2, len)
                          : find_short(cli_commands[i]->options, arg[1]);
        if (o)
            return o;
    }
    return NULL;
}

/* The length of the name in "--name" or "--name=value". */
static size_t name_len(const char *arg)
{
    return strcspn(arg + 2, "=");
}

/* Prints "bkerr SUB: <message>; see bkerr SUB --help" on stderr and
 * returns EXIT_USAGE. */
__attribute__((format(printf, 2, 3)))
static int usage_error(const struct cli_command *cmd, const char *fmt, ...)
{
    const char *sub = cmd->name ? cmd->name : "";
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "bkerr%s%s: ", *sub ? " " : "", sub);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "; see bkerr%s%s --help\n", *sub ? " " : "", sub);
    va_end(ap);
    return EXIT_USAGE;
}

/* Stores value (NULL for a flag) where o says, after o's check. */
static int store(struct cli *c, const struct cli_command *cmd,
                 const struct cli_option *o, const char *value)
{
    char *slot = (char *)c + o->offset;
    if (!o->value) {
        *(bool *)slot = true;
        return 0;
    }
    const char *why = o->check ? o->check(value) : NULL;
    if (why)
        return usage_error(cmd, "--%s '%s': %s", o->name, value, why);
    *(const char **)slot = value;
    return 0;
}

/* Reads the option argv[*i] (and its value, which may be argv[*i + 1]). */
static int one_option(struct cli *c, const struct cli_command *cmd, int argc,
                      char **argv, int *i)
{
    const char *arg = argv[*i];
    bool is_long = arg[1] == '-';
    size_t len = is_long ? name_len(arg) : 1;
    const struct cli_option *o =
        is_long ? find_long(cmd->options, arg + 2, len)
                : arg[2] == '\0' ? find_short(cmd->options, arg[1]) : NULL;
    if (!o) {
        const struct cli_option *other =
            is_long || arg[2] == '\0' ? find_any(arg, len) : NULL;
        if (other && cmd->name)
            return usage_error(cmd, "--%s means nothing to %s", other->name,
                               cmd->name);
        if (other)
            return usage_error(cmd, "--%s means nothing to a lookup",
                               other->name);
        return usage_error(cmd, "unknown option '%.*s'",
                           (int)(is_long ? len + 2 : strlen(arg)), arg);
    }
    const char *eq = is_long && arg[2 + len] == '=' ? arg + 3 + len : NULL;
    if (!o->value) {
        if (eq)
            return usage_error(cmd, "--%s takes no value (got '%s')", o->name,
                               arg);
        return store(c, cmd, o, NULL);
    }
    if (eq)
        return store(c, cmd, o, eq);
    if (*i + 1 >= argc)
        return usage_error(cmd, "--%s needs a value (%s)", o->name, o->value);
    return store(c, cmd, o, argv[++*i]);
}

int cli_parse(struct cli *c, const struct cli_command *cmd, int *argc,
              char **argv)
{
    int kept = 0;
    for (int i = 0; i < *argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (++i < *argc)
                argv[kept++] = argv[i];
            break;
        }
        if (!cli_is_option(argv[i])) {
            argv[kept++] = argv[i];
            continue;
        }
        int rc = one_option(c, cmd, *argc, argv, &i);
        if (rc)
            return rc;
    }
    *argc = kept;
    return 0;
}

bool cli_takes(const struct cli_command *cmd, const char *name)
{
    return find_long(cmd->options, name, strlen(name)) != NULL;
}

int cli_first_operand(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0)
            return argc;
        if (!cli_is_option(arg))
            return i;
        bool is_long = arg[1] == '-';
        size_t len = is_long ? name_len(arg) : 1;
        const struct cli_option *o = find_any(arg, len);
        if (o && o->value && !(is_long && arg[2 + len] == '='))
            i++; /* its value */
    }
    return argc;
}

/* ---- --help ---- */

enum { HELP_COLUMN = 24 };

void cli_help_options(FILE *f, const struct cli_option *options)
{
    fputs("Options:\n", f);
    for (const struct cli_option *o = options; o->name; o++) {
        int n = o->short_name ? fprintf(f, "  -%c, --%s", o->short_name, o->name)
                              : fprintf(f, "  --%s", o->name);
        if (o->value)
            n += fprintf(f, " %s", o->value);
        if (n + 2 > HELP_COLUMN) {
            fputc('\n', f);
            n = 0;
        }
        fprintf(f, "%*s", HELP_COLUMN - n, "");
        for (const char *p = o->help; *p; p++) {
            fputc(*p, f);
            if (*p == '\n')
                fprintf(f, "%*s", HELP_COLUMN, "");
        }
        fputc('\n', f);
    }
    if (find_long(options, "config", 6))
        fprintf(f, "\nThe default bkerr.ini: %s\n", bkerr_default_config());
}

void cli_help(FILE *f, const struct cli_command *cmd)
{
    fputs("usage: ", f);
    for (const char *p = cmd->usage; *p; p++) { /* lines align after it */
        if (*p == '\n')
            fputs("\n       ", f);
        else
            fputc(*p, f);
    }
    fprintf(f, "\n\n%s\n", cmd->about);
    cli_help_options(f, cmd->options);
    fprintf(f, "\n%s", cmd->exits);
}

/* ---- the shared options' values ---- */

const char *cli_check_lang(const char *value)
{
    enum bkerr_lang lang;
    return bkerr_parse_lang(value, &lang) == 0
               ? NULL
               : "bkerr has texts in zh_CN and en; write zh_CN, zh, zh-CN, "
                 "zh_CN.UTF-8, en, en_US or en_US.UTF-8 (or default)";
}

const char *cli_check_color(const char *value)
{
    return strcmp(value, "auto") == 0 || strcmp(value, "always") == 0 ||
                   strcmp(value, "never") == 0
               ? NULL
               : "write auto, always or never";
}
