#!/bin/sh
# bkerr-catc --header and --python: the constants are compiler output.  A
# header compiles beside <bkerr/bkerr.h> and its constants are the
# catalog's codes; the Python module imports with the same ones; a symbol
# that would make a name the installed headers use gets its code appended
# (the list is read from the headers at build time); and for every bundled
# catalog the constants are those `bkerr export` gives for it loaded.
# Env: BKERR_CATC, BKERR_EXE, BKERR_SOURCE_ROOT, BKERR_BUILD_INCLUDE,
# BKERR_DEVENV_CONFIG (set by meson test).
set -eu
unset BKERR_CONFIG
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
cc=${CC:-cc}
plugins=$BKERR_SOURCE_ROOT/plugins

# compile NAME.c: with the public headers, as a user of them would.
compile() {
    $cc -std=c11 -Wall -Wextra -Werror -pedantic \
        -I"$BKERR_SOURCE_ROOT/include" -I"$BKERR_BUILD_INCLUDE" \
        -I"$tmp" -o "$tmp/$1" "$tmp/$1.c"
}

# ---- a bundled catalog: header and module ---------------------------------

"$BKERR_CATC" --header "$tmp/cmdb_codes.h" --python "$tmp/cmdb_codes.py" \
    "$plugins/cmdb/cmdb.catalog" >"$tmp/stdout"
if [ ! -s "$tmp/stdout" ] && [ -s "$tmp/cmdb_codes.h" ]; then ok
else bad "--header/--python wrote to stdout, or no header"; fi

# every constant, printed by a program that includes the header
{
    printf '#include <stdio.h>\n#include <bkerr/bkerr.h>\n'
    printf '#include "cmdb_codes.h"\n#include "cmdb_codes.h"\n'
    printf 'int main(void)\n{\n'
    sed -n 's/^#define \(BKERR_[A-Z0-9_]*\) .*/    printf("%s %lld\\n", "\1", (long long)\1);/p' \
        "$tmp/cmdb_codes.h"
    printf '    return 0;\n}\n'
} >"$tmp/use.c"
if compile use && "$tmp/use" >"$tmp/c.txt" && [ -s "$tmp/c.txt" ]; then ok
else bad "the header does not compile beside <bkerr/bkerr.h>"; fi

"$BKERR_EXE" --config "$BKERR_DEVENV_CONFIG" --json export cmdb >"$tmp/cmdb.json"
if PYTHONPATH=$tmp python3 - "$tmp/c.txt" "$tmp/cmdb.json" <<'PY'
import json, sys
import cmdb_codes as m
c = {n: int(v) for n, v in (l.split() for l in open(sys.argv[1]))}
py = {n: getattr(m, n) for n in m.__all__}
assert c == py, "the header and the module differ"
assert m.BKERR_CMDB_CCERRCOMMJSONUNMARSHALFAILED == 1199000
assert m.BKERR_CMDB_CCSYSTEMUNKNOWNERROR == -2
codes = {e["code"] for e in json.load(open(sys.argv[2]))["catalogs"][0]["entries"]}
assert set(py.values()) == codes, sorted(set(py.values()) ^ codes)[:5]
PY
then ok; else bad "the constants are not cmdb's codes"; fi

# ---- names the installed headers use ----------------------------------------

# BKERR_OPEN_LAZY, BKERR_OPEN_VERIFY and BKERR_PRESENT_WORDS were missing
# from the hand-kept list this replaced.
cat >"$tmp/open.catalog" <<'END'
[catalog]
id = open
prefix = 18
name_en = Open
version = 1

[1800001]
symbol = LAZY
message_en = a

[1800002]
symbol = VERIFY
message_en = b

[1800003]
symbol = FAST
message_en = c
END
sed -e 's/^id = open/id = present/' -e 's/^prefix = 18/prefix = 27/' \
    -e 's/^\[18/[27/' -e 's/^symbol = LAZY/symbol = WORDS/' \
    "$tmp/open.catalog" >"$tmp/present.catalog"
"$BKERR_CATC" --header "$tmp/open.h" -o "$tmp/open.c" "$tmp/open.catalog"
"$BKERR_CATC" --header "$tmp/present.h" --python "$tmp/present.py" \
    -o "$tmp/present.c" "$tmp/present.catalog"
if grep -q '^#define BKERR_OPEN_LAZY_1800001 1800001 ' "$tmp/open.h" &&
   grep -q '^#define BKERR_OPEN_VERIFY_1800002 1800002 ' "$tmp/open.h" &&
   grep -q '^#define BKERR_OPEN_FAST 1800003 ' "$tmp/open.h" &&
   grep -q '^#define BKERR_PRESENT_WORDS_2700001 2700001 ' "$tmp/present.h" &&
   grep -q '^BKERR_PRESENT_WORDS_2700001 = 2700001 ' "$tmp/present.py"
then ok; else bad "reserved names: $(grep -h '^#define BKERR' "$tmp/open.h" "$tmp/present.h")"; fi
printf '#include <bkerr/bkerr.h>\n#include "open.h"\n#include "present.h"\nint main(void) { return BKERR_OPEN_LAZY_1800001 == 1800001 ? 0 : 1; }\n' \
    >"$tmp/both.c"
if compile both && "$tmp/both"; then ok
else bad "the headers of open and present clash with <bkerr/bkerr.h>"; fi

# the same names from the registry, through bkerr export
mkdir "$tmp/plugins"
for id in open present; do
    $cc -std=c11 -Wall -Werror -shared -fPIC -I"$BKERR_SOURCE_ROOT/include" \
        -o "$tmp/plugins/$id.so" "$tmp/$id.c"
done
chmod 755 "$tmp/plugins"
cat >"$tmp/bkerr.ini" <<'END'
[registry]
plugin_dir = plugins
fatal = true
[platform.18]
id = open
[platform.27]
id = present
[catalog.open]
[catalog.present]
END
"$BKERR_EXE" --config "$tmp/bkerr.ini" export --format c-defines >"$tmp/all.h"
if grep -q '^#define BKERR_OPEN_LAZY_1800001 ' "$tmp/all.h" &&
   grep -q '^#define BKERR_PRESENT_WORDS_2700001 ' "$tmp/all.h"
then ok; else bad "export's reserved names: $(grep '^#define' "$tmp/all.h")"; fi

# ---- every bundled catalog: the constants bkerr export gives ----------------

# The first three lines name the generator; the rest is the same text.
for catalog in "$plugins"/*/*.catalog; do
    id=$(basename "$catalog" .catalog)
    for lang in zh_CN en; do
        "$BKERR_CATC" --lang $lang --header "$tmp/h" --python "$tmp/p" "$catalog"
        "$BKERR_EXE" --config "$BKERR_DEVENV_CONFIG" --lang $lang \
            export --format c-defines "$id" >"$tmp/eh"
        "$BKERR_EXE" --config "$BKERR_DEVENV_CONFIG" --lang $lang \
            export --format python-defines "$id" >"$tmp/ep"
        if [ "$(tail -n +4 "$tmp/h")" = "$(tail -n +4 "$tmp/eh")" ] &&
           [ "$(tail -n +4 "$tmp/p")" = "$(tail -n +4 "$tmp/ep")" ]
        then ok; else bad "$id ($lang): catc's constants differ from export's"; fi
    done
done

# ---- usage -----------------------------------------------------------------

if "$BKERR_CATC" --check --header "$tmp/x.h" "$plugins/cmdb/cmdb.catalog" \
        2>/dev/null; then bad "--check with --header accepted"
elif [ -e "$tmp/x.h" ]; then bad "--check wrote a header"; else ok; fi
if "$BKERR_CATC" --lang fr --header "$tmp/x.h" "$plugins/cmdb/cmdb.catalog" \
        2>"$tmp/err"; then bad "--lang fr accepted"
elif grep -q "write zh_CN or en" "$tmp/err"; then ok
else bad "--lang fr: $(cat "$tmp/err")"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
