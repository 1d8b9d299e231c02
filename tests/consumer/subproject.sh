#!/usr/bin/env bash
# A vendor project (tests/consumer) that uses libswi as a meson subproject,
# on a machine where check is not installed (hidden from pkg-config here):
# it must configure, build and run, with libswi's tests skipped.
#   subproject.sh SOURCE_ROOT
set -eu
src=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/vendor/subprojects" "$tmp/pc"
cp "$src/tests/consumer/meson.build" "$src/tests/consumer/vendor.c" "$tmp/vendor/"
ln -s "$src" "$tmp/vendor/subprojects/libswi"

# Every .pc file of the machine except check's (and an installed libswi's).
for dir in $(pkg-config --variable pc_path pkg-config | tr : ' '); do
	[ -d "$dir" ] || continue
	for pc in "$dir"/*.pc; do
		[ -e "$pc" ] || continue
		case $(basename "$pc") in
		check.pc | libswi.pc) ;;
		*) [ -e "$tmp/pc/$(basename "$pc")" ] || ln -s "$pc" "$tmp/pc/" ;;
		esac
	done
done
export PKG_CONFIG_LIBDIR="$tmp/pc" PKG_CONFIG_PATH=

cd "$tmp/vendor"
if ! meson setup build --force-fallback-for=libswi >"$tmp/setup.log" 2>&1; then
	cat "$tmp/setup.log"
	echo "FAIL: the vendor project does not configure"
	exit 1
fi
grep -q "check not found: tests and benchmarks of libswi are skipped" "$tmp/setup.log" || {
	cat "$tmp/setup.log"
	echo "FAIL: check was found or the skip was not said"
	exit 1
}
meson compile -C build >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
./build/vendor
