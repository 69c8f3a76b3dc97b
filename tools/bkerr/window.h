/* The lines of one input and the codes in them (bkerr_scan()), read
 * through a fixed window, so that bkerr annotate's memory does not grow
 * with the longest line: a 1 GiB line takes what a 1 MiB one takes.
 *
 * A line that fits in the window is handed over whole.  A longer one is
 * handed over in pieces as the window slides along it; each slide keeps
 * the last `overlap` bytes and BKERR_SCAN_BEFORE more (what bkerr_scan()
 * reads before a number), so a code split by the window's edge is found
 * whole in the next window.  Each code is reported once, left to right,
 * exactly as bkerr_scan() finds it in the whole line. */
#ifndef BKERR_WINDOW_H
#define BKERR_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "bkerr/bkerr.h"

/* Returned by text() to stop reading (the output has failed). */
#define WINDOW_STOP ((size_t)-1)

struct window_ops {
    /* Reads up to n bytes into buf, as read(2) does: the byte count, 0 at
     * the end of the input, or -1 with errno set. */
    ssize_t (*read)(void *ctx, char *buf, size_t n);
    /* A code found in the current line; false: no more in this line. */
    bool (*hit)(void *ctx, int64_t code);
    /* n bytes of a line longer than the window, which it must let go of,
     * following those of the last call; returns how many it took (at
     * least n - 3: the rest, part of a UTF-8 character, comes again), or
     * WINDOW_STOP. */
    size_t (*text)(void *ctx, const char *s, size_t n);
    /* The end of a line: the rest of its text (all of it unless text()
     * took some; then still at least `overlap` bytes), without its
     * newline; newline false for a last line that has none.  Every code of
     * the line has been reported.  Returns false to stop reading. */
    bool (*end)(void *ctx, const char *s, size_t n, bool newline);
};

/* Reads every line of the input through a window of cap bytes at buf,
 * keeping overlap + BKERR_SCAN_BEFORE bytes at each slide (overlap >= 32,
 * cap >= 2 * (overlap + BKERR_SCAN_BEFORE)); reg and product are
 * bkerr_scan()'s (product a valid id or NULL).  Returns 0 at the end of
 * the input or when a callback stopped it, -1 on a read error (errno
 * set). */
int window_run(const struct window_ops *ops, void *ctx,
               const bkerr_registry *reg, const char *product, char *buf,
               size_t cap, size_t overlap);

#endif
