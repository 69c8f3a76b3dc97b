/* The ELF note bkerr-catc writes into each plugin it builds, and the
 * registry reads from the file before loading it (core/elf.c): the
 * prefixes its guest codes use (legacy codes that are standard codes
 * under a prefix the catalog does not own), so that a lazily opened
 * registry loads, for a prefix, only the catalogs that may hold guests
 * there.  A plugin without the note may hold guests anywhere. */
#ifndef BKERR_COMMON_NOTE_H
#define BKERR_COMMON_NOTE_H

#define BK_NOTE_NAME "bkerr"   /* the note's owner (n_namesz 6 with NUL) */
#define BK_NOTE_GUEST_PREFIXES 1 /* n_type */
/* n_descsz: 4 native-endian uint32 words, bit p % 32 of word p / 32 set
 * if a guest code uses prefix p (0-127; standard prefixes are 10-99) */
#define BK_NOTE_GUEST_WORDS 4

#endif
