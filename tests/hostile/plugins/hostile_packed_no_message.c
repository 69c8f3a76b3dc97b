/* An entry with a symbol but no message in either language. */
#include "hostile.h"

static const char pool[] = "\0good\0Nameless";
HOSTILE_PACKED(pool, ((struct bkerr_packed_entry){6, 0, 0, 0, 0, 0}));
