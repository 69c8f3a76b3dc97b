/* config.c: bkerr.ini -> plain struct. */
#ifndef BKERR_CONFIG_H
#define BKERR_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "bkerr/bkerr.h"

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
/* 0, or BKERR_ECONFIG/BKERR_ENOMEM with "file:line: ..." in err. */
int bk_config_read(const char *path, struct bk_config *cfg, char *err,
                   size_t errlen);
void bk_config_free(struct bk_config *cfg);

#endif
