/* bkerr-bench: lookup and open costs of libbkerr against the physical
 * limit and the libraries a user would pick instead, in one run, on the
 * same data.  bench/run.sh drives it; see docs/performance.md.
 *
 *     bkerr-bench run --bundled INI --data DIR [--trials T] [--n N]
 *     bkerr-bench dump-et INI OUTDIR     com_err .et tables of a registry
 *     bkerr-bench rss LABEL INI          resident memory after bkerr_open
 *     bkerr-bench loop INI MIX N         one hot loop, for callgrind
 *     bkerr-bench open-once INI          one bkerr_open, for callgrind
 *
 * `run` prints one line per figure, tab-separated:
 *     R  key  median  min  max  unit  samples   (a timed figure)
 *     I  key  value                             (a fact: counts, sizes)
 * and bench/report.py turns them into the table.  Every timed figure is
 * the median of T trials (default 11) after one untimed warm-up pass.
 *
 * Only the public API (bkerr.h, plugin.h) is used.  The dense baseline
 * reads the same tables the registry serves. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <bkerr/bkerr.h>
#include <bkerr/plugin.h>

#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <ini.h>

#include "alloc_count.h"

#ifdef BENCH_HAVE_COMERR
#include <et/com_err.h>
#endif
#ifdef BENCH_HAVE_GPG_ERROR
#include <gpg-error.h>
#endif

extern char **environ;

#define DENSE_SLOTS 10000000u /* every integer below 10^7: any 7-digit code */
#define PREFIX_SLOTS 100
#define COMERR_PER_TABLE 256  /* com_err: code = table base + 8-bit offset */

static int trials = 11;
static size_t n_lookups = 1000000;
static volatile uint64_t sink; /* keeps every loop's result alive */

/* ---- output ------------------------------------------------------------- */

static void info_s(const char *key, const char *value)
{
    printf("I\t%s\t%s\n", key, value);
    fflush(stdout);
}

static void info_u(const char *key, uint64_t value)
{
    printf("I\t%s\t%" PRIu64 "\n", key, value);
    fflush(stdout);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Prints the median, min and max of v[0..n) (sorts v). */
static void result(const char *key, double *v, int n, const char *unit,
                   size_t samples)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    double med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    printf("R\t%s\t%.4f\t%.4f\t%.4f\t%s\t%zu\n", key, med, v[0], v[n - 1],
           unit, samples);
    fflush(stdout);
}

static void na(const char *key, const char *why)
{
    printf("N\t%s\t%s\n", key, why);
    fflush(stdout);
}

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "bkerr-bench: out of memory (%zu bytes)\n", n);
        exit(3);
    }
    return p;
}

static void *xcalloc(size_t k, size_t n)
{
    void *p = calloc(k ? k : 1, n ? n : 1);
    if (!p) {
        fprintf(stderr, "bkerr-bench: out of memory\n");
        exit(3);
    }
    return p;
}

/* ---- deterministic random numbers (splitmix64) --------------------------- */

static uint64_t rng_state = 0x6b6b6572725f6265ull; /* "bkerr_be" */

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static size_t rnd_below(size_t n)
{
    return (size_t)(rnd() % n);
}

static double rnd_unit(void)
{
    return (double)(rnd() >> 11) * (1.0 / 9007199254740992.0);
}

/* ---- data sets ------------------------------------------------------------ */

/* A registry and everything derived from it. */
struct dataset {
    const char *name;
    const char *ini;
    bkerr_registry *reg;
    /* Every standard entry, in registry order, as bkerr_catalog_entry()
     * gives it: the dense baseline's records. */
    struct bkerr_entry *rec;
    size_t n_rec;
    uint32_t *rec_cat;  /* catalog index of rec[k] */
    uint32_t *rec_idx;  /* its index in that catalog */
    bool loaded[PREFIX_SLOTS];
    int n_loaded;
};

static const struct bkerr_entry **dense; /* DENSE_SLOTS pointers into rec */
static struct bkerr_platform platform_of[PREFIX_SLOTS];
static const char *catalog_of[PREFIX_SLOTS];

static bkerr_registry *open_or_die(const char *ini)
{
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg;
    if (bkerr_open(ini, &reg, err, sizeof err) != 0) {
        fprintf(stderr, "bkerr-bench: %s\n", err);
        exit(3);
    }
    return reg;
}

static void dataset_open(struct dataset *ds, const char *name, const char *ini)
{
    memset(ds, 0, sizeof *ds);
    ds->name = name;
    ds->ini = ini;
    ds->reg = open_or_die(ini);
    size_t n = 0;
    for (size_t i = 0; i < bkerr_catalog_count(ds->reg); i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(ds->reg, i, &st);
        if (st.state == BKERR_CATALOG_LOADED) {
            n += st.n_entries;
            ds->loaded[st.prefix] = true;
            ds->n_loaded++;
        }
    }
    ds->rec = xcalloc(n, sizeof *ds->rec);
    ds->rec_cat = xcalloc(n, sizeof *ds->rec_cat);
    ds->rec_idx = xcalloc(n, sizeof *ds->rec_idx);
    for (size_t i = 0; i < bkerr_catalog_count(ds->reg); i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(ds->reg, i, &st);
        if (st.state != BKERR_CATALOG_LOADED)
            continue;
        for (size_t k = 0; k < st.n_entries; k++) {
            struct bkerr_result zh, en;
            if (bkerr_catalog_entry(ds->reg, i, k, BKERR_LANG_ZH_CN, &zh) ||
                bkerr_catalog_entry(ds->reg, i, k, BKERR_LANG_EN, &en)) {
                fprintf(stderr, "bkerr-bench: %s: catalog %zu entry %zu "
                        "unreadable\n", ini, i, k);
                exit(3);
            }
            struct bkerr_entry *e = &ds->rec[ds->n_rec];
            *e = (struct bkerr_entry){zh.code, zh.symbol, zh.message,
                                      en.message, zh.advice, en.advice};
            ds->rec_cat[ds->n_rec] = (uint32_t)i;
            ds->rec_idx[ds->n_rec] = (uint32_t)k;
            ds->n_rec++;
        }
    }
    char key[128];
    snprintf(key, sizeof key, "data.%s.catalogs", name);
    info_u(key, (uint64_t)ds->n_loaded);
    snprintf(key, sizeof key, "data.%s.entries", name);
    info_u(key, ds->n_rec);
}

/* Points the dense array at this data set (and clears the last one's). */
static void dataset_dense(const struct dataset *ds)
{
    if (!dense)
        dense = xcalloc(DENSE_SLOTS, sizeof *dense);
    else
        memset(dense, 0, DENSE_SLOTS * sizeof *dense);
    for (size_t k = 0; k < ds->n_rec; k++)
        dense[ds->rec[k].code] = &ds->rec[k];
    for (int p = 10; p < PREFIX_SLOTS; p++) {
        bkerr_platform(ds->reg, p, &platform_of[p]);
        catalog_of[p] = NULL;
    }
    for (size_t i = 0; i < bkerr_catalog_count(ds->reg); i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(ds->reg, i, &st);
        if (st.state == BKERR_CATALOG_LOADED)
            catalog_of[st.prefix] = st.id;
    }
}

static void dataset_close(struct dataset *ds)
{
    bkerr_close(ds->reg);
    free(ds->rec);
    free(ds->rec_cat);
    free(ds->rec_idx);
    memset(ds, 0, sizeof *ds);
}

/* ---- lookup mixes --------------------------------------------------------- */

enum mix { MIX_UNIFORM, MIX_ZIPF, MIX_MISS, MIX_NOCAT, MIX_INVALID, MIX_COUNT };
static const char *const mix_names[MIX_COUNT] = {"uniform", "zipf", "miss",
                                                 "nocat", "invalid"};
#define ZIPF_S 1.1

static int64_t *mix_uniform(const struct dataset *ds, size_t n)
{
    int64_t *c = xmalloc(n * sizeof *c);
    for (size_t i = 0; i < n; i++)
        c[i] = ds->rec[rnd_below(ds->n_rec)].code;
    return c;
}

/* Zipf over all entries: the k-th most frequent code (ranks in a random
 * order) comes with weight 1/k^s. */
static int64_t *mix_zipf(const struct dataset *ds, size_t n)
{
    size_t m = ds->n_rec;
    size_t *perm = xmalloc(m * sizeof *perm);
    double *cdf = xmalloc(m * sizeof *cdf);
    for (size_t i = 0; i < m; i++)
        perm[i] = i;
    for (size_t i = m - 1; i > 0; i--) {
        size_t j = rnd_below(i + 1), t = perm[i];
        perm[i] = perm[j], perm[j] = t;
    }
    double sum = 0;
    for (size_t k = 0; k < m; k++)
        cdf[k] = sum += 1.0 / pow((double)(k + 1), ZIPF_S);
    int64_t *c = xmalloc(n * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        double u = rnd_unit() * sum;
        size_t lo = 0, hi = m - 1;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (cdf[mid] < u)
                lo = mid + 1;
            else
                hi = mid;
        }
        c[i] = ds->rec[perm[lo]].code;
    }
    free(perm);
    free(cdf);
    return c;
}

/* Codes under a loaded prefix that its catalog lacks (needs the dense
 * array of ds). */
static int64_t *mix_miss(const struct dataset *ds, size_t n)
{
    int prefixes[PREFIX_SLOTS], np = 0;
    for (int p = 10; p < PREFIX_SLOTS; p++)
        if (ds->loaded[p])
            prefixes[np++] = p;
    int64_t *c = xmalloc(n * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        int64_t code;
        do
            code = (int64_t)prefixes[rnd_below((size_t)np)] * 100000 +
                   (int64_t)rnd_below(100000);
        while (dense[code]);
        c[i] = code;
    }
    return c;
}

/* Codes under prefixes with no loaded catalog (assigned or not). */
static int64_t *mix_nocat(const struct dataset *ds, size_t n)
{
    int prefixes[PREFIX_SLOTS], np = 0;
    for (int p = 10; p < PREFIX_SLOTS; p++)
        if (!ds->loaded[p])
            prefixes[np++] = p;
    if (!np)
        return NULL;
    int64_t *c = xmalloc(n * sizeof *c);
    for (size_t i = 0; i < n; i++)
        c[i] = (int64_t)prefixes[rnd_below((size_t)np)] * 100000 +
               (int64_t)rnd_below(100000);
    return c;
}

/* Integers that are not codes a plain lookup resolves: other widths,
 * negatives other than -1, huge values. */
static int64_t *mix_invalid(size_t n)
{
    int64_t *c = xmalloc(n * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        switch (i % 4) {
        case 0: c[i] = 1 + (int64_t)rnd_below(999999); break;
        case 1: c[i] = 10000000 + (int64_t)rnd_below(90000000); break;
        case 2: c[i] = -2 - (int64_t)rnd_below(1000000); break;
        default: c[i] = 1000000000000 + (int64_t)rnd_below(1000000); break;
        }
    }
    return c;
}

static int64_t *make_mix(const struct dataset *ds, enum mix m, size_t n)
{
    switch (m) {
    case MIX_UNIFORM: return mix_uniform(ds, n);
    case MIX_ZIPF: return mix_zipf(ds, n);
    case MIX_MISS: return mix_miss(ds, n);
    case MIX_NOCAT: return mix_nocat(ds, n);
    case MIX_INVALID: return mix_invalid(n);
    default: return NULL;
    }
}

/* ---- the timed loops (extern and noinline: callgrind toggles on them) ----- */

uint64_t bench_loop_bkerr(const bkerr_registry *reg, const int64_t *codes,
                          size_t n);
uint64_t bench_chain_bkerr(const bkerr_registry *reg, const int64_t *codes,
                           size_t n);
const char *bench_dense_lookup(int64_t code, enum bkerr_lang lang);
uint64_t bench_loop_dense(const int64_t *codes, size_t n);
uint64_t bench_chain_dense(const int64_t *codes, size_t n);
int bench_dense_fill(int64_t code, enum bkerr_lang lang,
                     struct bkerr_result *out);
uint64_t bench_loop_dense_fill(const int64_t *codes, size_t n);
uint64_t bench_loop_message(const bkerr_registry *reg, const int64_t *codes,
                            size_t n);
uint64_t bench_chain_message(const bkerr_registry *reg, const int64_t *codes,
                             size_t n);
int bench_open_once(const char *ini);

/* Two ways to time n lookups.  A loop ("throughput") lets the CPU overlap
 * independent lookups, cache misses included; a chain ("latency") makes
 * each lookup's code depend on the previous result (through `zero`, which
 * the compiler cannot know is 0), so lookups run one after the other, as
 * on an error path that looks up one code and goes on. */
static volatile int64_t zero_source = 0;

__attribute__((noinline)) uint64_t bench_loop_bkerr(const bkerr_registry *reg,
                                                    const int64_t *codes,
                                                    size_t n)
{
    uint64_t acc = 0;
    struct bkerr_result r;
    for (size_t i = 0; i < n; i++) {
        bkerr_lookup(reg, codes[i], BKERR_LANG_DEFAULT, &r);
        acc += (uintptr_t)r.message ^ (uint64_t)r.status;
    }
    return acc;
}

__attribute__((noinline)) uint64_t bench_chain_bkerr(const bkerr_registry *reg,
                                                     const int64_t *codes,
                                                     size_t n)
{
    int64_t zero = zero_source;
    uint64_t acc = 0, dep = 0;
    struct bkerr_result r;
    for (size_t i = 0; i < n; i++) {
        bkerr_lookup(reg, codes[i] + ((int64_t)dep & zero), BKERR_LANG_DEFAULT,
                     &r);
        dep = (uintptr_t)r.message ^ (uint64_t)r.status;
        acc += dep;
    }
    return acc;
}

/* bkerr_message(): the message alone, the same answer as the dense
 * array gives (and com_err's error_message()). */
__attribute__((noinline)) uint64_t bench_loop_message(const bkerr_registry *reg,
                                                      const int64_t *codes,
                                                      size_t n)
{
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)bkerr_message(reg, codes[i], BKERR_LANG_DEFAULT);
    return acc;
}

__attribute__((noinline)) uint64_t bench_chain_message(const bkerr_registry *reg,
                                                       const int64_t *codes,
                                                       size_t n)
{
    int64_t zero = zero_source;
    uint64_t acc = 0, dep = 0;
    for (size_t i = 0; i < n; i++) {
        dep = (uintptr_t)bkerr_message(reg, codes[i] + ((int64_t)dep & zero),
                                       BKERR_LANG_DEFAULT);
        acc += dep;
    }
    return acc;
}

/* The physical limit: one bounds check and one load from an array
 * indexed by the code itself, then the message pointer in the language. */
__attribute__((noinline)) const char *bench_dense_lookup(int64_t code,
                                                         enum bkerr_lang lang)
{
    if ((uint64_t)code >= DENSE_SLOTS)
        return NULL;
    const struct bkerr_entry *e = dense[code];
    if (!e)
        return NULL;
    return lang == BKERR_LANG_EN ? e->message_en : e->message_zh;
}

__attribute__((noinline)) uint64_t bench_loop_dense(const int64_t *codes,
                                                    size_t n)
{
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)bench_dense_lookup(codes[i], BKERR_LANG_ZH_CN);
    return acc;
}

__attribute__((noinline)) uint64_t bench_chain_dense(const int64_t *codes,
                                                     size_t n)
{
    int64_t zero = zero_source;
    uint64_t acc = 0, dep = 0;
    for (size_t i = 0; i < n; i++) {
        dep = (uintptr_t)bench_dense_lookup(codes[i] + ((int64_t)dep & zero),
                                            BKERR_LANG_ZH_CN);
        acc += dep;
    }
    return acc;
}

/* The dense array behind bkerr_lookup()'s API: the same load, then a
 * whole struct bkerr_result filled as bkerr_lookup() fills it for a hit. */
__attribute__((noinline)) int bench_dense_fill(int64_t code,
                                               enum bkerr_lang lang,
                                               struct bkerr_result *out)
{
    *out = (struct bkerr_result){.code = code, .message_lang = lang,
                                 .advice_lang = lang};
    const struct bkerr_entry *e =
        (uint64_t)code < DENSE_SLOTS ? dense[code] : NULL;
    if (!e) {
        out->status = BKERR_NOT_IN_CATALOG;
        return (int)out->status;
    }
    int prefix = (int)(code / 100000);
    out->klass = BKERR_CLASS_STANDARD;
    out->status = BKERR_FOUND;
    out->platform = platform_of[prefix];
    out->catalog = catalog_of[prefix];
    out->symbol = e->symbol;
    out->message = lang == BKERR_LANG_EN ? e->message_en : e->message_zh;
    out->advice = lang == BKERR_LANG_EN ? e->advice_en : e->advice_zh;
    return (int)out->status;
}

__attribute__((noinline)) uint64_t bench_loop_dense_fill(const int64_t *codes,
                                                         size_t n)
{
    uint64_t acc = 0;
    struct bkerr_result r;
    for (size_t i = 0; i < n; i++) {
        bench_dense_fill(codes[i], BKERR_LANG_ZH_CN, &r);
        acc += (uintptr_t)r.message ^ (uint64_t)r.status;
    }
    return acc;
}

/* ---- timing --------------------------------------------------------------- */

/* One way of running n lookups over codes; returns a value to sink. */
struct method {
    const char *name;
    uint64_t (*run)(const void *ctx, const void *codes, size_t n);
    const void *ctx;
    const void *codes; /* int64_t[] or long[] (com_err), n_codes long */
    size_t n_codes;
};

/* Times the k methods m[] on their codes, interleaved: a pilot of 20,000
 * lookups calibrates each (a method that would take more than ~1.5 s a
 * pass runs fewer lookups a trial), one untimed warm-up pass each, then
 * `trials` rounds in which every method runs once, so that what the
 * machine is doing meanwhile falls on all of them alike.  Prints ns per
 * lookup under keys[]. */
static void time_methods(const char *const keys[], const struct method *m,
                         size_t k)
{
    size_t n[8];
    double *v[8];
    if (k > 8)
        abort();
    for (size_t j = 0; j < k; j++) {
        size_t pilot = m[j].n_codes < 20000 ? m[j].n_codes : 20000;
        double t0 = now_ns();
        sink += m[j].run(m[j].ctx, m[j].codes, pilot);
        double per = (now_ns() - t0) / (double)pilot;
        n[j] = m[j].n_codes;
        if (per * (double)n[j] > 1.5e9)
            n[j] = (size_t)(1.5e9 / per) < pilot ? pilot
                                                 : (size_t)(1.5e9 / per);
        sink += m[j].run(m[j].ctx, m[j].codes, n[j]);
        v[j] = xmalloc((size_t)trials * sizeof *v[j]);
    }
    for (int t = 0; t < trials; t++)
        for (size_t j = 0; j < k; j++) {
            double t0 = now_ns();
            sink += m[j].run(m[j].ctx, m[j].codes, n[j]);
            v[j][t] = (now_ns() - t0) / (double)n[j];
        }
    for (size_t j = 0; j < k; j++) {
        result(keys[j], v[j], trials, "ns", n[j]);
        free(v[j]);
    }
}

static void time_method(const char *key, const struct method *m)
{
    time_methods(&key, m, 1);
}

static uint64_t run_bkerr(const void *ctx, const void *codes, size_t n)
{
    return bench_loop_bkerr(ctx, codes, n);
}

static uint64_t run_message(const void *ctx, const void *codes, size_t n)
{
    return bench_loop_message(ctx, codes, n);
}

static uint64_t chain_message(const void *ctx, const void *codes, size_t n)
{
    return bench_chain_message(ctx, codes, n);
}

static uint64_t run_dense(const void *ctx, const void *codes, size_t n)
{
    (void)ctx;
    return bench_loop_dense(codes, n);
}

static uint64_t run_dense_fill(const void *ctx, const void *codes, size_t n)
{
    (void)ctx;
    return bench_loop_dense_fill(codes, n);
}

static uint64_t chain_bkerr(const void *ctx, const void *codes, size_t n)
{
    return bench_chain_bkerr(ctx, codes, n);
}

static uint64_t chain_dense(const void *ctx, const void *codes, size_t n)
{
    (void)ctx;
    return bench_chain_dense(codes, n);
}

/* Counts the statuses a mix gives, and the allocations of one pass. */
static void describe_mix(const struct dataset *ds, const char *mixname,
                         const int64_t *codes, size_t n)
{
    size_t count[6] = {0};
    struct bkerr_result r;
    uint64_t before = alloc_count();
    for (size_t i = 0; i < n; i++) {
        int s = bkerr_lookup(ds->reg, codes[i], BKERR_LANG_DEFAULT, &r);
        if (s >= 0 && s < 6)
            count[s]++;
    }
    uint64_t allocs = alloc_count() - before;
    char key[160], val[256];
    snprintf(key, sizeof key, "mix.%s.%s.statuses", ds->name, mixname);
    snprintf(val, sizeof val, "found %zu, generic %zu, no_catalog %zu, "
             "not_in_catalog %zu, unassigned %zu, invalid %zu (of %zu)",
             count[0], count[1], count[2], count[3], count[4], count[5], n);
    info_s(key, val);
    snprintf(key, sizeof key, "alloc.%s.%s.lookups", ds->name, mixname);
    info_u(key, n);
    snprintf(key, sizeof key, "alloc.%s.%s.allocations", ds->name, mixname);
    info_u(key, allocs);
}

/* Times bkerr, and optionally the dense baselines, on one mix. */
static void time_mix(const struct dataset *ds, enum mix m, bool baselines)
{
    int64_t *codes = make_mix(ds, m, n_lookups);
    char key[160];
    if (!codes) {
        snprintf(key, sizeof key, "lookup.%s.%s.bkerr", ds->name, mix_names[m]);
        na(key, "every prefix has a catalog in this set");
        return;
    }
    describe_mix(ds, mix_names[m], codes, n_lookups);
    /* every method of a mix in one interleaved set, so their ratios are
     * measured side by side */
    const struct method all[] = {
        {"bkerr", run_bkerr, ds->reg, codes, n_lookups},
        {"bkerr", chain_bkerr, ds->reg, codes, n_lookups},
        {"message", run_message, ds->reg, codes, n_lookups},
        {"message", chain_message, ds->reg, codes, n_lookups},
        {"dense", run_dense, NULL, codes, n_lookups},
        {"dense", chain_dense, NULL, codes, n_lookups},
        {"dense_fill", run_dense_fill, NULL, codes, n_lookups},
    };
    char keys[7][160];
    const char *kp[7];
    size_t k = baselines ? 7 : 4;
    for (size_t j = 0; j < k; j++) {
        snprintf(keys[j], sizeof keys[j], "%s.%s.%s.%s",
                 j % 2 && j < 6 ? "chain" : "lookup", ds->name, mix_names[m],
                 all[j].name);
        kp[j] = keys[j];
    }
    time_methods(kp, all, k);
    free(codes);
}

/* ---- the loaded plugins' own tables --------------------------------------- */

/* Finds the descriptor bkerr loaded from path: dlopen(RTLD_NOLOAD) hands
 * back the same mapping. */
static const struct bkerr_catalog *loaded_descriptor(const char *path)
{
    void *h = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
    if (!h)
        return NULL;
    const struct bkerr_catalog *d = dlsym(h, BKERR_CATALOG_SYMBOL);
    dlclose(h); /* drops only our reference */
    return d;
}

/* The codes and texts of a compiled catalog, read from its tables as the
 * registry does (for the callgrind loop, where going through the API for
 * 900k entries would take minutes under valgrind). */
static size_t packed_records(const struct bkerr_catalog *d, struct bkerr_entry *out)
{
    const struct bkerr_packed *p = d->packed;
    size_t n = 0;
    for (size_t w = 0; w < BKERR_PRESENT_WORDS; w++)
        for (uint64_t bits = p->present[w]; bits; bits &= bits - 1) {
            const struct bkerr_packed_entry *e = &p->entries[n];
            out[n++] = (struct bkerr_entry){
                (int64_t)d->prefix * 100000 + (int64_t)w * 64 +
                    __builtin_ctzll(bits),
                p->pool + e->symbol, p->pool + e->message_zh,
                p->pool + e->message_en, p->pool + e->advice_zh,
                p->pool + e->advice_en};
        }
    return n;
}

/* ---- com_err ---------------------------------------------------------------- */

/* Writes the registry's entries as compile_et tables of 256 messages
 * (English), in registry order: the "equal tables" com_err runs on. */
static int dump_et(const char *ini, const char *dir)
{
    bkerr_registry *reg = open_or_die(ini);
    static const char letters[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static const char chars[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    char path[4096];
    snprintf(path, sizeof path, "%s/tables.txt", dir);
    FILE *list = fopen(path, "w");
    if (!list) {
        perror(path);
        return 3;
    }
    size_t table = 0;
    for (size_t i = 0; i < bkerr_catalog_count(reg); i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(reg, i, &st);
        if (st.state != BKERR_CATALOG_LOADED)
            continue;
        for (size_t k0 = 0; k0 < st.n_entries; k0 += COMERR_PER_TABLE, table++) {
            char name[4] = {letters[table / (63 * 63) % 52],
                            chars[table / 63 % 63], chars[table % 63], 0};
            snprintf(path, sizeof path, "%s/t%05zu.et", dir, table);
            FILE *f = fopen(path, "w");
            if (!f) {
                perror(path);
                return 3;
            }
            fprintf(f, "error_table %s\n", name);
            for (size_t k = k0; k < st.n_entries && k < k0 + COMERR_PER_TABLE; k++) {
                struct bkerr_result r;
                bkerr_catalog_entry(reg, i, k, BKERR_LANG_EN, &r);
                fprintf(f, "ec BK%" PRId64 ", \"", r.code);
                for (const char *s = r.message; *s; s++) {
                    if (*s == '"' || *s == '\\')
                        fputc('\\', f);
                    fputc(*s == '\t' || *s == '\n' ? ' ' : *s, f);
                }
                fputs("\"\n", f);
            }
            fputs("end\n", f);
            fclose(f);
            fprintf(list, "t%05zu %s %zu %zu\n", table, name, i, k0);
        }
    }
    fclose(list);
    bkerr_close(reg);
    return 0;
}

#ifdef BENCH_HAVE_COMERR
/* libcom_err's list of tables the compile_et initialisers append to. */
extern struct et_list *_et_list;

struct comerr_set {
    void *handle;
    const struct error_table *const *tables;
    unsigned n_tables;
};

static bool comerr_load(const char *so, struct comerr_set *cs)
{
    cs->handle = dlopen(so, RTLD_NOW | RTLD_LOCAL);
    if (!cs->handle)
        return false;
    void (*init)(void) = (void (*)(void))dlsym(cs->handle, "bench_et_init");
    cs->tables = dlsym(cs->handle, "bench_et_tables");
    const unsigned *n = dlsym(cs->handle, "bench_et_n_tables");
    if (!init || !cs->tables || !n) {
        dlclose(cs->handle);
        return false;
    }
    cs->n_tables = *n;
    _et_list = NULL; /* only this set's tables */
    init();
    return true;
}

static void comerr_unload(struct comerr_set *cs)
{
    _et_list = NULL; /* forget (and leak) the links before unmapping */
    dlclose(cs->handle);
}

static uint64_t run_comerr(const void *ctx, const void *codes, size_t n)
{
    (void)ctx;
    const long *c = codes;
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)error_message(c[i]);
    return acc;
}

/* com_err's code for each bkerr code of a hit mix. */
static long *comerr_codes(const struct dataset *ds, const struct comerr_set *cs,
                          const int64_t *codes, size_t n)
{
    size_t first[4096] = {0}, t = 0;
    for (size_t i = 0; i < bkerr_catalog_count(ds->reg) && i < 4096; i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(ds->reg, i, &st);
        first[i] = t;
        if (st.state == BKERR_CATALOG_LOADED)
            t += (st.n_entries + COMERR_PER_TABLE - 1) / COMERR_PER_TABLE;
    }
    if (t != cs->n_tables)
        return NULL;
    long *c = xmalloc(n * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        const struct bkerr_entry *e = dense[codes[i]];
        if (!e) {
            c[i] = cs->tables[0]->base + COMERR_PER_TABLE - 1; /* unknown */
            continue;
        }
        size_t k = (size_t)(e - ds->rec);
        size_t tab = first[ds->rec_cat[k]] + ds->rec_idx[k] / COMERR_PER_TABLE;
        c[i] = cs->tables[tab]->base + (long)(ds->rec_idx[k] % COMERR_PER_TABLE);
    }
    return c;
}

static void time_comerr(const struct dataset *ds, const char *so)
{
    char key[160];
    snprintf(key, sizeof key, "lookup.%s.uniform.comerr", ds->name);
    struct comerr_set cs;
    if (access(so, R_OK) != 0 || !comerr_load(so, &cs)) {
        na(key, "no com_err tables built for this set (compile_et missing?)");
        return;
    }
    snprintf(key, sizeof key, "comerr.%s.tables", ds->name);
    info_u(key, cs.n_tables);
    const enum mix mixes[] = {MIX_UNIFORM, MIX_ZIPF};
    for (size_t m = 0; m < 2; m++) {
        int64_t *codes = make_mix(ds, mixes[m], n_lookups);
        long *et = comerr_codes(ds, &cs, codes, n_lookups);
        if (!et) {
            snprintf(key, sizeof key, "lookup.%s.%s.comerr", ds->name,
                     mix_names[mixes[m]]);
            na(key, "com_err tables do not match this registry; rerun run.sh");
            free(codes);
            break;
        }
        /* The same text: com_err's message is bkerr's English one. */
        size_t bad = 0;
        for (size_t i = 0; i < 2000; i++) {
            struct bkerr_result r;
            bkerr_lookup(ds->reg, codes[i], BKERR_LANG_EN, &r);
            bad += strcmp(error_message(et[i]), r.message) != 0;
        }
        snprintf(key, sizeof key, "comerr.%s.%s.mismatches_of_2000", ds->name,
                 mix_names[mixes[m]]);
        info_u(key, bad);
        /* side by side: com_err and, on the same codes in the same
         * rounds, the dense array, bkerr_message() and bkerr_lookup() */
        const struct method side[] = {
            {"comerr", run_comerr, NULL, et, n_lookups},
            {"dense", run_dense, NULL, codes, n_lookups},
            {"message", run_message, ds->reg, codes, n_lookups},
            {"bkerr", run_bkerr, ds->reg, codes, n_lookups},
        };
        char keys[4][160];
        const char *kp[4];
        for (size_t j = 0; j < 4; j++) {
            snprintf(keys[j], sizeof keys[j], "%s.%s.%s.%s",
                     j ? "cmp" : "lookup", ds->name, mix_names[mixes[m]],
                     side[j].name);
            kp[j] = keys[j];
        }
        time_methods(kp, side, 4);
        if (m == 0) { /* an unknown code: com_err formats "Unknown code" */
            for (size_t i = 0; i < n_lookups; i++) /* no table has it */
                et[i] = 0x7f000001L;
            struct method un = {"comerr", run_comerr, NULL, et, n_lookups};
            snprintf(key, sizeof key, "lookup.%s.unknown.comerr", ds->name);
            time_method(key, &un);
        }
        free(et);
        free(codes);
    }
    comerr_unload(&cs);
}
#endif

/* ---- libgpg-error ------------------------------------------------------------- */

#ifdef BENCH_HAVE_GPG_ERROR
static uint64_t run_gpg_r(const void *ctx, const void *codes, size_t n)
{
    (void)ctx;
    const unsigned *c = codes;
    char buf[256];
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        gpg_strerror_r(c[i], buf, sizeof buf);
        acc += (unsigned char)buf[0];
    }
    return acc;
}

static uint64_t run_gpg(const void *ctx, const void *codes, size_t n)
{
    (void)ctx;
    const unsigned *c = codes;
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)gpg_strerror(c[i]);
    return acc;
}

static void time_gpg(void)
{
    /* Its own codes: every code below the system-error range that has a
     * message of its own. */
    const char *unknown = gpg_strerror(gpg_err_make(GPG_ERR_SOURCE_USER_1,
                                                    GPG_ERR_SYSTEM_ERROR - 1));
    unsigned own[GPG_ERR_SYSTEM_ERROR];
    size_t n_own = 0;
    for (unsigned c = 1; c < GPG_ERR_SYSTEM_ERROR; c++) {
        gpg_error_t e = gpg_err_make(GPG_ERR_SOURCE_USER_1, (gpg_err_code_t)c);
        if (strcmp(gpg_strerror(e), unknown) != 0)
            own[n_own++] = e;
    }
    info_u("gpg.codes", n_own);
    info_s("gpg.version", gpg_error_check_version(NULL));
    unsigned *codes = xmalloc(n_lookups * sizeof *codes);
    for (size_t i = 0; i < n_lookups; i++)
        codes[i] = own[rnd_below(n_own)];
    struct method r = {"gpg_strerror_r", run_gpg_r, NULL, codes, n_lookups};
    time_method("lookup.gpg.uniform.gpg_strerror_r", &r);
    struct method p = {"gpg_strerror", run_gpg, NULL, codes, n_lookups};
    time_method("lookup.gpg.uniform.gpg_strerror", &p);
    free(codes);
}
#endif

/* ---- open ---------------------------------------------------------------- */

__attribute__((noinline)) int bench_open_once(const char *ini)
{
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg;
    int rc = bkerr_open(ini, &reg, err, sizeof err);
    if (rc == 0)
        bkerr_close(reg);
    else
        fprintf(stderr, "bkerr-bench: %s\n", err);
    return rc;
}

static int noop_handler(void *user, const char *section, const char *name,
                        const char *value)
{
    (void)user, (void)section, (void)name, (void)value;
    return 1;
}

/* Times bkerr_open/bkerr_close of ini (and, with flags, open_with). */
static bool time_open(const char *key, const char *ini, uint32_t flags)
{
    char err[BKERR_ERRMSG_SIZE];
    struct bkerr_open_options opt = {sizeof opt, flags, NULL};
    bkerr_registry *reg;
    uint64_t a0 = alloc_count();
    if (bkerr_open_with(ini, &opt, &reg, err, sizeof err) != 0) {
        char k[320];
        snprintf(k, sizeof k, "%s.open", key);
        na(k, err);
        return false;
    }
    uint64_t allocs = alloc_count() - a0;
    bkerr_close(reg);
    double *vo = xmalloc((size_t)trials * sizeof *vo);
    double *vc = xmalloc((size_t)trials * sizeof *vc);
    for (int t = 0; t < trials; t++) {
        double t0 = now_ns();
        bkerr_open_with(ini, &opt, &reg, err, sizeof err);
        double t1 = now_ns();
        bkerr_close(reg);
        double t2 = now_ns();
        vo[t] = (t1 - t0) / 1e6;
        vc[t] = (t2 - t1) / 1e6;
    }
    char k[320];
    snprintf(k, sizeof k, "%s.open", key);
    result(k, vo, trials, "ms", 1);
    snprintf(k, sizeof k, "%s.close", key);
    result(k, vc, trials, "ms", 1);
    snprintf(k, sizeof k, "%s.allocations", key);
    info_u(k, allocs);
    free(vo);
    free(vc);
    return true;
}

/* The floor of loading: bare dlopen + dlclose of the same files, with
 * bkerr's flags, and the ini parse alone (inih, no handler work). */
static void time_open_floors(const char *key, const char *ini)
{
    char err[BKERR_ERRMSG_SIZE];
    struct bkerr_open_options opt = {sizeof opt, BKERR_OPEN_NO_LOAD, NULL};
    bkerr_registry *reg;
    if (bkerr_open_with(ini, &opt, &reg, err, sizeof err) != 0)
        return;
    size_t n = bkerr_catalog_count(reg);
    char **paths = xcalloc(n, sizeof *paths);
    for (size_t i = 0; i < n; i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(reg, i, &st);
        paths[i] = strdup(st.path);
    }
    bkerr_close(reg);
    void **h = xcalloc(n, sizeof *h);
    double *vo = xmalloc((size_t)trials * sizeof *vo);
    double *vc = xmalloc((size_t)trials * sizeof *vc);
    for (int t = -1; t < trials; t++) { /* t = -1: warm-up */
        double t0 = now_ns();
        for (size_t i = 0; i < n; i++)
            if (!(h[i] = dlopen(paths[i], RTLD_NOW | RTLD_LOCAL))) {
                fprintf(stderr, "bkerr-bench: %s\n", dlerror());
                exit(3);
            }
        double t1 = now_ns();
        for (size_t i = 0; i < n; i++)
            dlclose(h[i]);
        double t2 = now_ns();
        if (t >= 0) {
            vo[t] = (t1 - t0) / 1e6;
            vc[t] = (t2 - t1) / 1e6;
        }
    }
    char k[320];
    snprintf(k, sizeof k, "%s.dlopen", key);
    result(k, vo, trials, "ms", 1);
    snprintf(k, sizeof k, "%s.dlclose", key);
    result(k, vc, trials, "ms", 1);
    for (int t = -1; t < trials; t++) {
        double t0 = now_ns();
        if (ini_parse(ini, noop_handler, NULL) != 0)
            exit(3);
        if (t >= 0)
            vo[t] = (now_ns() - t0) / 1e6;
    }
    snprintf(k, sizeof k, "%s.ini_parse", key);
    result(k, vo, trials, "ms", 1);
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
    free(h);
    free(vo);
    free(vc);
}

static size_t lazy_count(const bkerr_registry *reg)
{
    size_t n = 0;
    for (size_t i = 0; i < bkerr_catalog_count(reg); i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(reg, i, &st);
        n += st.state == BKERR_CATALOG_LAZY;
    }
    return n;
}

/* The first plain lookup in a lazily opened registry: every catalog
 * loads, since any of them may use the code as a guest code. */
static void time_lazy_first(const char *key, const char *ini)
{
    char err[BKERR_ERRMSG_SIZE];
    bkerr_registry *reg;
    double *v = xmalloc((size_t)trials * sizeof *v);
    for (int t = 0; t < trials; t++) {
        if (bkerr_open(ini, &reg, err, sizeof err) != 0) {
            free(v);
            return;
        }
        size_t lazy = lazy_count(reg);
        struct bkerr_result r;
        double t0 = now_ns();
        bkerr_lookup(reg, 1100000 + 1 + t, BKERR_LANG_DEFAULT, &r);
        v[t] = (now_ns() - t0) / 1e6;
        /* a lazy open defers every catalog, and the lookup loads them */
        if (lazy != bkerr_catalog_count(reg) || lazy_count(reg) != 0 ||
            r.catalog == NULL) {
            fprintf(stderr, "bkerr-bench: %s: %zu of %zu catalogs waited after "
                    "the open, %zu after the first lookup\n", ini, lazy,
                    bkerr_catalog_count(reg), lazy_count(reg));
            exit(4);
        }
        bkerr_close(reg);
    }
    char k[320];
    snprintf(k, sizeof k, "%s.first_lookup", key);
    result(k, v, trials, "ms", 1);
    free(v);
}

/* Doubling the codes: the 10k and 20k sets opened in alternation, trial
 * by trial, so the ratio does not depend on what the machine was doing
 * while one of them ran (separate runs drifted by up to 40%). */
static void time_open_doubling(const char *data, int count)
{
    char ini[2][4096], err[BKERR_ERRMSG_SIZE], key[200];
    snprintf(ini[0], sizeof ini[0], "%s/synth-%d.ini", data, count);
    snprintf(ini[1], sizeof ini[1], "%s/synth20-%d.ini", data, count);
    double *v[2] = {xmalloc((size_t)trials * sizeof(double)),
                    xmalloc((size_t)trials * sizeof(double))};
    for (int t = -1; t < trials; t++) /* t = -1: warm-up */
        for (int k = 0; k < 2; k++) {
            bkerr_registry *reg;
            double t0 = now_ns();
            if (bkerr_open(ini[k], &reg, err, sizeof err) != 0) {
                snprintf(key, sizeof key, "open.doubling.%d", count);
                na(key, err);
                free(v[0]);
                free(v[1]);
                return;
            }
            double t1 = now_ns();
            bkerr_close(reg);
            if (t >= 0)
                v[k][t] = (t1 - t0) / 1e6;
        }
    for (int k = 0; k < 2; k++) {
        snprintf(key, sizeof key, "open.doubling.%d.%s", count,
                 k ? "20k" : "10k");
        result(key, v[k], trials, "ms", 1);
        free(v[k]);
    }
}

static void time_opens(const char *data)
{
    static const char *const sets[] = {"synth", "synth20"};
    static const int counts[] = {1, 13, 90};
    char ini[4096], key[200];
    for (size_t s = 0; s < 2; s++)
        for (size_t c = 0; c < 3; c++) {
            snprintf(ini, sizeof ini, "%s/%s-%d.ini", data, sets[s], counts[c]);
            snprintf(key, sizeof key, "open.%s.%d", sets[s], counts[c]);
            if (access(ini, R_OK) != 0) {
                na(key, "not generated");
                continue;
            }
            fprintf(stderr, "bkerr-bench: open %s\n", ini);
            if (!time_open(key, ini, 0))
                continue;
            snprintf(key, sizeof key, "open.%s.%d.noload", sets[s], counts[c]);
            time_open(key, ini, BKERR_OPEN_NO_LOAD);
            snprintf(key, sizeof key, "open.%s.%d", sets[s], counts[c]);
            time_open_floors(key, ini);
            snprintf(ini, sizeof ini, "%s/lazy-%s-%d.ini", data, sets[s],
                     counts[c]);
            snprintf(key, sizeof key, "open.%s.%d.lazy", sets[s], counts[c]);
            if (time_open(key, ini, 0))
                time_lazy_first(key, ini);
        }
    for (size_t c = 0; c < 3; c++)
        time_open_doubling(data, counts[c]);
}

/* ---- memory ---------------------------------------------------------------- */

static long status_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0 && line[n] == ':')
            v = strtol(line + n + 1, NULL, 10);
    if (f)
        fclose(f);
    return v;
}

/* Run in a fresh process: RSS growth across one bkerr_open. */
static int rss(const char *label, const char *ini)
{
    static const char *const fields[] = {"VmRSS", "RssAnon", "RssFile"};
    long before[3], after[3];
    for (int i = 0; i < 3; i++)
        before[i] = status_kib(fields[i]);
    bkerr_registry *reg = open_or_die(ini);
    for (int i = 0; i < 3; i++)
        after[i] = status_kib(fields[i]);
    char key[160];
    for (int i = 0; i < 3; i++) {
        snprintf(key, sizeof key, "rss.%s.%s_kib", label, fields[i]);
        info_u(key, (uint64_t)(after[i] - before[i]));
    }
    snprintf(key, sizeof key, "rss.%s.total_VmRSS_kib", label);
    info_u(key, (uint64_t)after[0]);
    bkerr_close(reg);
    return 0;
}

static void spawn_rss(const char *label, const char *ini)
{
    char *argv[] = {"bkerr-bench", "rss", (char *)label, (char *)ini, NULL};
    pid_t pid;
    fflush(stdout);
    if (posix_spawn(&pid, "/proc/self/exe", NULL, NULL, argv, environ) == 0)
        waitpid(pid, NULL, 0);
}

/* ---- callgrind entry points ------------------------------------------------ */

/* Runs one hot loop of n lookups of a mix (for callgrind --toggle-collect
 * =bench_loop_bkerr or bench_loop_dense).  Hits come straight from the
 * descriptors: building the records through the API under valgrind would
 * take minutes. */
static int loop(const char *ini, const char *mixname, size_t n,
                const char *method)
{
    struct dataset ds = {.name = "loop", .ini = ini};
    ds.reg = open_or_die(ini);
    size_t total = 0;
    for (size_t i = 0; i < bkerr_catalog_count(ds.reg); i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(ds.reg, i, &st);
        if (st.state == BKERR_CATALOG_LOADED)
            total += st.n_entries;
    }
    ds.rec = xcalloc(total, sizeof *ds.rec);
    for (size_t i = 0; i < bkerr_catalog_count(ds.reg); i++) {
        struct bkerr_catalog_status st;
        bkerr_catalog_status(ds.reg, i, &st);
        if (st.state != BKERR_CATALOG_LOADED)
            continue;
        const struct bkerr_catalog *d = loaded_descriptor(st.path);
        if (!d || d->abi_minor < 1 || !d->packed ||
            d->packed->n_entries != st.n_entries)
            return 3;
        ds.n_rec += packed_records(d, ds.rec + ds.n_rec);
        ds.loaded[st.prefix] = true;
    }
    enum mix m = MIX_COUNT;
    for (int i = 0; i < MIX_COUNT; i++)
        if (strcmp(mixname, mix_names[i]) == 0)
            m = (enum mix)i;
    if (m == MIX_COUNT || m == MIX_MISS) {
        fprintf(stderr, "bkerr-bench loop: mix is uniform, zipf, nocat or "
                "invalid\n");
        return 2;
    }
    int64_t *codes = make_mix(&ds, m, n);
    if (!codes)
        return 2;
    /* outside the counted function: the first lookup of a compiled entry
     * also checks its text, once; the timed runs warm up the same way */
    for (size_t k = 0; k < ds.n_rec; k++) {
        struct bkerr_result r;
        bkerr_lookup(ds.reg, ds.rec[k].code, BKERR_LANG_DEFAULT, &r);
    }
    if (strcmp(method, "dense") == 0) {
        dense = xcalloc(DENSE_SLOTS, sizeof *dense);
        for (size_t k = 0; k < ds.n_rec; k++)
            dense[ds.rec[k].code] = &ds.rec[k];
        sink += bench_loop_dense(codes, n);
    } else if (strcmp(method, "bkerr") == 0) {
        sink += bench_loop_bkerr(ds.reg, codes, n);
    } else if (strcmp(method, "message") == 0) {
        sink += bench_loop_message(ds.reg, codes, n);
    } else {
        fprintf(stderr, "bkerr-bench loop: method is bkerr or dense\n");
        return 2;
    }
    printf("loop\t%s\t%s\t%zu\n", mixname, method, n);
    free(codes);
    free(ds.rec);
    bkerr_close(ds.reg);
    return 0;
}

/* ---- run ----------------------------------------------------------------------- */

static void machine_facts(void)
{
    info_u("run.trials", (uint64_t)trials);
    info_u("run.lookups_per_trial", n_lookups);
    info_s("run.alloc_count_method", alloc_count_method());
    info_s("run.libbkerr", bkerr_api(1) ? bkerr_api(1)->library_version : "?");
}

static int run(const char *bundled, const char *data)
{
    machine_facts();
    if (!alloc_count_works())
        info_s("run.alloc_count_method", "broken: counts not reliable");
    char path[4096];

    /* Bundled real catalogs. */
    fprintf(stderr, "bkerr-bench: bundled catalogs (%s)\n", bundled);
    struct dataset ds;
    dataset_open(&ds, "bundled", bundled);
    dataset_dense(&ds);
    for (int m = 0; m < MIX_COUNT; m++)
        time_mix(&ds, (enum mix)m, m == MIX_UNIFORM || m == MIX_ZIPF);
#ifdef BENCH_HAVE_COMERR
    snprintf(path, sizeof path, "%s/comerr-bundled/tables.so", data);
    time_comerr(&ds, path);
#endif
    dataset_close(&ds);

    /* The built-in tables alone (no registry): floor of the API's path. */
    {
        struct dataset none = {.name = "none"};
        for (int p = 10; p < PREFIX_SLOTS; p++)
            none.loaded[p] = false;
        int64_t *codes = mix_nocat(&none, n_lookups);
        struct method me = {"bkerr", run_bkerr, NULL, codes, n_lookups};
        time_method("lookup.none.nocat.bkerr", &me);
        free(codes);
    }

    /* One synthetic catalog, 13, 90. */
    static const struct {
        const char *name;
        int n;
    } sets[] = {{"synth1", 1}, {"synth13", 13}, {"synth90", 90}};
    for (size_t s = 0; s < 3; s++) {
        snprintf(path, sizeof path, "%s/synth-%d.ini", data, sets[s].n);
        if (access(path, R_OK) != 0) {
            na(sets[s].name, "synthetic set not generated");
            continue;
        }
        fprintf(stderr, "bkerr-bench: %s (%s)\n", sets[s].name, path);
        dataset_open(&ds, sets[s].name, path);
        dataset_dense(&ds);
        if (sets[s].n == 90) {
            for (int m = 0; m < MIX_COUNT; m++)
                time_mix(&ds, (enum mix)m, m != MIX_NOCAT && m != MIX_INVALID);
        } else if (sets[s].n == 13) {
            time_mix(&ds, MIX_UNIFORM, false);
            time_mix(&ds, MIX_NOCAT, false);
        } else {
            time_mix(&ds, MIX_UNIFORM, true);
            time_mix(&ds, MIX_ZIPF, true);
        }
#ifdef BENCH_HAVE_COMERR
        if (sets[s].n != 13) {
            snprintf(path, sizeof path, "%s/comerr-synth-%d/tables.so", data,
                     sets[s].n);
            time_comerr(&ds, path);
        }
#endif
        dataset_close(&ds);
    }
    free(dense);
    dense = NULL;

#ifdef BENCH_HAVE_GPG_ERROR
    time_gpg();
#else
    na("lookup.gpg.uniform.gpg_strerror_r", "built without libgpg-error");
#endif
#ifndef BENCH_HAVE_COMERR
    na("lookup.bundled.uniform.comerr", "built without com_err");
#endif

    time_open("open.bundled.14", bundled, 0);
    time_open("open.bundled.14.noload", bundled, BKERR_OPEN_NO_LOAD);
    time_open_floors("open.bundled.14", bundled);
    time_opens(data);

    spawn_rss("bundled", bundled);
    snprintf(path, sizeof path, "%s/synth-90.ini", data);
    if (access(path, R_OK) == 0)
        spawn_rss("synth90", path);
    return 0;
}

static const char usage[] =
    "usage: bkerr-bench run --bundled INI --data DIR [--trials T] [--n N]\n"
    "       bkerr-bench dump-et INI OUTDIR\n"
    "       bkerr-bench rss LABEL INI\n"
    "       bkerr-bench loop INI uniform|zipf|nocat|invalid N "
    "[bkerr|message|dense]\n"
    "       bkerr-bench open-once INI\n";

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "dump-et") == 0 && argc == 4)
        return dump_et(argv[2], argv[3]);
    if (argc >= 2 && strcmp(argv[1], "rss") == 0 && argc == 4)
        return rss(argv[2], argv[3]);
    if (argc >= 2 && strcmp(argv[1], "loop") == 0 && (argc == 5 || argc == 6))
        return loop(argv[2], argv[3], (size_t)strtoull(argv[4], NULL, 10),
                    argc == 6 ? argv[5] : "bkerr");
    if (argc >= 2 && strcmp(argv[1], "open-once") == 0 && argc == 3)
        return bench_open_once(argv[2]) ? 3 : 0;
    if (argc < 2 || strcmp(argv[1], "run") != 0) {
        fputs(usage, stderr);
        return 2;
    }
    const char *bundled = NULL, *data = NULL;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--bundled") == 0 && i + 1 < argc)
            bundled = argv[++i];
        else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--trials") == 0 && i + 1 < argc)
            trials = atoi(argv[++i]);
        else if (strcmp(argv[i], "--n") == 0 && i + 1 < argc)
            n_lookups = (size_t)strtoull(argv[++i], NULL, 10);
        else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (!bundled || !data || trials < 1 || n_lookups < 100000) {
        fputs(usage, stderr);
        return 2;
    }
    return run(bundled, data);
}
