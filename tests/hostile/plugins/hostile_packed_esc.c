/* A compiled symbol holding ESC. */
#include "hostile.h"

static const char pool[] = "\0good\0Sym\033[8mbol";
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){6, 1, 1, 0, 0, 0}));
