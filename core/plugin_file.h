/* plugin_file.c: one descriptor for the checks and the load. */
#ifndef BKERR_PLUGIN_FILE_H
#define BKERR_PLUGIN_FILE_H

/* The dlopen() handle of the plugin at path (resolved), loaded through the
 * descriptor every file check ran on; NULL with the reason in why. */
void *bk_plugin_open(const char *path, char *why);
void bk_plugin_close(void *handle);

#endif
