#!/usr/bin/env bash
# Builds dbus-p1 for the GX devices' architecture (32-bit ARM, armhf) against Qt 6.8 and runs the
# whole test suite on it under qemu user-mode emulation; then checks the Venus package as a GX
# would run it, and builds for amd64 with Qt 6.8, the GUI and warnings as errors.
#
#   scripts/test-target.sh [--quick] [--no-gui] [--no-venus]
#
#   --quick     reuse the armhf build as it is configured; run only the unit tests
#   --no-gui    skip the amd64 Qt 6.8 build and tests of p1-monitor
#   --no-venus  skip the Venus package check
#
# Needs a Debian 12 machine, root (chroot, mounts, binfmt_misc) and Debian's package archive:
# the mirror is the one this machine's apt uses (/etc/apt/sources.list{,.d}), or P1_DEBIAN_MIRROR.
# Everything goes under P1_TARGET_DIR (default build-target/ in the checkout):
#   root/           a Debian 13 (trixie, Qt 6.8) amd64 system made by mmdebstrap, with armhf
#                   multiarch: the armhf cross compiler, Qt and libdbus for armhf, and the same
#                   Qt for amd64 (moc, rcc, lupdate, the GUI build), qemu-user 10, socat, dbus
#   cache/debs/     the packages it was made from; cache/ccache/: the compiler cache
#   armhf/, amd64/  the two builds; venus/: the scratch GX root of the package check
# A second run reuses all of it (the root is only updated when the package list changed).
#
# How it runs: the builds run in the trixie root (chroot, in a mount namespace of their own, the
# checkout bind-mounted at its own path, so the absolute paths CMake and ctest use hold inside).
# The compilers run natively (g++ under emulation needs 18 minutes for this tree); armhf
# programs run through trixie's static qemu-arm, registered in binfmt_misc with the F flag, so
# ctest, QProcess and the shell start them like native ones. (Bookworm's qemu 7.2 cannot start
# child processes for Qt 6.8's QProcess.)
#
# Exit status: 0 all passed, 1 a step failed. P1_JOBS sets the build's parallelism.
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${P1_TARGET_DIR:-$src/build-target}
jobs=${P1_JOBS:-$(nproc)}
quick=0 gui=1 venus=1
for arg in "$@"; do
    case $arg in
    --quick) quick=1 ;;
    --no-gui) gui=0 ;;
    --no-venus) venus=0 ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "test-target.sh: unknown option $arg (try --help)" >&2
        exit 2
        ;;
    esac
done

suite=trixie
rootfs=$dir/root
binfmt_name=dbus-p1-qemu-arm
# Why each package is in the root:
packages=(
    # the build: native tools, the armhf cross compiler (g++ 14), ccache
    cmake ninja-build pkg-config ccache g++ crossbuild-essential-armhf
    # Qt 6.8 for the build host: moc/rcc/uic, lupdate/lrelease (a cross build runs these), and
    # the amd64 build with p1-monitor (Widgets; Qt6Gui's CMake package wants OpenGL)
    qt6-base-dev qt6-base-dev-tools qt6-serialport-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libgl-dev libdbus-1-dev
    # OpenSSL's libcrypto (encrypted meters), for the amd64 build and the armhf target (Venus
    # OS has libcrypto.so.3 in its image: loaded, not packaged)
    libssl-dev libssl-dev:armhf
    # the target: Qt 6.8 and libdbus for armhf (libc6:armhf comes with the cross compiler)
    qt6-base-dev:armhf qt6-serialport-dev:armhf qt6-tools-dev:armhf libdbus-1-dev:armhf
    # running the tests: ptys (socat), private buses (dbus-run-session), qemu-arm 10 (static)
    socat dbus-daemon dbus-bin qemu-user
    # tst_translations runs dbus-p1 under nl/de/fr locales
    locales
)

say() { printf '\n=== test-target: %s\n' "$*"; }
die() {
    printf 'test-target.sh: %s\n' "$*" >&2
    exit 1
}

started=$SECONDS
((EUID == 0)) || die "needs root (chroot, mounts, binfmt_misc)"
[[ "$(uname -m)" == x86_64 ]] || die "builds on an x86-64 (amd64) machine"

# --- the Debian mirror, as this machine's apt has it -------------------------------------------

# The URI of the Debian archive (not the security one): the first entry for this release's own
# suite, from a deb822 .sources file or a one-line sources.list.
debian_mirror()
{
    local codename files=()
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
    [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
    files+=(/etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
    local f
    for f in "${files[@]}"; do
        [[ -f "$f" ]] || continue
        if [[ "$f" == *.sources ]]; then
            # Stanzas are separated by blank lines; take URIs of one whose Suites list the codename.
            awk -v suite="$codename" '
                BEGIN { RS = ""; FS = "\n" }
                {
                    uris = ""; ok = 0; deb = 0
                    for (i = 1; i <= NF; i++) {
                        if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris) }
                        if ($i ~ /^Suites:/) { n = split(substr($i, 8), s, /[ \t]+/)
                            for (j = 1; j <= n; j++) if (s[j] == suite) ok = 1 }
                        if ($i ~ /^Types:.*(^|[ \t])deb([ \t]|$)/) deb = 1
                    }
                    if (ok && deb && uris != "") { split(uris, u, /[ \t]+/); print u[1]; exit }
                }' "$f"
        else
            # deb [options] URI suite components...
            awk -v suite="$codename" '
                $1 == "deb" {
                    i = 2
                    if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                    if ($(i + 1) == suite) { print $i; exit }
                }' "$f"
        fi
    done | head -n 1
}

mirror=${P1_DEBIAN_MIRROR:-$(debian_mirror)}
[[ -n "$mirror" ]] || die "no Debian mirror in /etc/apt/sources.list{,.d} (set P1_DEBIAN_MIRROR)"

# --- host tools --------------------------------------------------------------------------------

if ! command -v mmdebstrap >/dev/null || ! command -v unshare >/dev/null; then
    say "installing mmdebstrap"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o Dpkg::Use-Pty=0 mmdebstrap util-linux </dev/null
fi

# --- running in the root -----------------------------------------------------------------------

# in_root SCRIPT [ARGS...]: bash -c SCRIPT in the root, in a mount namespace of its own (its
# mounts vanish with it), with the checkout, the build folder and the shared conformance
# telegrams at their own paths.
binds=("$src" "$dir")
[[ -d "$src/../shared" ]] && binds+=("$(cd "$src/../shared" && pwd)")
in_root()
{
    unshare --mount --propagation private bash -euc '
        rootfs=$1 nbinds=$2
        shift 2
        binds=("${@:1:nbinds}")
        shift "$nbinds"
        mount -t proc proc "$rootfs/proc"
        mount --rbind /sys "$rootfs/sys"
        mount --rbind /dev "$rootfs/dev"
        mount -t tmpfs tmpfs "$rootfs/tmp"
        for b in "${binds[@]}"; do
            mkdir -p "$rootfs$b"
            mount --bind "$b" "$rootfs$b"
        done
        exec chroot "$rootfs" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
            LANG=C.UTF-8 TERM=dumb CCACHE_DIR="$P1_CCACHE_DIR" bash -euo pipefail -c "$1" target "${@:2}"
    ' in_root "$rootfs" "${#binds[@]}" "${binds[@]}" "$@"
}
export P1_CCACHE_DIR=$dir/cache/ccache

# --- the trixie root -----------------------------------------------------------------------------

mkdir -p "$dir/cache/debs" "$dir/cache/ccache"
stamp="$suite ${packages[*]}"
if [[ -x "$rootfs/usr/bin/qemu-arm" && -f "$dir/root.stamp" ]]; then
    if [[ "$(cat "$dir/root.stamp")" != "$stamp" ]]; then
        say "updating the $suite root (package list changed)"
        in_root 'export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq
            apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 "$@" </dev/null' \
            "${packages[@]}"
        printf '%s' "$stamp" >"$dir/root.stamp"
    else
        echo "test-target: reusing $rootfs"
    fi
else
    say "making a Debian $suite root (amd64 + armhf) from $mirror"
    rm -rf "$rootfs" "$dir/root.stamp"
    # The packages are kept in cache/debs and put back into the next root before apt runs.
    (IFS=,; mmdebstrap --variant=apt --architectures=amd64,armhf --include="${packages[*]}" \
        --skip=essential/unlink \
        --setup-hook='mkdir -p "$1"/var/cache/apt/archives/' \
        --setup-hook="sync-in $dir/cache/debs /var/cache/apt/archives/" \
        --customize-hook="sync-out /var/cache/apt/archives $dir/cache/debs" \
        "$suite" "$rootfs" "deb $mirror $suite main")
    printf '%s' "$stamp" >"$dir/root.stamp"
fi
# tst_translations starts dbus-p1 under these locales.
wanted_locales="nl_NL.UTF-8 nl_BE.UTF-8 de_DE.UTF-8 de_AT.UTF-8 fr_FR.UTF-8 fr_BE.UTF-8 es_ES.UTF-8"
if [[ "$(cat "$rootfs/etc/p1-locales" 2>/dev/null)" != "$wanted_locales" ]]; then
    for l in $wanted_locales; do echo "$l UTF-8"; done >"$rootfs/etc/locale.gen"
    in_root "locale-gen >/dev/null"
    echo "$wanted_locales" >"$rootfs/etc/p1-locales"
fi

# --- qemu-arm in binfmt_misc -----------------------------------------------------------------

# F: the kernel opens the interpreter now, so it works inside the chroot (and any other root).
[[ -e /proc/sys/fs/binfmt_misc/register ]] \
    || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc \
    || die "cannot mount binfmt_misc"
entry=/proc/sys/fs/binfmt_misc/$binfmt_name
[[ -e "$entry" ]] && echo -1 >"$entry"
# 32-bit little-endian ELF, machine 40 (ARM); a newer entry is tried before older ones.
printf '%s' ":$binfmt_name:M::\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x28\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:$rootfs/usr/bin/qemu-arm:F" \
    >/proc/sys/fs/binfmt_misc/register
trap '[[ -e "$entry" ]] && echo -1 >"$entry"' EXIT


failed=()
step()
{
    local name=$1 t=$SECONDS
    shift
    say "$name"
    if "$@"; then
        echo "=== test-target: $name: ok ($((SECONDS - t)) s)"
    else
        echo "=== test-target: $name: FAILED ($((SECONDS - t)) s)"
        failed+=("$name")
    fi
}

armhf_build()
{
    local configure=1
    ((quick)) && [[ -f "$dir/armhf/CMakeCache.txt" ]] && configure=0
    # Release, as the Venus package ships; warnings as errors, as in every build.
    in_root '
        src=$1 build=$2 jobs=$3 configure=$4
        if ((configure)); then
            cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
                -DCMAKE_TOOLCHAIN_FILE="$src/cmake/debian-armhf-toolchain.cmake" \
                -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DP1_WERROR=ON -DBUILD_GUI=OFF -DP1_BENCH=OFF \
                >"$build.configure.log" || { cat "$build.configure.log"; exit 1; }
        fi
        cmake --build "$build" -j"$jobs"
        cmake --build "$build" -j"$jobs" --target venus-package
    ' "$src" "$dir/armhf" "$jobs" "$configure"
}

armhf_test()
{
    local labels=()
    ((quick)) && labels=(-L unit)
    # One test at a time: the integration tests time their ptys and processes.
    in_root '
        build=$1
        shift
        # P1_EMULATOR: tests that set an address-space limit leave it out under qemu-user.
        P1_EMULATOR=qemu-arm ctest --test-dir "$build" --output-on-failure "$@"
    ' "$dir/armhf" "${labels[@]}" 2>&1 | tee "$dir/armhf-ctest.log"
}

amd64_gui_build()
{
    in_root '
        src=$1 build=$2 jobs=$3
        cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DP1_WERROR=ON -DBUILD_GUI=ON -DP1_BENCH=OFF \
            >"$build.configure.log" || { cat "$build.configure.log"; exit 1; }
        # The armhf build compiled the rest against Qt 6.8: here only what it leaves out.
        cmake --build "$build" -j"$jobs" --target p1_gui_tests
        ctest --test-dir "$build" -L gui --output-on-failure
    ' "$src" "$dir/amd64" "$jobs"
}

venus_check()
{
    in_root "$(cat "$src/scripts/target/venus-check.sh")" "$dir/armhf/venus-data.tar.gz" \
        "$dir/venus" "$src/tests/data/dsmr5-sample.p1" 2>&1 | tee "$dir/venus-check.log"
}

step "armhf build (Qt 6.8, g++ 14 cross)" armhf_build
step "armhf tests under qemu-arm" armhf_test
((venus)) && step "Venus package on a scratch GX root" venus_check
((gui)) && step "amd64 build and tests of p1-monitor (Qt 6.8, -Werror)" amd64_gui_build

say "finished in $((SECONDS - started)) s"
grep -hE '^(package: |peak RSS )' "$dir/venus-check.log" 2>/dev/null || true
summary=$(grep -E '^[0-9]+% tests passed' "$dir/armhf-ctest.log" 2>/dev/null | tail -1 || true)
[[ -n "$summary" ]] && echo "armhf ctest: $summary"
if ((${#failed[@]} > 0)); then
    echo "failed: ${failed[*]}"
    exit 1
fi
