/* bkerr annotate [--inline|--json] [FILE...]: a filter that explains the
 * BlueKing codes in logs and API responses (bkerr_scan() finds them).
 * Lines pass through byte for byte.  Memory is one fixed window (window.h),
 * however long a line is, and lookups allocate nothing. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "found.h"
#include "window.h"

/* The window: lines up to 1 MiB are handed over whole. */
#define WINDOW_CAP (1u << 20)
#define WINDOW_OVERLAP 4096u

enum mode { MODE_LINES, MODE_INLINE, MODE_JSON };

/* Distinct codes of one line, in order; more are dropped. */
#define MAX_CODES 64
/* Candidates for the exception classes a line names. */
#define MAX_SYMBOLS 8

/* How an explanation was found; the names are the JSON's. */
enum found_by { BY_CODE, BY_MESSAGE, BY_SYMBOL };
static const char *const found_by_names[] = {"code", "message", "symbol"};

/* --fail-on: which results make the exit status 1. */
enum fail_on { FAIL_NEVER, FAIL_UNKNOWN = 1, FAIL_NOT_FOUND = 2,
               FAIL_ANY = 3 };

/* One explanation of a line. */
struct explained {
    struct bkerr_result r;
    enum found_by by;
    const struct bkerr_match *m; /* the template the line carries, or NULL */
};

struct annotate {
    struct cli *c;
    enum mode mode;
    int fd;           /* the input being read */
    const char *name; /* its name ("-": standard input) */
    long long line;   /* the number of the current line, from 1 */
    bool started;     /* some of the line is written already (longer than
                         the window) */
    int64_t codes[MAX_CODES];
    size_t n;
    enum fail_on fail_on;
    bool failed;      /* a result --fail-on names was met */
};

static bool collect(void *ctx, int64_t code)
{
    struct annotate *a = ctx;
    for (size_t i = 0; i < a->n; i++)
        if (a->codes[i] == code)
            return true;
    a->codes[a->n++] = code;
    return a->n < MAX_CODES;
}

/* Prints catalog text on one line: control characters become blanks. */
static void put_clean(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        const unsigned char *run = p; /* written in runs: most text is clean */
        while (*p >= 0x20 && *p != 0x7F)
            p++;
        fwrite(run, 1, (size_t)(p - run), stdout);
        if (*p)
            putchar(' '), p++;
    }
}

/* "1199006 cmdb CCErrCommParamsInvalid: <message> — <advice>"; found by
 * message ("≈ ") or symbol ("⇐ "), with the message's placeholders
 * filled from what the line carries. */
static void explain(const struct annotate *a, const struct explained *x,
                    const char *body)
{
    static char text[3 * 4096 + 256]; /* a message is at most 4096 bytes */
    const struct cli *c = a->c;
    const struct bkerr_result *r = &x->r;
    printf("%s%s%lld", cli_style(c, STYLE_CYAN),
           x->by == BY_MESSAGE ? "≈ " : x->by == BY_SYMBOL ? "⇐ " : "",
           (long long)r->code);
    if (r->guest) /* another product's code: never shown as the owner's */
        printf(c->lang == BKERR_LANG_EN ? " %s (its code under %s's prefix)"
                                        : " %s（借用 %s 的前缀）",
               r->catalog, r->platform.id ? r->platform.id : "unassigned");
    else if (r->catalog) /* the answering catalog: a legacy code's may
                            not be the prefix's owner */
        printf(" %s", r->catalog);
    else if (r->platform.id)
        printf(" %s", r->platform.id);
    if (r->symbol) {
        putchar(' ');
        put_clean(r->symbol);
    }
    printf("%s: ", cli_style(c, STYLE_NONE));
    int n;
    if (r->message && x->m) {
        n = found_fill(x->m, body, text, sizeof text);
        put_clean(text);
    } else if (r->message) {
        n = bkerr_fill(r->message, NULL, 0, text, sizeof text);
        put_clean(text);
        if (r->status == BKERR_GENERIC)
            fputs(r->message_lang == BKERR_LANG_EN ? " (generic error ID)"
                                                   : "（通用错误码）", stdout);
    } else {
        /* bkerr_format()'s second line says why there is no message */
        n = bkerr_format(r, NULL, 0, text, sizeof text);
        char *line = strchr(text, '\n');
        line = line ? line + 1 : text;
        line[strcspn(line, "\n")] = '\0';
        put_clean(line);
    }
    if (n >= (int)sizeof text)
        fputs("…", stdout);
    if (r->advice) {
        fputs(" — ", stdout);
        put_clean(r->advice);
    }
}

/* The inside of a JSON string of arbitrary bytes: invalid UTF-8 becomes
 * U+FFFD.  Returns the bytes written; unless final, it leaves up to 3
 * bytes at the end that may be the start of a character cut off. */
static size_t json_chars(const char *text, size_t n, bool final)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < n) {
        size_t k = found_utf8_char(s + i, n - i);
        if (k == 0 && !final && n - i < 4)
            break;
        if (k == 0) {
            fputs("\\ufffd", stdout);
            i++;
        } else if (k > 1) {
            fwrite(s + i, 1, k, stdout);
            i += k;
        } else {
            unsigned char b = s[i++];
            if (b == '"' || b == '\\')
                printf("\\%c", b);
            else if (b < 0x20 || b == 0x7F)
                printf("\\u%04x", b);
            else
                putchar(b);
        }
    }
    return i;
}

static void json_bytes(const char *text, size_t n)
{
    putchar('"');
    json_chars(text, n, true);
    putchar('"');
}

/* The start of a JSON line, up to the text's opening quote. */
static void json_head(const struct annotate *a)
{
    fputs("{\"file\":", stdout);
    json_bytes(a->name, strlen(a->name));
    printf(",\"line\":%lld,\"text\":\"", a->line);
}

/* window.h's text(): the first part of a line longer than the window. */
static size_t early_text(void *ctx, const char *s, size_t n)
{
    struct annotate *a = ctx;
    if (!a->started && a->mode == MODE_JSON)
        json_head(a); /* so a long line has its object, codes or not */
    a->started = true;
    size_t took = n;
    if (a->mode == MODE_JSON)
        took = json_chars(s, n, false);
    else
        fwrite(s, 1, n, stdout);
    return ferror(stdout) ? WINDOW_STOP : took;
}

/* Whether r is a result --fail-on names: unknown, nothing covers the
 * code's product (no catalog loaded for it, an unassigned prefix, not a
 * code); not found, its catalog is loaded and lacks it (only the spec's
 * generic row, if any, answers). */
static enum fail_on failure_of(const struct bkerr_result *r)
{
    switch (r->status) {
    case BKERR_NO_CATALOG:
    case BKERR_UNASSIGNED:
    case BKERR_INVALID:
        return FAIL_UNKNOWN;
    case BKERR_NOT_IN_CATALOG:
    case BKERR_GENERIC:
        return FAIL_NOT_FOUND;
    default:
        return FAIL_NEVER;
    }
}

/* The definition of a code with several that the line's message names:
 * the best template the line carries with that code wins. */
static void pick_variant(const struct annotate *a, struct explained *x,
                         const struct bkerr_match *m, size_t nm)
{
    for (size_t k = 0; k < nm; k++) {
        if (m[k].code != x->r.code)
            continue;
        if (x->r.n_variants > 1 && m[k].variant != x->r.variant)
            bkerr_lookup_variant(a->c->reg, a->c->product, x->r.code,
                                 m[k].variant, a->c->lang, &x->r);
        if (x->r.variant == m[k].variant)
            x->m = &m[k];
        return;
    }
}

/* Whether the best templates m[0..nm) (tied) tell which entry a line
 * without a code speaks of (bkerr.h: BKERR_MATCH_TELLING_LITERAL). */
static bool telling(const struct bkerr_match *m, size_t nm)
{
    if (nm == 0 || nm > BKERR_MATCH_TELLING_TIES ||
        m[0].literal < BKERR_MATCH_TELLING_LITERAL)
        return false;
    for (size_t k = 0; k < nm; k++)
        if (m[k].code == 0) /* success is nothing to explain */
            return false;
    return true;
}

/* What the line means: its codes, else the messages it carries, and the
 * exception classes it names; their count in x. */
static size_t explain_line(struct annotate *a, const char *body, size_t n,
                           bool whole, struct explained *x, size_t max)
{
    static struct bkerr_match m[FOUND_MATCHES];
    static struct found_symbol sym[MAX_SYMBOLS];
    const struct cli *c = a->c;
    size_t got = 0, nm = 0;
    /* a line longer than the window is scanned for codes only */
    if (whole)
        nm = found_messages(c, body, n, m, FOUND_MATCHES);
    for (size_t i = 0; i < a->n && got < max; i++, got++) {
        x[got] = (struct explained){.by = BY_CODE};
        if (c->product)
            bkerr_lookup_product(c->reg, c->product, a->codes[i], c->lang,
                                 &x[got].r);
        else
            bkerr_lookup(c->reg, a->codes[i], c->lang, &x[got].r);
        pick_variant(a, &x[got], m, nm);
        if (failure_of(&x[got].r) & a->fail_on)
            a->failed = true;
    }
    if (a->n == 0 && telling(m, nm))
        for (size_t k = 0; k < nm && got < max; k++) {
            x[got] = (struct explained){.by = BY_MESSAGE, .m = &m[k]};
            if (found_entry(c, &m[k], &x[got].r))
                got++;
        }
    size_t ns = whole ? found_symbols(c, body, n, sym, MAX_SYMBOLS) : 0;
    for (size_t k = 0; k < ns && got < max; k++) {
        bool known = false; /* already explained by its code */
        for (size_t i = 0; i < got; i++)
            known |= x[i].r.code == sym[k].r.code &&
                     x[i].r.catalog == sym[k].r.catalog;
        if (!known)
            x[got++] = (struct explained){sym[k].r, BY_SYMBOL, NULL};
    }
    return got;
}

/* The rest of the line (its body, n bytes, without the newline), then
 * what it means. */
static void finish_line(struct annotate *a, const char *body, size_t n,
                        bool newline)
{
    static struct explained x[MAX_CODES + FOUND_MATCHES + MAX_SYMBOLS];
    size_t count = explain_line(a, body, n, !a->started, x,
                                sizeof x / sizeof x[0]);
    if (count == 0 && a->mode != MODE_JSON) {
        fwrite(body, 1, n, stdout);
        if (newline)
            putchar('\n');
    }
    if (count == 0 && !a->started)
        return;
    if (a->mode == MODE_JSON) {
        if (!a->started)
            json_head(a);
        json_chars(body, n, true);
        fputs("\",\"results\":", stdout);
        struct json j;
        json_begin(&j, stdout);
        json_array(&j);
        for (size_t i = 0; i < count; i++) {
            json_object(&j);
            json_result_fields(&j, &x[i].r);
            json_key(&j, "found_by");
            json_string(&j, found_by_names[x[i].by]);
            if (x[i].m) {
                json_key(&j, "captures");
                json_captures(&j, x[i].m, body);
            }
            json_end_object(&j);
        }
        json_end_array(&j);
        fputs("}\n", stdout);
    } else if (count == 0) {
        /* a long line without codes: written above */
    } else if (a->mode == MODE_INLINE) {
        size_t keep = n; /* the explanations go before a CR LF too */
        if (newline && keep > 0 && body[keep - 1] == '\r')
            keep--;
        fwrite(body, 1, keep, stdout);
        for (size_t i = 0; i < count; i++) {
            fputs(" [", stdout);
            explain(a, &x[i], body);
            putchar(']');
        }
        fwrite(body + keep, 1, n - keep, stdout);
        putchar('\n');
    } else {
        fwrite(body, 1, n, stdout);
        putchar('\n');
        for (size_t i = 0; i < count; i++) {
            printf("    %s↳%s ", cli_style(a->c, STYLE_DIM),
                   cli_style(a->c, STYLE_NONE));
            explain(a, &x[i], body);
            putchar('\n');
        }
    }
}

/* window.h's end(). */
static bool end_line(void *ctx, const char *body, size_t n, bool newline)
{
    struct annotate *a = ctx;
    finish_line(a, body, n, newline);
    a->line++, a->started = false, a->n = 0;
    return !ferror(stdout);
}

static ssize_t read_input(void *ctx, char *buf, size_t n)
{
    return read(((struct annotate *)ctx)->fd, buf, n);
}

static const struct window_ops ops = {read_input, collect, early_text,
                                      end_line};

/* Annotates one input; false on a read error (reported). */
static bool annotate_file(struct annotate *a, int fd, const char *name,
                          char *window)
{
    a->fd = fd, a->name = name, a->line = 1, a->started = false, a->n = 0;
    if (window_run(&ops, a, a->c->reg, a->c->product, window, WINDOW_CAP,
                   WINDOW_OVERLAP) == 0)
        return true;
    cli_error("%s: cannot read: %s", strcmp(name, "-") == 0
              ? "standard input" : name, strerror(errno));
    return false;
}

/* Whether fd is a pipe, socket or terminal: someone may be waiting. */
static bool interactive(int fd)
{
    struct stat st;
    return isatty(fd) ||
           (fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)));
}

/* Whether any input is something other than a regular file. */
static bool streaming_input(int nfiles, char **files)
{
    struct stat st;
    if (nfiles == 0)
        return !(fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode));
    for (int i = 0; i < nfiles; i++) {
        const char *name = files[i];
        bool is_stdin = strcmp(name, "-") == 0;
        int rc = is_stdin ? fstat(STDIN_FILENO, &st) : stat(name, &st);
        if (rc != 0 || !S_ISREG(st.st_mode))
            return true;
    }
    return false;
}

static const char *const fail_on_names[] = {
    [FAIL_UNKNOWN] = "unknown", [FAIL_NOT_FOUND] = "not-found", [FAIL_ANY] = "any"};

static enum fail_on fail_on_of(const char *value)
{
    for (size_t k = FAIL_UNKNOWN; value && k <= FAIL_ANY; k++)
        if (strcmp(value, fail_on_names[k]) == 0)
            return (enum fail_on)k;
    return FAIL_NEVER;
}

static const char *check_fail_on(const char *value)
{
    return fail_on_of(value) ? NULL : "write unknown, not-found or any";
}

static int cmd_annotate(struct cli *c, int argc, char **argv)
{
    struct annotate a = {.c = c, .mode = c->json ? MODE_JSON : MODE_LINES,
                         .fail_on = fail_on_of(c->fail_on)};
    int nfiles = argc;
    bool inline_ = c->inline_;
    if (inline_ && c->json) {
        cli_error("annotate: --inline and --json do not go together; pick one");
        return EXIT_USAGE;
    }
    if (inline_)
        a.mode = MODE_INLINE;
    c->lazy = true; /* a log names few products */
    int rc = cli_open(c);
    if (rc)
        return rc;
    struct bkerr_result probe;
    if (c->product && bkerr_lookup_product(c->reg, c->product, 0, c->lang,
                                           &probe) == BKERR_ENOPRODUCT) {
        cli_error("--product '%s': no platform has this id; see bkerr "
                  "platforms", c->product);
        return EXIT_USAGE;
    }
    /* stdio's buffer is a block (4 KiB) for a file: a write(2) each 4 KiB
     * of a log's copy cost as much as scanning it */
    static char out_buffer[1u << 16];
    if (interactive(STDOUT_FILENO) && streaming_input(nfiles, argv))
        setvbuf(stdout, NULL, _IOLBF, 0);
    else
        setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    char *window = malloc(WINDOW_CAP);
    if (!window) {
        cli_error("annotate: out of memory");
        return EXIT_OPEN;
    }
    rc = EXIT_OK;
    if (nfiles == 0 && !annotate_file(&a, STDIN_FILENO, "-", window))
        rc = EXIT_USAGE;
    for (int i = 0; i < nfiles && !ferror(stdout); i++) {
        const char *name = argv[i];
        if (strcmp(name, "-") == 0) {
            if (!annotate_file(&a, STDIN_FILENO, name, window))
                rc = EXIT_USAGE;
            continue;
        }
        int fd = open(name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            cli_error("%s: cannot open: %s; the other files are still "
                      "annotated", name, strerror(errno));
            rc = EXIT_USAGE;
            continue;
        }
        if (!annotate_file(&a, fd, name, window))
            rc = EXIT_USAGE;
        close(fd);
    }
    free(window);
    if (rc == EXIT_OK && a.failed)
        rc = EXIT_UNRESOLVED;
    return rc;
}

static const struct cli_option annotate_options[] = {
    {"inline", 0, NULL, "the explanations at the end of each line",
     offsetof(struct cli, inline_), NULL},
    {"fail-on", 0, "WHAT", "exit 1 (after the whole output) if some code is\n"
     "unknown: no catalog covers its product (none\n"
     "loaded for it, an unassigned prefix);\n"
     "not-found: its product's catalog lacks it; any:\n"
     "either", offsetof(struct cli, fail_on), check_fail_on},
    CLI_OPT_JSON("JSON Lines, one object per line with codes"),
    CLI_OPT_PRODUCT("look codes up in one product's catalog"),
    CLI_OPT_CONFIG, CLI_OPT_LANG, CLI_OPT_COLOR, CLI_OPT_HELP, CLI_OPT_END,
};

const struct cli_command cli_annotate = {
    "annotate", cmd_annotate, "explain the codes in logs and API responses",
    "bkerr annotate [--inline|--json] [OPTIONS] [FILE...]",
    "Copies FILEs (standard input when none is given, or for \"-\") to standard\n"
    "output and explains every BlueKing error code found in a line:\n"
    "\n"
    "  \"code\": 1199006   code=1199006   error code 1199006   \"status\": 2101001\n"
    "  错误码：1199006   返回码1306000   assert resp[\"code\"] == \"1199006\"\n"
    "  [1306000] 组件调用异常   保存失败（1244006）   主机转移失败1110029\n"
    "\n"
    "A 7-digit number after a code key (code, error_code, errorCode, status,\n"
    "ret, 错误码, 错误代码, 返回码, 状态码) is a code; -1 only after code or\n"
    "错误码 and a separator.  Any other 7-digit number counts only if a loaded\n"
    "catalog knows it, it stands in brackets, after Chinese text or after an\n"
    "error word (failed, returned, ...Exception), and no id-like word stands\n"
    "before it (bk_module_id=, step_id:, user, bytes=, 流水号 ...): ids, sizes,\n"
    "timestamps and IPs are left alone.  With --product ID, codes are looked\n"
    "up in that product's catalog, and its legacy codes of other widths are\n"
    "found after a key (log search's 8-digit codes, bk_repo's six-digit\n"
    "ones, cmdb's 3001).\n"
    "\n"
    "A line with no code is explained by the catalog messages it carries,\n"
    "placeholders filled (≈ 3800001 bk_nodeman SubscriptionNotExist: 订阅(123)\n"
    "不存在, for 订阅(123)不存在): the longest template wins, and templates tied\n"
    "with it are all shown, unless it is too common to name a product (under\n"
    "12 bytes, or shared by more than four entries: not found, 成功).  A\n"
    "code with several definitions is explained by\n"
    "the one whose message the line carries.  Exception classes the line\n"
    "names (apps.log_search.exceptions.BizNotExistError, ...InvalidParam-\n"
    "Exception) are explained by each definition of that symbol (⇐), those\n"
    "of the product the line speaks of first.\n"
    "\n"
    "Output (in the chosen language, see --lang):\n"
    "  (default)  each line unchanged, then one line per distinct code:\n"
    "                 ↳ 1199006 cmdb CCErrCommParamsInvalid: <message> — <advice>\n"
    "  --inline   the explanations appended to the line, each in [brackets]\n"
    "  --json     JSON Lines: one object per line with codes:\n"
    "             {\"file\", \"line\" (from 1), \"text\" (the line without its\n"
    "             newline; invalid UTF-8 as U+FFFD), \"results\" (one lookup\n"
    "             result per explanation, as bkerr --json prints them, with\n"
    "             \"found_by\": code, message or symbol, and \"captures\": the\n"
    "             placeholder values, for one found by its message)};\n"
    "             also one, its results maybe [], per line over 1 MiB\n"
    "\n"
    "Lines of any length and invalid UTF-8 pass through untouched, in memory\n"
    "that does not grow with them: a line over 1 MiB is written as it is\n"
    "read, and its codes are explained after it as usual.  Output\n"
    "is line-buffered when it goes to a pipe or terminal and some input is\n"
    "not a regular file, so `tail -f LOG | bkerr annotate` shows each line\n"
    "as it comes.\n",
    "Exit status: 0 done, 1 a code --fail-on names was met, 2 bad usage or\n"
    "an unreadable FILE (the others are still annotated), 3 the registry\n"
    "could not be opened or the output could not be written (reading stops\n"
    "at the first failed write).\n",
    annotate_options, false,
};
