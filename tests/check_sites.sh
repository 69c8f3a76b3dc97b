#!/bin/sh
# tools/check_sites.py against a real export: a catalog whose upstream is a
# git repository made here, compiled into a plugin and exported by bkerr;
# a site past the file's end and one in a file the commit lacks are each
# reported with the entry that holds them,
# a site in a repository that is not there is counted as unchecked, and a
# catalog whose sites are all good passes.
# Env: BKERR_CATC, BKERR_EXE, BKERR_SOURCE_ROOT (set by meson test).
set -eu
unset BKERR_CONFIG
command -v git >/dev/null || { echo "no git: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
check=$BKERR_SOURCE_ROOT/tools/check_sites.py

# the upstream: acme/widget, two files of 3 and 5 lines
up=$tmp/mirrors/acme+widget
mkdir -p "$up/src"
printf 'package errs\nconst NotFound = 2000404\n\n' >"$up/src/errors.go"
printf 'a\nb\nc\nreturn errs.NotFound\ne\n' >"$up/src/raise.go"
git -C "$up" init -q
git -C "$up" add src
git -C "$up" -c user.name=t -c user.email=t@t commit -q -m upstream
commit=$(git -C "$up" rev-parse HEAD)

# catalog HEAD_SITES: acme's catalog with these entries' sites
catalog() {
    cat <<EOF
[catalog]
id = acme
name_zh = 测试
name_en = Acme
version = 1.0.0
upstream = acme/widget@$commit

[legacy.2000404]
symbol = NotFound
message_zh = 不存在
message_en = Not found
status = active
defined = src/errors.go:2
raised = src/raise.go:4
EOF
    [ "${1:-}" = good ] && return
    cat <<EOF

[legacy.2000405]
symbol = PastTheEnd
message_zh = 越界
message_en = Past the end
status = active
defined = src/errors.go:2
raised = src/raise.go:9 src/gone.go:1 other/repo@$commit:x.go:1
EOF
}

# build NAME: the catalog (good or all) compiled, loaded and exported
build() {
    mkdir -p "$tmp/$1/plugins"
    catalog "$1" >"$tmp/$1/acme.catalog"
    "$BKERR_CATC" -o "$tmp/$1/acme.c" "$tmp/$1/acme.catalog" &&
        ${CC:-cc} -std=c11 -shared -fPIC -I"$BKERR_SOURCE_ROOT/include" \
            -o "$tmp/$1/plugins/acme.so" "$tmp/$1/acme.c" &&
        chmod 755 "$tmp/$1/plugins" &&
        printf '[registry]\nplugin_dir = plugins\n[catalog.acme]\nrequired = true\n' \
            >"$tmp/$1/bkerr.ini" &&
        "$BKERR_EXE" --config "$tmp/$1/bkerr.ini" export --json acme \
            >"$tmp/$1/export.json"
}

if build all; then ok; else bad "the test catalog did not build or export"; fi
rc=0
python3 "$check" --mirrors "$tmp/mirrors" "$tmp/all/export.json" \
    >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 1 ] && ok || bad "bad sites: exit $rc, not 1"
grep -qx "acme legacy.2000405: src/raise.go:9: the file has 5 lines" "$tmp/out" &&
    ok || bad "past the end not reported: $(cat "$tmp/out")"
grep -qx "acme legacy.2000405: src/gone.go:1: no such file in acme/widget@$(echo "$commit" | cut -c1-8)" \
    "$tmp/out" && ok || bad "missing file not reported: $(cat "$tmp/out")"
[ "$(wc -l <"$tmp/out")" -eq 2 ] && ok || bad "not exactly 2 bad sites: $(cat "$tmp/out")"
grep -qx "acme: 6 sites, 2 bad, 1 unchecked (their repository is not under $tmp/mirrors)" \
    "$tmp/err" && ok || bad "counts: $(cat "$tmp/err")"

if build good; then ok; else bad "the good catalog did not build or export"; fi
rc=0
python3 "$check" --mirrors "$tmp/mirrors" <"$tmp/good/export.json" \
    >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ] && ok ||
    bad "good sites: exit $rc, output $(cat "$tmp/out")"
grep -qx "acme: 2 sites, 0 bad" "$tmp/err" && ok || bad "good counts: $(cat "$tmp/err")"

# not an export: a usage error that says what to run
rc=0
echo '[]' | python3 "$check" --mirrors "$tmp/mirrors" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 2 ] && grep -q 'not a bkerr export --json' "$tmp/err" && ok ||
    bad "not an export: exit $rc, $(cat "$tmp/err")"

echo "check_sites: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
