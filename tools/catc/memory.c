/* bkerr-catc's one out-of-memory policy: stop.  A compiler runs once per
 * catalog and holds nothing that outlives it, so there is nothing to
 * save by going on without the memory; every allocation of bkerr-catc
 * goes through these, which print "bkerr-catc: out of memory" and exit
 * with status 3 (main.c's "out of memory or an I/O error"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

static _Noreturn void out_of_memory(void)
{
    fputs("bkerr-catc: out of memory\n", stderr);
    exit(3);
}

void *catc_xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        out_of_memory();
    return q;
}

void *catc_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *catc_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(catc_xrealloc(NULL, n), s, n);
}
