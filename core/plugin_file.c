/* Opens a plugin file once and loads exactly the inode that was checked.
 *
 * dlopen(path) would open the file again by name: a file swapped in after
 * the checks would be loaded unchecked, and glibc answers a path it has
 * loaded before with the old object without looking at the file, so a
 * reload never saw a new version.  Here the trust and ELF checks run on one
 * descriptor, and dlopen() loads "/proc/self/fd/N", which names that
 * descriptor's inode.
 *
 * glibc also matches that name against every name a loaded object was
 * ever opened under.  So a descriptor stays open as long as an object
 * carries its name: the name never comes to mean another file.  bkerr keeps
 * one object per inode (dev, ino) and counts its own references, so an
 * unchanged plugin reloaded a thousand times is one object, one descriptor
 * and one name. */
#include "plugin_file.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf_check.h"
#include "bkerr/bkerr.h"
#include "trust.h"
#include "common/error.h"

#define reject(err, ...) (bk_fail((err), BKERR_ECATALOG, __VA_ARGS__), NULL)

struct object {
    dev_t dev;
    ino_t ino;
    int fd;       /* "/proc/self/fd/<fd>" is the object's name */
    void *handle; /* NULL once bkerr let go but another holder kept it */
    unsigned refs;
    struct object *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct object *objects;

static void fd_name(char name[32], int fd)
{
    snprintf(name, 32, "/proc/self/fd/%d", fd);
}

/* dlerror()'s text without the "/proc/self/fd/N: " it starts with. */
static const char *dl_reason(const char *name)
{
    const char *e = dlerror();
    size_t n = strlen(name);
    if (!e)
        return "unknown error";
    if (strncmp(e, name, n) == 0 && e[n] == ':' && e[n + 1] == ' ')
        return e + n + 2;
    return e;
}

/* dlopen()s the object of o (the caller holds lock). */
static void *load(struct object *o, const char *path, struct bk_error *err)
{
    char name[32];
    fd_name(name, o->fd);
    o->handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!o->handle && access("/proc/self/fd", X_OK) != 0)
        return reject(err, "%s: cannot load it through %s: /proc is not "
                           "mounted here, and bkerr loads plugins only "
                           "through the descriptor it checked", path, name);
    if (!o->handle)
        return reject(err, "%s: not a loadable shared object (%s); build the "
                           "catalog as a .so", path, dl_reason(name));
    o->refs = 1;
    return o->handle;
}

void *bk_plugin_open(const char *path, struct bk_guest_note *note,
                     struct bk_error *err)
{
    /* stat() first: a FIFO or a device is refused without being opened. */
    struct stat st;
    if (stat(path, &st) != 0)
        return reject(err, "%s: cannot open: %s; check the catalog's path",
                      path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return reject(err, "%s: not a regular file; a catalog is a .so file",
                      path);
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return reject(err, "%s: cannot open: %s; check the catalog's path",
                      path, strerror(errno));
    if (fstat(fd, &st) != 0)
        bk_fail(err, BKERR_ECATALOG, "%s: cannot stat: %s", path, strerror(errno));
    if (err->code || !bk_file_trust(path, &st, err) ||
        !bk_elf_check(fd, path, (uint64_t)st.st_size, err)) {
        close(fd);
        return NULL;
    }
    note->present = bk_elf_guest_note(fd, (uint64_t)st.st_size, note->prefix);
    pthread_mutex_lock(&lock);
    struct object *o = objects;
    while (o && (o->dev != st.st_dev || o->ino != st.st_ino))
        o = o->next;
    void *h = NULL;
    if (o && o->handle) { /* the same inode: the object already loaded */
        o->refs++;
        h = o->handle;
        close(fd);
    } else if (o) { /* kept by another holder, still under o's name */
        close(fd);
        h = load(o, path, err);
    } else if (!(o = calloc(1, sizeof *o))) {
        close(fd);
        bk_fail(err, BKERR_ENOMEM, "%s: out of memory", path);
    } else {
        /* Listed before dlopen(): a constructor that exits finds it
         * reachable, not leaked. */
        *o = (struct object){st.st_dev, st.st_ino, fd, NULL, 0, objects};
        objects = o;
        if (!(h = load(o, path, err))) {
            objects = o->next;
            close(fd), free(o);
        }
    }
    pthread_mutex_unlock(&lock);
    return h;
}

void bk_plugin_close(void *handle)
{
    if (!handle)
        return;
    pthread_mutex_lock(&lock);
    struct object **at = &objects;
    while (*at && (*at)->handle != handle)
        at = &(*at)->next;
    struct object *o = *at;
    if (!o || --o->refs == 0)
        dlclose(handle);
    if (o && o->refs == 0) {
        o->handle = NULL;
        /* Still loaded (the service opened it too, or it cannot be
         * unloaded): keep the descriptor, so its name keeps naming it. */
        char name[32];
        fd_name(name, o->fd);
        void *still = dlopen(name, RTLD_LAZY | RTLD_LOCAL | RTLD_NOLOAD);
        if (still) {
            dlclose(still);
        } else {
            dlerror();
            *at = o->next;
            close(o->fd);
            free(o);
        }
    }
    pthread_mutex_unlock(&lock);
}

void bk_plugin_guest_note(const char *path, struct bk_guest_note *note)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    note->present = false;
    if (fd < 0)
        return;
    note->present = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                    bk_elf_guest_note(fd, (uint64_t)st.st_size, note->prefix);
    close(fd);
}
