/* bkerr-catc: compiles a catalog source into the C of its plugin.
 *
 *     bkerr-catc [-o OUT.c] CATALOG     write the C (default: stdout)
 *     --header OUT.h, --python OUT.py   also (or instead) write the
 *                                       catalog's constants, as a C header
 *                                       or a Python module (tools/constants)
 *     --lang zh_CN|en                   the language of their comments
 *                                       (default zh_CN)
 *     bkerr-catc --check CATALOG        only check the source
 *     --strict                          also want every entry's provenance
 *                                       (the bundled catalogs' rule)
 *     bkerr-catc --coverage [--specific] CATALOG...
 *                                       print how complete each catalog is;
 *                                       exit 1 if any text, status or
 *                                       definition site is missing (with
 *                                       --specific: any entry's own advice)
 *
 * Exit status: 0 done, 1 the source has errors (each printed as
 * file:line: reason), 2 bad usage, 3 out of memory (memory.c: bkerr-catc
 * stops at once) or an I/O error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

static const char usage[] =
    "usage: bkerr-catc [--strict] [-o OUT.c] [--header OUT.h] "
    "[--python OUT.py]\n"
    "                  [--lang zh_CN|en] CATALOG\n"
    "       bkerr-catc [--strict] --check CATALOG\n"
    "       bkerr-catc --coverage [--specific] CATALOG...\n";

static int coverage(int argc, char **argv)
{
    bool specific = argc > 0 && strcmp(argv[0], "--specific") == 0;
    argc -= specific, argv += specific;
    if (argc < 1) {
        fputs(usage, stderr);
        return 2;
    }
    struct catalog *cats = catc_xcalloc((size_t)argc, sizeof *cats);
    int rc = 0;
    for (int i = 0; i < argc && !rc; i++)
        if (!catc_read(argv[i], &cats[i]))
            rc = 3;
        else if (!catc_check(&cats[i], false))
            rc = 1;
    if (!rc && !catc_coverage(cats, (size_t)argc, specific, stdout)) {
        fprintf(stderr, "bkerr-catc: some entries lack a message, advice, "
                "a status or a definition site\n");
        rc = 1;
    }
    for (int i = 0; i < argc; i++)
        catc_free(&cats[i]);
    free(cats);
    return rc;
}

/* What one run writes: the plugin's C, the constants, or only checks. */
struct outputs {
    const char *c, *header, *python; /* paths; NULL: not wanted */
    bool check_only, strict, english;
};

/* Writes one output of c to path (stdout for NULL); false after telling
 * why, with nothing left at path. */
static bool write_output(const struct catalog *c, const char *source_name,
                         const char *path, int kind, bool english)
{
    FILE *out = path ? fopen(path, "w") : stdout;
    bool ok = out && (kind == 'c' ? catc_emit(c, source_name, out)
                                  : catc_defines(c, source_name, kind == 'p',
                                                 english, out));
    if (out && (path ? fclose(out) : fflush(out)) != 0)
        ok = false;
    if (!ok) {
        perror(path ? path : "stdout");
        if (path)
            remove(path);
    }
    return ok;
}

/* Takes the value of option argv[*i] ("--opt VALUE" or "--opt=VALUE")
 * into *value; false if argv[*i] is not that option. */
static bool option_value(int argc, char **argv, int *i, const char *opt,
                         const char **value)
{
    size_t n = strlen(opt);
    if (strncmp(argv[*i], opt, n) != 0)
        return false;
    if (argv[*i][n] == '=') {
        *value = argv[*i] + n + 1;
        return true;
    }
    if (argv[*i][n] != '\0' || *i + 1 >= argc)
        return false;
    *value = argv[++*i];
    return true;
}

/* Parses the options of a compile; -1 to go on, else the exit status. */
static int parse(int argc, char **argv, struct outputs *o, const char **in)
{
    for (int i = 1; i < argc; i++) {
        const char *lang = NULL;
        if (option_value(argc, argv, &i, "-o", &o->c) ||
            option_value(argc, argv, &i, "--header", &o->header) ||
            option_value(argc, argv, &i, "--python", &o->python))
            continue;
        if (option_value(argc, argv, &i, "--lang", &lang)) {
            if (strcmp(lang, "en") != 0 && strcmp(lang, "zh_CN") != 0) {
                fprintf(stderr, "bkerr-catc: --lang '%s': write zh_CN or "
                        "en\n", lang);
                return 2;
            }
            o->english = strcmp(lang, "en") == 0;
        } else if (strcmp(argv[i], "--check") == 0) {
            o->check_only = true;
        } else if (strcmp(argv[i], "--strict") == 0) {
            o->strict = true;
        } else if (strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (argv[i][0] != '-' && !*in) {
            *in = argv[i];
        } else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (!*in || (o->check_only && (o->c || o->header || o->python))) {
        fputs(usage, stderr);
        return 2;
    }
    return -1;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--coverage") == 0)
        return coverage(argc - 2, argv + 2);
    struct outputs o = {0};
    const char *in_path = NULL;
    int rc = parse(argc, argv, &o, &in_path);
    if (rc >= 0)
        return rc;
    struct catalog c;
    if (!catc_read(in_path, &c))
        return 3;
    bool ok = catc_check(&c, o.strict);
    rc = ok ? 0 : 1;
    if (ok && !o.check_only) {
        const char *base = strrchr(in_path, '/');
        base = base ? base + 1 : in_path;
        /* the C goes to stdout when no file at all is named */
        bool c_wanted = o.c || (!o.header && !o.python);
        if ((c_wanted && !write_output(&c, base, o.c, 'c', o.english)) ||
            (o.header && !write_output(&c, base, o.header, 'h', o.english)) ||
            (o.python && !write_output(&c, base, o.python, 'p', o.english)))
            rc = 3;
    }
    if (!ok)
        fprintf(stderr, "%s: %u error%s\n", in_path, c.errors,
                c.errors == 1 ? "" : "s");
    catc_free(&c);
    return rc;
}
