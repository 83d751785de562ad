#!/usr/bin/env bash
# Installs every Debian 12 package that building and testing dbus-p1 needs.
#
# Idempotent and quick when nothing is missing: it asks dpkg first and only runs apt-get (one
# `apt-get update`, one `apt-get install`) for the packages that are not installed yet.
# Works as root or through sudo; never asks a question (DEBIAN_FRONTEND=noninteractive).
#
#   scripts/setup-debian.sh            # install what is missing
#   scripts/setup-debian.sh --list     # print the package list and exit
set -euo pipefail

# Why each package is here, so the list stays the build's real needs:
packages=(
    # toolchain: the default build uses g++; clang builds the sanitizer and fuzzer runs and
    # needs its runtime libraries (ASan/UBSan/libFuzzer) from libclang-rt-14-dev
    build-essential g++ cmake ninja-build git
    clang libclang-rt-14-dev
    # CI checks formatting with the repository's .clang-format (clang-format 14 on Debian 12) and
    # runs clang-tidy 14 with its .clang-tidy (run-clang-tidy comes with it)
    clang-format clang-tidy
    # Qt 6.4: Core/DBus/Network/Test/Widgets (qt6-base-dev), moc/rcc/uic (qt6-base-dev-tools),
    # QSerialPort, and Linguist (qt6-tools-dev for qt_add_translations, lupdate/lrelease in
    # qt6-l10n-tools and qt6-tools-dev-tools). Qt6Gui's CMake package looks for OpenGL: libgl-dev.
    # Qt's CMake packages look some of their dependencies up with pkg-config.
    qt6-base-dev qt6-base-dev-tools qt6-serialport-dev pkg-config
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libgl-dev
    # OpenSSL's libcrypto: AES-128-GCM of encrypted meters (Luxembourg, Austria)
    libssl-dev
    # p1-bench
    libbenchmark-dev
    # integration tests: ptys (socat), a private session bus (dbus-run-session is in
    # dbus-daemon on Debian 12; dbus-send/dbus-monitor for debugging are in dbus-bin)
    socat dbus-daemon dbus-bin
)

if [[ "${1:-}" == "--list" ]]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
    echo "setup-debian.sh: this script is for Debian 12 (apt-get and dpkg not found)" >&2
    exit 1
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
    [[ "$status" == ii* ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
    echo "setup-debian.sh: all ${#packages[@]} packages are installed"
    exit 0
fi

if ((EUID == 0)); then
    as_root=()
elif command -v sudo >/dev/null; then
    as_root=(sudo)
else
    echo "setup-debian.sh: not root and no sudo; install these packages: ${missing[*]}" >&2
    exit 1
fi

echo "setup-debian.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null
