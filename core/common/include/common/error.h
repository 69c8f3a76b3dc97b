/* error.c: the one way the core and bkerr-catc say why something failed.
 *
 * Two shapes, one convention:
 *   - a check (a pure rule: common/rules.h, common/text.h, the first-use
 *     checks of index.c) answers NULL, or a static sentence naming the
 *     rule broken.  It formats nothing, so lookups may call it;
 *   - a step that can fail (read a file, load a plugin, trust a path)
 *     returns bool, and on false has filled the caller's struct bk_error
 *     with a BKERR_E* code and "what; what to do", naming the file.  It
 *     puts a check's sentence into its own text with the context.
 * Only the public functions turn a struct bk_error into their (errbuf,
 * errlen), a diagnostic or a catalog's reason. */
#ifndef BKERR_COMMON_ERROR_H
#define BKERR_COMMON_ERROR_H

#include <stdbool.h>
#include <stddef.h>

/* A resolved path, and the text of an error: a path and a sentence. */
#define BK_PATH_MAX 4096
#define BK_ERROR_SIZE (BK_PATH_MAX + 512)

struct bk_error {
    int code;                 /* 0: none yet; else a negative BKERR_E* */
    char text[BK_ERROR_SIZE]; /* cut with "..." if longer */
};

/* Records code and the text, unless e holds an error already: the first
 * failure is the one reported (a parse goes on after it to clean up).
 * Returns false, for `return bk_fail(e, ...)`. */
bool bk_fail(struct bk_error *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
