#!/bin/sh
# docs/plugin-authors.md, followed to the letter: install bkerr into a
# scratch root, then build a product's own catalog outside this tree with
# nothing but the installed compiler, header and bkerr.pc, and load it.
# Env: BKERR_BUILD_ROOT, MESON (set by meson test).
set -eu
unset BKERR_CONFIG
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }

dest=$tmp/root
$MESON install -C "$BKERR_BUILD_ROOT" --destdir "$dest" --no-rebuild \
    --quiet > "$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log"
    echo "0 passed, 1 failed"
    exit 1
}
pc=$(find "$dest" -name bkerr.pc | head -n 1)
[ -n "$pc" ] && ok || bad "bkerr.pc not installed"
export PKG_CONFIG_PATH="${pc%/*}"
# The .pc names the final prefix; pkg-config puts the DESTDIR in front.
export PKG_CONFIG_SYSROOT_DIR="$dest"
catc=$(pkg-config --variable=catc bkerr)
plugindir=$(pkg-config --variable=plugindir bkerr)
libdir=$(pkg-config --variable=libdir bkerr)
[ -x "$catc" ] && ok || bad "installed compiler missing: $catc"
[ -f "$plugindir/cmdb.so" ] && ok || bad "bundled catalogs not in $plugindir"

# A product outside this repository: a catalog for prefix 33.
mkdir "$tmp/product"
cd "$tmp/product"
cat > bk_monitor.catalog <<'END'
[catalog]
id = bk_monitor
prefix = 33
name_zh = 监控平台
name_en = Monitor platform
version = 3.9.0

[3300001]
symbol = MonitorError
message_zh = 监控错误：%s
message_en = monitor error: %s
advice_zh = 查看监控后台日志中同一时间的报错。
advice_en = Look for the same error in the monitor back end's log.
END
if "$catc" -o bk_monitor.c bk_monitor.catalog &&
   ${CC:-cc} -std=c11 -Wall -Werror -shared -fPIC \
       $(pkg-config --cflags bkerr) -o bk_monitor.so bk_monitor.c; then ok
else bad "building the product's catalog with the installed files"; fi

# The product's constants, from the same source, beside the installed
# <bkerr/bkerr.h> (which includes the installed, generated version.h).
cat > use.c <<'END'
#include <stdio.h>
#include <bkerr/bkerr.h>
#include "bk_monitor_codes.h"
int main(void)
{
    printf("%s %d\n", BKERR_VERSION, BKERR_BK_MONITOR_MONITORERROR);
    return 0;
}
END
if "$catc" --header bk_monitor_codes.h bk_monitor.catalog &&
   ${CC:-cc} -std=c11 -Wall -Werror $(pkg-config --cflags bkerr) -o use use.c &&
   [ "$(./use)" = "$(pkg-config --modversion bkerr) 3300001" ]; then ok
else bad "the product's constants with the installed headers: $(./use 2>&1)"; fi

mkdir -m 755 plugins
cp bk_monitor.so plugins/
chmod 644 plugins/bk_monitor.so
cat > bkerr.ini <<'END'
[registry]
plugin_dir = plugins
[platform.33]
id = bk_monitor
name_zh = 监控平台
[catalog.bk_monitor]
required = true
END
bkerr=$(find "$dest" -type f -name bkerr -perm -u+x | head -n 1)
out=$(LD_LIBRARY_PATH="$libdir" "$bkerr" --config bkerr.ini 3300001 2>&1) || true
case $out in
*"bk_monitor 监控平台"*MonitorError*"监控错误：{0}"*"监控后台日志"*) ok ;;
*) bad "installed bkerr with the product's catalog: $out" ;;
esac

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
