#!/bin/sh
# End-to-end tests of `bkerr check` and `bkerr annotate`: the real binary
# against real bkerr.ini files, the built catalogs and the test catalogs,
# including plugins whose constructors crash, hang or exit (loaded only
# here, and only by `bkerr check`, which loads each catalog in a child).
# Run by `meson test cli-b`, which sets the environment below.
set -eu

: "${BKERR_EXE:?run me with meson test (BKERR_EXE unset)}"
: "${BKERR_TEST_PLUGINS:?run me with meson test}"
: "${BKERR_BUILD_PLUGINS:?run me with meson test}"
: "${BKERR_DEVENV_CONFIG:?run me with meson test}"

unset BKERR_CONFIG BKERR_LANG NO_COLOR COLUMNS PAGER
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bkerr-cli-b-XXXXXX")
bg_pid=""
cleanup() {
    if [ -n "$bg_pid" ]; then
        kill "$bg_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

. "$(dirname "$0")/check.sh"

# py CODE ARGS...: runs python3 on the last stdout (sys.stdin) and asserts
# it prints "ok"; without python3 the JSON checks are skipped.
py() {
    if ! command -v python3 >/dev/null 2>&1; then
        echo "note: no python3; skipped a JSON check"
        return 0
    fi
    code=$1
    shift
    set +e
    got=$(python3 -c "$code" "$@" <"$tmp/stdout" 2>&1)
    set -e
    if [ "$got" = ok ]; then
        pass
    else
        fail "JSON" "ok from: $code" "$got"
    fi
}

bkerr="$BKERR_EXE"
tp="$BKERR_TEST_PLUGINS"
bp="$BKERR_BUILD_PLUGINS"

# ini NAME TEXT: writes $tmp/NAME.ini; TEXT follows a [registry] section
# naming plugin_dir DIR (the test plugins unless PLUGIN_DIR is set).
ini() {
    printf '[registry]\nplugin_dir = %s\n%s' "${PLUGIN_DIR:-$tp}" "$2" \
        >"$tmp/$1.ini"
}

# ============================ bkerr check ====================================

run "$bkerr" check --help
exit_is 0
out_has "usage: bkerr check"
out_has "--timeout SECONDS"
out_has "Warnings:"
out_has "disabled"
out_has "Exit status: 0 clean, 1 warnings only, 2 errors"

run "$bkerr" --help
out_has "check"
out_has "annotate"

# ---- clean: exit 0 -----------------------------------------------------------

# the build tree's copy of the shipped bkerr.ini (every bundled catalog)
bundled=$(grep -c '^\[catalog\.' "$BKERR_DEVENV_CONFIG")
[ "$bundled" -ge 15 ] || fail "bundled catalogs" "at least 15" "$bundled"
run "$bkerr" check --config "$BKERR_DEVENV_CONFIG"
exit_is 0
out_has ": ok: $bundled catalogs: $bundled loaded, 0 disabled, 0 failed"
out_lacks "warning:"
out_lacks "error:"
err_empty

PLUGIN_DIR=$bp ini clean "[catalog.cmdb]
required = true
[catalog.blueking]
"
run "$bkerr" check --config "$tmp/clean.ini"
exit_is 0
out_has "$tmp/clean.ini: ok: 2 catalogs: 2 loaded"
err_empty

run "$bkerr" check --config "$tmp/clean.ini" --json
exit_is 0
py '
import json, sys
d = json.load(sys.stdin)
assert d["errors"] == 0 and d["warnings"] == 0 and d["problems"] == [], d
assert d["config"].endswith("clean.ini"), d["config"]
c = {x["id"]: x for x in d["catalogs"]}
assert c["cmdb"]["state"] == "loaded" and c["cmdb"]["prefix"] == 11, c
assert c["cmdb"]["entries"] > 100 and c["cmdb"]["version"], c
assert c["blueking"]["prefix"] == 99 and c["blueking"]["line"] == 5, c
print("ok")'

# each catalog is the object bkerr status --json writes for it
run "$bkerr" status --config "$tmp/clean.ini" --json
cp "$tmp/stdout" "$tmp/status.json"
run "$bkerr" check --config "$tmp/clean.ini" --json
py '
import json, sys
check = json.load(sys.stdin)["catalogs"]
status = json.load(open(sys.argv[1]))["catalogs"]
assert check == status, (check, status)
print("ok")' "$tmp/status.json"

# load = lazy: every catalog is loaded and checked all the same
PLUGIN_DIR=$bp ini lazy "load = lazy
[catalog.cmdb]
[catalog.blueking]
"
run "$bkerr" check --config "$tmp/lazy.ini"
exit_is 0
out_has "$tmp/lazy.ini: ok: 2 catalogs: 2 loaded"

# --config given through $BKERR_CONFIG works the same
run env BKERR_CONFIG="$tmp/clean.ini" "$bkerr" check
exit_is 0
out_has "$tmp/clean.ini: ok"

# ---- warnings only: exit 1 ---------------------------------------------------

PLUGIN_DIR=$bp ini disabled "[catalog.cmdb]

[catalog.job]
enabled = false
"
run "$bkerr" check --config "$tmp/disabled.ini"
exit_is 1
out_has "$tmp/disabled.ini:5: warning: catalog 'job' is disabled (enabled = false)"
out_has "0 errors, 1 warning; 2 catalogs: 1 loaded, 1 disabled, 0 failed"
out_count "warning:" 1

# an allocation without a catalog, and a catalog with gaps (handmade.so
# lacks texts in both languages on purpose)
ini gaps "
[platform.33]
id = monitor
name_zh = 监控平台

[catalog.cmdb]
path = handmade.so
"
run "$bkerr" check --config "$tmp/gaps.ini"
exit_is 1
out_has "$tmp/gaps.ini:4: warning: [platform.33] allocates prefix 33 to 'monitor', but there is no [catalog.monitor] section"
out_has "$tmp/gaps.ini:8: warning: catalog 'cmdb': 2 of 11 entries without a message in zh_CN (1100003, 3001); add message_zh"
out_has "$tmp/gaps.ini:8: warning: catalog 'cmdb': 1 of 11 entries without a message in en (1100002); add message_en"
out_has "entries without any advice in zh_CN"
out_has "entries without any advice in en"
out_count "warning:" 5
out_lacks "error:"

run "$bkerr" check --config "$tmp/gaps.ini" --json
exit_is 1
py '
import json, sys
d = json.load(sys.stdin)
assert (d["errors"], d["warnings"]) == (0, 5), d
p = d["problems"]
assert [x["line"] for x in p] == [4, 8, 8, 8, 8], p
assert all(x["severity"] == "warning" for x in p), p
assert p[0]["catalog"] == "monitor" and p[1]["catalog"] == "cmdb", p
for x in p:
    assert set(x) == {"file", "line", "severity", "catalog", "reason"}, x
    assert x["file"].endswith("gaps.ini"), x
print("ok")'

ini nothing "lang = en
"
run "$bkerr" check --config "$tmp/nothing.ini"
exit_is 1
out_has "warning: no [catalog.<id>] section"

# ---- errors: exit 2 ----------------------------------------------------------

# a rejected plugin, next to a good one that is still checked
ini rejected "[catalog.cmdb]
path = handmade.so
[catalog.job]
path = bad_major.so
"
run "$bkerr" check --config "$tmp/rejected.ini"
exit_is 2
out_has "$tmp/rejected.ini:5: error: catalog 'job' rejected:"
out_has "bad_major.so"
out_has "ABI major 2"
out_has "$tmp/rejected.ini:3: warning: catalog 'cmdb'"
out_has "1 error, 4 warnings; 2 catalogs: 1 loaded, 0 disabled, 1 failed"

# a missing plugin file
ini missing "[catalog.job]
"
run "$bkerr" check --config "$tmp/missing.ini"
exit_is 2
out_has "$tmp/missing.ini:3: error: catalog 'job' rejected:"
out_has "job.so"

# config errors name their line; nothing is checked
ini syntax "lang = en

this is not an ini line
[catalog.cmdb]
"
run "$bkerr" check --config "$tmp/syntax.ini"
exit_is 2
out_has "$tmp/syntax.ini:5: error: "
out_has "no catalog was checked"
out_count "error:" 1

ini typo "lnag = en
"
run "$bkerr" check --config "$tmp/typo.ini" --json
exit_is 2
out_has "did you mean 'lang'?"
py '
import json, sys
d = json.load(sys.stdin)
assert (d["errors"], d["warnings"]) == (1, 0), d
[p] = d["problems"]
assert p["line"] == 3 and p["severity"] == "error" and p["catalog"] is None, p
assert p["file"].endswith("typo.ini") and "lnag" in p["reason"], p
assert not p["reason"].startswith(p["file"]), p
assert d["catalogs"] == [], d
print("ok")'

# every error of the file, each with its line and catalog (the library
# keeps going past them: BKERR_OPEN_KEEP_GOING)
ini errors "lnag = en
[catalog.cmdb]
enabled = maybe
[catalog.cmdb]
"
run "$bkerr" check --config "$tmp/errors.ini" --json
exit_is 2
py '
import json, sys
d = json.load(sys.stdin)
assert (d["errors"], d["warnings"]) == (3, 0), d
got = [(p["line"], p["catalog"]) for p in d["problems"]]
assert got == [(3, None), (5, "cmdb"), (6, "cmdb")], got
assert "not a boolean" in d["problems"][1]["reason"], d
assert "duplicate section [catalog.cmdb]" in d["problems"][2]["reason"], d
print("ok")'

run "$bkerr" check --config "$tmp/no-such.ini"
exit_is 2
out_has "$tmp/no-such.ini: error: cannot open"

# ---- plugins that crash, hang or exit while loading --------------------------

ini crash "[catalog.cmdb]
path = crash_ctor.so

[catalog.blueking]
path = $bp/blueking.so
"
run "$bkerr" check --config "$tmp/crash.ini"
exit_is 2
out_has "$tmp/crash.ini:3: error: catalog 'cmdb': crashed with signal 11 (SIGSEGV) while loading"
out_has "crash_ctor.so"
# check itself went on, to the next catalog and the summary
out_has "1 error, 0 warnings; 2 catalogs: 1 loaded, 0 disabled, 1 failed"
err_empty

run "$bkerr" check --config "$tmp/crash.ini" --json
exit_is 2
py '
import json, sys
d = json.load(sys.stdin)
assert (d["errors"], d["warnings"]) == (1, 0), d
[p] = d["problems"]
assert p["catalog"] == "cmdb" and p["line"] == 3 and p["severity"] == "error", p
assert "crashed with signal 11 (SIGSEGV)" in p["reason"], p
st = {c["id"]: c["state"] for c in d["catalogs"]}
assert st == {"cmdb": "crashed", "blueking": "loaded"}, st
print("ok")'

# the one process loading them all crashed: each catalog, alone, tells
# which it was; the others are checked as usual
ini crash_middle "[catalog.gse]
path = $bp/gse.so
[catalog.cmdb]
path = crash_ctor.so
[catalog.job]
path = bad_major.so
[catalog.blueking]
path = $bp/blueking.so
"
run "$bkerr" check --config "$tmp/crash_middle.ini" --json
exit_is 2
py '
import json, sys
d = json.load(sys.stdin)
c = d["catalogs"]
assert [x["state"] for x in c] == ["loaded", "crashed", "rejected", "loaded"], c
assert c[1]["prefix"] is None and c[1]["version"] is None, c[1]
assert list(c[1]) == list(c[0]), (list(c[1]), list(c[0]))
assert "ABI major 2" in c[2]["reason"], c[2]
got = [(p["line"], p["severity"], p["catalog"]) for p in d["problems"]]
assert got == [(5, "error", "cmdb"), (7, "error", "job")], got
print("ok")'

# an ignored SIGCHLD, inherited from the caller, changes nothing
run sh -c 'trap "" CHLD; exec "$0" check --config "$1"' "$bkerr" "$tmp/crash.ini"
exit_is 2
out_has "crashed with signal 11 (SIGSEGV)"

ini hang "[catalog.cmdb]
path = hang_ctor.so
[catalog.blueking]
path = $bp/blueking.so
"
start=$(date +%s)
run "$bkerr" check --config "$tmp/hang.ini" --timeout 1
took=$(($(date +%s) - start))
exit_is 2
out_has "$tmp/hang.ini:3: error: catalog 'cmdb': hung: no answer within 1 s while loading"
out_has "hang_ctor.so"
out_has "2 catalogs: 1 loaded, 0 disabled, 1 failed"
if [ "$took" -le 6 ]; then
    pass
else
    fail "hang timeout" "check done within a few seconds of --timeout 1" "$took s"
fi
# the hung child was killed, not left behind
left=$(ps -eo args | grep -F -- "$tmp/hang.ini" | grep -v grep || true)
equals "no process left" "" "$left"

run "$bkerr" check --config "$tmp/hang.ini" --timeout 0.5 --json
exit_is 2
py '
import json, sys
d = json.load(sys.stdin)
[p] = d["problems"]
assert "hung: no answer within 0.5 s" in p["reason"], p
assert [c["state"] for c in d["catalogs"]] == ["hung", "loaded"], d
print("ok")'

ini exit "[catalog.cmdb]
path = exit_ctor.so
"
run "$bkerr" check --config "$tmp/exit.ini"
exit_is 2
out_has "$tmp/exit.ini:3: error: catalog 'cmdb': the process loading"
out_has "exit_ctor.so exited with status 7 before it answered"

# all of it at once: each problem on its own line, in file order
ini all "[platform.33]
id = monitor
[catalog.cmdb]
path = crash_ctor.so
[catalog.job]
path = exit_ctor.so
[catalog.gse]
path = hang_ctor.so
[catalog.paas]
enabled = false
"
run "$bkerr" check --config "$tmp/all.ini" --timeout 1
exit_is 2
lines=$(printf '%s\n' "$out" | sed -n 's/^[^:]*all\.ini:\([0-9]*\): \([a-z]*\): .*/\1 \2/p' |
    tr '\n' ' ')
equals "problem lines" "3 warning 5 error 7 error 9 error 11 warning " "$lines"
out_has "3 errors, 2 warnings"

# ---- usage -------------------------------------------------------------------

run "$bkerr" check --config "$tmp/clean.ini" --timeout 0
exit_is 2
err_has "--timeout '0'"

run "$bkerr" check --config "$tmp/clean.ini" --timeout abc
exit_is 2
err_has "--timeout 'abc'"

run "$bkerr" check --config "$tmp/clean.ini" --timeout
exit_is 2
err_has "--timeout needs a value"

run "$bkerr" check --config "$tmp/clean.ini" --timeout=2
exit_is 0

run "$bkerr" check --config "$tmp/clean.ini" --frob
exit_is 2
err_has "unknown option '--frob'"

run "$bkerr" check "$tmp/clean.ini"
exit_is 2
err_has "--config FILE"

# ============================ bkerr annotate =================================

conf="$BKERR_DEVENV_CONFIG"

run "$bkerr" annotate --help
exit_is 0
out_has "usage: bkerr annotate"
out_has "--inline"
out_has "错误码"

# A sample log: every shape, plus numbers that must be left alone.
cat >"$tmp/sample.log" <<'EOF'
2026-11-27 10:00:00.123 INFO bkerr-demo started pid=31337 ts=20261127 epoch=1732700000
{"result":false,"code":1199006,"message":"bad param","request_id":"a1b2c3","data":null}
{"result": false, "code": "1101000", "message": "x"}
level=error msg="create host failed" code=1199000 host=10.0.0.12
job 20261127000123 failed: error code 1199001
调用失败，错误码：1199002，请稍后重试
错误码 1199004 (request_id 1199003)
code 1199007 and Code: -1 and "code": -1
{"code": 0, "message": "success", "data": {"id": 1199005, "bk_biz_id": 1199006}}
ip=10.11.99.6 port=8080 trace=11990061199006 code=119900612 code=20261127 code=0199006
exit_code=-1 status_code=200 errcode=1199006 barcode 1199006 code1199006
"bk_error_code": "1199006", "errorCode": 1199000
code=1199006 code=1199006 错误码1199006
x=1 code=3312345 code=1234567
{"level":"error","body":"{\"code\":1199001,\"message\":\"x\"}","ts":1732700000}
主机转移失败1110029，上游返回[1306000]，bk_module_id=1199006 流水号1199000
EOF
# line:codes found, for the lines that have some (line 11: a known code
# with no id-like word before it counts, bare: errcode=1199006)
expected="2:1199006 3:1101000 4:1199000 5:1199001 6:1199002 7:1199004 8:1199007,-1 11:1199006 12:1199006,1199000 13:1199006 14:3312345,1234567 15:1199001 16:1110029,1306000"

run_in "$tmp/sample.log" "$bkerr" annotate --config "$conf" --lang en
exit_is 0
err_empty
# the skeleton: L for a passed-through line, the code for an explanation
skeleton=$(printf '%s\n' "$out" | awk '
    /^    \342\206\263 / { c = $2; sub(/:$/, "", c); printf "%s,", c; next }
    { printf "\nL%d:", ++n }
    END { printf "\n" }' | sed -n 's/,$//; s/^L\([0-9]*\):\(..*\)/\1:\2/p' |
    tr '\n' ' ')
equals "codes found per line (default mode)" "$expected " "$skeleton"
# without the explanations, the output is the input, byte for byte
grep -v "^    ↳ " "$tmp/stdout" >"$tmp/passed" || true
same "lines pass through" "$tmp/sample.log" "$tmp/passed"
out_has "
    ↳ 1199006 cmdb CCErrCommParamsInvalid: "
out_has "    ↳ 1199000 cmdb CCErrCommJSONUnmarshalFailed: Deserializing JSON data failed — "
out_has "    ↳ -1: System busy — "
out_has "    ↳ 3312345 bk_monitor: Not in catalog bk_monitor."
out_has "    ↳ 1234567 job: Not in catalog job."
out_has "    ↳ 1110029 cmdb CCErrAddHostToModule: "
out_has "    ↳ 1306000 paas COMMON_ERROR: "
out_count "↳" 17

# files as arguments, and "-" for standard input, in order
cp "$tmp/sample.log" "$tmp/copy.log"
run_in "$tmp/sample.log" "$bkerr" annotate --config "$conf" "$tmp/copy.log" -
exit_is 0
out_count "↳" 34

run_in "$tmp/sample.log" "$bkerr" --lang zh_CN annotate --config "$conf"
out_has "    ↳ 1199000 cmdb CCErrCommJSONUnmarshalFailed: 反序列化JSON数据失败 — "

# --inline: one line out per line in, explanations in brackets at the end
run "$bkerr" annotate --config "$conf" --lang en --inline "$tmp/sample.log"
exit_is 0
n_in=$(wc -l <"$tmp/sample.log")
n_out=$(wc -l <"$tmp/stdout")
equals "--inline keeps the line count" "$n_in" "$n_out"
out_has '"code":1199006,"message":"bad param","request_id":"a1b2c3","data":null} [1199006 cmdb CCErrCommParamsInvalid: '
out_has 'Code: -1 and "code": -1 [1199007 cmdb '
out_count "[-1: System busy — " 1
line1=$(sed -n 1p "$tmp/stdout")
equals "--inline leaves lines without codes alone" \
    "$(sed -n 1p "$tmp/sample.log")" "$line1"
line9=$(sed -n 9p "$tmp/stdout")
equals "--inline leaves lines without codes alone" \
    "$(sed -n 9p "$tmp/sample.log")" "$line9"

# --json: JSON Lines, one object per line with codes
run "$bkerr" annotate --config "$conf" --json "$tmp/sample.log"
exit_is 0
py '
import json, sys
want = dict((int(l), [int(c) for c in cs.split(",")])
            for l, cs in (x.split(":") for x in sys.argv[1].split()))
sample = open(sys.argv[2], encoding="utf-8").read().split("\n")
got = {}
for raw in sys.stdin:
    o = json.loads(raw)
    assert set(o) == {"file", "line", "text", "results"}, o
    assert o["file"].endswith("sample.log"), o
    assert o["text"] == sample[o["line"] - 1], o
    got[o["line"]] = [r["code"] for r in o["results"]]
    for r in o["results"]:
        assert r["status"] in ("found", "generic", "not_in_catalog",
                               "no_catalog", "unassigned"), r
assert got == want, (got, want)
print("ok")' "$expected" "$tmp/sample.log"

run "$bkerr" annotate --config "$conf" --json "$tmp/sample.log"
py '
import json, sys
rows = [json.loads(x) for x in sys.stdin]
r = rows[0]["results"][0]
assert r["code"] == 1199006 and r["symbol"] == "CCErrCommParamsInvalid", r
assert r["platform"]["id"] == "cmdb" and r["status"] == "found", r
print("ok")'

run "$bkerr" annotate --config "$conf" --inline --json "$tmp/sample.log"
exit_is 2
err_has "--inline and --json"

run "$bkerr" annotate --config "$conf" --frob
exit_is 2
err_has "unknown option '--frob'"

# a missing file: an error, and the others are still annotated
run "$bkerr" annotate --config "$conf" "$tmp/none.log" "$tmp/sample.log"
exit_is 2
err_has "none.log: cannot open"
out_count "↳" 17

# A code a product emits under another prefix (handmade.so's 4361001, under
# bk_paas3's 43) is a guest code: annotate explains it as cmdb's use of it
printf 'x code=4361001\n' >"$tmp/foreign.log"
run "$bkerr" annotate --config "$tmp/gaps.ini" --lang en "$tmp/foreign.log"
exit_is 0
out_has "    ↳ 4361001 cmdb (its code under bk_paas3's prefix) HmForeign: emitted under another prefix"
run "$bkerr" annotate --config "$tmp/gaps.ini" --lang en --product cmdb "$tmp/foreign.log"
exit_is 0
out_has "    ↳ 4361001 cmdb HmForeign: emitted under another prefix"
run "$bkerr" annotate --config "$tmp/gaps.ini" --product nosuch "$tmp/foreign.log"
exit_is 2
err_has "--product 'nosuch'"

# ---- bytes: long lines, invalid UTF-8, NULs, no final newline ----------------

awk 'BEGIN {
    s = "x"; while (length(s) < 70000) s = s s;
    print s " code=1199006 " s;
    print "short code=1199000";
    print s s;
}' >"$tmp/long.log"
run "$bkerr" annotate --config "$conf" "$tmp/long.log"
exit_is 0
out_count "↳ 1199006 cmdb CCErrCommParamsInvalid" 1
out_count "↳ 1199000 cmdb" 1
grep -v "^    ↳ " "$tmp/stdout" >"$tmp/passed" || true
same "a line over 64 KiB passes through" "$tmp/long.log" "$tmp/passed"

printf 'bad \377\376 code=1199006 \300\200 \355\240\200 end\n\377 no code \351\224\231\n\000nul code=1199000 \000\n' \
    >"$tmp/bytes.log"
run "$bkerr" annotate --config "$conf" "$tmp/bytes.log"
exit_is 0
out_count "↳ 1199006 cmdb" 1
out_count "↳ 1199000 cmdb" 1
grep -av "^    ↳ " "$tmp/stdout" >"$tmp/passed" || true
same "invalid UTF-8 and NULs pass through" "$tmp/bytes.log" "$tmp/passed"

run "$bkerr" annotate --config "$conf" --inline "$tmp/bytes.log"
exit_is 0
head -c 28 "$tmp/stdout" >"$tmp/head"
head -c 28 "$tmp/bytes.log" >"$tmp/want"
same "--inline keeps the bytes of the line" "$tmp/want" "$tmp/head"

run "$bkerr" annotate --config "$conf" --json "$tmp/bytes.log"
exit_is 0
py '
import json, sys
rows = [json.loads(x) for x in sys.stdin.buffer.read().decode("utf-8").splitlines()]
assert [r["line"] for r in rows] == [1, 3], rows
assert rows[0]["text"] == "bad \ufffd\ufffd code=1199006 \ufffd\ufffd \ufffd\ufffd\ufffd end", rows[0]["text"]
assert rows[1]["text"] == "\x00nul code=1199000 \x00", rows[1]
print("ok")'

# no newline at the end: a line without codes is copied as it is ...
printf 'tail without newline 1999999' >"$tmp/nonl.log"
run "$bkerr" annotate --config "$conf" "$tmp/nonl.log"
same "no final newline, no codes" "$tmp/nonl.log" "$tmp/stdout"
# ... one with codes gets its newline before the explanation
printf 'tail code=1199006' >"$tmp/nonl.log"
run "$bkerr" annotate --config "$conf" "$tmp/nonl.log"
out_has "tail code=1199006
    ↳ 1199006 cmdb"

# CR LF: --inline puts the explanation before the CR
printf 'dos code=1199006\r\nnext\r\n' >"$tmp/crlf.log"
run "$bkerr" annotate --config "$conf" --inline "$tmp/crlf.log"
if grep -q "^dos code=1199006 \[1199006 cmdb .*\]$(printf '\r')\$" "$tmp/stdout"; then
    pass
else
    fail "--inline with CR LF" "explanation before the CR" "$(od -c "$tmp/stdout" | tail -n 4)"
fi

# ---- streams: each line is answered before the next one is written ------------

mkfifo "$tmp/in" "$tmp/out"
"$bkerr" annotate --config "$conf" <"$tmp/in" >"$tmp/out" 2>"$tmp/stream-err" &
bg_pid=$!
exec 3>"$tmp/in"
exec 4<"$tmp/out"
what="bkerr annotate <fifo >fifo, fed one line at a time"
# reads N lines from fd 4, giving up after 10 s
read_lines() {
    timeout 10 sh -c 'i=0; while [ "$i" -lt "$1" ]; do
        IFS= read -r l || exit 1; printf "%s\n" "$l"; i=$((i + 1)); done' \
        sh "$1" <&4 || true
}
printf 'first code=1199006\n' >&3
got=$(read_lines 2)
case $got in
"first code=1199006
    ↳ 1199006 cmdb "*) pass ;;
*) fail "stream: first line" "the line and its explanation" "$got" ;;
esac
printf 'plain line\nsecond 错误码：1199000\n' >&3
got=$(read_lines 3)
case $got in
"plain line
second 错误码：1199000
    ↳ 1199000 cmdb "*) pass ;;
*) fail "stream: later lines" "each line as it comes" "$got" ;;
esac
exec 3>&-
set +e
wait "$bg_pid"
rc=$?
set -e
bg_pid=""
exec 4<&-
out=""
err=$(cat "$tmp/stream-err")
exit_is 0

summary
