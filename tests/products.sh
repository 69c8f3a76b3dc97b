#!/bin/sh
# plugins/products.txt is the one list of bundled catalogs: README.md's
# table lists exactly those products (each with its source file, and the
# count in the text above it), every plugins/<id>/ folder is one of them,
# and the shipped bkerr.ini the build generates enables exactly them.
# Env: BKERR_SOURCE_ROOT, BKERR_DEVENV_CONFIG (set by meson test).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
root=$BKERR_SOURCE_ROOT

grep -v -e '^#' -e '^ *$' "$root/plugins/products.txt" >"$tmp/list"
sort "$tmp/list" >"$tmp/want"
n=$(wc -l <"$tmp/want")
if [ "$n" -gt 0 ] && [ -z "$(uniq -d "$tmp/want")" ]; then ok
else bad "products.txt: empty, or an id twice: $(uniq -d "$tmp/want")"; fi

# the README's table: | catalog | prefix | product | source file |
awk '/^\| catalog \| prefix \| product \| source file \|$/ { on = 1; next }
     on && /^\|---/ { next }
     on && /^\|/ { print; next }
     on { exit }' "$root/README.md" >"$tmp/table"
cut -d'|' -f2 "$tmp/table" | tr -d ' ' | sort >"$tmp/readme"
if cmp -s "$tmp/want" "$tmp/readme"; then ok
else bad "README.md's table and products.txt differ: $(diff "$tmp/want" "$tmp/readme" | grep '^[<>]' | tr '\n' ' ')"; fi
sed -n 's/^| \([a-z0-9_]*\) | .* | `plugins\/\([a-z0-9_]*\)\/\([a-z0-9_]*\)\.catalog` |$/\1 \2 \3/p' \
    "$tmp/table" | awk '$1 == $2 && $1 == $3' | wc -l >"$tmp/sources"
if [ "$(cat "$tmp/sources")" -eq "$n" ]; then ok
else bad "README.md: a row's source file is not plugins/<id>/<id>.catalog"; fi
if grep -q "enables all $n of them" "$root/README.md"; then ok
else bad "README.md does not say 'enables all $n of them'"; fi

# the folders under plugins/: one per product, each with its catalog
(cd "$root/plugins" && for d in */; do echo "${d%/}"; done) | sort >"$tmp/dirs"
if cmp -s "$tmp/want" "$tmp/dirs"; then ok
else bad "plugins/ folders and products.txt differ: $(diff "$tmp/want" "$tmp/dirs" | grep '^[<>]' | tr '\n' ' ')"; fi
missing=$(while read -r id; do [ -f "$root/plugins/$id/$id.catalog" ] || echo "$id"; done <"$tmp/list")
if [ -z "$missing" ]; then ok; else bad "no catalog source for: $missing"; fi

# the generated bkerr.ini: one section per product, in the list's order
sed -n 's/^\[catalog\.\(.*\)\]$/\1/p' "$BKERR_DEVENV_CONFIG" >"$tmp/ini"
if cmp -s "$tmp/list" "$tmp/ini"; then ok
else bad "the generated bkerr.ini's catalogs are not products.txt's"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
