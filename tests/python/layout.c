/* Prints the size of every struct of <bkerr/bkerr.h> and the offset of
 * each member, as JSON, for test_layout.py to compare with the ctypes
 * mirrors of the Python binding.  Built by tests/meson.build; it does not
 * link libbkerr. */
#include <stddef.h>
#include <stdio.h>

#include <bkerr/bkerr.h>

static int first = 1;

static void member(const char *s, const char *m, size_t off)
{
    printf("%s\n  \"%s.%s\": %zu", first ? "" : ",", s, m, off);
    first = 0;
}

#define SIZE(S) member(#S, "__size__", sizeof(struct S))
#define OFF(S, M) member(#S, #M, offsetof(struct S, M))
#define CONST(X) printf(",\n  \"const.%s\": %d", #X, (int)(X))
/* a row of an X-macro table: its value as a constant, and its name */
#define ROW(name, value, text)                                              \
    CONST(name);                                                            \
    printf(",\n  \"name.%s\": \"%s\"", #name, text);

int main(void)
{
    printf("{");
    SIZE(bkerr_platform);
    OFF(bkerr_platform, prefix);
    OFF(bkerr_platform, category);
    OFF(bkerr_platform, id);
    OFF(bkerr_platform, name_zh);
    OFF(bkerr_platform, name_en);
    OFF(bkerr_platform, admin);

    SIZE(bkerr_result);
    OFF(bkerr_result, status);
    OFF(bkerr_result, klass);
    OFF(bkerr_result, code);
    OFF(bkerr_result, platform);
    OFF(bkerr_result, catalog);
    OFF(bkerr_result, catalog_version);
    OFF(bkerr_result, symbol);
    OFF(bkerr_result, message);
    OFF(bkerr_result, advice);
    OFF(bkerr_result, module);
    OFF(bkerr_result, message_lang);
    OFF(bkerr_result, advice_lang);
    OFF(bkerr_result, advice_inherited);
    OFF(bkerr_result, reason);
    OFF(bkerr_result, code_status);
    OFF(bkerr_result, upstream);
    OFF(bkerr_result, upstream_version);
    OFF(bkerr_result, defined);
    OFF(bkerr_result, raised);
    OFF(bkerr_result, docs);
    OFF(bkerr_result, note);
    OFF(bkerr_result, note_lang);
    OFF(bkerr_result, variant);
    OFF(bkerr_result, n_variants);
    OFF(bkerr_result, guest);
    OFF(bkerr_result, n_guests);

    SIZE(bkerr_arg);
    OFF(bkerr_arg, name);
    OFF(bkerr_arg, value);

    SIZE(bkerr_catalog_status);
    OFF(bkerr_catalog_status, id);
    OFF(bkerr_catalog_status, path);
    OFF(bkerr_catalog_status, state);
    OFF(bkerr_catalog_status, required);
    OFF(bkerr_catalog_status, reason);
    OFF(bkerr_catalog_status, prefix);
    OFF(bkerr_catalog_status, name_zh);
    OFF(bkerr_catalog_status, name_en);
    OFF(bkerr_catalog_status, version);
    OFF(bkerr_catalog_status, origin);
    OFF(bkerr_catalog_status, n_entries);
    OFF(bkerr_catalog_status, n_ranges);
    OFF(bkerr_catalog_status, n_legacy);
    OFF(bkerr_catalog_status, line);
    OFF(bkerr_catalog_status, upstream);
    OFF(bkerr_catalog_status, upstream_version);
    OFF(bkerr_catalog_status, n_variants);

    SIZE(bkerr_open_options);
    OFF(bkerr_open_options, size);
    OFF(bkerr_open_options, flags);
    OFF(bkerr_open_options, only);

    SIZE(bkerr_spec_code);
    OFF(bkerr_spec_code, size);
    OFF(bkerr_spec_code, code);
    OFF(bkerr_spec_code, name_zh);
    OFF(bkerr_spec_code, name_en);
    OFF(bkerr_spec_code, advice_zh);
    OFF(bkerr_spec_code, advice_en);

    SIZE(bkerr_category_info);
    OFF(bkerr_category_info, size);
    OFF(bkerr_category_info, category);
    OFF(bkerr_category_info, first);
    OFF(bkerr_category_info, last);
    OFF(bkerr_category_info, name_zh);
    OFF(bkerr_category_info, name_en);

    SIZE(bkerr_product);
    OFF(bkerr_product, size);
    OFF(bkerr_product, id);
    OFF(bkerr_product, prefix);
    OFF(bkerr_product, category);
    OFF(bkerr_product, name_zh);
    OFF(bkerr_product, name_en);
    OFF(bkerr_product, admin);
    OFF(bkerr_product, file);
    OFF(bkerr_product, line);
    OFF(bkerr_product, has_catalog);
    OFF(bkerr_product, catalog);

    SIZE(bkerr_range_info);
    OFF(bkerr_range_info, size);
    OFF(bkerr_range_info, first);
    OFF(bkerr_range_info, last);
    OFF(bkerr_range_info, module);
    OFF(bkerr_range_info, advice);
    OFF(bkerr_range_info, advice_lang);

    SIZE(bkerr_diagnostic);
    OFF(bkerr_diagnostic, size);
    OFF(bkerr_diagnostic, severity);
    OFF(bkerr_diagnostic, file);
    OFF(bkerr_diagnostic, line);
    OFF(bkerr_diagnostic, catalog);
    OFF(bkerr_diagnostic, message);

    SIZE(bkerr_scan_hit);
    OFF(bkerr_scan_hit, size);
    OFF(bkerr_scan_hit, confidence);
    OFF(bkerr_scan_hit, code);
    OFF(bkerr_scan_hit, offset);
    OFF(bkerr_scan_hit, length);
    OFF(bkerr_scan_hit, key_offset);
    OFF(bkerr_scan_hit, key_length);

    SIZE(bkerr_capture);
    OFF(bkerr_capture, name);
    OFF(bkerr_capture, start);
    OFF(bkerr_capture, end);

    SIZE(bkerr_match);
    OFF(bkerr_match, size);
    OFF(bkerr_match, lang);
    OFF(bkerr_match, code);
    OFF(bkerr_match, catalog);
    OFF(bkerr_match, entry);
    OFF(bkerr_match, variant);
    OFF(bkerr_match, message);
    OFF(bkerr_match, start);
    OFF(bkerr_match, end);
    OFF(bkerr_match, literal);
    OFF(bkerr_match, n_captures);
    OFF(bkerr_match, captures);

    SIZE(bkerr_api);
    OFF(bkerr_api, version);
    OFF(bkerr_api, size);
    OFF(bkerr_api, library_version);
    OFF(bkerr_api, parse_code);
    OFF(bkerr_api, classify);
    OFF(bkerr_api, prefix);
    OFF(bkerr_api, open);
    OFF(bkerr_api, close);
    OFF(bkerr_api, default_config);
    OFF(bkerr_api, config_path);
    OFF(bkerr_api, default_lang);
    OFF(bkerr_api, lookup);
    OFF(bkerr_api, lookup_product);
    OFF(bkerr_api, fill);
    OFF(bkerr_api, format);
    OFF(bkerr_api, platform);
    OFF(bkerr_api, category_name);
    OFF(bkerr_api, status_name);
    OFF(bkerr_api, catalog_count);
    OFF(bkerr_api, catalog_status);
    OFF(bkerr_api, open_with);
    OFF(bkerr_api, catalog_entry);
    OFF(bkerr_api, live_open);
    OFF(bkerr_api, live_acquire);
    OFF(bkerr_api, live_release);
    OFF(bkerr_api, live_reload);
    OFF(bkerr_api, live_close);
    OFF(bkerr_api, catalog_state_name);
    OFF(bkerr_api, message);
    OFF(bkerr_api, lookup_variant);
    OFF(bkerr_api, code_status_name);
    OFF(bkerr_api, lookup_guest);
    OFF(bkerr_api, strerror);
    OFF(bkerr_api, lang_name);
    OFF(bkerr_api, parse_lang);
    OFF(bkerr_api, special);
    OFF(bkerr_api, generic);
    OFF(bkerr_api, category);
    OFF(bkerr_api, product);
    OFF(bkerr_api, product_at);
    OFF(bkerr_api, catalog_find);
    OFF(bkerr_api, catalog_range);
    OFF(bkerr_api, lookup_symbol);
    OFF(bkerr_api, severity_name);
    OFF(bkerr_api, diagnostic_count);
    OFF(bkerr_api, diagnostic);
    OFF(bkerr_api, match);
    OFF(bkerr_api, scan);
    OFF(bkerr_api, scan_confidence_name);

    /* the constants and enum values the binding mirrors */
    printf(",\n  \"sizeof.enum\": %zu", sizeof(enum bkerr_status));
    CONST(BKERR_API_VERSION);
    CONST(BKERR_ERRMSG_SIZE);
    BKERR_ERROR_MAP(ROW)
    CONST(BKERR_CAT_NONE);
    CONST(BKERR_CAT_SPECIAL);
    CONST(BKERR_CAT_PLATFORM);
    CONST(BKERR_CAT_SAAS);
    CONST(BKERR_CAT_PUBLIC);
    CONST(BKERR_CAT_THIRD_PARTY);
    CONST(BKERR_CAT_COMMON);
    CONST(BKERR_CLASS_SPECIAL);
    CONST(BKERR_CLASS_STANDARD);
    CONST(BKERR_CLASS_NONSTANDARD);
    CONST(BKERR_OPEN_NO_LOAD);
    CONST(BKERR_OPEN_KEEP_GOING);
    CONST(BKERR_MATCH_CAPTURES);
    CONST(BKERR_MATCH_TELLING_LITERAL);
    CONST(BKERR_MATCH_TELLING_TIES);
    /* the enums written as X-macro tables: every row, value and name */
    BKERR_LANG_MAP(ROW)
    BKERR_STATUS_MAP(ROW)
    BKERR_CATALOG_STATE_MAP(ROW)
    BKERR_CODE_STATUS_MAP(ROW)
    BKERR_SEVERITY_MAP(ROW)
    BKERR_SCAN_CONFIDENCE_MAP(ROW)
    printf("\n}\n");
    return 0;
}
