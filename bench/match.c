/* bkerr-bench-match: the message matcher's cost per line, over every
 * template the bundled catalogs load.  bench/run.sh runs it.
 *
 *     bkerr-bench-match INI [--trials T] [--lines N] [--only SET]
 *     bkerr-bench-match INI --write FILE [--lines N]   the mix, as text
 *
 * Lines, made up front with a fixed seed: "miss" lines are log lines of
 * the usual shapes (INFO text, JSON, Chinese) that hold no message; "hit"
 * lines are a template, filled in as an operator sees it ("x1", "42"),
 * after a log prefix; "mix" is 9 misses to 1 hit.  Each figure is the
 * median of T trials of N calls of bkerr_match(reg, line, len, m, 4).
 * "scan7" is a floor to compare with: one pass over the same lines that
 * counts 7-digit runs, as `grep -cP '\b\d{7}\b'` does.  --only times one
 * set (miss, hit, mix), for callgrind.  Output rows are bench.c's:
 * R key median min max unit samples, I key value. */
#include <bkerr/bkerr.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t rng_state = 0x6d61746368ull; /* "match" */

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "bkerr-bench-match: out of memory\n");
        exit(1);
    }
    return p;
}

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

struct lines {
    char **s;
    size_t *len, n, bytes;
};

static void push(struct lines *l, const char *s)
{
    l->s[l->n] = strdup(s);
    l->len[l->n] = strlen(s);
    l->bytes += l->len[l->n];
    l->n++;
}

/* Every template of reg (each message in its own language); the count. */
static size_t templates(const bkerr_registry *reg, const char ***out)
{
    size_t n = 0, cap = 16384;
    const char **t = xmalloc(cap * sizeof *t);
    for (size_t i = 0; i < bkerr_catalog_count(reg); i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(reg, i, &st);
        if (st.state != BKERR_CATALOG_LOADED)
            continue;
        for (size_t k = 0; k < st.n_entries + st.n_legacy; k++) {
            for (enum bkerr_lang lang = BKERR_LANG_ZH_CN; lang <= BKERR_LANG_EN;
                 lang++) {
                struct bkerr_result r0, r;
                if (bkerr_catalog_entry(reg, i, k, lang, &r0) != 0)
                    continue;
                for (unsigned v = 0; v < (r0.n_variants ? r0.n_variants : 1); v++) {
                    r = r0;
                    if (v && bkerr_lookup_variant(reg, st.id, r0.code, v, lang, &r) < 0)
                        continue;
                    if (!r.message || r.message_lang != lang)
                        continue;
                    if (n == cap)
                        t = realloc(t, (cap *= 2) * sizeof *t);
                    if (!t)
                        exit(1);
                    t[n++] = r.message;
                }
            }
        }
    }
    *out = t;
    return n;
}

/* tmpl with each placeholder filled by "x1", "42", ... into buf. */
static void fill_all(const char *tmpl, char *buf, size_t len)
{
    static const char *const values[] = {"x1", "42"};
    struct bkerr_arg args[32];
    char names[32][40];
    size_t n = 0;
    for (const char *p = tmpl; *p && n < 32; p++) {
        if ((p[0] == '{' || p[0] == '}') && p[1] == p[0]) {
            p++;
            continue;
        }
        const char *end = p[0] == '{' ? strchr(p, '}') : NULL;
        if (!end || end - p - 1 >= 40)
            continue;
        memcpy(names[n], p + 1, (size_t)(end - p - 1));
        names[n][end - p - 1] = '\0';
        args[n] = (struct bkerr_arg){names[n], values[n % 2]};
        n++;
        p = end;
    }
    bkerr_fill(tmpl, args, n, buf, len);
}

/* A log line that holds no message, of one of the usual shapes. */
static void miss_line(char *buf, size_t len)
{
    unsigned a = (unsigned)(rnd() % 60), b = (unsigned)(rnd() % 1000);
    unsigned id = (unsigned)(rnd() % 10000000);
    switch (rnd() % 4) {
    case 0:
        snprintf(buf, len,
                 "2024-05-01 12:00:%02u,%03u INFO [worker-%u] GET "
                 "/api/v3/hosts/%u/ served 200 in %u ms, user=admin",
                 a, b, a % 8, id, b);
        break;
    case 1:
        snprintf(buf, len,
                 "{\"ts\": \"2024-05-01T12:00:%02u.%03uZ\", \"level\": \"info\", "
                 "\"logger\": \"apps.api\", \"msg\": \"request finished\", "
                 "\"request_id\": \"%08x\", \"bk_biz_id\": %u, \"cost\": %u}",
                 a, b, (unsigned)rnd(), id % 1000, b);
        break;
    case 2:
        snprintf(buf, len,
                 "[2024-05-01 12:00:%02u] INFO 作业实例%u执行完成，步骤%u耗时%ums，"
                 "主机数量%u，操作人admin",
                 a, id, a % 9, b, b % 200);
        break;
    default:
        snprintf(buf, len,
                 "May  1 12:00:%02u node-%u kubelet[%u]: I0501 pod "
                 "bk-job-%u ready, probes ok, restarts=%u",
                 a, a % 32, 1000 + b, id % 100, a % 3);
    }
}

/* n lines: hits_per_10 of each 10 a filled template, the rest misses. */
static struct lines make_lines(const char *const *t, size_t n_t, size_t n,
                               int hits_per_10)
{
    struct lines l = {xmalloc(n * sizeof(char *)), xmalloc(n * sizeof(size_t)), 0, 0};
    char filled[4200], line[4400];
    while (l.n < n) {
        if ((int)(l.n % 10) < hits_per_10) {
            fill_all(t[rnd() % n_t], filled, sizeof filled);
            snprintf(line, sizeof line,
                     "2024-05-01 12:00:01,123 ERROR [api] request failed: %s",
                     filled);
        } else {
            miss_line(line, sizeof line);
        }
        push(&l, line);
    }
    return l;
}

static volatile uint64_t sink;

static uint64_t pass_match(const bkerr_registry *reg, const struct lines *l)
{
    struct bkerr_match m[4];
    m[0].size = sizeof m[0];
    uint64_t found = 0;
    for (size_t i = 0; i < l->n; i++) {
        int n = bkerr_match(reg, l->s[i], l->len[i], m, 4);
        found += n > 0 ? (uint64_t)n : 0;
    }
    return found;
}

/* Lines holding a run of exactly 7 digits between non-word characters. */
static uint64_t pass_scan7(const struct lines *l)
{
    uint64_t found = 0;
    for (size_t i = 0; i < l->n; i++) {
        const char *s = l->s[i];
        size_t run = 0, len = l->len[i];
        for (size_t k = 0; k <= len; k++) {
            unsigned char c = k < len ? (unsigned char)s[k] : ' ';
            if (c >= '0' && c <= '9') {
                run++;
            } else {
                bool word = c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
                if (run == 7 && !word && (k == 7 || !(s[k - 8] == '_' ||
                    ((s[k - 8] | 0x20) >= 'a' && (s[k - 8] | 0x20) <= 'z')))) {
                    found++;
                    break;
                }
                run = 0;
            }
        }
    }
    return found;
}

static void timed(const char *key, const bkerr_registry *reg,
                  const struct lines *l, int trials, bool scan7)
{
    double *v = xmalloc((size_t)trials * sizeof *v);
    uint64_t found = 0;
    for (int t = -1; t < trials; t++) { /* one untimed warm-up */
        double t0 = now_ns();
        found = scan7 ? pass_scan7(l) : pass_match(reg, l);
        double dt = (now_ns() - t0) / (double)l->n;
        if (t >= 0)
            v[t] = dt;
    }
    sink += found;
    qsort(v, (size_t)trials, sizeof *v, cmp_double);
    printf("R\tmatch.%s\t%.1f\t%.1f\t%.1f\tns/line\t%zu\n", key, v[trials / 2],
           v[0], v[trials - 1], l->n);
    printf("I\tmatch.%s.lines_with_result\t%llu\n", key, (unsigned long long)found);
    printf("I\tmatch.%s.bytes_per_line\t%.1f\n", key,
           (double)l->bytes / (double)l->n);
    free(v);
}

int main(int argc, char **argv)
{
    int trials = 11;
    size_t n = 100000;
    const char *only = NULL, *write = NULL;
    if (argc < 2) {
        fprintf(stderr, "usage: bkerr-bench-match INI [--trials T] [--lines N]\n");
        return 2;
    }
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--trials") == 0)
            trials = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--lines") == 0)
            n = (size_t)atol(argv[i + 1]);
        else if (strcmp(argv[i], "--only") == 0)
            only = argv[i + 1];
        else if (strcmp(argv[i], "--write") == 0)
            write = argv[i + 1];
    }
    if (trials < 1 || n < 10)
        return 2;
    bkerr_registry *reg;
    char err[BKERR_ERRMSG_SIZE];
    if (bkerr_open(argv[1], &reg, err, sizeof err) != 0) {
        fprintf(stderr, "bkerr-bench-match: %s\n", err);
        return 1;
    }
    const char **t;
    size_t n_t = templates(reg, &t);
    printf("I\tmatch.templates\t%zu\n", n_t);

    double t0 = now_ns();
    int rc = bkerr_match(reg, "x", 1, NULL, 0); /* builds the index */
    printf("R\tmatch.first_call\t%.3f\t%.3f\t%.3f\tms\t1\n", (now_ns() - t0) / 1e6,
           (now_ns() - t0) / 1e6, (now_ns() - t0) / 1e6);
    if (rc < 0) {
        fprintf(stderr, "bkerr-bench-match: %s\n", bkerr_strerror(rc));
        return 1;
    }
    if (write) { /* the mix, for a tool to read (grep, bkerr annotate) */
        struct lines mix = make_lines(t, n_t, n, 1);
        FILE *f = fopen(write, "w");
        for (size_t i = 0; f && i < mix.n; i++)
            fprintf(f, "%s\n", mix.s[i]);
        return f && fclose(f) == 0 ? 0 : 1;
    }
    struct lines miss = make_lines(t, n_t, n, 0), hit = make_lines(t, n_t, n, 10),
                 mix = make_lines(t, n_t, n, 1);
    const struct {
        const char *key;
        const struct lines *l;
        bool scan7;
    } sets[] = {{"miss", &miss, false}, {"hit", &hit, false},
                {"mix", &mix, false}, {"mix.scan7", &mix, true}};
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
        if (!only || strcmp(only, sets[i].key) == 0)
            timed(sets[i].key, reg, sets[i].l, trials, sets[i].scan7);
    bkerr_close(reg);
    return 0;
}
