/* marks.c: which of 64 bytes are digits and which '-'. */
#ifndef BKERR_MARKS_H
#define BKERR_MARKS_H

#include <stdint.h>

/* Bit k of each mask stands for byte k of the 64. */
struct bk_marks {
    uint64_t digit; /* '0' .. '9' */
    uint64_t minus; /* '-' */
};

/* The marks of s[0, 64): 16 bytes at a time where the machine has SSE2,
 * else bk_marks_portable(). */
void bk_marks(const unsigned char *s, struct bk_marks *m);
/* The same, 8 bytes at a time in plain C (tests compare the two). */
void bk_marks_portable(const unsigned char *s, struct bk_marks *m);

#endif
