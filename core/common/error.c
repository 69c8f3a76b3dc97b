/* struct bk_error (common/error.h). */
#include "common/error.h"

#include <stdarg.h>
#include <stdio.h>

#include "common/text.h"

bool bk_fail(struct bk_error *e, int code, const char *fmt, ...)
{
    if (e->code)
        return false;
    e->code = code;
    char text[2 * BK_ERROR_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    bk_errf(e->text, sizeof e->text, "%s", text); /* cuts with "..." */
    return false;
}
