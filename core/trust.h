/* trust.c: who could have written a plugin or re-pointed its path. */
#ifndef BKERR_TRUST_H
#define BKERR_TRUST_H

#include <stdbool.h>

#include "common/error.h"

struct stat;
/* True if st (of the descriptor opened on path) is a regular file that it
 * and the directories above it are safe to load (not writable by others,
 * owned by root or us); else false and err. */
bool bk_file_trust(const char *path, const struct stat *st, struct bk_error *err);
/* True if every directory passed through on the way to path as written,
 * and every symlink followed, is safe (as bk_file_trust()'s directories
 * above); else false and err. */
bool bk_path_trust(const char *path, struct bk_error *err);

#endif
