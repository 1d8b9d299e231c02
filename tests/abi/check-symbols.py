#!/usr/bin/env python3
"""The public symbol set of libswi must be one set, stated three times.

    check-symbols.py [--nm NM] --lib LIBSWI.so --map libswi.map
                     --headers-dir include/swi [--installed HEADER...]

Compares
  * the dynamic symbols the shared library defines (nm -D --defined-only),
  * the names in the global: sections of the linker version script,
  * the functions declared with SWI_EXPORT in the public headers,
and fails unless all three are the same set and every name starts with
swi_. It also fails when an exported symbol carries no version node of
the map, a header in the directory is not in the installed list (a
public header users cannot get), or a header that declares functions has
no extern "C" block for C++. A symbol in one place only is the usual
mistake: exported by the map but never declared, declared but never
defined (a link error for users), or visibility leaking a private helper.
"""

import argparse
import os
import re
import subprocess
import sys


def library_symbols(nm, lib):
    out = subprocess.run([nm, "-D", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    symbols = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        kind, name = fields[1], fields[2]
        # Version nodes (LIBSWI_0.1) are listed as absolute symbols.
        if kind == "A":
            continue
        base, _, version = name.partition("@")
        symbols[base] = version.lstrip("@")
    return symbols


def strip_c_comments(text):
    return re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.S)


def map_symbols(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"#[^\n]*", " ", strip_c_comments(text))
    names, nodes, problems = set(), set(), []
    for node, body in re.findall(r"([A-Za-z_][\w.]*)\s*\{(.*?)\}[^;]*;", text, flags=re.S):
        nodes.add(node)
        section = None
        for token in re.findall(r"[^\s;]+:|[^\s;]+", body):
            if token.endswith(":"):
                section = token[:-1]
            elif section == "global":
                if any(c in token for c in "*?[]"):
                    problems.append(f"{path}: wildcard '{token}' in global: of {node}; "
                                    "name each symbol")
                elif token in names:
                    problems.append(f"{path}: {token} is listed more than once")
                names.add(token)
    if not nodes:
        problems.append(f"{path}: no version node found")
    return names, nodes, problems


def header_symbols(path):
    text = strip_c_comments(open(path, encoding="utf-8").read())
    # Preprocessor lines (with continuations) define SWI_EXPORT; not declarations.
    text = re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", " ", text, flags=re.M)
    names = set()
    for decl in re.findall(r"\bSWI_EXPORT\b([^;{]*)", text):
        match = re.search(r"([A-Za-z_]\w*)\s*\(", decl)
        if match:
            names.add(match.group(1))
        else:
            raise SystemExit(f"{path}: cannot read the SWI_EXPORT declaration '{decl.strip()}'")
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nm", default="nm")
    ap.add_argument("--lib", required=True)
    ap.add_argument("--map", required=True)
    ap.add_argument("--headers-dir", required=True)
    ap.add_argument("--installed", nargs="*", default=None,
                    help="the headers meson installs (paths or names)")
    args = ap.parse_args()

    problems = []
    lib = library_symbols(args.nm, args.lib)
    mapped, nodes, map_problems = map_symbols(args.map)
    problems += map_problems

    headers = sorted(h for h in os.listdir(args.headers_dir) if h.endswith(".h"))
    declared, where = set(), {}
    for h in headers:
        for name in header_symbols(os.path.join(args.headers_dir, h)):
            declared.add(name)
            where[name] = h
    if args.installed is not None:
        installed = {os.path.basename(p) for p in args.installed}
        for h in headers:
            if h not in installed:
                problems.append(f"{args.headers_dir}/{h} is not installed (include/meson.build)")

    for h in headers:
        text = open(os.path.join(args.headers_dir, h), encoding="utf-8").read()
        if "SWI_EXPORT" in strip_c_comments(text).replace("#define SWI_EXPORT", "") and \
                not re.search(r'#ifdef\s+__cplusplus\s*\n\s*extern\s+"C"\s*\{', text):
            problems.append(f"{args.headers_dir}/{h}: declares functions without an "
                            "#ifdef __cplusplus extern \"C\" block")

    sets = {"the library (nm -D)": set(lib), "the map": mapped, "the headers (SWI_EXPORT)": declared}
    everything = set().union(*sets.values())
    for name in sorted(everything):
        missing = [label for label, s in sets.items() if name not in s]
        if missing:
            found = [label for label, s in sets.items() if name in s]
            extra = f" ({where[name]})" if name in where else ""
            problems.append(f"{name}{extra}: in {' and '.join(found)}, "
                            f"but not in {' and '.join(missing)}")
        if not name.startswith("swi_"):
            problems.append(f"{name}: public symbols start with swi_")
    for name, version in sorted(lib.items()):
        if version not in nodes:
            problems.append(f"{name}: exported with version '{version or '(none)'}', "
                            f"not a node of {os.path.basename(args.map)} ({', '.join(sorted(nodes))})")

    print(f"library: {args.lib}: {len(lib)} symbols")
    print(f"map:     {args.map}: {len(mapped)} symbols in {', '.join(sorted(nodes))}")
    print(f"headers: {args.headers_dir}: {len(declared)} SWI_EXPORT functions in {len(headers)} headers")
    if problems:
        print("\n".join(f"FAIL {p}" for p in problems))
        return 1
    print("OK: one set of", len(everything), "swi_ symbols")
    return 0


if __name__ == "__main__":
    sys.exit(main())
