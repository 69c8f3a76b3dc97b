/* window_run(): see window.h. */
#include <errno.h>
#include <string.h>

#include "window.h"

struct win {
    const struct window_ops *ops;
    void *ctx;
    const bkerr_registry *reg;
    const char *product;
    char *buf;
    size_t cap, overlap;
    size_t head;     /* the current line's first byte still held */
    size_t tail;     /* the end of what was read */
    size_t searched; /* no newline in [head, searched) */
    size_t out;      /* the first byte not yet handed to text() */
    size_t lo, hi;   /* this scan reports the keys in [lo, hi) */
    bool hunting;    /* hit() still wants codes of this line */
    bool stopped;    /* a callback said stop */
};

/* Reports the codes that start in [lo, hi), scanning what is held of the
 * line up to end: codes before lo were reported by an earlier scan, and
 * those from hi on have too little of the line after them in the window
 * yet.  bkerr_scan() decides a number by at most BKERR_SCAN_BEFORE bytes
 * before it, all held (lo >= head + BKERR_SCAN_BEFORE after a slide), and
 * BKERR_SCAN_AFTER bytes after it, held for a code before hi. */
static void scan(struct win *w, size_t end, size_t hi)
{
    size_t pos = w->lo - w->head;
    struct bkerr_scan_hit hit = {.size = sizeof hit};
    while (w->hunting &&
           bkerr_scan(w->reg, w->product, w->buf + w->head, end - w->head,
                      &pos, &hit) == 1 &&
           w->head + hit.offset < hi)
        w->hunting = w->ops->hit(w->ctx, hit.code);
    w->lo = hi;
}

/* Moves [from, tail) to the front of the buffer. */
static void move_to_front(struct win *w, size_t from)
{
    memmove(w->buf, w->buf + from, w->tail - from);
    w->head -= from, w->tail -= from, w->searched -= from;
    w->out -= from, w->lo -= from;
}

/* The line ends at end (its newline, or the end of the input). */
static void end_line(struct win *w, size_t end, bool newline)
{
    scan(w, end, end);
    if (!w->ops->end(w->ctx, w->buf + w->out, end - w->out, newline))
        w->stopped = true;
    w->head = w->out = w->lo = w->searched = end + newline;
    w->hunting = true;
}

/* The window holds nothing but part of one line: report the codes that
 * have overlap bytes after their start, hand over the text before the
 * last overlap + BKERR_SCAN_BEFORE bytes, and keep those. */
static void slide(struct win *w)
{
    size_t hi = w->tail - w->overlap, keep = hi - BKERR_SCAN_BEFORE;
    scan(w, w->tail, hi);
    size_t took = w->ops->text(w->ctx, w->buf + w->out, keep - w->out);
    if (took == WINDOW_STOP) {
        w->stopped = true;
        return;
    }
    w->out += took;
    w->head = w->out < keep ? w->out : keep;
    move_to_front(w, w->head);
}

int window_run(const struct window_ops *ops, void *ctx,
               const bkerr_registry *reg, const char *product, char *buf,
               size_t cap, size_t overlap)
{
    struct win w = {.ops = ops, .ctx = ctx, .reg = reg, .product = product,
                    .buf = buf, .cap = cap, .overlap = overlap,
                    .hunting = true};
    while (!w.stopped) {
        char *nl = memchr(w.buf + w.searched, '\n', w.tail - w.searched);
        if (nl) {
            end_line(&w, (size_t)(nl - w.buf), true);
            continue;
        }
        w.searched = w.tail;
        if (w.tail == w.cap) {
            if (w.head > 0)
                move_to_front(&w, w.head);
            else
                slide(&w);
            continue;
        }
        ssize_t r = ops->read(ctx, w.buf + w.tail, w.cap - w.tail);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            int saved = errno;
            if (w.tail > w.head) /* what was read of a last line */
                end_line(&w, w.tail, false);
            errno = saved;
            return r < 0 ? -1 : 0;
        }
        w.tail += (size_t)r;
    }
    return 0;
}
