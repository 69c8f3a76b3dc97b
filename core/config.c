/* bkerr.ini -> struct bk_config, with inih.  Nothing is loaded here.
 *
 * inih, as Debian builds it, cuts lines longer than its buffer and section
 * names of 50 bytes or more without a word, and does not pass line numbers
 * to the handler.  So inih reads through next_line(), which sees every raw
 * line first: it counts lines, rejects what inih would cut, tracks sections
 * (inih reports none without keys) and strips indentation so that inih
 * never joins lines as continuations.
 *
 * The first error stops the parse, unless the open keeps going
 * (BKERR_OPEN_KEEP_GOING): then each error is a diagnostic and the parse
 * steps over what it spoils: a bad line is read as blank, a bad key or
 * value is ignored, and the keys of a bad section with it.  Only a file
 * that cannot be read, inih's own limits and memory stop it then. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "common/ini_lines.h"
#include "common/spec.h"
#include "common/text.h"

#define CONFIG_MAX_BYTES (1 << 20)

/* SEC_SKIP: a section that was refused; its keys are ignored. */
enum section_kind { SEC_NONE, SEC_REGISTRY, SEC_CATALOG, SEC_PLATFORM,
                    SEC_SKIP };

struct key_seen {
    const char *name;
    int line;
};

struct parse {
    const char *path;
    const char *buf;
    size_t len, pos;
    int lineno;
    struct bk_error *err; /* its code stops the parse */
    bool keep_going;      /* errors go to diags instead */
    struct bk_diags *diags;
    bool id_refused;      /* the current [platform.NN]'s id was refused */
    struct bk_config *cfg;
    enum section_kind sec;
    struct key_seen keys[4]; /* keys of the current section (at most 4) */
    size_t n_keys;
    int registry_line;
    size_t cat_cap;        /* room in cfg->catalogs */
    size_t *cat_slots;     /* hash set of the catalog ids: index + 1, 0 free */
    size_t n_slots;        /* a power of two, or 0 */
};

static const char *const registry_keys[] = {"plugin_dir", "lang", "fatal",
                                            "load", NULL};
static const char *const catalog_keys[] = {"path", "enabled", "required", NULL};
static const char *const platform_keys[] = {"id", "name_zh", "name_en", NULL};

static bool stopped(const struct parse *p)
{
    return p->err->code != 0;
}

/* The id of the [catalog.<id>] section being read, or NULL. */
static const char *current_catalog(const struct parse *p)
{
    return p->sec == SEC_CATALOG ? p->cfg->catalogs[p->cfg->n_catalogs - 1].id
                                 : NULL;
}

/* Reports an error at line (0: the file) about catalog (or NULL): the
 * first stops the parse as "path:line: message", or, keeping going, each
 * is a diagnostic. */
static void vfail(struct parse *p, int line, const char *catalog,
                  const char *fmt, va_list ap)
{
    if (stopped(p))
        return;
    char what[768];
    bk_verrf(what, sizeof what, fmt, ap); /* cut between characters */
    if (p->keep_going)
        bk_diag_add(p->diags, BKERR_SEVERITY_ERROR, line, catalog, "%s", what);
    else if (line > 0)
        bk_fail(p->err, BKERR_ECONFIG, "%s:%d: %s", p->path, line, what);
    else
        bk_fail(p->err, BKERR_ECONFIG, "%s: %s", p->path, what);
}

__attribute__((format(printf, 3, 4))) static void
fail(struct parse *p, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(p, line, current_catalog(p), fmt, ap);
    va_end(ap);
}

/* fail() for the section [catalog.<id>] being refused. */
__attribute__((format(printf, 4, 5))) static void
fail_catalog(struct parse *p, int line, const char *id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(p, line, bk_valid_id(id) ? id : NULL, fmt, ap);
    va_end(ap);
}

/* An error no reader can step over (inih's own limits): the parse stops,
 * keeping going or not. */
__attribute__((format(printf, 3, 4))) static void
fatal(struct parse *p, int line, const char *fmt, ...)
{
    char what[768];
    va_list ap;
    va_start(ap, fmt);
    bk_verrf(what, sizeof what, fmt, ap);
    va_end(ap);
    bk_fail(p->err, BKERR_ECONFIG, "%s:%d: %s", p->path, line, what);
}

static void oom(struct parse *p)
{
    bk_fail(p->err, BKERR_ENOMEM, "%s: out of memory", p->path);
}

/* Edit distance, capped: enough to suggest a key for a typo. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[64];
    if (la >= 64 || lb >= 64)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static const char *const *keys_of(enum section_kind sec)
{
    switch (sec) {
    case SEC_REGISTRY: return registry_keys;
    case SEC_CATALOG: return catalog_keys;
    case SEC_PLATFORM: return platform_keys;
    default: return NULL;
    }
}

static void unknown_key(struct parse *p, const char *section, const char *name)
{
    const char *const *keys = keys_of(p->sec);
    const char *best = NULL;
    size_t best_d = 3;
    char list[128] = "";
    for (size_t i = 0; keys[i]; i++) {
        size_t d = distance(name, keys[i]);
        if (d < best_d)
            best = keys[i], best_d = d;
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                 keys[i]);
    }
    if (best)
        fail(p, p->lineno, "unknown key '%s' in [%s]; did you mean '%s'?",
             name, section, best);
    else
        fail(p, p->lineno, "unknown key '%s' in [%s]; the keys are %s", name,
             section, list);
}

/* True for true/yes/on/1 and false/no/off/0, any case. */
static bool parse_bool(struct parse *p, const char *name, const char *value,
                       bool *out)
{
    static const char *const yes[] = {"true", "yes", "on", "1"};
    static const char *const no[] = {"false", "no", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(value, yes[i]) == 0)
            return *out = true;
        if (strcasecmp(value, no[i]) == 0)
            return !(*out = false);
    }
    fail(p, p->lineno, "%s = '%s' is not a boolean; write true or false", name,
         value);
    return false;
}

static bool set_string(struct parse *p, char **slot, const char *name,
                       const char *value)
{
    if (!*value) {
        fail(p, p->lineno, "%s has an empty value; give one or remove the line",
             name);
        return false;
    }
    char *copy = bk_strdup(value);
    if (!copy) {
        oom(p);
        return false;
    }
    free(*slot);
    *slot = copy;
    return true;
}

static void registry_key(struct parse *p, const char *name, const char *value)
{
    struct bk_config *c = p->cfg;
    if (strcmp(name, "plugin_dir") == 0) {
        if (set_string(p, &c->plugin_dir, name, value))
            c->plugin_dir_line = p->lineno;
    } else if (strcmp(name, "lang") == 0) {
        if (strcmp(value, "zh_CN") == 0)
            c->lang = BKERR_LANG_ZH_CN;
        else if (strcmp(value, "en") == 0)
            c->lang = BKERR_LANG_EN;
        else
            fail(p, p->lineno, "lang = '%s' is not a language; write zh_CN or en",
                 value);
    } else if (strcmp(name, "fatal") == 0) {
        parse_bool(p, name, value, &c->fatal);
    } else if (strcmp(name, "load") == 0) {
        if (strcmp(value, "eager") == 0 || strcmp(value, "lazy") == 0)
            c->lazy = value[0] == 'l';
        else
            fail(p, p->lineno, "load = '%s': write eager (load every catalog "
                 "at open) or lazy (at its first lookup)", value);
    }
}

static void catalog_key(struct parse *p, const char *name, const char *value)
{
    struct bk_cfg_catalog *cat = &p->cfg->catalogs[p->cfg->n_catalogs - 1];
    if (strcmp(name, "path") == 0)
        set_string(p, &cat->path, name, value);
    else if (strcmp(name, "enabled") == 0)
        parse_bool(p, name, value, &cat->enabled);
    else if (strcmp(name, "required") == 0)
        parse_bool(p, name, value, &cat->required);
}

static void platform_key(struct parse *p, const char *name, const char *value)
{
    struct bk_config *c = p->cfg;
    struct bk_cfg_platform *pl = &c->platforms[c->n_platforms - 1];
    if (strcmp(name, "id") == 0) {
        p->id_refused = true; /* until it is set */
        if (!bk_valid_id(value)) {
            fail(p, p->lineno, "id = '%s' is not an id; use 1-32 characters "
                 "of [A-Za-z0-9_]", value);
            return;
        }
        const struct bk_spec_platform *spec = bk_spec_platform_by_id(value);
        if (spec) {
            fail(p, p->lineno, "id '%s' is already the spec's id of prefix "
                 "%d; choose another id", value, spec->prefix);
            return;
        }
        for (size_t i = 0; i + 1 < c->n_platforms; i++)
            if (c->platforms[i].id && strcmp(c->platforms[i].id, value) == 0) {
                fail(p, p->lineno, "id '%s' is already allocated prefix %d "
                     "on line %d; one id has one prefix", value,
                     c->platforms[i].prefix, c->platforms[i].line);
                return;
            }
        p->id_refused = !set_string(p, &pl->id, name, value);
    } else if (strcmp(name, "name_zh") == 0) {
        set_string(p, &pl->name_zh, name, value);
    } else if (strcmp(name, "name_en") == 0) {
        set_string(p, &pl->name_en, name, value);
    }
}

static int on_key(void *user, const char *section, const char *name,
                  const char *value)
{
    struct parse *p = user;
    if (stopped(p))
        return 0;
    if (p->sec == SEC_NONE || p->sec == SEC_SKIP)
        return 1; /* reported already (keeping going) */
    const char *const *keys = keys_of(p->sec);
    size_t k = 0;
    while (keys[k] && strcmp(keys[k], name) != 0)
        k++;
    if (!keys[k]) {
        unknown_key(p, section, name);
        return !stopped(p);
    }
    for (size_t i = 0; i < p->n_keys; i++)
        if (p->keys[i].name == keys[k]) {
            fail(p, p->lineno, "duplicate key '%s' in [%s] (first set on "
                 "line %d); keep one", name, section, p->keys[i].line);
            return !stopped(p);
        }
    p->keys[p->n_keys++] = (struct key_seen){keys[k], p->lineno};
    if (p->sec == SEC_REGISTRY)
        registry_key(p, name, value);
    else if (p->sec == SEC_CATALOG)
        catalog_key(p, name, value);
    else
        platform_key(p, name, value);
    return !stopped(p);
}

static void *grow(void *array, size_t n, size_t size)
{
    return realloc(array, (n + 1) * size);
}

/* Duplicate [catalog.<id>] sections are found through a hash set of the
 * ids seen, not by comparing each section with every earlier one: a 1 MiB
 * file holds 60,000 sections, and the walk took seconds. */
static size_t hash_id(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037); /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    return (size_t)h;
}

/* The slot holding id, or the free slot where it would go. */
static size_t *id_slot(const struct parse *p, const char *id)
{
    size_t mask = p->n_slots - 1, i = hash_id(id) & mask;
    while (p->cat_slots[i] &&
           strcmp(p->cfg->catalogs[p->cat_slots[i] - 1].id, id) != 0)
        i = (i + 1) & mask;
    return &p->cat_slots[i];
}

/* Doubles the set when it is half full; false on ENOMEM. */
static bool ids_make_room(struct parse *p)
{
    if (p->cfg->n_catalogs < p->n_slots / 2)
        return true;
    size_t n = p->n_slots ? 2 * p->n_slots : 64;
    size_t *old = p->cat_slots, old_n = p->n_slots;
    if (!(p->cat_slots = calloc(n, sizeof *p->cat_slots))) {
        p->cat_slots = old;
        return false;
    }
    p->n_slots = n;
    for (size_t i = 0; i < old_n; i++)
        if (old[i])
            *id_slot(p, p->cfg->catalogs[old[i] - 1].id) = old[i];
    free(old);
    return true;
}

/* Room for one more catalog, doubling (not one at a time). */
static bool catalogs_make_room(struct parse *p)
{
    struct bk_config *c = p->cfg;
    if (c->n_catalogs < p->cat_cap)
        return true;
    size_t cap = p->cat_cap ? 2 * p->cat_cap : 16;
    struct bk_cfg_catalog *a = realloc(c->catalogs, cap * sizeof *a);
    if (!a)
        return false;
    c->catalogs = a;
    p->cat_cap = cap;
    return true;
}

static void open_catalog(struct parse *p, const char *id)
{
    struct bk_config *c = p->cfg;
    if (!bk_valid_id(id)) {
        fail_catalog(p, p->lineno, id, "[catalog.%s]: a catalog id is 1-32 "
                     "characters of [A-Za-z0-9_]", id);
        return;
    }
    if (!ids_make_room(p) || !catalogs_make_room(p)) {
        oom(p);
        return;
    }
    size_t *slot = id_slot(p, id);
    if (*slot) {
        fail_catalog(p, p->lineno, id, "duplicate section [catalog.%s] "
                     "(first on line %d); merge the two", id,
                     c->catalogs[*slot - 1].line);
        return;
    }
    struct bk_cfg_catalog *cat = &c->catalogs[c->n_catalogs];
    *cat = (struct bk_cfg_catalog){.enabled = true, .line = p->lineno};
    cat->id = bk_strdup(id);
    cat->path = bk_asprintf("%s.so", id);
    c->n_catalogs++;
    if (!cat->id || !cat->path)
        oom(p);
    else
        *slot = c->n_catalogs, p->sec = SEC_CATALOG;
}

static void open_platform(struct parse *p, const char *nn)
{
    struct bk_config *c = p->cfg;
    if (!(nn[0] >= '1' && nn[0] <= '9' && nn[1] >= '0' && nn[1] <= '9' &&
          !nn[2])) {
        fail(p, p->lineno, "[platform.%s]: a prefix is two digits, 10-99", nn);
        return;
    }
    int prefix = (nn[0] - '0') * 10 + (nn[1] - '0');
    const struct bk_spec_platform *spec = bk_spec_platform(prefix);
    if (spec) {
        fail(p, p->lineno, "[platform.%d]: the spec already allocates prefix "
             "%d to '%s'; only unassigned prefixes can be allocated",
             prefix, prefix, spec->id);
        return;
    }
    for (size_t i = 0; i < c->n_platforms; i++)
        if (c->platforms[i].prefix == prefix) {
            fail(p, p->lineno, "duplicate section [platform.%d] (first on line "
                 "%d); merge the two", prefix, c->platforms[i].line);
            return;
        }
    struct bk_cfg_platform *a = grow(c->platforms, c->n_platforms, sizeof *a);
    if (!a) {
        oom(p);
        return;
    }
    c->platforms = a;
    a[c->n_platforms++] =
        (struct bk_cfg_platform){.prefix = prefix, .line = p->lineno};
    p->sec = SEC_PLATFORM;
}

/* Checks what the section before the one starting now left unsaid. */
static void close_section(struct parse *p)
{
    struct bk_config *c = p->cfg;
    if (p->sec == SEC_PLATFORM && !stopped(p)) {
        struct bk_cfg_platform *pl = &c->platforms[c->n_platforms - 1];
        if (!pl->id && !p->id_refused) /* else that was reported */
            fail(p, pl->line, "[platform.%d] has no id; add id = <product id>",
                 pl->prefix);
        if (!pl->id) { /* keeping going: an allocation without an id */
            free(pl->name_zh), free(pl->name_en);
            c->n_platforms--;
        }
    }
    if (p->sec == SEC_CATALOG && !stopped(p)) {
        struct bk_cfg_catalog *cat = &c->catalogs[c->n_catalogs - 1];
        if (cat->required && !cat->enabled)
            fail(p, cat->line, "[catalog.%s] is required but not enabled; "
                 "drop one of the two", cat->id);
    }
    p->n_keys = 0;
    p->id_refused = false;
}

/* A "[...]" line: name is its inside, already checked for length. */
static void open_section(struct parse *p, const char *name)
{
    close_section(p);
    p->sec = SEC_SKIP; /* until the section is accepted */
    if (strcmp(name, "registry") == 0) {
        if (p->registry_line) {
            fail(p, p->lineno, "duplicate section [registry] (first on line "
                 "%d); merge the two", p->registry_line);
            return;
        }
        p->registry_line = p->lineno;
        p->sec = SEC_REGISTRY;
    } else if (strncmp(name, "catalog.", 8) == 0) {
        open_catalog(p, name + 8);
    } else if (strncmp(name, "platform.", 9) == 0) {
        open_platform(p, name + 9);
    } else {
        fail(p, p->lineno, "unknown section [%s]; the sections are [registry], "
             "[catalog.<id>] and [platform.<NN>]", name);
    }
}

/* Checks one raw line (without its line end) before inih sees it; false
 * if inih must not see it. */
static bool check_line(struct parse *p, const char *s, size_t n, size_t limit)
{
    const struct bk_ini_rules rules = {.max_line = limit,
                                       .inline_comments = true};
    struct bk_ini_line line;
    struct bk_error why;
    why.code = 0; /* the text is written only with the code */
    if (!bk_ini_scan(s, n, &rules, false, &line, &why)) {
        while (n && bk_is_blank(*s))
            s++, n--;
        if (n && *s == '[') { /* keeping going: a section, but refused */
            close_section(p);
            p->sec = SEC_SKIP;
        }
        fail(p, p->lineno, "%s", why.text);
        return false;
    } else if (line.kind == BK_INI_SECTION) {
        char name[BK_INI_NAME_MAX + 1];
        memcpy(name, line.name, line.name_len);
        name[line.name_len] = '\0';
        open_section(p, name);
    } else if (line.kind == BK_INI_KEY && p->sec == SEC_NONE) {
        fail(p, p->lineno, "a key before any section; put it under "
             "[registry] or a [catalog.<id>]");
    }
    return true;
}

/* inih's reader: hands over the next line, checked and unindented. */
static char *next_line(char *str, int num, void *stream)
{
    struct parse *p = stream;
    if (stopped(p) || p->pos >= p->len)
        return NULL;
    if (num < 3) { /* no room for even "\n\0" after a character */
        fatal(p, p->lineno + 1, "inih's line buffer is only %d bytes", num);
        return NULL;
    }
    size_t n;
    const char *s = bk_ini_next_line(p->buf, p->len, &p->pos, &p->lineno, &n);
    /* inih's buffer must hold the line plus "\r\n\0". */
    bool whole = check_line(p, s, n, num > 3 ? (size_t)num - 3 : 0);
    if (stopped(p))
        return NULL;
    if (whole)
        bk_ini_hand_over(str, s, n);
    else
        strcpy(str, "\n"); /* keeping going: the line reads as blank */
    return str;
}

/* What reading a file of a known size found. */
enum read_result { READ_WHOLE, READ_FAILED, READ_SHORT, READ_LONG };

/* Reads all of fd, which must hold exactly size bytes: READ_FAILED with
 * errno set, or READ_SHORT / READ_LONG if it held fewer or more (it
 * changed under us, or stat() does not tell its size, as in /proc). */
static enum read_result read_exactly(int fd, char *buf, size_t size)
{
    size_t got = 0;
    for (;;) {
        ssize_t r = read(fd, buf + got, size + 1 - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return READ_FAILED;
        if (r == 0)
            return got == size ? READ_WHOLE : READ_SHORT;
        got += (size_t)r;
        if (got > size)
            return READ_LONG;
    }
}

/* Why fd did not hold the st_size bytes that stat() gave before: if a
 * second look sees another size or time, it changed while being read (and
 * trying again may help); else its size never said what it holds. */
static void explain_mismatch(int fd, const char *path, const struct stat *before,
                             enum read_result got, struct bk_error *err)
{
    struct stat now;
    const char *more = got == READ_LONG ? "more" : "fewer";
    if (fstat(fd, &now) != 0 || now.st_size != before->st_size ||
        now.st_mtim.tv_sec != before->st_mtim.tv_sec ||
        now.st_mtim.tv_nsec != before->st_mtim.tv_nsec)
        bk_fail(err, BKERR_ECONFIG, "%s: changed while being read (it held %s "
                "bytes than the %lld it had); try again", path, more,
                (long long)before->st_size);
    else
        bk_fail(err, BKERR_ECONFIG, "%s: holds %s bytes than the %lld its size "
                "says: not an ordinary file (one of /proc or /sys?); give "
                "the path of a bkerr.ini file", path, more,
                (long long)before->st_size);
}

/* Checks the file before opening it, so no FIFO or device is opened. */
static bool check_file(const char *path, struct stat *st,
                       struct bk_error *err)
{
    if (stat(path, st) != 0)
        return bk_fail(err, BKERR_ECONFIG, "%s: cannot open: %s; check the path given "
                "(--config, $BKERR_CONFIG or the installed default)", path,
                strerror(errno));
    if (S_ISDIR(st->st_mode))
        return bk_fail(err, BKERR_ECONFIG, "%s: is a directory; give the "
                       "bkerr.ini file inside it", path);
    if (!S_ISREG(st->st_mode))
        return bk_fail(err, BKERR_ECONFIG, "%s: is not a regular file (a "
                       "FIFO, device or socket); give the path of a "
                       "bkerr.ini file", path);
    if (st->st_size > CONFIG_MAX_BYTES)
        return bk_fail(err, BKERR_ECONFIG, "%s: is %lld bytes; a bkerr.ini "
                       "is at most %d: is this the right file?", path,
                       (long long)st->st_size, CONFIG_MAX_BYTES);
    return true;
}

static bool read_file(const char *path, char **out, size_t *len,
                      struct bk_error *err)
{
    struct stat before, st;
    if (!check_file(path, &before, err))
        return false;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return bk_fail(err, BKERR_ECONFIG, "%s: cannot open: %s; check its "
                       "permissions", path, strerror(errno));
    size_t size = (size_t)before.st_size;
    char *buf = NULL;
    enum read_result got;
    if (fstat(fd, &st) != 0 || st.st_dev != before.st_dev ||
        st.st_ino != before.st_ino || st.st_size != before.st_size) {
        bk_fail(err, BKERR_ECONFIG, "%s: changed while being opened; try "
                "again", path);
    } else if (!(buf = malloc(size + 2))) {
        bk_fail(err, BKERR_ENOMEM, "%s: out of memory", path);
    } else if ((got = read_exactly(fd, buf, size)) != READ_WHOLE) {
        if (got == READ_FAILED)
            bk_fail(err, BKERR_ECONFIG, "%s: cannot read: %s", path,
                    strerror(errno));
        else
            explain_mismatch(fd, path, &before, got, err);
        free(buf);
    } else {
        buf[size] = '\0';
        *out = buf, *len = size;
    }
    close(fd);
    return !err->code;
}

void bk_config_free(struct bk_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cfg->n_catalogs; i++) {
        free(cfg->catalogs[i].id);
        free(cfg->catalogs[i].path);
    }
    for (size_t i = 0; i < cfg->n_platforms; i++) {
        free(cfg->platforms[i].id);
        free(cfg->platforms[i].name_zh);
        free(cfg->platforms[i].name_en);
    }
    free(cfg->catalogs);
    free(cfg->platforms);
    free(cfg->plugin_dir);
    free(cfg->path);
    memset(cfg, 0, sizeof *cfg);
}

bool bk_config_read(const char *path, bool keep_going, struct bk_config *cfg,
                    struct bk_diags *diags, struct bk_error *err)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->lang = BKERR_LANG_DEFAULT; /* bkerr.ini says none */
    char *buf = NULL;
    size_t len = 0;
    if (!read_file(path, &buf, &len, err))
        return false;
    struct parse p = {.path = path, .buf = buf, .len = len, .err = err,
                      .keep_going = keep_going, .diags = diags, .cfg = cfg};
    cfg->path = bk_strdup(path);
    if (!cfg->path)
        oom(&p);
    int line = stopped(&p) ? 0 : ini_parse_stream(next_line, &p, on_key, &p);
    if (!stopped(&p) && line > 0)
        fail(&p, line, "syntax error; expected 'key = value', a [section] or "
             "a comment");
    else if (!stopped(&p) && line < 0)
        oom(&p); /* inih's -2: its line buffer could not be allocated */
    close_section(&p);
    p.sec = SEC_NONE;
    free(p.cat_slots);
    if (!stopped(&p) && !p.registry_line && !cfg->n_catalogs &&
        !cfg->n_platforms && !p.diags->n)
        fail(&p, 0, "no sections: the file is empty or all comments; add "
             "[registry] and [catalog.<id>] sections (see README.md)");
    free(buf);
    if (stopped(&p))
        bk_config_free(cfg);
    return !stopped(&p);
}
