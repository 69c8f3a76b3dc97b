#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each over its seed corpus plus
# SECONDS of new inputs; fails if any target finds a crash, a leak, UB, a
# broken invariant or a timeout.
#
#   tests/fuzz/run.sh TARGET... [SECONDS]     (default 30 seconds)
#   tests/fuzz/run.sh all [SECONDS]           every target
#   tests/fuzz/run.sh fuzz_code 0             only replay the corpus
#
# Targets: fuzz_config fuzz_catalog fuzz_code fuzz_fill fuzz_scan
# fuzz_match.
# Builds in build-fuzz (CC=clang, -Dfuzz=true; $FUZZ_BUILD overrides).
# Runs $FUZZ_JOBS targets at once (default: the number of CPUs).  Extra
# libFuzzer flags can be given in $FUZZ_FLAGS.
#
# Seeds:  tests/fuzz/corpus/<target>/ (read, never written)
# Found:  <build>/fuzz/corpus/<target>/ (new inputs, kept between runs)
#         <build>/fuzz/crashes/<target>/ (crash-*, leak-*, timeout-*)
#         <build>/fuzz/<target>.log
# A crasher belongs in tests/fuzz/corpus/<target>/ once fixed, as a
# regression input.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Plugins and their directory must not be group-writable to load.
umask 022

all_targets=(fuzz_config fuzz_catalog fuzz_code fuzz_fill fuzz_scan fuzz_match)
usage() {
    sed -n '2,22p' "$0" >&2
    exit 2
}

seconds=30
targets=()
for arg in "$@"; do
    case "$arg" in
    all) targets+=("${all_targets[@]}") ;;
    fuzz_*) targets+=("$arg") ;;
    -h | --help) usage ;;
    *[!0-9]* | '') usage ;;
    *) seconds=$arg ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || usage
for t in "${targets[@]}"; do
    [ -d "tests/fuzz/corpus/$t" ] || {
        echo "run.sh: unknown target $t (no tests/fuzz/corpus/$t)" >&2
        exit 2
    }
done

build=${FUZZ_BUILD:-build-fuzz}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if [ -f "$build/build.ninja" ]; then
    setup=(meson setup --reconfigure "$build" -Dfuzz=true)
else
    setup=(env CC=clang meson setup "$build" -Dfuzz=true)
fi
# Everything: fuzz_config copies the built test plugins and catalogs.
if ! "${setup[@]}" >"$log" 2>&1 || ! ninja -C "$build" >>"$log" 2>&1; then
    cat "$log"
    echo "run.sh: the build in $build failed" >&2
    exit 1
fi

out=$build/fuzz
mkdir -p "$out"
jobs=${FUZZ_JOBS:-$(nproc)}

# run_one TARGET: the target's exit status; its log in $out/TARGET.log
run_one() {
    local t=$1 exe=$build/tests/fuzz/$1
    local found=$out/corpus/$t crashes=$out/crashes/$t tmp=$out/tmp/$t
    mkdir -p "$found" "$crashes" "$tmp"
    local args=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                "-artifact_prefix=$crashes/")
    if [ "$seconds" -gt 0 ]; then
        args+=("-max_total_time=$seconds")
    else
        args+=(-runs=0)
    fi
    [ -f "tests/fuzz/dict/$t.dict" ] && args+=("-dict=tests/fuzz/dict/$t.dict")
    # Room for a text past BKERR_TEXT_MAX (4096 bytes) in a catalog.
    [ "$t" = fuzz_catalog ] && args+=(-max_len=16384)
    # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
    TMPDIR=$tmp \
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
        "$exe" "${args[@]}" ${FUZZ_FLAGS:-} "$found" "tests/fuzz/corpus/$t" \
        >"$out/$t.log" 2>&1
}

# The last "#N ... cov: ... ft: ..." line and the executions, for the log.
summary() {
    local log=$out/$1.log
    local stats runs
    stats=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 |
        sed -E 's/^#([0-9]+)\s+\S+\s+/\1 execs, /; s/\s+/ /g') || true
    runs=$(grep -E '^stat::number_of_executed_units:' "$log" |
        awk '{print $2}') || true
    echo "${stats:-no stats}${runs:+ (executed units: $runs)}"
}

echo "fuzz: ${targets[*]}: corpus + ${seconds}s each, $jobs at a time"
declare -A status
running=0
for t in "${targets[@]}"; do
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
    (rc=0; run_one "$t" || rc=$?; echo "$rc" >"$out/$t.rc") &
    running=$((running + 1))
done
wait

passed=0 failed=0
for t in "${targets[@]}"; do
    rc=$(cat "$out/$t.rc" 2>/dev/null || echo 1)
    rm -rf "${out:?}/tmp/$t" "$out/$t.rc"
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
        echo "PASS $t: $(summary "$t")"
    else
        failed=$((failed + 1))
        echo "FAIL $t (exit $rc): $(summary "$t")"
        echo "---- $out/$t.log (last 60 lines)"
        tail -60 "$out/$t.log"
        echo "---- crash inputs: $(ls "$out/crashes/$t" 2>/dev/null | tr '\n' ' ')"
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
