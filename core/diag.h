/* diag.c: the problems an open met (bkerr_diagnostic()).  The registry
 * owns the list; config.c and registry.c append to it while they build. */
#ifndef BKERR_DIAG_H
#define BKERR_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "bkerr/bkerr.h"

struct bk_diag {
    enum bkerr_severity severity;
    int line;      /* in the bkerr.ini; 0: the whole file */
    char *catalog; /* its id, or NULL */
    char *message; /* what is wrong and what to do */
};
struct bk_diags {
    struct bk_diag *v;
    size_t n, cap;
    bool oom; /* an append failed: the open fails with BKERR_ENOMEM */
};
/* Appends a problem, its message printf-formatted; on ENOMEM sets d->oom
 * instead (the caller goes on: the open checks d->oom once, at its end). */
void bk_diag_add(struct bk_diags *d, enum bkerr_severity severity, int line,
                 const char *catalog, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The first problem of severity ERROR, or NULL. */
const struct bk_diag *bk_diag_first_error(const struct bk_diags *d);
void bk_diags_free(struct bk_diags *d);

#endif
