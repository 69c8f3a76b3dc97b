/* guest_only's catalog (id guestprod) with a bkerr guest note that lists
 * prefix 11 only, though it has guests under 18 and 20 too: a lazy
 * registry would miss them, so the loader refuses it. */
#include "guest_only.c"

__asm__(".pushsection .note.bkerr, \"a\", %note\n"
        ".balign 4\n"
        ".long 6, 16, 1\n"
        ".asciz \"bkerr\"\n"
        ".balign 4\n"
        ".long 0x800, 0, 0, 0\n"
        ".popsection\n");
