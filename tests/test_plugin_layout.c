/* The catalog ABI's layout, member by member: plugins built against any
 * minor of major 1 are read by offset, so a member that moves breaks every
 * catalog already built.  The offsets are those of the LP64 ABI (x86_64,
 * aarch64); on other data models only the order is checked. */
#include <assert.h>
#include <stddef.h>
#include <stdio.h>

#include <bkerr/plugin.h>

#define AT(S, M, OFF) static_assert(offsetof(struct S, M) == (OFF), #S "." #M)
#define AFTER(S, A, B) \
    static_assert(offsetof(struct S, A) < offsetof(struct S, B), #A " < " #B)

/* Order, everywhere. */
AFTER(bkerr_catalog, size, id);
AFTER(bkerr_catalog, n_legacy, packed);
AFTER(bkerr_catalog, packed, upstream);
AFTER(bkerr_catalog, upstream_version, about);
AFTER(bkerr_catalog, legacy_about, variants);
AFTER(bkerr_variant, entry, about);

#if defined(__LP64__)
/* ABI 1.0 */
AT(bkerr_entry, code, 0);
AT(bkerr_entry, symbol, 8);
AT(bkerr_entry, advice_en, 40);
static_assert(sizeof(struct bkerr_entry) == 48, "bkerr_entry");
AT(bkerr_range, first, 0);
AT(bkerr_range, advice_en, 32);
static_assert(sizeof(struct bkerr_range) == 40, "bkerr_range");
AT(bkerr_catalog, abi_major, 0);
AT(bkerr_catalog, abi_minor, 2);
AT(bkerr_catalog, size, 4);
AT(bkerr_catalog, id, 8);
AT(bkerr_catalog, prefix, 16);
AT(bkerr_catalog, name_zh, 24);
AT(bkerr_catalog, entries, 56);
AT(bkerr_catalog, n_legacy, 96);
/* ABI 1.1 */
AT(bkerr_catalog, packed, 104);
static_assert(sizeof(struct bkerr_packed_entry) == 24, "bkerr_packed_entry");
AT(bkerr_packed, present, 0);
AT(bkerr_packed, entries, 8);
AT(bkerr_packed, n_entries, 16);
AT(bkerr_packed, pool, 24);
AT(bkerr_packed, pool_size, 32);
/* ABI 1.2 */
AT(bkerr_catalog, upstream, 112);
AT(bkerr_catalog, upstream_version, 120);
AT(bkerr_catalog, about, 128);
AT(bkerr_catalog, packed_about, 136);
AT(bkerr_catalog, legacy_about, 144);
AT(bkerr_catalog, variants, 152);
AT(bkerr_catalog, n_variants, 160);
static_assert(sizeof(struct bkerr_catalog) == 168, "bkerr_catalog 1.2");
AT(bkerr_about, status, 0);
AT(bkerr_about, n_variants, 4);
AT(bkerr_about, defined, 8);
AT(bkerr_about, note_en, 40);
static_assert(sizeof(struct bkerr_about) == 48, "bkerr_about");
AT(bkerr_packed_about, status, 0);
AT(bkerr_packed_about, n_variants, 2);
AT(bkerr_packed_about, defined, 4);
AT(bkerr_packed_about, note_en, 20);
static_assert(sizeof(struct bkerr_packed_about) == 24, "bkerr_packed_about");
AT(bkerr_variant, about, 48);
static_assert(sizeof(struct bkerr_variant) == 96, "bkerr_variant");
#endif

int main(void)
{
    /* the values are checked when this file compiles */
    puts("1 passed, 0 failed");
    return 0;
}
