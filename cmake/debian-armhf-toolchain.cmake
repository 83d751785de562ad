# Cross-building for 32-bit ARM (armhf: ARMv7, hard float, like the GX devices) from a Debian
# amd64 system with armhf multiarch: the cross compiler (crossbuild-essential-armhf) and the
# target's libraries and Qt (qt6-base-dev:armhf, qt6-serialport-dev:armhf, libdbus-1-dev:armhf,
# qt6-tools-dev:armhf) next to the build host's Qt of the same version for moc, rcc, lupdate and
# lrelease (qt6-base-dev, qt6-tools-dev). scripts/test-target.sh makes such a system (Debian 13,
# Qt 6.8) and uses this file:
#
#   cmake -S . -B build-armhf -DCMAKE_TOOLCHAIN_FILE=cmake/debian-armhf-toolchain.cmake \
#         -DBUILD_GUI=OFF
#
# The programs it builds run on the build host through qemu-arm (binfmt_misc), so ctest runs
# the whole suite. For the real Venus OS SDK use venus-toolchain.cmake instead.

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_LIBRARY_ARCHITECTURE arm-linux-gnueabihf)

set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_CXX_COMPILER arm-linux-gnueabihf-g++)
# dbus-1 (libdbus) through pkg-config: the armhf .pc files.
set(PKG_CONFIG_EXECUTABLE arm-linux-gnueabihf-pkg-config CACHE FILEPATH "pkg-config for armhf")

# Multiarch: headers and libraries of both architectures share /usr; CMAKE_LIBRARY_ARCHITECTURE
# picks the armhf ones (/usr/lib/arm-linux-gnueabihf/...). Programs are the build host's.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# Qt 6 cross builds run moc, rcc, lupdate and lrelease from a host Qt of the same version.
set(QT_HOST_PATH /usr CACHE PATH "Host Qt prefix (moc, rcc)")
set(QT_HOST_PATH_CMAKE_DIR /usr/lib/x86_64-linux-gnu/cmake CACHE PATH
    "CMake packages of the host Qt")
