#!/usr/bin/env python3
"""check-soname.py [--readelf READELF] LIB EXPECTED

Fails unless `readelf -d LIB` shows the SONAME EXPECTED. The SONAME is the
ABI promise to every program linked against libswi: it changes only on
purpose, together with this test's expected value, never as a side effect
of editing the build.
"""

import argparse
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--readelf", default="readelf")
    ap.add_argument("lib")
    ap.add_argument("expected")
    args = ap.parse_args()
    out = subprocess.run([args.readelf, "-d", args.lib], check=True, capture_output=True,
                         text=True).stdout
    found = re.findall(r"\(SONAME\)\s+Library soname: \[([^\]]*)\]", out)
    print(f"{args.lib}: SONAME {found or 'none'}, expected {args.expected}")
    if found != [args.expected]:
        print("FAIL: the SONAME changed; if that is deliberate (an incompatible ABI), change "
              "the expected value in tests/abi/meson.build in the same commit")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
