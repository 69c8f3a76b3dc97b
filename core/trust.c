/* Whether a plugin file may be loaded at all: a regular file that only
 * root or the current user could have written, nor swapped by renaming
 * a directory above it. */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define reject(why, ...) (bk_errf((why), BK_REASON_SIZE, __VA_ARGS__), false)

/* Refuses what others could have written: st is of path, or of the
 * descriptor opened on it. */
static bool trust_stat(const char *path, const struct stat *st,
                       const char *what, char *why)
{
    if (st->st_mode & (S_IWGRP | S_IWOTH))
        return reject(why, "%s: %s is group- or world-writable (mode %04o); "
                           "run chmod go-w on it", path, what,
                           (unsigned)(st->st_mode & 07777));
    if (st->st_uid != 0 && st->st_uid != geteuid())
        return reject(why, "%s: %s is owned by uid %u, neither root nor the "
                           "current user (uid %u); chown it to root", path,
                           what, (unsigned)st->st_uid, (unsigned)geteuid());
    return true;
}

static bool trust_one(const char *path, const char *what, char *why)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return reject(why, "%s: cannot stat %s: %s", path, what,
                           strerror(errno));
    return trust_stat(path, &st, what, why);
}

bool bk_file_trust(const char *path, const struct stat *st, char *why)
{
    if (!S_ISREG(st->st_mode))
        return reject(why, "%s: not a regular file; a catalog is a .so file",
                           path);
    if (!trust_stat(path, st, "the file", why))
        return false;
    char dir[BK_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *d = dirname(dir);
    if (!trust_one(d, "its directory", why))
        return false;
    /* Whoever can write a directory above could rename the plugin
     * directory away and put another in its place.  A sticky directory
     * (/tmp) lets nobody rename what others own. */
    char up[BK_PATH_MAX];
    snprintf(up, sizeof up, "%s", d);
    while (strcmp(up, "/") != 0 && strcmp(up, ".") != 0) {
        char tmp[BK_PATH_MAX];
        snprintf(tmp, sizeof tmp, "%s", up);
        snprintf(up, sizeof up, "%s", dirname(tmp));
        struct stat ast;
        if (stat(up, &ast) != 0)
            return reject(why, "%s: cannot stat a directory above it, %s: %s",
                               path, up, strerror(errno));
        if (ast.st_uid != 0 && ast.st_uid != geteuid())
            return reject(why, "%s: a directory above it, %s, is owned by uid "
                               "%u, neither root nor the current user (uid "
                               "%u)", path, up, (unsigned)ast.st_uid,
                               (unsigned)geteuid());
        if ((ast.st_mode & (S_IWGRP | S_IWOTH)) && !(ast.st_mode & S_ISVTX))
            return reject(why, "%s: a directory above it, %s, is group- or "
                               "world-writable (mode %04o); run chmod go-w on "
                               "it", path, up, (unsigned)(ast.st_mode & 07777));
    }
    return true;
}

