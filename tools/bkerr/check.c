/* bkerr check [--config FILE] [--timeout SECONDS] [--json]: validates a
 * bkerr.ini and every catalog it names without loading any of them into
 * bkerr itself, so that a plugin whose constructor crashes, hangs or
 * exits is reported instead of taking the tool down.
 *
 * The parent reads bkerr.ini with BKERR_OPEN_NO_LOAD|KEEP_GOING: its
 * diagnostics are the file's problems.  Then one child process opens it
 * with KEEP_GOING|VERIFY, loading every catalog.  Only if that child
 * crashes, hangs or exits does each enabled catalog get a child of its own
 * (.only = its id), to tell which one did it.  A child answers into a
 * memfd, read once it has ended, in tab-separated lines:
 *
 *     catalog <id> <state> <its object, as bkerr status --json writes it>
 *     problem <id> <severity> <reason>
 *     open    <error>                  the child's open failed
 *     done                             last: the child got through */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define DEFAULT_TIMEOUT 5 /* seconds */
#define TEXT_(x) #x
#define TEXT(x) TEXT_(x)
#define MAX_TIMEOUT 86400 /* seconds */
#define EXAMPLES 3 /* codes named per kind of missing text */

/* How a child ended, beyond the library's catalog states: a catalog whose
 * child did not get through has one of these as its "state". */
enum fate { ANSWERED, CRASHED, HUNG, EXITED, FAILED };
static const char *const fate_names[] = {NULL, "crashed", "hung", "exited",
                                         "failed"};

struct problem {
    int line; /* 0: none */
    enum bkerr_severity severity;
    const char *catalog; /* in c->reg; NULL: the config itself */
    char *reason;
    size_t order; /* to sort by line, stably */
};

/* What became of the i-th [catalog.<id>] section. */
struct outcome {
    char *json;                     /* its object, if a child answered */
    enum bkerr_catalog_state state; /* as that child found it */
    enum fate fate;                 /* else how its child ended */
};

struct check {
    const struct cli *c;
    const char *config;
    double timeout;
    struct problem *problems;
    size_t n_problems;
    struct outcome *outcomes; /* one per catalog of c->reg; NULL when
                                 bkerr.ini has errors: nothing was checked */
    size_t errors, warnings;
    bool oom;
};

/* ---- the child ----------------------------------------------------------- */

/* One line of the answer; a newline in its texts becomes a blank. */
static void put(FILE *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void put(FILE *f, const char *fmt, ...)
{
    char *line = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&line, fmt, ap) < 0)
        line = NULL;
    va_end(ap);
    for (char *p = line; p && (p = strchr(p, '\n'));)
        *p = ' ';
    if (line)
        fprintf(f, "%s\n", line);
    free(line);
}

/* Warns about the entries of loaded catalog i that lack each text in each
 * language (after fallback, a lookup's message_lang/advice_lang say which
 * language came back). */
static void report_lacks(FILE *f, const bkerr_registry *reg, size_t i,
                         const struct bkerr_catalog_status *st)
{
    static const enum bkerr_lang langs[] = {BKERR_LANG_ZH_CN, BKERR_LANG_EN};
    static const char *const kinds[] = {"message", "advice"};
    size_t total = st->n_entries + st->n_legacy;
    for (int kind = 0; kind < 2; kind++)
        for (int l = 0; l < 2; l++) {
            size_t count = 0, used = 0;
            char examples[EXAMPLES * 24] = "";
            struct bkerr_result r;
            for (size_t k = 0; k < total &&
                               bkerr_catalog_entry(reg, i, k, langs[l], &r) == 0;
                 k++) {
                if (kind ? r.advice && r.advice_lang == langs[l]
                         : r.message && r.message_lang == langs[l])
                    continue;
                if (count++ < EXAMPLES)
                    used += (size_t)snprintf(examples + used,
                                             sizeof examples - used, "%s%lld",
                                             used ? ", " : "", (long long)r.code);
            }
            if (count)
                put(f, "problem\t%s\t%d\tcatalog '%s': %zu of %zu entries "
                    "without %s %s in %s (%s%s); add %s_%s to them", st->id,
                    BKERR_SEVERITY_WARNING, st->id, count, total,
                    kind ? "any" : "a", kinds[kind], bkerr_lang_name(langs[l]),
                    examples, count > EXAMPLES ? ", ..." : "", kinds[kind],
                    l ? "en" : "zh");
        }
}

/* Reports the i-th catalog: its object, then its problems. */
static void report_catalog(FILE *f, const struct cli *c,
                           const bkerr_registry *reg, size_t i,
                           struct bkerr_catalog_status *st)
{
    const char *id = st->id;
    if (st->state == BKERR_CATALOG_LAZY) { /* load = lazy: load it now */
        struct bkerr_result r;
        bkerr_catalog_entry(reg, i, 0, BKERR_LANG_ZH_CN, &r);
        bkerr_catalog_status(reg, i, st);
    }
    fprintf(f, "catalog\t%s\t%d\t", id, (int)st->state);
    struct json j;
    json_begin(&j, f);
    json_catalog(&j, c, i, st, JSON_CATALOG_STATUS);
    json_finish(&j);
    if (st->state == BKERR_CATALOG_REJECTED)
        put(f, "problem\t%s\t%d\tcatalog '%s' rejected: %s", id,
            BKERR_SEVERITY_ERROR, id, st->reason);
    else if (st->state != BKERR_CATALOG_LOADED)
        put(f, "problem\t%s\t%d\tcatalog '%s' was not loaded (state %s)",
            id, BKERR_SEVERITY_ERROR, id, bkerr_catalog_state_name(st->state));
    else if (st->n_entries + st->n_legacy == 0)
        put(f, "problem\t%s\t%d\tcatalog '%s' is loaded but has no "
            "entries: every code of prefix %d gets the generic answer at "
            "best", id, BKERR_SEVERITY_WARNING, id, st->prefix);
    else
        report_lacks(f, reg, i, st);
}

/* Loads the catalog of id (NULL: all of them), answers on fd, never
 * returns. */
static void child(const struct cli *c, const char *config, const char *id,
                  int fd)
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

    FILE *f = fdopen(fd, "w");
    if (!f)
        _exit(127);
    struct bkerr_open_options opt = {
        sizeof opt, BKERR_OPEN_KEEP_GOING | BKERR_OPEN_VERIFY, id};
    bkerr_registry *reg;
    char err[BKERR_ERRMSG_SIZE];
    if (bkerr_open_with(config, &opt, &reg, err, sizeof err) != 0) {
        put(f, "open\t%s", err);
    } else {
        struct bkerr_catalog_status st;
        for (size_t i = 0; bkerr_catalog_status(reg, i, &st) == 0; i++)
            if (st.state != BKERR_CATALOG_DISABLED &&
                st.state != BKERR_CATALOG_SKIPPED)
                report_catalog(f, c, reg, i, &st);
        bkerr_close(reg); /* unloading runs the plugins' destructors */
    }
    fputs("done\n", f);
    fclose(f);
    _exit(0);
}

/* ---- running a child ----------------------------------------------------- */

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* How a child ended. */
struct end {
    enum fate fate;
    int status;  /* waitpid()'s */
    char *text;  /* what it answered (malloc'ed) */
};

/* The whole of file fd (a short read gives ""), or NULL. */
static char *read_all(int fd)
{
    off_t n = lseek(fd, 0, SEEK_END);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (text)
        text[pread(fd, text, (size_t)n, 0) == n ? n : 0] = '\0';
    return text;
}

/* Runs the child for catalog id (NULL: all); false when none could be
 * started (errno set). */
static bool run_child(const struct check *k, const char *id, struct end *e)
{
    int fd = memfd_create("bkerr-check", MFD_CLOEXEC);
    if (fd < 0)
        return false;
    fflush(stdout); /* an exit() in the child must not print ours again */
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0); /* so a timeout kills whatever it started too */
        /* out of the terminal's process group, a ^C no longer reaches
         * it: die with the parent instead of hanging on as an orphan */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() == 1)
            _exit(0);
        child(k->c, k->config, id, fd);
    }
    if (pid < 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return false;
    }
    setpgid(pid, pid);
    long long deadline = now_ms() + (long long)(k->timeout * 1000.0 + 0.5);
    pid_t done;
    while ((done = waitpid(pid, &e->status, WNOHANG)) != pid &&
           now_ms() < deadline)
        nanosleep(&(struct timespec){0, 2000000}, NULL);
    if (done != pid) { /* hung: kill it, and whatever it started */
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        while (waitpid(pid, &e->status, 0) < 0 && errno == EINTR)
            ;
    }
    e->text = read_all(fd);
    close(fd);
    size_t n = e->text ? strlen(e->text) : 0;
    int st = e->status;
    e->fate = done != pid           ? HUNG
              : WIFSIGNALED(st)     ? CRASHED
              : !WIFEXITED(st) || WEXITSTATUS(st) != 0 || n < 5 ||
                      strcmp(e->text + n - 5, "done\n") != 0
                  ? EXITED
                  : ANSWERED;
    return true;
}

/* ---- problems ------------------------------------------------------------ */

static void add(struct check *k, int line, enum bkerr_severity severity,
                const char *catalog, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void add(struct check *k, int line, enum bkerr_severity severity,
                const char *catalog, const char *fmt, ...)
{
    k->errors += severity == BKERR_SEVERITY_ERROR;
    k->warnings += severity == BKERR_SEVERITY_WARNING; /* a note is neither */
    va_list ap;
    va_start(ap, fmt);
    char *reason = NULL;
    if (vasprintf(&reason, fmt, ap) < 0)
        reason = NULL;
    va_end(ap);
    struct problem *p =
        realloc(k->problems, (k->n_problems + 1) * sizeof *k->problems);
    if (!reason || !p) {
        free(reason);
        k->oom = true;
        return;
    }
    k->problems = p;
    for (char *q = reason; *q; q++)
        *q = (unsigned char)*q < 0x20 ? ' ' : *q;
    k->problems[k->n_problems] =
        (struct problem){line, severity, catalog, reason, k->n_problems};
    k->n_problems++;
}

/* The open failed: "file:line: reason" or "file: reason". */
static void open_error(struct check *k, const char *err)
{
    size_t n = strlen(k->config);
    const char *reason = err;
    int line = 0, used = 0;
    if (strncmp(err, k->config, n) == 0 && err[n] == ':') {
        reason = err + n + 1;
        if (sscanf(reason, "%d: %n", &line, &used) == 1 && used && line > 0)
            reason += used;
        else
            line = 0;
        reason += strspn(reason, " ");
    }
    add(k, line, BKERR_SEVERITY_ERROR, NULL, "%s", reason);
}

/* Takes in the answer of a child that got through. */
static void take(struct check *k, char *text, const char **open_error)
{
    for (char *line = text, *next; (next = strchr(line, '\n')); line = next) {
        *next++ = '\0';
        char *f[4] = {line};
        for (int n = 1; n < 4 && f[n - 1] && (f[n] = strchr(f[n - 1], '\t'));
             n++)
            *f[n]++ = '\0';
        size_t i;
        struct bkerr_catalog_status st;
        if (strcmp(f[0], "open") == 0 && f[1]) {
            *open_error = f[1];
        } else if (!f[3] || bkerr_catalog_find(k->c->reg, f[1], &i) != 0 ||
                   bkerr_catalog_status(k->c->reg, i, &st) != 0) {
            continue; /* not a line about a catalog of ours */
        } else if (strcmp(f[0], "catalog") == 0) {
            struct outcome *o = &k->outcomes[i];
            o->state = (enum bkerr_catalog_state)atoi(f[2]);
            free(o->json);
            k->oom |= !(o->json = strdup(f[3]));
        } else if (strcmp(f[0], "problem") == 0) {
            add(k, st.line, (enum bkerr_severity)atoi(f[2]), st.id, "%s", f[3]);
        }
    }
}

/* The problem of catalog st whose child did not get through. */
static void fate_problem(struct check *k, const struct bkerr_catalog_status *st,
                         const struct end *e, const char *open_error)
{
    const char *id = st->id, *path = st->path;
    int line = st->line, sig = WTERMSIG(e->status);
    const char *abbrev = sigabbrev_np(sig);
    switch (e->fate) {
    case HUNG:
        add(k, line, BKERR_SEVERITY_ERROR, id, "catalog '%s': hung: no answer "
            "within %g s while loading %s (killed); a constructor of the "
            "plugin blocks: fix or disable it", id, k->timeout, path);
        break;
    case CRASHED:
        add(k, line, BKERR_SEVERITY_ERROR, id, "catalog '%s': crashed with "
            "signal %d (%s%s) while loading %s; fix the plugin or set "
            "enabled = false", id, sig, abbrev ? "SIG" : "unknown signal",
            abbrev ? abbrev : "", path);
        break;
    case EXITED:
        add(k, line, BKERR_SEVERITY_ERROR, id, "catalog '%s': the process "
            "loading %s exited with status %d before it answered (does a "
            "constructor or destructor of the plugin call exit()?); fix the "
            "plugin or set enabled = false", id, path,
            WIFEXITED(e->status) ? WEXITSTATUS(e->status) : -1);
        break;
    default:
        add(k, line, BKERR_SEVERITY_ERROR, id, "catalog '%s': %s", id,
            open_error ? open_error
                       : "the config changed while being checked; run the "
                         "check again");
    }
}

/* Checks every enabled catalog: all in one child, or if that child did
 * not get through, each in a child of its own.  False if no child could
 * be started. */
static bool check_catalogs(struct check *k)
{
    struct end e = {0};
    const char *open_error = NULL;
    bool one = run_child(k, NULL, &e) && e.fate == ANSWERED;
    if (one)
        take(k, e.text, &open_error);
    struct bkerr_catalog_status st;
    for (size_t i = 0; bkerr_catalog_status(k->c->reg, i, &st) == 0; i++) {
        struct outcome *o = &k->outcomes[i];
        if (st.state == BKERR_CATALOG_DISABLED) {
            add(k, st.line, BKERR_SEVERITY_WARNING, st.id, "catalog '%s' is "
                "disabled (enabled = false): it is neither loaded nor "
                "checked", st.id);
            continue;
        }
        if (!one) {
            free(e.text);
            e.text = NULL, open_error = NULL;
            if (!run_child(k, st.id, &e)) {
                cli_error("check: cannot start a process to load catalog "
                          "'%s': %s; free some memory or processes and run "
                          "it again", st.id, strerror(errno));
                free(e.text);
                return false;
            }
            if (e.fate == ANSWERED)
                take(k, e.text, &open_error);
        }
        if (!o->json) {
            o->fate = e.fate == ANSWERED ? FAILED : e.fate;
            fate_problem(k, &st, &e, open_error);
        }
    }
    free(e.text);
    return true;
}

/* bkerr.ini's problems, as the library found them: its errors, or if it
 * has none its warnings.  False if it has an error (then nothing else is
 * checked). */
static bool config_problems(struct check *k)
{
    struct bkerr_diagnostic d = {.size = sizeof d};
    bool clean = true;
    for (size_t i = 0; bkerr_diagnostic(k->c->reg, i, &d) == 0; i++)
        clean &= d.severity != BKERR_SEVERITY_ERROR;
    for (size_t i = 0; bkerr_diagnostic(k->c->reg, i, &d) == 0; i++)
        if ((d.severity == BKERR_SEVERITY_ERROR) != clean)
            add(k, d.line, d.severity, d.catalog, "%s", d.message);
    return clean;
}

/* ---- output -------------------------------------------------------------- */

static int by_line(const void *x, const void *y)
{
    const struct problem *a = x, *b = y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

static void print_text(const struct check *k)
{
    const struct cli *c = k->c;
    for (size_t i = 0; i < k->n_problems; i++) {
        const struct problem *p = &k->problems[i];
        printf(p->line ? "%s:%d: " : "%s: ", k->config, p->line);
        printf("%s%s%s: %s\n",
               cli_style(c, p->severity == BKERR_SEVERITY_ERROR ? STYLE_RED
                                                                : STYLE_YELLOW),
               bkerr_severity_name(p->severity), cli_style(c, STYLE_NONE),
               p->reason);
    }
    printf("%s: ", k->config);
    if (!k->outcomes) {
        printf("%zu error%s; no catalog was checked\n", k->errors,
               plural(k->errors));
        return;
    }
    size_t n = bkerr_catalog_count(c->reg), loaded = 0, disabled = 0;
    struct bkerr_catalog_status st;
    for (size_t i = 0; bkerr_catalog_status(c->reg, i, &st) == 0; i++) {
        loaded += k->outcomes[i].json &&
                  k->outcomes[i].state == BKERR_CATALOG_LOADED;
        disabled += st.state == BKERR_CATALOG_DISABLED;
    }
    if (k->errors + k->warnings == 0)
        printf("%sok%s: ", cli_style(c, STYLE_GREEN), cli_style(c, STYLE_NONE));
    else
        printf("%zu error%s, %zu warning%s; ", k->errors, plural(k->errors),
               k->warnings, plural(k->warnings));
    printf("%zu catalog%s: %zu loaded, %zu disabled, %zu failed\n", n,
           plural(n), loaded, disabled, n - loaded - disabled);
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
        json_key(&j, "file"), json_string(&j, k->config);
        json_key(&j, "line");
        p->line ? json_int(&j, p->line) : json_string(&j, NULL);
        json_key(&j, "severity");
        json_string(&j, bkerr_severity_name(p->severity));
        json_key(&j, "catalog"), json_string(&j, p->catalog);
        json_key(&j, "reason"), json_string(&j, p->reason);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_key(&j, "catalogs");
    json_array(&j);
    struct bkerr_catalog_status st;
    for (size_t i = 0;
         k->outcomes && bkerr_catalog_status(k->c->reg, i, &st) == 0; i++) {
        const struct outcome *o = &k->outcomes[i];
        if (o->json)
            json_raw(&j, o->json);
        else if (o->fate)
            json_catalog_as(&j, &st, fate_names[o->fate]);
        else /* disabled */
            json_catalog(&j, k->c, i, &st, JSON_CATALOG_STATUS);
    }
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

/* --timeout's check (options.h). */
static const char *timeout_check(const char *text)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    return errno || end == text || *end || !(v > 0) || v > MAX_TIMEOUT
               ? "give a number of seconds greater than 0 and at most "
                 TEXT(MAX_TIMEOUT)
               : NULL;
}

static void free_check(struct check *k)
{
    for (size_t i = 0; i < k->n_problems; i++)
        free(k->problems[i].reason);
    free(k->problems);
    for (size_t i = 0; k->outcomes && i < bkerr_catalog_count(k->c->reg); i++)
        free(k->outcomes[i].json);
    free(k->outcomes);
}

static int cmd_check(struct cli *c, int argc, char **argv)
{
    struct check k = {.c = c, .timeout = DEFAULT_TIMEOUT};
    if (argc > 0) {
        cli_error("check: unexpected argument '%s'; name the bkerr.ini "
                  "with --config FILE", argv[0]);
        return EXIT_USAGE;
    }
    if (c->timeout)
        k.timeout = strtod(c->timeout, NULL);
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
        open_error(&k, err);
    else if (config_problems(&k)) {
        k.outcomes = calloc(bkerr_catalog_count(c->reg) + 1, sizeof *k.outcomes);
        k.oom = !k.outcomes;
        started = k.oom || check_catalogs(&k);
    }
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
     "(default " TEXT(DEFAULT_TIMEOUT) ")", offsetof(struct cli, timeout),
     timeout_check},
    CLI_OPT_JSON("one object: {\"config\", \"errors\", \"warnings\",\n"
                 "\"problems\", \"catalogs\"} (see docs/json.md)"),
    CLI_OPT_COLOR, CLI_OPT_HELP, CLI_OPT_END,
};

const struct cli_command cli_check = {
    "check", cmd_check, "validate a bkerr.ini and its catalogs (exit 0/1/2)",
    "bkerr check [OPTIONS]",
    "Validates a bkerr.ini and every catalog it names, and prints each\n"
    "problem as  FILE:LINE: error|warning: REASON  (the line of a catalog's\n"
    "problem is that of its [catalog.<id>] section), then a summary.\n"
    "Nothing is loaded into bkerr itself: the catalogs are loaded in a\n"
    "child process, and if it crashes, hangs or exits, each enabled catalog\n"
    "alone in one of its own, so a plugin that crashes or hangs while\n"
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
