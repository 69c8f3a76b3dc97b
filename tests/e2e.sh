#!/bin/sh
# End-to-end: the real bkerr binary against real bkerr.ini files, the built
# catalogs (plugins/) and the test catalogs (tests/plugins/).  Run by
# `meson test e2e`, which sets the environment below.
set -eu

: "${BKERR_EXE:?run me with meson test (BKERR_EXE unset)}"
: "${BKERR_TEST_PLUGINS:?run me with meson test}"
: "${BKERR_BUILD_PLUGINS:?run me with meson test}"
: "${BKERR_SOURCE_ROOT:?run me with meson test}"
: "${BKERR_DEVENV_CONFIG:?run me with meson test}"

# Nothing from the caller's shell may choose the config behind our back.
unset BKERR_CONFIG BKERR_LANG
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bkerr-e2e-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

. "$(dirname "$0")/check.sh"

bkerr="$BKERR_EXE"
conf="$BKERR_DEVENV_CONFIG"

# ---- the build tree's copy of the shipped bkerr.ini --------------------------

run "$bkerr" --config "$conf" 1199000
exit_is 0
out_has CCErrCommJSONUnmarshalFailed
out_has 配置平台
out_has 反序列化JSON数据失败
out_has 1199000
err_empty

run "$bkerr" --config "$conf" --lang en 1199000
exit_is 0
out_has CCErrCommJSONUnmarshalFailed
out_has "Deserializing JSON data failed"
out_lacks 反序列化
err_empty

run "$bkerr" --lang zh_CN --config "$conf" 1199000
exit_is 0
out_has 反序列化JSON数据失败

run env BKERR_CONFIG="$conf" "$bkerr" 1199000
exit_is 0
out_has CCErrCommJSONUnmarshalFailed
out_has 配置平台

# the "lookup" word is optional
run env BKERR_CONFIG="$conf" "$bkerr" lookup 1199000
exit_is 0
out_has CCErrCommJSONUnmarshalFailed

# --config wins over $BKERR_CONFIG
run env BKERR_CONFIG="$tmp/nonexistent.ini" "$bkerr" --config "$conf" 1199000
exit_is 0
out_has CCErrCommJSONUnmarshalFailed

# ---- special codes, options and bad input ------------------------------------

run "$bkerr" --config "$conf" -1
exit_is 0
out_has 系统繁忙

run "$bkerr" --config "$conf" 0
exit_is 0
out_has 请求成功

run "$bkerr" --config "$conf" --lang en -1
exit_is 0
out_has "System busy"

run "$bkerr" --config "$conf" abc
exit_is 2
err_has "'abc' is not a code"

run "$bkerr" --config "$conf" 01199000
exit_is 2
err_has "not a code"

run "$bkerr" --config "$conf" 3001
exit_is 2

run "$bkerr" --config "$conf" --lang en --product cmdb 3001
exit_is 0
out_has CCErrCommJsonDecode
out_has "json decode failed!"

run "$bkerr" --config "$conf" --product nosuch 1199000
exit_is 2
err_has "--product 'nosuch'"

# job (12) is assigned but has no catalog here
run "$bkerr" --config "$conf" 1234567
exit_is 1
out_has 1234567
out_has 作业平台

# 33 is an unassigned slot of the spec
run "$bkerr" --config "$conf" 3312345
exit_is 1
out_has 3312345

# a code the spec's generic table answers under an assigned prefix
run "$bkerr" --config "$conf" 1204000
exit_is 0
out_has 请求参数非法

# several codes: each printed, the worst status wins
run "$bkerr" --config "$conf" 1199000 -1 1199001
exit_is 0
out_has CCErrCommJSONUnmarshalFailed
out_has 系统繁忙
out_has CCErrCommJSONMarshalFailed
out_count CCErrCommJSONUnmarshalFailed 1

run "$bkerr" --config "$conf" 1199000 1234567
exit_is 1
out_has CCErrCommJSONUnmarshalFailed
out_has 1234567

run "$bkerr" --config "$conf" 1234567 abc 1199000
exit_is 2
out_has CCErrCommJSONUnmarshalFailed
out_has 1234567
err_has "'abc' is not a code"

run "$bkerr" --help
exit_is 0
out_has "usage: bkerr"
out_has "--product ID"

run "$bkerr" -h
exit_is 0
out_has "usage: bkerr"

version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" \
    "$BKERR_SOURCE_ROOT/meson.build" | head -n 1)
run "$bkerr" --version
exit_is 0
if [ -n "$version" ] && [ "$out" = "bkerr $version" ]; then
    pass
else
    fail "--version" "bkerr $version (meson.build's project version)" "$out"
fi

run "$bkerr" --frobnicate 1199000
exit_is 2
err_has "unknown option '--frobnicate'"

run "$bkerr" --config "$conf"
exit_is 2
err_has "no code given"

run "$bkerr" 1199000 --config
exit_is 2
err_has "--config needs a value"

run "$bkerr" --config "$conf" --lang fr 1199000
exit_is 2
err_has "--lang 'fr'"

# ---- broken and unusual bkerr.ini files --------------------------------------

mkdir "$tmp/broken"
printf '[registry]\nlang = en\n\nlnag = zh_CN\n' >"$tmp/broken/bkerr.ini"
run "$bkerr" --config "$tmp/broken/bkerr.ini" 1199000
exit_is 3
err_has "bkerr.ini:4:"
err_has "unknown key 'lnag' in [registry]; did you mean 'lang'?"
out_empty

printf '[registry]\n[platform.11]\nid = mine\n' >"$tmp/broken/bkerr.ini"
run env BKERR_CONFIG="$tmp/broken/bkerr.ini" "$bkerr" 1199000
exit_is 3
err_has "bkerr.ini:2:"
err_has "already allocates prefix 11 to 'cmdb'"

run "$bkerr" --config "$tmp/nonexistent.ini" 1199000
exit_is 3
err_has "cannot open"

run "$bkerr" --config "$tmp" 1199000
exit_is 3
err_has "is a directory"

# a catalog that is enabled but missing: a warning, and the rest still answers
mkdir "$tmp/missing"
cat >"$tmp/missing/bkerr.ini" <<EOF
[registry]
plugin_dir = $BKERR_BUILD_PLUGINS

[catalog.cmdb]

[catalog.nosuch]
required = false
EOF
run "$bkerr" --config "$tmp/missing/bkerr.ini" 1199000
exit_is 0
err_has "warning: catalog 'nosuch' not loaded"
err_has "nosuch.so"
out_has CCErrCommJSONUnmarshalFailed

# ... unless it is required
sed 's/^required = false$/required = true/' "$tmp/missing/bkerr.ini" \
    >"$tmp/missing/required.ini"
mv "$tmp/missing/required.ini" "$tmp/missing/bkerr.ini"
run "$bkerr" --config "$tmp/missing/bkerr.ini" 1199000
exit_is 3
err_has "bkerr.ini:6:"
err_has "catalog 'nosuch' is required and was rejected"

# a relative plugin_dir is relative to the ini's directory
mkdir "$tmp/relative" "$tmp/relative/catalogs"
cp "$BKERR_BUILD_PLUGINS/cmdb.so" "$tmp/relative/catalogs/cmdb.so"
chmod 0644 "$tmp/relative/catalogs/cmdb.so"
chmod 0755 "$tmp/relative/catalogs"
printf '[registry]\nplugin_dir = catalogs\nlang = en\n[catalog.cmdb]\nrequired = true\n' \
    >"$tmp/relative/bkerr.ini"
run "$bkerr" --config "$tmp/relative/bkerr.ini" 1199000
exit_is 0
out_has "Deserializing JSON data failed"
err_empty

# an admin's [platform.33] with its catalog from the test plugins
mkdir "$tmp/monitor"
cat >"$tmp/monitor/bkerr.ini" <<EOF
; an admin's allocation of an unassigned prefix
[registry]
plugin_dir = $BKERR_TEST_PLUGINS
fatal = true

[platform.33]
id = monitor
name_zh = 监控平台
name_en = Monitor

[catalog.monitor]
path = monitor33.so
required = true
EOF
run "$bkerr" --config "$tmp/monitor/bkerr.ini" 3300001
exit_is 0
out_has MonitorError
out_has 监控错误
err_empty

run "$bkerr" --config "$tmp/monitor/bkerr.ini" --lang en 3300001
exit_is 0
out_has MonitorError
out_has "monitor error"

run "$bkerr" --config "$tmp/monitor/bkerr.ini" 3300002
exit_is 1
out_has 3300002

# ... and with CRLF line ends and a byte-order mark
printf '\357\273\277[registry]\r\nplugin_dir = %s\r\n[platform.33]\r\nid = monitor\r\n[catalog.monitor]\r\npath = monitor33.so\r\n' \
    "$BKERR_TEST_PLUGINS" >"$tmp/monitor/bkerr.ini"
run "$bkerr" --config "$tmp/monitor/bkerr.ini" 3300001
exit_is 0
out_has MonitorError
err_empty

summary
