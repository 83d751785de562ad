# Cross-building for Venus OS with the Venus OS SDK (a Yocto SDK with Qt 6.8):
#
#   . /opt/venus/<sdk>/environment-setup-<target>
#   cmake -S . -B build-venus -DCMAKE_TOOLCHAIN_FILE=cmake/venus-toolchain.cmake \
#         -DBUILD_GUI=OFF -DBUILD_TESTING=OFF -DP1_BENCH=OFF -DCMAKE_BUILD_TYPE=Release
#   cmake --build build-venus --target venus-package
#
# The environment-setup script sets CC and CXX (the cross compilers, with the
# target's -march/-mfloat-abi flags and --sysroot; CMake takes the compilers and
# those flags from there), OECORE_TARGET_SYSROOT (the target's headers and
# libraries) and OECORE_NATIVE_SYSROOT (the build-host tools, Qt's moc and rcc
# among them). It also points pkg-config (PKG_CONFIG_PATH, PKG_CONFIG_SYSROOT_DIR) at
# the target sysroot, for any find module that asks pkg-config. This file adds what CMake and
# Qt need on top.
#
# Not tested in this repository's CI, which has no SDK: keep it this small.

if(NOT DEFINED ENV{OECORE_TARGET_SYSROOT} OR NOT DEFINED ENV{OECORE_NATIVE_SYSROOT})
    message(FATAL_ERROR "venus-toolchain.cmake: source the Venus OS SDK's environment-setup-* "
        "script first (OECORE_TARGET_SYSROOT and OECORE_NATIVE_SYSROOT are not set)")
endif()

set(CMAKE_SYSTEM_NAME Linux)
if(DEFINED ENV{OECORE_TARGET_ARCH})
    set(CMAKE_SYSTEM_PROCESSOR $ENV{OECORE_TARGET_ARCH})
else()
    set(CMAKE_SYSTEM_PROCESSOR arm)
endif()

set(CMAKE_SYSROOT $ENV{OECORE_TARGET_SYSROOT})

# Libraries, headers and CMake packages come from the target sysroot only;
# programs run on the build host. The native sysroot is on the search path as
# well so that Qt's host-tool packages (Qt6CoreTools, ...) are found there.
set(CMAKE_FIND_ROOT_PATH $ENV{OECORE_TARGET_SYSROOT} $ENV{OECORE_NATIVE_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Qt 6 cross builds run moc, rcc and lrelease from a host Qt of the same version.
set(QT_HOST_PATH $ENV{OECORE_NATIVE_SYSROOT}/usr CACHE PATH "Host Qt prefix (moc, rcc)")
set(QT_HOST_PATH_CMAKE_DIR $ENV{OECORE_NATIVE_SYSROOT}/usr/lib/cmake CACHE PATH
    "CMake packages of the host Qt")
