#!/bin/sh
# Lost output is an error: every subcommand, in every mode, exits 3 with
# "cannot write the output" when a write to its standard output fails,
# into /dev/full (ENOSPC) and into a pipe whose reader is gone with
# SIGPIPE ignored (EPIPE: tests/closed_pipe.c).  With input that never
# ends, the first failed write stops the run.  Run by `meson test
# cli-write`.
set -eu

: "${BKERR_EXE:?run me with meson test (BKERR_EXE unset)}"
: "${BKERR_CLOSED_PIPE:?run me with meson test}"
: "${BKERR_DEVENV_CONFIG:?run me with meson test}"

unset BKERR_CONFIG BKERR_LANG NO_COLOR COLUMNS PAGER
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bkerr-cli-write-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

. "$(dirname "$0")/check.sh"

bkerr="$BKERR_EXE"
closed="$BKERR_CLOSED_PIPE"
conf="$BKERR_DEVENV_CONFIG"

printf '%s\n' '{"code": 1199000, "message": "bad json"}' \
    'plain line' 'error code 1199006 again' >"$tmp/log"
printf '1199000\n1306001 9900403\n' >"$tmp/codes"

# lost INPUT ARGS...: bkerr ARGS with stdin from INPUT fails both ways.
lost() {
    input=$1
    shift
    set +e
    "$bkerr" "$@" <"$input" >/dev/full 2>"$tmp/stderr"
    rc=$?
    set -e
    what="bkerr $* >/dev/full"
    err=$(cat "$tmp/stderr")
    exit_is 3
    err_has "cannot write the output"
    run_in "$input" "$closed" "$bkerr" "$@"
    what="bkerr $* into a closed pipe, SIGPIPE ignored"
    exit_is 3
    err_has "cannot write the output"
}

# ---- lookup ------------------------------------------------------------------
lost /dev/null --config "$conf" 1199000
lost /dev/null --config "$conf" --json 1199000 9900403
lost /dev/null --config "$conf" --product cmdb 3001
lost /dev/null --config "$conf" CCErrCommJSONUnmarshalFailed
lost "$tmp/codes" --config "$conf"
lost "$tmp/codes" --config "$conf" --json
lost "$tmp/codes" --config "$conf" lookup -
# a failed write is reported even when a code was also invalid
lost /dev/null --config "$conf" 1199000 nonsense
lost /dev/null --help
lost /dev/null --version

# ---- search, list, platforms, status, export, check --------------------------
for json in "" --json; do
    lost /dev/null --config "$conf" $json search JSON
    lost /dev/null --config "$conf" $json list
    lost /dev/null --config "$conf" $json list cmdb
    lost /dev/null --config "$conf" $json platforms
    lost /dev/null --config "$conf" $json status
    lost /dev/null --config "$conf" $json check
done
for format in markdown json csv c-defines python-defines; do
    lost /dev/null --config "$conf" export --format "$format"
    lost /dev/null --config "$conf" export --format "$format" cmdb
done
for sub in lookup search list platforms status export check annotate; do
    lost /dev/null "$sub" --help
done

# ---- annotate: three modes, from a file and from stdin -----------------------
for mode in "" --inline --json; do
    lost /dev/null --config "$conf" annotate $mode "$tmp/log"
    lost "$tmp/log" --config "$conf" annotate $mode
    lost "$tmp/log" --config "$conf" annotate $mode - "$tmp/log"
done

# from a pipe, output is line-buffered: each line's flush fails on its own,
# and the last fflush() has nothing left to write
for mode in "" --inline --json; do
    what="cat log | bkerr annotate $mode into a closed pipe"
    set +e
    cat "$tmp/log" | "$closed" "$bkerr" --config "$conf" annotate $mode \
        2>"$tmp/stderr"
    rc=$?
    set -e
    err=$(cat "$tmp/stderr")
    exit_is 3
    err_has "cannot write the output"
done

# ---- input that never ends: the first failed write stops the run -------------
# (timeout: without the fix these run until it kills them)
endless() {
    what="yes '$1' | bkerr $3 >$2"
    set +e
    case $2 in
    full) yes "$1" | timeout 10 "$bkerr" --config "$conf" $3 >/dev/full \
              2>"$tmp/stderr" ;;
    pipe) yes "$1" | timeout 10 "$closed" "$bkerr" --config "$conf" $3 \
              2>"$tmp/stderr" ;;
    esac
    rc=$?
    set -e
    err=$(cat "$tmp/stderr")
    exit_is 3
    err_has "cannot write the output"
}
for sink in full pipe; do
    endless 1199000 "$sink" lookup
    endless 1199000 "$sink" --json
    endless 'code=1199000' "$sink" annotate
    endless 'code=1199000' "$sink" 'annotate --inline'
    endless 'code=1199000' "$sink" 'annotate --json'
done

summary
