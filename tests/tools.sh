#!/usr/bin/env bash
# The tools as a script sees them: every exit code, --help and --version,
# ISO dates, standard input and output, and tool errors kept apart from
# findings in the delivery.
#   tools.sh SWI_CHECK SWI_CSV SAMPLE_XML XSD
set -u
check=$1 csv=$2 sample=$3 xsd=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# run CODE CMD...: runs CMD, stdout in $tmp/out, stderr in $tmp/err, and
# checks the exit code.
run() {
	local want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	local got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL: exit $got, want $want: $*"
		sed 's/^/  stderr: /' "$tmp/err" | head -5
		fails=$((fails + 1))
		return 1
	fi
}
# has FILE TEXT / lacks FILE TEXT
has() {
	grep -qF -- "$2" "$tmp/$1" || { echo "FAIL: $1 lacks '$2' (last: $last)"; fails=$((fails + 1)); }
}
lacks() {
	! grep -qF -- "$2" "$tmp/$1" || { echo "FAIL: $1 has '$2' (last: $last)"; fails=$((fails + 1)); }
}
lines() { # lines FILE N
	local n
	n=$(wc -l <"$tmp/$1")
	[ "$n" = "$2" ] || { echo "FAIL: $1 has $n lines, want $2 (last: $last)"; fails=$((fails + 1)); }
}
empty() { [ ! -s "$tmp/$1" ] || { echo "FAIL: $1 not empty (last: $last)"; cat "$tmp/$1"; fails=$((fails + 1)); }; }

# ---- swi-check -------------------------------------------------------------
last="check --help"; run 0 "$check" --help
for o in --previous --xsd --json --html --show-bsn --reference-date --gemeenten --help --version; do
	has out "$o"
done
for c in "  0 " "  1 " "  2 " "  64 " "  66 " "  73 " "  74 "; do has out "$c"; done
empty err
last="check -h"; run 0 "$check" -h; has out "gebruik: swi-check"
last="check --version"; run 0 "$check" --version
has out "swi-check "; has out "libswi "; empty err

last="check unknown option"; run 64 "$check" --bogus "$sample"; lines err 1; has err "--bogus"; empty out
last="check option without value"; run 64 "$check" "$sample" --xsd; lines err 1
last="check value to a flag"; run 64 "$check" --json=yes "$sample"; lines err 1
last="check bad date"; run 64 "$check" --reference-date 2026-10-1 "$sample"; lines err 1; has err "jjjj-mm-dd"
last="check no such date"; run 64 "$check" --reference-date 20260230 "$sample"; lines err 1
last="check no file"; run 64 "$check"; lines err 1
last="check two files"; run 64 "$check" "$sample" "$sample"; lines err 1

# Tool errors: 66, never 2, and never a finding in the delivery.
last="check missing file"; run 66 "$check" "$tmp/nope.XML"; has err "nope.XML"; lines err 1
last="check directory"; run 66 "$check" "$tmp"
last="check missing xsd"; run 66 "$check" --xsd "$tmp/nope.xsd" "$sample"; has err "nope.xsd"
lacks out "SWI-009"; lines err 1
printf 'geen schema' >"$tmp/bad.xsd"
last="check unusable xsd"; run 66 "$check" --xsd "$tmp/bad.xsd" "$sample"; has err "bad.xsd"
lacks out "SWI-009"; empty out
last="check missing --gemeenten"; run 66 "$check" --gemeenten "$tmp/gemeenten-2026.csv" "$sample"
has err "gemeenten-2026.csv"; empty out
last="csv missing --gemeenten"; run 66 "$csv" --gemeenten "$tmp/gemeenten-2026.csv" "$tmp"
has err "gemeenten-2026.csv"
last="check html to a full device"
run 74 "$check" --reference-date 20261015 --html /dev/full "$sample"; has err "/dev/full"
[ -c /dev/full ] || { echo "FAIL: /dev/full is gone"; fails=$((fails + 1)); }
last="check missing previous"; run 66 "$check" --previous "$tmp/old.XML" "$sample"
last="check unwritable html"; run 73 "$check" --html "$tmp/no/dir/x.html" "$sample"; lines err 1
# to_full CMD...: CMD with its standard output on a full disk.
to_full() { "$@" >/dev/full; }
last="check html to full disk"
run 74 to_full "$check" --reference-date 20261015 --html - "$sample"

# 0, 1, 2 and the ISO date.
last="check clean, ISO date"; run 0 "$check" --reference-date 2026-10-15 "$sample"
has out "0 fout(en), 0 waarschuwing(en)"
last="check clean, jjjjmmdd"; run 0 "$check" --reference-date 20261015 --xsd "$xsd" "$sample"
last="check warnings only"; run 1 "$check" --reference-date 2026-12-01 "$sample"; has out "SWI-007"
printf '<Levering><nope' >"$tmp/SWI_0153_0153_20263.XML"
last="check errors"; run 2 "$check" --reference-date 20261015 "$tmp/SWI_0153_0153_20263.XML"
has out "SWI-008"
last="check json"; run 2 "$check" --json --reference-date 20261015 "$tmp/SWI_0153_0153_20263.XML"
has out '{"rule":"SWI-008"'

# Standard input and output.
# A pipe by name (/dev/fd/N): the name breaks the naming rule (2), but no
# byte of the content may be lost to the readability check.
last="check a pipe by name"; run 2 bash -c '"$1" --reference-date 20261015 <(cat "$2")' _ "$check" "$sample"
lacks out "SWI-008"; lacks out "SWI-009"; has out "1 fout(en), 0 waarschuwing(en)"
last="check stdin"; run 0 "$check" --reference-date 20261015 - <"$sample"; has out "standaardinvoer"
last="check html to stdout"; run 0 "$check" --reference-date 20261015 --html - "$sample"
head -c 15 "$tmp/out" | grep -q '<!DOCTYPE html>' || { echo "FAIL: --html - is no page"; fails=$((fails + 1)); }
has out "SWI_0153_0153_20263.XML"; has err "0 fout(en)"
[ ! -e ./- ] || { echo "FAIL: --html - wrote a file named -"; fails=$((fails + 1)); }
last="check html file"; run 0 "$check" --reference-date 20261015 --html "$tmp/m.html" "$sample"
grep -q "Spiegelrapport" "$tmp/m.html" || { echo "FAIL: no page in $tmp/m.html"; fails=$((fails + 1)); }

# ---- swi-csv ---------------------------------------------------------------
last="csv --help"; run 0 "$csv" --help
for o in --data --zip --force --reference-date --gemeenten --help --version; do has out "$o"; done
for c in "  0 " "  2 " "  64 " "  66 " "  73 " "  74 "; do has out "$c"; done
empty err
last="csv --version"; run 0 "$csv" -V; has out "swi-csv "; has out "libswi "
last="csv unknown option"; run 64 "$csv" --bogus; lines err 1
last="csv bad date"; run 64 "$csv" --reference-date 15-10-2026 "$tmp"; lines err 1
last="csv missing data"; run 66 "$csv" --data "$tmp/nodata" "$tmp"
last="csv unwritable outdir"; run 73 "$csv" --reference-date 20261015 "$tmp/no/dir"
last="csv written, ISO date"; run 0 "$csv" --reference-date 2026-10-15 "$tmp"
[ -s "$tmp/SWI_0153_0153_20263.XML" ] || { echo "FAIL: nothing written"; fails=$((fails + 1)); }
has out "geschreven: $tmp/SWI_0153_0153_20263.XML"
last="csv to stdout"; run 0 "$csv" --reference-date 20261015 -
cmp -s "$tmp/out" "$sample" || { echo "FAIL: csv - differs from the sample"; fails=$((fails + 1)); }
has err "geschreven: standaarduitvoer"
last="csv to full disk"; run 74 to_full "$csv" --reference-date 20261015 -
last="csv | check -"
run 0 bash -o pipefail -c '"$1" --reference-date 20261015 - 2>/dev/null | "$2" --reference-date 20261015 -' \
	_ "$csv" "$check"

# A refused value: exit 2, nothing written.
data=$(dirname "$(readlink -f "$0")")/../examples/data
mkdir "$tmp/bad" "$tmp/badout"
cp "$data"/*.csv "$tmp/bad/"
sed -i '2s/,[12][0-9]\{7\},/,20261399,/' "$tmp/bad/personen.csv"
last="csv refused value"; run 2 "$csv" --data "$tmp/bad" --reference-date 20261015 "$tmp/badout"
has err "geweigerd"
[ -z "$(ls -A "$tmp/badout")" ] || { echo "FAIL: written despite a refused value"; fails=$((fails + 1)); }

if [ "$fails" -ne 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "all tool checks passed"
