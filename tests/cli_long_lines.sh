#!/bin/sh
# Lines of any length on standard input: `bkerr` lookups read every token
# whole (a 4,096-byte buffer used to cut a code straddling its end into two
# invalid tokens).  Run by `meson test cli-long-lines`.
set -eu

: "${BKERR_EXE:?run me with meson test (BKERR_EXE unset)}"
: "${BKERR_DEVENV_CONFIG:?run me with meson test}"

unset BKERR_CONFIG NO_COLOR
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

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
