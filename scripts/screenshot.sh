#!/usr/bin/env bash
# Makes the README's picture of p1-monitor from the running app: builds p1-monitor, runs it on
# the built-in simulated meter (sim:) until its power chart is full, and saves the window with
# p1-monitor's own --screenshot option (a QWidget::grab of the main window), then quits.
#
#   scripts/screenshot.sh            writes gui/p1-monitor.png
#   scripts/screenshot.sh OUT.png    writes OUT.png
#
# P1_SCREENSHOT_SECONDS  how long the app runs first (default 65: a minute of telegrams fills the
#                        chart); P1_SCREENSHOT_TAB  raw, fields (default) or venus;
# P1_SCREENSHOT_LANGUAGE en (default), nl, de or fr;
# P1_BUILD_DIR           the build folder (default build/); P1_JOBS the build's parallelism.
#
# Renders with Qt's offscreen platform (part of qt6-base): no X server, no window on screen; text
# comes from fontconfig (fonts-dejavu-core on Debian). Settings go to a scratch HOME, so a saved
# language or window layout of the user's own does not end up in the picture. When pngquant is
# installed the picture is reduced to a palette (about a third of the size, no visible change).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${P1_BUILD_DIR:-$root/build}
jobs=${P1_JOBS:-$(nproc)}
out=$(realpath -m "${1:-$root/gui/p1-monitor.png}")
seconds=${P1_SCREENSHOT_SECONDS:-65}
tab=${P1_SCREENSHOT_TAB:-fields}
language=${P1_SCREENSHOT_LANGUAGE:-en}

generator=()
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    generator=(-G Ninja)
fi
cmake -S "$root" -B "$build" "${generator[@]}" -DBUILD_GUI=ON >/dev/null
cmake --build "$build" --target p1-monitor -j"$jobs"

if command -v fc-list >/dev/null && [[ -z "$(fc-list)" ]]; then
    echo "screenshot.sh: no fonts found (apt-get install fonts-dejavu-core): the text would be blank" >&2
    exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/runtime"

echo "screenshot.sh: running p1-monitor on sim: for ${seconds} s" >&2
env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 \
    HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch/runtime" \
    QT_QPA_PLATFORM=offscreen \
    "$build/bin/p1-monitor" --language "$language" --tab "$tab" \
    --screenshot "$scratch/shot.png" --screenshot-delay "$seconds" sim:

if command -v pngquant >/dev/null; then
    # Exit 98/99: no smaller file at that quality; the original stays.
    if pngquant --quality 80-100 --speed 1 --strip --force --output "$scratch/small.png" \
        "$scratch/shot.png"; then
        mv "$scratch/small.png" "$scratch/shot.png"
    fi
fi
mkdir -p "$(dirname "$out")"
mv "$scratch/shot.png" "$out"
echo "screenshot.sh: wrote $out ($(stat -c %s "$out") bytes)" >&2
