/* Counts heap allocations made by anything in the process (libbkerr, libc,
 * dlopen), for bench/ and tests/test_noalloc.c.
 *
 * A normal build interposes malloc and its family in the executable that
 * links alloc_count.c, forwarding to glibc's __libc_* functions.  Under
 * AddressSanitizer, whose allocator must stay in charge, it installs a
 * sanitizer malloc hook instead.  Either way every malloc, calloc, realloc
 * and aligned allocation adds one; free() is not counted. */
#ifndef BKERR_ALLOC_COUNT_H
#define BKERR_ALLOC_COUNT_H

#include <stdbool.h>
#include <stdint.h>

/* Allocations counted so far in the whole process. */
uint64_t alloc_count(void);

/* How the count is taken: "malloc interposer" or "ASan malloc hook". */
const char *alloc_count_method(void);

/* True if counting works here: allocates once (through a pointer the
 * compiler cannot see through) and checks that the count moved. */
bool alloc_count_works(void);

#endif
