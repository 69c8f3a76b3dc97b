/* Shared helpers of the libFuzzer targets in tests/fuzz. */
#ifndef BKERR_FUZZ_H
#define BKERR_FUZZ_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Stops the run: libFuzzer reports the input and its stack as a crash. */
#define FUZZ_ASSERT(cond)                                                    \
    do {                                                                     \
        if (!(cond)) {                                                       \
            dprintf(2, "%s:%d: fuzz invariant failed: %s\n", __FILE__,       \
                    __LINE__, #cond);                                        \
            abort();                                                         \
        }                                                                    \
    } while (0)

/* Stops the run on a failure of the harness itself (not of bkerr). */
static inline void fuzz_die(const char *what)
{
    dprintf(2, "fuzz harness: %s: %s\n", what, strerror(errno));
    abort();
}

/* True if s[0..n) is well-formed UTF-8 (RFC 3629: no overlongs, no
 * surrogates, nothing past U+10FFFF).  Independent of core/common/text.c. */
static inline bool fuzz_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t k;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return false;
        }
        if (n - i <= k) /* the sequence runs past the end */
            return false;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return false;
        for (size_t j = 2; j <= k; j++)
            if ((p[i + j] & 0xC0) != 0x80)
                return false;
        i += k + 1;
    }
    return true;
}

static inline bool fuzz_utf8z(const char *s)
{
    return fuzz_utf8(s, strlen(s));
}

/* A memfd to hand inputs over as a file: its path is /proc/self/fd/N. */
struct fuzz_file {
    int fd;
    char path[64];
};

static inline void fuzz_file_init(struct fuzz_file *f, const char *name)
{
    f->fd = memfd_create(name, MFD_CLOEXEC);
    if (f->fd < 0)
        fuzz_die("memfd_create");
    snprintf(f->path, sizeof f->path, "/proc/self/fd/%d", f->fd);
}

/* Replaces the file's contents with data[0..size). */
static inline void fuzz_file_set(struct fuzz_file *f, const void *data,
                                 size_t size)
{
    if (ftruncate(f->fd, 0) != 0)
        fuzz_die("ftruncate");
    const char *p = data;
    size_t done = 0;
    while (done < size) {
        ssize_t w = pwrite(f->fd, p + done, size - done, (off_t)done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            fuzz_die("pwrite");
        done += (size_t)w;
    }
}

/* A NUL-terminated heap copy of data[0..size). */
static inline char *fuzz_strndup(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        fuzz_die("malloc");
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

#endif
