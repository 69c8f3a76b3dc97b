#!/bin/sh
# End-to-end tests of bkerr search, list, platforms, status and export, of
# symbol lookups and display names, the man page sources and the bash
# completion: the real binary against the build tree's bkerr.ini (every
# bundled catalog) and against bkerr.ini files written here.  JSON, CSV and the constants files are read back with
# python3 (json, csv, import) and a C compiler, never compared whole.
# Run by `meson test cli-a`, which sets the environment below.
set -eu

: "${BKERR_EXE:?run me with meson test (BKERR_EXE unset)}"
: "${BKERR_BUILD_PLUGINS:?run me with meson test}"
: "${BKERR_TEST_PLUGINS:?run me with meson test}"
: "${BKERR_SOURCE_ROOT:?run me with meson test}"
: "${BKERR_DEVENV_CONFIG:?run me with meson test}"

if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 is needed to read the JSON, CSV and constants back; skipped"
    exit 77
fi

unset BKERR_CONFIG BKERR_LANG NO_COLOR COLUMNS PAGER
# The tool picks C.UTF-8 for widths itself; Python must read UTF-8 too.
LC_ALL=C.UTF-8
PYTHONIOENCODING=utf-8
export LC_ALL PYTHONIOENCODING

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bkerr-cli-a-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

. "$(dirname "$0")/check.sh"

# py DESC [ARGS...] <<EOF ... EOF: runs a python3 check on the last run's
# stdout (the file $tmp/stdout is sys.argv[1], further ARGS follow); the
# check passes when the script exits 0, and fails with what it printed.
py() {
    desc=$1
    shift
    cat >"$tmp/check.py"
    set +e
    msg=$(python3 "$tmp/check.py" "$tmp/stdout" "$@" 2>&1)
    prc=$?
    set -e
    if [ "$prc" -eq 0 ]; then
        pass
    else
        fail "$desc" "the python check to pass" "$msg"
    fi
}

# The display width helper every alignment check uses.
cat >"$tmp/width.py" <<'EOF'
import unicodedata

def width(s):
    """Terminal columns of s: East Asian wide and fullwidth take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)

def cut(line, start, end=None):
    """The characters of line between display columns start and end."""
    col, picked = 0, []
    for ch in line:
        if col >= start and (end is None or col < end):
            picked.append(ch)
        col += width(ch)
    return "".join(picked)

def columns(header, names):
    """Display column at which each header name starts."""
    return [width(header[:header.index(n)]) for n in names]
EOF
PYTHONPATH=$tmp
export PYTHONPATH

bkerr="$BKERR_EXE"
conf="$BKERR_DEVENV_CONFIG"

# ---- status --------------------------------------------------------------

run "$bkerr" --config "$conf" status
exit_is 0
err_empty
for id in gse cmdb job paas bk_iam usermgr bk_monitor bk_sops bk_log_search \
    bk_nodeman itsm gsekit bk_paas3 blueking; do
    out_has "$id"
done
out_has "/cmdb.so"

run "$bkerr" --config "$conf" status --json
exit_is 0
py "status --json: every catalog loaded, with counts" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["error"] is None, d["error"]
assert d["config"].endswith("bkerr.ini"), d["config"]
ids = [c["id"] for c in d["catalogs"]]
assert ids[:3] == ["gse", "cmdb", "job"] and "blueking" in ids, ids
for c in d["catalogs"]:
    assert c["state"] == "loaded", c
    # (bk_turbo's and bk_hcm's codes are all legacy: guest codes)
    assert c["entries"] + c["legacy"] > 0 and c["reason"] is None, c
    assert c["path"].endswith("/" + c["id"] + ".so"), c
    assert isinstance(c["line"], int) and c["line"] > 0, c
    assert c["version"] and c["name_zh"], c
cmdb = d["catalogs"][ids.index("cmdb")]
assert cmdb["prefix"] == 11 and cmdb["legacy"] >= 1, cmdb
EOF

# one missing, one disabled, one fine
mkdir "$tmp/mixed"
cat >"$tmp/mixed/bkerr.ini" <<EOF
[registry]
plugin_dir = $BKERR_BUILD_PLUGINS

[catalog.cmdb]
[catalog.nosuch]
[catalog.job]
enabled = false
EOF
run "$bkerr" --config "$tmp/mixed/bkerr.ini" status
exit_is 1
out_has "rejected"
out_has "disabled"
out_has "$tmp/mixed/bkerr.ini:5:"
out_has "nosuch.so"

run "$bkerr" --config "$tmp/mixed/bkerr.ini" status --json
exit_is 1
py "status --json: loaded, rejected, disabled" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
by = {c["id"]: c for c in d["catalogs"]}
assert [c["id"] for c in d["catalogs"]] == ["cmdb", "nosuch", "job"]
assert by["cmdb"]["state"] == "loaded" and by["cmdb"]["prefix"] == 11
assert by["nosuch"]["state"] == "rejected" and "nosuch.so" in by["nosuch"]["reason"]
assert by["nosuch"]["line"] == 5 and by["nosuch"]["prefix"] is None
assert by["job"]["state"] == "disabled" and by["job"]["reason"] is None
assert by["job"]["entries"] == 0 and by["job"]["version"] is None
assert d["error"] is None
EOF

# a required catalog that fails: the open fails, status still shows all
sed 's/^\[catalog.nosuch\]$/[catalog.nosuch]\nrequired = true/' \
    "$tmp/mixed/bkerr.ini" >"$tmp/mixed/required.ini"
run "$bkerr" --config "$tmp/mixed/required.ini" status --json
exit_is 3
err_has "catalog 'nosuch' is required and was rejected"
py "status --json with a failing required catalog" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert "nosuch" in d["error"], d["error"]
by = {c["id"]: c for c in d["catalogs"]}
assert by["cmdb"]["state"] == "loaded", by["cmdb"]
assert by["nosuch"]["state"] == "rejected" and by["nosuch"]["required"]
assert by["job"]["state"] == "disabled"
EOF

# an invalid bkerr.ini: nothing on stdout, the file and line on stderr
printf '[registry]\nlnag = en\n' >"$tmp/mixed/broken.ini"
run "$bkerr" --config "$tmp/mixed/broken.ini" status
exit_is 3
out_empty
err_has "broken.ini:2:"

run "$bkerr" --config "$conf" status extra
exit_is 2
err_has "status takes no arguments"

# ---- list ----------------------------------------------------------------

run "$bkerr" --config "$conf" list --json cmdb
exit_is 0
py "list --json cmdb" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
[c] = d["catalogs"]
assert c["id"] == "cmdb" and c["prefix"] == 11 and c["name_zh"] == "配置平台"
by = {e["code"]: e for e in c["entries"]}
e = by[1199000]
assert e["symbol"] == "CCErrCommJSONUnmarshalFailed", e
assert e["message_zh"] == "反序列化JSON数据失败" and e["message_en"], e
assert e["legacy"] is False and e["advice_zh"], e
assert by[3001]["legacy"] is True, by[3001]
codes = [e["code"] for e in c["entries"] if not e["legacy"]]
assert codes == sorted(codes), "codes out of order"
for e in c["entries"]:
    assert set(e) >= {"code", "symbol", "legacy", "module", "message_zh",
                      "message_en", "advice_zh", "advice_en",
                      "advice_inherited"}, e
EOF

"$bkerr" --config "$conf" status --json >"$tmp/status.json"
run "$bkerr" --config "$conf" list --json
exit_is 0
py "list --json: every loaded catalog, by prefix, with all its entries" \
    "$tmp/status.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
st = json.load(open(sys.argv[2]))
want = {c["id"]: c["entries"] + c["legacy"] + c["variants"]
        for c in st["catalogs"] if c["state"] == "loaded"}
got = {c["id"]: len(c["entries"]) for c in d["catalogs"]}
assert got == want, (got, want)
prefixes = [c["prefix"] for c in d["catalogs"]]
assert prefixes == sorted(prefixes), prefixes
EOF

# Columns line up by display width, Chinese symbols and messages included:
# each cell cut at the header's columns is the entry's text.
"$bkerr" --config "$conf" list --json bk_monitor >"$tmp/monitor.json"
run "$bkerr" --config "$conf" --lang zh_CN list bk_monitor
exit_is 0
out_has "基础错误"
py "list bk_monitor: columns line up (zh_CN)" "$tmp/monitor.json" <<'EOF'
import json, sys
from width import columns, cut
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
entries = json.load(open(sys.argv[2]))["catalogs"][0]["entries"]
assert lines[0].startswith("bk_monitor"), lines[0]
header = lines[1]
sym, status, msg = columns(header, ["SYMBOL", "STATUS", "MESSAGE"])
rows = [l for l in lines[2:] if l and not l.startswith("legacy codes")]
assert len(rows) == len(entries), (len(rows), len(entries))
wide = 0
for line, e in zip(rows, entries):
    assert cut(line, 0, sym).rstrip() == str(e["code"]), line
    assert cut(line, sym, status).rstrip() == e["symbol"], (line, e["symbol"])
    assert cut(line, status, msg).rstrip() == (e["code_status"] or "-"), line
    message = e["message_zh"] or e["message_en"]
    assert cut(line, msg) == message.replace("\n", " "), (line, message)
    assert cut(line, msg - 1, msg) == " ", line
    wide += any(ord(ch) > 0x2E80 for ch in e["symbol"])
assert wide > 5, "expected Chinese symbols in bk_monitor"
EOF

run "$bkerr" --config "$conf" list
exit_is 0
out_has "cmdb 配置平台"
out_has "blueking"

run "$bkerr" --config "$conf" list --product cmdb
exit_is 0
out_has "CCErrCommJSONUnmarshalFailed"

run "$bkerr" --config "$conf" list nosuch
exit_is 2
err_has "'nosuch': no platform or catalog has this id"

run "$bkerr" --config "$conf" list bk_devops
exit_is 1
err_has "'bk_devops' has no catalog"

run "$bkerr" --config "$tmp/mixed/bkerr.ini" list job
exit_is 1
err_has "catalog 'job' is disabled"

run "$bkerr" --config "$conf" list cmdb job
exit_is 2
err_has "list takes one PRODUCT"

run "$bkerr" --config "$conf" list --frob
exit_is 2
err_has "unknown option '--frob'"

# ---- search --------------------------------------------------------------

run "$bkerr" --config "$conf" search CCErrCommJSONUnmarshalFailed
exit_is 0
out_has "1199000"
out_has "反序列化JSON数据失败"

run "$bkerr" --config "$conf" --json search ccerrcommjsonunmarshalfailed
exit_is 0
py "search: a symbol in other case is an exact match, first" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d[0]["match"] == "symbol" and d[0]["code"] == 1199000, d[0]
assert d[0]["catalog"] == "cmdb", d[0]
EOF

# Ranking: a symbol that is part of other symbols comes first, then those
# symbols, then messages, then advice; picked from the export.
"$bkerr" --config "$conf" export --format json >"$tmp/export.json"
python3 - "$tmp/export.json" >"$tmp/pair" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
syms = {}
for c in d["catalogs"]:
    for e in c["entries"]:
        for s in (e["symbol"] or "").split("/"):
            if s.isascii() and len(s) > 8:
                syms.setdefault(s, e["code"])
for s in sorted(syms):
    longer = [t for t in syms if t != s and s.lower() in t.lower()]
    if longer:
        print(s, syms[s], syms[longer[0]])
        break
EOF
read -r sym code other <"$tmp/pair"
run "$bkerr" --config "$conf" search --json "$sym"
exit_is 0
py "search $sym: exact symbol first, then symbol substrings" \
    "$code" "$other" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
code, other = int(sys.argv[2]), int(sys.argv[3])
assert d[0]["match"] == "symbol" and d[0]["code"] == code, d[0]
assert any(m["code"] == other and m["match"] == "symbol_substring" for m in d)
order = ["symbol", "symbol_substring", "message", "advice"]
ranks = [order.index(m["match"]) for m in d]
assert ranks == sorted(ranks), ranks
EOF

run "$bkerr" --config "$conf" search --json json
exit_is 0
py "search json: all four ranks in order, case ignored" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
order = ["symbol", "symbol_substring", "message", "advice"]
ranks = [order.index(m["match"]) for m in d]
assert ranks == sorted(ranks), ranks
assert {"symbol_substring", "message", "advice"} <= {m["match"] for m in d}
for m in d:
    texts = {"symbol_substring": [m["symbol"]],
             "message": [m["message_zh"], m["message_en"]],
             "advice": [m["advice_zh"], m["advice_en"]]}.get(m["match"], [])
    assert any(t and "json" in t.lower() for t in texts), m
EOF

# Chinese text, and English text shown in the chosen language
run "$bkerr" --config "$conf" search --json 反序列化JSON数据
exit_is 0
py "search Chinese message" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert any(m["code"] == 1199000 and m["match"] == "message" for m in d), d
EOF

run "$bkerr" --config "$conf" --lang zh_CN search deserializing JSON data
exit_is 0
out_has "反序列化JSON数据失败"

# the special codes are searched too
run "$bkerr" --config "$conf" --json search 系统繁忙
exit_is 0
py "search finds the special code -1" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert any(m["code"] == -1 and m["catalog"] is None for m in d), d
EOF

run "$bkerr" --config "$conf" --product cmdb --json search json
exit_is 0
py "search --product cmdb: only cmdb" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d and all(m["catalog"] == "cmdb" for m in d), d
EOF

run "$bkerr" --config "$conf" search zzqqxxnothing
exit_is 1
out_empty
err_has "nothing matches"

run "$bkerr" --config "$conf" --json search zzqqxxnothing
exit_is 1
py "search --json with no match: []" <<'EOF'
import json, sys
assert json.load(open(sys.argv[1])) == []
EOF

run "$bkerr" --config "$conf" search
exit_is 2
err_has "no search text"

run "$bkerr" --config "$conf" search "  "
exit_is 2
err_has "empty"

# columns of search line up
run "$bkerr" --config "$conf" --lang zh_CN search 插件
exit_is 0
py "search: columns line up with Chinese" <<'EOF'
import sys
from width import columns, cut
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
cols = columns(lines[0], ["CODE", "CATALOG", "MATCH", "SYMBOL", "MESSAGE"])
assert len(lines) > 5
for line in lines[1:]:
    for k in range(1, len(cols)):
        assert cut(line, cols[k] - 1, cols[k]) == " ", (line, cols[k])
        assert cut(line, cols[k], cols[k] + 1) != " ", (line, cols[k])
    int(cut(line, 0, cols[1]))
EOF

# ---- platforms -------------------------------------------------------------

run "$bkerr" --config "$conf" platforms --json
exit_is 0
cp "$tmp/stdout" "$tmp/platforms.json"
py "platforms --json: 10-99, specials, catalogs" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert [s["code"] for s in d["specials"]] == [-1, 0]
assert d["specials"][0]["message_zh"] == "系统繁忙"
ps = d["platforms"]
assert [p["prefix"] for p in ps] == list(range(10, 100))
by = {p["prefix"]: p for p in ps}
assert by[11]["id"] == "cmdb" and by[11]["category"] == "platform"
assert by[11]["catalog"]["state"] == "loaded"
assert by[11]["catalog"]["path"].endswith("/cmdb.so")
assert by[11]["catalog"]["entries"] > 0
assert by[20]["id"] == "bk_devops" and by[20]["catalog"] is None
assert by[18]["assigned"] is False and by[18]["id"] is None
assert by[33]["id"] == "bk_monitor" and by[33]["admin"] is True
assert by[99]["category"] == "BlueKing-wide service" and by[99]["id"] == "blueking"
assert by[52]["id"] == "MySQL" and by[52]["name_zh"] is None
cats = {p["prefix"]: p["category_zh"] for p in ps}
assert cats[30] == "SaaS 后台" and cats[50] == "公共服务" and cats[80] == "第三方 SaaS"
EOF
py "platforms --json: a platform's catalog is status's object for it" \
    "$tmp/status.json" <<'EOF'
import json, sys
ps = json.load(open(sys.argv[1]))["platforms"]
st = {c["id"]: c for c in json.load(open(sys.argv[2]))["catalogs"]}
n = 0
for p in ps:
    if p["catalog"] is not None:
        assert p["catalog"] == st[p["id"]], (p["catalog"], st[p["id"]])
        n += 1
    else:
        assert p["id"] not in st, p
assert n >= 15, n
EOF

for lang in zh_CN en; do
    run "$bkerr" --config "$conf" --lang "$lang" platforms
    exit_is 0
    py "platforms ($lang): every cell at its header's column" \
        "$tmp/platforms.json" "$lang" <<'EOF'
import json, sys
from width import columns, cut
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
d = json.load(open(sys.argv[2]))
en = sys.argv[3] == "en"
names = ["PREFIX", "CATEGORY", "ID", "NAME", "CATALOG", "PATH"]
cols = columns(lines[0], names) + [None]
rows = lines[1:]
assert len(rows) == 2 + 90, len(rows)
def cells(line):
    return [cut(line, cols[k], cols[k + 1]).rstrip() for k in range(6)]
for line, s in zip(rows, d["specials"]):
    c = cells(line)
    assert c[0] == str(s["code"]), c
    assert c[3] == (s["message_en"] if en else s["message_zh"]), c
for line, p in zip(rows[2:], d["platforms"]):
    c = cells(line)
    assert line == line.rstrip(), "blanks at the end: %r" % line
    assert c[0] == str(p["prefix"]), c
    assert c[1] == (p["category"] if en else p["category_zh"]), c
    assert c[2] == (p["id"] or "-"), c
    if p["id"]:
        want = (p["name_en"] or p["name_zh"]) if en else (p["name_zh"] or p["name_en"])
        assert c[3] == want, (c, want)
    cat = p["catalog"]
    assert c[4] == (cat["state"] if cat else "-"), c
    assert c[5] == (cat["path"] if cat else ""), c
EOF
done

# an admin's platform and a disabled catalog
mkdir "$tmp/admin"
cat >"$tmp/admin/bkerr.ini" <<EOF
[registry]
plugin_dir = $BKERR_TEST_PLUGINS

[platform.34]
id = monitor
name_zh = 监控平台（测试）
name_en = Monitor test

[catalog.cmdb]
path = handmade.so
enabled = false
EOF
run "$bkerr" --config "$tmp/admin/bkerr.ini" platforms --json
exit_is 0
py "platforms --json: [platform.34] and a disabled catalog" <<'EOF'
import json, sys
by = {p["prefix"]: p for p in json.load(open(sys.argv[1]))["platforms"]}
assert by[34]["id"] == "monitor" and by[34]["admin"] is True
assert by[34]["name_zh"] == "监控平台（测试）" and by[34]["catalog"] is None
assert by[11]["catalog"]["state"] == "disabled", by[11]
assert by[33]["assigned"] is False
EOF

run "$bkerr" --config "$conf" platforms extra
exit_is 2

# ---- export: markdown ------------------------------------------------------

run "$bkerr" --config "$conf" export --format markdown
exit_is 0
err_empty
py "markdown: every row of the allocation table, specials, generics, pages" \
    "$tmp/platforms.json" "$tmp/export.json" <<'EOF'
import json, re, sys
md = open(sys.argv[1], encoding="utf-8").read()
plat = json.load(open(sys.argv[2]))
exp = json.load(open(sys.argv[3]))
def rows(text):
    return [[c.strip() for c in l.strip()[1:-1].split(" | ")]
            for l in text.split("\n") if l.startswith("| ")]
alloc = md.split("## 二、错误码分配表")[1].split("\n## ")[0]
table = {int(r[2]): r for r in rows(alloc)[1:]}
assert sorted(table) == list(range(10, 100)), sorted(table)
for p in plat["platforms"]:
    r = table[p["prefix"]]
    assert r[0] == (p["id"] or ""), (r, p)
    if p["id"]:
        assert r[1] == (p["name_zh"] or p["name_en"]), (r, p)
    else:
        assert r[1] == "（未分配）", r
    assert r[3] == p["category_zh"], (r, p)
    if p["catalog"] and p["catalog"]["state"] == "loaded":
        assert r[5].startswith(p["id"] + " "), r
basics = md.split("## 一、错误码基本信息")[1].split("\n## ")[0]
b = {r[0]: r[1] for r in rows(basics)[1:]}
assert b["-1"] == "系统繁忙" and b["0"] == "请求成功", b
assert b["平台类"] == "10-29" and b["蓝鲸体系通用服务"] == "99", b
generic = md.split("## 通用错误码 ID")[1].split("\n## ")[0]
ids = [r[0] for r in rows(generic)[1:]]
assert ids == ["%05d" % g["id"] for g in exp["generic"]], ids
assert "04000" in ids and "60109" in ids
for c in exp["catalogs"]:
    head = "### " + c["name_zh"] + "错误码"
    assert head in md, head
    page = md.split(head)[1].split("\n### ")[0]
    codes = [int(r[0]) for r in rows(page) if re.fullmatch(r"-?\d+", r[0])]
    assert codes == [e["code"] for e in c["entries"]], c["id"]
cmdb = md.split("### 配置平台错误码")[1].split("\n### ")[0]
assert "| 1199000 | `CCErrCommJSONUnmarshalFailed` | 反序列化JSON数据失败 |" in cmdb
assert "`bkerr --product cmdb CODE`" in cmdb
EOF

run "$bkerr" --config "$conf" --lang en export --format markdown cmdb
exit_is 0
py "markdown cmdb (en): one page, no allocation table" <<'EOF'
import sys
md = open(sys.argv[1], encoding="utf-8").read()
assert md.startswith("# Configuration platform (CMDB) error codes\n"), md[:80]
assert "Allocation table" not in md
assert "| Code | Symbol | Meaning | Advice |" in md
assert "| 1199000 | `CCErrCommJSONUnmarshalFailed` | Deserializing JSON data failed |" in md
EOF

# ---- export: json ----------------------------------------------------------

py "export json: the documented document" "$tmp/status.json" <<EOF
import json, sys
d = json.load(open("$tmp/export.json"))
st = json.load(open(sys.argv[2]))
assert d["format"] == "bkerr-export" and d["format_version"] == 1
assert d["bkerr_version"] and d["product"] is None
assert [c["category"] for c in d["categories"]] == ["platform",
    "SaaS back end", "public service", "third-party SaaS", "BlueKing-wide service"]
assert (d["categories"][0]["first"], d["categories"][0]["last"]) == (10, 29)
assert [s["code"] for s in d["specials"]] == [-1, 0]
assert d["specials"][0]["message_en"] == "System busy"
assert d["generic"][0]["id"] == 4000 and d["generic"][0]["message_zh"] == "请求参数非法"
assert [p["prefix"] for p in d["platforms"]] == list(range(10, 100))
want = {c["id"]: c["entries"] + c["legacy"] + c["variants"]
        for c in st["catalogs"]}
assert {c["id"]: len(c["entries"]) for c in d["catalogs"]} == want
EOF

py "export json: each catalog's ranges, and its entries' modules in them" \
    "$tmp/status.json" <<EOF
import json, sys
d = json.load(open("$tmp/export.json"))
st = {c["id"]: c for c in json.load(open(sys.argv[2]))["catalogs"]}
with_ranges = 0
for c in d["catalogs"]:
    rs = c["ranges"]
    assert len(rs) == st[c["id"]]["ranges"], (c["id"], len(rs))
    assert [r["first"] for r in rs] == sorted(r["first"] for r in rs), c["id"]
    for r in rs:
        assert set(r) == {"first", "last", "module", "advice_zh", "advice_en"}, r
        assert r["first"] <= r["last"], r
    for e in c["entries"]:
        if e["legacy"]:
            continue
        inside = [r for r in rs if r["first"] <= e["code"] <= r["last"]]
        assert e["module"] == (inside[0]["module"] if inside else None), (c["id"], e["code"])
    with_ranges += bool(rs)
assert with_ranges >= 3, with_ranges
b = {c["id"]: c for c in d["catalogs"]}["bkbase"]["ranges"][0]
assert (b["first"], b["last"]) == (1500000, 1500999) and b["advice_zh"] and b["advice_en"], b
EOF

run "$bkerr" --config "$conf" list --json
exit_is 0
py "list --json: each catalog object is export's" <<EOF
import json, sys
got = json.load(open(sys.argv[1]))["catalogs"]
want = json.load(open("$tmp/export.json"))["catalogs"]
assert got == want, "list's catalogs differ from export's"
EOF

run "$bkerr" --config "$conf" export --format json
if cmp -s "$tmp/stdout" "$tmp/export.json"; then pass; else
    fail "export json" "the same bytes twice" "two different documents"; fi

run "$bkerr" --config "$conf" --json export cmdb
exit_is 0
py "export --json cmdb" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["product"] == "cmdb" and [c["id"] for c in d["catalogs"]] == ["cmdb"]
assert len(d["platforms"]) == 90
EOF

# ---- lookup: symbols and display names --------------------------------------

# symbol, product: every definition export lists under symbol, in
# bkerr.ini's order, only product's when given
cat >"$tmp/symbol.py" <<'EOF'
import json, sys
got = json.load(open(sys.argv[1]))
export = json.load(open(sys.argv[2]))
order = [c["id"] for c in json.load(open(sys.argv[3]))["catalogs"]]
symbol, product = sys.argv[4], sys.argv[5] or None
want = []
for c in sorted(export["catalogs"], key=lambda c: order.index(c["id"])):
    if product and c["id"] != product:
        continue
    for e in c["entries"]:
        if symbol in (e["symbol"] or "").split("/"):
            want.append((c["id"], e["code"], e["variant"]))
have = [(r["catalog"], r["code"], r["variant"]) for r in got]
assert have == want, (have, want)
for r in got:
    assert r["status"] == "found" and symbol in r["symbol"].split("/"), r
print(json.dumps(have))
EOF
# symbol_is DESC SYMBOL PRODUCT EXPECTED: checks the last run's JSON
symbol_is() {
    set +e
    got=$(python3 "$tmp/symbol.py" "$tmp/stdout" "$tmp/export.json" \
        "$tmp/status.json" "$2" "$3" 2>&1)
    set -e
    if [ "$got" = "$4" ]; then pass; else fail "$1" "$4" "$got"; fi
}

run "$bkerr" --config "$conf" --json BizNotExistError
exit_is 0
symbol_is "a symbol gives every definition, in bkerr.ini's order" \
    BizNotExistError "" \
    '[["bk_log_search", 3600004, 0], ["bk_nodeman", 3800004, 1], ["gsekit", 4100004, 0], ["bkdbm", 8700004, 0], ["bk_dop", 4200004, 0], ["bk_chatbot", 4200004, 0]]'
run "$bkerr" --config "$conf" --json --product gsekit BizNotExistError
exit_is 0
symbol_is "--product gsekit BizNotExistError: gsekit's only" \
    BizNotExistError gsekit '[["gsekit", 4100004, 0]]'
run "$bkerr" --config "$conf" --json --product bk_nodeman BkJwtVerifyException
exit_is 0
symbol_is "--product bk_nodeman BkJwtVerifyException: bk_nodeman's" \
    BkJwtVerifyException bk_nodeman '[["bk_nodeman", 3800017, 1]]'
run "$bkerr" --config "$conf" --json CCErrCommJSONUnmarshalFailed
exit_is 0
symbol_is "a symbol of one entry" CCErrCommJSONUnmarshalFailed "" \
    '[["cmdb", 1199000, 0]]'

run "$bkerr" --config "$conf" --product gsekit BizNotExistError
exit_is 0
out_has "4100004 [gsekit"
out_lacks "3600004"
run "$bkerr" --config "$conf" --product bk_nodeman BkJwtVerifyException
exit_is 0
out_has "3800017 [bk_nodeman"
out_lacks "3612902"
run "$bkerr" --config "$conf" BizNotExistError
exit_is 0
out_has "3600004 [bk_log_search"
out_has "4100004 [gsekit"
out_has "8700004 [bkdbm"
run "$bkerr" --config "$conf" --product cmdb BizNotExistError
exit_is 2
err_has "nor the symbol of an entry of cmdb; try bkerr search --product cmdb BizNotExistError"
run "$bkerr" --config "$conf" --product bk_devops BizNotExistError
exit_is 2
err_has "nor the symbol of an entry of bk_devops"
run "$bkerr" --config "$conf" NoSuchSymbolAnywhere
exit_is 2
err_has "nor the symbol of a loaded entry; try bkerr search NoSuchSymbolAnywhere"
run "$bkerr" --config "$conf" --product nosuch BizNotExistError
exit_is 2
err_has "--product 'nosuch': no platform has this id"

# One display name per product: a lookup, list and platforms agree.
run "$bkerr" --config "$conf" --lang en 1900001
out_has "1900001 [bk_iam IAM SaaS · platform]"
run "$bkerr" --config "$conf" --lang en list --no-pager bk_iam
exit_is 0
out_has "bk_iam IAM SaaS  (prefix 19,"
run "$bkerr" --config "$conf" --json 1900001 1199000 3300001
py "one display name: lookup, list and platforms" "$tmp/platforms.json" <<EOF
import json, sys
plat = {p["prefix"]: p for p in json.load(open(sys.argv[2]))["platforms"]}
cats = {c["id"]: c for c in json.load(open("$tmp/export.json"))["catalogs"]}
for r in json.load(open(sys.argv[1])):
    p = r["platform"]
    names = (p["name_zh"], p["name_en"])
    assert names == (plat[p["prefix"]]["name_zh"], plat[p["prefix"]]["name_en"]), r
    assert names == (cats[p["id"]]["name_zh"], cats[p["id"]]["name_en"]), r
assert plat[19]["name_en"] == "IAM SaaS", plat[19]
EOF

# ---- export: csv -----------------------------------------------------------

run "$bkerr" --config "$conf" export --format=csv
exit_is 0
py "csv: RFC 4180, one row per entry, equal to the json" "$tmp/export.json" <<'EOF'
import csv, json, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n") and b"\r\n" in raw
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0] == ["catalog", "prefix", "code", "legacy", "symbol", "module",
    "message_zh", "message_en", "advice_zh", "advice_en", "advice_inherited",
    "variant", "code_status", "upstream", "defined", "raised", "docs",
    "note_zh", "note_en"]
d = json.load(open(sys.argv[2]))
want = []
for c in d["catalogs"]:
    for e in c["entries"]:
        want.append([c["id"], str(c["prefix"]), str(e["code"]),
                     "true" if e["legacy"] else "false", e["symbol"] or "",
                     e["module"] or "", e["message_zh"] or "",
                     e["message_en"] or "", e["advice_zh"] or "",
                     e["advice_en"] or "",
                     "true" if e["advice_inherited"] else "false",
                     str(e["variant"]), e["code_status"] or "",
                     e["upstream"] or "", e["defined"] or "",
                     " ".join(e["raised"] or []), e["docs"] or "",
                     e["note_zh"] or "", e["note_en"] or ""])
assert rows[1:] == want, "csv rows differ from the json"
assert any("," in f for r in rows for f in r), "no field with a comma"
EOF

# ---- export: C and Python constants ----------------------------------------

run "$bkerr" --config "$conf" export --format c-defines
exit_is 0
cp "$tmp/stdout" "$tmp/bkerr_codes.h"
"$bkerr" --config "$conf" export --format c-defines cmdb >"$tmp/bkerr_cmdb.h"
cat >"$tmp/use.c" <<'EOF'
#include <stdio.h>
#include <bkerr/bkerr.h>
#include <bkerr/plugin.h>
#include "bkerr_codes.h"
#include "bkerr_cmdb.h"
#include "bkerr_codes.h"

int main(void)
{
    printf("%d %d\n", BKERR_CMDB_CCERRCOMMJSONUNMARSHALFAILED,
           BKERR_CMDB_CCSYSTEMUNKNOWNERROR);
    return 0;
}
EOF
cc=${CC:-cc}
run "$cc" -std=c11 -Wall -Wextra -Werror -pedantic -I"$BKERR_SOURCE_ROOT/include" \
    -I"$BKERR_BUILD_INCLUDE" -I"$tmp" -o "$tmp/use" "$tmp/use.c"
exit_is 0
run "$tmp/use"
exit_is 0
if [ "$out" = "1199000 -2" ]; then pass; else
    fail "c-defines" "1199000 -2" "$out"; fi

run "$bkerr" --config "$conf" export --format python-defines
exit_is 0
cp "$tmp/stdout" "$tmp/bkerr_codes.py"
py "python-defines: a module of unique, valid constants for every code" \
    "$tmp/export.json" "$tmp/bkerr_codes.h" <<'EOF'
import json, re, sys
import bkerr_codes as m  # $tmp/bkerr_codes.py, on PYTHONPATH
assert m.__file__.endswith("bkerr_codes.py")
assert m.BKERR_CMDB_CCERRCOMMJSONUNMARSHALFAILED == 1199000
names = m.__all__
assert len(names) == len(set(names))
assigned = re.findall(r"^(BKERR_\w+) = ", open(m.__file__).read(), re.M)
assert sorted(assigned) == sorted(names), "a name assigned twice"
assert all(re.fullmatch(r"BKERR_[A-Z0-9_]+", n) for n in names)
values = {getattr(m, n) for n in names}
d = json.load(open(sys.argv[2]))
codes = {e["code"] for c in d["catalogs"] for e in c["entries"]}
assert codes <= values, sorted(codes - values)[:5]
# the C header defines the same names with the same values
c = dict(re.findall(r"^#define (BKERR_\w+) \(?(-?\d+)\)?", open(sys.argv[3]).read(), re.M))
assert {k: int(v) for k, v in c.items()} == {n: getattr(m, n) for n in names}
# a symbol two codes of one catalog share: each gets its code appended
for cat in d["catalogs"]:
    seen = {}
    for e in cat["entries"]:
        for s in (e["symbol"] or "").split("/"):
            if s.isascii() and re.search(r"[A-Za-z0-9]", s):
                seen.setdefault(re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_").upper(),
                                set()).add(e["code"])
    for s, cs in seen.items():
        base = "BKERR_%s_%s" % (cat["id"].upper(), s)
        if len(cs) > 1:
            assert base not in names, base
            for code in cs:
                tag = "M%d" % -code if code < 0 else str(code)
                assert getattr(m, base + "_" + tag) == code, base
        else:
            assert getattr(m, base) in cs, base
EOF

# a bkerr.ini without catalogs: empty listings and exports, still valid
mkdir "$tmp/empty"
printf '[registry]\nlang = en\n' >"$tmp/empty/bkerr.ini"
run "$bkerr" --config "$tmp/empty/bkerr.ini" list
exit_is 0
out_empty
err_has "no catalog is loaded"
run "$bkerr" --config "$tmp/empty/bkerr.ini" --json list
exit_is 0
py "list --json without catalogs" <<'EOF'
import json, sys
assert json.load(open(sys.argv[1])) == {"catalogs": []}
EOF
run "$bkerr" --config "$tmp/empty/bkerr.ini" --json export
exit_is 0
py "export --json without catalogs" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["catalogs"] == [] and len(d["platforms"]) == 90 and d["generic"]
EOF
run "$bkerr" --config "$tmp/empty/bkerr.ini" search json
exit_is 1
run "$bkerr" --config "$tmp/empty/bkerr.ini" export --format c-defines
exit_is 0
cp "$tmp/stdout" "$tmp/empty/codes.h"
printf '#include "codes.h"\nint main(void) { return 0; }\n' >"$tmp/empty/use.c"
run "$cc" -std=c11 -Wall -Wextra -Werror -pedantic -o "$tmp/empty/use" \
    "$tmp/empty/use.c"
exit_is 0
run "$bkerr" --config "$tmp/empty/bkerr.ini" export --format python-defines
exit_is 0
py "python-defines without catalogs" <<'EOF'
import runpy, sys
assert runpy.run_path(sys.argv[1], run_name="codes")["__all__"] == []
EOF

run "$bkerr" --config "$conf" export --format yaml
exit_is 2
err_has "--format 'yaml'"

run "$bkerr" --config "$conf" --json export --format csv
exit_is 2
err_has "disagree"

run "$bkerr" --config "$conf" export --format
exit_is 2
err_has "--format needs a value"

run "$bkerr" --config "$conf" export --format csv nosuch
exit_is 2
err_has "'nosuch'"

# ---- --help of each subcommand -----------------------------------------------

for sub in search list platforms status export; do
    run "$bkerr" "$sub" --help
    exit_is 0
    out_has "usage: bkerr $sub"
    err_empty
    run "$bkerr" "$sub" -h
    exit_is 0
    out_has "usage: bkerr $sub"
done
run "$bkerr" --help
exit_is 0
for sub in search list platforms status export; do
    out_has "  $sub "
done

# ---- colour: only on a terminal, never with NO_COLOR ---------------------------

esc=$(printf '\033')
for sub in "list cmdb" "search json" platforms status; do
    # shellcheck disable=SC2086 # $sub is a subcommand and its argument
    run "$bkerr" --config "$conf" $sub
    case $out in
    *"$esc"*) fail "no colour off a terminal" "no escape codes" "$sub" ;;
    *) pass ;;
    esac
done
if command -v script >/dev/null 2>&1 &&
    script -qec true /dev/null >/dev/null 2>&1; then
    for sub in "list cmdb" platforms status; do
        # PAGER=cat: list and platforms would page on a terminal
        run env PAGER=cat script -qec "$bkerr --config $conf $sub" /dev/null
        case $out in
        *"${esc}["*) pass ;;
        *) fail "colour on a terminal" "escape codes" "$sub: $(printf '%s' "$out" | head -c 300)" ;;
        esac
        run env NO_COLOR=1 PAGER=cat script -qec "$bkerr --config $conf $sub" /dev/null
        case $out in
        *"$esc"*) fail "NO_COLOR on a terminal" "no escape codes" "$sub" ;;
        *) pass ;;
        esac
    done
else
    echo "note: script(1) cannot make a terminal here; terminal colour not tested"
fi

# ---- bash completion -------------------------------------------------------------

completion="$BKERR_SOURCE_ROOT/completion/bkerr"
if command -v bash >/dev/null 2>&1; then
    # complete_words WORD...: what the completion offers for the last word
    complete_words() {
        bash -c '
            source "$1" || exit 1
            shift
            COMP_WORDS=("$@")
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            _bkerr
            printf "%s\n" "${COMPREPLY[@]}"' bash "$completion" "$@"
    }
    run bash -c 'source "$1" && complete -p bkerr' bash "$completion"
    exit_is 0
    out_has "complete -F _bkerr bkerr"

    run complete_words "$bkerr" ""
    exit_is 0
    for sub in lookup search list platforms status check annotate export; do
        out_has "$sub"
    done
    run complete_words "$bkerr" pl
    if [ "$out" = "platforms" ]; then pass; else fail "complete pl" platforms "$out"; fi
    run complete_words "$bkerr" export --format ""
    for f in markdown json csv c-defines python-defines; do out_has "$f"; done
    run complete_words "$bkerr" export --format c
    if [ "$(printf '%s' "$out" | sort | tr '\n' ' ')" = "c-defines csv " ]; then pass
    else fail "complete --format c" "csv c-defines" "$out"; fi
    run complete_words "$bkerr" --lang ""
    out_has "zh_CN"
    run complete_words "$bkerr" --config "$conf" list bk_
    out_has "bk_monitor"
    out_has "bk_log_search"
    run complete_words "$bkerr" --config "$conf" export c
    if [ "$out" = "cmdb" ]; then pass; else fail "complete export c" cmdb "$out"; fi
    # only loaded catalogs for list; every platform id for --product
    run complete_words "$bkerr" --config "$tmp/mixed/bkerr.ini" list ""
    if [ "$out" = "cmdb" ]; then pass; else fail "complete list (mixed)" cmdb "$out"; fi
    run complete_words "$bkerr" --config "$conf" --product bc
    if [ "$out" = "bcs" ]; then pass; else fail "complete --product bc" bcs "$out"; fi
    # with an invalid bkerr.ini: its [catalog.<id>] sections
    printf '[catalog.alpha]\n[catalog.beta]\nbogus\n' >"$tmp/mixed/sections.ini"
    run complete_words "$bkerr" --config "$tmp/mixed/sections.ini" list ""
    out_has "alpha"
    out_has "beta"
    run complete_words "$bkerr" search --
    out_has "--json"
    run complete_words "$bkerr" export --f
    out_has "--format"
fi

# ---- man pages ---------------------------------------------------------------------

# bkerr(1) names every subcommand and the exit statuses; scdoc accepts both
# sources
for sub in lookup search list platforms status check annotate export; do
    if grep -q "^\*$sub\*" "$BKERR_SOURCE_ROOT/docs/bkerr.1.scd"; then pass; else
        fail "bkerr.1.scd" "a section for $sub" "none"; fi
done
for f in docs/bkerr.1.scd docs/bkerr.ini.5.scd; do
    if command -v scdoc >/dev/null 2>&1; then
        run sh -c 'scdoc <"$1"' sh "$BKERR_SOURCE_ROOT/$f"
        exit_is 0
        err_empty
    fi
done

summary
