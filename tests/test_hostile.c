/* Hostile inputs: every case line of tests/hostile/README is one test.
 * Each copies its bkerr.ini fixture (or a generated one naming a hostile
 * plugin) into a scratch directory with a known plugin directory, opens
 * it, and asserts the outcome the README gives: accepted, refused with the
 * message at the line, or the catalog rejected with its reason and nothing
 * of it visible.  A FIFO or anything else that would block stops the test
 * with an alarm instead of hanging it.
 *
 * Then the tests behind docs/security.md that need more than one open:
 * catalog text is never a format, real catalogs cut short, ownership seen
 * by an unprivileged user, and $BKERR_CONFIG in a setuid program.
 *
 * test_hostile --pending runs only the cases pending a core fix, each in a
 * forked child (they may crash); meson registers that run should_fail. */
#include "helpers.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bkerr/plugin.h>

/* A non-NULL value bkerr_open() must overwrite with NULL on failure. */
#define NOT_SET ((bkerr_registry *)(uintptr_t)0x1)
/* Seconds one case may take (valgrind included) before it counts as hung. */
#define CASE_ALARM 120
#define NOBODY 65534

enum outcome { ACCEPTED, REFUSED, REQUIRED, REJECTED, CHECK, PENDING, IGNORED };
static const char *const outcome_names[] = {"accepted", "refused", "required",
                                            "rejected", "check", "pending",
                                            "ignored"};

struct hcase {
    char *file;   /* "ini/x.ini" or "plugins/hostile_x" */
    char *setup;  /* "-", "fifo", "mode:0664", ... */
    enum outcome outcome;
    int line;     /* 0 for "-" */
    char *expect; /* fragments separated by " ... " */
    char *name;   /* the test's name */
    bool lazy;    /* setup lazy or lazy+...: the plugin waits for a lookup */
    int readme_line;
};

static struct hcase *cases;
static size_t n_cases;

/* ---- environment ---------------------------------------------------------- */

static const char *env(const char *name)
{
    const char *v = getenv(name);
    if (!v || !*v) {
        fprintf(stderr, "test_hostile: $%s is not set; run it with meson "
                "test\n", name);
        exit(1);
    }
    return v;
}

static char *cat(const char *a, const char *b)
{
    char *s;
    if (asprintf(&s, "%s%s", a, b) < 0)
        abort();
    return s;
}

static char *path2(const char *dir, const char *name)
{
    char *s;
    if (asprintf(&s, "%s/%s", dir, name) < 0)
        abort();
    return s;
}

/* ---- the README ----------------------------------------------------------- */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

static void parse_readme(void)
{
    char *readme = path2(env("BKERR_HOSTILE_DIR"), "README");
    FILE *f = fopen(readme, "r");
    if (!f) {
        fprintf(stderr, "test_hostile: %s: %s\n", readme, strerror(errno));
        exit(1);
    }
    char *line = NULL;
    size_t cap = 0;
    int lineno = 0;
    while (getline(&line, &cap, f) > 0) {
        lineno++;
        if (strncmp(line, "ini/", 4) != 0 && strncmp(line, "plugins/", 8) != 0)
            continue;
        char *field[5];
        char *rest = line;
        int n = 0;
        for (; n < 5 && rest; n++) {
            char *bar = n < 4 ? strstr(rest, " | ") : NULL;
            if (bar)
                *bar = '\0';
            field[n] = trim(rest);
            rest = bar ? bar + 3 : NULL;
        }
        struct hcase c = {.readme_line = lineno};
        size_t o = 0;
        while (n == 5 && o < 7 && strcmp(field[2], outcome_names[o]) != 0)
            o++;
        if (n != 5 || o == 7 || !*field[4]) {
            fprintf(stderr, "%s:%d: not a case line (CASE | SETUP | OUTCOME | "
                    "LINE | MESSAGE)\n", readme, lineno);
            exit(1);
        }
        c.outcome = (enum outcome)o;
        c.file = strdup(field[0]);
        c.setup = strdup(field[1]);
        c.lazy = strncmp(field[1], "lazy", 4) == 0;
        c.line = strcmp(field[3], "-") == 0 ? 0 : atoi(field[3]);
        c.expect = strdup(field[4]);
        if (strcmp(c.setup, "-") == 0)
            c.name = strdup(c.file);
        else if (asprintf(&c.name, "%s [%s]", c.file, c.setup) < 0)
            abort();
        cases = realloc(cases, (n_cases + 1) * sizeof *cases);
        if (!cases || !c.file || !c.setup || !c.expect || !c.name)
            abort();
        cases[n_cases++] = c;
    }
    free(line);
    fclose(f);
    free(readme);
}

static void free_cases(void)
{
    for (size_t i = 0; i < n_cases; i++) {
        free(cases[i].file);
        free(cases[i].setup);
        free(cases[i].expect);
        free(cases[i].name);
    }
    free(cases);
}

/* ---- checks that work in a forked child too ------------------------------- */

static char why[8192]; /* what the last failed check saw */

/* What the first lookup under each prefix answered: the lookup that
 * loads a lazy catalog must already answer nothing from a rejected one. */
static struct bkerr_result first[100];

__attribute__((format(printf, 1, 2))) static bool nope(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    return false;
}

/* True if text holds every " ... "-separated fragment of expect, in order. */
static bool has_fragments(const char *text, const char *expect)
{
    const char *at = text;
    const char *frag = expect;
    while (at && *frag) {
        const char *sep = strstr(frag, " ... ");
        size_t n = sep ? (size_t)(sep - frag) : strlen(frag);
        char *piece = strndup(frag, n);
        const char *found = piece ? strstr(at, piece) : NULL;
        free(piece);
        if (!found)
            return false;
        at = found + n;
        frag = sep ? sep + 5 : frag + n;
    }
    return at != NULL;
}

/* The prefix allocated to id in reg, or 0. */
static int prefix_of(const bkerr_registry *reg, const char *id)
{
    for (int p = 10; p <= 99; p++) {
        struct bkerr_platform pl;
        if (bkerr_platform(reg, p, &pl) == 1 && strcmp(pl.id, id) == 0)
            return p;
    }
    return 0;
}

/* Nothing of the rejected catalog i is visible anywhere. */
static bool nothing_visible(const bkerr_registry *reg, size_t i,
                            const struct bkerr_catalog_status *st)
{
    if (st->prefix || st->name_zh || st->name_en || st->version ||
        st->origin || st->n_entries || st->n_ranges || st->n_legacy)
        return nope("rejected catalog '%s' shows part of its descriptor: "
                    "prefix %d, version %s, %zu entries", st->id, st->prefix,
                    st->version ? st->version : "(null)", st->n_entries);
    struct bkerr_result r;
    if (bkerr_catalog_entry(reg, i, 0, BKERR_LANG_EN, &r) != BKERR_ENOTFOUND)
        return nope("bkerr_catalog_entry() answers from rejected '%s'", st->id);
    int own = prefix_of(reg, st->id);
    if (own && (first[own].catalog || first[own].symbol ||
                (first[own].status != BKERR_NO_CATALOG &&
                 first[own].status != BKERR_GENERIC)))
        return nope("the first lookup under prefix %d (which loaded '%s') "
                    "answered %s from catalog %s", own, st->id,
                    bkerr_status_name(first[own].status),
                    first[own].catalog ? first[own].catalog : "(none)");
    for (int p = 10; p <= 99; p++) {
        const int64_t codes[] = {p * 100000LL + 1, p * 100000LL + 1001,
                                 p * 100000LL + 99999};
        for (size_t k = 0; k < 3; k++) {
            int rc = bkerr_lookup(reg, codes[k], BKERR_LANG_EN, &r);
            if (rc < 0)
                return nope("bkerr_lookup(%lld) = %d", (long long)codes[k], rc);
            if (r.catalog && strcmp(r.catalog, st->id) == 0)
                return nope("code %lld is answered by rejected catalog '%s'",
                            (long long)codes[k], st->id);
            /* Its prefix has no catalog: only the spec's generic table
             * may answer there. */
            if (p == own && ((r.status != BKERR_NO_CATALOG &&
                              r.status != BKERR_GENERIC) || r.symbol))
                return nope("code %lld of rejected '%s': %s, not no_catalog",
                            (long long)codes[k], st->id,
                            bkerr_status_name(r.status));
        }
    }
    if (!own && bkerr_lookup(reg, 3300001, BKERR_LANG_EN, &r) >= 0 &&
        r.catalog && strcmp(r.catalog, st->id) == 0)
        return nope("rejected '%s' answers 3300001", st->id);
    const int64_t legacy[] = {3001, -2, 0, 9000};
    for (size_t k = 0; k < 4; k++) {
        bkerr_lookup_product(reg, st->id, legacy[k], BKERR_LANG_EN, &r);
        if (r.catalog || r.symbol)
            return nope("product lookup of %lld in rejected '%s' answers "
                        "from a catalog", (long long)legacy[k], st->id);
    }
    return true;
}

/* Every configured catalog loaded, and (if answers) each answers its
 * first entry. */
static bool all_loaded(const bkerr_registry *reg, bool answers)
{
    size_t n = bkerr_catalog_count(reg);
    if (n == 0)
        return nope("no catalog configured");
    for (size_t i = 0; i < n; i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(reg, i, &st);
        if (st.state != BKERR_CATALOG_LOADED)
            return nope("catalog '%s' is not loaded: %s", st.id,
                        st.reason ? st.reason : "(no reason)");
        if (!answers)
            continue;
        struct bkerr_result e, r;
        if (bkerr_catalog_entry(reg, i, 0, BKERR_LANG_EN, &e) != 0)
            return nope("catalog '%s' has no entry 0", st.id);
        if (bkerr_lookup(reg, e.code, BKERR_LANG_EN, &r) != BKERR_FOUND ||
            !r.catalog || strcmp(r.catalog, st.id) != 0)
            return nope("code %lld of loaded '%s' is not found",
                        (long long)e.code, st.id);
    }
    return true;
}

static bool first_lookups(const struct hcase *c, const bkerr_registry *reg)
{
    size_t n = bkerr_catalog_count(reg), lazy = 0;
    for (size_t i = 0; i < n; i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(reg, i, &st);
        lazy += st.state == BKERR_CATALOG_LAZY;
    }
    if (c->lazy && lazy == 0)
        return nope("load = lazy, but no catalog waits after the open");
    for (int p = 10; p <= 99; p++)
        if (bkerr_lookup(reg, p * 100000LL + 1, BKERR_LANG_EN, &first[p]) < 0)
            return nope("bkerr_lookup(%d00001) failed", p);
    return true;
}

/* The plugin's code 1100001 breaks a rule found at its first lookup: no
 * lookup answers it from the plugin, and each says why; 1100002 is good. */
static bool entry_ignored(const bkerr_registry *reg)
{
    struct bkerr_result r[3];
    bkerr_lookup(reg, 1100001, BKERR_LANG_EN, &r[0]);
    bkerr_lookup_product(reg, "cmdb", 1100001, BKERR_LANG_EN, &r[1]);
    bkerr_catalog_entry(reg, 0, 0, BKERR_LANG_EN, &r[2]);
    for (size_t i = 0; i < 3; i++)
        if (r[i].code != 1100001 || r[i].status == BKERR_FOUND ||
            r[i].symbol || !r[i].reason ||
            !strstr(r[i].reason, "breaks the catalog rules"))
            return nope("lookup %zu of 1100001: status %d, reason %s", i,
                        r[i].status, r[i].reason ? r[i].reason : "(null)");
    if (bkerr_lookup(reg, 1100002, BKERR_LANG_EN, &r[0]) != BKERR_FOUND ||
        strcmp(r[0].message, "good") != 0 || r[0].reason)
        return nope("the good entry 1100002 was not found");
    return true;
}

/* Checks bkerr_open()'s result against the case. */
static bool verify(const struct hcase *c, const char *ini, int rc,
                   bkerr_registry *reg, const char *err)
{
    char where[4200];
    if (c->line)
        snprintf(where, sizeof where, "%s:%d: ", ini, c->line);
    else
        snprintf(where, sizeof where, "%s: ", ini);
    switch (c->outcome) {
    case REFUSED:
    case REQUIRED: {
        int want = c->outcome == REFUSED ? BKERR_ECONFIG : BKERR_ECATALOG;
        if (rc != want || reg != NULL)
            return nope("bkerr_open() = %d (want %d), *out %s NULL, err \"%s\"",
                        rc, want, reg ? "not" : "is", err);
        if (strncmp(err, where, strlen(where)) != 0)
            return nope("the message does not start with \"%s\":\n    \"%s\"",
                        where, err);
        if (!has_fragments(err + strlen(where), c->expect))
            return nope("expected \"%s\"\n    in \"%s\"", c->expect, err);
        return true;
    }
    case ACCEPTED:
        if (rc != 0 || !reg)
            return nope("bkerr_open() = %d: %s", rc, err);
        return first_lookups(c, reg) && all_loaded(reg, true);
    case REJECTED:
    case PENDING: {
        if (rc != 0 || !reg)
            return nope("bkerr_open() = %d: %s", rc, err);
        if (!first_lookups(c, reg))
            return false;
        size_t n = bkerr_catalog_count(reg), rejected = 0, which = 0;
        for (size_t i = 0; i < n; i++) {
            struct bkerr_catalog_status st;
            bkerr_catalog_status(reg, i, &st);
            if (st.state == BKERR_CATALOG_REJECTED)
                rejected++, which = i;
            else if (st.state != BKERR_CATALOG_LOADED)
                return nope("catalog '%s' is in state %d", st.id, st.state);
        }
        if (rejected != 1)
            return nope("%zu catalogs rejected, want 1", rejected);
        struct bkerr_catalog_status st;
        bkerr_catalog_status(reg, which, &st);
        if (!st.reason || !has_fragments(st.reason, c->expect))
            return nope("expected \"%s\"\n    in \"%s\"", c->expect,
                        st.reason ? st.reason : "(null)");
        if (c->line && st.line != c->line)
            return nope("the rejected catalog's line is %d, want %d", st.line,
                        c->line);
        return nothing_visible(reg, which, &st);
    }
    case IGNORED:
        if (rc != 0 || !reg)
            return nope("bkerr_open() = %d: %s", rc, err);
        return first_lookups(c, reg) && all_loaded(reg, false) &&
               entry_ignored(reg);
    case CHECK:
        break;
    }
    return nope("outcome %s is not checked by bkerr_open()",
                outcome_names[c->outcome]);
}

/* ---- scratch directories -------------------------------------------------- */

static const char *current_case = "(none)";

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "\ntest_hostile: HUNG (alarm) in case ";
    ssize_t ignored = write(2, msg, sizeof msg - 1);
    ignored = write(2, current_case, strlen(current_case));
    ignored = write(2, "\n", 1);
    (void)ignored;
    _exit(99);
}

struct scratch {
    char *top;     /* mode 0755 */
    char *plugins; /* top/plugins */
    char *ini;     /* the config path bkerr_open() gets */
    char *plugin;  /* plugins cases: the copy loaded */
    void *preloaded; /* preload: the library dlopen()ed before the open */
};

static char *plugin_so(const char *name)
{
    char *file = cat(name, ".so");
    char *p = path2(env("BKERR_HOSTILE_PLUGINS"), file);
    free(file);
    return p;
}

static char *test_plugin(const char *name)
{
    return path2(th_plugins(), name);
}

static void copy_in(const char *src, const char *dir, const char *name)
{
    free(th_copy(src, dir, name, 0644));
}

/* The plugin directory every case sees (README: "Every plugin ..."). */
static void make_scratch(struct scratch *s)
{
    *s = (struct scratch){0};
    s->top = th_tmpdir();
    assert_int_equal(chmod(s->top, 0755), 0);
    s->plugins = path2(s->top, "plugins");
    assert_int_equal(mkdir(s->plugins, 0755), 0);
    assert_int_equal(chmod(s->plugins, 0755), 0);
    char *handmade = test_plugin("handmade.so");
    char *monitor = test_plugin("monitor33.so");
    copy_in(handmade, s->top, "outside.so");
    copy_in(handmade, s->plugins, "cmdb.so");
    copy_in(monitor, s->plugins, "monitor.so");
    free(handmade);
    free(monitor);
    char *p = path2(s->plugins, "escape.so");
    assert_int_equal(symlink("../outside.so", p), 0);
    free(p);
    p = path2(s->plugins, "up");
    assert_int_equal(symlink("..", p), 0);
    free(p);
    p = path2(s->plugins, "fifo.so");
    assert_int_equal(mkfifo(p, 0644), 0);
    free(p);
    p = path2(s->plugins, "dir.so");
    assert_int_equal(mkdir(p, 0755), 0);
    free(p);
    free(th_write(s->plugins, "notes.txt", "this is not a catalog\n"));
}

static void free_scratch(struct scratch *s)
{
    if (s->preloaded)
        dlclose(s->preloaded);
    free(s->plugins);
    free(s->ini);
    free(s->plugin);
    th_rmtree(s->top);
    *s = (struct scratch){0};
}

/* The scratch directory of the running test: the teardown removes it, so
 * that a failed assertion leaks nothing (LeakSanitizer, valgrind). */
static struct scratch cur;

static int teardown(void **state)
{
    (void)state;
    alarm(0);
    current_case = "(none)";
    free_scratch(&cur);
    return 0;
}

static unsigned long setup_number(const char *setup, const char *key, int base)
{
    size_t n = strlen(key);
    if (strncmp(setup, key, n) != 0)
        return (unsigned long)-1;
    return strtoul(setup + n, NULL, base);
}

static bool setup_is(const char *setup, const char *key)
{
    return strncmp(setup, key, strlen(key)) == 0;
}

/* Prepares an ini/ case: the fixture, or what its setup makes. */
static void prepare_ini(const struct hcase *c, struct scratch *s)
{
    const char *base = strrchr(c->file, '/') + 1;
    s->ini = path2(s->top, base);
    const char *setup = c->setup;
    if (strcmp(setup, "-") == 0) {
        char *src = path2(env("BKERR_HOSTILE_DIR"), c->file);
        copy_in(src, s->top, base);
        free(src);
    } else if (strcmp(setup, "dir") == 0) {
        assert_int_equal(mkdir(s->ini, 0755), 0);
    } else if (strcmp(setup, "fifo") == 0) {
        assert_int_equal(mkfifo(s->ini, 0644), 0);
    } else if (strcmp(setup, "missing") == 0) {
        /* nothing there */
    } else if (setup_is(setup, "symlink:")) {
        assert_int_equal(symlink(setup + 8, s->ini), 0);
    } else if (strcmp(setup, "dangling") == 0) {
        assert_int_equal(symlink("no-such-target.ini", s->ini), 0);
    } else if (strcmp(setup, "huge") == 0) {
        int fd = open(s->ini, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        assert_true(fd >= 0);
        assert_int_equal(ftruncate(fd, (1 << 20) + 1), 0);
        close(fd);
    } else if (setup_is(setup, "sections:")) {
        /* N sections [catalog.c0] ... [catalog.cN-1], then c0 again */
        unsigned long n = setup_number(setup, "sections:", 10);
        FILE *f = fopen(s->ini, "w");
        assert_non_null(f);
        for (unsigned long i = 0; i < n; i++)
            fprintf(f, "[catalog.c%lu]\n", i);
        fprintf(f, "[catalog.c0]\n");
        assert_int_equal(fclose(f), 0);
    } else {
        fail_msg("README:%d: unknown setup '%s' for an ini case",
                 c->readme_line, setup);
    }
}

/* poke:OFF=HEX: writes the byte HEX at offset OFF of the plugin copy. */
static void poke(const char *plugin, const char *spec)
{
    char *eq;
    long off = strtol(spec, &eq, 10);
    assert_true(*eq == '=');
    unsigned char byte = (unsigned char)strtoul(eq + 1, NULL, 16);
    int fd = open(plugin, O_WRONLY);
    assert_true(fd >= 0);
    assert_int_equal(pwrite(fd, &byte, 1, off), 1);
    close(fd);
}

/* The via setups: the plugin is named by an absolute path through
 * symlinks (README); returns that path (heap).
 *   viadir:NNNN         top/via (mode NNNN) holds lib -> ../plugins
 *   vialink-owner:UID   top/via (mode 1777) holds lib, owned by UID
 *   viachain:NNNN       top/via holds lib -> ../hop/lib, and top/hop
 *                       (mode NNNN) holds lib -> ../plugins */
static char *via_symlinks(const struct hcase *c, const struct scratch *s,
                          const char *setup, const char *file)
{
    char *via = path2(s->top, "via"), *hop = path2(s->top, "hop");
    char *link = path2(via, "lib"), *hop_link = path2(hop, "lib"), *abs;
    unsigned long v;
    assert_int_equal(mkdir(via, 0755), 0);
    if ((v = setup_number(setup, "viadir:", 8)) != (unsigned long)-1) {
        assert_int_equal(symlink("../plugins", link), 0);
        assert_int_equal(chmod(via, (mode_t)v), 0);
    } else if ((v = setup_number(setup, "vialink-owner:", 10)) !=
               (unsigned long)-1) {
        if (geteuid() != 0) {
            print_message("skipped: %s needs root to chown a symlink\n",
                          c->name);
            skip();
        }
        assert_int_equal(symlink("../plugins", link), 0);
        assert_int_equal(chmod(via, 01777), 0);
        assert_int_equal(lchown(link, (uid_t)v, (gid_t)-1), 0);
    } else if ((v = setup_number(setup, "viachain:", 8)) !=
               (unsigned long)-1) {
        assert_int_equal(mkdir(hop, 0755), 0);
        assert_int_equal(symlink("../hop/lib", link), 0);
        assert_int_equal(symlink("../plugins", hop_link), 0);
        assert_int_equal(chmod(hop, (mode_t)v), 0);
    } else {
        fail_msg("README:%d: unknown setup '%s'", c->readme_line, setup);
    }
    assert_true(asprintf(&abs, "%s/%s", link, file) > 0);
    free(via), free(hop), free(link), free(hop_link);
    return abs;
}

/* Prepares a plugins/ case: the copy, its setup, and a bkerr.ini. */
static void prepare_plugin(const struct hcase *c, struct scratch *s)
{
    const char *name = c->file + strlen("plugins/");
    char *src = plugin_so(name);
    char *file = cat(name, ".so");
    s->plugin = th_copy(src, s->plugins, file, 0644);
    free(src);
    const char *setup = c->setup;
    const char *first_plugin = NULL;
    unsigned long v;
    if (strcmp(setup, "lazy") == 0)
        setup = "-";
    else if (setup_is(setup, "lazy+"))
        setup += 5;
    if (strcmp(setup, "-") == 0) {
    } else if ((v = setup_number(setup, "mode:", 8)) != (unsigned long)-1) {
        assert_int_equal(chmod(s->plugin, (mode_t)v), 0);
    } else if ((v = setup_number(setup, "dirmode:", 8)) != (unsigned long)-1) {
        assert_int_equal(chmod(s->plugins, (mode_t)v), 0);
    } else if ((v = setup_number(setup, "parentmode:", 8)) !=
               (unsigned long)-1) {
        assert_int_equal(chmod(s->top, (mode_t)v), 0);
    } else if (setup_is(setup, "owner:") || setup_is(setup, "dirowner:")) {
        if (geteuid() != 0) {
            print_message("skipped: %s needs root to chown a file to another "
                          "user\n", c->name);
            free(file);
            skip();
        }
        bool dir = setup_is(setup, "dirowner:");
        v = setup_number(setup, dir ? "dirowner:" : "owner:", 10);
        assert_int_equal(chown(dir ? s->plugins : s->plugin, (uid_t)v,
                               (gid_t)-1), 0);
    } else if (strcmp(setup, "truncate:half") == 0) {
        struct stat st;
        assert_int_equal(stat(s->plugin, &st), 0);
        assert_int_equal(truncate(s->plugin, st.st_size / 2), 0);
    } else if ((v = setup_number(setup, "truncate:", 10)) != (unsigned long)-1) {
        assert_int_equal(truncate(s->plugin, (off_t)v), 0);
    } else if (setup_is(setup, "poke:")) {
        poke(s->plugin, setup + 5);
    } else if (setup_is(setup, "with:") || setup_is(setup, "after:") ||
               setup_is(setup, "preload:") || setup_is(setup, "evil:")) {
        const char *other = strchr(setup, ':') + 1;
        char *osrc = plugin_so(other);
        char *ofile = cat(other, ".so");
        char *evil = path2(s->plugins, "evil");
        if (setup_is(setup, "evil:")) {
            assert_int_equal(mkdir(evil, 0777), 0);
            assert_int_equal(chmod(evil, 0777), 0);
        }
        if (setup_is(setup, "evil:")) { /* under its soname */
            char *lib = cat("lib", ofile);
            free(ofile);
            ofile = lib;
        }
        char *copy = th_copy(osrc, setup_is(setup, "evil:") ? evil : s->plugins,
                             ofile, 0644);
        if (setup_is(setup, "preload:") &&
            !(s->preloaded = dlopen(copy, RTLD_NOW | RTLD_LOCAL)))
            fail_msg("cannot preload %s: %s", copy, dlerror());
        free(copy);
        free(evil);
        free(osrc);
        free(ofile);
        if (setup_is(setup, "after:"))
            first_plugin = other;
    } else if (setup_is(setup, "via")) {
        char *abs = via_symlinks(c, s, setup, file);
        free(file);
        file = abs;
    } else {
        fail_msg("README:%d: unknown setup '%s' for a plugin case",
                 c->readme_line, setup);
    }
    char *text;
    assert_true(asprintf(&text, "[registry]\nplugin_dir = plugins\n%s"
                                "%s%s%s[catalog.cmdb]\npath = %s\n",
                         c->lazy ? "load = lazy\n" : "",
                         first_plugin ? "[catalog.gse]\npath = " : "",
                         first_plugin ? first_plugin : "",
                         first_plugin ? ".so\n" : "", file) > 0);
    s->ini = th_write(s->top, "bkerr.ini", text);
    free(text);
    free(file);
}

static void prepare(const struct hcase *c, struct scratch *s)
{
    make_scratch(s);
    if (strncmp(c->file, "ini/", 4) == 0)
        prepare_ini(c, s);
    else
        prepare_plugin(c, s);
}

/* ---- running cases -------------------------------------------------------- */

/* cmocka turns crashes into test failures and goes on with the next test:
 * a forked child must die of them instead (and of a hang: fork clears the
 * parent's alarm). */
static void child_signals(void)
{
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
                               SIGSYS, SIGALRM};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], SIG_DFL);
    alarm(CASE_ALARM);
}

/* Runs argv (the bkerr command) with its stdout and stderr into *out
 * (heap); returns its exit status, or 128 + the signal that killed it. */
static int run_bkerr(char *const argv[], char **out)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    assert_non_null(buf);
    for (;;) {
        if (len + 1 >= cap)
            assert_non_null(buf = realloc(buf, cap *= 2));
        ssize_t n = read(fds[0], buf + len, cap - len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    buf[len] = '\0';
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    *out = buf;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void check_reports(const struct hcase *c, const struct scratch *s);

/* A plugin whose constructor kills whoever loads it. */
static void run_check_case(const struct hcase *c, const struct scratch *s)
{
    /* 1. dlopen() runs the constructor in the loading process. */
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        child_signals();
        char err[BKERR_ERRMSG_SIZE];
        bkerr_registry *reg;
        struct bkerr_result r;
        if (bkerr_open(s->ini, &reg, err, sizeof err) == 0)
            bkerr_lookup(reg, 1100001, BKERR_LANG_EN, &r); /* loads a lazy one */
        _exit(0); /* the constructor did not run */
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (strstr(c->expect, "status 37")) {
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 37)
            fail_msg("a child loading %s should have exited 37 (status 0x%x)",
                     s->plugin, status);
    } else if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT) {
        fail_msg("a child loading %s should have died of SIGABRT (status "
                 "0x%x)", s->plugin, status);
    }
    check_reports(c, s);
}

/* bkerr check loads the plugin in its own child and reports it. */
static void check_reports(const struct hcase *c, const struct scratch *s)
{
    const char *exe = env("BKERR_EXE");
    char *out;
    char *help[] = {(char *)exe, "check", "--help", NULL};
    if (run_bkerr(help, &out) != 0) {
        print_message("skipped: %s has no working 'check' subcommand yet:\n%s",
                      exe, out);
        free(out);
        skip();
    }
    free(out);
    char *argv[] = {(char *)exe, "check", "--config", s->ini, NULL};
    int rc = run_bkerr(argv, &out);
    char *where;
    assert_true(asprintf(&where, "%s:%d: error: ", s->ini, c->line) > 0);
    if (rc != 2 || !strstr(out, where) || !has_fragments(strstr(out, where),
                                                         c->expect)) {
        print_error("bkerr check exited %d, expected 2 and \"%s%s\":\n%s", rc,
                    where, c->expect, out);
        free(where);
        free(out);
        fail();
    }
    free(where);
    free(out);
}

static void run_case(void **state)
{
    const struct hcase *c = *state;
    current_case = c->name;
    struct scratch *s = &cur;
    prepare(c, s);
    alarm(CASE_ALARM);
    if (c->outcome == CHECK) {
        run_check_case(c, s);
    } else if (c->outcome == PENDING) {
        /* It may crash: a child tries, the parent judges. */
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            child_signals(); /* a crash must kill the child */
            char err[BKERR_ERRMSG_SIZE];
            bkerr_registry *reg = NOT_SET;
            int rc = bkerr_open(s->ini, &reg, err, sizeof err);
            bool ok = verify(c, s->ini, rc, reg, err);
            if (!ok)
                fprintf(stderr, "%s: %s\n", c->name, why);
            if (rc == 0)
                bkerr_close(reg);
            _exit(ok ? 0 : 1);
        }
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        if (WIFSIGNALED(status))
            fail_msg("%s: loading it killed the process with signal %d",
                     c->name, WTERMSIG(status));
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            fail_msg("%s: not rejected as expected (exit %d)", c->name,
                     WEXITSTATUS(status));
    } else {
        char err[BKERR_ERRMSG_SIZE] = "";
        bkerr_registry *reg = NOT_SET;
        int rc = bkerr_open(s->ini, &reg, err, sizeof err);
        bool ok = verify(c, s->ini, rc, reg, err);
        if (rc == 0 && reg != NOT_SET)
            bkerr_close(reg);
        if (!ok)
            fail_msg("README:%d: %s: %s", c->readme_line, c->name, why);
        if (c->outcome == IGNORED)
            check_reports(c, s);
    }
}

/* ---- the README and the fixtures agree ------------------------------------ */

static bool listed(const char *file)
{
    for (size_t i = 0; i < n_cases; i++)
        if (strcmp(cases[i].file, file) == 0)
            return true;
    return false;
}

static bool used_as_setup(const char *plugin)
{
    for (size_t i = 0; i < n_cases; i++) {
        const char *colon = strchr(cases[i].setup, ':');
        if (colon && strcmp(colon + 1, plugin) == 0)
            return true;
    }
    return false;
}

static void readme_lists_every_fixture_and_plugin(void **state)
{
    (void)state;
    const char *hostile = env("BKERR_HOSTILE_DIR");
    size_t n_ini = 0, n_plugins = 0, n_files = 0;
    for (size_t i = 0; i < n_cases; i++) {
        const struct hcase *c = &cases[i];
        struct stat st;
        if (strncmp(c->file, "ini/", 4) == 0) {
            n_ini++;
            char *p = path2(hostile, c->file);
            bool fixture = strcmp(c->setup, "-") == 0;
            if (fixture != (stat(p, &st) == 0))
                fail_msg("README:%d: %s %s", c->readme_line, c->file,
                         fixture ? "has no fixture file"
                                 : "is made by the runner, but a file exists");
            free(p);
        } else {
            char *so = plugin_so(c->file + 8);
            if (stat(so, &st) != 0)
                fail_msg("README:%d: %s was not built (%s)", c->readme_line,
                         c->file, so);
            free(so);
            bool seen = false; /* count each refused plugin once */
            for (size_t k = 0; k < i; k++)
                seen |= strcmp(cases[k].file, c->file) == 0 &&
                        cases[k].outcome != ACCEPTED;
            n_plugins += !seen && c->outcome != ACCEPTED;
        }
    }
    /* Every fixture in ini/ and every plugin source has its line. */
    char *ini_dir = path2(hostile, "ini");
    DIR *d = opendir(ini_dir);
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char *file = cat("ini/", e->d_name);
        if (!listed(file))
            fail_msg("%s/%s has no line in tests/hostile/README", ini_dir,
                     e->d_name);
        free(file);
        n_files++;
    }
    closedir(d);
    free(ini_dir);
    char *src_dir = path2(hostile, "plugins");
    assert_non_null(d = opendir(src_dir));
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0)
            continue;
        char *name = strndup(e->d_name, n - 2);
        char *file = cat("plugins/", name);
        if (!listed(file) && !used_as_setup(name))
            fail_msg("%s/%s has no line in tests/hostile/README", src_dir,
                     e->d_name);
        free(file);
        free(name);
    }
    closedir(d);
    free(src_dir);
    print_message("%zu ini cases (%zu fixture files), %zu plugins refused\n",
                  n_ini, n_files, n_plugins);
    assert_true(n_ini >= 40);
    assert_true(n_plugins >= 20);
}

/* ---- docs/security.md ------------------------------------------------------ */

/* "Catalog text is never passed as a format string." */
static void catalog_text_is_never_a_format(void **state)
{
    (void)state;
    struct scratch *s = &cur;
    make_scratch(s);
    char *src = plugin_so("hostile_printf_text");
    free(th_copy(src, s->plugins, "cmdb.so", 0644));
    free(src);
    s->ini = th_write(s->top, "bkerr.ini", "[registry]\nplugin_dir = plugins\n"
                                         "[catalog.cmdb]\n");
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg;
    assert_int_equal(bkerr_open(s->ini, &reg, err, sizeof err), 0);
    struct bkerr_result r;
    assert_int_equal(bkerr_lookup(reg, 1100001, BKERR_LANG_EN, &r), BKERR_FOUND);
    assert_string_equal(r.symbol, "%s%n%x");
    assert_string_equal(r.message, "format %s%s%s%n%n %p {0}");
    assert_string_equal(r.advice, "%1$*2$s %hhn");
    char buf[512];
    const struct bkerr_arg args[] = {{NULL, "%n%n%n"}};
    int n = bkerr_fill(r.message, args, 1, buf, sizeof buf);
    assert_string_equal(buf, "format %s%s%s%n%n %p %n%n%n");
    assert_int_equal(n, (int)strlen(buf));
    n = bkerr_format(&r, args, 1, buf, sizeof buf);
    assert_true(n > 0 && (size_t)n < sizeof buf);
    th_assert_contains(buf, "%s%n%x");
    th_assert_contains(buf, "format %s%s%s%n%n %p %n%n%n");
    th_assert_contains(buf, "%1$*2$s %hhn");
    bkerr_lookup(reg, 1100001, BKERR_LANG_ZH_CN, &r);
    assert_string_equal(r.advice, "%99999999d%n");
    bkerr_close(reg);
    /* The command prints it as it is too. */
    const char *exe = env("BKERR_EXE");
    char *argv[] = {(char *)exe, "--config", s->ini, "--lang", "en", "1100001",
                    NULL};
    char *out;
    int rc = run_bkerr(argv, &out);
    if (rc != 0)
        print_error("bkerr exited %d:\n%s", rc, out);
    assert_int_equal(rc, 0);
    th_assert_contains(out, "%s%n%x");
    th_assert_contains(out, "format %s%s%s%n%n %p {0}");
    th_assert_contains(out, "%1$*2$s %hhn");
    free(out);
    free_scratch(s);
}

/* "A plugin cut short is refused before dlopen()": real catalogs, cut
 * where a half-finished cp or scp leaves them.  Each is opened in a
 * forked child, so that a crash (SIGBUS inside dlopen(), before the fix)
 * is reported with its signal. */
static void truncated_catalogs_are_refused(void **state)
{
    (void)state;
    static const char *const ids[] = {"cmdb", "gse", "job", "bk_log_search"};
    struct scratch *s = &cur;
    make_scratch(s);
    for (size_t i = 0; i < BKERR_COUNT_OF(ids); i++) {
        char *file = cat(ids[i], ".so");
        char *src = path2(env("BKERR_BUILD_PLUGINS"), file);
        struct stat st;
        assert_int_equal(stat(src, &st), 0);
        const off_t cuts[] = {4096, 8192, st.st_size / 2};
        for (size_t k = 0; k < BKERR_COUNT_OF(cuts); k++) {
            char *so = th_copy(src, s->plugins, file, 0644);
            assert_int_equal(truncate(so, cuts[k]), 0);
            char *text;
            assert_true(asprintf(&text, "[registry]\nplugin_dir = plugins\n"
                                        "[catalog.%s]\n", ids[i]) > 0);
            free(s->ini);
            s->ini = th_write(s->top, "bkerr.ini", text);
            free(text);
            fflush(NULL);
            pid_t pid = fork();
            assert_true(pid >= 0);
            if (pid == 0) {
                child_signals();
                char err[BKERR_ERRMSG_SIZE];
                bkerr_registry *reg;
                if (bkerr_open(s->ini, &reg, err, sizeof err) != 0)
                    _exit(2);
                struct bkerr_catalog_status cs;
                bkerr_catalog_status(reg, 0, &cs);
                bool ok = cs.state == BKERR_CATALOG_REJECTED &&
                          strstr(cs.reason, so) && strstr(cs.reason, "cut short");
                if (!ok)
                    fprintf(stderr, "%s: %s\n", so,
                            cs.reason ? cs.reason : "(loaded)");
                bkerr_close(reg);
                free(so), free(src), free(file); /* for valgrind's leak check */
                _exit(ok ? 0 : 1);
            }
            int status;
            assert_int_equal(waitpid(pid, &status, 0), pid);
            if (WIFSIGNALED(status))
                fail_msg("%s cut at %lld bytes killed the process loading it "
                         "with signal %d", src, (long long)cuts[k],
                         WTERMSIG(status));
            if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
                fail_msg("%s cut at %lld bytes was not refused as cut short",
                         src, (long long)cuts[k]);
            free(so);
        }
        free(src);
        free(file);
    }
    free_scratch(s);
}

/* Runs fn(arg) as uid/gid NOBODY in a child; returns its exit status. */
static int as_nobody(int (*fn)(void *), void *arg)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        child_signals();
        if (setgroups(0, NULL) != 0 || setresgid(NOBODY, NOBODY, NOBODY) != 0 ||
            setresuid(NOBODY, NOBODY, NOBODY) != 0) {
            perror("test_hostile: cannot become uid 65534");
            _exit(100);
        }
        _exit(fn(arg));
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status))
        fail_msg("the child as uid %d died of signal %d", NOBODY,
                 WTERMSIG(status));
    return WEXITSTATUS(status);
}

/* In the child, as uid 65534: opens each config and checks its state. */
static int owner_checks(void *arg)
{
    struct scratch *s = arg;
    static const struct {
        const char *file;
        bool loads;
        const char *reason;
    } want[] = {
        {"root.so", true, NULL},
        {"self.so", true, NULL},
        {"other.so", false, "the file is owned by uid 65533, neither root nor "
                            "the current user (uid 65534); chown it to root"},
    };
    int bad = 0;
    for (size_t i = 0; i < 3; i++) {
        char *text, *ini;
        if (asprintf(&text, "%s/%s.ini", s->top, want[i].file) < 0)
            return 101;
        ini = text;
        char err[BKERR_ERRMSG_SIZE];
        bkerr_registry *reg;
        if (bkerr_open(ini, &reg, err, sizeof err) != 0) {
            fprintf(stderr, "as uid 65534: %s\n", err);
            bad |= 1 << i;
        } else {
            struct bkerr_catalog_status st;
            bkerr_catalog_status(reg, 0, &st);
            bool loaded = st.state == BKERR_CATALOG_LOADED;
            if (loaded != want[i].loads ||
                (want[i].reason && !strstr(st.reason, want[i].reason))) {
                fprintf(stderr, "as uid 65534, %s: state %d, reason %s\n",
                        want[i].file, st.state,
                        st.reason ? st.reason : "(none)");
                bad |= 1 << i;
            }
            bkerr_close(reg);
        }
        free(ini);
    }
    return bad;
}

/* "A plugin must be owned by root or by the user running the service." */
static void plugin_owner_checked_for_an_unprivileged_user(void **state)
{
    (void)state;
    if (geteuid() != 0) {
        print_message("skipped: only root can make files owned by other users "
                      "and switch to uid %d\n", NOBODY);
        skip();
    }
    struct scratch *s = &cur;
    make_scratch(s);
    char *src = plugin_so("hostile_control");
    static const struct {
        const char *name;
        uid_t uid;
    } files[] = {{"root.so", 0}, {"self.so", NOBODY}, {"other.so", NOBODY - 1}};
    for (size_t i = 0; i < 3; i++) {
        char *p = th_copy(src, s->plugins, files[i].name, 0644);
        assert_int_equal(chown(p, files[i].uid, (gid_t)-1), 0);
        free(p);
        char *ini_name = cat(files[i].name, ".ini"), *text;
        assert_true(asprintf(&text, "[registry]\nplugin_dir = plugins\n"
                                    "[catalog.cmdb]\npath = %s\n",
                             files[i].name) > 0);
        free(th_write(s->top, ini_name, text));
        free(text);
        free(ini_name);
    }
    free(src);
    int bad = as_nobody(owner_checks, s);
    if (bad == 100) {
        print_message("skipped: cannot switch to uid %d here\n", NOBODY);
        free_scratch(s);
        skip();
    }
    assert_int_equal(bad, 0);
    free_scratch(s);
}

/* Runs the probe (as uid 65534 when setuid) and returns its output. */
static char *probe(const char *exe, const char *config, bool drop)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        if (drop && (setgroups(0, NULL) != 0 ||
                     setresgid(NOBODY, NOBODY, NOBODY) != 0 ||
                     setresuid(NOBODY, NOBODY, NOBODY) != 0))
            _exit(100);
        char *envp[] = {NULL, NULL};
        if (asprintf(&envp[0], "BKERR_CONFIG=%s", config) < 0)
            _exit(101);
        char *argv[] = {(char *)exe, (char *)env("BKERR_LIBRARY"), NULL};
        execve(exe, argv, envp);
        _exit(127);
    }
    close(fds[1]);
    char *buf = calloc(1, 8192);
    assert_non_null(buf);
    size_t len = 0;
    ssize_t n;
    while (len < 8191 && (n = read(fds[0], buf + len, 8191 - len)) > 0)
        len += (size_t)n;
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        print_message("probe exited with status 0x%x:\n%s\n", status, buf);
        free(buf);
        return NULL;
    }
    return buf;
}

/* "$BKERR_CONFIG is ignored in setuid programs (secure_getenv)." */
static void bkerr_config_ignored_in_setuid_programs(void **state)
{
    (void)state;
    if (geteuid() != 0) {
        print_message("skipped: only root can make a setuid program owned by "
                      "root and run it as another user\n");
        skip();
    }
    struct scratch *s = &cur;
    make_scratch(s);
    char *evil = th_write(s->top, "evil.ini", "[registry]\nlang = en\n");
    char *exe = th_copy(env("BKERR_SETUID_PROBE"), s->top, "probe", 0755);
    /* Control: not setuid, so the environment counts. */
    char *out = probe(exe, evil, true);
    if (!out) {
        print_message("skipped: uid %d cannot run the probe here (is the build "
                      "directory readable by others?)\n", NOBODY);
        free(evil), free(exe), free_scratch(s);
        skip();
    }
    th_assert_contains(out, "secure=0\n");
    char *want = cat("config=", evil);
    th_assert_contains(out, want);
    free(out);
    /* setuid root, run by uid 65534: AT_SECURE, and the variable is ignored. */
    assert_int_equal(chown(exe, 0, 0), 0);
    assert_int_equal(chmod(exe, 04755), 0);
    out = probe(exe, evil, true);
    assert_non_null(out);
    if (strstr(out, "secure=0\n")) {
        print_message("skipped: setuid is not honoured here (nosuid mount?)\n");
        free(out), free(want), free(evil), free(exe), free_scratch(s);
        skip();
        return; /* skip() longjmps; GCC does not know (-Wuse-after-free) */
    }
    th_assert_contains(out, "secure=1\n");
    if (strstr(out, want) || strstr(out, "evil.ini"))
        fail_msg("a setuid program used $BKERR_CONFIG:\n%s", out);
    th_assert_contains(out, "config=");
    free(out);
    free(want);
    free(evil);
    free(exe);
    free_scratch(s);
}

int main(int argc, char **argv)
{
    bool pending = argc > 1 && strcmp(argv[1], "--pending") == 0;
    signal(SIGALRM, on_alarm);
    parse_readme();
    size_t cap = n_cases + 5, n = 0;
    struct CMUnitTest *tests = calloc(cap, sizeof *tests);
    if (!tests)
        abort();
    if (!pending) {
        tests[n++] = (struct CMUnitTest)cmocka_unit_test(
            readme_lists_every_fixture_and_plugin);
        tests[n++] = (struct CMUnitTest)cmocka_unit_test_teardown(
            catalog_text_is_never_a_format, teardown);
        tests[n++] = (struct CMUnitTest)cmocka_unit_test_teardown(
            truncated_catalogs_are_refused, teardown);
        tests[n++] = (struct CMUnitTest)cmocka_unit_test_teardown(
            plugin_owner_checked_for_an_unprivileged_user, teardown);
        tests[n++] = (struct CMUnitTest)cmocka_unit_test_teardown(
            bkerr_config_ignored_in_setuid_programs, teardown);
    }
    for (size_t i = 0; i < n_cases; i++)
        if ((cases[i].outcome == PENDING) == pending)
            tests[n++] = (struct CMUnitTest){.name = cases[i].name,
                                             .test_func = run_case,
                                             .teardown_func = teardown,
                                             .initial_state = &cases[i]};
    int rc = _cmocka_run_group_tests(pending ? "hostile-pending" : "hostile",
                                     tests, n, NULL, NULL);
    free(tests);
    free_cases();
    return rc;
}
