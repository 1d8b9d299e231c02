#!/bin/sh
# The README's sample delivery against a 2026 municipality list without
# Enschede (0153), given at run time (doc/years.md): SWI-004 and no file,
# without rebuilding libswi; with the list unchanged, clean again.
#   gemeenten-sample.sh SWI-CSV SWI-CHECK SOURCE_ROOT
set -u
unset SWI_GEMEENTEN_DIR
csv=$1 check=$2 root=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir "$tmp/lists" "$tmp/out" "$tmp/out2"
grep -v '^0153,' "$root/lib/data/gemeenten-2026.csv" > "$tmp/lists/gemeenten-2026.csv"
grep -q '^0153,' "$root/lib/data/gemeenten-2026.csv" || fail "0153 not in the shipped list"

# 1. Through the environment: refused with SWI-004, nothing written.
out=$(SWI_GEMEENTEN_DIR="$tmp/lists" "$csv" --reference-date 20261015 "$tmp/out"); rc=$?
echo "$out"
[ $rc -eq 2 ] || fail "swi-csv with SWI_GEMEENTEN_DIR: exit $rc, want 2"
echo "$out" | grep -q 'SWI-004 fout.*0153' || fail "no SWI-004 for 0153"
[ -z "$(ls "$tmp/out")" ] || fail "a file was written"

# 2. Through the option: the same.
out=$("$csv" --gemeenten "$tmp/lists/gemeenten-2026.csv" --reference-date 20261015 "$tmp/out"); rc=$?
[ $rc -eq 2 ] || fail "swi-csv --gemeenten: exit $rc, want 2"
echo "$out" | grep -q 'SWI-004' || fail "swi-csv --gemeenten: no SWI-004"

# 3. The shipped lists: written; swi-check passes it, names the ruleset,
#    and refuses it with the shortened list (option and environment).
"$csv" --reference-date 20261015 "$tmp/out2" >/dev/null || fail "sample not written"
f="$tmp/out2/SWI_0153_0153_20263.XML"
out=$("$check" "$f" --reference-date 20261015); rc=$?
echo "$out"
[ $rc -eq 0 ] || fail "swi-check: exit $rc, want 0"
echo "$out" | grep -q '^Regelset 2026 toegepast op statistiekjaar 2026$' || fail "no ruleset line"
out=$("$check" "$f" --reference-date 20261015 --gemeenten "$tmp/lists/gemeenten-2026.csv"); rc=$?
[ $rc -eq 2 ] && echo "$out" | grep -q 'SWI-004' || fail "swi-check --gemeenten: exit $rc"
out=$(SWI_GEMEENTEN_DIR="$tmp/lists" "$check" "$f" --reference-date 20261015); rc=$?
[ $rc -eq 2 ] && echo "$out" | grep -q 'SWI-004' || fail "swi-check with SWI_GEMEENTEN_DIR: exit $rc"

# 4. A malformed list: a clear error naming the file and the line.
printf 'code,naam\n0153,Enschede\nGM01x3,Fout\n' > "$tmp/lists/gemeenten-2026.csv"
out=$("$check" "$f" --reference-date 20261015 --gemeenten "$tmp/lists/gemeenten-2026.csv" 2>&1); rc=$?
# The list is swi-check's own input: a tool error (66), not a finding (2).
[ $rc -eq 66 ] && echo "$out" | grep -q 'gemeenten-2026.csv, regel 3' || fail "malformed: $out"
echo OK
