#!/bin/sh
# Control characters in catalog text never reach any output: the loader
# refuses them at the source (core/common/text.c), so every output format, run
# against a hostile plugin holding ESC, LF, U+009B or a bidi control,
# prints none of it and names the refused character (tests/hostile/README
# lists the plugins).  Run by `meson test cli-controls`.
set -eu

: "${BKERR_EXE:?run me with meson test (BKERR_EXE unset)}"
: "${BKERR_HOSTILE_PLUGINS:?run me with meson test}"

unset BKERR_CONFIG BKERR_LANG NO_COLOR COLUMNS PAGER
LC_ALL=C
export LC_ALL
umask 022 # a group-writable plugin is refused for another reason

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bkerr-controls-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

. "$(dirname "$0")/check.sh"

bkerr="$BKERR_EXE"
mkdir "$tmp/plugins"
printf '[registry]\nplugin_dir = plugins\n[catalog.cmdb]\n' >"$tmp/bkerr.ini"
printf 'GET /x {"code": 1100001}\n' >"$tmp/log"

# clean: the last run's stdout holds none of the characters (nor the row
# a newline in a symbol would forge)
esc=$(printf '\033')
bel=$(printf '\007')
csi=$(printf '\302\233')
rlo=$(printf '\342\200\256')
lri=$(printf '\342\201\246')
clean() {
    for bad in "$esc" "$bel" "$csi" "$rlo" "$lri" "Forged"; do
        if grep -qF -- "$bad" "$tmp/stdout"; then
            fail "raw catalog text" "no '$bad' in stdout" \
                "$(od -c "$tmp/stdout" | head -n 20)"
            return
        fi
    done
    pass
}

# every_output PLUGIN REASON WORD: installs PLUGIN as cmdb.so and runs
# every output format on it (WORD is searched for); REASON must be on
# stderr where the catalog is refused (empty: its entry is ignored).
every_output() {
    cp "$BKERR_HOSTILE_PLUGINS/$1.so" "$tmp/plugins/cmdb.so"
    chmod 644 "$tmp/plugins/cmdb.so"
    reason=$2 word=$3
    # en by BKERR_LANG: --lang would be refused by status and check, which
    # print no text of a language
    c="--config $tmp/bkerr.ini"
    BKERR_LANG=en
    export BKERR_LANG
    for cmd in "1100001" "--json 1100001" "--product cmdb 1100001" "list" \
        "list cmdb" "--json list cmdb" "search $word" "--json search $word" \
        "status" "--json status" "platforms" \
        "export --format markdown" "export --format json" \
        "export --format csv" "export --format c-defines" \
        "export --format python-defines" \
        "annotate $tmp/log" "annotate --inline $tmp/log" \
        "annotate --json $tmp/log"; do
        run "$bkerr" $c $cmd
        what="[$1] bkerr $cmd"
        clean
        if [ -n "$reason" ]; then err_has "$reason"; fi
    done
    # bkerr check names the character either way
    run "$bkerr" $c check
    what="[$1] bkerr check"
    exit_is 2
    clean
    case "$out$err" in
    *"${reason:-$4}"*) pass ;;
    *) fail "check" "the reason '${reason:-$4}'" "$out $err" ;;
    esac
}

every_output hostile_text_esc "message_en: holds U+001B (ESC)" good
every_output hostile_text_bidi "message_zh: holds U+202E (RIGHT-TO-LEFT OVERRIDE)" reversed
every_output hostile_symbol_newline "symbol: holds U+000A (LF)" Broken
every_output hostile_text_c1 "advice_zh: holds U+009B (CSI)" control
# provenance (ABI 1.2) is shown in every view too
every_output hostile_about_note_esc "about[0] note_en: holds U+001B (ESC)" note
# compiled entries are checked at their first use: that entry is ignored
every_output hostile_packed_esc "" Sym "code 1100001: holds U+001B (ESC)"
every_output hostile_packed_bidi "" isolated "code 1100001: holds U+2066 (LEFT-TO-RIGHT ISOLATE)"
every_output hostile_packed_about_bidi "" good "code 1100001: holds U+202E (RIGHT-TO-LEFT OVERRIDE)"

summary
