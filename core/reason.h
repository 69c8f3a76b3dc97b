/* Sizes of the buffers a rejection reason and a resolved path go in:
 * the loader and its file checks (loader.c, plugin_file.c, trust.c,
 * elf.c) and registry.c. */
#ifndef BKERR_REASON_H
#define BKERR_REASON_H

#define BK_PATH_MAX 4096
#define BK_REASON_SIZE (BK_PATH_MAX + 512)

#endif
