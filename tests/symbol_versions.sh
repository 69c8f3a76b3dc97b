#!/usr/bin/env bash
# The library's symbol versions: every function bkerr.h declares is
# exported in the libbkerr.map node of the table version that added it,
# and a program that needs a later node fails to start on an older
# library with the dynamic loader's version error, not at its first call.
set -euo pipefail
lib=$BKERR_LIBRARY
src=$BKERR_SOURCE_ROOT
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "symbol_versions: $*" >&2; exit 1; }

# node of each symbol, as the map gives it: "bkerr_message BKERR_1.2"
awk '/^BKERR_[0-9.]+ *\{/ { node = $1 }
     /^ *bkerr_[a-z0-9_]+;/ { gsub(/[ ;]/, ""); print $0, node }' \
    "$src/core/libbkerr.map" | sort >"$tmp/map"
[ -s "$tmp/map" ] || fail "no symbols read from libbkerr.map"

# what the built library exports, with versions: "bkerr_message BKERR_1.2"
readelf --dyn-syms -W "$lib" |
    awk '$7 != "UND" && $8 ~ /^bkerr_/ { split($8, p, "@+"); print p[1], p[2] }' |
    sort >"$tmp/exported"
diff -u "$tmp/map" "$tmp/exported" >"$tmp/d1" ||
    fail "the library's exports differ from libbkerr.map:
$(cat "$tmp/d1")"

# every BKERR_API function of the headers, and nothing else, is in the map
sed -n '/^BKERR_API/,/;/p' "$src/include/bkerr/bkerr.h" | tr '\n' ' ' |
    grep -o 'bkerr_[a-z0-9_]*(' | tr -d '(' | sort -u >"$tmp/declared"
cut -d' ' -f1 "$tmp/map" | sort -u >"$tmp/mapped"
diff -u "$tmp/declared" "$tmp/mapped" >"$tmp/d2" ||
    fail "bkerr.h's functions differ from libbkerr.map's:
$(cat "$tmp/d2")"

# the nodes inherit in order: BKERR_1.1 from BKERR_1.0, ...
prev=
while read -r node parent; do
    [ "$parent" = "$prev" ] || fail "node $node inherits '$parent', not '$prev'"
    prev=$node
done < <(awk '/^BKERR_[0-9.]+ *\{/ { n = $1 }
              /^\}/ { p = $2; sub(/;/, "", p); print n, p }' \
             "$src/core/libbkerr.map")

# A sanitizer build's library wants its runtime loaded first (CI's ASan
# run): the small programs below get it as the test runner's do.
run_env=()
if readelf -d "$lib" | grep -q 'libasan'; then
    run_env=(LD_PRELOAD="$(cc -print-file-name=libasan.so)"
             ASAN_OPTIONS=detect_leaks=0)
fi

# a program calling bkerr_message needs its node ...
node=$(awk '$1 == "bkerr_message" { print $2 }' "$tmp/map")
cat >"$tmp/uses_message.c" <<'C'
#include <stdio.h>
#include <bkerr/bkerr.h>
int main(void)
{
    const char *m = bkerr_message(NULL, -1, BKERR_LANG_EN);
    puts(m ? m : "(none)");
    return 0;
}
C
cc -I"$src/include" -I"$BKERR_BUILD_INCLUDE" -o "$tmp/uses_message" \
    "$tmp/uses_message.c" "$lib"
readelf -V -W "$tmp/uses_message" | grep -q "Name: $node " ||
    fail "a program calling bkerr_message records no need of $node"
answer=$(env "${run_env[@]}" LD_LIBRARY_PATH="$(dirname "$lib")" \
         "$tmp/uses_message" 2>&1) ||
    fail "uses_message does not run on this library: $answer"
[ "$answer" = "System busy" ] || fail "uses_message's answer: $answer"

# ... and an older libbkerr.so.1, whose last node is BKERR_1.1, refuses it
mkdir "$tmp/old"
cat >"$tmp/old.c" <<'C'
int bkerr_prefix(long long code);
int bkerr_prefix(long long code) { return (int)(code / 100000); }
C
printf 'BKERR_1.0 { global: bkerr_prefix; local: *; };\nBKERR_1.1 { } BKERR_1.0;\n' \
    >"$tmp/old.map"
cc -shared -fPIC -Wl,-soname,libbkerr.so.1 -Wl,--version-script="$tmp/old.map" \
    -o "$tmp/old/libbkerr.so.1" "$tmp/old.c"
if out=$(env "${run_env[@]}" LD_LIBRARY_PATH="$tmp/old" "$tmp/uses_message" 2>&1)
then
    fail "a program needing $node ran on a library without it: $out"
fi
case $out in
*"version \`$node' not found"*) ;;
*) fail "expected the loader's version error for $node, got: $out" ;;
esac

# the file's version agrees with its soname: libbkerr.so.1 -> 1.x.y
soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = libbkerr.so.1 ] || fail "soname is '$soname'"
real=$(basename "$(readlink -f "$lib")")
case $real in
libbkerr.so.1.*) ;;
*) fail "the library file is $real, not libbkerr.so.1.*" ;;
esac
echo "symbol_versions: $(wc -l <"$tmp/map") symbols in their nodes; $node enforced"
