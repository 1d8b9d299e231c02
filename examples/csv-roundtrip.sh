#!/bin/sh
# swi-csv both ways (doc/csv.md):
#  - the Excel-NL export in DATA/excel-nl (BOM, ';', ISO and dd-mm-jjjj
#    dates, CRLF, quoted fields, BSNs without leading zeros) builds the same
#    SWI file as the plain CSV in DATA, byte for byte;
#  - sample -> XML -> --export CSV -> build -> the identical XML, also from a
#    zip and from standard input, and the exported CSV is the sample itself;
#  - --export's refusals: existing files, read errors, wrong combinations.
#   csv-roundtrip.sh SWI_CSV DATA
set -u
csv=$1 data=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# run EXPECTED-EXIT CMD...: stdout/stderr into $tmp/out, $tmp/err.
run() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" = "$want" ] || { fail "$last: exit $got, expected $want"; cat "$tmp/err"; }
}
has() { grep -qF -- "$2" "$tmp/$1" || fail "$last: no '$2' in $1: $(cat "$tmp/$1")"; }
same() { cmp -s "$1" "$2" || fail "$last: $1 and $2 differ"; }

ref="--reference-date 20261015"
xml=SWI_0153_0153_20263.XML
mkdir "$tmp/plain" "$tmp/excel" "$tmp/csv" "$tmp/back" "$tmp/semi" "$tmp/semiback" \
	"$tmp/zip" "$tmp/zcsv" "$tmp/stdin" "$tmp/bad"

last="plain sample"; run 0 "$csv" --data "$data" $ref "$tmp/plain"
last="Excel-NL sample"; run 0 "$csv" --data "$data/excel-nl" $ref "$tmp/excel"
same "$tmp/plain/$xml" "$tmp/excel/$xml"
last="Excel-NL with --separator ';'"; run 0 "$csv" --separator ';' --data "$data/excel-nl" $ref -
same "$tmp/plain/$xml" "$tmp/out"
last="Excel-NL with --separator ,"; run 2 "$csv" --separator , --data "$data/excel-nl" $ref -
has err "levering.csv:1: kolom 1 van de kopregel is geen SWI-element"

last="export"; run 0 "$csv" --export "$tmp/plain/$xml" "$tmp/csv"
has out "geschreven: $tmp/csv/"
for f in levering personen pips gesprekken boetes; do
	same "$data/$f.csv" "$tmp/csv/$f.csv"
done
last="build from the export"; run 0 "$csv" --data "$tmp/csv" $ref "$tmp/back"
same "$tmp/plain/$xml" "$tmp/back/$xml"

last="export with ';'"; run 0 "$csv" --export "$tmp/plain/$xml" --separator ';' "$tmp/semi"
has_semi=$(head -n 1 "$tmp/semi/boetes.csv")
[ "$has_semi" = "Burgerservicenummer;BoeteDatum;BoeteReden;BoeteBedrag" ] ||
	fail "$last: header $has_semi"
last="build from the ';' export"; run 0 "$csv" --data "$tmp/semi" $ref "$tmp/semiback"
same "$tmp/plain/$xml" "$tmp/semiback/$xml"

last="export from stdin"; run 0 sh -c '"$1" --export - "$2" <"$3"' _ "$csv" "$tmp/stdin" \
	"$tmp/plain/$xml"
same "$data/personen.csv" "$tmp/stdin/personen.csv"

"$csv" --zip --data "$data" $ref "$tmp/zip" >/dev/null 2>&1
zrc=$?
if [ $zrc = 0 ]; then
	last="export from a zip"; run 0 "$csv" --export "$tmp/zip/SWI_0153_0153_20263.zip" "$tmp/zcsv"
	for f in levering personen pips gesprekken boetes; do
		same "$data/$f.csv" "$tmp/zcsv/$f.csv"
	done
elif [ $zrc != 69 ]; then
	fail "--zip: exit $zrc"
fi

last="export over existing files"; run 73 "$csv" --export "$tmp/plain/$xml" "$tmp/csv"
has err "$tmp/csv/levering.csv: File exists (overschrijven met --force)"
last="export --force over existing files"; run 0 "$csv" --export "$tmp/plain/$xml" --force "$tmp/csv"
same "$data/pips.csv" "$tmp/csv/pips.csv"
[ -z "$(find "$tmp/csv" -name '.*.csv.*')" ] || fail "$last: temporary files left"

# A file with a refused value (read errors): not exported without --force.
sed 's|<Geslacht>2</Geslacht>|<Geslacht>7</Geslacht>|' "$tmp/plain/$xml" >"$tmp/bad.XML"
last="export of a file with read errors"; run 2 "$csv" --export "$tmp/bad.XML" "$tmp/bad"
has err "niet geëxporteerd"
[ ! -e "$tmp/bad/personen.csv" ] || fail "$last: written anyway"
last="export --force of a file with read errors"; run 0 "$csv" --export "$tmp/bad.XML" --force \
	"$tmp/bad"
[ -e "$tmp/bad/personen.csv" ] || fail "$last: not written"

last="export of a missing file"; run 66 "$csv" --export "$tmp/none.XML" "$tmp/bad"
last="export with --zip"; run 64 "$csv" --export "$tmp/plain/$xml" --zip "$tmp/bad"
last="export to stdout"; run 64 "$csv" --export "$tmp/plain/$xml" -
last="bad --separator"; run 64 "$csv" --separator '|' "$tmp/bad"
last="export to a missing directory"; run 73 "$csv" --export "$tmp/plain/$xml" "$tmp/no/dir"

[ $fails = 0 ] && echo "csv-roundtrip: all passed"
[ $fails = 0 ]
