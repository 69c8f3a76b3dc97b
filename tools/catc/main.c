/* bkerr-catc: compiles a catalog source into the C of its plugin.
 *
 *     bkerr-catc [-o OUT.c] CATALOG     write the C (default: stdout)
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
    "usage: bkerr-catc [--strict] [-o OUT.c | --check] CATALOG\n"
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

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--coverage") == 0)
        return coverage(argc - 2, argv + 2);
    const char *out_path = NULL, *in_path = NULL;
    bool check_only = false, strict = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out_path = argv[++i];
        else if (strcmp(argv[i], "--check") == 0)
            check_only = true;
        else if (strcmp(argv[i], "--strict") == 0)
            strict = true;
        else if (strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (argv[i][0] != '-' && !in_path)
            in_path = argv[i];
        else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (!in_path) {
        fputs(usage, stderr);
        return 2;
    }
    struct catalog c;
    if (!catc_read(in_path, &c))
        return 3;
    bool ok = catc_check(&c, strict);
    int rc = ok ? 0 : 1;
    if (ok && !check_only) {
        const char *base = strrchr(in_path, '/');
        FILE *out = out_path ? fopen(out_path, "w") : stdout;
        if (!out || !catc_emit(&c, base ? base + 1 : in_path, out) ||
            (out_path && fclose(out) != 0)) {
            perror(out_path ? out_path : "stdout");
            if (out_path)
                remove(out_path);
            rc = 3;
        }
    }
    if (!ok)
        fprintf(stderr, "%s: %u error%s\n", in_path, c.errors,
                c.errors == 1 ? "" : "s");
    catc_free(&c);
    return rc;
}
