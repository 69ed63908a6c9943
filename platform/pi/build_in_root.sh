#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs inside the build root (platform/pi/lib.sh, build_debs): configures, builds and packages
# Plaza for one Debian architecture from /src into /build, a Release with the flags
# dpkg-buildflags gives for that architecture with every hardening feature on. Another
# architecture than the root's is a multiarch cross build (aarch64-linux-gnu-g++ against the
# :arm64 -dev packages on an amd64 machine); the plaza-bundle it builds runs through
# binfmt_misc to make the sample bundle.
# usage: build_in_root.sh amd64|arm64
set -eu
arch=$1
cd /src  # dpkg-buildflags maps this folder to "." in debug paths (reproducible builds)
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
# DEB_HOST_* for dpkg-buildflags and for the dpkg-shlibdeps run inside cpack.
eval "$(dpkg-architecture -a "$arch" -s 2>/dev/null)"
export CCACHE_DIR=/ccache
# A cross build names Debian's cross compiler and its pkg-config, and the multiarch folder
# where the :ARCH -dev packages put their libraries.
cross=
[ "$arch" = "$(dpkg --print-architecture)" ] || cross="-DCMAKE_SYSTEM_NAME=Linux
    -DCMAKE_SYSTEM_PROCESSOR=$DEB_HOST_GNU_CPU -DCMAKE_C_COMPILER=$DEB_HOST_GNU_TYPE-gcc
    -DCMAKE_CXX_COMPILER=$DEB_HOST_GNU_TYPE-g++ -DPKG_CONFIG_EXECUTABLE=$DEB_HOST_GNU_TYPE-pkg-config
    -DCMAKE_LIBRARY_ARCHITECTURE=$DEB_HOST_MULTIARCH"
cmake -S /src -B /build -G Ninja $cross -DCMAKE_BUILD_TYPE=Release \
    -DPLAZA_BUILD_TESTS=OFF -DPLAZA_DEB_ARCHITECTURE="$arch" \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)" \
    -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)"
cmake --build /build -j 2
rm -rf /build/deb
cpack --config /build/CPackConfig.cmake -B /build/deb
ls -l /build/deb/*.deb
