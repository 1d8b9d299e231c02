#!/usr/bin/env bash
# check-abi-nodes.sh SOURCE_ROOT BUILD_ROOT
#
# .ci/abi-check must refuse a symbol that appears in a version node the
# baseline already published. The baseline is doctored to lack one symbol
# of LIBSWI_0.1 (swi_version), which makes the real library look as if that
# symbol had been added to the published node later; the check must fail
# and name it. The real baseline must pass. Skips (77) without abigail-tools
# or debug info, as .ci/abi-check itself exits 2 there.
set -uo pipefail
src=$1
build=$2
for tool in abidw abidiff readelf; do
	command -v "$tool" >/dev/null || { echo "no $tool: skipped"; exit 77; }
done
readelf -S --wide "$build/lib/libswi.so" | grep -q '\.debug_info' ||
	{ echo "no debug info: skipped"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v "<elf-symbol name='swi_version' " "$src/.ci/abi/libswi.so.0.abi" >"$tmp/baseline.abi"

"$src/.ci/abi-check" --baseline "$tmp/baseline.abi" "$build" >"$tmp/out" 2>&1
rc=$?
if [ "$rc" -ne 1 ] || ! grep -q 'swi_version@LIBSWI_0.1' "$tmp/out"; then
	cat "$tmp/out"
	echo "FAIL: a symbol added to the published node LIBSWI_0.1 passed (exit $rc)"
	exit 1
fi

"$src/.ci/abi-check" "$build" >"$tmp/out" 2>&1
rc=$?
if [ "$rc" -ne 0 ]; then
	cat "$tmp/out"
	echo "FAIL: the library does not pass against the committed baseline (exit $rc)"
	exit 1
fi
echo "ok: published nodes are closed, and the baseline passes"
