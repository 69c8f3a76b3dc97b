/* Placeholder filling and rendering into caller buffers (snprintf
 * contract, cut on a UTF-8 boundary).  Catalog text is data here, never a
 * printf format. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "bkerr/bkerr.h"

struct out {
    char *buf;
    size_t cap;         /* bytes that fit before the NUL */
    size_t total;       /* bytes the full rendering needs */
    unsigned char next; /* the first byte that did not fit */
};

static void put(struct out *o, const char *s, size_t n)
{
    if (o->total < o->cap) {
        size_t room = o->cap - o->total, k = n < room ? n : room;
        memcpy(o->buf + o->total, s, k);
        if (k < n)
            o->next = (unsigned char)s[k];
    } else if (o->total == o->cap && n) {
        o->next = (unsigned char)s[0];
    }
    o->total += n;
}

static void puts_(struct out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* NUL-terminates, dropping a character the cut went through. */
static int finish(struct out *o)
{
    if (o->buf) {
        size_t p = o->total < o->cap ? o->total : o->cap;
        if (o->total > o->cap && (o->next & 0xC0) == 0x80) {
            while (p > 0 && ((unsigned char)o->buf[p - 1] & 0xC0) == 0x80)
                p--;
            if (p > 0)
                p--; /* the lead byte of the cut character */
        }
        o->buf[p] = '\0';
    }
    return o->total > INT_MAX ? BKERR_EINVAL : (int)o->total;
}

static bool start(struct out *o, char *buf, size_t len)
{
    if (!buf && len)
        return false;
    *o = (struct out){.buf = len ? buf : NULL, .cap = len ? len - 1 : 0};
    return true;
}

/* The value for placeholder name[0..n), or NULL. */
static const char *arg_value(const char *name, size_t n,
                             const struct bkerr_arg *args, size_t nargs)
{
    bool positional = true;
    size_t index = 0;
    for (size_t i = 0; i < n; i++) {
        if (name[i] < '0' || name[i] > '9' || index > SIZE_MAX / 10 - 1) {
            positional = false;
            break;
        }
        index = index * 10 + (size_t)(name[i] - '0');
    }
    for (size_t i = 0; i < nargs; i++) {
        if (!args[i].name) { /* the n-th positional one, value or not */
            if (positional && index-- == 0)
                return args[i].value;
        } else if (strlen(args[i].name) == n &&
                   memcmp(args[i].name, name, n) == 0 && args[i].value) {
            return args[i].value;
        }
    }
    return NULL;
}

static void fill(struct out *o, const char *t, const struct bkerr_arg *args,
                 size_t nargs)
{
    while (*t) {
        size_t run = strcspn(t, "{}");
        put(o, t, run);
        t += run;
        if (!*t)
            break;
        if (t[0] == t[1]) { /* "{{" or "}}" */
            put(o, t, 1);
            t += 2;
            continue;
        }
        const char *name = t + 1, *end = name;
        while ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') ||
               (*end >= '0' && *end <= '9') || *end == '_')
            end++;
        const char *value = NULL;
        if (t[0] == '{' && *end == '}' && end > name)
            value = arg_value(name, (size_t)(end - name), args, nargs);
        if (value) {
            puts_(o, value);
            t = end + 1;
        } else { /* not a placeholder, or no value: keep it visible */
            put(o, t, 1);
            t++;
        }
    }
}

int bkerr_fill(const char *tmpl, const struct bkerr_arg *args, size_t nargs,
               char *buf, size_t len)
{
    struct out o;
    if (!tmpl || (!args && nargs) || !start(&o, buf, len))
        return BKERR_EINVAL;
    fill(&o, tmpl, args, nargs);
    return finish(&o);
}

static const char *either(const char *zh, const char *en, enum bkerr_lang lang)
{
    const char *s = lang == BKERR_LANG_EN ? en : zh;
    return s ? s : lang == BKERR_LANG_EN ? zh : en;
}

/* "bk_hcm 使用的错误码 · 前缀 20 属于 " before the owner, or "... 未分配 · "
 * for an unassigned prefix: a guest answer is never shown as the owner's. */
static void render_guest(struct out *o, const struct bkerr_result *r,
                         enum bkerr_lang lang)
{
    bool en = lang == BKERR_LANG_EN;
    char nn[48];
    if (en)
        puts_(o, "used by ");
    puts_(o, r->catalog ? r->catalog : "?");
    snprintf(nn, sizeof nn, en ? " · prefix %d " : " 使用的错误码 · 前缀 %d ",
             r->platform.prefix);
    puts_(o, nn);
    puts_(o, r->platform.id ? (en ? "belongs to " : "属于 ")
                            : (en ? "is unassigned · " : "未分配 · "));
}

/* "[cmdb 配置平台 · 平台类 · host]" */
static void render_platform(struct out *o, const struct bkerr_result *r,
                            enum bkerr_lang lang)
{
    const struct bkerr_platform *p = &r->platform;
    if (p->category == BKERR_CAT_NONE)
        return;
    puts_(o, " [");
    if (r->guest)
        render_guest(o, r, lang);
    if (p->id) {
        puts_(o, p->id);
        const char *name = either(p->name_zh, p->name_en, lang);
        if (name) {
            puts_(o, " ");
            puts_(o, name);
        }
        puts_(o, " · ");
    } else if (p->prefix && !r->guest) {
        char nn[16];
        snprintf(nn, sizeof nn, "%d · ", p->prefix);
        puts_(o, nn);
    }
    puts_(o, bkerr_category_name(p->category, lang));
    if (r->module) {
        puts_(o, " · ");
        puts_(o, r->module);
    }
    puts_(o, "]");
}

/* A line saying why there is no message. */
static void render_status(struct out *o, const struct bkerr_result *r,
                          enum bkerr_lang lang)
{
    bool en = lang == BKERR_LANG_EN;
    switch (r->status) {
    case BKERR_NO_CATALOG:
        puts_(o, en ? "No catalog is loaded for this platform; enable one in "
                      "bkerr.ini."
                    : "未加载该平台的错误码目录，可在 bkerr.ini 中启用。");
        break;
    case BKERR_NOT_IN_CATALOG:
        puts_(o, en ? "Not in catalog " : "目录 ");
        puts_(o, r->catalog ? r->catalog : "?");
        puts_(o, en ? "." : " 中没有此错误码。");
        break;
    case BKERR_UNASSIGNED:
        puts_(o, en ? "The prefix is not allocated to any product."
                    : "该前缀未分配给任何产品。");
        break;
    case BKERR_INVALID:
        puts_(o, en ? "Not a standard BlueKing code: " : "不是标准蓝鲸错误码：");
        puts_(o, r->reason ? r->reason : "");
        break;
    default:
        puts_(o, en ? "No description." : "暂无说明。");
        break;
    }
}

int bkerr_format(const struct bkerr_result *r, const struct bkerr_arg *args,
                 size_t nargs, char *buf, size_t len)
{
    struct out o;
    if (!r || (!args && nargs) || !start(&o, buf, len))
        return BKERR_EINVAL;
    enum bkerr_lang lang = r->message_lang;
    bool en = lang == BKERR_LANG_EN;
    char code[32];
    snprintf(code, sizeof code, "%lld", (long long)r->code);
    puts_(&o, code);
    render_platform(&o, r, lang);
    if (r->symbol) {
        puts_(&o, " ");
        puts_(&o, r->symbol);
    }
    puts_(&o, "\n");
    if (r->message) {
        fill(&o, r->message, args, nargs);
        if (r->status == BKERR_GENERIC)
            puts_(&o, en ? " (generic error ID)" : "（通用错误码）");
    } else {
        render_status(&o, r, lang);
    }
    if (r->advice) {
        puts_(&o, r->advice_lang == BKERR_LANG_EN ? "\nAdvice: " : "\n处理方案：");
        puts_(&o, r->advice);
    }
    return finish(&o);
}
