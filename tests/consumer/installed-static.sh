#!/usr/bin/env bash
# `meson install` of a static-only libswi into a temporary prefix, then a
# vendor program compiled and linked against it through
# `pkg-config --static`: no private define or include directory may reach
# the consumer, and the program must run without libswi.so. The same
# install must hold the tools and their man pages.
#   installed-static.sh SOURCE_ROOT CC
set -eu
src=$(cd "$1" && pwd)
cc=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "FAIL: $*"; exit 1; }

# Zip included: zlib (Requires.private) links statically as well.
meson setup "$tmp/build" "$src" --prefix "$prefix" --buildtype=plain -Ddefault_library=static \
	-Dtests=false -Ddocs=disabled -Dbindings=false >"$tmp/setup.log" 2>&1 ||
	{ cat "$tmp/setup.log"; fail "setup"; }
meson install -C "$tmp/build" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "install"; }

# What default_library=static asks for, and only that.
[ -n "$(find "$prefix" -name libswi.a)" ] || fail "no libswi.a installed"
[ -z "$(find "$prefix" -name 'libswi.so*')" ] || fail "libswi.so installed with default_library=static"
[ -z "$(find "$prefix" -name 'libswi-internal*')" ] || fail "the tests' library was installed"
[ -f "$prefix/include/swi/swi.h" ] || fail "no headers"
pcdir=$(dirname "$(find "$prefix" -name libswi.pc)")
[ -n "$pcdir" ] || fail "no libswi.pc"

# The tools, their man pages and the example data.
for t in swi-check swi-csv; do
	[ -x "$prefix/bin/$t" ] || fail "no $t in $prefix/bin"
	"$prefix/bin/$t" --version | grep -q "^libswi " || fail "$t --version"
	[ -f "$prefix/share/man/man1/$t.1" ] || fail "no man page $t.1"
	if command -v man >/dev/null; then
		man -l "$prefix/share/man/man1/$t.1" 2>/dev/null | grep -q "AFSLUITCODES" ||
			fail "man -l does not render $t.1"
	fi
done
mkdir "$tmp/out"
"$prefix/bin/swi-csv" --data "$prefix/share/libswi/example-data" --reference-date 2026-10-15 \
	"$tmp/out" >/dev/null || fail "installed swi-csv on the installed example data"
"$prefix/bin/swi-check" --reference-date 2026-10-15 "$tmp/out/SWI_0153_0153_20263.XML" >/dev/null ||
	fail "installed swi-check on its file"

export PKG_CONFIG_PATH=$pcdir
cflags=$(pkg-config --cflags --static libswi)
libs=$(pkg-config --libs --static libswi)
echo "cflags: $cflags"
echo "libs:   $libs"
case " $cflags " in
*SWI_BUILDING_LIBRARY* | *SWI_VERSION_STRING*) fail "private define in the public cflags" ;;
*"$src"*) fail "a source-tree directory in the public cflags" ;;
esac
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Werror $cflags -o "$tmp/vendor" "$src/tests/consumer/vendor.c" $libs ||
	fail "vendor program does not build against the static libswi"
if command -v ldd >/dev/null && ldd "$tmp/vendor" | grep -q libswi; then
	fail "vendor program links libswi.so, not the static library"
fi
"$tmp/vendor"
