#!/usr/bin/env python3
"""Test `python-types`: the binding is typed for tools (mypy --strict, Debian's
mypy package).

    check-types.py SOURCE_ROOT

1. mypy --strict passes on the package itself (bindings/python/swi);
2. it passes on the Python code of doc/getting-started.md (extracted here);
3. it REPORTS code that gives a kenmerk a value of the wrong type
   (``p.geboortedatum = 3``), a code of the wrong list and a misspelt enum
   member: each snippet must fail, on the line that has the mistake.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(sys.argv[1]).resolve()
PACKAGE = ROOT / "bindings" / "python"

WRONG = {
    "date kenmerk given an int": "p.geboortedatum = 3",
    "code of another list": "p.geslacht = swi.TypeMigrant.ASIELMIGRANT",
    "enum member that does not exist": "p.type_migrant = swi.TypeMigrant.GEZINSMIGRANT_X",
    "int kenmerk given a str": "p.brede_intake_uren_taal_knm = '10'",
    "record kenmerk on a person": "p.leerroute_route = swi.LeerrouteRoute.B1_ROUTE",
}
PRELUDE = """import datetime
import swi

with swi.Delivery(year=2026, quarter=3) as d:
    p = d.add_person("123456782", geboortedatum=datetime.date(1990, 1, 7))
    p.geboortedatum = datetime.date(1990, 1, 8)
    p.geslacht = swi.Geslacht.VROUW
"""


def mypy(cache: str, *targets: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MYPYPATH=str(PACKAGE))
    return subprocess.run(
        ["mypy", "--strict", "--no-error-summary", "--cache-dir", cache, *targets],
        cwd=PACKAGE, env=env, capture_output=True, text=True)


def main() -> int:
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        cache = os.path.join(tmp, "cache")
        r = mypy(cache, "swi")
        if r.returncode != 0:
            failures.append("mypy --strict on bindings/python/swi:\n" + r.stdout + r.stderr)

        text = (ROOT / "doc" / "getting-started.md").read_text()
        blocks = re.findall(r"```python\n(.*?)```", text, re.S)
        if not blocks:
            failures.append("doc/getting-started.md has no ```python block")
        for i, block in enumerate(blocks):
            path = os.path.join(tmp, f"getting_started_{i}.py")
            Path(path).write_text(block)
            r = mypy(cache, path)
            if r.returncode != 0:
                failures.append(f"mypy --strict on getting-started.md's Python block {i + 1}:\n"
                                + r.stdout + r.stderr)

        good = os.path.join(tmp, "good.py")
        Path(good).write_text(PRELUDE)
        r = mypy(cache, good)
        if r.returncode != 0:
            failures.append("the correct snippet fails mypy:\n" + r.stdout + r.stderr)

        line = PRELUDE.count("\n") + 1
        for what, code in WRONG.items():
            path = os.path.join(tmp, "wrong.py")
            Path(path).write_text(PRELUDE + "    " + code + "\n")
            r = mypy(cache, path)
            errors = [e for e in r.stdout.splitlines() if ": error:" in e]
            if r.returncode == 0 or not any(f"wrong.py:{line}:" in e for e in errors):
                failures.append(f"mypy did not report the {what} ({code!r}) on line {line}:\n"
                                + r.stdout + r.stderr)
    for f in failures:
        print(f, file=sys.stderr)
    if not failures:
        print(f"mypy --strict: package, {len(blocks)} getting-started block(s) and the "
              f"correct snippet pass; {len(WRONG)} wrong snippets reported")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
