#!/usr/bin/env bash
# Builds dbus-p1 with warnings as errors and runs every test (unit and integration), after
# installing what the build needs on Debian 12 (scripts/setup-debian.sh; sudo when not root).
#
#   scripts/test.sh [BUILD_DIR]       default: build/ in the checkout
#
# This is the README's test command and the first thing .ci/run does.
# CTEST_PARALLEL_LEVEL runs tests in parallel; P1_JOBS sets the build's parallelism.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
jobs=${P1_JOBS:-$(nproc)}

"$root/scripts/setup-debian.sh"

# Ninja for a new build folder; an existing one keeps the generator it was made with.
generator=()
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    generator=(-G Ninja)
fi
cmake -S "$root" -B "$build" "${generator[@]}" -DP1_WERROR=ON
cmake --build "$build" -j"$jobs"
ctest --test-dir "$build" --output-on-failure
