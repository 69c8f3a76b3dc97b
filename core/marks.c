/* bk_marks(): the digits and the '-' among 64 bytes as bit masks, so
 * that bkerr_scan() finds a 7-digit run with a few shifts instead of a
 * branch per digit run (a log is full of short ones: timestamps, hex
 * ids, IPs). */
#include "marks.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The high bit of each byte of x that is an ASCII digit: b + (0x80 - '0')
 * sets it for b >= '0', b + (0x7F - '9') for b > '9' (no carry between
 * bytes: each sum of a byte < 0x80 stays < 0x100), and a byte >= 0x80 is
 * no digit. */
static uint64_t digit_highs(uint64_t x)
{
    const uint64_t ones = UINT64_C(0x0101010101010101);
    const uint64_t highs = ones * 0x80;
    uint64_t low = x & ~highs;
    uint64_t ge0 = low + ones * (0x80 - '0');
    uint64_t gt9 = low + ones * (0x7F - '9');
    return ge0 & ~gt9 & ~x & highs;
}

/* The high bit of each byte of x equal to c: a byte of x ^ c is zero
 * exactly when adding 0x7F to its low seven bits leaves its high bit
 * clear and its own high bit is clear too (no carry between bytes). */
static uint64_t equal_highs(uint64_t x, unsigned char c)
{
    const uint64_t lows = UINT64_C(0x7F7F7F7F7F7F7F7F);
    uint64_t v = x ^ (UINT64_C(0x0101010101010101) * c);
    return ~(((v & lows) + lows) | v) & ~lows;
}

/* The high bits of the 8 bytes of x (loaded in memory order) as 8 bits,
 * byte k's as bit k. */
static uint64_t gather(uint64_t highs)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    highs = __builtin_bswap64(highs);
#endif
    /* byte k's bit, at 8k + 7, is carried to 56 + k; no two land on one */
    return ((highs >> 7) * UINT64_C(0x0102040810204080)) >> 56;
}

void bk_marks_portable(const unsigned char *s, struct bk_marks *m)
{
    *m = (struct bk_marks){0};
    for (unsigned k = 0; k < 8; k++) {
        uint64_t x;
        memcpy(&x, s + 8 * k, 8);
        m->digit |= gather(digit_highs(x)) << (8 * k);
        m->minus |= gather(equal_highs(x, '-')) << (8 * k);
    }
}

void bk_marks(const unsigned char *s, struct bk_marks *m)
{
#if defined(__SSE2__)
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    const __m128i minus = _mm_set1_epi8('-');
    *m = (struct bk_marks){0};
    for (unsigned k = 0; k < 4; k++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
        /* x - '0' as an unsigned byte is at most 9 for a digit only */
        __m128i d = _mm_sub_epi8(x, zero);
        __m128i is_digit = _mm_cmpeq_epi8(_mm_min_epu8(d, nine), d);
        m->digit |= (uint64_t)(uint16_t)_mm_movemask_epi8(is_digit) << (16 * k);
        m->minus |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, minus))
                    << (16 * k);
    }
#else
    bk_marks_portable(s, m);
#endif
}
