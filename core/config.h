/* config.c: bkerr.ini -> plain struct. */
#ifndef BKERR_CONFIG_H
#define BKERR_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "bkerr/bkerr.h"
#include "common/error.h"

struct bk_diags;

struct bk_cfg_catalog {
    char *id;
    char *path;      /* as written, or "<id>.so"; resolved by the loader */
    bool enabled, required;
    int line;
};
struct bk_cfg_platform {
    int prefix;
    char *id, *name_zh, *name_en;
    int line;
};
struct bk_config {
    char *path;       /* the file read */
    char *plugin_dir; /* absolute or relative to the file's directory */
    int plugin_dir_line;
    enum bkerr_lang lang;
    bool fatal;
    bool lazy; /* load = lazy */
    struct bk_cfg_catalog *catalogs;
    size_t n_catalogs;
    struct bk_cfg_platform *platforms;
    size_t n_platforms;
};
/* Reads path into *cfg.  True, or false with BKERR_ECONFIG or
 * BKERR_ENOMEM and "file:line: what; hint" in err.  With keep_going each
 * error the reader can step over is appended to diags instead (its line,
 * and "what; hint"), and only an unreadable file or memory fails it. */
bool bk_config_read(const char *path, bool keep_going, struct bk_config *cfg,
                    struct bk_diags *diags, struct bk_error *err);
void bk_config_free(struct bk_config *cfg);

#endif
