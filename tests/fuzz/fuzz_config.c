/* Fuzz target: bkerr.ini, through the whole open path (core/config.c,
 * registry.c, loader.c), then listings, lookups and renderings of what
 * was opened.
 *
 * Input: the bytes of a bkerr.ini.
 *
 * The fixed plugin directory.  LLVMFuzzerInitialize makes a private
 * directory (mode 0700) under $TMPDIR:
 *     bkerr.ini  -> /proc/self/fd/N, a memfd that holds each input
 *     plugins/   the test plugins of tests/plugins (good and broken), the
 *                bundled catalogs, and hostile entries: a text file, a
 *                FIFO, a directory, a group-writable copy, a symlink in
 *                and one out, a group-writable subdirectory
 *     outside.so a good plugin outside plugins/ (only a symlink reaches it)
 * The core is compiled here with BKERR_PLUGIN_DIR "plugins", which a
 * relative plugin_dir makes <that directory>/plugins, so a config without
 * plugin_dir (conf/bkerr.ini, say) uses the fixed directory.
 *
 * Nothing outside plugins/ is ever loaded: each input is first opened with
 * BKERR_OPEN_NO_LOAD, which reads and checks it and resolves every
 * catalog's path (symlinks included) but loads nothing; the full open that
 * loads runs only if every enabled catalog resolves to a file inside
 * plugins/ (or to nothing: a missing file is rejected before any dlopen).
 * An absolute path or a plugin_dir elsewhere is thus parsed, checked and
 * resolved, but never loaded.
 *
 * Checked: the open's contract (return codes, *out, an error message that
 * starts with the file's path and is valid UTF-8), that the full open
 * fails only where the NO_LOAD one did or with a rejected required
 * catalog, that every listing and lookup of the opened registry is
 * complete (a lazy catalog loads at its first use), bkerr_format()'s
 * snprintf contract, and the hot-reload path: bkerr_live_open() agrees
 * with bkerr_open(), a reload of the same file succeeds, and a reload of
 * a broken file fails and leaves the registry in service.
 *
 * BKERR_FUZZ_TEST_PLUGINS and BKERR_FUZZ_CATALOGS override the build
 * directories the plugins are copied from. */
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <sys/stat.h>

#include "../../core/config.h"
#include "../../core/diag.h"
#include "common/text.h"
#include "fuzz.h"

#ifndef FUZZ_TEST_PLUGINS
#define FUZZ_TEST_PLUGINS "tests/plugins"
#endif
#ifndef FUZZ_CATALOGS
#define FUZZ_CATALOGS "plugins"
#endif

static char root[PATH_MAX];         /* the private directory */
static char plugins_real[PATH_MAX]; /* realpath of root/plugins */
static char ini_path[PATH_MAX];     /* root/bkerr.ini */
static struct fuzz_file ini;
static bool verbose; /* $FUZZ_VERBOSE: print what each open did */

static void path_in(char *out, const char *rel)
{
    if ((size_t)snprintf(out, PATH_MAX, "%s/%s", root, rel) >= PATH_MAX)
        fuzz_die("path too long");
}

static void copy_file(const char *from, const char *to, mode_t mode)
{
    int in = open(from, O_RDONLY | O_CLOEXEC);
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (in < 0 || out < 0)
        fuzz_die(from);
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, (size_t)n) != n)
            fuzz_die(to);
    if (n < 0 || fchmod(out, mode) != 0)
        fuzz_die(to);
    close(in);
    close(out);
}

/* The test plugins copied: data only, none runs code when loaded (a
 * hostile plugin whose constructor exits would stop the fuzzer). */
static const char *const test_plugins[] = {
    "handmade.so", "monitor33.so", "bad_major.so", "bad_minor.so",
    "bad_size.so", "bad_prefix.so", "bad_id.so", "dup_codes.so",
    "unsorted.so", "foreign_code.so", "null_string.so", "no_message.so",
    "bad_utf8.so", "bad_placeholder.so", "bad_range.so", "legacy_own.so",
    "no_descriptor.so", NULL,
};

static bool listed(const char *name, const char *const *list)
{
    for (size_t i = 0; list && list[i]; i++)
        if (strcmp(list[i], name) == 0)
            return true;
    return !list;
}

/* Copies the *.so of dir (those of list, if not NULL) into root/plugins;
 * returns how many. */
static int copy_plugins(const char *dir, const char *const *list)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "fuzz_config: %s: %s (build the plugins first: "
                "ninja -C <builddir>)\n", dir, strerror(errno));
        abort();
    }
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".so") != 0 ||
            !listed(e->d_name, list))
            continue;
        char from[PATH_MAX], to[PATH_MAX], rel[PATH_MAX];
        struct stat st;
        snprintf(from, sizeof from, "%s/%s", dir, e->d_name);
        if (stat(from, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        snprintf(rel, sizeof rel, "plugins/%s", e->d_name);
        path_in(to, rel);
        if (access(to, F_OK) == 0)
            continue; /* the first directory wins */
        copy_file(from, to, 0644);
        n++;
    }
    closedir(d);
    return n;
}

static void make_dir(const char *rel, mode_t mode)
{
    char p[PATH_MAX];
    path_in(p, rel);
    if (mkdir(p, 0700) != 0 || chmod(p, mode) != 0)
        fuzz_die(p);
}

static void make_link(const char *target, const char *rel)
{
    char p[PATH_MAX];
    path_in(p, rel);
    if (symlink(target, p) != 0)
        fuzz_die(p);
}

static void copy_in(const char *from_rel, const char *to_rel, mode_t mode)
{
    char from[PATH_MAX], to[PATH_MAX];
    path_in(from, from_rel);
    path_in(to, to_rel);
    copy_file(from, to, mode);
}

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

static void cleanup(void)
{
    if (root[0])
        nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    verbose = getenv("FUZZ_VERBOSE") != NULL;
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/bkerr-fuzz-config.XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(root))
        fuzz_die(root);
    atexit(cleanup);
    make_dir("plugins", 0755);
    const char *tp = getenv("BKERR_FUZZ_TEST_PLUGINS");
    const char *cp = getenv("BKERR_FUZZ_CATALOGS");
    int n = copy_plugins(tp && *tp ? tp : FUZZ_TEST_PLUGINS, test_plugins);
    if (n == 0) {
        fprintf(stderr, "fuzz_config: no test plugins copied\n");
        abort();
    }
    /* the bundled catalogs, compiled from catalog text by bkerr-catc */
    copy_plugins(cp && *cp ? cp : FUZZ_CATALOGS, NULL);

    /* hostile entries in and around the plugin directory */
    char p[PATH_MAX];
    path_in(p, "plugins/text.so");
    FILE *f = fopen(p, "w");
    if (!f || fputs("not an ELF file\n", f) < 0 || fclose(f) != 0)
        fuzz_die(p);
    path_in(p, "plugins/fifo.so");
    if (mkfifo(p, 0644) != 0)
        fuzz_die(p);
    make_dir("plugins/dir.so", 0755);
    copy_in("plugins/handmade.so", "plugins/writable.so", 0664);
    make_link("handmade.so", "plugins/link.so");
    make_link("../outside.so", "plugins/escape.so");
    copy_in("plugins/handmade.so", "outside.so", 0644);
    make_dir("plugins/sub", 0755);
    copy_in("plugins/handmade.so", "plugins/sub/handmade.so", 0644);
    make_dir("plugins/open", 0775);
    copy_in("plugins/handmade.so", "plugins/open/handmade.so", 0644);

    path_in(p, "plugins");
    if (!realpath(p, plugins_real))
        fuzz_die(p);

    /* bkerr.ini: a symlink to the memfd, so relative paths in it are
     * relative to the private directory */
    fuzz_file_init(&ini, "bkerr.ini");
    path_in(ini_path, "bkerr.ini");
    if (symlink(ini.path, ini_path) != 0)
        fuzz_die(ini_path);
    return 0;
}

/* True if path resolves to nothing, or to something inside plugins/. */
static bool inside_plugins(const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return true; /* nothing there: rejected before any dlopen */
    size_t n = strlen(plugins_real);
    return strncmp(real, plugins_real, n) == 0 && real[n] == '/';
}

static void check_string(const char *s)
{
    if (s)
        FUZZ_ASSERT(fuzz_utf8z(s));
}

static void check_error(int rc, const bkerr_registry *reg, const char *err)
{
    if (verbose)
        fprintf(stderr, "open: rc %d%s%s\n", rc, rc ? ": " : "",
                rc ? err : "");
    FUZZ_ASSERT(rc == 0 || rc == BKERR_ECONFIG || rc == BKERR_ECATALOG ||
                rc == BKERR_ENOMEM);
    FUZZ_ASSERT((rc == 0) == (reg != NULL));
    FUZZ_ASSERT(strnlen(err, BKERR_ERRMSG_SIZE) < BKERR_ERRMSG_SIZE);
    if (rc == 0)
        return;
    size_t n = strlen(ini_path);
    FUZZ_ASSERT(strncmp(err, ini_path, n) == 0 && err[n] == ':');
    FUZZ_ASSERT(fuzz_utf8z(err));
}

/* The snprintf contract of bkerr_format() for one result. */
static void check_format(const struct bkerr_result *r)
{
    int full = bkerr_format(r, NULL, 0, NULL, 0);
    FUZZ_ASSERT(full > 0);
    char *buf = malloc((size_t)full + 1);
    FUZZ_ASSERT(buf);
    FUZZ_ASSERT(bkerr_format(r, NULL, 0, buf, (size_t)full + 1) == full);
    FUZZ_ASSERT(strlen(buf) == (size_t)full && fuzz_utf8z(buf));
    size_t len = (size_t)full / 2 + 1;
    char *half = malloc(len);
    FUZZ_ASSERT(half);
    FUZZ_ASSERT(bkerr_format(r, NULL, 0, half, len) == full);
    size_t got = strnlen(half, len);
    FUZZ_ASSERT(got < len && memcmp(half, buf, got) == 0);
    FUZZ_ASSERT(fuzz_utf8(half, got) && got + 4 > len - 1);
    free(half);
    free(buf);
}

static void check_result(const bkerr_registry *reg, const struct bkerr_result *r,
                         int rc, int64_t code)
{
    (void)reg;
    FUZZ_ASSERT(rc >= 0 && rc == (int)r->status && r->status <= BKERR_INVALID);
    FUZZ_ASSERT(r->code == code && r->klass == bkerr_classify(code));
    if (r->status == BKERR_FOUND || r->status == BKERR_GENERIC)
        FUZZ_ASSERT(r->message && *r->message);
    if (r->status == BKERR_INVALID)
        FUZZ_ASSERT(r->reason);
    if (r->status == BKERR_FOUND && r->klass == BKERR_CLASS_STANDARD)
        FUZZ_ASSERT(r->platform.id);
    const char *strings[] = {r->catalog, r->catalog_version, r->symbol,
                             r->message, r->advice, r->module, r->reason,
                             r->platform.id, r->platform.name_zh,
                             r->platform.name_en};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        check_string(strings[i]);
    check_format(r);
}

/* Lists and looks up everything the registry knows. */
static void exercise(const bkerr_registry *reg, bool loaded, bool only,
                     bool fatal)
{
    FUZZ_ASSERT(strcmp(bkerr_config_path(reg), ini_path) == 0);
    enum bkerr_lang dl = bkerr_default_lang(reg);
    FUZZ_ASSERT(dl == BKERR_LANG_DEFAULT || dl == BKERR_LANG_ZH_CN ||
                dl == BKERR_LANG_EN);

    size_t count = bkerr_catalog_count(reg);
    struct bkerr_catalog_status st;
    struct bkerr_result r;
    for (size_t i = 0; i < count; i++) {
        FUZZ_ASSERT(bkerr_catalog_status(reg, i, &st) == 0);
        FUZZ_ASSERT(st.id && bk_valid_id(st.id) && st.path && st.line > 0);
        if (verbose)
            fprintf(stderr, "  [catalog.%s] %s state %d%s%s\n", st.id,
                    st.path, (int)st.state, st.reason ? ": " : "",
                    st.reason ? st.reason : "");
        check_string(st.path);
        const char *name = bkerr_catalog_state_name(st.state);
        FUZZ_ASSERT(name && strcmp(name, "unknown") != 0);
        if (!loaded) {
            FUZZ_ASSERT(st.state == BKERR_CATALOG_DISABLED ||
                        st.state == BKERR_CATALOG_SKIPPED);
        } else if (fatal && !only) {
            /* fatal = true makes every enabled catalog required, and
             * required catalogs load at open (README, bkerr.ini(5)) */
            FUZZ_ASSERT(st.state == BKERR_CATALOG_LOADED ||
                        st.state == BKERR_CATALOG_DISABLED);
        } else if (st.state == BKERR_CATALOG_LAZY) {
            /* the first use loads it, for good or not */
            FUZZ_ASSERT(!st.required);
            bkerr_catalog_entry(reg, i, 0, BKERR_LANG_EN, &r);
            FUZZ_ASSERT(bkerr_catalog_status(reg, i, &st) == 0);
            FUZZ_ASSERT(st.state == BKERR_CATALOG_LOADED ||
                        st.state == BKERR_CATALOG_REJECTED);
        }
        FUZZ_ASSERT(st.state <= BKERR_CATALOG_SKIPPED);
        if (st.state == BKERR_CATALOG_REJECTED) {
            /* a required one fails the open, unless it was the only one */
            FUZZ_ASSERT(st.reason && *st.reason && (only || !st.required));
            check_string(st.reason);
        } else {
            FUZZ_ASSERT(!st.reason);
        }
        if (st.state != BKERR_CATALOG_LOADED) {
            FUZZ_ASSERT(bkerr_catalog_entry(reg, i, 0, BKERR_LANG_EN, &r) ==
                        BKERR_ENOTFOUND);
            continue;
        }
        FUZZ_ASSERT(inside_plugins(st.path)); /* the guard held */
        FUZZ_ASSERT(st.prefix >= 10 && st.prefix <= 99);
        struct bkerr_platform pl;
        FUZZ_ASSERT(bkerr_platform(reg, st.prefix, &pl) == 1);
        FUZZ_ASSERT(strcmp(pl.id, st.id) == 0);
        size_t total = st.n_entries + st.n_legacy;
        size_t step = total / 16 + 1;
        for (size_t k = 0; k < total; k += step) {
            int rc = bkerr_catalog_entry(reg, i, k, BKERR_LANG_DEFAULT, &r);
            FUZZ_ASSERT(rc == 0 && r.status == BKERR_FOUND);
            FUZZ_ASSERT(r.catalog && strcmp(r.catalog, st.id) == 0);
            check_result(reg, &r, (int)r.status, r.code);
        }
        FUZZ_ASSERT(bkerr_catalog_entry(reg, i, total, BKERR_LANG_EN, &r) ==
                    BKERR_ENOTFOUND);
    }
    FUZZ_ASSERT(bkerr_catalog_status(reg, count, &st) == BKERR_ENOTFOUND);

    /* every prefix: its platform, and a few codes under it */
    static const int64_t suffixes[] = {0, 1, 4000, 10001, 99999};
    for (int p = 10; p <= 99; p++) {
        struct bkerr_platform pl;
        int rc = bkerr_platform(reg, p, &pl);
        FUZZ_ASSERT(rc == 0 || rc == 1);
        FUZZ_ASSERT(pl.prefix == p && (rc == 1) == (pl.id != NULL));
        for (size_t s = 0; s < sizeof suffixes / sizeof suffixes[0]; s++) {
            int64_t code = p * INT64_C(100000) + suffixes[s];
            /* first the message alone (it may load a lazy catalog) */
            const char *m = bkerr_message(reg, code, BKERR_LANG_DEFAULT);
            rc = bkerr_lookup(reg, code, BKERR_LANG_DEFAULT, &r);
            check_result(reg, &r, rc, code);
            FUZZ_ASSERT(m == r.message);
            FUZZ_ASSERT((r.status == BKERR_UNASSIGNED) == (pl.id == NULL));
        }
        if (pl.id) {
            rc = bkerr_lookup_product(reg, pl.id, 3001, BKERR_LANG_EN, &r);
            FUZZ_ASSERT(rc >= 0);
            check_format(&r);
        }
    }
    FUZZ_ASSERT(bkerr_platform(reg, 9, &(struct bkerr_platform){0}) ==
                BKERR_EINVAL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_file_set(&ini, data, size);
    char err[BKERR_ERRMSG_SIZE], err2[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg = (bkerr_registry *)&reg, *reg2;

    /* 1. read, check and resolve; load nothing */
    const struct bkerr_open_options no_load = {sizeof no_load,
                                               BKERR_OPEN_NO_LOAD, NULL};
    int rc = bkerr_open_with(ini_path, &no_load, &reg, err, sizeof err);
    check_error(rc, reg, err);
    if (rc) {
        /* nothing was loaded, so the full open may run: same failure */
        FUZZ_ASSERT(rc == BKERR_ECONFIG);
        int rc2 = bkerr_open(ini_path, &reg2, err2, sizeof err2);
        FUZZ_ASSERT(rc2 == rc && !reg2 && strcmp(err, err2) == 0);
        return 0;
    }
    exercise(reg, false, false, false);

    /* [registry] fatal, which the API does not show: the core's own
     * reader (linked in statically) gives it */
    struct bk_config cfg;
    struct bk_diags diags = {0};
    struct bk_error cfg_err = {0};
    FUZZ_ASSERT(bk_config_read(ini_path, false, &cfg, &diags, &cfg_err));
    bk_diags_free(&diags);
    bool fatal = cfg.fatal;
    bk_config_free(&cfg);

    /* 2. the guard: every catalog the full open would load is inside
     * plugins/ */
    bool safe = true;
    size_t count = bkerr_catalog_count(reg), enabled = 0;
    char first_id[64] = "";
    for (size_t i = 0; i < count; i++) {
        struct bkerr_catalog_status st;
        FUZZ_ASSERT(bkerr_catalog_status(reg, i, &st) == 0);
        if (st.state == BKERR_CATALOG_DISABLED)
            continue;
        if (!enabled++)
            snprintf(first_id, sizeof first_id, "%s", st.id);
        safe &= inside_plugins(st.path);
    }
    bkerr_close(reg);
    if (!safe)
        return 0;

    /* 3. the full open */
    rc = bkerr_open(ini_path, &reg, err, sizeof err);
    check_error(rc, reg, err);
    FUZZ_ASSERT(rc == 0 || rc == BKERR_ECATALOG);
    if (rc == 0) {
        FUZZ_ASSERT(bkerr_catalog_count(reg) == count);
        exercise(reg, true, false, fatal);
        bkerr_close(reg);
    }

    /* 4. the hot-reload path: the same open, a reload of the same file,
     * then a reload of a broken one, which leaves the old registry in
     * service */
    bkerr_live *live = NULL;
    int rc_live = bkerr_live_open(ini_path, &live, err, sizeof err);
    check_error(rc_live, (const bkerr_registry *)live, err);
    FUZZ_ASSERT(rc_live == rc);
    if (live) {
        const bkerr_registry *in_service = bkerr_live_acquire(live);
        FUZZ_ASSERT(in_service);
        FUZZ_ASSERT(bkerr_catalog_count(in_service) == count);
        bkerr_live_release(live, in_service);
        rc = bkerr_live_reload(live, err, sizeof err);
        check_error(rc, (const bkerr_registry *)live, err);
        FUZZ_ASSERT(rc == 0);
        in_service = bkerr_live_acquire(live);
        bkerr_live_release(live, in_service);
        fuzz_file_set(&ini, "[broken\n", 8);
        rc = bkerr_live_reload(live, err, sizeof err);
        check_error(rc, NULL, err);
        FUZZ_ASSERT(rc == BKERR_ECONFIG);
        const bkerr_registry *still = bkerr_live_acquire(live);
        FUZZ_ASSERT(still == in_service);
        struct bkerr_result r;
        for (int p = 10; p <= 99; p++)
            FUZZ_ASSERT(bkerr_lookup(still, p * 100000 + 1, BKERR_LANG_EN,
                                     &r) >= 0);
        bkerr_live_release(live, still);
        bkerr_live_close(live);
        fuzz_file_set(&ini, data, size);
    }

    /* 5. one catalog only: its rejection never fails the open */
    if (enabled) {
        const struct bkerr_open_options only = {sizeof only, 0, first_id};
        rc = bkerr_open_with(ini_path, &only, &reg, err, sizeof err);
        check_error(rc, reg, err);
        FUZZ_ASSERT(rc == 0);
        exercise(reg, true, true, fatal);
        bkerr_close(reg);
    }
    return 0;
}
