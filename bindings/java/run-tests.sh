#!/bin/bash
# Builds the Java binding of libswi and runs its JUnit 5 tests, offline,
# with plain javac and the jars of Debian's packages:
#
#   apt-get install -y default-jdk-headless libjna-java junit5
#
# usage: run-tests.sh LIBSWI [OUTDIR]
#   LIBSWI  the built shared library (e.g. build/lib/libswi.so.0)
#   OUTDIR  where classes and test reports go (default: a temporary directory)
#
# Environment: JAVA_HOME (optional), SWI_JAVA_JARS (directory of the jars,
# default /usr/share/java), SWI_BENCH_PERSONS (persons for the benchmark
# smoke run, default 2000; 0 skips it).
set -euo pipefail

if [ $# -lt 1 ]; then
	echo "usage: $0 LIBSWI [OUTDIR]" >&2
	exit 2
fi
lib=$(readlink -f "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
jars=${SWI_JAVA_JARS:-/usr/share/java}
if [ -n "${JAVA_HOME:-}" ]; then
	javac="$JAVA_HOME/bin/javac"
	java="$JAVA_HOME/bin/java"
else
	javac=javac
	java=java
fi

missing=()
command -v "$javac" >/dev/null || missing+=("javac (default-jdk-headless)")
[ -f "$jars/jna.jar" ] || missing+=("$jars/jna.jar (libjna-java)")
for j in junit-jupiter-api junit-platform-console-standalone; do
	[ -f "$jars/$j.jar" ] || missing+=("$jars/$j.jar (junit5)")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "run-tests.sh: missing: ${missing[*]}" >&2
	echo "install with: apt-get install -y default-jdk-headless libjna-java junit5" >&2
	exit 1
fi
if [ ! -f "$lib" ]; then
	echo "run-tests.sh: no library at $1" >&2
	exit 1
fi

if [ $# -ge 2 ]; then
	out=$2
	rm -rf "$out/classes" "$out/testing-classes" "$out/test-classes" "$out/bench-classes" "$out/test-reports"
	mkdir -p "$out"
else
	out=$(mktemp -d)
	trap 'rm -rf "$out"' EXIT
fi
out=$(readlink -f "$out")

jna="$jars/jna.jar"
junit_api="$jars/junit-jupiter-api.jar:$jars/junit-jupiter-params.jar:$jars/opentest4j.jar:$jars/junit-platform-commons.jar:$jars/apiguardian-api.jar"

echo "== javac: main"
"$javac" -encoding UTF-8 --release 17 -Xlint:all -Werror -d "$out/classes" -cp "$jna" \
	$(find "$here/src/main/java" -name '*.java')
echo "== javac: testing (nl.swi.testing: JUnit 5 assertions, needs junit-jupiter-api only)"
"$javac" -encoding UTF-8 --release 17 -Xlint:all,-processing -Werror -d "$out/testing-classes" \
	-cp "$out/classes:$jna:$junit_api" $(find "$here/src/testing/java" -name '*.java')
echo "== javac: tests"
"$javac" -encoding UTF-8 --release 17 -Xlint:all,-processing -d "$out/test-classes" \
	-cp "$out/classes:$out/testing-classes:$jna:$junit_api" $(find "$here/src/test/java" -name '*.java')
echo "== javac: bench"
"$javac" -encoding UTF-8 --release 17 -Xlint:all -Werror -d "$out/bench-classes" -cp "$out/classes:$jna" \
	$(find "$here/bench" -name '*.java')

props=(-Dswi.library="$lib" -Dswi.source.root="$root")

echo "== JUnit (library $lib)"
status=0
"$java" "${props[@]}" -jar "$jars/junit-platform-console-standalone.jar" \
	--disable-banner --disable-ansi-colors --details=tree --fail-if-no-tests \
	--class-path "$out/test-classes:$out/testing-classes:$out/classes:$jna" \
	--scan-class-path "$out/test-classes" \
	--reports-dir "$out/test-reports" | tee "$out/junit.log" || status=$?
passed=$(sed -n 's/^\[ *\([0-9]*\) tests successful *\]$/\1/p' "$out/junit.log")
failed=$(sed -n 's/^\[ *\([0-9]*\) tests failed *\]$/\1/p' "$out/junit.log")
echo "java: ${passed:-0} passed, ${failed:-0} failed"
if [ "$status" != 0 ]; then
	exit "$status"
fi

persons=${SWI_BENCH_PERSONS:-2000}
if [ "$persons" != 0 ]; then
	echo "== benchmark smoke run ($persons persons; the files must be equal and valid)"
	"$java" "${props[@]}" -cp "$out/bench-classes:$out/classes:$jna" nl.swi.bench.SwiBench \
		--persons "$persons" --warmup 1 --rounds 1 --xsd "$root/lib/data/swi.xsd" --check
fi
echo "java binding: all tests passed"
