#!/usr/bin/env bash
# bkerr benchmarks, in one command: builds a release tree, generates the
# synthetic catalogs through bkerr-catc, builds the equal com_err tables,
# runs bkerr-bench and bkerr-bench-match (the message matcher), times the
# CLI, counts instructions with callgrind, and prints the table (also
# written to BUILD/bench-results/report.md).
#
#   bench/run.sh [--install-deps] [--quick] [--no-callgrind] [--no-cli]
#
#   --install-deps  first apt-get install the optional packages below
#   --quick         3 trials of 200,000 lookups (a smoke test, not numbers)
#   --no-callgrind  skip valgrind even where it is installed
#   --no-cli        skip the whole-process CLI timings
#
# Environment: BKERR_BENCH_BUILD (default build-bench), BKERR_BENCH_DATA
# (default BUILD/bench-data: 1.9 GB of generated catalogs, rebuilt only when
# bkerr-catc's output changes), BKERR_BENCH_TRIALS (default 11),
# BKERR_BENCH_COMMIT (names the code measured when the tree is not a git
# checkout, e.g. an exported snapshot).
# Needs python3 and the build dependencies of bkerr.  Optional (Debian
# packages; each row they serve is "not measured" without them): comerr-dev
# (compile_et, libcom_err), libgpg-error-dev, moreutils (errno), hyperfine
# (else a bash loop of the same runs), valgrind (callgrind counts).
set -euo pipefail
cd "$(dirname "$0")/.."
umask 022 # the registry refuses group-writable catalogs

quick=0 callgrind=1 cli=1 deps=0
for a in "$@"; do
    case $a in
    --install-deps) deps=1 ;;
    --quick) quick=1 ;;
    --no-callgrind) callgrind=0 ;;
    --no-cli) cli=0 ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
    esac
done

if [ $deps -eq 1 ]; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
        --no-install-recommends python3 comerr-dev libgpg-error-dev moreutils \
        hyperfine valgrind
fi

B=${BKERR_BENCH_BUILD:-build-bench}
trials=${BKERR_BENCH_TRIALS:-11}
n=1000000
[ $quick -eq 1 ] && trials=3 n=200000

# ---- build (release, with symbols for callgrind; no test suite needed) ----
opts=(-Dbuildtype=release -Ddebug=true -Dtests=false -Dwerror=false)
if [ -f "$B/build.ninja" ]; then
    meson setup --reconfigure "$B" "${opts[@]}" >/dev/null
else
    meson setup "$B" "${opts[@]}" >/dev/null
fi
ninja -C "$B" >/dev/null
bench=$B/bench/bkerr-bench
bkerr=$B/tools/bkerr
bundled=$B/conf/bkerr.ini
data=${BKERR_BENCH_DATA:-$B/bench-data}
out=$B/bench-results
mkdir -p "$data" "$out"
res=$out/results.tsv

# ---- data ----
python3 bench/gen_catalogs.py --catc "$B/tools/bkerr-catc" --bkerr "$bkerr" --out "$data"
python3 bench/gen_comerr.py --bench "$bench" --ini "$bundled" --out "$data/comerr-bundled"
python3 bench/gen_comerr.py --bench "$bench" --ini "$data/synth-1.ini" --out "$data/comerr-synth-1"
python3 bench/gen_comerr.py --bench "$bench" --ini "$data/synth-90.ini" --out "$data/comerr-synth-90"

# ---- facts about the machine and the code measured ----
info() { printf 'I\t%s\t%s\n' "$1" "$2"; }
{
    info machine.nproc "$(nproc)"
    info machine.cpu "$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    info machine.mem "$(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    info machine.kernel "$(uname -sr)"
    info machine.cc "$(cc --version | head -1)"
    info machine.date "$(date -u +%Y-%m-%dT%H:%MZ)"
    if [ -n "${BKERR_BENCH_COMMIT:-}" ]; then # a snapshot outside git
        info code.commit "$BKERR_BENCH_COMMIT"
    else
        info code.commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
        dirty=$(git status --porcelain -- core include tools plugins 2>/dev/null | wc -l)
        info code.dirty_files_in_core_include_tools_plugins "$dirty"
    fi
    info code.buildtype "release (-O3 -g)"
    for f in "$data/plugins-10k/cmdb.so" "$data/plugins-20k/cmdb.so" "$B/plugins/cmdb.so"; do
        [ -f "$f" ] || continue
        tag=$(basename "$(dirname "$f")")
        info "reloc.$tag.cmdb" "$(readelf -rW "$f" | grep -c 'R_X86_64_RELATIVE' || true)"
        info "size.$tag.cmdb_kib" "$(( $(stat -c %s "$f") / 1024 ))"
    done
    info size.plugins-10k_mib "$(du -sm "$data/plugins-10k" | cut -f1)"
} >"$res"

# ---- the benchmark program ----
"$bench" run --bundled "$bundled" --data "$data" --trials "$trials" --n "$n" | tee -a "$res" >/dev/null

# ---- the message matcher: ns per line over every bundled template ----
mlines=100000
[ $quick -eq 1 ] && mlines=20000
"$B/bench/bkerr-bench-match" "$bundled" --trials "$trials" --lines "$mlines" >>"$res"

# ---- the CLI as a whole process ----
code=1199000
cli_row() { # key, runs, command...
    local key=$1 runs=$2
    shift 2
    if ! "$@" >/dev/null 2>&1; then
        printf 'N\t%s\t%s\n' "$key" "fails: $*" >>"$res"
        return
    fi
    if command -v hyperfine >/dev/null; then
        hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/hf.json" "$*" >/dev/null 2>&1
        python3 - "$key" "$out/hf.json" >>"$res" <<'EOF'
import json, sys
r = json.load(open(sys.argv[2]))["results"][0]
print("R\t%s\t%.4f\t%.4f\t%.4f\tms\t%d" % (sys.argv[1], r["median"] * 1e3,
      r["min"] * 1e3, r["max"] * 1e3, len(r["times"])))
EOF
    else
        local spans=() t0 t1 # 3 warm-up runs, then $runs timed
        for _ in $(seq $((runs + 3))); do
            t0=$EPOCHREALTIME
            "$@" >/dev/null 2>&1 || true
            t1=$EPOCHREALTIME
            spans+=("$t0 $t1")
        done
        printf '%s\n' "${spans[@]:3}" | awk '{printf "%.6f\n", ($2 - $1) * 1000}' |
            sort -g | awk -v k="$key" '{v[NR]=$1} END {printf "R\t%s\t%.4f\t%.4f\t%.4f\tms\t%d\n", k, v[int((NR+1)/2)], v[1], v[NR], NR}' >>"$res"
    fi
}
if [ $cli -eq 1 ]; then
    info cli.timer "$(command -v hyperfine >/dev/null && hyperfine --version || echo 'bash loop timed with EPOCHREALTIME')" >>"$res"
    cli_row cli.true 200 /bin/true
    if command -v errno >/dev/null; then
        cli_row cli.errno 200 errno ENOENT
    else
        printf 'N\tcli.errno\terrno (moreutils) not installed\n' >>"$res"
    fi
    cli_row cli.bkerr 200 "$bkerr" --config "$bundled" "$code"
    # where the CLI's time goes: the process alone, then opening an ini
    # that loads no catalog and answering a built-in code
    cli_row cli.bkerr_version 200 "$bkerr" --version
    cli_row cli.bkerr_nocatalogs 200 "$bkerr" --config "$data/spec-only.ini" 0
    # eager: 90 catalogs of 10,000 codes take seconds a run, so fewer runs
    cli_row cli.bkerr_synth90 15 "$bkerr" --config "$data/synth-90.ini" 1004000
    cli_row cli.bkerr_synth90_lazy 200 "$bkerr" --config "$data/lazy-synth-90.ini" 1004000
fi

# ---- callgrind: instructions per lookup, which repeat exactly ----
cg() { # key, toggle function, N, bench args...
    local key=$1 fn=$2 count=$3
    shift 3
    local f=$out/callgrind.$key.out
    if ! valgrind --tool=callgrind --cache-sim=yes --toggle-collect="$fn" \
        --callgrind-out-file="$f" "$bench" "$@" >/dev/null 2>"$out/callgrind.$key.log"; then
        printf 'N\tcg.%s\tvalgrind failed (see %s)\n' "$key" "$out/callgrind.$key.log" >>"$res"
        return
    fi
    python3 bench/report.py --callgrind "$key" "$f" "$count" >>"$res"
}
if [ $callgrind -eq 1 ] && command -v valgrind >/dev/null; then
    cn=100000
    [ $quick -eq 1 ] && cn=20000
    echo "run.sh: callgrind (a few minutes)" >&2
    cg synth90.uniform.bkerr bench_loop_bkerr $cn loop "$data/synth-90.ini" uniform $cn bkerr
    cg synth90.zipf.bkerr bench_loop_bkerr $cn loop "$data/synth-90.ini" zipf $cn bkerr
    cg synth90.uniform.dense bench_loop_dense $cn loop "$data/synth-90.ini" uniform $cn dense
    cg synth90.zipf.dense bench_loop_dense $cn loop "$data/synth-90.ini" zipf $cn dense
    cg synth90.uniform.message bench_loop_message $cn loop "$data/synth-90.ini" uniform $cn message
    cg bundled.uniform.bkerr bench_loop_bkerr $cn loop "$bundled" uniform $cn bkerr
    cg bundled.uniform.message bench_loop_message $cn loop "$bundled" uniform $cn message
    cg synth90.invalid.bkerr bench_loop_bkerr $cn loop "$data/synth-90.ini" invalid $cn bkerr
    cg open.synth1 bench_open_once 1 open-once "$data/synth-1.ini"
    cg open.synth20-1 bench_open_once 1 open-once "$data/synth20-1.ini"
elif [ $callgrind -eq 1 ]; then
    printf 'N\tcg\tvalgrind not installed\n' >>"$res"
fi

python3 bench/report.py "$res" | tee "$out/report.md"
