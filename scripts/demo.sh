#!/usr/bin/env bash
# Installs what the build needs on Debian 12 (scripts/setup-debian.sh; sudo when not root),
# builds dbus-p1 and runs it.
#
#   scripts/demo.sh            the daemon on its built-in simulated DSMR 5 meter (sim:), on a
#                              private session bus of its own, printing what it publishes once a
#                              second for P1_DEMO_SECONDS (default 30; 0 runs until Ctrl-C)
#   scripts/demo.sh ARGS...    runs build/bin/dbus-p1 ARGS... instead, for instance
#                              scripts/demo.sh --decode tests/data/dsmr5-sample.p1
#
# Nothing touches the machine's own D-Bus: the demo bus lives and dies with the script.
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

if (($# > 0)); then
    echo "+ dbus-p1 $*" >&2
    exec "$build/bin/dbus-p1" "$@"
fi

# Runs inside the private bus: the daemon in the background, and once a second the values it
# publishes, read back over D-Bus the way Venus consumers read them (BusItem GetText).
live_demo='
bin=$1 seconds=$2
"$bin" --dbus session --settings-timeout 1 sim: &
daemon=$!
trap "kill $daemon 2>/dev/null; wait $daemon 2>/dev/null" EXIT
grid=com.victronenergy.grid.p1_sim
gas=com.victronenergy.pulsemeter.p1_sim_gas
water=com.victronenergy.pulsemeter.p1_sim_water
text() {
    dbus-send --session --print-reply=literal --dest="$1" "$2" com.victronenergy.BusItem.GetText \
        2>/dev/null | sed "s/^ *//"
}
end=$((SECONDS + seconds))
while ((seconds == 0 || SECONDS < end)); do
    sleep 1
    kill -0 "$daemon" 2>/dev/null || { echo "dbus-p1 exited" >&2; exit 1; }
    power=$(text $grid /Ac/Power)
    [[ -n "$power" ]] || continue # services not registered yet
    echo "$(date +%T)  grid $power (L1 $(text $grid /Ac/L1/Power), L2 $(text $grid /Ac/L2/Power)," \
        "L3 $(text $grid /Ac/L3/Power))  imported $(text $grid /Ac/Energy/Forward)," \
        "exported $(text $grid /Ac/Energy/Reverse)  gas $(text $gas /Aggregate)" \
        " water $(text $water /Aggregate)"
done
'
seconds=${P1_DEMO_SECONDS:-30}
echo "+ dbus-p1 --dbus session sim:    (a simulated meter on a private bus;" \
    "$( ((seconds == 0)) && echo "Ctrl-C stops" || echo "${seconds} s, Ctrl-C stops earlier"))" >&2
# dbus-daemon complains about its file limit when run as root in a container; that is noise here.
dbus-run-session -- bash -c "$live_demo" demo "$build/bin/dbus-p1" "$seconds" \
    2> >(grep -v --line-buffered 'Failed to set fd limit' >&2)
