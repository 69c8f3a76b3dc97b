/* bkerr_catalog is an exported object of size 0 (followed by bytes that
 * look like a descriptor header): nothing may be read through it. */
__asm__(".section .rodata\n"
        ".globl bkerr_catalog\n"
        ".type bkerr_catalog, @object\n"
        ".size bkerr_catalog, 0\n"
        ".balign 8\n"
        "bkerr_catalog:\n"
        ".short 1, 0\n"
        ".long 104\n"
        ".zero 120\n"
        ".previous\n");
