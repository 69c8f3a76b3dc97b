/* Fuzz target: the catalog compiler's source parser and checks
 * (tools/catc: catc_read, catc_check, catc_emit, catc_free).
 *
 * Input: a catalog source (plugins/<id>/<id>.catalog format), handed to
 * catc_read() as a file through a memfd.
 *
 * The whole input also goes through catc_placeholders() as one text.
 *
 * Checked: no crash, leak or UB; and a source the compiler accepts breaks
 * none of the rules the registry enforces when it loads the plugin
 * (core/loader.c, include/bkerr/plugin.h): what bkerr-catc passes, the
 * registry must not reject.
 *
 * catc_error() reports every problem on stderr; that is sent to
 * /dev/null unless FUZZ_VERBOSE is set (sanitizer and libFuzzer reports
 * do not go through the stderr FILE and still show). */
#include "../../tools/catc/catalog.h"
#include "common/spec.h"
#include "common/text.h"
#include "fuzz.h"

static struct fuzz_file input;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_file_init(&input, "fuzz.catalog");
    devnull = fopen("/dev/null", "w");
    if (!devnull)
        fuzz_die("/dev/null");
    if (!getenv("FUZZ_VERBOSE"))
        stderr = devnull; /* glibc: stderr is a plain FILE * variable */
    return 0;
}

/* The loader's text rule: valid UTF-8 of at most BKERR_TEXT_MAX bytes. */
static void check_text(const char *s, bool placeholders)
{
    if (!s)
        return;
    FUZZ_ASSERT(bk_utf8_check(s, BKERR_TEXT_MAX) == NULL);
    FUZZ_ASSERT(fuzz_utf8z(s));
    if (placeholders)
        FUZZ_ASSERT(bk_placeholder_check(s) == NULL);
}

/* What core/loader.c checks of a descriptor, on the compiler's model. */
static void check_accepted(const struct catalog *c)
{
    FUZZ_ASSERT(c->id.s && bk_valid_id(c->id.s));
    /* 0: a product the spec gives no prefix, whose codes are all legacy */
    FUZZ_ASSERT((c->prefix_value >= 10 && c->prefix_value <= 99) ||
                (c->prefix_value == 0 && !bk_spec_platform_by_id(c->id.s) &&
                 c->n_ranges == 0));
    FUZZ_ASSERT(c->version.s && *c->version.s);
    FUZZ_ASSERT((c->name_zh.s && *c->name_zh.s) ||
                (c->name_en.s && *c->name_en.s));
    check_text(c->id.s, false);
    check_text(c->version.s, false);
    check_text(c->name_zh.s, false);
    check_text(c->name_en.s, false);
    check_text(c->origin.s, false);
    const struct bk_spec_platform *p = bk_spec_platform(c->prefix_value);
    if (p)
        FUZZ_ASSERT(strcmp(p->id, c->id.s) == 0);
    p = bk_spec_platform_by_id(c->id.s);
    if (p)
        FUZZ_ASSERT(p->prefix == c->prefix_value);

    /* entries and legacy: the primaries of each table strictly increasing
     * once emitted, each variant right after its code's primary */
    bool have[2] = {false, false};
    int64_t last[2] = {0, 0};
    for (size_t i = 0; i < c->n_entries; i++) {
        const struct centry *e = &c->entries[i];
        int t = e->legacy;
        bool own = c->prefix_value && bkerr_prefix(e->code) == c->prefix_value;
        FUZZ_ASSERT(e->legacy ? !own : own);
        if (e->variant > 1)
            FUZZ_ASSERT(have[t] && e->code == last[t] &&
                        e->variant > c->entries[i - 1].variant);
        else if (have[t])
            FUZZ_ASSERT(e->code > last[t]);
        have[t] = true, last[t] = e->code;
        const char *mz = e->f[F_MESSAGE_ZH].s, *me = e->f[F_MESSAGE_EN].s;
        FUZZ_ASSERT((mz && *mz) || (me && *me));
        check_text(e->f[F_SYMBOL].s, false);
        check_text(mz, true);
        check_text(me, true);
        check_text(e->f[F_ADVICE_ZH].s, false);
        check_text(e->f[F_ADVICE_EN].s, false);
        FUZZ_ASSERT(!e->f[F_MODULE].s);
    }
    for (size_t i = 0; i < c->n_ranges; i++) {
        const struct crange *r = &c->ranges[i];
        FUZZ_ASSERT(r->first <= r->last);
        FUZZ_ASSERT(bkerr_prefix(r->first) == c->prefix_value);
        FUZZ_ASSERT(bkerr_prefix(r->last) == c->prefix_value);
        if (i)
            FUZZ_ASSERT(r->first > c->ranges[i - 1].last);
        check_text(r->f[F_MODULE].s, false);
        check_text(r->f[F_ADVICE_ZH].s, false);
        check_text(r->f[F_ADVICE_EN].s, false);
    }
}

/* catc_placeholders() on the whole input as one text: what it returns is
 * canonical for the registry, and valid UTF-8 in gives valid UTF-8 out. */
static void check_placeholders(const uint8_t *data, size_t size)
{
    char *s = fuzz_strndup(data, size);
    const char *why = NULL;
    char *canonical = catc_placeholders(s, &why);
    if (canonical) {
        FUZZ_ASSERT(bk_placeholder_check(canonical) == NULL);
        if (fuzz_utf8z(s))
            FUZZ_ASSERT(fuzz_utf8z(canonical));
        free(canonical);
    } else {
        FUZZ_ASSERT(why && *why);
    }
    free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_placeholders(data, size);
    fuzz_file_set(&input, data, size);
    struct catalog c;
    FUZZ_ASSERT(catc_read(input.path, &c));
    bool ok = catc_check(&c, false); /* the rules every catalog meets */
    FUZZ_ASSERT(ok == (c.errors == 0));
    if (ok) {
        check_accepted(&c);
        FUZZ_ASSERT(catc_emit(&c, "fuzz*/.catalog", devnull));
    }
    catc_free(&c);
    return 0;
}
