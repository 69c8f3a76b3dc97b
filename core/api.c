/* The versioned function table: a dlopen user resolves one symbol. */
#include "bkerr/bkerr.h"

static const struct bkerr_api api = {
    .version = BKERR_API_VERSION,
    .size = sizeof(struct bkerr_api),
    .library_version = BKERR_VERSION,
    .parse_code = bkerr_parse_code,
    .classify = bkerr_classify,
    .prefix = bkerr_prefix,
    .open = bkerr_open,
    .close = bkerr_close,
    .default_config = bkerr_default_config,
    .config_path = bkerr_config_path,
    .default_lang = bkerr_default_lang,
    .lookup = bkerr_lookup,
    .lookup_product = bkerr_lookup_product,
    .fill = bkerr_fill,
    .format = bkerr_format,
    .platform = bkerr_platform,
    .category_name = bkerr_category_name,
    .status_name = bkerr_status_name,
    .catalog_count = bkerr_catalog_count,
    .catalog_status = bkerr_catalog_status,
    .open_with = bkerr_open_with,
    .catalog_entry = bkerr_catalog_entry,
    .live_open = bkerr_live_open,
    .live_acquire = bkerr_live_acquire,
    .live_release = bkerr_live_release,
    .live_reload = bkerr_live_reload,
    .live_close = bkerr_live_close,
    .catalog_state_name = bkerr_catalog_state_name,
    .message = bkerr_message,
    .lookup_variant = bkerr_lookup_variant,
    .code_status_name = bkerr_code_status_name,
    .lookup_guest = bkerr_lookup_guest,
    .strerror = bkerr_strerror,
    .lang_name = bkerr_lang_name,
    .parse_lang = bkerr_parse_lang,
    .special = bkerr_special,
    .generic = bkerr_generic,
    .category = bkerr_category,
    .product = bkerr_product,
    .product_at = bkerr_product_at,
    .catalog_find = bkerr_catalog_find,
    .catalog_range = bkerr_catalog_range,
    .lookup_symbol = bkerr_lookup_symbol,
    .severity_name = bkerr_severity_name,
    .diagnostic_count = bkerr_diagnostic_count,
    .diagnostic = bkerr_diagnostic,
    /* version 6 */
    .match = bkerr_match,
    .scan = bkerr_scan,
    .scan_confidence_name = bkerr_scan_confidence_name,
};

const struct bkerr_api *bkerr_api(uint32_t min_version)
{
    return min_version >= 1 && min_version <= BKERR_API_VERSION ? &api
                                                                : NULL;
}
