#!/usr/bin/env bash
# End-to-end tests of what annotate and search find in text besides codes:
# the catalog messages a line carries (bkerr_match()), with their
# placeholders filled from it; the definition a line's message picks for
# a code with several; exception classes a line names; annotate
# --fail-on.  The real binary against the bundled catalogs.
set -euo pipefail
: "${BKERR_EXE:?run me with meson test}"
: "${BKERR_DEVENV_CONFIG:?run me with meson test}"
unset BKERR_LANG NO_COLOR COLUMNS PAGER
export BKERR_CONFIG=$BKERR_DEVENV_CONFIG LC_ALL=C.UTF-8
bkerr=$BKERR_EXE
fails=0
ok() { echo "ok - $1"; }
bad() { echo "not ok - $1"; fails=$((fails + 1)); }
# expect NAME PATTERN: the last output ($out) holds PATTERN (grep -F)
expect() { if grep -qF -- "$2" <<<"$out"; then ok "$1"; else bad "$1: no '$2' in:"; echo "$out"; fi; }
refuse() { if grep -qF -- "$2" <<<"$out"; then bad "$1: '$2' in:"; echo "$out"; else ok "$1"; fi; }
annotate() { out=$(printf '%s\n' "$@" | "$bkerr" annotate --lang zh_CN 2>&1); }

# ---- a line with a message and no code ----
annotate '2024-05-01 ERROR 订阅(123)不存在'
expect "nodeman's template, by message" '≈ 3800001 bk_nodeman SubscriptionNotExist: 订阅(123)不存在'
annotate "[cmdb] 'bk_biz_id' 数据参数校验不通过"
expect "cmdb's placeholder filled" "≈ 1199006 cmdb CCErrCommParamsInvalid: 'bk_biz_id' 数据参数校验不通过"
refuse "the raw template is not shown" "'{0}'"
out=$(printf 'WARN Parameter [name] is missing\n' | "$bkerr" annotate --lang en)
expect "an English template" '≈ 250103 bk_repo PARAMETER_MISSING: Parameter [name] is missing'

annotate 'apps.log_search: 业务不存在: 2'
expect "a template two catalogs share gives both (bk_dop)" '≈ 4200004 bk_dop BizNotExistError: 业务不存在: 2'
expect "... and bk_chatbot" '≈ 4200004 bk_chatbot BizNotExistError: 业务不存在: 2'
expect "... and bk_log_search" '≈ 3600004 bk_log_search BizNotExistError: 业务不存在: 2'

# ---- the message picks the definition of a code with several ----
annotate '{"code": 1411305, "message": "找不到MongoDB数据库"}'
expect "the second definition, by its message" '1411305 bcs MongodbDatabasesNoFound'
refuse "not the first" 'MongodbCollectionNoFound'
annotate '{"code": 1411305, "message": "找不到MongoDB集合"}'
expect "the first definition, by its message" '1411305 bcs MongodbCollectionNoFound'
annotate '{"code": 1199006, "message": "'"'bk_host_id'"' 数据参数校验不通过"}'
expect "a code's message filled from the line" "1199006 cmdb CCErrCommParamsInvalid: 'bk_host_id' 数据参数校验不通过"

# ---- exception classes: every candidate, the line's product first ----
annotate 'Traceback: apps.gsekit.exceptions.BizNotExistError raised'
expect "gsekit's BizNotExistError" '⇐ 4100004 gsekit BizNotExistError'
expect "and bk_log_search's" '⇐ 3600004 bk_log_search BizNotExistError'
first=$(grep -m1 '⇐' <<<"$out")
case $first in *gsekit*) ok "the line's product ranks first" ;; *) bad "first candidate: $first" ;; esac
annotate 'File "x.py", in apps.log_search.handlers: BizNotExistError'
first=$(grep -m1 '⇐\|≈' <<<"$out")
case $first in *bk_log_search*) ok "log_search in the path ranks bk_log_search first" ;; *) bad "first candidate: $first" ;; esac
out=$(printf 'apps.x.BizNotExistError\n' | "$bkerr" annotate --product bk_nodeman)
expect "--product keeps its own" '3800004 bk_nodeman BizNotExistError'
refuse "--product drops the others" 'gsekit'

# ---- nothing where nothing is ----
annotate 'INFO request served in 12 ms' 'user 3800001 logged in' 'bk_module_id=1199006' \
    'OK' 'DEBUG Error budget 5%' 'HTTP 404 Not found' 'GET /x: Bad Request' \
    '{"code": 0, "message": "success", "data": {}}' '保存成功'
refuse "no explanation for plain lines, nor for generic words" '↳'

# ---- JSON: how each was found, and the captures ----
out=$(printf '订阅(42)不存在\n' | "$bkerr" annotate --json)
expect "found_by message" '"found_by":"message"'
expect "its captures" '"captures":{"subscription_id":"42"}'
out=$(printf 'code=1199006\n' | "$bkerr" annotate --json)
expect "found_by code" '"found_by":"code"'

# ---- --fail-on ----
fail_on() { # MODE LINE WANT
    set +e
    out=$(printf '%s\n' "$2" | "$bkerr" annotate --fail-on="$1" 2>&1)
    rc=$?
    set -e
    if [ "$rc" = "$3" ]; then ok "--fail-on=$1 on '$2': $rc"; else bad "--fail-on=$1 on '$2': $rc, not $3"; fi
}
fail_on unknown 'code=1899999' 1         # an unassigned prefix
fail_on not-found 'code=1899999' 0
fail_on not-found 'code=1399999' 1       # paas's catalog lacks it
fail_on unknown 'code=1399999' 0
fail_on any 'code=1399999' 1
fail_on any 'code=1199006' 0
fail_on any 'no code here' 0
fail_on unknown 'code=1899999 then code=1199006' 1
expect "the output is still whole under --fail-on" '1199006 cmdb'
fail_on bogus 'code=1199006' 2

# ---- search: templates first, with the values they captured ----
out=$("$bkerr" search '订阅(123)不存在')
line=$(sed -n 2p <<<"$out")
case $line in *3800001*template*'[subscription_id=123]'*) ok "search's first row is the template" ;;
*) bad "search's first row: $line" ;; esac
out=$("$bkerr" search --json 'Parameter [name] is missing')
expect "search JSON: a template match" '"match":"template","catalog":"bk_repo","captures":{"0":"name"}'
# English text under zh_CN: the Chinese template, filled from the English
out=$("$bkerr" --lang zh_CN search 'Parameter [name] is missing')
expect "the chosen language's template, filled" '参数[name]缺失  [0=name]'
# unless the two templates' placeholders differ (zh has {0} and {1})
out=$("$bkerr" --lang zh_CN search 'An archived artifact for the pipeline [p1] already exists. Please delete the existing artifact before uploading a new one')
expect "placeholders that differ: the matched template" 'An archived artifact for the pipeline [p1] already exists'
refuse "... not the Chinese one half filled" '原属于'

[ "$fails" -eq 0 ] || { echo "$fails failed"; exit 1; }
