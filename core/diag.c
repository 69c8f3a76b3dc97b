/* The problems an open met, in the order met, and their public view. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry.h"
#include "common/sized.h"
#include "common/text.h"

void bk_diag_add(struct bk_diags *d, enum bkerr_severity severity, int line,
                 const char *catalog, const char *fmt, ...)
{
    if (d->oom)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *message = NULL;
    if (vasprintf(&message, fmt, ap) < 0)
        message = NULL;
    va_end(ap);
    if (d->n == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 8;
        struct bk_diag *v = realloc(d->v, cap * sizeof *v);
        if (!v) {
            free(message);
            d->oom = true;
            return;
        }
        d->v = v, d->cap = cap;
    }
    struct bk_diag *g = &d->v[d->n];
    *g = (struct bk_diag){severity, line, catalog ? bk_strdup(catalog) : NULL,
                          message};
    if (!g->message || (catalog && !g->catalog)) {
        free(g->catalog), free(g->message);
        d->oom = true;
        return;
    }
    d->n++;
}

const struct bk_diag *bk_diag_first_error(const struct bk_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].severity == BKERR_SEVERITY_ERROR)
            return &d->v[i];
    return NULL;
}

void bk_diags_free(struct bk_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].catalog);
        free(d->v[i].message);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

size_t bkerr_diagnostic_count(const bkerr_registry *reg)
{
    return reg ? reg->diags.n : 0;
}

int bkerr_diagnostic(const bkerr_registry *reg, size_t i,
                     struct bkerr_diagnostic *out)
{
    if (!reg || !bk_sized_ok(out, sizeof *out))
        return BKERR_EINVAL;
    if (i >= reg->diags.n)
        return BKERR_ENOTFOUND;
    const struct bk_diag *g = &reg->diags.v[i];
    const struct bkerr_diagnostic full = {
        .size = sizeof full,
        .severity = g->severity,
        .file = reg->config_path,
        .line = g->line,
        .catalog = g->catalog,
        .message = g->message,
    };
    bk_sized_put(out, &full, sizeof full);
    return 0;
}
