#!/bin/sh
# Installs the project into a temporary prefix, then builds and runs a consumer with
# find_package(nda) (shared and static targets) and with pkg-config.
set -eu
build=$1
flags=${2:-} # the sanitizers the library was built with, for the consumers too
source_dir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$source_dir/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$work/consumer" >/dev/null
LD_LIBRARY_PATH="$work/prefix/lib" "$work/consumer/consumer_cmake" | grep -qx '\[100 1 2 3 4 5\]'
"$work/consumer/consumer_static" | grep -qx '\[100 1 2 3 4 5\]'
libdir=$(find "$work/prefix" -name nda.pc -printf '%h\n')
pc_flags=$(PKG_CONFIG_PATH="$libdir" pkg-config --cflags --libs nda)
# shellcheck disable=SC2086
cc -std=c11 $flags "$source_dir/consumer.c" $pc_flags -o "$work/consumer_pc"
LD_LIBRARY_PATH="$work/prefix/lib" "$work/consumer_pc" | grep -qx '\[100 1 2 3 4 5\]'
echo "install: find_package(nda) shared and static, pkg-config nda: ok"
