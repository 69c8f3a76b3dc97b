/* The names of the public enums, each expanded from its one table in
 * bkerr.h, and the reading of a language's name. */
#include <string.h>

#include "bkerr/bkerr.h"

/* A case of a switch over an enum's table: value -> its name. */
#define NAME_CASE(name, value, text) \
    case name:                       \
        return text;

const char *bkerr_strerror(int err)
{
    switch (err) {
        BKERR_ERROR_MAP(NAME_CASE)
    }
    return "unknown error";
}

const char *bkerr_lang_name(enum bkerr_lang lang)
{
    switch (lang) {
        BKERR_LANG_MAP(NAME_CASE)
    }
    return "unknown";
}

const char *bkerr_status_name(enum bkerr_status status)
{
    switch (status) {
        BKERR_STATUS_MAP(NAME_CASE)
    }
    return "unknown";
}

const char *bkerr_catalog_state_name(enum bkerr_catalog_state state)
{
    switch (state) {
        BKERR_CATALOG_STATE_MAP(NAME_CASE)
    }
    return "unknown";
}

const char *bkerr_severity_name(enum bkerr_severity severity)
{
    switch (severity) {
        BKERR_SEVERITY_MAP(NAME_CASE)
    }
    return "unknown";
}

/* Locale names are language[_REGION][.codeset][@modifier] (POSIX), and
 * BCP 47 tags language[-REGION...]: only the language subtag decides,
 * since bkerr has one text per language.  It is 2-3 letters, compared
 * without case. */
int bkerr_parse_lang(const char *text, enum bkerr_lang *out)
{
    if (!text || !out)
        return BKERR_EINVAL;
    if (strcmp(text, "default") == 0) {
        *out = BKERR_LANG_DEFAULT;
        return 0;
    }
    size_t n = strcspn(text, "_-.@");
    if (n < 2 || n > 3)
        return BKERR_EINVAL;
    char lang[4] = {0};
    for (size_t i = 0; i < n; i++) {
        char ch = text[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch < 'a' || ch > 'z')
            return BKERR_EINVAL;
        lang[i] = ch;
    }
    /* what follows the language must itself be well formed: no blanks,
     * no second language ("zh en"), nothing after an empty separator */
    for (const char *p = text + n; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
              (*p >= '0' && *p <= '9') || strchr("_-.@", *p)) ||
            (strchr("_-.@", *p) && !p[1]))
            return BKERR_EINVAL;
    if (strcmp(lang, "zh") == 0 || strcmp(lang, "zho") == 0 ||
        strcmp(lang, "chi") == 0)
        *out = BKERR_LANG_ZH_CN;
    else if (strcmp(lang, "en") == 0 || strcmp(lang, "eng") == 0)
        *out = BKERR_LANG_EN;
    else
        return BKERR_EINVAL;
    return 0;
}

const char *bkerr_scan_confidence_name(enum bkerr_scan_confidence c)
{
    switch (c) {
        BKERR_SCAN_CONFIDENCE_MAP(NAME_CASE)
    }
    return "unknown";
}
