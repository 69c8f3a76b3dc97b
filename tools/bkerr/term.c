/* The terminal: colour, width, the pager and table cells (term.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "term.h"

bool term_color(const char *mode)
{
    if (mode && strcmp(mode, "always") == 0)
        return true;
    if (mode && strcmp(mode, "never") == 0)
        return false;
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color) &&
           !(term && strcmp(term, "dumb") == 0);
}

/* $COLUMNS as a number of columns, or 0 if it is not a positive number. */
static int columns_env(void)
{
    const char *v = getenv("COLUMNS");
    if (!v || *v < '0' || *v > '9')
        return 0;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    return errno || *end || n <= 0 || n > INT_MAX / 4 ? 0 : (int)n;
}

int term_width(void)
{
    if (!isatty(STDOUT_FILENO))
        return 0;
    int n = columns_env();
    if (n)
        return n;
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

/* ---- the pager ---- */

static pid_t pager_pid = -1;
static int saved_stderr = -1; /* the terminal's stderr, while it is paged */

bool pager_active(void)
{
    return pager_pid > 0;
}

/* Closes the pager's input and waits for it (async-signal-safe). */
static void close_and_wait(void)
{
    close(STDOUT_FILENO);
    if (saved_stderr >= 0) {
        dup2(saved_stderr, STDERR_FILENO);
        close(saved_stderr);
        saved_stderr = -1;
    }
    while (waitpid(pager_pid, NULL, 0) < 0 && errno == EINTR)
        ;
    pager_pid = -1;
}

void pager_finish(void)
{
    if (!pager_active())
        return;
    fflush(stdout);
    fflush(stderr);
    close_and_wait();
}

/* Killed while the pager runs: let it see the end of its input and quit
 * first, so that the terminal is the shell's again when we are gone. */
static void on_signal(int sig)
{
    if (pager_active())
        close_and_wait();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Whether command needs a shell: anything but words of plain characters. */
static bool needs_shell(const char *command)
{
    return command[strspn(command, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                   "abcdefghijklmnopqrstuvwxyz"
                                   "0123456789 \t_-+=.,/:@%")] != '\0';
}

enum { MAX_WORDS = 32 };

/* In the child: runs command with the pipe as standard input; writes
 * errno to report (close-on-exec) if it cannot be started. */
static void run_pager(char *command, int input, int report)
{
    dup2(input, STDIN_FILENO);
    close(input);
    if (!getenv("LESS"))
        setenv("LESS", "FRX", 1);
    if (!getenv("LV"))
        setenv("LV", "-c", 1);
    char *argv[MAX_WORDS + 1];
    int n = 0;
    if (needs_shell(command)) {
        argv[n++] = "/bin/sh", argv[n++] = "-c", argv[n++] = command;
    } else {
        for (char *w = strtok(command, " \t"); w && n < MAX_WORDS;
             w = strtok(NULL, " \t"))
            argv[n++] = w;
    }
    argv[n] = NULL;
    if (n > 0)
        execvp(argv[0], argv);
    int e = n > 0 ? errno : ENOENT;
    ssize_t unused = write(report, &e, sizeof e);
    (void)unused;
    _exit(127);
}

void pager_start(void)
{
    if (!isatty(STDOUT_FILENO) || pager_active())
        return;
    const char *env = getenv("PAGER");
    const char *command = env ? env : "less";
    if (command[strspn(command, " \t")] == '\0' || strcmp(command, "cat") == 0)
        return;
    char *copy = strdup(command);
    int data[2], report[2];
    if (!copy || pipe(data) != 0) {
        free(copy);
        return;
    }
    if (pipe2(report, O_CLOEXEC) != 0) {
        close(data[0]), close(data[1]);
        free(copy);
        return;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        close(data[1]);
        close(report[0]);
        run_pager(copy, data[0], report[1]);
    }
    free(copy);
    close(data[0]);
    close(report[1]);
    int e = 0;
    ssize_t got = -1;
    while (pid > 0 && (got = read(report[0], &e, sizeof e)) < 0 &&
           errno == EINTR)
        ;
    close(report[0]);
    if (pid < 0 || got != 0) { /* not started: write to the terminal */
        close(data[1]);
        if (pid > 0)
            waitpid(pid, NULL, 0);
        if (env && pid > 0)
            fprintf(stderr, "bkerr: warning: cannot start the pager '%s': "
                    "%s; writing to the terminal\n", env, strerror(e));
        return;
    }
    pager_pid = pid;
    dup2(data[1], STDOUT_FILENO);
    if (isatty(STDERR_FILENO)) {
        saved_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
        if (saved_stderr >= 0)
            dup2(data[1], STDERR_FILENO);
    }
    close(data[1]);
    /* A pager that quits early closes the pipe: writes then fail with
     * EPIPE (pager_active() tells main not to call that an error). */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
}

/* ---- cells ---- */

/* Decodes one UTF-8 character at s into *cp; returns its length (1 for a
 * stray byte, which then counts as one column). */
static size_t decode(const unsigned char *s, uint32_t *cp)
{
    int n = s[0] >= 0xF0 ? 3 : s[0] >= 0xE0 ? 2 : s[0] >= 0xC0 ? 1 : 0;
    uint32_t v = n == 3 ? s[0] & 0x07u : n == 2 ? s[0] & 0x0Fu
               : n == 1 ? s[0] & 0x1Fu : s[0];
    for (int k = 1; k <= n; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[k] & 0x3Fu);
    }
    *cp = v;
    return (size_t)n + 1;
}

/* East Asian wide ranges, for when no UTF-8 locale tells wcwidth. */
static bool wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* The columns of one character (a control character counts 1: it is
 * printed as a blank). */
static int char_width(uint32_t cp)
{
    int w = wcwidth((wchar_t)cp);
    return w >= 0 ? w : wide(cp) ? 2 : 1;
}

int cli_width(const char *s)
{
    int cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        uint32_t cp;
        p += decode(p, &cp);
        cols += char_width(cp);
    }
    return cols;
}

void cli_pad(FILE *f, const char *s, int width)
{
    fputs(s, f);
    for (int w = cli_width(s); w < width; w++)
        fputc(' ', f);
}

void cli_cell(FILE *f, const char *s, int width)
{
    term_cell(f, s, INT_MAX, width);
}

int term_cell(FILE *f, const char *s, int width, int pad)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    bool cut = cli_width((const char *)p) > width;
    int room = cut ? width - 1 : width, used = 0; /* 1 for the "…" */
    while (*p) {
        uint32_t cp;
        size_t n = decode(p, &cp);
        int w = char_width(cp);
        if (used + w > room)
            break;
        for (size_t k = 0; k < n; k++)
            fputc(p[k] < 0x20 || p[k] == 0x7F ? ' ' : p[k], f);
        used += w;
        p += n;
    }
    if (cut && width > 0) {
        fputs("…", f);
        used++;
    }
    for (; used < pad; used++)
        fputc(' ', f);
    return used;
}

void term_fit(int width, int n, int *w, const int *min)
{
    if (width <= 0 || n <= 0)
        return;
    int total = 2 * (n - 1);
    for (int k = 0; k < n; k++)
        total += w[k];
    while (total > width) {
        int widest = -1;
        for (int k = 0; k < n; k++)
            if (w[k] > min[k] && (widest < 0 || w[k] >= w[widest]))
                widest = k;
        if (widest < 0)
            return;
        w[widest]--, total--;
    }
}
