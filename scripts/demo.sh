#!/usr/bin/env bash
# Installs what the build needs on Debian 12 (scripts/setup-debian.sh; sudo when not root),
# builds dbus-p1 and runs it.
#
#   scripts/demo.sh                   decodes the sample capture tests/data/dsmr5-sample.p1
#   scripts/demo.sh ARGS...           runs build/bin/dbus-p1 ARGS... instead
#
# Until the live daemon lands, the demo is the offline decoder: one JSON line per telegram,
# with the grid and gas values the daemon would publish on D-Bus.
# P1_BUILD_DIR picks another build folder; P1_JOBS sets the build's parallelism.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${P1_BUILD_DIR:-$root/build}
jobs=${P1_JOBS:-$(nproc)}

"$root/scripts/setup-debian.sh"

generator=()
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    generator=(-G Ninja)
fi
cmake -S "$root" -B "$build" "${generator[@]}" >/dev/null
cmake --build "$build" --target dbus-p1 -j"$jobs"

if (($# == 0)); then
    set -- --decode "$root/tests/data/dsmr5-sample.p1"
fi
echo "+ dbus-p1 $*" >&2
exec "$build/bin/dbus-p1" "$@"
