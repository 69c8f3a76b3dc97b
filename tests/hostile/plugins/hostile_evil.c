/* Loaded only through a plugin's RUNPATH, RPATH or a path in its NEEDED
 * entry, from a directory anyone may write: if its constructor ever runs,
 * the loading process exits 37. */
#include <unistd.h>

__attribute__((constructor)) static void hostile_evil(void)
{
    _exit(37);
}

extern __attribute__((visibility("default"))) int hostile_evil_helper(void);
int hostile_evil_helper(void)
{
    return 0;
}
