#!/bin/sh
# The catalog compiler, end to end: each refusal names file and line; the
# output is sorted, canonical and reproducible; and a compiled catalog
# builds into a plugin the real bkerr loads.
# Env: BKERR_CATC, BKERR_EXE, BKERR_SOURCE_ROOT (set by meson test).
set -eu
unset BKERR_CONFIG
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }

header='[catalog]
id = cmdb
prefix = 11
name_zh = 配置平台
version = 1.0'

# refuses NAME LINE WORDS: writes $tmp/NAME.catalog from stdin, expects
# exit 1 and "NAME.catalog:LINE: ...WORDS..." on stderr.  Not at the end of
# a pipe: there it runs in a subshell, and its counts are lost.
refuses() {
    name=$1 line=$2 words=$3
    cat > "$tmp/$name.catalog"
    if "$BKERR_CATC" --check "$tmp/$name.catalog" 2> "$tmp/err"; then
        bad "$name: accepted"
        return
    fi
    if grep -F -- "$name.catalog:$line: " "$tmp/err" | grep -qF -- "$words"; then
        ok
    else
        bad "$name: want line $line with '$words', got: $(cat "$tmp/err")"
    fi
}

refuses duplicate 10 "duplicate code 1100001 (first on line 7)" <<END
$header

[1100001]
message_zh = 一

[1100001]
message_zh = 二
END

refuses outside_prefix 7 "not a 7-digit code with prefix 11" <<END
$header

[1200001]
message_zh = 别家的码
END

# the range rules of common/rules.h, which the loader applies too
refuses empty_range 7 "the range has no module and no advice" <<END
$header

[range.1100000-1100999]
END

refuses range_without_prefix 6 "a catalog without a prefix of its own has no ranges" <<END
[catalog]
id = guestprod
name_en = Guest
version = 1

[range.2000000-2000999]
module = m
END

refuses legacy_own 7 "has the catalog's own prefix" <<END
$header

[legacy.1100001]
message_zh = 自己的码
END

refuses placeholder 8 "bad placeholder" <<END
$header

[1100001]
message_zh = 打开 {name 未闭合
END

printf '%s\n\n[1100001]\nmessage_zh = \377\376\n' "$header" >"$tmp/in"
refuses utf8 8 "not valid UTF-8" <"$tmp/in"

# control characters: C0 (TAB and CR too), DEL, C1 and bidi controls are
# refused in every text, as the loader refuses them (core/common/text.c)
printf '%s\n\n[1100001]\nmessage_en = a \033[2J b\n' "$header" >"$tmp/in"
refuses ctl_esc 8 "code 1100001: the text holds U+001B (ESC)" <"$tmp/in"
printf '%s\n\n[1100001]\nmessage_en = ok\nadvice_en = a\tb\n' "$header" >"$tmp/in"
refuses ctl_tab 9 "code 1100001: the text holds U+0009 (TAB)" <"$tmp/in"
printf '%s\n\n[1100001]\nmessage_en = a\rb\n' "$header" >"$tmp/in"
refuses ctl_cr 8 "code 1100001: the text holds U+000D (CR)" <"$tmp/in"
printf '%s\n\n[1100001]\nsymbol = Del\177ete\nmessage_en = ok\n' "$header" >"$tmp/in"
refuses ctl_del 8 "code 1100001: the text holds U+007F (DEL)" <"$tmp/in"
printf '%s\n\n[1100001]\nmessage_zh = \302\233 清屏\n' "$header" >"$tmp/in"
refuses ctl_c1 8 "code 1100001: the text holds U+009B (CSI)" <"$tmp/in"
printf '%s\n\n[1100001]\nmessage_zh = \342\200\256 反向\n' "$header" >"$tmp/in"
refuses ctl_bidi 8 "the text holds U+202E (RIGHT-TO-LEFT OVERRIDE)" <"$tmp/in"
printf '%s\n\n[1100001]\nmessage_zh = 一\n  \342\201\251 续行\n' "$header" >"$tmp/in"
refuses ctl_continued 8 "the text holds U+2069 (POP DIRECTIONAL ISOLATE)" <"$tmp/in"
printf '%s\n\n[range.1100000-1100999]\nmodule = m\033x\n' "$header" >"$tmp/in"
refuses ctl_range 8 "range 1100000-1100999: the text holds U+001B (ESC)" <"$tmp/in"
printf '%s\nname_en = CMDB\302\205\n' "$header" >"$tmp/in"
refuses ctl_name 6 "[catalog]: the text holds U+0085 (NEL)" <"$tmp/in"

refuses no_message 7 "has no message" <<END
$header

[1100001]
symbol = Nothing
END

refuses unknown_key 8 "unknown key 'mesage_zh'" <<END
$header

[1100001]
mesage_zh = 拼错
END

refuses duplicate_key 9 "duplicate key 'message_zh' in [1100001] (first on line 8)" <<END
$header

[1100001]
message_zh = 一
message_zh = 二
END

long=$(printf '%0190d' 0)
refuses long_line 8 "inih reads at most 197" <<END
$header

[1100001]
message_zh = $long
END

longkey=$(printf '%050d' 0)
refuses long_key 8 "the key is 50 bytes" <<END
$header

[1100001]
$longkey = x
END

refuses inline_comment 8 "' ;' starts a comment" <<END
$header

[1100001]
message_zh = 检查 ; 然后重试
END

refuses unknown_section 7 "unknown section [entry.1]" <<END
$header

[entry.1]
message_zh = x
END

refuses spec_mismatch 3 "allocates prefix 11 to 'cmdb', not 'job'" <<END
[catalog]
id = job
prefix = 11
name_zh = 作业平台
version = 1.0
END

refuses overlap 9 "overlaps the range on line 7" <<END
$header

[range.1101000-1101999]
module = topo
[range.1101500-1102000]
module = other
END

# A good catalog: unsorted sections, continuation lines, Go placeholders.
cat > "$tmp/demo.catalog" <<'END'
; a demo catalog
[catalog]
id = cmdb
prefix = 11
name_zh = 配置平台
version = 2.0
origin = tests/catc.sh

[1199006]
symbol = Params
message_zh = '%s' 数据参数校验不通过
message_en = '%s' data parameter verification does not pass
advice_zh = 按接口文档修正
    消息中指出的参数。
advice_en = Fix the parameter named in the message,
    as the API documentation describes.

[1100001]
symbol = First
message_zh = 第一
message_en = first?? (no trigraph)

[legacy.3001]
symbol = Decode
message_en = json decode failed!
END
mkdir "$tmp/other" "$tmp/plugins"
cp "$tmp/demo.catalog" "$tmp/other/demo.catalog"
if "$BKERR_CATC" -o "$tmp/a.c" "$tmp/demo.catalog" &&
   (cd "$tmp/other" && "$BKERR_CATC" -o "$tmp/b.c" demo.catalog) &&
   cmp -s "$tmp/a.c" "$tmp/b.c"; then ok; else bad "output not reproducible"; fi
if grep -q "'{0}' 数据参数校验不通过" "$tmp/a.c"; then ok; else bad "%s not normalised"; fi
if grep -qF '按接口文档修正消息中指出的参数。' "$tmp/a.c" &&
   grep -qF 'named in the message, as the API' "$tmp/a.c"; then ok
else bad "continuation lines not joined as documented"; fi
first=$(grep -n '}, /\* 1100001 \*/$' "$tmp/a.c" | head -n 1 | cut -d: -f1)
second=$(grep -n '}, /\* 1199006 \*/$' "$tmp/a.c" | head -n 1 | cut -d: -f1)
if [ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ]; then ok
else bad "entries not sorted"; fi

# Build the plugin with nothing but the generated C and the public header.
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -shared -fPIC \
        -I"$BKERR_SOURCE_ROOT/include" -o "$tmp/plugins/cmdb.so" "$tmp/a.c" \
        2> "$tmp/err"; then ok
else bad "generated C does not compile: $(cat "$tmp/err")"; fi
chmod 755 "$tmp/plugins"
printf '[registry]\nplugin_dir = plugins\n[catalog.cmdb]\nrequired = true\n' \
    > "$tmp/bkerr.ini"
out=$("$BKERR_EXE" --config "$tmp/bkerr.ini" --lang en 1199006 2>&1) || true
case $out in
*Params*"'{0}' data parameter verification does not pass"*"Fix the parameter"*) ok ;;
*) bad "compiled plugin lookup: $out" ;;
esac
out=$("$BKERR_EXE" --config "$tmp/bkerr.ini" --product cmdb 3001 2>&1) || true
case $out in *Decode*"json decode failed!"*) ok ;; *) bad "legacy: $out" ;; esac
out=$("$BKERR_EXE" --config "$tmp/bkerr.ini" --lang en 1100001 2>&1) || true
case $out in *"first?? (no trigraph)"*) ok ;; *) bad "trigraph: $out" ;; esac

# ---- provenance, status and variants (ABI 1.2) ------------------------------

up='upstream = TencentBlueKing/bk-cmdb@111e7ac66a9f81ac1617bf3d60aea8e430e76a46'

refuses bad_status 10 "status 'live': write active, unused, deprecated or removed" <<END
$header
$up

[1100001]
message_zh = 一
status = live
END

refuses bad_site 10 "site 'src/a.go': it is not path:line" <<END
$header
$up

[1100001]
message_zh = 一
raised = src/b.go:12 src/a.go
END

refuses relative_site 9 "it is relative, but [catalog] has no upstream" <<END
$header

[1100001]
message_zh = 一
defined = src/a.go:3
END

refuses two_definitions 10 "defined takes one site" <<END
$header
$up

[1100001]
message_zh = 一
defined = src/a.go:3 src/b.go:4
END

refuses bad_upstream 6 "upstream must be owner/repo@<40-hex commit>" <<END
$header
upstream = bk-cmdb@master
END

refuses docs_http 10 "docs must be one https:// URL" <<END
$header
$up

[1100001]
message_zh = 一
docs = http://example.com/x
END

refuses orphan_variant 8 "variant 2 of code 1100001 has no primary [1100001] section" <<END
$header
$up

[1100001/2]
message_zh = 二
END

refuses twice_variant 14 "duplicate code 1100001 (first on line 11)" <<END
$header
$up

[1100001]
message_zh = 一

[1100001/2]
message_zh = 二

[1100001/2]
message_zh = 三
END

refuses bad_variant 8 "unknown section [1100001/1]" <<END
$header
$up

[1100001/1]
message_zh = 一
END

# A product without a prefix of its own: its codes are all legacy.
guest_header='[catalog]
id = bk_hcm
name_zh = 蓝鲸云管理平台
version = 1.0'
refuses guest_entry 6 "the catalog has no prefix of its own, so every code it emits is written [legacy.2000014]" <<END
$guest_header

[2000014]
message_zh = 负载均衡正在变更
END
refuses spec_id_without_prefix 1 "[catalog] has no prefix; the spec allocates 'cmdb' prefix 11" <<END
[catalog]
id = cmdb
name_zh = 配置平台
version = 1.0
END
cat > "$tmp/guest.catalog" <<END
$guest_header

[legacy.2000014]
message_zh = 负载均衡正在变更
message_en = The load balancer is being changed
END
if "$BKERR_CATC" --check "$tmp/guest.catalog"; then ok
else bad "a catalog without a prefix, its codes legacy, is refused"; fi

# One display name per product: the spec's, under its prefixes.
refuses spec_name 5 "name_en 'CMDB' is not the spec's name for prefix 11, 'Configuration platform (CMDB)'" <<END
[catalog]
id = cmdb
prefix = 11
name_zh = 配置平台
name_en = CMDB
version = 1.0
END
refuses own_name 1 "[catalog] has neither name_zh nor name_en; a product without a prefix the spec allocates names itself" <<END
[catalog]
id = bk_monitor
prefix = 33
version = 1.0
END
refuses guest_name 1 "has neither name_zh nor name_en" <<END
[catalog]
id = bk_lite
version = 1.0
END
printf '[catalog]\nid = bk_iam\nprefix = 19\nversion = 1\n\n[1900001]\nmessage_en = x\n' \
    > "$tmp/unnamed.catalog"
if "$BKERR_CATC" -o "$tmp/unnamed.c" "$tmp/unnamed.catalog" &&
   grep -qF '.name_zh = "权限中心 SaaS"' "$tmp/unnamed.c" &&
   grep -qF '.name_en = "IAM SaaS"' "$tmp/unnamed.c"; then ok
else bad "a catalog without names under a spec prefix: the plugin has not the spec's"; fi
# The loader holds no plugin to it: an admin's [platform.NN] may rename,
# and a plugin built elsewhere may carry its own names.
sed 's/\.name_en = "IAM SaaS"/.name_en = "Our IAM"/' "$tmp/unnamed.c" > "$tmp/renamed.c"
mkdir -m 755 "$tmp/named"
printf '[registry]\nplugin_dir = named\n[catalog.bk_iam]\nrequired = true\n' \
    > "$tmp/named.ini"
if ${CC:-cc} -std=c11 -shared -fPIC -I"$BKERR_SOURCE_ROOT/include" \
       -o "$tmp/named/bk_iam.so" "$tmp/renamed.c" &&
   "$BKERR_EXE" --config "$tmp/named.ini" --lang en list bk_iam >/dev/null
then ok; else bad "the loader refused a plugin whose name is not the spec's"; fi

# --strict: every entry says where it comes from.
strict() {
    name=$1 line=$2 words=$3
    cat > "$tmp/$name.catalog"
    if "$BKERR_CATC" --check "$tmp/$name.catalog" 2> "$tmp/err" &&
       ! "$BKERR_CATC" --strict --check "$tmp/$name.catalog" 2> "$tmp/err" &&
       grep -F -- "$name.catalog:$line: " "$tmp/err" | grep -qF -- "$words"; then
        ok
    else
        bad "$name: want plain accepted, --strict refused at $line with '$words', got: $(cat "$tmp/err")"
    fi
}
strict strict_status 8 "code 1100001 has no status" <<END
$header
$up

[1100001]
message_zh = 一
defined = src/a.go:3
END
strict strict_defined 8 "code 1100001 has no defined site" <<END
$header
$up

[1100001]
message_zh = 一
status = unused
END
strict strict_raised 8 "active code 1100001 has no raised sites" <<END
$header
$up

[1100001]
message_zh = 一
status = active
defined = src/a.go:3
END
strict strict_note 8 "code 1100001 has a note in one language only" <<END
$header
$up

[1100001]
message_zh = 一
status = active
defined = src/a.go:3
note_zh = 源码未公开
END

# A catalog with provenance and variants, compiled, loaded and looked up:
# each definition keeps its own symbol, message and sites; none is joined.
cat > "$tmp/variants.catalog" <<END
$header
$up
upstream_version = master, 2026-05-28

[1101030]
symbol = CCErrTopoHasHostCheckFailed
message_zh = 检查主机失败
message_en = check host failed
advice_zh = 甲的处理方案
advice_en = advice for the first
status = active
defined = src/common/errInfo.go:120
raised = src/a.go:10
    src/b.go:20
note_zh = 上游用两个常量定义了同一个码
note_en = upstream defines the code with two constants

[1101030/2]
symbol = CCErrTopoHasHost
message_zh = 存在主机 {0}
message_en = has host {0}
advice_zh = 乙的处理方案
advice_en = advice for the second
status = unused
defined = src/common/errInfo.go:121
END
mkdir "$tmp/vplugins"
if "$BKERR_CATC" --strict -o "$tmp/v.c" "$tmp/variants.catalog" &&
   ${CC:-cc} -std=c11 -Wall -Wextra -Werror -shared -fPIC \
       -I"$BKERR_SOURCE_ROOT/include" -o "$tmp/vplugins/cmdb.so" "$tmp/v.c"; then ok
else bad "the variants catalog does not compile"; fi
chmod 755 "$tmp/vplugins"
printf '[registry]\nplugin_dir = vplugins\n[catalog.cmdb]\nrequired = true\n' \
    > "$tmp/v.ini"
out=$("$BKERR_EXE" --config "$tmp/v.ini" --lang en 1101030 2>&1) || true
case $out in
*CCErrTopoHasHostCheckFailed*"check host failed"*"advice for the first"*"Status: active"*"Note: upstream defines"*"Defined: src/common/errInfo.go:120"*"Raised: src/a.go:10 src/b.go:20"*"Upstream: TencentBlueKing/bk-cmdb@111e7ac6"*"(master, 2026-05-28)"*"Also defined as (2/2)"*CCErrTopoHasHost*"has host {0}"*"advice for the second"*"Status: unused"*"Defined: src/common/errInfo.go:121"*) ok ;;
*) bad "variants lookup: $out" ;;
esac
case $out in *" / "*) bad "a joined text: $out" ;; *) ok ;; esac
out=$("$BKERR_EXE" --config "$tmp/v.ini" --lang en CCErrTopoHasHost 2>&1) || true
case $out in
"1101030"*CCErrTopoHasHost*"has host {0}"*"Also defined as (1/2)"*"check host failed"*) ok ;;
*) bad "a variant's symbol: $out" ;;
esac
"$BKERR_EXE" --config "$tmp/v.ini" --json 1101030 > "$tmp/v.json"
if python3 - "$tmp/v.json" <<'PY'
import json, sys
[r] = json.load(open(sys.argv[1]))
assert (r["variant"], r["n_variants"], r["code_status"]) == (0, 2, "active"), r
assert r["raised"] == ["src/a.go:10", "src/b.go:20"], r["raised"]
assert r["upstream_version"] == "master, 2026-05-28"
assert r["note"] == "上游用两个常量定义了同一个码" and r["note_lang"] == "zh_CN"
[v] = r["variants"]
assert (v["variant"], v["symbol"], v["message"], v["code_status"]) == \
    (1, "CCErrTopoHasHost", "存在主机 {0}", "unused"), v
assert v["raised"] is None and v["defined"] == "src/common/errInfo.go:121"
PY
then ok; else bad "variants JSON"; fi
"$BKERR_EXE" --config "$tmp/v.ini" export --format json > "$tmp/vx.json"
if python3 - "$tmp/vx.json" <<'PY'
import json, sys
[c] = json.load(open(sys.argv[1]))["catalogs"]
assert c["upstream"].startswith("TencentBlueKing/bk-cmdb@111e7ac6")
a, b = c["entries"]
assert (a["variant"], b["variant"], a["symbol"], b["symbol"]) == \
    (0, 1, "CCErrTopoHasHostCheckFailed", "CCErrTopoHasHost")
assert (a["message_en"], b["message_en"]) == ("check host failed", "has host {0}")
assert (a["note_en"], b["note_en"]) == ("upstream defines the code with two constants", None)
PY
then ok; else bad "variants export json"; fi
out=$("$BKERR_EXE" --config "$tmp/v.ini" export --format c-defines 2>&1)
case $out in
*"BKERR_CMDB_CCERRTOPOHASHOSTCHECKFAILED 1101030"*"[active; src/common/errInfo.go:120]"*"BKERR_CMDB_CCERRTOPOHASHOST 1101030"*"[unused; src/common/errInfo.go:121]"*) ok ;;
*) bad "variants c-defines: $out" ;;
esac
out=$("$BKERR_EXE" --config "$tmp/v.ini" export --format markdown 2>&1)
case $out in
*"| 1101030 | \`CCErrTopoHasHost\` | 存在主机 {0} | 乙的处理方案 | unused; defined \`src/common/errInfo.go:121\` |"*) ok ;;
*) bad "variants markdown: $out" ;;
esac

# The example in docs/plugin-authors.md compiles as it is.
awk '/^```ini/ { n++; if (n == 1) { on = 1; next } } /^```/ { on = 0 } on' \
    "$BKERR_SOURCE_ROOT/docs/plugin-authors.md" > "$tmp/doc.catalog"
if [ -s "$tmp/doc.catalog" ] && "$BKERR_CATC" --check "$tmp/doc.catalog"; then ok
else bad "the example in docs/plugin-authors.md does not compile"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
