/* plugin_file.c: one descriptor for the checks and the load. */
#ifndef BKERR_PLUGIN_FILE_H
#define BKERR_PLUGIN_FILE_H

#include "common/error.h"

/* The dlopen() handle of the plugin at path (resolved), loaded through the
 * descriptor every file check ran on; NULL with the reason in err. */
void *bk_plugin_open(const char *path, struct bk_error *err);
void bk_plugin_close(void *handle);

#endif
