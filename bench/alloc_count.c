/* See alloc_count.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "alloc_count.h"

#include <malloc.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define ALLOC_COUNT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALLOC_COUNT_ASAN 1
#endif
#endif

static _Atomic uint64_t allocations;

static void counted(void)
{
    atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed);
}

#ifdef ALLOC_COUNT_ASAN
/* The sanitizer runtime exports this; GCC 12 ships no header for it. */
int __sanitizer_install_malloc_and_free_hooks(
    void (*malloc_hook)(const volatile void *, size_t),
    void (*free_hook)(const volatile void *));

static void on_malloc(const volatile void *p, size_t n)
{
    (void)p, (void)n;
    counted();
}

static void on_free(const volatile void *p)
{
    (void)p;
}

/* The runtime wants both hooks.  alloc_count_works() tells if this failed. */
__attribute__((constructor)) static void install(void)
{
    (void)__sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
}

const char *alloc_count_method(void)
{
    return "ASan malloc hook";
}

#else
/* glibc's own entry points, which its malloc, calloc, ... also are. */
void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void *__libc_memalign(size_t, size_t);
void __libc_free(void *);

/* Visible definitions in the executable interpose over libc's for every
 * shared object (glibc documents replacing malloc this way). */
#define ALLOC_COUNT_API __attribute__((visibility("default")))

ALLOC_COUNT_API void *malloc(size_t n)
{
    counted();
    return __libc_malloc(n);
}

ALLOC_COUNT_API void *calloc(size_t k, size_t n)
{
    counted();
    return __libc_calloc(k, n);
}

ALLOC_COUNT_API void *realloc(void *p, size_t n)
{
    counted();
    return __libc_realloc(p, n);
}

ALLOC_COUNT_API void free(void *p)
{
    __libc_free(p);
}

ALLOC_COUNT_API void *memalign(size_t align, size_t n)
{
    counted();
    return __libc_memalign(align, n);
}

ALLOC_COUNT_API void *aligned_alloc(size_t align, size_t n)
{
    counted();
    return __libc_memalign(align, n);
}

ALLOC_COUNT_API int posix_memalign(void **out, size_t align, size_t n)
{
    if (align < sizeof(void *) || (align & (align - 1)))
        return 22; /* EINVAL */
    counted();
    void *p = __libc_memalign(align, n);
    if (!p)
        return 12; /* ENOMEM */
    *out = p;
    return 0;
}

const char *alloc_count_method(void)
{
    return "malloc interposer";
}
#endif

uint64_t alloc_count(void)
{
    return atomic_load_explicit(&allocations, memory_order_relaxed);
}

bool alloc_count_works(void)
{
    void *(*volatile m)(size_t) = malloc;
    void (*volatile f)(void *) = free;
    uint64_t before = alloc_count();
    void *p = m(24);
    bool moved = alloc_count() > before;
    f(p);
    return moved && p;
}
