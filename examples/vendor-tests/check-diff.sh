#!/usr/bin/env bash
# swi-check --diff as a script sees it: exit 0 when equal, 1 when different
# (with the per-person text, BSNs masked unless --show-bsn), 64/66 for tool
# errors; --json and standard input.
#   check-diff.sh SWI_CHECK EXPECTED_XML
set -u
check=$1 expected=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
run() { # run CODE CMD...
	local want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	local got=$?
	[ "$got" = "$want" ] || { fail "exit $got, want $want: $*"; sed 's/^/  /' "$tmp/err" "$tmp/out" | head -5; }
}
has() { grep -qF -- "$1" "$tmp/out" || fail "output lacks '$1'"; }
lacks() { ! grep -qF -- "$1" "$tmp/out" || fail "output has '$1'"; }

# One kenmerk of one person a day off.
sed 's|<BredeIntakeBegindatum>20251210<|<BredeIntakeBegindatum>20251211<|' "$expected" >"$tmp/actual.xml"
cmp -s "$expected" "$tmp/actual.xml" && fail "the sed did not change the file"

run 0 "$check" --diff "$expected" "$expected"; has "inhoudelijk gelijk"
run 1 "$check" --diff "$expected" "$tmp/actual.xml"
has "1 verschil(len)"
has "persoon *****6782: kenmerk 15 (Brede intake - begindatum) verwacht 20251210, gekregen 20251211"
lacks "123456782"
run 1 "$check" --diff "$expected" --show-bsn "$tmp/actual.xml"; has "persoon 123456782: kenmerk 15"
run 1 "$check" --diff "$expected" --json "$tmp/actual.xml"
[ "$(wc -l <"$tmp/out")" = 1 ] || fail "--json: not one line"
has '{"kind":"kenmerk","kenmerk":15,"record":"persoon","expected_person":0,"actual_person":0,'
has '"bsn":"*****6782","expected":"20251210","actual":"20251211"'
run 1 "$check" --diff "$expected" - <"$tmp/actual.xml"; has "standaardinvoer verschilt van"
run 66 "$check" --diff "$tmp/nope.xml" "$expected"
run 64 "$check" --diff "$expected" --previous "$expected" "$expected"
run 64 "$check" --diff - - </dev/null
run 64 "$check" --diff

[ "$fails" = 0 ] && echo "check-diff: all passed"
exit $((fails > 0))
