#!/usr/bin/env bash
# bkerr annotate against grep over the same synthetic log, side by side:
# bench/gen_log.py writes ~400,000 lines (~70 MB) of INFO, JSON and Chinese
# lines with codes in every shape bkerr_scan() finds; each trial runs
# `bkerr annotate LOG >/dev/null` and `grep -cP '\b\d{7}\b' LOG`, one
# after the other (interleaved, so both see the same machine), and the
# script prints the median times, their ratio and each one's peak RSS.
# Not a test: a number to read, on an idle machine.
#
#   bench/annotate.sh [BKERR [CONFIG]] [TRIALS]
#
# BKERR defaults to build-bench/tools/bkerr (bench/run.sh builds it; any
# build will do), CONFIG to the bkerr.ini beside it (BUILD/conf/bkerr.ini).
# The log is made once, in ${BKERR_BENCH_LOG:-/tmp/bkerr-bench-annotate.log}.
set -euo pipefail
cd "$(dirname "$0")/.."
bkerr=${1:-build-bench/tools/bkerr}
conf=${2:-$(dirname "$(dirname "$bkerr")")/conf/bkerr.ini}
trials=${3:-5}
log=${BKERR_BENCH_LOG:-/tmp/bkerr-bench-annotate.log}
[ -x "$bkerr" ] || { echo "annotate.sh: no $bkerr; build it first (bench/run.sh, or meson setup build-bench -Dbuildtype=release && ninja -C build-bench)" >&2; exit 2; }
[ -f "$conf" ] || { echo "annotate.sh: no $conf; give the bkerr.ini as the second argument" >&2; exit 2; }
[ -s "$log" ] || python3 bench/gen_log.py "$log"
[ -x /usr/bin/time ] || { echo "annotate.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# run LABEL CMD...: appends "seconds maxrss_kib" to $tmp/LABEL; the time
# from the clock in ns (time's %e has only 10 ms), around time itself.
# Each command writes a file of its own, removed before the clock starts:
# truncating annotate's 70 MB copy took grep 25 ms.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() {
    local label=$1 start end
    shift
    rm -f "$tmp/out.$label"
    start=$(date +%s%N)
    # not >/dev/null: GNU grep then stops at the first match, as -q does
    /usr/bin/time -f '%M' -o "$tmp/one" "$@" >"$tmp/out.$label"
    end=$(date +%s%N)
    echo "$(((end - start) / 1000000)) $(cat "$tmp/one")" |
        awk '{ printf "%.3f %s\n", $1 / 1000, $2 }' >>"$tmp/$label"
}
cat "$log" >/dev/null # into the page cache
for _ in $(seq "$trials"); do
    run annotate "$bkerr" annotate --config "$conf" "$log"
    run grep grep -cP '\b\d{7}\b' "$log"
done
median() { sort -n -k1,1 "$tmp/$1" | awk '{ t[NR] = $1; m[NR] = $2 } END { i = int((NR + 1) / 2); print t[i], m[i] }'; }
read -r ta ma < <(median annotate)
read -r tg mg < <(median grep)
codes=$("$bkerr" annotate --config "$conf" "$log" | grep -c '^    ↳ ' || true)
printf 'log: %s (%s lines, %s MB); %s trials, medians\n' "$log" \
    "$(wc -l <"$log")" "$(($(stat -c %s "$log") / 1000000))" "$trials"
printf '  bkerr annotate  %6.3f s  peak RSS %6d KiB  (%s explanations)\n' "$ta" "$ma" "$codes"
printf '  grep -cP        %6.3f s  peak RSS %6d KiB\n' "$tg" "$mg"
awk -v a="$ta" -v g="$tg" 'BEGIN { printf "  ratio annotate / grep: %.2fx\n", a / g }'
