/* guest_only's catalog (id guestprod) with a bkerr note whose name size
 * runs far past its segment: read as no note at all, never past the
 * bytes read. */
#include "guest_only.c"

__asm__(".pushsection .note.bkerr, \"a\", %note\n"
        ".balign 4\n"
        ".long 0x7ffffff0, 16, 1\n"
        ".asciz \"bkerr\"\n"
        ".balign 4\n"
        ".long 0, 0, 0, 0\n"
        ".popsection\n");
