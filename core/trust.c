/* Whether a plugin file may be loaded at all: a regular file that only
 * root or the current user could have written, nor swapped by renaming
 * a directory above it or re-pointing a symlink on the way to it. */
#include "trust.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bkerr/bkerr.h"
#include "common/error.h"

#define reject(err, ...) bk_fail((err), BKERR_ECATALOG, __VA_ARGS__)

/* Refuses what others could have written: st is of path, or of the
 * descriptor opened on it. */
static bool trust_stat(const char *path, const struct stat *st,
                       const char *what, struct bk_error *err)
{
    if (st->st_mode & (S_IWGRP | S_IWOTH))
        return reject(err, "%s: %s is group- or world-writable (mode %04o); "
                           "run chmod go-w on it", path, what,
                           (unsigned)(st->st_mode & 07777));
    if (st->st_uid != 0 && st->st_uid != geteuid())
        return reject(err, "%s: %s is owned by uid %u, neither root nor the "
                           "current user (uid %u); chown it to root", path,
                           what, (unsigned)st->st_uid, (unsigned)geteuid());
    return true;
}

static bool trust_one(const char *path, const char *what, struct bk_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return reject(err, "%s: cannot stat %s: %s", path, what,
                           strerror(errno));
    return trust_stat(path, &st, what, err);
}

/* A directory passed through on the way to a plugin: whoever can write it
 * could rename what is inside away and put their own in its place.  A
 * sticky directory (/tmp) lets nobody rename what others own. */
static bool trust_passage(const char *path, const char *dir, struct bk_error *err)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return reject(err, "%s: cannot stat a directory on the way to it, "
                           "%s: %s", path, dir, strerror(errno));
    if (st.st_uid != 0 && st.st_uid != geteuid())
        return reject(err, "%s: a directory on the way to it, %s, is owned by "
                           "uid %u, neither root nor the current user (uid "
                           "%u)", path, dir, (unsigned)st.st_uid,
                           (unsigned)geteuid());
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX))
        return reject(err, "%s: a directory on the way to it, %s, is group- "
                           "or world-writable (mode %04o); run chmod go-w on "
                           "it", path, dir, (unsigned)(st.st_mode & 07777));
    return true;
}

bool bk_file_trust(const char *path, const struct stat *st, struct bk_error *err)
{
    if (!S_ISREG(st->st_mode))
        return reject(err, "%s: not a regular file; a catalog is a .so file",
                           path);
    if (!trust_stat(path, st, "the file", err))
        return false;
    char dir[BK_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *d = dirname(dir);
    if (!trust_one(d, "its directory", err))
        return false;
    char up[BK_PATH_MAX];
    snprintf(up, sizeof up, "%s", d);
    while (strcmp(up, "/") != 0 && strcmp(up, ".") != 0) {
        char tmp[BK_PATH_MAX];
        snprintf(tmp, sizeof tmp, "%s", up);
        snprintf(up, sizeof up, "%s", dirname(tmp));
        if (!trust_passage(path, up, err))
            return false;
    }
    return true;
}

/* Appends "/name" (n bytes) to the directory cur; false if too long. */
static bool descend(char *cur, const char *name, size_t n)
{
    size_t len = strlen(cur);
    if (len == 1) /* "/" */
        len = 0;
    if (len + 1 + n >= BK_PATH_MAX)
        return false;
    cur[len] = '/';
    memcpy(cur + len + 1, name, n);
    cur[len + 1 + n] = '\0';
    return true;
}

/* realpath(), checking on the way: each directory a lookup passes through
 * (but the file's own, which bk_file_trust() holds to the stricter rule),
 * each symlink's owner, and the directories of each symlink's target. */
bool bk_path_trust(const char *path, struct bk_error *err)
{
    char cur[BK_PATH_MAX] = "/", todo[BK_PATH_MAX];
    if (path[0] != '/')
        return true; /* only the resolved plugin_dir leads here */
    snprintf(todo, sizeof todo, "%s", path);
    for (int links = 0; todo[0];) {
        char *p = todo;
        while (*p == '/')
            p++;
        size_t n = strcspn(p, "/");
        char name[BK_PATH_MAX];
        memcpy(name, p, n);
        name[n] = '\0';
        memmove(todo, p + n, strlen(p + n) + 1);
        if (n == 0 || strcmp(name, ".") == 0)
            continue;
        if (strcmp(name, "..") == 0) {
            char *slash = strrchr(cur, '/');
            slash[slash == cur] = '\0';
            continue;
        }
        char next[BK_PATH_MAX];
        snprintf(next, sizeof next, "%s", cur);
        struct stat st;
        if (!descend(next, name, n))
            errno = ENAMETOOLONG;
        else if (lstat(next, &st) == 0)
            errno = 0;
        if (errno)
            return reject(err, "%s: cannot follow the path at %s: %s", path,
                          next, strerror(errno));
        if (!S_ISLNK(st.st_mode) && !S_ISDIR(st.st_mode))
            return true; /* the file: bk_file_trust() checks it */
        if (!trust_passage(path, cur, err))
            return false;
        if (S_ISDIR(st.st_mode)) {
            snprintf(cur, sizeof cur, "%s", next);
            continue;
        }
        if (st.st_uid != 0 && st.st_uid != geteuid())
            return reject(err, "%s: the symlink %s on the way to it is owned "
                               "by uid %u, neither root nor the current user "
                               "(uid %u): its owner can re-point it", path,
                          next, (unsigned)st.st_uid, (unsigned)geteuid());
        char target[BK_PATH_MAX];
        ssize_t t = readlink(next, target, sizeof target - 1);
        if (t <= 0 || ++links > 40 ||
            (size_t)t + strlen(todo) + 2 > sizeof todo)
            return reject(err, "%s: cannot follow the symlink %s", path, next);
        target[t] = '\0';
        /* todo becomes target "/" todo: the link's path, then the rest */
        size_t rest = strlen(todo);
        memmove(todo + t + 1, todo, rest + 1);
        memcpy(todo, target, (size_t)t);
        todo[t] = '/';
        if (target[0] == '/')
            snprintf(cur, sizeof cur, "/");
    }
    return true;
}
