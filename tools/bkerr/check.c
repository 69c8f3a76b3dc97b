/* bkerr check [--config FILE] [--timeout SECONDS] [--json]: validates a
 * bkerr.ini and every catalog it names, each catalog in a forked child so
 * that a plugin whose constructor crashes, hangs or exits is reported
 * instead of taking the tool down.
 *
 * The parent reads the config with BKERR_OPEN_NO_LOAD (it never loads a
 * catalog itself).  Each child opens the same config with .only = its id
 * and answers over a pipe in tab-separated lines:
 *
 *     open    <error>                   the child's open failed
 *     state   loaded|rejected|...
 *     reason  <why>                     rejected
 *     version <v>
 *     counts  <prefix> <entries> <ranges> <legacy>
 *     lack    message|advice  zh_CN|en  <count>  <first codes, ", "-separated>
 *     done                              last: the child got through
 *
 * Texts have their tabs and newlines turned into blanks. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define DEFAULT_TIMEOUT 5 /* seconds */
#define TEXT_(x) #x
#define TEXT(x) TEXT_(x)
#define MAX_TIMEOUT 86400.0
#define EXAMPLES 3 /* codes named per kind of missing text */

enum severity { SEV_WARNING, SEV_ERROR };

struct problem {
    char *file;
    int line; /* 0: none */
    enum severity sev;
    char *catalog; /* NULL: the config itself */
    char *reason;
    size_t order;  /* to sort by line, stably */
};

/* What became of one [catalog.<id>] section. */
struct outcome {
    char *id;
    char *path;
    int line;
    const char *state; /* loaded, disabled, rejected, crashed, hung, exited, failed */
    char *version;
    int prefix;
    size_t entries, ranges, legacy;
};

struct check {
    const struct cli *c;
    const char *config;
    double timeout;
    struct problem *problems;
    size_t n_problems, cap_problems;
    struct outcome *outcomes;
    size_t n_outcomes;
    size_t errors, warnings;
    bool opened; /* bkerr.ini was read */
    bool oom;
};

/* ---- the child's answer --------------------------------------------------- */

enum { LACK_MESSAGE, LACK_ADVICE };
static const char *const lack_kind[] = {"message", "advice"};
static const enum bkerr_lang langs[] = {BKERR_LANG_ZH_CN, BKERR_LANG_EN};

struct answer {
    bool done;
    char *open_error;
    char *state;
    char *reason;
    char *version;
    int prefix;
    size_t entries, ranges, legacy;
    size_t lack[2][2]; /* [kind][lang] */
    char *examples[2][2];
};

/* A fixed buffer the child fills before it writes it out in one go. */
struct buf {
    char data[16384];
    size_t len;
};

static void put(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void put(struct buf *b, const char *fmt, ...)
{
    size_t room = sizeof b->data - b->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        b->len += (size_t)n < room ? (size_t)n : room - 1;
}

/* A text field: its tabs, newlines and other controls become blanks. */
static void put_text(struct buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : "");
         *p && b->len + 1 < sizeof b->data; p++)
        b->data[b->len++] = *p < 0x20 ? ' ' : (char)*p;
    b->data[b->len] = '\0';
}

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        p += w, n -= (size_t)w;
    }
}

/* Counts the entries of loaded catalog i lacking each text in each
 * language (after fallback, a lookup's message_lang/advice_lang say which
 * language came back). */
static void count_lacks(const bkerr_registry *reg, size_t i,
                        const struct bkerr_catalog_status *st, struct buf *b)
{
    size_t total = st->n_entries + st->n_legacy;
    for (int kind = 0; kind < 2; kind++)
        for (int l = 0; l < 2; l++) {
            size_t count = 0;
            char examples[EXAMPLES * 24] = "";
            size_t used = 0;
            for (size_t k = 0; k < total; k++) {
                struct bkerr_result r;
                if (bkerr_catalog_entry(reg, i, k, langs[l], &r) != 0)
                    break;
                bool has = kind == LACK_MESSAGE
                               ? r.message && r.message_lang == langs[l]
                               : r.advice && r.advice_lang == langs[l];
                if (has)
                    continue;
                if (count++ < EXAMPLES)
                    used += (size_t)snprintf(examples + used,
                                             sizeof examples - used, "%s%lld",
                                             used ? ", " : "", (long long)r.code);
            }
            if (count)
                put(b, "lack\t%s\t%s\t%zu\t%s\n", lack_kind[kind],
                    bkerr_lang_name(langs[l]), count, examples);
        }
}

/* The child: loads catalog index (id) alone, answers on fd, never returns. */
static void child(const char *config, size_t index, const char *id, int fd)
{
    /* Show the plugin's real fate: default signal actions (no sanitizer
     * or inherited handler turns a crash into an exit), no core file,
     * no terminal; anything it prints goes to stderr, not our output. */
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
                               SIGPIPE, SIGTERM, SIGINT};
    for (size_t s = 0; s < sizeof sigs / sizeof sigs[0]; s++)
        signal(sigs[s], SIG_DFL);
    setrlimit(RLIMIT_CORE, &(struct rlimit){0, 0});
    int null = open("/dev/null", O_RDONLY);
    if (null >= 0) {
        dup2(null, STDIN_FILENO);
        close(null);
    }
    dup2(STDERR_FILENO, STDOUT_FILENO);

    static struct buf b;
    struct bkerr_open_options opt = {sizeof opt, BKERR_OPEN_VERIFY, id};
    bkerr_registry *reg;
    char err[BKERR_ERRMSG_SIZE];
    if (bkerr_open_with(config, &opt, &reg, err, sizeof err) != 0) {
        put(&b, "open\t");
        put_text(&b, err);
        put(&b, "\n");
    } else {
        struct bkerr_catalog_status st;
        if (bkerr_catalog_status(reg, index, &st) != 0 || strcmp(st.id, id) != 0) {
            put(&b, "open\tthe config changed while being checked; run the check again\n");
        } else {
            put(&b, "state\t%s\n", bkerr_catalog_state_name(st.state));
            if (st.reason) {
                put(&b, "reason\t");
                put_text(&b, st.reason);
                put(&b, "\n");
            }
            if (st.state == BKERR_CATALOG_LOADED) {
                put(&b, "version\t");
                put_text(&b, st.version);
                put(&b, "\ncounts\t%d\t%zu\t%zu\t%zu\n", st.prefix,
                    st.n_entries, st.n_ranges, st.n_legacy);
                count_lacks(reg, index, &st, &b);
            }
        }
        bkerr_close(reg); /* unloading runs the plugin's destructors */
    }
    put(&b, "done\n");
    write_all(fd, b.data, b.len);
    _exit(0);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void free_answer(struct answer *a)
{
    free(a->open_error);
    free(a->state);
    free(a->reason);
    free(a->version);
    for (int kind = 0; kind < 2; kind++)
        for (int l = 0; l < 2; l++)
            free(a->examples[kind][l]);
}

static void set_text(char **slot, const char *value)
{
    free(*slot);
    *slot = dup_or_null(value);
}

/* Parses the child's lines (text is modified). */
static void parse_answer(char *text, struct answer *a)
{
    /* a last line without its newline was cut: the child did not finish */
    for (char *line = text, *next; (next = strchr(line, '\n')); line = next) {
        *next++ = '\0';
        char *f[6] = {0};
        size_t n = 0;
        for (char *p = line; p && n < 6; n++) {
            f[n] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (strcmp(f[0], "done") == 0) {
            a->done = true;
        } else if (n >= 2 && strcmp(f[0], "open") == 0) {
            set_text(&a->open_error, f[1]);
        } else if (n >= 2 && strcmp(f[0], "state") == 0) {
            set_text(&a->state, f[1]);
        } else if (n >= 2 && strcmp(f[0], "reason") == 0) {
            set_text(&a->reason, f[1]);
        } else if (n >= 2 && strcmp(f[0], "version") == 0) {
            set_text(&a->version, f[1]);
        } else if (n >= 5 && strcmp(f[0], "counts") == 0) {
            a->prefix = atoi(f[1]);
            a->entries = strtoull(f[2], NULL, 10);
            a->ranges = strtoull(f[3], NULL, 10);
            a->legacy = strtoull(f[4], NULL, 10);
        } else if (n >= 5 && strcmp(f[0], "lack") == 0) {
            int kind = strcmp(f[1], "advice") == 0 ? LACK_ADVICE : LACK_MESSAGE;
            int l = strcmp(f[2], "en") == 0 ? 1 : 0;
            a->lack[kind][l] = strtoull(f[3], NULL, 10);
            set_text(&a->examples[kind][l], f[4]);
        }
    }
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

enum fate { FATE_ANSWERED, FATE_HUNG, FATE_FAILED };

/* Runs the child for catalog index; fills *a and *status.  FATE_FAILED
 * when no child could be started (errno set). */
static enum fate run_child(const struct check *k, size_t index, const char *id,
                           struct answer *a, int *status)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return FATE_FAILED;
    fflush(stdout); /* an exit() in the child must not print ours again */
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        errno = e;
        return FATE_FAILED;
    }
    if (pid == 0) {
        setpgid(0, 0); /* so a timeout kills whatever it started too */
#ifdef __linux__
        /* out of the terminal's process group, a ^C no longer reaches
         * it: die with the parent instead of hanging on as an orphan */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() == 1)
            _exit(0);
#endif
        close(fds[0]);
        child(k->config, index, id, fds[1]);
    }
    setpgid(pid, pid);
    close(fds[1]);
    fcntl(fds[0], F_SETFL, O_NONBLOCK);

    static char text[65536];
    size_t len = 0;
    bool eof = false, reaped = false, hung = false;
    long long deadline = now_ms() + (long long)(k->timeout * 1000.0 + 0.5);
    while (!reaped) {
        if (waitpid(pid, status, WNOHANG) == pid) {
            reaped = true;
            break;
        }
        long long left = deadline - now_ms();
        if (left <= 0) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            while (waitpid(pid, status, 0) < 0 && errno == EINTR)
                ;
            hung = true;
            break;
        }
        if (eof) { /* the answer is in; wait for the exit */
            nanosleep(&(struct timespec){0, 1000000}, NULL);
            continue;
        }
        struct pollfd p = {fds[0], POLLIN, 0};
        if (poll(&p, 1, left < 50 ? (int)left : 50) <= 0)
            continue;
        char chunk[4096];
        ssize_t n = read(fds[0], chunk, sizeof chunk);
        if (n == 0) {
            eof = true;
        } else if (n > 0) {
            size_t take = (size_t)n < sizeof text - 1 - len
                              ? (size_t)n : sizeof text - 1 - len;
            memcpy(text + len, chunk, take);
            len += take;
        } else if (errno != EINTR && errno != EAGAIN) {
            eof = true;
        }
    }
    /* What the child wrote before it exited (a process it started may
     * still hold the pipe: read only what is there). */
    for (ssize_t n; !eof && len < sizeof text - 1 &&
                    (n = read(fds[0], text + len, sizeof text - 1 - len)) > 0;)
        len += (size_t)n;
    if (hung)
        kill(-pid, SIGKILL); /* and anything left of its group */
    close(fds[0]);
    text[len] = '\0';
    parse_answer(text, a);
    return hung ? FATE_HUNG : FATE_ANSWERED;
}

/* ---- problems ------------------------------------------------------------ */

static void add(struct check *k, const char *file, int line, enum severity sev,
                const char *catalog, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void add(struct check *k, const char *file, int line, enum severity sev,
                const char *catalog, const char *fmt, ...)
{
    if (sev == SEV_ERROR)
        k->errors++;
    else
        k->warnings++;
    if (k->n_problems == k->cap_problems) {
        size_t cap = k->cap_problems ? 2 * k->cap_problems : 16;
        struct problem *p = realloc(k->problems, cap * sizeof *p);
        if (!p) {
            k->oom = true;
            return;
        }
        k->problems = p, k->cap_problems = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    char *reason = NULL;
    if (vasprintf(&reason, fmt, ap) < 0)
        reason = NULL;
    va_end(ap);
    struct problem *p = &k->problems[k->n_problems];
    *p = (struct problem){dup_or_null(file), line, sev, dup_or_null(catalog),
                          reason, k->n_problems};
    if (!p->file || !p->reason || (catalog && !p->catalog)) {
        free(p->file), free(p->catalog), free(p->reason);
        k->oom = true;
        return;
    }
    k->n_problems++;
}

/* A config error from the core: "file:line: reason" or "file: reason". */
static void config_error(struct check *k, const char *err)
{
    size_t n = strlen(k->config);
    const char *reason = err;
    int line = 0;
    if (strncmp(err, k->config, n) == 0 && err[n] == ':') {
        const char *p = err + n + 1;
        if (isdigit((unsigned char)*p)) {
            char *end;
            long v = strtol(p, &end, 10);
            if (*end == ':' && v > 0 && v < 1000000)
                line = (int)v, p = end + 1;
        }
        while (*p == ' ')
            p++;
        reason = p;
    }
    add(k, k->config, line, SEV_ERROR, NULL, "%s", reason);
}

static const char *signal_name(int sig, char *buf, size_t len)
{
    const char *abbrev = sigabbrev_np(sig);
    if (abbrev)
        snprintf(buf, len, "SIG%s", abbrev);
    else
        snprintf(buf, len, "unknown signal");
    return buf;
}

/* Checks one enabled catalog in a child; false if none could be started. */
static bool check_catalog(struct check *k, size_t index,
                          const struct bkerr_catalog_status *st,
                          struct outcome *o)
{
    struct answer a = {0};
    int status = 0;
    o->state = "failed";
    enum fate fate = run_child(k, index, st->id, &a, &status);
    if (fate == FATE_FAILED) {
        cli_error("check: cannot start a process to load catalog '%s': %s; "
                  "free some memory or processes and run it again", st->id,
                  strerror(errno));
        return false;
    }
    const char *file = k->config, *id = st->id, *path = st->path;
    int line = st->line;
    char sig[32];
    if (fate == FATE_HUNG) {
        o->state = "hung";
        add(k, file, line, SEV_ERROR, id, "catalog '%s': hung: no answer within "
            "%g s while loading %s (killed); a constructor of the plugin "
            "blocks: fix or disable it", id, k->timeout, path);
    } else if (WIFSIGNALED(status)) {
        o->state = "crashed";
        add(k, file, line, SEV_ERROR, id, "catalog '%s': crashed with signal %d "
            "(%s) while loading %s; fix the plugin or set enabled = false", id,
            WTERMSIG(status), signal_name(WTERMSIG(status), sig, sizeof sig),
            path);
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !a.done) {
        o->state = "exited";
        add(k, file, line, SEV_ERROR, id, "catalog '%s': the process loading "
            "%s exited with status %d before it answered (does a constructor "
            "or destructor of the plugin call exit()?); fix the plugin or set "
            "enabled = false", id, path,
            WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    } else if (a.open_error) {
        add(k, file, line, SEV_ERROR, id, "catalog '%s': %s", id, a.open_error);
    } else if (!a.state || strcmp(a.state, "loaded") != 0) {
        o->state = "rejected";
        if (a.state && strcmp(a.state, "rejected") == 0)
            add(k, file, line, SEV_ERROR, id, "catalog '%s' rejected: %s", id,
                a.reason ? a.reason : "(no reason given)");
        else
            add(k, file, line, SEV_ERROR, id, "catalog '%s' was not loaded "
                "(state %s)", id, a.state ? a.state : "unknown");
    } else {
        o->state = "loaded";
        o->version = dup_or_null(a.version);
        o->prefix = a.prefix;
        o->entries = a.entries, o->ranges = a.ranges, o->legacy = a.legacy;
        size_t total = a.entries + a.legacy;
        if (total == 0)
            add(k, file, line, SEV_WARNING, id, "catalog '%s' is loaded but has "
                "no entries: every code of prefix %d gets the generic answer "
                "at best", id, a.prefix);
        for (int kind = 0; kind < 2; kind++)
            for (int l = 0; l < 2; l++)
                if (a.lack[kind][l])
                    add(k, file, line, SEV_WARNING, id,
                        "catalog '%s': %zu of %zu entries without %s %s in "
                        "%s (%s%s); add %s_%s to them", id, a.lack[kind][l],
                        total, kind == LACK_MESSAGE ? "a" : "any",
                        lack_kind[kind], bkerr_lang_name(langs[l]),
                        a.examples[kind][l] ? a.examples[kind][l] : "",
                        a.lack[kind][l] > EXAMPLES ? ", ..." : "",
                        lack_kind[kind], l ? "en" : "zh");
    }
    free_answer(&a);
    return true;
}

/* ---- output -------------------------------------------------------------- */

static int by_line(const void *x, const void *y)
{
    const struct problem *a = x, *b = y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static void print_text(const struct check *k)
{
    const struct cli *c = k->c;
    for (size_t i = 0; i < k->n_problems; i++) {
        const struct problem *p = &k->problems[i];
        if (p->line)
            printf("%s:%d: ", p->file, p->line);
        else
            printf("%s: ", p->file);
        printf("%s%s%s: %s\n",
               cli_style(c, p->sev == SEV_ERROR ? STYLE_RED : STYLE_YELLOW),
               p->sev == SEV_ERROR ? "error" : "warning",
               cli_style(c, STYLE_NONE), p->reason);
    }
    size_t loaded = 0, disabled = 0;
    for (size_t i = 0; i < k->n_outcomes; i++) {
        loaded += strcmp(k->outcomes[i].state, "loaded") == 0;
        disabled += strcmp(k->outcomes[i].state, "disabled") == 0;
    }
    size_t failed = k->n_outcomes - loaded - disabled;
    printf("%s: ", k->config);
    if (!k->opened) {
        printf("%zu error%s; no catalog was checked\n", k->errors,
               k->errors == 1 ? "" : "s");
        return;
    }
    if (k->errors + k->warnings == 0)
        printf("%sok%s: ", cli_style(c, STYLE_GREEN), cli_style(c, STYLE_NONE));
    else
        printf("%zu error%s, %zu warning%s; ", k->errors,
               k->errors == 1 ? "" : "s", k->warnings,
               k->warnings == 1 ? "" : "s");
    printf("%zu catalog%s: %zu loaded, %zu disabled, %zu failed\n",
           k->n_outcomes, k->n_outcomes == 1 ? "" : "s", loaded, disabled,
           failed);
}

static void print_json(const struct check *k)
{
    struct json j;
    json_begin(&j, stdout);
    json_object(&j);
    json_key(&j, "config"), json_string(&j, k->config);
    json_key(&j, "errors"), json_int(&j, (int64_t)k->errors);
    json_key(&j, "warnings"), json_int(&j, (int64_t)k->warnings);
    json_key(&j, "problems");
    json_array(&j);
    for (size_t i = 0; i < k->n_problems; i++) {
        const struct problem *p = &k->problems[i];
        json_object(&j);
        json_key(&j, "file"), json_string(&j, p->file);
        json_key(&j, "line");
        if (p->line)
            json_int(&j, p->line);
        else
            json_string(&j, NULL);
        json_key(&j, "severity"),
            json_string(&j, p->sev == SEV_ERROR ? "error" : "warning");
        json_key(&j, "catalog"), json_string(&j, p->catalog);
        json_key(&j, "reason"), json_string(&j, p->reason);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_key(&j, "catalogs");
    json_array(&j);
    for (size_t i = 0; i < k->n_outcomes; i++) {
        const struct outcome *o = &k->outcomes[i];
        bool loaded = strcmp(o->state, "loaded") == 0;
        json_object(&j);
        json_key(&j, "id"), json_string(&j, o->id);
        json_key(&j, "line"), json_int(&j, o->line);
        json_key(&j, "path"), json_string(&j, o->path);
        json_key(&j, "state"), json_string(&j, o->state);
        json_key(&j, "version"), json_string(&j, o->version);
        json_key(&j, "prefix");
        if (loaded)
            json_int(&j, o->prefix);
        else
            json_string(&j, NULL);
        json_key(&j, "entries"), json_int(&j, (int64_t)o->entries);
        json_key(&j, "ranges"), json_int(&j, (int64_t)o->ranges);
        json_key(&j, "legacy"), json_int(&j, (int64_t)o->legacy);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

static bool parse_timeout(const char *text, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || end == text || *end || !(v > 0) || v > MAX_TIMEOUT)
        return false;
    *out = v;
    return true;
}

static void free_check(struct check *k)
{
    for (size_t i = 0; i < k->n_problems; i++) {
        free(k->problems[i].file);
        free(k->problems[i].catalog);
        free(k->problems[i].reason);
    }
    free(k->problems);
    for (size_t i = 0; i < k->n_outcomes; i++) {
        free(k->outcomes[i].id);
        free(k->outcomes[i].path);
        free(k->outcomes[i].version);
    }
    free(k->outcomes);
}

/* bkerr.ini's problems, as the library found them: its errors, or if it
 * has none its warnings.  False if it has an error (then nothing else is
 * checked). */
static bool config_problems(struct check *k, const bkerr_registry *reg)
{
    struct bkerr_diagnostic d = {.size = sizeof d};
    bool clean = true;
    for (size_t i = 0; bkerr_diagnostic(reg, i, &d) == 0; i++)
        clean &= d.severity != BKERR_SEVERITY_ERROR;
    for (size_t i = 0; bkerr_diagnostic(reg, i, &d) == 0; i++)
        if ((d.severity == BKERR_SEVERITY_ERROR) != clean)
            add(k, d.file, d.line, clean ? SEV_WARNING : SEV_ERROR, d.catalog,
                "%s", d.message);
    return clean;
}

/* Everything after a successful NO_LOAD open. */
static bool check_registry(struct check *k, const bkerr_registry *reg)
{
    size_t n = bkerr_catalog_count(reg);
    k->outcomes = calloc(n ? n : 1, sizeof *k->outcomes);
    if (!k->outcomes) {
        k->oom = true;
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        struct bkerr_catalog_status st;
        if (bkerr_catalog_status(reg, i, &st) != 0)
            break;
        struct outcome *o = &k->outcomes[k->n_outcomes++];
        *o = (struct outcome){.id = strdup(st.id), .path = dup_or_null(st.path),
                              .line = st.line, .state = "disabled"};
        if (!o->id || (st.path && !o->path)) {
            k->oom = true;
            return true;
        }
        if (st.state == BKERR_CATALOG_DISABLED)
            add(k, k->config, st.line, SEV_WARNING, st.id, "catalog '%s' is "
                "disabled (enabled = false): it is neither loaded nor checked",
                st.id);
        else if (!check_catalog(k, i, &st, o))
            return false;
    }
    return true;
}

static int cmd_check(struct cli *c, int argc, char **argv)
{
    struct check k = {.c = c, .timeout = DEFAULT_TIMEOUT};
    if (argc > 0) {
        cli_error("check: unexpected argument '%s'; name the bkerr.ini "
                  "with --config FILE", argv[0]);
        return EXIT_USAGE;
    }
    if (c->timeout && !parse_timeout(c->timeout, &k.timeout)) {
        cli_error("check: --timeout '%s': give a number of seconds "
                  "greater than 0 and at most %g", c->timeout, MAX_TIMEOUT);
        return EXIT_USAGE;
    }
    k.config = c->config ? c->config : bkerr_default_config();
    /* An ignored SIGCHLD (inherited from whoever started us) would reap
     * the children before waitpid() could see how they ended. */
    signal(SIGCHLD, SIG_DFL);
    struct bkerr_open_options opt = {
        sizeof opt, BKERR_OPEN_NO_LOAD | BKERR_OPEN_KEEP_GOING, NULL};
    char err[BKERR_ERRMSG_SIZE];
    int rc = bkerr_open_with(k.config, &opt, &c->reg, err, sizeof err);
    bool started = true;
    if (rc == BKERR_ENOMEM)
        k.oom = true;
    else if (rc != 0)
        config_error(&k, err); /* unreadable: no line to tell */
    else if (config_problems(&k, c->reg))
        k.opened = true, started = check_registry(&k, c->reg);
    if (k.oom) {
        free_check(&k);
        cli_error("check: out of memory");
        return EXIT_OPEN;
    }
    if (k.n_problems > 1)
        qsort(k.problems, k.n_problems, sizeof *k.problems, by_line);
    if (c->json)
        print_json(&k);
    else
        print_text(&k);
    free_check(&k);
    if (!started)
        return EXIT_OPEN;
    return k.errors ? EXIT_USAGE : k.warnings ? EXIT_UNRESOLVED : EXIT_OK;
}

static const struct cli_option check_options[] = {
    CLI_OPT_CONFIG,
    {"timeout", 0, "SECONDS", "how long one catalog may take to load\n"
     "(default " TEXT(DEFAULT_TIMEOUT) ")", offsetof(struct cli, timeout), NULL},
    CLI_OPT_JSON("one object: {\"config\", \"errors\", \"warnings\",\n"
                 "\"problems\": [{\"file\", \"line\" (null: none),\n"
                 "\"severity\", \"catalog\" (null: the config itself),\n"
                 "\"reason\"}], \"catalogs\": [{\"id\", \"line\", \"path\",\n"
                 "\"state\" (loaded, disabled, rejected, crashed,\n"
                 "hung, exited, failed), \"version\", \"prefix\",\n"
                 "\"entries\", \"ranges\", \"legacy\"}]}"),
    CLI_OPT_COLOR, CLI_OPT_HELP, CLI_OPT_END,
};

const struct cli_command cli_check = {
    "check", cmd_check, "validate a bkerr.ini and its catalogs (exit 0/1/2)",
    "bkerr check [OPTIONS]",
    "Validates a bkerr.ini and every catalog it names, and prints each\n"
    "problem as  FILE:LINE: error|warning: REASON  (the line of a catalog's\n"
    "problem is that of its [catalog.<id>] section), then a summary.\n"
    "Nothing is loaded into bkerr itself: each enabled catalog is loaded\n"
    "alone in a child process, so a plugin that crashes or hangs while\n"
    "loading is reported, not fatal.\n"
    "\n"
    "Errors:\n"
    "  - bkerr.ini cannot be read or is invalid (nothing else is checked)\n"
    "  - a catalog is rejected by the loader (missing file, unsafe\n"
    "    permissions, wrong id or prefix, bad entries, ...)\n"
    "  - loading a catalog crashed (killed by a signal), hung (no answer\n"
    "    within --timeout seconds; it is killed) or exited (a constructor\n"
    "    or destructor called exit())\n"
    "Warnings:\n"
    "  - a catalog is disabled (enabled = false)\n"
    "  - a [platform.NN] section allocates a prefix to an id that has no\n"
    "    [catalog.<id>] section\n"
    "  - bkerr.ini has no [catalog.<id>] section at all\n"
    "  - a loaded catalog has no entries\n"
    "  - entries of a loaded catalog lack a message or advice in zh_CN or\n"
    "    en (a lookup in that language falls back to the other one or has\n"
    "    none; advice inherited from a range counts); one warning per kind\n"
    "    of text and language, with the count and the first codes\n",
    "Exit status: 0 clean, 1 warnings only, 2 errors, 3 out of memory or no\n"
    "process could be started.\n",
    check_options, false,
};
