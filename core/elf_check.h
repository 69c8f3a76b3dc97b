/* elf.c: what dlopen() would map, read from the descriptor first.  (Not
 * elf.h: <link.h> includes the system's <elf.h>, which a core/elf.h would
 * shadow wherever core/ is an include directory, as it is for libbkerr.) */
#ifndef BKERR_ELF_CHECK_H
#define BKERR_ELF_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "common/error.h"

/* True if fd (size bytes) is a shared object for this machine whose
 * loadable segments the file holds whole and which names no library
 * outside the system's search path (no RUNPATH/RPATH, no '/' in NEEDED);
 * else false and err. */
bool bk_elf_check(int fd, const char *path, uint64_t size, struct bk_error *err);
/* True and the prefixes (bit p of prefixes[p / 64]) if fd (size bytes) is
 * a shared object for this machine with bkerr-catc's guest note
 * (common/note.h); false for any other file. */
bool bk_elf_guest_note(int fd, uint64_t size, uint64_t prefixes[2]);

#endif
