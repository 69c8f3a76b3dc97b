#!/usr/bin/env python3
"""Generates the synthetic catalog set for bench/ through the real compiler.

    gen_catalogs.py --catc BUILD/tools/bkerr-catc --out DIR [options]

For every prefix 10-99 (90 catalogs) it writes a catalog source of N codes
(default 10,000) with messages and advice in both languages, compiles it
with bkerr-catc and then with the C compiler into DIR/plugins-<N/1000>k/<id>.so,
and writes the bkerr.ini files the benchmark opens:

    synth-1.ini  synth-13.ini  synth-90.ini          N codes per catalog
    synth20-1.ini synth20-13.ini synth20-90.ini      2N codes (--double)
    lazy-*.ini                                       the same with load = lazy

Prefixes with an id in the spec use that id (taken from `bkerr platforms
--json` when the command has it, else from core/common/platforms.c, the one copy
of the spec's table); the unassigned ones are allocated in every ini with
[platform.NN] id = bench_NN.  Everything is deterministic (seeded), and a
stamp file skips the work when the same data already exists.  Nothing here
is committed: DIR is inside the build directory.
"""
import argparse
import concurrent.futures as futures
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys

GENERATOR_VERSION = 3
PREFIXES = list(range(10, 100))
SUBSETS = {1: [11], 13: list(range(10, 23)), 90: PREFIXES}

# ---- vocabulary ------------------------------------------------------------

ZH_NOUNS = ("请求 参数 服务 数据库 连接 配置 权限 用户 资源 节点 任务 模板 主机 业务 集群 "
            "模块 进程 插件 文件 版本 接口 网络 存储 字段 实例 属性 关联 拓扑 账号 令牌 "
            "证书 队列 缓存 索引 分区 目录 脚本 作业 流程 审批 租户 项目 应用 镜像 容器 "
            "告警 策略 指标 日志 采集器 数据源 凭证 密钥 订阅 回调 网关 域名 端口 会话").split()
ZH_VERBS = ("获取 更新 删除 创建 查询 校验 上传 下载 解析 同步 注册 分配 释放 启动 停止 "
            "加载 保存 导入 导出 推送 拉取 绑定 解绑 迁移 备份 恢复 执行 调度 订阅 鉴权").split()
ZH_STATES = ("失败 超时 不存在 已存在 非法 格式错误 无权限 不可用 已过期 被锁定 数量超限 "
             "状态异常 未就绪 冲突 为空 不一致 被拒绝 未找到 重复 不支持").split()
ZH_ADVICE = ("请检查 确认 稍后重试 联系管理员 查看日志 核对配置 重新登录 检查网络连通性 "
             "对照接口文档 清理缓存后重试 升级到最新版本 检查磁盘空间 确认账号权限 "
             "检查依赖服务状态 调整超时时间 减少单次请求数量").split()
EN_WORDS = ("request parameter service database connection configuration permission user "
            "resource node task template host business cluster module process plugin file "
            "version interface network storage field instance attribute topology account "
            "token certificate queue cache index partition directory script job flow "
            "approval tenant project application image container alert policy metric log "
            "collector source credential key subscription callback gateway domain port "
            "session the a of for in on with from by is was not could invalid missing "
            "failed timed out exists already expired locked exceeded unavailable denied "
            "empty duplicate unsupported inconsistent rejected found while when").split()
EN_ADVICE = ("check verify retry later contact the administrator read the log review the "
             "configuration log in again check network connectivity compare with the API "
             "documentation clear the cache and retry upgrade to the latest version check "
             "disk space confirm the account permissions check the dependent services "
             "raise the timeout reduce the batch size make sure that and then if it "
             "persists").split()
SYMBOL_WORDS = ("Host Topo Biz Set Module Process Plugin File Job Task Flow Template User "
                "Role Auth Token Cert Queue Cache Index Query Create Update Delete Sync "
                "Import Export Push Pull Bind Unbind Param Config Instance Attr Field "
                "Policy Alert Metric Log Source Cred Key Session Gateway Domain Port").split()
SYMBOL_ENDS = "Failed NotFound Exists Invalid Timeout Denied Expired Locked Exceeded".split()


def zh_text(rng, lo, hi, placeholder, advice=False):
    """Chinese text of lo..hi characters (no blanks, no ASCII at joins)."""
    target = rng.randint(lo, hi)
    parts = []
    n = 0
    while n < target:
        if advice and rng.random() < 0.35:
            w = rng.choice(ZH_ADVICE)
        else:
            w = rng.choice(ZH_NOUNS) + rng.choice(ZH_VERBS) + rng.choice(ZH_STATES)
        parts.append(w)
        n += len(w)
        if n < target:
            parts.append(rng.choice("，，，、：") if not advice else rng.choice("，，。；"))
            n += 1
    s = "".join(parts)[:target].rstrip("，、：；")
    if placeholder:
        cut = rng.randint(2, max(2, len(s) - 2))
        s = s[:cut] + "%s" + s[cut:]
    if advice and not s.endswith("。"):
        s += "。"
    return s


def en_text(rng, lo, hi, placeholder, advice=False):
    """English text of lo..hi characters, single blanks only."""
    target = rng.randint(lo, hi)
    words = []
    n = 0
    vocab = EN_ADVICE if advice else EN_WORDS
    while n < target:
        w = rng.choice(vocab if not advice or rng.random() < 0.6 else EN_WORDS)
        words.append(w)
        n += len(w) + 1
    if placeholder:
        words.insert(rng.randint(1, len(words)), "%s")
    s = " ".join(words)
    s = s[0].upper() + s[1:]
    if advice:
        s += "."
    return s


def symbol(rng):
    n = rng.randint(2, 4)
    return "BkErr" + "".join(rng.choice(SYMBOL_WORDS) for _ in range(n)) + rng.choice(SYMBOL_ENDS)


# ---- catalog source ----------------------------------------------------------

LINE_BYTES = 150  # well inside the 197-byte line limit


def wrap(key, text):
    """key = text, with indented continuation lines the compiler joins back
    exactly: English breaks at a blank (rejoined with one blank), Chinese
    between two characters of which one is not ASCII (rejoined with
    nothing)."""
    first = key + " = "
    lines = []
    cur = first
    if text.isascii():
        empty = True  # no word on the current line yet
        for w in text.split(" "):
            if empty:
                cur += w
            elif len(cur) + 1 + len(w) > LINE_BYTES:
                lines.append(cur)
                cur = "    " + w
            else:
                cur += " " + w
            empty = False
        lines.append(cur)
        return lines
    i = 0
    while i < len(text):
        room = LINE_BYTES - len(cur.encode())
        j = i
        while j < len(text) and len(text[i:j + 1].encode()) <= room:
            j += 1
        # step back to a join where one side is not ASCII
        while j < len(text) and j > i + 1 and text[j - 1].isascii() and text[j].isascii():
            j -= 1
        cur += text[i:j]
        lines.append(cur)
        cur = "    "
        i = j
    return lines


def module_blocks(rng, n_codes):
    """Sorted 5-digit ids: n_codes spread over 10 modules of 10,000 ids,
    in runs of consecutive codes with gaps, as products allocate them."""
    per = [n_codes // 10 + (1 if m < n_codes % 10 else 0) for m in range(10)]
    ids = []
    for m, want in enumerate(per):
        chosen = set()
        base = m * 10000
        while len(chosen) < want:
            start = base + rng.randrange(10000)
            for k in range(rng.randint(5, 40)):
                if start + k < base + 10000 and len(chosen) < want:
                    chosen.add(start + k)
        ids.extend(sorted(chosen))
    return ids


def catalog_source(prefix, cid, n_codes, seed):
    rng = random.Random(f"{seed}:{prefix}:{n_codes}")
    out = [f"; Synthetic catalog for bench/ (generated by bench/gen_catalogs.py; not committed).",
           "[catalog]", f"id = {cid}", f"prefix = {prefix}",
           f"name_zh = 合成目录{prefix}", f"name_en = Synthetic catalog {prefix}",
           f"version = bench-{GENERATOR_VERSION}",
           f"origin = bench/gen_catalogs.py seed {seed}", ""]
    ranged = {0, 2, 4, 6, 8}  # modules with a range (module name + advice)
    for m in sorted(ranged):
        first = prefix * 100000 + m * 10000
        out += [f"[range.{first}-{first + 9999}]", f"module = mod{m}"]
        out += wrap("advice_zh", zh_text(rng, 40, 100, False, advice=True))
        out += wrap("advice_en", en_text(rng, 100, 250, False, advice=True))
        out.append("")
    for five in module_blocks(rng, n_codes):
        code = prefix * 100000 + five
        ph = rng.random() < 0.2
        out.append(f"[{code}]")
        if rng.random() < 0.95:
            out.append(f"symbol = {symbol(rng)}")
        out += wrap("message_zh", zh_text(rng, 20, 60, ph))
        out += wrap("message_en", en_text(rng, 40, 150, ph))
        # In ranged modules one entry in ten inherits the range's advice.
        if not ((five // 10000) in ranged and rng.random() < 0.1):
            out += wrap("advice_zh", zh_text(rng, 40, 120, False, advice=True))
            out += wrap("advice_en", en_text(rng, 100, 300, False, advice=True))
        out.append("")
    for k in range(5):  # a few legacy (non-standard) codes, as real products have
        out += [f"[legacy.{3001 + k}]", f"message_zh = 旧版错误{k}",
                f"message_en = legacy error {k}", ""]
    return "\n".join(out)


# ---- platform ids ------------------------------------------------------------

def spec_ids(bkerr, root, out):
    """prefix -> id for the prefixes the spec assigns."""
    if bkerr:
        # An ini that allocates nothing, so every row is the spec's.
        ini = os.path.join(out, "spec-only.ini")
        with open(ini, "w") as f:
            f.write("; bench/gen_catalogs.py: the spec's platforms alone\n"
                    "[registry]\nplugin_dir = .\n")
        try:
            p = subprocess.run([bkerr, "--config", ini, "platforms", "--json"],
                               capture_output=True, text=True, timeout=30)
            if p.returncode == 0:
                rows = json.loads(p.stdout)
                if isinstance(rows, dict):
                    rows = rows.get("platforms", [])
                ids = {int(r["prefix"]): r["id"] for r in rows
                       if r.get("id") and not r.get("admin")}
                if ids:
                    return ids, "bkerr platforms --json"
        except (OSError, ValueError, KeyError, TypeError, subprocess.TimeoutExpired):
            pass
    text = open(os.path.join(root, "core", "common", "platforms.c"), encoding="utf-8").read()
    table = text[text.index("platforms[] = {"):]
    table = table[:table.index("};")]
    ids = {int(p): i for p, i in re.findall(r'\{(\d+), "([A-Za-z0-9_]+)"', table)}
    return ids, "core/common/platforms.c"


def ini_text(ids, prefixes, plugin_dir, lazy):
    out = ["; Generated by bench/gen_catalogs.py for the benchmark; not committed.",
           "[registry]", f"plugin_dir = {plugin_dir}", "lang = zh_CN"]
    if lazy:  # fatal = true would load every catalog at open; bkerr-bench
        # checks instead that each waits and that the first lookup loads one
        out.append("load = lazy")
    else:
        out += ["; a synthetic catalog that fails to load is a harness bug: "
                "fail loudly", "fatal = true"]
    out.append("")
    for p in PREFIXES:  # every unassigned prefix is allocated, in every ini
        if ids[p].startswith("bench_"):
            out += [f"[platform.{p}]", f"id = {ids[p]}", f"name_zh = 合成平台{p}",
                    f"name_en = Synthetic platform {p}", ""]
    out += [f"[catalog.{ids[p]}]" for p in prefixes]
    return "\n".join(out) + "\n"


# ---- build -------------------------------------------------------------------

def build_one(args, prefix, cid, n_codes, src_dir, so_dir):
    src = os.path.join(src_dir, cid + ".catalog")
    c_file = os.path.join(src_dir, cid + ".c")
    so = os.path.join(so_dir, cid + ".so")
    with open(src, "w", encoding="utf-8") as f:
        f.write(catalog_source(prefix, cid, n_codes, args.seed))
    subprocess.run([args.catc, "-o", c_file, src], check=True)
    subprocess.run([args.cc, "-std=c11", "-O0", "-shared", "-fPIC",
                    "-fvisibility=hidden", "-I", os.path.join(args.root, "include"),
                    "-o", so, c_file], check=True)
    os.remove(c_file)
    if not args.keep_sources:
        os.remove(src)
    return cid


def catc_fingerprint(args):
    """What this bkerr-catc emits, for a small catalog: the data is rebuilt
    when the compiler's output (say, its table layout) changes."""
    src = os.path.join(args.out, "fingerprint.catalog")
    with open(src, "w", encoding="utf-8") as f:
        f.write(catalog_source(11, "cmdb", 20, args.seed))
    c = subprocess.run([args.catc, src], capture_output=True, check=True).stdout
    h = hashlib.sha256(c)
    for name in ("plugin.h",):
        with open(os.path.join(args.root, "include", "bkerr", name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def build_set(args, ids, n_codes, prefixes):
    tag = f"{n_codes // 1000}k"
    so_dir = os.path.join(args.out, "plugins-" + tag)
    src_dir = os.path.join(args.out, "src-" + tag)
    stamp = os.path.join(so_dir, ".stamp")
    key = hashlib.sha256(json.dumps(
        [GENERATOR_VERSION, args.seed, n_codes, prefixes, [ids[p] for p in prefixes],
         catc_fingerprint(args)]).encode()).hexdigest()
    if os.path.exists(stamp) and open(stamp).read() == key:
        print(f"gen_catalogs: {so_dir}: up to date", file=sys.stderr)
        return "plugins-" + tag
    shutil.rmtree(so_dir, ignore_errors=True)
    os.makedirs(so_dir, mode=0o755)
    os.makedirs(src_dir, mode=0o755, exist_ok=True)
    os.chmod(so_dir, 0o755)
    print(f"gen_catalogs: {len(prefixes)} catalogs x {n_codes} codes -> {so_dir}",
          file=sys.stderr)
    with futures.ProcessPoolExecutor(args.jobs) as pool:
        jobs = [pool.submit(build_one, args, p, ids[p], n_codes, src_dir, so_dir)
                for p in prefixes]
        for j in futures.as_completed(jobs):
            j.result()
    for name in os.listdir(so_dir):
        os.chmod(os.path.join(so_dir, name), 0o644)
    with open(stamp, "w") as f:
        f.write(key)
    return "plugins-" + tag


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--catc", required=True, help="the built bkerr-catc")
    ap.add_argument("--bkerr", help="the built bkerr (for `bkerr platforms --json`)")
    ap.add_argument("--out", required=True, help="output directory (in the build dir)")
    ap.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."),
                    help="source root (for include/ and core/common/platforms.c)")
    ap.add_argument("--codes", type=int, default=10000, help="codes per catalog")
    ap.add_argument("--double", type=int, default=90, choices=(0, 1, 13, 90),
                    help="catalogs of the 2x-codes variant (0: none)")
    ap.add_argument("--seed", default="bkerr-bench")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    ap.add_argument("--keep-sources", action="store_true")
    args = ap.parse_args()
    os.umask(0o022)  # the registry refuses group-writable plugins
    os.makedirs(args.out, exist_ok=True)
    spec, source = spec_ids(args.bkerr, args.root, args.out)
    ids = {p: spec.get(p, f"bench_{p}") for p in PREFIXES}
    print(f"gen_catalogs: ids of the spec's prefixes from {source}; "
          f"{sum(1 for p in PREFIXES if p not in spec)} prefixes allocated as bench_NN",
          file=sys.stderr)
    sets = [("synth", args.codes, 90)]
    if args.double:
        sets.append(("synth20", 2 * args.codes, args.double))
    for name, n_codes, n_cat in sets:
        # SUBSETS[1] < SUBSETS[13] < SUBSETS[90]: one directory serves all
        plugin_dir = build_set(args, ids, n_codes, SUBSETS[n_cat])
        for k, prefixes in SUBSETS.items():
            if k > n_cat:
                continue
            for lazy in (False, True):
                path = os.path.join(args.out, ("lazy-" if lazy else "") + f"{name}-{k}.ini")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(ini_text(ids, prefixes, plugin_dir, lazy))
    with open(os.path.join(args.out, "ids.json"), "w") as f:
        json.dump({"source": source, "ids": {str(p): ids[p] for p in PREFIXES},
                   "codes": args.codes, "double": args.double}, f, indent=1)


if __name__ == "__main__":
    main()
