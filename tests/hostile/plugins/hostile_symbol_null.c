/* A NULL descriptor: bkerr_catalog is an absolute symbol of value 0, so
 * dlsym() finds it and returns NULL. */
__asm__(".globl bkerr_catalog\n"
        ".type bkerr_catalog, @object\n"
        ".size bkerr_catalog, 104\n"
        ".set bkerr_catalog, 0\n");
