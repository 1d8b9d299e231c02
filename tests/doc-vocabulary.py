#!/usr/bin/env python3
"""Test `doc-vocabulary`: doc/getting-started.md's C, Python and Java examples
name the same codes with the same names (SWI_GESLACHT_VROUW,
swi.Geslacht.VROUW, Geslacht.VROUW), and every name they use exists in the
generated vocabulary (bindings/python/swi/_codes.py, include/swi/codes.h).

    doc-vocabulary.py SOURCE_ROOT
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
text = (root / "doc" / "getting-started.md").read_text()
codes_py = (root / "bindings" / "python" / "swi" / "_codes.py").read_text()
codes_h = (root / "include" / "swi" / "codes.h").read_text()

lists = re.findall(r'^class (\w+)\((?:NumericCode|TextCode)\):', codes_py, re.M)


def upper_snake(camel: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", camel).upper()


def block(lang: str) -> str:
    found = re.findall(rf"```{lang}\n(.*?)```", text, re.S)
    if not found:
        sys.exit(f"doc/getting-started.md has no ```{lang} block")
    return "\n".join(found)


alt = "|".join(lists)
python = set(re.findall(rf"\bswi\.({alt})\.([A-Z][A-Z0-9_]*)\b", block("python")))
java = set(re.findall(rf"(?<![\w.])({alt})\.([A-Z][A-Z0-9_]*)\b", block("java")))
by_c = {f"SWI_{upper_snake(lst)}_": lst for lst in lists}
c = set()
for name in re.findall(r"\bSWI_[A-Z0-9_]+\b", block("c")):
    for prefix, lst in by_c.items():
        if name.startswith(prefix) and re.search(rf"\b{name}\b", codes_h):
            c.add((lst, name[len(prefix):]))

bad = []
if not python:
    bad.append("the Python example names no code")
if python != java:
    bad.append(f"Python and Java differ: Python only {sorted(python - java)}, "
               f"Java only {sorted(java - python)}")
if python != c:
    bad.append(f"Python and C differ: Python only {sorted(python - c)}, C only {sorted(c - python)}")
for lst, member in python | java:
    body = codes_py.split(f"\nclass {lst}(", 1)[1].split("\nclass ", 1)[0]
    if not re.search(rf"^    {member} = ", body, re.M):
        bad.append(f"{lst}.{member} is not in the generated vocabulary")
for b in bad:
    print("doc/getting-started.md:", b, file=sys.stderr)
if not bad:
    print(f"getting-started names {len(python)} codes the same in C, Python and Java")
sys.exit(1 if bad else 0)
