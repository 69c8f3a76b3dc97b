/* plugin_file.c: one descriptor for the checks and the load. */
#ifndef BKERR_PLUGIN_FILE_H
#define BKERR_PLUGIN_FILE_H

#include <stdbool.h>
#include <stdint.h>

#include "common/error.h"

/* What a plugin's guest note (common/note.h) says. */
struct bk_guest_note {
    bool present;        /* bkerr-catc wrote one */
    uint64_t prefix[2];  /* bit p of prefix[p / 64]: a guest under p */
};
/* The dlopen() handle of the plugin at path (resolved), loaded through the
 * descriptor every file check ran on, and its guest note from that
 * descriptor; NULL with the reason in err. */
void *bk_plugin_open(const char *path, struct bk_guest_note *note,
                     struct bk_error *err);
void bk_plugin_close(void *handle);
/* The guest note of the plugin at path, read without loading it: not
 * present for a file without one, and for anything but a readable regular
 * file (its load then gives the reason). */
void bk_plugin_guest_note(const char *path, struct bk_guest_note *note);

#endif
