#!/usr/bin/env bash
# Set-up for people and CI on Debian: installs what is missing, builds and
# runs.  Usage:
#   tools/dev.sh run [CODE...]   build, then look codes up (default 1199000)
#                                with conf/bkerr.ini and the built catalogs
#   tools/dev.sh test            build with -Werror and run the whole suite
#   tools/dev.sh deps            only install the build dependencies
set -euo pipefail
cd "$(dirname "$0")/.."
# Plugins and their directory must not be group-writable to load.
umask 022

packages=(meson ninja-build pkg-config gcc libc6-dev libinih-dev libcmocka-dev scdoc)

deps() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "dev.sh: installing ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"
}

# setup DIR [meson options...]: configures DIR once, reconfigures after.
setup() {
    local dir=$1
    shift
    if [ -f "$dir/build.ninja" ]; then
        meson setup --reconfigure "$dir" "$@" >/dev/null
    else
        meson setup "$dir" "$@"
    fi
}

case "${1:-}" in
deps)
    deps
    ;;
run)
    shift
    deps
    setup build -Dtests=false
    ninja -C build
    [ $# -gt 0 ] || set -- 1199000
    meson devenv -C build bkerr "$@"
    ;;
test)
    deps
    setup build-test --werror
    ninja -C build-test
    meson test -C build-test --print-errorlogs
    ;;
*)
    sed -n '2,8p' "$0" >&2
    exit 2
    ;;
esac
