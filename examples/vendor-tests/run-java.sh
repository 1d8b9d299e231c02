#!/bin/bash
# Builds the Java binding with its JUnit 5 assertions (nl.swi.testing) and
# runs the vendor-test example java/com/example/vendor/VendorExportTest.java
# against it, offline, with javac and the jars of Debian's packages
# (default-jdk-headless, libjna-java, junit5), as bindings/java/run-tests.sh.
#
# usage: run-java.sh LIBSWI OUTDIR
set -euo pipefail
if [ $# -ne 2 ]; then
	echo "usage: $0 LIBSWI OUTDIR" >&2
	exit 2
fi
lib=$(readlink -f "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
jars=${SWI_JAVA_JARS:-/usr/share/java}
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
out=$2
rm -rf "$out/classes" "$out/testing-classes" "$out/example-classes"
mkdir -p "$out"
out=$(readlink -f "$out")

jna="$jars/jna.jar"
junit_api="$jars/junit-jupiter-api.jar:$jars/opentest4j.jar:$jars/junit-platform-commons.jar:$jars/apiguardian-api.jar"

# shellcheck disable=SC2046
"$javac" -encoding UTF-8 --release 17 -d "$out/classes" -cp "$jna" \
	$(find "$root/bindings/java/src/main/java" -name '*.java')
# shellcheck disable=SC2046
"$javac" -encoding UTF-8 --release 17 -Xlint:all,-processing -Werror -d "$out/testing-classes" \
	-cp "$out/classes:$jna:$junit_api" $(find "$root/bindings/java/src/testing/java" -name '*.java')
# shellcheck disable=SC2046
"$javac" -encoding UTF-8 --release 17 -Xlint:all,-processing -Werror -d "$out/example-classes" \
	-cp "$out/classes:$out/testing-classes:$jna:$junit_api" $(find "$here/java" -name '*.java')

"$java" -Dswi.library="$lib" -Dvendor.tests.dir="$here" \
	-jar "$jars/junit-platform-console-standalone.jar" \
	--disable-banner --disable-ansi-colors --details=tree --fail-if-no-tests \
	--class-path "$out/example-classes:$out/testing-classes:$out/classes:$jna" \
	--select-class com.example.vendor.VendorExportTest
