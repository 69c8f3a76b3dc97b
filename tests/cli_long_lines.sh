#!/bin/sh
# Lines of any length: `bkerr` lookups read every token of standard input
# whole (a 4,096-byte buffer used to cut a code straddling its end into two
# invalid tokens), and `bkerr annotate` passes long lines through byte for
# byte, finds their codes across its window's edges, and takes no more
# memory for a 1 GiB line than for a 1 MiB one (it used to take the line's
# size, and fail past the memory limit).  Run by `meson test
# cli-long-lines`.
set -eu

: "${BKERR_EXE:?run me with meson test (BKERR_EXE unset)}"
: "${BKERR_DEVENV_CONFIG:?run me with meson test}"
: "${BKERR_MAXRSS:?run me with meson test}"

unset BKERR_CONFIG BKERR_LANG NO_COLOR COLUMNS PAGER
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bkerr-long-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

. "$(dirname "$0")/check.sh"

bkerr="$BKERR_EXE"
conf="$BKERR_DEVENV_CONFIG"

# ---- lookups: a code across byte 4096, and a line of 3.2 MB ------------------
# 4093 blanks, then 1199000 on bytes 4094-4100: fgets(4096) cut it after "11"
{ printf '%4093s' ''; printf '1199000\n9900403\n'; } >"$tmp/straddle"
run_in "$tmp/straddle" "$bkerr" --config "$conf" --lang en
exit_is 0
err_empty
out_count "1199000 [cmdb" 1
out_count "9900403 [blueking" 1

# every cut point at once: one line of 400,000 tokens, some of them symbols
yes 1199000 | head -n 400000 | tr '\n' ' ' >"$tmp/long"
printf 'CCErrCommJSONUnmarshalFailed\t1306001\n' >>"$tmp/long"
set +e
"$bkerr" --config "$conf" --lang en <"$tmp/long" >"$tmp/long.out" 2>"$tmp/stderr"
rc=$?
set -e
what="bkerr <(one line of 400,001 tokens)"
out="" err=$(cat "$tmp/stderr")
exit_is 0
err_empty
equals "answers" 400001 "$(grep -c '^1199000 \[cmdb' "$tmp/long.out")"
equals "answers" 1 "$(grep -c '^1306001 \[' "$tmp/long.out")"

# a bad token is named whole, however far into the line
{ printf '%9000s' ''; printf '119900x\n'; } >"$tmp/bad"
run_in "$tmp/bad" "$bkerr" --config "$conf"
exit_is 2
err_has "'119900x' is not a code"

# a NUL ends a token; it hides nothing after it
printf '1199000\0009900403\n' >"$tmp/nul"
run_in "$tmp/nul" "$bkerr" --config "$conf" --lang en
exit_is 0
out_count "9900403 [blueking" 1

# ---- annotate: a 5 MiB line, codes across the window's edge (1 MiB) -------
# x^n: n bytes of x, from a pipe
xs() {
    head -c "$1" /dev/zero | tr '\0' x
}
# "code=" ends at byte 1 MiB, the digits start the second MiB; 错误码 ends
# 2 MiB + 2; the third code lies well inside; a short line follows.
{
    xs 1048570; printf ' code=1199000 '; xs 1048560
    printf ' \351\224\231\350\257\257\347\240\201 9900403 '; xs 1000000
    printf ' "code": "1199000" "error_code":1306001 '; xs 2000000
    printf '\n"code": 1199006\n'
} >"$tmp/big.log"
head -n 1 "$tmp/big.log" >"$tmp/big.line"
size=$(wc -c <"$tmp/big.line")

# annotate_big MODE...: annotates big.log; $tmp/big.out, its first $size
# bytes in $tmp/big.head
annotate_big() {
    what="bkerr annotate $* big.log"
    set +e
    "$bkerr" --config "$conf" --lang en annotate "$@" "$tmp/big.log" \
        >"$tmp/big.out" 2>"$tmp/stderr"
    rc=$?
    set -e
    out="" err=$(cat "$tmp/stderr")
    exit_is 0
    err_empty
    head -c "$size" "$tmp/big.out" >"$tmp/big.head"
}
explained() { # CODE MODE-PREFIX: the code's explanation is there, once
    equals "explanations of $1" 1 "$(grep -c -a -F "$2$1 " "$tmp/big.out")"
}

annotate_big
same "the long line, byte for byte" "$tmp/big.line" "$tmp/big.head"
for code in 1199000 9900403 1306001 1199006; do
    explained "$code" "↳ "
done
equals "lines" 6 "$(wc -l <"$tmp/big.out")"

annotate_big --inline
head -c "$((size - 1))" "$tmp/big.line" >"$tmp/big.body"
head -c "$((size - 1))" "$tmp/big.out" >"$tmp/big.head"
same "the long line, then its explanations" "$tmp/big.body" "$tmp/big.head"
for code in 1199000 9900403 1306001 1199006; do
    explained "$code" "["
done

annotate_big --json
if command -v python3 >/dev/null 2>&1; then
    got=$(python3 -c '
import json, sys
a, b = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
line = open(sys.argv[2], encoding="utf-8").read().rstrip("\n")
assert a["line"] == 1 and a["text"] == line, "text differs"
assert [r["code"] for r in a["results"]] == [1199000, 9900403, 1306001]
assert b["line"] == 2 and b["results"][0]["code"] == 1199006
print("ok")' "$tmp/big.out" "$tmp/big.line" 2>&1)
    equals "annotate --json of a 5 MiB line" ok "$got"
fi

# a long line without codes has its object too, with no results
{ xs 3000000; echo; echo 'plain'; } >"$tmp/plain.log"
run "$bkerr" --config "$conf" annotate --json "$tmp/plain.log"
exit_is 0
equals "objects" 1 "$(wc -l <"$tmp/stdout")"
case $(tail -c 40 "$tmp/stdout") in
*'xxx","results":[]}') pass ;;
*) fail "JSON" 'ends "xxx","results":[]}' "$(tail -c 40 "$tmp/stdout")" ;;
esac

# ---- annotate: peak memory for a 1 GiB line is that for a 1 MiB one -------
# (the input comes from a pipe, not a file; stdout to /dev/null)
# rss BYTES MODE...: the peak RSS in KiB of annotating one line of BYTES
rss() {
    bytes=$1
    shift
    set +e
    { xs "$bytes"; printf ' code=1199000\n'; } |
        "$BKERR_MAXRSS" "$tmp/rss" "$bkerr" --config "$conf" annotate "$@" \
        >/dev/null 2>"$tmp/stderr"
    rc=$?
    set -e
    what="x^$bytes | bkerr annotate $*"
    out="" err=$(cat "$tmp/stderr")
    exit_is 0
    err_empty
    cat "$tmp/rss"
}
small=$(rss 1048576)
big=$(rss 1073741824)
echo "note: peak RSS of annotate: 1 MiB line $small KiB, 1 GiB line $big KiB"
# about equal: within 1 MiB (the old reader held the whole line: 1 GiB)
if [ "$big" -le "$((small + 1024))" ]; then
    pass
else
    fail "peak memory" "at most $((small + 1024)) KiB" "$big KiB"
fi
for mode in --inline --json; do # slower per byte: 64 MiB is enough
    small=$(rss 1048576 $mode)
    big=$(rss 67108864 $mode)
    echo "note: annotate $mode: 1 MiB line $small KiB, 64 MiB line $big KiB"
    if [ "$big" -le "$((small + 1024))" ]; then
        pass
    else
        fail "peak memory ($mode)" "at most $((small + 1024)) KiB" "$big KiB"
    fi
done

summary
