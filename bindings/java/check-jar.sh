#!/bin/bash
# The Java artifacts as a user gets them (meson test java-jar).
#
# usage: check-jar.sh JAR OLD_LIBSWI
#   JAR         libswi-java-VERSION.jar (its -sources and -javadoc jars beside it)
#   OLD_LIBSWI  a libswi.so.0 that says 0.1.0 (bindings/old-libswi)
#
# 1. the jars hold what they should (libswi under JNA's resource path, the
#    pom, the sources, the javadoc);
# 2. `java -cp JAR:jna.jar` runs smoke/Smoke.java with no SWI_LIBRARY, no
#    -Dswi.library and no LD_LIBRARY_PATH, from a directory outside the tree:
#    it loads the jar's libswi and writes and reads back a delivery;
# 3. SWI_LIBRARY naming a libswi 0.1.0 gives the one clear version error;
# 4. the JUnit tests run against the jar alone (outside the source tree, no
#    library path): all pass, the source-tree comparisons are skipped.
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 JAR OLD_LIBSWI" >&2
	exit 2
fi
jar=$(readlink -f "$1")
old=$(readlink -f "$2")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jars=${SWI_JAVA_JARS:-/usr/share/java}
jna=$jars/jna.jar
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
base=${jar%.jar}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
	echo "FAILED: $*" >&2
	exit 1
}

# 1. contents
"${bin}jar" --list --file "$jar" >"$tmp/list"
for entry in linux-x86-64/libswi.so nl/swi/Swi.class nl/swi/Delivery.class \
	nl/swi/Diff.class nl/swi/testing/SwiAssertions.class \
	META-INF/maven/nl.swi/libswi-java/pom.xml META-INF/maven/nl.swi/libswi-java/pom.properties; do
	grep -qx "$entry" "$tmp/list" || fail "$entry not in $(basename "$jar")"
done
! grep -q '^nl/swi/.*Test' "$tmp/list" || fail "test classes in the jar"
"${bin}jar" --list --file "$base-sources.jar" | grep -qx nl/swi/Swi.java || fail "no sources jar"
"${bin}jar" --list --file "$base-javadoc.jar" | grep -qx nl/swi/Delivery.html || fail "no javadoc jar"
echo "ok: $(basename "$jar") holds linux-x86-64/libswi.so and its pom; sources and javadoc jars"

# 2. a delivery with the jar's libswi only
clean=(env -u SWI_LIBRARY -u LD_LIBRARY_PATH -u CLASSPATH)
mkdir -p "$tmp/out" "$tmp/jna"
cd "$tmp"
line=$("${clean[@]}" "${bin}java" -Djna.tmpdir="$tmp/jna" -cp "$jar:$jna" "$here/smoke/Smoke.java" "$tmp/out")
read -r version path file <<<"$line"
[ "$file" = SWI_0153_0153_20263.XML ] && [ -f "$tmp/out/$file" ] || fail "Smoke: $line"
case $path in
"$tmp/jna/"*) ;;
*) fail "libswi loaded from $path, not from the jar" ;;
esac
echo "ok: java -cp $(basename "$jar"):jna.jar, no libswi around: libswi $version, wrote $file"

# 3. an old libswi: the one clear error
status=0
"${clean[@]}" SWI_LIBRARY="$old" "${bin}java" -cp "$jar:$jna" "$here/smoke/Smoke.java" "$tmp/out" \
	>/dev/null 2>"$tmp/old.err" || status=$?
[ "$status" != 0 ] || fail "old libswi accepted"
want="java.lang.UnsatisfiedLinkError: libswi 0.1.0 found, this binding needs >= 0.2.0 (loaded from $old, from SWI_LIBRARY); install libswi >= 0.2.0 or set SWI_LIBRARY to the path of a newer libswi.so.0"
grep -qxF "$want" "$tmp/old.err" || grep -qF "Exception in thread \"main\" $want" "$tmp/old.err" ||
	fail "old libswi: $(cat "$tmp/old.err")"
! grep -qi "undefined symbol\|Error looking up function" "$tmp/old.err" || fail "missing symbol: $(cat "$tmp/old.err")"
echo "ok: old libswi: ${want#java.lang.}"

# 4. the tests against the jar alone
junit_api="$jars/junit-jupiter-api.jar:$jars/junit-jupiter-params.jar:$jars/opentest4j.jar:$jars/junit-platform-commons.jar:$jars/apiguardian-api.jar"
# shellcheck disable=SC2046
"${bin}javac" -encoding UTF-8 --release 17 -Xlint:all,-processing -d "$tmp/test-classes" \
	-cp "$jar:$jna:$junit_api" $(find "$here/src/test/java" -name '*.java')
status=0
"${clean[@]}" "${bin}java" -Djna.tmpdir="$tmp/jna" -jar "$jars/junit-platform-console-standalone.jar" \
	--disable-banner --disable-ansi-colors --details=summary --fail-if-no-tests \
	--class-path "$tmp/test-classes:$jar:$jna" --scan-class-path "$tmp/test-classes" \
	>"$tmp/junit.log" 2>&1 || status=$?
summary() { sed -n "s/^\[ *\([0-9]*\) tests $1 *\]$/\1/p" "$tmp/junit.log"; }
if [ "$status" != 0 ]; then
	cat "$tmp/junit.log" >&2
	fail "JUnit against the jar"
fi
echo "ok: JUnit against the jar alone: $(summary successful) passed," \
	"$(summary skipped) skipped, $(summary aborted) aborted (source-tree comparisons), $(summary failed) failed"
