#!/usr/bin/env python3
"""Turns bench/run.sh's results.tsv into the Markdown tables of
docs/performance.md, with the ratios and the issue's targets.

    report.py RESULTS.tsv                       print the report
    report.py --callgrind KEY OUT.callgrind N   print I lines for one
                                                callgrind run of N operations
"""
import collections
import re
import subprocess
import sys


# ---- callgrind ----------------------------------------------------------------

def callgrind(key, path, count):
    count = int(count)
    events, totals = None, None
    for line in open(path):
        if line.startswith("events:"):
            events = line.split()[1:]
        elif line.startswith("totals:") or (line.startswith("summary:") and totals is None):
            totals = [int(x) for x in line.split()[1:]]
    if not events or not totals:
        print(f"N\tcg.{key}\tno totals in {path}")
        return
    totals += [0] * (len(events) - len(totals))  # trailing zeros are omitted
    ev = dict(zip(events, totals))
    for name in ("Ir", "D1mr", "DLmr", "Bc", "Bcm"):
        if name in ev:
            print(f"I\tcg.{key}.{name}_per_op\t{ev[name] / count:.2f}")
    # Where the instructions go: exclusive Ir by function, and by object.
    try:
        text = subprocess.run(["callgrind_annotate", "--inclusive=no", path],
                              capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return
    by_obj = collections.Counter()
    rows = []
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+)\s+(?:\([\d.\s]+%\)\s+)?(\S.*?):(\S+)\s*(?:\[(.*)\])?\s*$", line)
        if not m:
            continue
        ir = int(m.group(1).replace(",", ""))
        fn = m.group(3)
        obj = (m.group(4) or "?").split("/")[-1]
        rows.append((ir, fn, obj))
        by_obj[obj] += ir
    for ir, fn, obj in sorted(rows, reverse=True)[:8]:
        print(f"I\tcg.{key}.fn.{fn}@{obj}\t{ir / count:.1f}")
    for obj, ir in by_obj.most_common(5):
        print(f"I\tcg.{key}.obj.{obj}\t{ir / count:.1f}")


# ---- results ------------------------------------------------------------------

def load(path):
    R, I, N = {}, {}, {}
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "R" and len(f) >= 7:
            R[f[1]] = dict(med=float(f[2]), min=float(f[3]), max=float(f[4]),
                           unit=f[5], n=int(f[6]))
        elif f[0] == "I" and len(f) >= 3:
            I[f[1]] = f[2]
        elif f[0] == "N" and len(f) >= 3:
            N[f[1]] = f[2]
    return R, I, N


def fmt(v, digits=1):
    if v is None:
        return "—"
    if v >= 100:
        return f"{v:,.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.{max(digits, 2)}f}"


class Report:
    def __init__(self, R, I, N):
        self.R, self.I, self.N = R, I, N
        self.out = []

    def med(self, key):
        r = self.R.get(key)
        return r["med"] if r else None

    def cell(self, key):
        r = self.R.get(key)
        if not r:
            return "n/a" if key in self.N or key + ".open" in self.N else "—"
        return fmt(r["med"])

    def ratio(self, a, b):
        a, b = self.med(a) if isinstance(a, str) else a, self.med(b) if isinstance(b, str) else b
        if a is None or b is None or b == 0:
            return None
        return a / b

    def rcell(self, a, b):
        r = self.ratio(a, b)
        if r is None:
            return "—"
        return f"{r:.0f}×" if r >= 20 else f"{r:.2f}×"

    def p(self, s=""):
        self.out.append(s)

    def table(self, head, rows):
        self.p("| " + " | ".join(head) + " |")
        self.p("|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|")
        for r in rows:
            self.p("| " + " | ".join(str(c) for c in r) + " |")
        self.p()


def pct(r):
    return "—" if r is None else f"{(r - 1) * 100:+.0f}%"


def report(path):
    R, I, N = load(path)
    rp = Report(R, I, N)
    p = rp.p
    p("## Machine and code")
    p()
    for k, label in (("machine.cpu", "CPU"), ("machine.nproc", "cores (nproc)"),
                     ("machine.mem", "memory"), ("machine.kernel", "kernel"),
                     ("machine.cc", "compiler"), ("code.buildtype", "build"),
                     ("code.commit", "commit"),
                     ("code.dirty_files_in_core_include_tools_plugins",
                      "uncommitted files in core/ include/ tools/ plugins/"),
                     ("machine.date", "run at"), ("run.trials", "trials per figure"),
                     ("run.lookups_per_trial", "lookups per trial"),
                     ("run.alloc_count_method", "allocation counting")):
        if k in I:
            p(f"- {label}: {I[k]}")
    p()
    p("Data: bundled = the 14 real catalogs "
      f"({I.get('data.bundled.entries', '?')} codes); synthN = N synthetic catalogs "
      f"of 10,000 codes ({I.get('data.synth90.entries', '?')} codes for 90); "
      "synth20 = the same with 20,000 codes per catalog.")
    p()

    p("## Lookup: ns per lookup (median), bkerr against the dense array")
    p()
    p("lookup = bkerr_lookup(), which fills a whole `struct bkerr_result`; "
      "message = bkerr_message(), the message alone.  "
      "dense = an array of 10^7 entry pointers indexed by the code (bounds check, "
      "one load, the message pointer), built from the same entries through "
      "bkerr_catalog_entry().  throughput = a loop of independent lookups (the "
      "CPU overlaps them, cache misses included); latency = each lookup's code "
      "depends on the previous result, so they run one after another (an error "
      "path).  dense+fill = the same load, then a whole `struct bkerr_result` "
      "filled as bkerr fills it for a hit (the floor of bkerr_lookup()'s "
      "API; throughput).")
    p()
    rows = []
    for ds in ("bundled", "synth1", "synth13", "synth90", "none"):
        for mix in ("uniform", "zipf", "miss", "nocat", "invalid"):
            k = f"lookup.{ds}.{mix}"
            c = f"chain.{ds}.{mix}"
            if k + ".bkerr" not in R and k + ".bkerr" not in N:
                continue
            rows.append([ds, mix, rp.cell(k + ".bkerr"), rp.cell(k + ".message"),
                         rp.cell(k + ".dense"),
                         rp.rcell(k + ".bkerr", k + ".dense"),
                         rp.rcell(k + ".message", k + ".dense"),
                         rp.cell(c + ".bkerr"), rp.cell(c + ".message"),
                         rp.cell(c + ".dense"),
                         rp.rcell(c + ".bkerr", c + ".dense"),
                         rp.rcell(c + ".message", c + ".dense"),
                         rp.cell(k + ".dense_fill"),
                         rp.rcell(k + ".bkerr", k + ".dense_fill")])
    rp.table(["set", "mix", "lookup", "message", "dense", "lookup/dense",
              "message/dense", "lookup latency", "message latency",
              "dense latency", "lookup/dense", "message/dense", "dense+fill",
              "lookup/dense+fill"], rows)
    p("Mix composition (statuses bkerr returned):")
    p()
    for k, v in I.items():
        if k.startswith("mix."):
            p(f"- {k[4:-len('.statuses')]}: {v}")
    p()

    p("## Against com_err and libgpg-error (ns per lookup, median)")
    p()
    p("Equal tables: the same codes with their English messages, as compile_et "
      "tables of at most 256 codes (a com_err code is a table base plus an 8-bit "
      "offset), registered with the generated initialize_*_error_table() in "
      "registry order; error_message() walks its list of tables.")
    p()
    rows = []
    for ds in ("bundled", "synth1", "synth90"):
        for mix in ("uniform", "zipf", "unknown"):
            k = f"lookup.{ds}.{mix}"
            if k + ".comerr" not in R and k + ".comerr" not in N:
                continue
            # measured in the same rounds as com_err where the run has it
            bk = f"cmp.{ds}.{mix}" if f"cmp.{ds}.{mix}.bkerr" in R else \
                k if mix != "unknown" else f"lookup.{ds}.miss"
            rows.append([ds, mix, I.get(f"comerr.{ds}.tables", "?"), rp.cell(k + ".comerr"),
                         rp.cell(bk + ".dense"), rp.cell(bk + ".message"),
                         rp.rcell(k + ".comerr", bk + ".message"),
                         rp.cell(bk + ".bkerr"), rp.rcell(k + ".comerr", bk + ".bkerr")])
    p("Uniform and zipf rows: com_err, the dense array, bkerr_message() and "
      "bkerr_lookup() timed on the same codes, interleaved in the same rounds; "
      "the ratio is com_err's time over bkerr's (above 1: bkerr is faster).")
    p()
    rp.table(["set", "mix", "com_err tables", "com_err error_message", "dense",
              "bkerr_message", "com_err/message", "bkerr_lookup",
              "com_err/lookup"], rows)
    cg = {fn: I.get(f"cg.bundled.uniform.{fn}.Ir_per_op")
          for fn in ("message", "bkerr")}
    if all(cg.values()):
        p(f"Instructions per call (callgrind, bundled, uniform, loop "
          f"included): bkerr_message {float(cg['message']):.1f}, bkerr_lookup "
          f"{float(cg['bkerr']):.1f}.")
        p()
    mism = {k: v for k, v in I.items() if k.startswith("comerr.") and "mismatch" in k}
    if mism:
        p("Same text checked on 2,000 codes per row: " +
          ", ".join(f"{k.split('.')[1]}/{k.split('.')[2]} {v} mismatches" for k, v in mism.items()) + ".")
        p()
    g = "lookup.gpg.uniform."
    if g + "gpg_strerror_r" in R:
        p(f"libgpg-error {I.get('gpg.version', '')}: `gpg_strerror_r()` over its own "
          f"{I.get('gpg.codes', '?')} codes: {rp.cell(g + 'gpg_strerror_r')} ns "
          f"(it copies the text into the caller's buffer); `gpg_strerror()`: "
          f"{rp.cell(g + 'gpg_strerror')} ns.  bkerr over the bundled catalogs, "
          f"uniform: {rp.cell('lookup.bundled.uniform.bkerr')} ns.")
    else:
        p("libgpg-error: not measured (" + N.get(g + "gpg_strerror_r", "missing") + ").")
    p()

    p("## Open: ms per bkerr_open (median)")
    p()
    p("dlopen floor = bare dlopen(RTLD_NOW | RTLD_LOCAL) of the same files; "
      "no-load = bkerr_open_with(BKERR_OPEN_NO_LOAD): bkerr.ini read and checked, "
      "paths resolved, nothing loaded; ini = inih's ini_parse() alone with an "
      "empty handler; rest = open − dlopen − no-load (trust checks, descriptor "
      "and text validation).")
    p()
    rows = []
    for s in ("bundled", "synth", "synth20"):
        for c in ((14,) if s == "bundled" else (1, 13, 90)):
            k = f"open.{s}.{c}"
            if k + ".open" not in R:
                if k + ".open" in N:
                    rows.append([s, c] + ["n/a"] * 9)
                continue
            rest = None
            if all(rp.med(k + x) is not None for x in (".open", ".dlopen", ".noload.open")):
                rest = rp.med(k + ".open") - rp.med(k + ".dlopen") - rp.med(k + ".noload.open")
            lazy = rp.cell(k + ".lazy.open") if k + ".lazy.open" in R else "not supported"
            rows.append([s, c, rp.cell(k + ".open"), rp.cell(k + ".dlopen"),
                         rp.rcell(k + ".open", k + ".dlopen"), rp.cell(k + ".noload.open"),
                         rp.cell(k + ".ini_parse"), fmt(rest), rp.cell(k + ".close"),
                         rp.cell(k + ".dlclose"), lazy])
    rp.table(["set", "catalogs", "bkerr_open", "dlopen floor", "open/dlopen",
              "no-load", "ini", "rest", "close", "dlclose", "lazy open"], rows)
    rows = []
    for c in (1, 13, 90):
        a, b = f"open.synth.{c}", f"open.synth20.{c}"
        d = f"open.doubling.{c}"
        if a + ".open" in R and b + ".open" in R:
            rows.append([c, rp.cell(d + ".10k"), rp.cell(d + ".20k"),
                         pct(rp.ratio(d + ".20k", d + ".10k")),
                         rp.cell(a + ".open"), rp.cell(b + ".open"),
                         pct(rp.ratio(b + ".open", a + ".open")),
                         rp.cell(a + ".dlopen"), rp.cell(b + ".dlopen"),
                         pct(rp.ratio(b + ".dlopen", a + ".dlopen"))])
    if rows:
        p("Doubling the entries per catalog (10,000 → 20,000).  alternating = "
          "the two sets opened in turn, trial by trial (what the target row "
          "uses); separately = the rows of the table above, timed one set "
          "after the other.")
        p()
        rp.table(["catalogs", "open 10k, alternating", "open 20k, alternating",
                  "change", "open 10k, separately", "open 20k, separately",
                  "change", "dlopen 10k", "dlopen 20k", "change"], rows)
    for k in sorted(I):
        if k.startswith("reloc."):
            tag = k.split(".")[1]
            p(f"- relocations in {tag}/cmdb.so: {I[k]} R_X86_64_RELATIVE "
              f"({I.get('size.' + tag + '.cmdb_kib', '?')} KiB file)")
    allocs = [(k, v) for k, v in I.items() if k.startswith("open.") and k.endswith(".allocations")]
    if allocs:
        p("- heap allocations per open: " + ", ".join(
            f"{k[5:-12]} {v}" for k, v in allocs if ".noload" not in k and ".lazy" not in k))
    first = [k for k in R if k.endswith(".first_lookup")]
    for k in first:
        p(f"- {k}: {rp.cell(k)} ms (the first plain lookup of a lazily opened registry loads every catalog: guest codes)")
    p()

    p("## Heap allocations during lookups")
    p()
    rows = []
    for k, v in I.items():
        if k.startswith("alloc.") and k.endswith(".allocations"):
            ds, mix = k.split(".")[1:3]
            rows.append([ds, mix, I.get(f"alloc.{ds}.{mix}.lookups", "?"), v])
    rp.table(["set", "mix", "lookups", "allocations"], rows)

    p("## Memory after bkerr_open (fresh process, /proc/self/status deltas, KiB)")
    p()
    rows = []
    for label in ("bundled", "synth90"):
        if f"rss.{label}.VmRSS_kib" in I:
            rows.append([label, I[f"rss.{label}.VmRSS_kib"], I.get(f"rss.{label}.RssAnon_kib", "?"),
                         I.get(f"rss.{label}.RssFile_kib", "?"),
                         I.get(f"rss.{label}.total_VmRSS_kib", "?")])
    rp.table(["set", "VmRSS Δ", "RssAnon Δ", "RssFile Δ", "VmRSS total"], rows)

    p("## The CLI as a whole process (ms wall time, median)")
    p()
    rows = []
    for k, label in (("cli.true", "/bin/true"), ("cli.errno", "errno ENOENT"),
                     ("cli.bkerr", "bkerr 1199000 (bundled)"),
                     ("cli.bkerr_version", "bkerr --version (no registry)"),
                     ("cli.bkerr_nocatalogs", "bkerr 0 (an ini with no catalog)"),
                     ("cli.bkerr_synth90", "bkerr 1004000 (90 synthetic catalogs)"),
                     ("cli.bkerr_synth90_lazy", "same, load = lazy")):
        if k in R or k in N:
            rows.append([label, rp.cell(k), rp.rcell(k, "cli.errno"), rp.rcell(k, "cli.true")])
    rp.table(["command", "ms", "vs errno", "vs /bin/true"], rows)
    if "cli.timer" in I:
        p(f"Timer: {I['cli.timer']}.")
        p()

    cgk = sorted(k[:-len(".Ir_per_op")] for k in I
                 if k.startswith("cg.") and k.endswith(".Ir_per_op"))
    if cgk:
        p("## Callgrind (exact instruction counts)")
        p()
        p("Per lookup for the loops (100,000 lookups under "
          "--toggle-collect, loop overhead included: the dense loop is 14 "
          "instructions in all); per bkerr_open for open.*.  Cache misses are "
          "callgrind's simulation of this machine's caches.")
        p()
        rows = []
        for k in cgk:
            def num(x):
                v = I.get(k + x)
                if v is None:
                    return "—"
                v = float(v)
                return f"{v / 1e6:.1f} M" if v >= 1e6 else (f"{v:,.0f}" if v >= 1000 else f"{v:.1f}")
            rows.append([k[3:], num(".Ir_per_op"), num(".D1mr_per_op"), num(".DLmr_per_op")])
        rp.table(["what", "instructions", "D1 read misses", "LL read misses"], rows)
        p("Exclusive instructions by function:")
        p()
        for k in cgk:
            fns = [(kk.split(".fn.")[1].split("@")[0], float(v)) for kk, v in I.items()
                   if kk.startswith(k + ".fn.")]
            if fns:
                def short(v):
                    return f"{v / 1e6:.1f} M" if v >= 1e6 else f"{v:.0f}"
                p(f"- {k[3:]}: " + ", ".join(f"{f} {short(v)}" for f, v in fns[:7]))
        p()

    if "match.mix" in R:
        p("## Message matcher: ns per line (bkerr_match, median)")
        p()
        p(f"{I.get('match.templates', '?')} templates (every loaded message, "
          "both languages).  miss = log lines of the usual shapes that hold no "
          "message; hit = a template filled in, after a log prefix; mix = 9 "
          "misses to 1 hit; scan7 = one plain C pass over the mix counting "
          "7-digit runs (the floor of a code scanner, for scale).  The first "
          "call builds the index: "
          f"{fmt(rp.med('match.first_call'))} ms.")
        p()
        rows = []
        for k in ("miss", "hit", "mix", "mix.scan7"):
            r = R.get(f"match.{k}")
            if r:
                rows.append([k, fmt(r["med"]), fmt(r["min"]), fmt(r["max"]),
                             I.get(f"match.{k}.bytes_per_line", "?")])
        rp.table(["lines", "ns/line", "min", "max", "bytes/line"], rows)

    p("## Targets (issue 5)")
    p()
    rows = []

    def verdict(ok):
        return "n/a" if ok is None else ("met" if ok else "**not met**")

    fns = (("message", "bkerr_message"), ("bkerr", "bkerr_lookup"))
    for fn, name in fns:
        for kind, label in (("lookup", "throughput"), ("chain", "latency")):
            for mix in ("uniform", "zipf"):
                r = rp.ratio(f"{kind}.synth90.{mix}.{fn}", f"{kind}.synth90.{mix}.dense")
                rows.append([f"{name} ≤ 3× dense array, 900k codes, {mix}, {label}",
                             "—" if r is None else f"{r:.1f}×",
                             verdict(None if r is None else r <= 3)])
    for fn, name in fns:
        for ds in ("bundled", "synth1", "synth90"):
            side = f"cmp.{ds}.uniform.{fn}"
            r = rp.ratio(f"lookup.{ds}.uniform.comerr",
                         side if side in rp.R else f"lookup.{ds}.uniform.{fn}")
            if r is not None:
                rows.append([f"{name} ≥ 2× faster than com_err, equal tables ({ds}, "
                             f"{I.get(f'comerr.{ds}.tables', '?')} tables)", f"{r:.2f}×",
                             verdict(r >= 2)])
    allocs = [int(v) for k, v in I.items() if k.startswith("alloc.") and k.endswith(".allocations")]
    rows.append(["no heap allocation on lookup paths (bench mixes; tests/test_noalloc.c)",
                 f"{sum(allocs)} allocations in {len(allocs)} mixes",
                 verdict(None if not allocs else sum(allocs) == 0)])
    for c in (1, 13, 90):
        r = rp.ratio(f"open.doubling.{c}.20k", f"open.doubling.{c}.10k")
        if r is None:
            r = rp.ratio(f"open.synth20.{c}.open", f"open.synth.{c}.open")
        if r is not None:
            rows.append([f"open changes < 10% when entries double ({c} catalogs)",
                         f"{(r - 1) * 100:+.0f}%", verdict(abs(r - 1) < 0.10)])
    lz = rp.ratio("open.synth.90.lazy.open", "open.synth.90.noload.open")
    rows.append(["lazy open of 90 catalogs ≤ 2× the ini alone (no-load open)",
                 "not implemented" if lz is None else f"{lz:.2f}×",
                 "**not met**" if lz is None else verdict(lz <= 2)])
    if "rss.bundled.VmRSS_kib" in I:
        rows.append(["resident memory after open, bundled catalogs (reported)",
                     f"{I['rss.bundled.VmRSS_kib']} KiB", "reported"])
    r = rp.ratio("cli.bkerr", "cli.errno")
    rows.append(["`bkerr CODE` ≤ 2× `errno ENOENT`", "—" if r is None else f"{r:.2f}×",
                 verdict(None if r is None else r <= 2)])
    rp.table(["target", "now", "verdict"], rows)

    if N:
        by_reason = collections.defaultdict(list)
        for k, v in N.items():
            by_reason[re.sub(r"^\S*?:\d+: ", "", v)].append(k)
        p("Not measured:")
        p()
        for why, keys in by_reason.items():
            p(f"- {', '.join(keys)}: {why}")
        p()
    return "\n".join(rp.out)


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--callgrind":
        callgrind(*sys.argv[2:])
        return
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    print(report(sys.argv[1]))


if __name__ == "__main__":
    main()
