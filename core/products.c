/* Products: a prefix allocated to an id (by the spec or an admin's
 * [platform.NN]), or the id of a catalog that has no allocation; and the
 * one rule for a product's display name, which lookups (result.platform),
 * bkerr_catalog_status() and bkerr_product() all give. */
#include "products.h"

#include <string.h>

#include "registry.h"
#include "common/sized.h"
#include "common/spec.h"

static const char *nonempty(const char *s)
{
    return s && *s ? s : NULL;
}

void bk_display_name(const bkerr_registry *reg, int prefix,
                     const struct bkerr_catalog *d, const char **zh,
                     const char **en)
{
    *zh = *en = NULL;
    if (prefix) {
        struct bkerr_platform p;
        bkerr_platform(reg, prefix, &p);
        *zh = p.name_zh, *en = p.name_en;
    } else if (d) {
        *zh = nonempty(d->name_zh), *en = nonempty(d->name_en);
    }
}

int bkerr_catalog_find(const bkerr_registry *reg, const char *id,
                       size_t *index)
{
    if (!reg || !id || !index)
        return BKERR_EINVAL;
    for (size_t i = 0; i < reg->n_slots; i++)
        if (strcmp(reg->slots[i].st.id, id) == 0) {
            *index = i;
            return 0;
        }
    return BKERR_ENOTFOUND;
}

/* The line of prefix's [platform.NN] section. */
static int admin_line(const bkerr_registry *reg, int prefix)
{
    for (size_t i = 0; i < reg->n_admin; i++)
        if (reg->admin[i].prefix == prefix)
            return reg->admin[i].line;
    return 0;
}

/* Fills *out with the product of prefix's row, or returns ENOPRODUCT for
 * an unassigned slot. */
static int product_at(const bkerr_registry *reg, int prefix,
                      struct bkerr_product *out)
{
    struct bkerr_platform p;
    if (bkerr_platform(reg, prefix, &p) != 1)
        return BKERR_ENOPRODUCT;
    struct bkerr_product v = {.size = sizeof v, .id = p.id, .prefix = prefix,
                              .category = p.category, .admin = p.admin};
    bk_display_name(reg, prefix, NULL, &v.name_zh, &v.name_en);
    if (p.admin) {
        v.file = reg->config_path;
        v.line = admin_line(reg, prefix);
    }
    v.has_catalog = reg && bkerr_catalog_find(reg, p.id, &v.catalog) == 0;
    bk_sized_put(out, &v, sizeof v);
    return 0;
}

int bkerr_product_at(const bkerr_registry *reg, int prefix,
                     struct bkerr_product *out)
{
    if (!bk_sized_ok(out, sizeof *out) || prefix < 10 ||
        prefix >= BK_PREFIX_SLOTS)
        return BKERR_EINVAL;
    return product_at(reg, prefix, out);
}

int bkerr_product(const bkerr_registry *reg, const char *id,
                  struct bkerr_product *out)
{
    if (!id || !bk_sized_ok(out, sizeof *out))
        return BKERR_EINVAL;
    int prefix = bk_prefix_of_id(reg, id);
    if (prefix)
        return product_at(reg, prefix, out);
    size_t i;
    if (!reg || bkerr_catalog_find(reg, id, &i) != 0)
        return BKERR_ENOPRODUCT;
    /* a catalog without an allocation: only it can name the product */
    const struct bk_slot *slot = bk_slot_ready(reg, &reg->slots[i]);
    struct bkerr_product v = {.size = sizeof v, .id = reg->slots[i].st.id,
                              .category = BKERR_CAT_NONE,
                              .has_catalog = true, .catalog = i};
    bk_display_name(reg, 0, slot ? slot->cat.desc : NULL, &v.name_zh,
                    &v.name_en);
    bk_sized_put(out, &v, sizeof v);
    return 0;
}
