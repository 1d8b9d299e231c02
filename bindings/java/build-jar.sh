#!/bin/bash
# Builds the Java artifacts of libswi offline, with the JDK's own tools
# (javac, javadoc, jar) and Debian's jna.jar; no Maven, no network:
#
#   libswi-java-VERSION.jar          the binding, with LIBSWI inside under JNA's
#                                    resource path (linux-x86-64/libswi.so), and
#                                    META-INF/maven/nl.swi/libswi-java/pom.xml
#                                    and nl.swi.testing (src/testing/java:
#                                    JUnit 5 assertions for a vendor's tests,
#                                    compiled against junit-jupiter-api, an
#                                    optional dependency in pom.xml)
#   libswi-java-VERSION-sources.jar  src/main/java and src/testing/java
#   libswi-java-VERSION-javadoc.jar  the API documentation (javadoc's doclint
#                                    on, warnings are errors; see README.md)
#
# usage: build-jar.sh LIBSWI OUTDIR VERSION
#   LIBSWI   the libswi.so to bundle (e.g. build/lib/libswi.so.0)
#   VERSION  the project version; pom.xml must say the same
#
# meson runs it with -Dbindings=true (bindings/java/meson.build). Environment:
# JAVA_HOME (optional), SWI_JAVA_JARS (directory of jna.jar, default
# /usr/share/java), SOURCE_DATE_EPOCH (timestamps in the jars; default 1980).
set -euo pipefail

if [ $# -ne 3 ]; then
	echo "usage: $0 LIBSWI OUTDIR VERSION" >&2
	exit 2
fi
lib=$(readlink -f "$1")
mkdir -p "$2"
out=$(readlink -f "$2")
version=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jna=${SWI_JAVA_JARS:-/usr/share/java}/jna.jar
junit_api=${SWI_JAVA_JARS:-/usr/share/java}/junit-jupiter-api.jar
junit_cp="$junit_api"
for j in opentest4j junit-platform-commons apiguardian-api; do
	junit_cp="$junit_cp:${SWI_JAVA_JARS:-/usr/share/java}/$j.jar"
done
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
name=libswi-java-$version

for f in "$lib" "$jna" "$junit_api"; do
	[ -f "$f" ] || { echo "build-jar.sh: missing $f" >&2; exit 1; }
done
# The pom describes this jar: same coordinates and version.
if ! grep -q "<artifactId>libswi-java</artifactId>" "$here/pom.xml" ||
	! grep -q "<version>$version</version>" "$here/pom.xml"; then
	echo "build-jar.sh: pom.xml is not nl.swi:libswi-java:$version" >&2
	exit 1
fi

work="$out/$name.work"
rm -rf "$work"
mkdir -p "$work/classes" "$work/src" "$work/javadoc" "$work/tool"
trap 'rm -rf "$work"' EXIT

# JNA's resource prefix of this platform (linux-x86-64, linux-aarch64, ...):
# Native.extractFromResourcePath("swi") looks for PREFIX/libswi.so.
cat >"$work/tool/Prefix.java" <<'EOF'
public class Prefix {
	public static void main(String[] a) {
		System.out.println(com.sun.jna.Platform.RESOURCE_PREFIX);
	}
}
EOF
prefix=$("${bin}java" -cp "$jna" "$work/tool/Prefix.java")

sources=$(find "$here/src/main/java" -name '*.java' | LC_ALL=C sort)
# shellcheck disable=SC2086
"${bin}javac" -encoding UTF-8 --release 17 -Xlint:all -Werror -d "$work/classes" -cp "$jna" $sources
# nl.swi.testing after nl.swi and apart from it, so nl.swi cannot come to
# depend on JUnit.
testing_sources=$(find "$here/src/testing/java" -name '*.java' | LC_ALL=C sort)
# shellcheck disable=SC2086
"${bin}javac" -encoding UTF-8 --release 17 -Xlint:all,-processing -Werror -d "$work/classes" \
	-cp "$work/classes:$jna:$junit_cp" $testing_sources
mkdir -p "$work/classes/$prefix" "$work/classes/META-INF/maven/nl.swi/libswi-java"
cp "$lib" "$work/classes/$prefix/libswi.so"
cp "$here/pom.xml" "$work/classes/META-INF/maven/nl.swi/libswi-java/pom.xml"
printf 'groupId=nl.swi\nartifactId=libswi-java\nversion=%s\n' "$version" \
	>"$work/classes/META-INF/maven/nl.swi/libswi-java/pom.properties"
cat >"$work/MANIFEST.MF" <<EOF
Automatic-Module-Name: nl.swi
Implementation-Title: libswi Java binding
Implementation-Version: $version
Specification-Title: libswi
Specification-Version: $version
EOF

# Reproducible: one timestamp for every entry.
epoch=${SOURCE_DATE_EPOCH:-315532802}
[ "$epoch" -ge 315532802 ] || epoch=315532802
date=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)

"${bin}jar" --create --date="$date" --file "$work/$name.jar" --manifest "$work/MANIFEST.MF" \
	-C "$work/classes" .
"${bin}jar" --create --date="$date" --file "$work/$name-sources.jar" -C "$here/src/main/java" . \
	-C "$here/src/testing/java" .

# Every doclint check (also a public element without a comment, @param,
# @return or @throws): any warning fails the build.
# shellcheck disable=SC2086
"${bin}javadoc" -quiet -Xdoclint:all -Werror -encoding UTF-8 --release 17 \
	-notimestamp -doctitle "libswi $version Java binding" -windowtitle "libswi $version" \
	-d "$work/javadoc" -cp "$jna:$junit_cp" $sources $testing_sources
"${bin}jar" --create --date="$date" --file "$work/$name-javadoc.jar" -C "$work/javadoc" .

mv "$work/$name.jar" "$work/$name-sources.jar" "$work/$name-javadoc.jar" "$out/"
echo "$out/$name.jar ($prefix/libswi.so inside), $name-sources.jar, $name-javadoc.jar"
