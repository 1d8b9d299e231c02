#!/bin/bash
# Compiles the Java binding and its benchmark (bench/nl/swi/bench/SwiBench.java)
# and runs it: build + validate + write of a synthetic delivery through libswi,
# against the same delivery written with StAX and validated with JAXP.
#
# usage: run-bench.sh LIBSWI [SwiBench options]
#   e.g. bindings/java/run-bench.sh build/lib/libswi.so.0 --persons 100000 --check
#        (--out /dev/shm/x writes to tmpfs: no disk in the figures)
# Needs: default-jdk-headless libjna-java (Debian).
set -euo pipefail
usage() {
	echo "usage: $0 LIBSWI [--persons N] [--rounds R] [--warmup W] [--seed S] [--out DIR] [--check]" \
		"[--per-kenmerk] [--verbose]"
}
if [ $# -lt 1 ]; then
	usage >&2
	exit 2
fi
case $1 in
-h | --help)
	usage
	exit 0
	;;
esac
if [ ! -f "$1" ]; then
	echo "run-bench.sh: no library at $1" >&2
	usage >&2
	exit 2
fi
lib=$(readlink -f -- "$1")
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
jna=${SWI_JAVA_JARS:-/usr/share/java}/jna.jar
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -encoding UTF-8 --release 17 -d "$out" -cp "$jna" \
	$(find "$here/src/main/java" "$here/bench" -name '*.java')
java -Dswi.library="$lib" -Dswi.source.root="$root" -cp "$out:$jna" nl.swi.bench.SwiBench \
	--xsd "$root/lib/data/swi.xsd" "$@"
