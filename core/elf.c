/* What the dynamic linker will map and search, read from the plugin's
 * descriptor before dlopen() sees it.  glibc maps every PT_LOAD segment
 * whether or not the file still holds it, and a page past the end of the
 * file raises SIGBUS when touched: a half-copied plugin would kill the
 * service inside dlopen().  And a plugin's RUNPATH/RPATH, or a NEEDED
 * entry with a '/', would load a library from a directory nobody checked. */
#include "elf_check.h"

#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bkerr/bkerr.h"
#include "common/error.h"
#include "common/note.h"

#define reject(err, ...) bk_fail((err), BKERR_ECATALOG, __VA_ARGS__)

/* More program headers than any real shared object has. */
#define MAX_PHDRS 64
/* The most of a PT_NOTE segment read when looking for bkerr's note: the
 * build-id and ABI-tag notes take a hundred bytes. */
#define MAX_NOTES 4096
/* Dynamic entries read, and the longest library name looked at. */
#define MAX_DYN 4096
#define NAME_MAX_READ 256

typedef ElfW(Ehdr) Ehdr;
typedef ElfW(Phdr) Phdr;
typedef ElfW(Dyn) Dyn;

/* True if the n bytes at off were read whole. */
static bool read_at(int fd, void *buf, size_t n, uint64_t off)
{
    if (off > (uint64_t)INT64_MAX)
        return false;
    size_t got = 0;
    while (got < n) {
        ssize_t r = pread(fd, (char *)buf + got, n - got, (off_t)(off + got));
        if (r <= 0)
            return false;
        got += (size_t)r;
    }
    return true;
}

/* The ELF header of libbkerr itself, as mapped: a plugin must have its
 * class, byte order and machine. */
static const Ehdr *own_header(void)
{
    Dl_info info;
    if (!dladdr((void *)own_header, &info) || !info.dli_fbase)
        return NULL;
    return info.dli_fbase;
}

static bool check_header(const Ehdr *h, const char *path, uint64_t size,
                         struct bk_error *err)
{
    const Ehdr *own = own_header();
    if (memcmp(h->e_ident, ELFMAG, SELFMAG) != 0)
        return reject(err, "%s: not a loadable shared object (no ELF header); "
                           "build the catalog as a .so", path);
    if (!own || h->e_ident[EI_CLASS] != own->e_ident[EI_CLASS] ||
        h->e_ident[EI_DATA] != own->e_ident[EI_DATA] ||
        h->e_machine != own->e_machine)
        return reject(err, "%s: not a shared object for this machine (ELF "
                           "class %u, data %u, machine %u; libbkerr is %u, %u, "
                           "%u); build the catalog for this system", path,
                      h->e_ident[EI_CLASS], h->e_ident[EI_DATA], h->e_machine,
                      own ? own->e_ident[EI_CLASS] : 0,
                      own ? own->e_ident[EI_DATA] : 0, own ? own->e_machine : 0);
    if (h->e_type != ET_DYN)
        return reject(err, "%s: ELF type %u is not a shared object (ET_DYN); "
                           "link the catalog with -shared", path, h->e_type);
    if (h->e_version != EV_CURRENT || h->e_phentsize != sizeof(Phdr) ||
        h->e_phnum == 0 || h->e_phnum > MAX_PHDRS)
        return reject(err, "%s: malformed ELF header (version %u, %u program "
                           "headers of %u bytes)", path, (unsigned)h->e_version,
                      h->e_phnum, h->e_phentsize);
    if (h->e_phoff > size || size - h->e_phoff < h->e_phnum * sizeof(Phdr))
        return reject(err, "%s: cut short: the program headers lie past the "
                           "end of the file (%llu bytes); the copy is "
                           "incomplete: install it again (a new file, renamed "
                           "into place)", path, (unsigned long long)size);
    return true;
}

/* The file offset of n bytes at virtual address v, if a PT_LOAD segment
 * holds them in the file. */
static bool file_offset(const Phdr *ph, size_t n_ph, uint64_t v, uint64_t n,
                        uint64_t *off)
{
    for (size_t i = 0; i < n_ph; i++)
        if (ph[i].p_type == PT_LOAD && v >= ph[i].p_vaddr &&
            v - ph[i].p_vaddr <= ph[i].p_filesz &&
            ph[i].p_filesz - (v - ph[i].p_vaddr) >= n) {
            *off = ph[i].p_offset + (v - ph[i].p_vaddr);
            return true;
        }
    return false;
}

/* The dependency rule: libraries come only from the system's search path. */
static bool check_dynamic(int fd, const Phdr *ph, size_t n_ph, const Phdr *dyn,
                          const char *path, struct bk_error *err)
{
    size_t n = dyn->p_filesz / sizeof(Dyn);
    if (n > MAX_DYN)
        n = MAX_DYN;
    Dyn *d = malloc(n * sizeof *d + 1);
    if (!d || !read_at(fd, d, n * sizeof *d, dyn->p_offset)) {
        free(d);
        return reject(err, "%s: cannot read its dynamic section", path);
    }
    uint64_t strtab = 0, strsz = 0;
    size_t end = n;
    for (size_t i = 0; i < n; i++) {
        if (d[i].d_tag == DT_NULL) {
            end = i;
            break;
        }
        if (d[i].d_tag == DT_STRTAB)
            strtab = d[i].d_un.d_ptr;
        if (d[i].d_tag == DT_STRSZ)
            strsz = d[i].d_un.d_val;
    }
    bool ok = true;
    for (size_t i = 0; i < end && ok; i++) {
        ElfW(Sxword) tag = d[i].d_tag;
        if (tag != DT_RPATH && tag != DT_RUNPATH && tag != DT_NEEDED)
            continue;
        char name[NAME_MAX_READ + 1] = "";
        uint64_t off, v = d[i].d_un.d_val, len = NAME_MAX_READ;
        if (v < strsz && strsz - v < len)
            len = strsz - v;
        if (v >= strsz || !file_offset(ph, n_ph, strtab + v, len, &off) ||
            !read_at(fd, name, (size_t)len, off)) {
            ok = reject(err, "%s: a dynamic entry names a string outside its "
                             "string table", path);
            break;
        }
        if (!memchr(name, '\0', (size_t)len)) { /* glibc would read on */
            ok = reject(err, "%s: a dynamic entry's string is longer than %d "
                             "bytes or unterminated", path, NAME_MAX_READ);
            break;
        }
        if (tag == DT_NEEDED && !strchr(name, '/'))
            continue;
        ok = reject(err, "%s: %s '%s': a catalog may only need libraries "
                         "found on the system's search path, checked by "
                         "nobody otherwise; link it without -rpath (and "
                         "without a path in a needed library's name)", path,
                    tag == DT_RPATH ? "has DT_RPATH" : tag == DT_RUNPATH
                        ? "has DT_RUNPATH" : "needs a library by path", name);
    }
    free(d);
    return ok;
}

bool bk_elf_check(int fd, const char *path, uint64_t size, struct bk_error *err)
{
    Ehdr h;
    if (size < sizeof h || !read_at(fd, &h, sizeof h, 0))
        return reject(err, "%s: not a loadable shared object (%llu bytes, "
                           "too short for an ELF header); build the catalog as "
                           "a .so", path, (unsigned long long)size);
    if (!check_header(&h, path, size, err))
        return false;
    Phdr ph[MAX_PHDRS];
    if (!read_at(fd, ph, h.e_phnum * sizeof *ph, h.e_phoff))
        return reject(err, "%s: cannot read its program headers", path);
    const Phdr *dyn = NULL;
    for (size_t i = 0; i < h.e_phnum; i++) {
        if (ph[i].p_type == PT_DYNAMIC)
            dyn = &ph[i];
        if (ph[i].p_type != PT_LOAD && ph[i].p_type != PT_DYNAMIC)
            continue;
        if (ph[i].p_offset > size || size - ph[i].p_offset < ph[i].p_filesz)
            return reject(err, "%s: cut short: segment %zu needs bytes up to "
                               "%llu, but the file has %llu; the copy is "
                               "incomplete: install it again (a new file, "
                               "renamed into place)", path, i,
                          (unsigned long long)ph[i].p_offset +
                              (unsigned long long)ph[i].p_filesz,
                          (unsigned long long)size);
        if (ph[i].p_type == PT_LOAD && ph[i].p_filesz > ph[i].p_memsz)
            return reject(err, "%s: segment %zu holds more of the file than "
                               "it maps; a malformed shared object", path, i);
    }
    return !dyn || check_dynamic(fd, ph, h.e_phnum, dyn, path, err);
}

/* The bkerr note's words in the n bytes of notes at buf, if there; every
 * size is checked against the bytes read. */
static bool find_guest_note(const unsigned char *buf, size_t n,
                            uint32_t words[BK_NOTE_GUEST_WORDS])
{
    size_t at = 0;
    while (n - at >= sizeof(ElfW(Nhdr))) {
        ElfW(Nhdr) nh;
        memcpy(&nh, buf + at, sizeof nh);
        at += sizeof nh;
        size_t name = ((size_t)nh.n_namesz + 3) & ~(size_t)3;
        size_t desc = ((size_t)nh.n_descsz + 3) & ~(size_t)3;
        if (nh.n_namesz > n - at || name > n - at ||
            nh.n_descsz > n - at - name || desc > n - at - name)
            return false; /* runs past the segment: not a note list */
        if (nh.n_type == BK_NOTE_GUEST_PREFIXES &&
            nh.n_namesz == sizeof BK_NOTE_NAME &&
            memcmp(buf + at, BK_NOTE_NAME, sizeof BK_NOTE_NAME) == 0 &&
            nh.n_descsz == BK_NOTE_GUEST_WORDS * sizeof(uint32_t)) {
            memcpy(words, buf + at + name, nh.n_descsz);
            return true;
        }
        at += name + desc;
    }
    return false;
}

bool bk_elf_guest_note(int fd, uint64_t size, uint64_t prefixes[2])
{
    Ehdr h;
    Phdr ph[MAX_PHDRS];
    struct bk_error err = {0};
    if (size < sizeof h || !read_at(fd, &h, sizeof h, 0) ||
        !check_header(&h, "", size, &err) ||
        !read_at(fd, ph, h.e_phnum * sizeof *ph, h.e_phoff))
        return false;
    for (size_t i = 0; i < h.e_phnum; i++) {
        unsigned char buf[MAX_NOTES];
        uint32_t w[BK_NOTE_GUEST_WORDS];
        size_t n = ph[i].p_filesz < sizeof buf ? (size_t)ph[i].p_filesz
                                               : sizeof buf;
        if (ph[i].p_type != PT_NOTE || ph[i].p_offset > size ||
            size - ph[i].p_offset < n || !read_at(fd, buf, n, ph[i].p_offset) ||
            !find_guest_note(buf, n, w))
            continue;
        prefixes[0] = (uint64_t)w[1] << 32 | w[0];
        prefixes[1] = (uint64_t)w[3] << 32 | w[2];
        return true;
    }
    return false;
}
