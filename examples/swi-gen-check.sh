#!/bin/sh
# swi-gen's deliveries pass swi-check: every quarter of 2026, several seeds,
# realistic and --clean (issue 13, "Done when"); the same seed gives the same
# bytes, another seed others; --zip; wrong use gives exit 64 with a message.
#   swi-gen-check.sh SWI-GEN SWI-CHECK SWI.XSD
set -u
gen=$1 check=$2 xsd=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

for q in 1 2 3 4; do
	case $q in 1) ref=20260415 ;; 2) ref=20260715 ;; 3) ref=20261015 ;; 4) ref=20270115 ;; esac
	for seed in 1 2 3 2026; do
		for mode in "" --clean; do
			dir="$tmp/q$q-$seed$mode"
			mkdir "$dir"
			path=$("$gen" --persons 300 --seed "$seed" --year 2026 --quarter "$q" $mode "$dir") ||
				fail "swi-gen q$q seed $seed $mode: exit $?"
			[ "$path" = "$dir/SWI_0153_0153_2026$q.XML" ] || fail "printed '$path'"
			out=$("$check" "$path" --reference-date "$ref"); rc=$?
			# 0 clean, 1 warnings only, 2 errors.
			[ $rc -le 1 ] || { echo "$out"; fail "swi-check q$q seed $seed $mode: exit $rc"; }
			if [ -n "$mode" ] && [ $rc -ne 0 ]; then
				echo "$out"; fail "--clean q$q seed $seed: warnings"
			fi
		done
	done
done
echo "2026 K1-K4, seeds 1 2 3 2026, realistic and --clean: no errors"

# Every element of the XSD (the 38 kenmerken and their records) occurs in a
# delivery of 500 persons, for every quarter of 2026.
for q in 1 2 3 4; do
	mkdir "$tmp/all$q"
	f=$("$gen" -n 500 -s 42 -y 2026 -q "$q" "$tmp/all$q") || fail "500 persons q$q"
	for el in $(grep -o 'element name="[A-Za-z]*"' "$xsd" | sed 's/.*="\(.*\)"/\1/' | sort -u); do
		grep -q "<$el>" "$f" || fail "q$q: element $el occurs nowhere"
	done
done
[ "$(grep -o 'element name="[A-Za-z]*"' "$xsd" | sort -u | wc -l)" -ge 44 ] || fail "XSD not parsed"
echo "2026 K1-K4, 500 persons: every kenmerk occurs"

# The same seed: the same bytes; another seed: other bytes.
mkdir "$tmp/a" "$tmp/b" "$tmp/c"
a=$("$gen" -n 200 -s 7 -y 2026 -q 2 "$tmp/a") || fail "a"
b=$("$gen" -n 200 -s 7 -y 2026 -q 2 "$tmp/b") || fail "b"
c=$("$gen" -n 200 -s 8 -y 2026 -q 2 "$tmp/c") || fail "c"
cmp -s "$a" "$b" || fail "seed 7 twice: different bytes"
cmp -s "$a" "$c" && fail "seeds 7 and 8: the same bytes"
# "-": the same bytes on standard output.
"$gen" -n 200 -s 7 -y 2026 -q 2 - > "$tmp/stdout.xml" || fail "to stdout"
cmp -s "$a" "$tmp/stdout.xml" || fail "to stdout: different bytes"

# Another gemeente, berichtgever and --zip (when built with zip support).
mkdir "$tmp/z"
if z=$("$gen" -n 50 -s 1 -y 2027 -q 1 --gemeente 363 --berichtgever 9001 --zip "$tmp/z"); then
	[ "$z" = "$tmp/z/SWI_9001_0363_20271.zip" ] || fail "zip path '$z'"
	"$check" "$z" --reference-date 20270415 >/dev/null; rc=$?
	[ $rc -le 1 ] || fail "swi-check of the zip: exit $rc"
else
	[ $? -eq 69 ] || fail "--zip: neither written nor 'unsupported' (69)"
fi

# Wrong use: exit 64 and a message naming the problem; nothing written.
mkdir "$tmp/bad"
expect_usage() {
	want=$1; shift
	msg=$("$gen" "$@" 2>&1 >/dev/null); rc=$?
	[ $rc -eq 64 ] || fail "swi-gen $*: exit $rc, want 64"
	echo "$msg" | grep -q -- "$want" || fail "swi-gen $*: message '$msg' lacks '$want'"
}
expect_usage "2021" --year 2021 --quarter 1 "$tmp/bad"
expect_usage "kwartaal" --year 2026 --quarter 5 "$tmp/bad"
expect_usage "9999" --year 2026 --quarter 1 --gemeente 9999 "$tmp/bad"
expect_usage "geen geheel getal" --year 2026 --quarter 1 --persons tien "$tmp/bad"
expect_usage "verplicht" --quarter 1 "$tmp/bad"
expect_usage "UITVOERMAP" --year 2026 --quarter 1
expect_usage "onbekende optie" --year 2026 --quarter 1 --bogus "$tmp/bad"
[ -z "$(ls "$tmp/bad")" ] || fail "a file was written on wrong use"
# An output directory that does not exist: 73.
"$gen" -y 2026 -q 1 "$tmp/missing/dir" >/dev/null 2>&1; rc=$?
[ $rc -eq 73 ] || fail "missing directory: exit $rc, want 73"
# --help and --version on stdout, exit 0.
"$gen" --help | grep -q "UITVOERMAP" || fail "--help"
"$gen" --version | grep -q "libswi" || fail "--version"
echo "swi-gen: all checks passed"
