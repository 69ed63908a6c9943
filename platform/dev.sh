#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Plaza's two developer commands:
#   platform/dev.sh run [plaza options]  install what is missing, build Release, build the sample
#                                        bundle from content/, open the kiosk in a window
#   platform/dev.sh test                 install what is missing, build with AddressSanitizer and
#                                        UndefinedBehaviorSanitizer, run every test through CTest
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

# Debian 12 / Raspberry Pi OS bookworm packages; one list for building, testing and running.
packages=(
    build-essential cmake ninja-build pkg-config
    libimgui-dev libsdl2-dev libsqlite3-dev libstb-dev libfreetype-dev libharfbuzz-dev
    libfribidi-dev libfontconfig-dev libharfbuzz-bin
    nlohmann-json3-dev doctest-dev libsodium-dev minisign libpugixml-dev libical-dev libxml2-dev
    libqrcodegencpp-dev libmd4c-dev libespeak-ng-dev zbar-tools sox iso-codes
    fonts-noto-core fonts-noto-cjk fonts-material-design-icons-iconfont espeak-ng-data
    libegl1 libgles2 libgbm1 libegl-mesa0 libgl1-mesa-dri
    libsystemd-dev systemd udev adduser dpkg-dev file lintian
    xvfb libxtst-dev libdrm-dev fusefat syncthing
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "dev.sh: installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
        "${missing[@]}"
}

configure_and_build() {  # build_dir cmake-args...
    local dir=$1
    shift
    cmake -S "$repo" -B "$dir" -G Ninja "$@"
    cmake --build "$dir" -j "$jobs"
}

have_display() {
    [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] ||
        [ "${SDL_VIDEODRIVER:-}" = kmsdrm ]
}

cmd_run() {
    install_missing
    local build="$repo/build/release"
    configure_and_build "$build" -DCMAKE_BUILD_TYPE=Release
    local bundle="$build/sample.plaza"
    "$build/plaza-bundle" build "$repo/content" -o "$bundle"
    # The sample event is in the past: a demonstration clock shows it during its first morning
    # (10:30 on its first day, in its own offset), unless a --clock is given.
    local day minutes clock
    day=$(sed -n 's/^starts_on: *//p' "$repo/content/event.txt")
    minutes=$(sed -n 's/^utc_offset_minutes: *//p' "$repo/content/event.txt")
    clock=(--clock "$(printf '%sT10:30:00%s%02d:%02d' "$day" "$([ "$minutes" -lt 0 ] && echo - || echo +)" \
        $((${minutes#-} / 60)) $((${minutes#-} % 60)))")
    if ! have_display; then
        cat >&2 <<MSG
dev.sh: no display is available (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can open.
Run the kiosk headless instead, replaying a script and writing screenshots:
  $build/plaza --headless --bundle $bundle --size 1920x1080 ${clock[*]} \\
      --script $repo/tests/e2e/scripts/home_tour.plz --out /tmp/plaza-shots
MSG
        exit 2
    fi
    local window=(--windowed 1280x800)
    for a in "$@"; do
        case "$a" in
            --fullscreen | --windowed) window=() ;;
            --clock) clock=() ;;
        esac
    done
    exec "$build/plaza" --bundle "$bundle" "${window[@]}" "${clock[@]}" "$@"
}

cmd_test() {
    install_missing
    local build="$repo/build/sanitize"
    configure_and_build "$build" -DCMAKE_BUILD_TYPE=Debug -DPLAZA_SANITIZE=ON
    ctest --test-dir "$build" --output-on-failure -j "$jobs"
}

case "${1:-}" in
    run) shift; cmd_run "$@" ;;
    test) shift; cmd_test "$@" ;;
    *)
        echo "usage: platform/dev.sh run [plaza options] | platform/dev.sh test" >&2
        exit 64
        ;;
esac
