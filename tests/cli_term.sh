#!/bin/sh
# The command line every subcommand shares, and the terminal: one option
# parser (--opt=value, --, options that mean nothing to a subcommand, each
# subcommand's --help), the order that picks the language, tables that fit
# the terminal, the pager and --color.  Terminals are made by
# tests/pty_run.c, which also sets their width.  Run by `meson test
# cli-term`.
set -eu

: "${BKERR_EXE:?run me with meson test (BKERR_EXE unset)}"
: "${BKERR_PTY:?run me with meson test}"
: "${BKERR_DEVENV_CONFIG:?run me with meson test}"

if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 is needed to measure display widths; skipped"
    exit 77
fi

unset BKERR_CONFIG BKERR_LANG NO_COLOR COLUMNS PAGER LESS LC_MESSAGES LANG
LC_ALL=C
TERM=xterm
PYTHONIOENCODING=utf-8
export LC_ALL TERM PYTHONIOENCODING

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bkerr-cli-term-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

. "$(dirname "$0")/check.sh"

bkerr="$BKERR_EXE"
pty="$BKERR_PTY"
conf="$BKERR_DEVENV_CONFIG"
esc=$(printf '\033')

# bkerr.ini files without catalogs: -1 is answered by the built-in tables,
# in the language chosen
printf '[registry]\n' >"$tmp/none.ini"
printf '[registry]\nlang = en\n' >"$tmp/en.ini"
printf '[registry]\nlang = zh_CN\n' >"$tmp/zh.ini"

# lang_is LANG: the last run looked -1 up in LANG (its --json output)
lang_is() {
    case $out in
    *"\"message_lang\":\"$1\""*) pass ;;
    *) fail "language" "message_lang $1" "$out; stderr: $err" ;;
    esac
}

# on_tty COLS CMD...: runs CMD with stdout on a COLS-wide terminal; what
# it wrote there is $tty (and $tmp/tty), its stderr $err, its status $rc
on_tty() {
    cols=$1
    shift
    run "$pty" "$cols" "$tmp/tty" "$@"
    tty=$(cat "$tmp/tty")
}

tty_has() {
    case $tty in
    *"$1"*) pass ;;
    *) fail "terminal" "output containing '$1'" "$(printf '%s' "$tty" | head -c 600)" ;;
    esac
}
tty_lacks() {
    case $tty in
    *"$1"*) fail "terminal" "output without '$1'" "$(printf '%s' "$tty" | head -c 600)" ;;
    *) pass ;;
    esac
}

# at_most N FILE [SKIP]: every line of FILE (but those containing SKIP)
# takes at most N columns (CJK counting 2, escape codes none), and at least
# one line was cut ("…")
at_most() {
    set +e
    msg=$(python3 - "$@" <<'EOF'
import re, sys, unicodedata
limit, path = int(sys.argv[1]), sys.argv[2]
skip = sys.argv[3] if len(sys.argv) > 3 else None
text = open(path, encoding="utf-8").read()
lines = [re.sub(r"\x1b\[[0-9;]*m", "", l) for l in text.split("\n")]
width = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
wide = [l for l in lines if width(l) > limit and not (skip and skip in l)]
assert len([l for l in lines if l]) > 3, "too little output: %r" % text[:300]
assert not wide, "%d lines over %d columns, e.g. %r" % (len(wide), limit, wide[0])
assert any(l.endswith("…") or "… " in l for l in lines), "nothing was cut"
EOF
)
    prc=$?
    set -e
    if [ "$prc" -eq 0 ]; then pass; else fail "width" "lines of at most $1 columns" "$msg"; fi
}

# ============================ one option parser ==============================

# ---- --opt=value works for every option that takes a value -----------------
run "$bkerr" --config="$tmp/en.ini" --json -1
exit_is 0
lang_is en
run "$bkerr" --config "$tmp/none.ini" --lang=en --json -1
exit_is 0
lang_is en
run "$bkerr" --config="$conf" --product=cmdb --lang=en 3001
exit_is 0
out_has "CCErrCommJsonDecode"
run "$bkerr" --config="$conf" search --product=cmdb CCErrCommJSONUnmarshalFailed
exit_is 0
out_has "1199000"
out_lacks "1000112"
run "$bkerr" --config="$conf" list --product=cmdb
exit_is 0
out_has "CCErrCommJSONUnmarshalFailed"
run "$bkerr" --config="$conf" export --format=csv --product=cmdb
exit_is 0
out_has "cmdb,11,1199000"
run "$bkerr" check --config="$conf" --timeout=3
exit_is 0
run "$bkerr" --config="$conf" --color=always list cmdb
exit_is 0
out_has "${esc}["
# and --opt value, the same
run "$bkerr" --config "$conf" --color always --lang en --product cmdb 3001
exit_is 0
out_has "${esc}["
# a flag takes no value
run "$bkerr" --config "$conf" --json=yes -1
exit_is 2
err_has "--json takes no value"
run "$bkerr" --config "$conf" list --no-pager=1
exit_is 2
err_has "bkerr list: --no-pager takes no value"
# a value is needed, after = too it is taken as given
run "$bkerr" --config "$conf" list --product
exit_is 2
err_has "bkerr list: --product needs a value"
run "$bkerr" --config "$conf" --color=sometimes -1
exit_is 2
err_has "--color 'sometimes': write auto, always or never"

# ---- -- ends the options ---------------------------------------------------
run "$bkerr" --config "$tmp/en.ini" -- -1
exit_is 0
out_has "System busy"
run "$bkerr" --config "$tmp/en.ini" lookup -- -1 0
exit_is 0
out_has "System busy"
out_has "Success"
# a negative code is a code without -- too; and after --, --json is an operand
run "$bkerr" --config "$tmp/en.ini" -1
exit_is 0
out_has "System busy"
run "$bkerr" --config "$tmp/en.ini" -- --json
exit_is 2
err_has "'--json' is not a code"
run "$bkerr" --config "$conf" search -- --frob
exit_is 1
err_has "nothing matches '--frob'"

# ---- options that mean nothing to a subcommand are refused ------------------
for args in "check --product x" "--product x check" "status --lang en" \
    "check --lang en" "platforms --product cmdb" "export --color=always" \
    "status --no-pager" "lookup --no-pager -1" "--no-pager -1" \
    "lookup --format csv -1" "list --timeout 5" "list --inline" \
    "annotate --format json" "check --no-pager" "list --version"; do
    # shellcheck disable=SC2086 # $args is a command line
    run "$bkerr" --config "$conf" $args
    exit_is 2
    err_has "means nothing to"
    out_empty
done
run "$bkerr" --config "$conf" check --product x
err_has "bkerr check: --product means nothing to check; see bkerr check --help"

# ---- unknown options ---------------------------------------------------------
for sub in lookup search list platforms status export check annotate; do
    run "$bkerr" --config "$conf" "$sub" --x
    exit_is 2
    err_has "bkerr $sub: unknown option '--x'; see bkerr $sub --help"
done
run "$bkerr" --config "$conf" --x 1199000
exit_is 2
err_has "bkerr: unknown option '--x'; see bkerr --help"
run "$bkerr" --config "$conf" --x=1 1199000
exit_is 2
err_has "unknown option '--x'"
run "$bkerr" --config "$conf" list -z
exit_is 2
err_has "bkerr list: unknown option '-z'"

# ---- each subcommand's --help, from its table ---------------------------------
run "$bkerr" --help
exit_is 0
overview=$out
out_has "Subcommands:"
out_has "--version"
run "$bkerr" lookup --help
exit_is 0
if [ "$out" != "$overview" ]; then pass; else
    fail "lookup --help" "lookup's own help" "the overview"; fi
out_has "usage: bkerr lookup"
out_has "--product ID"
out_has "--lang LANG"
out_has "--color WHEN"
out_lacks "Subcommands:"
out_lacks "--version"
out_lacks "--no-pager"
# help stands anywhere, -h too
run "$bkerr" --help lookup
equals "bkerr --help lookup" "$(cat "$tmp/stdout")" "$("$bkerr" lookup --help)"
run "$bkerr" lookup -h
exit_is 0
out_has "usage: bkerr lookup"
# OWN: options a subcommand's help lists; NOT: options it must not
for sub_own_not in "search:--no-pager --product:--format" \
    "list:--no-pager --product --lang:--timeout" \
    "platforms:--no-pager --lang:--product" \
    "status:--json --color:--lang" \
    "export:--format --no-pager --lang:--color" \
    "check:--timeout --json --config:--product" \
    "annotate:--inline --product --lang:--no-pager"; do
    sub=${sub_own_not%%:*}
    rest=${sub_own_not#*:}
    own=${rest%%:*}
    not=${rest#*:}
    run "$bkerr" "$sub" --help
    exit_is 0
    out_has "usage: bkerr $sub"
    for o in $own --help; do out_has "$o"; done
    for o in $not; do out_lacks "$o"; done
done

# ================================ language ====================================

# every spelling bkerr_parse_lang reads
for spelling in zh zh_CN zh-CN zh_CN.UTF-8 zh_CN.utf8 ZH_cn; do
    run "$bkerr" --config "$tmp/en.ini" --lang "$spelling" --json -1
    exit_is 0
    lang_is zh_CN
done
for spelling in en en_US en_GB.utf8@euro en-US EN; do
    run "$bkerr" --config "$tmp/zh.ini" --lang "$spelling" --json -1
    exit_is 0
    lang_is en
done
for bad in fr C POSIX "zh en" x; do
    run "$bkerr" --config "$tmp/zh.ini" --lang "$bad" -1
    exit_is 2
    err_has "--lang '$bad'"
    err_has "zh_CN, zh, zh-CN, zh_CN.UTF-8, en, en_US"
done

# --lang, then BKERR_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG; C
# and POSIX name none), then bkerr.ini's lang, then zh_CN
run env LC_ALL=C "$bkerr" --config "$tmp/none.ini" --json -1
lang_is zh_CN
run env LC_ALL=C "$bkerr" --config "$tmp/en.ini" --json -1
lang_is en
run env LC_ALL=POSIX "$bkerr" --config "$tmp/en.ini" --json -1
lang_is en
run env LC_ALL=C.UTF-8 "$bkerr" --config "$tmp/en.ini" --json -1
lang_is en
# the locale beats bkerr.ini: its lang is the services' default
run env LC_ALL=en_US.UTF-8 "$bkerr" --config "$tmp/zh.ini" --json -1
lang_is en
run env LC_ALL=zh_CN.UTF-8 "$bkerr" --config "$tmp/en.ini" --json -1
lang_is zh_CN
# a locale of another language is en
run env LC_ALL=fr_FR.UTF-8 "$bkerr" --config "$tmp/zh.ini" --json -1
lang_is en
# LC_ALL, then LC_MESSAGES, then LANG; the first set decides, C too
run env -u LC_ALL LC_MESSAGES=en_US LANG=zh_CN "$bkerr" --config "$tmp/zh.ini" --json -1
lang_is en
run env -u LC_ALL LANG=en_US.UTF-8 "$bkerr" --config "$tmp/zh.ini" --json -1
lang_is en
run env LC_ALL=C LANG=zh_CN.UTF-8 "$bkerr" --config "$tmp/en.ini" --json -1
lang_is en
# BKERR_LANG beats the locale; --lang beats BKERR_LANG
run env BKERR_LANG=en LC_ALL=zh_CN.UTF-8 "$bkerr" --config "$tmp/zh.ini" --json -1
lang_is en
run env BKERR_LANG=zh_CN.UTF-8 LC_ALL=en_US "$bkerr" --config "$tmp/en.ini" --json -1
lang_is zh_CN
run env BKERR_LANG=en "$bkerr" --config "$tmp/en.ini" --lang zh --json -1
lang_is zh_CN
# "default": bkerr.ini's lang, whatever BKERR_LANG and the locale say
run env BKERR_LANG=en LC_ALL=en_US "$bkerr" --config "$tmp/zh.ini" --lang default --json -1
lang_is zh_CN
# an empty BKERR_LANG is unset; one bkerr cannot read is refused where a
# language is used, and means nothing to status and check
run env BKERR_LANG= LC_ALL=en_US "$bkerr" --config "$tmp/zh.ini" --json -1
lang_is en
run env BKERR_LANG=klingon "$bkerr" --config "$tmp/zh.ini" -1
exit_is 2
err_has "BKERR_LANG 'klingon'"
run env BKERR_LANG=klingon "$bkerr" --config "$conf" status
exit_is 0
# text output follows the same order as --json
run env LC_ALL=en_US.UTF-8 "$bkerr" --config "$tmp/zh.ini" -1
out_has "System busy"
run env BKERR_LANG=zh "$bkerr" --config "$tmp/en.ini" -1
out_has "系统繁忙"

# ============================ fit the terminal ================================

# COLUMNS on a terminal: every row fits, the last columns cut with "…"
# (list's catalog headings too; CJK counts 2)
on_tty 200 env COLUMNS=60 PAGER=cat "$bkerr" --config "$conf" --lang en search JSON
exit_is 0
at_most 60 "$tmp/tty"
on_tty 200 env COLUMNS=60 PAGER=cat LC_ALL=C.UTF-8 "$bkerr" --config "$conf" --lang zh_CN search 反序列化
exit_is 0
at_most 60 "$tmp/tty"
on_tty 200 env COLUMNS=60 PAGER=cat "$bkerr" --config "$conf" --lang zh_CN list cmdb
exit_is 0
at_most 60 "$tmp/tty"
on_tty 200 env COLUMNS=60 PAGER=cat "$bkerr" --config "$conf" --lang en list
exit_is 0
at_most 60 "$tmp/tty"
on_tty 200 env COLUMNS=60 PAGER=cat "$bkerr" --config "$conf" platforms
exit_is 0
at_most 60 "$tmp/tty"
# status: its first line names the config, which is not cut
on_tty 200 env COLUMNS=60 "$bkerr" --config "$conf" status
exit_is 0
at_most 60 "$tmp/tty" "config: "
# without COLUMNS: the terminal's own width
on_tty 70 env PAGER=cat "$bkerr" --config "$conf" --lang en search JSON
exit_is 0
at_most 70 "$tmp/tty"
# no width at all (0x0): 80 columns
on_tty 0 env PAGER=cat "$bkerr" --config "$conf" --lang en search JSON
exit_is 0
at_most 80 "$tmp/tty"
# COLUMNS that is not a number: the terminal's width
on_tty 70 env COLUMNS=wide PAGER=cat "$bkerr" --config "$conf" --lang en search JSON
at_most 70 "$tmp/tty"
# into a pipe or a file, nothing is cut, whatever COLUMNS says
run env COLUMNS=60 "$bkerr" --config "$conf" --lang en search JSON
exit_is 0
out_lacks "…"
long=$(printf '%s\n' "$out" | awk 'length($0) > 100' | wc -l)
if [ "$long" -gt 0 ]; then pass; else fail "piped search" "rows over 100 columns" "none"; fi

# ---- the pager -----------------------------------------------------------------

# A pager that records what it gets and its LESS
cat >"$tmp/pager" <<EOF
#!/bin/sh
{ echo "LESS=\$LESS"; cat; } >"$tmp/paged"
echo "the pager ran"
EOF
chmod +x "$tmp/pager"

rm -f "$tmp/paged"
on_tty 100 env PAGER="$tmp/pager" "$bkerr" --config "$conf" list cmdb
exit_is 0
err_empty
tty_has "the pager ran"
tty_lacks "CCErrCommJSONUnmarshalFailed"
if grep -q CCErrCommJSONUnmarshalFailed "$tmp/paged" 2>/dev/null; then pass; else
    fail "pager" "list's output in the pager" "$(head -c 300 "$tmp/paged" 2>&1)"; fi
if grep -qx "LESS=FRX" "$tmp/paged"; then pass; else
    fail "pager" "LESS=FRX when LESS is unset" "$(head -n 1 "$tmp/paged")"; fi
# the width is the terminal's even so
at_most 100 "$tmp/paged"
# a LESS of the user's own is kept; search, platforms and export page too
rm -f "$tmp/paged"
on_tty 100 env PAGER="$tmp/pager" LESS=-S "$bkerr" --config "$conf" search JSON
if grep -qx "LESS=-S" "$tmp/paged" 2>/dev/null; then pass; else
    fail "pager" "the user's LESS" "$(head -n 1 "$tmp/paged" 2>&1)"; fi
for sub in platforms "export --format csv"; do
    rm -f "$tmp/paged"
    # shellcheck disable=SC2086 # $sub is a subcommand and its options
    on_tty 100 env PAGER="$tmp/pager" "$bkerr" --config "$conf" $sub
    exit_is 0
    if [ -s "$tmp/paged" ]; then pass; else fail "pager" "$sub paged" "nothing"; fi
done
# not with --no-pager, not into a pipe, not for status or a lookup, not
# with PAGER empty
for how in "--no-pager list cmdb" "list --no-pager cmdb" "status" "1199000"; do
    rm -f "$tmp/paged"
    # shellcheck disable=SC2086 # $how is a command line
    on_tty 100 env PAGER="$tmp/pager" "$bkerr" --config "$conf" $how
    exit_is 0
    tty_lacks "the pager ran"
    if [ -e "$tmp/paged" ]; then fail "no pager" "no pager for $how" "it ran"; else pass; fi
    case $how in
    *list*) tty_has "CCErrCommJSONUnmarshalFailed" ;;
    status) tty_has "cmdb" ;;
    esac
done
rm -f "$tmp/paged"
run env PAGER="$tmp/pager" "$bkerr" --config "$conf" list cmdb
exit_is 0
out_has "CCErrCommJSONUnmarshalFailed"
if [ -e "$tmp/paged" ]; then fail "no pager into a pipe" "no pager" "it ran"; else pass; fi
on_tty 100 env PAGER= "$bkerr" --config "$conf" list cmdb
exit_is 0
tty_has "CCErrCommJSONUnmarshalFailed"
# a pager that cannot start: the output goes to the terminal
on_tty 100 env PAGER="$tmp/no-such-pager" "$bkerr" --config "$conf" list cmdb
exit_is 0
tty_has "CCErrCommJSONUnmarshalFailed"
err_has "cannot start the pager"
# a pager that quits early is no error (the rest of the output is dropped)
on_tty 100 env PAGER="head -n 2" "$bkerr" --config "$conf" list
exit_is 0
err_empty
tty_has "CODE"
tty_lacks "CCErrCommJSONUnmarshalFailed"
on_tty 100 env PAGER=true "$bkerr" --config "$conf" --json list
exit_is 0
err_empty
# bkerr waits for the pager: it has finished when bkerr has
cat >"$tmp/slow-pager" <<EOF
#!/bin/sh
exec >/dev/null
cat
sleep 1
touch "$tmp/pager-done"
EOF
chmod +x "$tmp/slow-pager"
on_tty 100 env PAGER="$tmp/slow-pager" "$bkerr" --config "$conf" list cmdb
exit_is 0
if [ -e "$tmp/pager-done" ]; then pass; else
    fail "wait for the pager" "the pager done when bkerr exits" "still running"; fi

# ---- colour ----------------------------------------------------------------------
for sub in "list cmdb" "search json" platforms status 1199000; do
    # shellcheck disable=SC2086 # $sub is a subcommand and its argument
    on_tty 100 env PAGER=cat "$bkerr" --config "$conf" $sub
    tty_has "${esc}["
    # shellcheck disable=SC2086
    on_tty 100 env PAGER=cat TERM=dumb "$bkerr" --config "$conf" $sub
    tty_lacks "$esc"
    # shellcheck disable=SC2086
    on_tty 100 env PAGER=cat NO_COLOR=1 "$bkerr" --config "$conf" $sub
    tty_lacks "$esc"
    # shellcheck disable=SC2086
    on_tty 100 env PAGER=cat "$bkerr" --config "$conf" --color=never $sub
    tty_lacks "$esc"
    # shellcheck disable=SC2086
    on_tty 100 env PAGER=cat TERM=dumb "$bkerr" --config "$conf" --color=auto $sub
    tty_lacks "$esc"
    # shellcheck disable=SC2086
    run env TERM=dumb "$bkerr" --config "$conf" --color=always $sub
    out_has "${esc}["
    # shellcheck disable=SC2086
    run "$bkerr" --config "$conf" $sub
    out_lacks "$esc"
done

summary
