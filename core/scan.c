/* bkerr_scan(): the codes in a line of text (bkerr.h, "finding codes in
 * text", says what counts).  Each digit run is read once; only a run of 7
 * digits, or one with a key before it, is looked at closely, reading at
 * most BKERR_SCAN_BEFORE bytes back and BKERR_SCAN_AFTER ahead, so that a
 * window over a long line decides every number as the whole line does. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "bkerr/bkerr.h"
#include "common/sized.h"
#include "known.h"
#include "marks.h"

/* ASCII classes; bytes >= 0x80 are none of them (no locale). */
static bool is_digit(unsigned char b) { return b >= '0' && b <= '9'; }
static bool is_lower(unsigned char b) { return b >= 'a' && b <= 'z'; }
static bool is_upper(unsigned char b) { return b >= 'A' && b <= 'Z'; }
static bool is_word(unsigned char b)
{
    return is_lower(b) || is_upper(b) || is_digit(b) || b == '_';
}
static bool is_blank(unsigned char b) { return b == ' ' || b == '\t'; }
static bool is_quote(unsigned char b) { return b == '"' || b == '\''; }

/* A word of one of the tables below; ASCII words are compared without
 * case, and a Chinese one (non-ASCII) byte for byte. */
struct word {
    const char *text;
    unsigned char len;
    unsigned char flags;
};
#define WORD(text, flags) {text, sizeof text - 1, flags}
enum {
    NAME_END = 1,  /* also the end of a longer name: error_code, errorCode,
                      bk_module_id, bizId (after '_' or a lower-case letter
                      or digit before a capital) */
    MINUS_ONE = 2, /* a key that takes -1 (as itself, after a separator) */
};

/* The keys that name a code. */
static const struct word keys[] = {
    WORD("code", NAME_END | MINUS_ONE), WORD("status", 0), WORD("ret", 0),
    WORD("错误码", MINUS_ONE), WORD("错误代码", MINUS_ONE),
    WORD("错误编码", 0), WORD("返回码", MINUS_ONE), WORD("状态码", 0),
};

/* Words that make the number after them an id, a size or a count. */
static const struct word id_words[] = {
    WORD("id", NAME_END), WORD("ids", NAME_END), WORD("uid", NAME_END),
    WORD("pid", NAME_END), WORD("tid", NAME_END), WORD("gid", NAME_END),
    WORD("rid", NAME_END), WORD("sid", NAME_END), WORD("uin", NAME_END),
    WORD("xid", NAME_END), WORD("oid", NAME_END), WORD("cid", NAME_END),
    WORD("vid", NAME_END),
    WORD("no", NAME_END), WORD("num", NAME_END), WORD("number", NAME_END),
    WORD("seq", NAME_END), WORD("sn", NAME_END), WORD("serial", NAME_END),
    WORD("idx", NAME_END), WORD("index", NAME_END), WORD("key", NAME_END),
    WORD("offset", NAME_END), WORD("size", NAME_END), WORD("len", NAME_END),
    WORD("length", NAME_END), WORD("count", NAME_END), WORD("cnt", NAME_END),
    WORD("total", NAME_END), WORD("sum", NAME_END), WORD("bytes", NAME_END),
    WORD("byte", NAME_END), WORD("amount", NAME_END), WORD("user", NAME_END),
    WORD("users", NAME_END), WORD("account", NAME_END), WORD("step", NAME_END),
    WORD("task", NAME_END), WORD("job", NAME_END), WORD("host", NAME_END),
    WORD("port", NAME_END), WORD("instance", NAME_END), WORD("order", NAME_END),
    WORD("ticket", NAME_END), WORD("page", NAME_END), WORD("limit", NAME_END),
    WORD("version", NAME_END), WORD("ver", NAME_END), WORD("ts", NAME_END),
    WORD("time", NAME_END), WORD("timestamp", NAME_END), WORD("epoch", NAME_END),
    WORD("date", NAME_END), WORD("elapsed", NAME_END), WORD("duration", NAME_END),
    WORD("cost", NAME_END), WORD("latency", NAME_END), WORD("took", 0),
    WORD("mem", NAME_END), WORD("memory", NAME_END), WORD("rss", NAME_END),
    WORD("cpu", NAME_END), WORD("disk", NAME_END), WORD("line", NAME_END),
    WORD("row", NAME_END), WORD("rows", NAME_END), WORD("phone", NAME_END),
    WORD("mobile", NAME_END), WORD("tel", NAME_END), WORD("qq", NAME_END),
    WORD("pk", NAME_END), WORD("data", NAME_END), WORD("biz", NAME_END),
    /* the objects of the products, which logs name by id */
    WORD("module", NAME_END), WORD("set", NAME_END), WORD("cloud", NAME_END),
    WORD("process", NAME_END), WORD("plugin", NAME_END), WORD("agent", NAME_END),
    WORD("node", NAME_END), WORD("pod", NAME_END), WORD("cluster", NAME_END),
    WORD("template", NAME_END), WORD("plan", NAME_END), WORD("pipeline", NAME_END),
    WORD("build", NAME_END), WORD("project", NAME_END), WORD("group", NAME_END),
    WORD("record", NAME_END), WORD("object", NAME_END), WORD("event", NAME_END),
    WORD("subscription", NAME_END), WORD("app", NAME_END),
    WORD("集群", 0), WORD("模块", 0), WORD("流水线", 0), WORD("订阅", 0),
    WORD("号", 0), /* 流水号, 编号, 单号, 序号, 账号, 工号, 手机号 ... */
    WORD("用户", 0), WORD("任务", 0), WORD("步骤", 0), WORD("主机", 0),
    WORD("业务", 0), WORD("实例", 0), WORD("作业", 0), WORD("订单", 0),
    WORD("进程", 0), WORD("端口", 0), WORD("版本", 0), WORD("大小", 0),
    WORD("长度", 0), WORD("数量", 0), WORD("总数", 0), WORD("条数", 0),
    WORD("个数", 0), WORD("耗时", 0), WORD("时间", 0), WORD("时长", 0),
    WORD("偏移", 0), WORD("批次", 0), WORD("第", 0), WORD("共", 0),
    WORD("策略", 0), WORD("方案", 0),
};

/* Words after which a bare number reads as an error's code: an ASCII
 * word before a bare number must be one of them (strategy 1531105 and
 * alert 2108003 are ids), a Chinese one must not be an id word. */
static const struct word error_words[] = {
    WORD("error", NAME_END), WORD("errors", NAME_END), WORD("err", NAME_END),
    WORD("errno", NAME_END), WORD("errcode", NAME_END), WORD("fail", 0),
    WORD("failed", 0), WORD("fails", 0), WORD("failure", NAME_END),
    WORD("exception", NAME_END), WORD("returned", 0), WORD("return", 0),
    WORD("returns", 0), WORD("got", 0), WORD("with", 0), WORD("raise", 0),
    WORD("raised", 0), WORD("throw", 0), WORD("threw", 0), WORD("thrown", 0),
};

/* Units that make the number before them a size or a count. */
static const struct word units[] = {
    WORD("bytes", 0), WORD("byte", 0), WORD("b", 0), WORD("kb", 0),
    WORD("mb", 0), WORD("gb", 0), WORD("ms", 0), WORD("us", 0),
    WORD("ns", 0), WORD("s", 0), WORD("sec", 0), WORD("secs", 0),
    WORD("seconds", 0), WORD("rows", 0), WORD("records", 0),
    WORD("items", 0), WORD("times", 0), WORD("users", 0), WORD("hosts", 0),
    WORD("lines", 0), WORD("条", 0), WORD("个", 0), WORD("次", 0),
    WORD("字节", 0), WORD("秒", 0), WORD("毫秒", 0), WORD("行", 0),
    WORD("台", 0), WORD("人", 0), WORD("项", 0), WORD("元", 0),
};

#define N_OF(table) (sizeof table / sizeof table[0])

/* The text being scanned, and the bounds of what one number may read. */
struct scan {
    const unsigned char *s;
    size_t len;
    size_t lo;  /* the first byte the number's context may read */
    size_t lim; /* the byte after the last one it may read */
    bool begins; /* the text begins after the number's first
                    BKERR_SCAN_BEFORE bytes of context would: lo is 0 and
                    a name there is whole.  A window that starts exactly
                    BKERR_SCAN_BEFORE bytes before the number may be cut
                    from a longer line, so lo = 0 alone says nothing. */
};

/* True if the bytes at s[at..at+n) are those of w (ASCII without case). */
static bool same(const unsigned char *s, const struct word *w)
{
    for (size_t k = 0; k < w->len; k++) {
        unsigned char a = s[k], b = (unsigned char)w->text[k];
        if (a != b && !(is_upper(a) && a + 32 == b))
            return false;
    }
    return true;
}

/* The word of table that ends at end: a Chinese word as the bytes before
 * end; an ASCII one as the whole name (the run of word bytes) before end,
 * or as its end (NAME_END).  A name that reaches sc->lo, where the
 * context stops, is not known to be whole there (unless sc->begins).  NULL if none;
 * *start is set to the word's first byte. */
static const struct word *word_before(const struct scan *sc, size_t end,
                                      const struct word *table, size_t n,
                                      bool *whole, size_t *start)
{
    const unsigned char *s = sc->s;
    size_t name = end;
    while (name > sc->lo && is_word(s[name - 1]))
        name--;
    bool complete = name > sc->lo || sc->begins;
    for (size_t k = 0; k < n; k++) {
        const struct word *w = &table[k];
        if (end - sc->lo < w->len || !same(s + end - w->len, w))
            continue;
        size_t at = end - w->len;
        if ((unsigned char)w->text[0] >= 0x80) { /* Chinese */
            *whole = true, *start = at;
            return w;
        }
        if (at == name && complete) {
            *whole = true, *start = at;
            return w;
        }
        if (!(w->flags & NAME_END) || at <= name)
            continue;
        unsigned char prev = s[at - 1];
        if (prev == '_' || (is_upper(s[at]) && (is_lower(prev) || is_digit(prev)))) {
            *whole = false, *start = at;
            return w;
        }
    }
    return NULL;
}

static size_t blanks_back(const struct scan *sc, size_t i)
{
    while (i > sc->lo && is_blank(sc->s[i - 1]))
        i--;
    return i;
}

/* True if the UTF-8 character c (3 bytes) ends at i. */
static bool char_before(const struct scan *sc, size_t i, const char *c)
{
    return i - sc->lo >= 3 && memcmp(sc->s + i - 3, c, 3) == 0;
}

/* The separator ending at i ( :  =  ==  ===  !=  !==  :=  =>  ： ): its first
 * byte, or i if there is none. */
static size_t separator_before(const struct scan *sc, size_t i)
{
    const unsigned char *s = sc->s;
    if (char_before(sc, i, "："))
        return i - 3;
    if (i > sc->lo && s[i - 1] == ':')
        return i - 1;
    if (i - sc->lo >= 2 && s[i - 1] == '>' && s[i - 2] == '=')
        return i - 2;
    size_t j = i;
    while (j > sc->lo && i - j < 3 && s[j - 1] == '=')
        j--;
    if (j < i && j > sc->lo && (s[j - 1] == '!' || s[j - 1] == ':'))
        j--; /* != !== and Go's := */
    return j;
}

/* A key found before a value. */
struct key {
    size_t at, len;
    size_t quote;     /* the value's opening quote: 0, 1 (" ') or 2 (\" \') */
    bool separator;
    bool minus_one;   /* the key takes -1 */
};

/* The key before the value that starts at at, if any. */
static bool key_before(const struct scan *sc, size_t at, struct key *k)
{
    const unsigned char *s = sc->s;
    size_t i = at;
    *k = (struct key){0};
    if (i > sc->lo && is_quote(s[i - 1])) {
        k->quote = i - 1 > sc->lo && s[i - 2] == '\\' ? 2 : 1;
        i -= k->quote;
    }
    size_t j = blanks_back(sc, i);
    bool blank = j < i;
    i = separator_before(sc, j);
    k->separator = i < j;
    if (k->separator)
        i = blanks_back(sc, i);
    size_t zh_sep = i; /* 错误码为 1199006, 返回码是 -1 */
    if (!k->separator && (char_before(sc, i, "为") || char_before(sc, i, "是")))
        zh_sep = i - 3;
    if (i > sc->lo && s[i - 1] == ']') /* resp["code"] == */
        i--;
    if (i > sc->lo && is_quote(s[i - 1])) { /* "code": or \"code\": */
        i--;
        if (i > sc->lo && s[i - 1] == '\\')
            i--;
    }
    /* every key ends in e, s, t (code, status, ret) or 码 (0x81): most
     * numbers have no key before them */
    unsigned char last = i > sc->lo ? s[i - 1] : 0, lower = last | 0x20;
    if (lower != 'e' && lower != 's' && lower != 't' && last != 0x81 &&
        zh_sep == i)
        return false;
    bool whole;
    size_t start;
    for (int pass = 0; pass < 2; pass++) {
        size_t end = pass == 0 ? i : zh_sep;
        if (pass == 1 && zh_sep == i)
            break;
        const struct word *w = word_before(sc, end, keys, N_OF(keys), &whole,
                                           &start);
        if (!w)
            continue;
        bool zh = (unsigned char)w->text[0] >= 0x80;
        if (pass == 1 && !zh)
            continue;
        /* an ASCII key needs a separator or a blank: code1199006 is a name */
        if (!zh && !k->separator && !blank)
            continue;
        k->at = start, k->len = end - start;
        k->separator = k->separator || pass == 1;
        k->minus_one = (w->flags & MINUS_ONE) && whole && k->separator;
        return true;
    }
    return false;
}

/* What stands before the number at at, after blanks, quotes, '=', ':',
 * '：', '<', '>', opening brackets, a SQL IN and, for a list, the numbers
 * and commas before it. */
enum before {
    BEFORE_START, /* nothing: the text starts there */
    BEFORE_ID,    /* an id, size or count word (id_words) */
    BEFORE_ERROR, /* an ASCII word of error_words */
    BEFORE_WORD,  /* another ASCII word */
    BEFORE_TEXT,  /* Chinese (any non-ASCII) text */
    BEFORE_OTHER, /* punctuation, or the context ends in the skipped bytes */
};
static enum before before(const struct scan *sc, size_t at)
{
    const unsigned char *s = sc->s;
    size_t i = at;
    for (bool in = false;;) {
        if (i > sc->lo && (is_blank(s[i - 1]) || is_quote(s[i - 1]) ||
                           s[i - 1] == '=' || s[i - 1] == ':' ||
                           s[i - 1] == '(' || s[i - 1] == '[' ||
                           s[i - 1] == '<' || s[i - 1] == '>' ||
                           s[i - 1] == ',' || s[i - 1] == '\\' ||
                           is_digit(s[i - 1])))
            i--;
        else if (char_before(sc, i, "：") || char_before(sc, i, "（") ||
                 char_before(sc, i, "【"))
            i -= 3;
        else if (!in && i - sc->lo >= 3 && is_blank(s[i - 3]) &&
                 (s[i - 2] | 0x20) == 'i' && (s[i - 1] | 0x20) == 'n')
            i -= 2, in = true; /* SQL: bk_host_id IN (...) */
        else
            break;
    }
    if (i == sc->lo)
        return i == 0 && sc->begins ? BEFORE_START : BEFORE_OTHER;
    bool whole;
    size_t start;
    if (word_before(sc, i, id_words, N_OF(id_words), &whole, &start))
        return BEFORE_ID;
    if (is_word(s[i - 1]))
        return word_before(sc, i, error_words, N_OF(error_words), &whole,
                           &start)
                   ? BEFORE_ERROR
                   : BEFORE_WORD;
    return s[i - 1] >= 0x80 ? BEFORE_TEXT : BEFORE_OTHER;
}

/* Whether a unit follows the number that ends at end. */
static bool unit_after(const struct scan *sc, size_t end)
{
    size_t i = end;
    for (int k = 0; k < 2 && i < sc->lim && is_blank(sc->s[i]); k++)
        i++;
    for (size_t k = 0; k < N_OF(units); k++) {
        const struct word *w = &units[k];
        if (sc->lim - i < w->len || !same(sc->s + i, w))
            continue;
        size_t after = i + w->len;
        if ((unsigned char)w->text[0] >= 0x80)
            return true;
        /* a whole word: it must be seen to end (at the text's end, or
         * before a byte that is not part of a name) */
        if (after == sc->len || (after < sc->lim && !is_word(sc->s[after])))
            return true;
    }
    return false;
}

/* The brackets around s[at..end): true if a pair encloses it alone. */
static bool bracketed(const struct scan *sc, size_t at, size_t end)
{
    static const char *const pairs[][2] = {
        {"[", "]"}, {"(", ")"}, {"（", "）"}, {"【", "】"},
    };
    for (size_t k = 0; k < N_OF(pairs); k++) {
        size_t open = strlen(pairs[k][0]), close = strlen(pairs[k][1]);
        if (at - sc->lo >= open &&
            memcmp(sc->s + at - open, pairs[k][0], open) == 0 &&
            sc->lim - end >= close &&
            memcmp(sc->s + end, pairs[k][1], close) == 0)
            return true;
    }
    return false;
}

/* A keyed number of another width: one of product's legacy codes. */
static bool legacy_code(const bkerr_registry *reg, const char *product,
                        int64_t code)
{
    struct bkerr_result r;
    return reg && product && code != 0 &&
           bkerr_lookup_product(reg, product, code, BKERR_LANG_DEFAULT, &r) ==
               BKERR_FOUND;
}

/* Decides the number s[at..end) (its digits from digits); fills *hit. */
static bool decide(const struct scan *sc, const bkerr_registry *reg,
                   const char *product, size_t at, size_t digits, size_t end,
                   struct bkerr_scan_hit *hit)
{
    const unsigned char *s = sc->s;
    if (s[digits] == '0')
        return false; /* 0, and leading zeros */
    if (at > 0 && is_word(s[at - 1]))
        return false; /* x1199006, code1199006 */
    if (end < sc->lim && is_word(s[end]))
        return false; /* 1199006ms */
    if (end + 1 < sc->lim && is_digit(s[end + 1]) &&
        (s[end] == '.' || s[end] == '-' || s[end] == ':' || s[end] == '/'))
        return false; /* 1199006.5, 1199006-01 */
    int64_t code = 0;
    for (size_t i = digits; i < end; i++)
        code = code * 10 + (s[i] - '0');
    if (digits > at)
        code = -code;
    bool seven = end - at == 7;
    *hit = (struct bkerr_scan_hit){.size = sizeof *hit, .code = code,
                                   .offset = at, .length = end - at};
    struct key k;
    if (key_before(sc, at, &k)) {
        bool closed = k.quote == 0 ||
                      (sc->lim - end >= k.quote &&
                       memcmp(s + end, s + at - k.quote, k.quote) == 0);
        if (closed && (seven || (code == -1 ? k.minus_one
                                            : legacy_code(reg, product, code)))) {
            hit->confidence = BKERR_SCAN_KEYED;
            hit->key_offset = k.at, hit->key_length = k.len;
            return true;
        }
        if (closed || !seven)
            return false;
    }
    if (!seven)
        return false;
    unsigned char prev = at > 0 ? s[at - 1] : ' ';
    if (prev == '.' || prev == '-' || prev == '/' || prev == '#' ||
        prev == '@' || prev == '$' || prev == '%' || prev == '&' ||
        prev == '+' || prev == '~' || prev == '^' || prev == '|')
        return false; /* 10.1199006, /host/1199006, #1199006 */
    if (prev == '[' && at - sc->lo >= 2 && is_word(s[at - 2]))
        return false; /* an index or a pid: hosts[1199006], kubelet[1301006]: */
    hit->confidence = bracketed(sc, at, end) ? BKERR_SCAN_BRACKETED
                                             : BKERR_SCAN_BARE;
    /* most numbers in a log are ids no catalog knows: ask that first */
    if (!bk_code_known(reg, code))
        return false;
    enum before b = before(sc, at);
    if (hit->confidence == BKERR_SCAN_BRACKETED)
        return b != BEFORE_ID;
    return (b == BEFORE_START || b == BEFORE_ERROR || b == BEFORE_TEXT) &&
           !unit_after(sc, end);
}

/* The first digit of s[i..len), or len. */
static size_t next_digit(const unsigned char *s, size_t i, size_t len)
{
    while (i < len && !is_digit(s[i]))
        i++;
    return i;
}

/* The marks of the 64 bytes s[b, b + 64), those past len as none. */
static void marks_at(const unsigned char *s, size_t b, size_t len,
                     struct bk_marks *m)
{
    if (len - b >= 64) {
        bk_marks(s + b, m);
        return;
    }
    unsigned char pad[64] = {0};
    memcpy(pad, s + b, len - b);
    bk_marks(pad, m);
}

/* The first number in s[i..len) that may be a code when no product is
 * given, a run of exactly seven digits or one digit alone after '-' (-1):
 * the start of its run, or len.  64 bytes at a time, as masks: a log line is
 * full of short digit runs (timestamps, hex ids, IPs), and a branch for
 * each cost more than the rest of the scan. */
static size_t next_code_shape(const unsigned char *s, size_t i, size_t len)
{
    uint64_t digit_before = i > 0 && is_digit(s[i - 1]);
    uint64_t minus_before = i > 0 && s[i - 1] == '-';
    struct bk_marks cur, next = {0};
    if (i < len)
        marks_at(s, i, len, &cur);
    for (size_t b = i; b < len; b += 64, cur = next) {
        next = (struct bk_marks){0};
        if (len - b > 64)
            marks_at(s, b + 64, len, &next);
        uint64_t d = cur.digit;
/* bit k: byte b + k + n is a digit (0 < n < 64) */
#define AHEAD(n) (d >> (n) | next.digit << (64 - (n)))
        uint64_t starts = d & ~(d << 1 | digit_before);
        uint64_t seven = starts & AHEAD(1) & AHEAD(2) & AHEAD(3) & AHEAD(4) &
                         AHEAD(5) & AHEAD(6) & ~AHEAD(7);
        uint64_t minus_one = starts & ~AHEAD(1) & (cur.minus << 1 | minus_before);
#undef AHEAD
        if (seven | minus_one)
            return b + (size_t)__builtin_ctzll(seven | minus_one);
        digit_before = d >> 63, minus_before = cur.minus >> 63;
    }
    return len;
}

/* The end of the run of digits at s[i..len), reading no further than
 * `most` bytes past i (a run longer than that is no code anyway). */
static size_t digits_end(const unsigned char *s, size_t i, size_t len,
                         size_t most)
{
    size_t stop = len - i > most ? i + most : len;
    while (i < stop && is_digit(s[i]))
        i++;
    return i;
}

int bkerr_scan(const bkerr_registry *reg, const char *product,
               const char *text, size_t len, size_t *pos,
               struct bkerr_scan_hit *hit)
{
    if (!pos || (!text && len) || *pos > len ||
        !bk_sized_ok(hit, sizeof(struct bkerr_scan_hit)))
        return BKERR_EINVAL;
    struct bkerr_result probe;
    if (product && bkerr_lookup_product(reg, product, 0, BKERR_LANG_DEFAULT,
                                        &probe) == BKERR_ENOPRODUCT)
        return BKERR_ENOPRODUCT;
    struct scan sc = {.s = (const unsigned char *)text, .len = len};
    const unsigned char *s = sc.s;
    size_t from = *pos, i = from;
    if (i > 0 && i < len && is_digit(s[i - 1]))
        while (i < len && is_digit(s[i])) /* a run begun before pos */
            i++;
    for (;;) {
        i = product ? next_digit(s, i, len) : next_code_shape(s, i, len);
        if (i == len)
            return 0;
        size_t digits = i, end = digits_end(s, i, len, 11);
        i = end;
        if (end - digits > 10) { /* longer than any code */
            while (i < len && is_digit(s[i]))
                i++;
            continue;
        }
        size_t at = digits;
        if (at > 0 && s[at - 1] == '-' && (at == 1 || !is_word(s[at - 2])))
            at--; /* its sign */
        /* without a product, only 7 digits or -1 can be a code: the
         * timestamps, ports and counts of a log stop here */
        bool minus_one = end - at == 2 && at < digits && s[digits] == '1';
        if (at < from || (!product && end - at != 7 && !minus_one))
            continue;
        sc.begins = at < BKERR_SCAN_BEFORE;
        sc.lo = sc.begins ? 0 : at - BKERR_SCAN_BEFORE;
        sc.lim = len - end > BKERR_SCAN_AFTER ? end + BKERR_SCAN_AFTER : len;
        struct bkerr_scan_hit h;
        if (decide(&sc, reg, product, at, digits, end, &h)) {
            bk_sized_put(hit, &h, sizeof h);
            *pos = end;
            return 1;
        }
    }
}
