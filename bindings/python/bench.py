#!/usr/bin/env python3
"""Benchmark of the Python binding: build, validate and write N persons
(default 100,000) with libswi, and the same delivery built with lxml.etree
and validated against lib/data/swi.xsd with lxml's XMLSchema (when
python3-lxml is installed: apt-get install -y python3-lxml).

    SWI_LIBRARY=build/lib/libswi.so.0 python3 bindings/python/bench.py [N] [--seed S]

The persons are generated first (not timed) by libswi's own generator,
swi.generate() (doc/fixtures.md), with its default mix: 55% asielmigranten,
optional kenmerken filled about 60% of the time, 0-2 PIPs, 0-2
voortgangsgesprekken for gezinsmigranten, a fine for about one in ten,
synthetic BSNs that pass the 11-test, and no validation errors, so the
delivery is written without force. Both builders get the same data (dates
as datetime.date, codes as int), taken out of the generated delivery.
"""

from __future__ import annotations

import argparse
import enum
import gc
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import swi  # noqa: E402

YEAR, QUARTER = 2026, 3
Person = tuple[str, dict[str, Any], list[dict[str, Any]], list[dict[str, Any]],
               list[dict[str, Any]]]


# ---- the synthetic delivery: libswi's own generator (doc/fixtures.md) -------


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """Codes as int (the enums of the getters), dates as they are."""
    return {k: int(v) if isinstance(v, enum.Enum) else v for k, v in values.items()}


def generate(n: int, seed: int) -> list[Person]:
    """n persons from swi.generate() (the generator of the C tests and
    benchmarks, default mix), taken out of the delivery as plain data."""
    out: list[Person] = []
    with swi.generate(persons=n, seed=seed, year=YEAR, quarter=QUARTER) as d:
        for p in d:
            fields = _plain(p.as_dict())
            bsn = fields.pop("burgerservicenummer")
            out.append((bsn, fields, [_plain(r.as_dict()) for r in p.pips],
                        [_plain(r.as_dict()) for r in p.gesprekken],
                        [_plain(r.as_dict()) for r in p.boetes]))
    return out


HEADER: dict[str, Any] = dict(year=YEAR, quarter=QUARTER, software="and", version="1.0-bench",
                              berichtgever="0153", gemeente="0153")
REFERENCE_DATE = date(YEAR, QUARTER * 3, 1) + timedelta(days=120)  # in the aanleverperiode


# ---- libswi through the binding ---------------------------------------------


def run_swi(data: list[Person], outdir: Path, rows: bool = False) -> dict[str, Any]:
    c0 = time.process_time()
    t0 = time.perf_counter()
    d = swi.Delivery(**HEADER, reference_date=REFERENCE_DATE)
    if rows:  # Delivery.add_persons: no Person or record objects
        d.add_persons(data)
    else:  # the object API: a Person per add_person, a record object per add_*
        add_person = d.add_person
        for bsn, pkw, pips, talks, fines in data:
            p = add_person(bsn, **pkw)
            for kw in pips:
                p.add_pip(**kw)
            for kw in talks:
                p.add_gesprek(**kw)
            for kw in fines:
                p.add_boete(**kw)
    t1 = time.perf_counter()
    diags = d.validate()
    t2 = time.perf_counter()
    path = d.write(outdir)
    t3 = time.perf_counter()
    c3 = time.process_time()
    d.close()
    errors = sum(1 for x in diags if x.is_error)
    return dict(build=t1 - t0, validate=t2 - t1, write=t3 - t2, total=t3 - t0, cpu=c3 - c0,
                diagnostics=len(diags), errors=errors, path=path, size=path.stat().st_size)


# ---- the same with lxml -----------------------------------------------------


def run_lxml(data: list[Person], outdir: Path, xsd: Path) -> dict[str, Any]:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(xsd)))  # loading the schema is not timed
    element = {k.name: k.element for k in swi.KENMERKEN}
    vtype = {k.name: k.type for k in swi.KENMERKEN}
    T = swi.ValueType

    def text(name: str, v: Any) -> str:
        if isinstance(v, date):
            return f"{v.year:04d}{v.month:02d}{v.day:02d}"
        if vtype[name] == T.CODE4:
            return f"{int(v):04d}"
        return str(v)

    c0 = time.process_time()
    t0 = time.perf_counter()
    SE = etree.SubElement
    root = etree.Element("SWI")
    lev = SE(root, "Levering")
    for el, v in (("Statistiekjaar", str(YEAR)), ("Statistiekkwartaal", str(QUARTER)),
                  ("Statistiekcode", "40"), ("NaamSoftwarepakket", HEADER["software"]),
                  ("VersieSoftwarepakket", HEADER["version"]),
                  ("Berichtgevercode", HEADER["berichtgever"]),
                  ("Gemeentecode", HEADER["gemeente"])):
        SE(lev, el).text = v
    for bsn, pkw, pips, talks, fines in data:
        pe = SE(root, "Persoon")
        SE(pe, "Burgerservicenummer").text = bsn
        for name, v in pkw.items():
            SE(pe, element[name]).text = text(name, v)
        for tag, records in (("PIP", pips), ("Voortgangsgesprek", talks), ("Boete", fines)):
            for kw in records:
                re_ = SE(pe, tag)
                for name, v in kw.items():
                    SE(re_, element[name]).text = text(name, v)
    tree = etree.ElementTree(root)
    t1 = time.perf_counter()
    ok = schema.validate(tree)
    t2 = time.perf_counter()
    path = outdir / "lxml.XML"
    with open(path, "wb") as f:  # the declaration as libswi writes it (lxml uses ' quotes)
        f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        tree.write(f, xml_declaration=False, encoding="UTF-8", pretty_print=True)
    t3 = time.perf_counter()
    c3 = time.process_time()
    return dict(build=t1 - t0, validate=t2 - t1, write=t3 - t2, total=t3 - t0, cpu=c3 - c0,
                valid=ok,
                path=path, size=path.stat().st_size)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=100000, help="persons (default 100000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="directory for the files (default: a temporary one)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each builder; the best counts")
    ap.add_argument("--xsd", type=Path,
                    default=HERE.parent.parent / "lib" / "data" / "swi.xsd")
    args = ap.parse_args()

    t = time.perf_counter()
    data = generate(args.n, args.seed)
    n_pips = sum(len(x[2]) for x in data)
    n_talks = sum(len(x[3]) for x in data)
    n_fines = sum(len(x[4]) for x in data)
    print(f"generated {args.n} persons ({n_pips} PIPs, {n_talks} talks, {n_fines} fines) "
          f"in {time.perf_counter() - t:.2f} s (not timed); libswi {swi.version()} from "
          f"{swi.library_path()}, Python {sys.version.split()[0]}")

    with tempfile.TemporaryDirectory(prefix="swi-bench-") as tmp:
        outdir = args.out or Path(tmp)
        outdir.mkdir(parents=True, exist_ok=True)
        results = {}
        cpu: dict[Any, float] = {}  # best CPU seconds (process_time) per builder
        for rows in (False, True):
            best = None
            for _ in range(args.repeat):
                gc.collect()
                res = run_swi(data, outdir, rows)
                if best is None or res["total"] < best["total"]:
                    best = res
                cpu[rows] = min(cpu.get(rows, res["cpu"]), res["cpu"])
            assert best is not None
            results[rows] = best
            label = "Delivery.add_persons(rows)" if rows else "add_person/add_pip/..."
            print(f"libswi (Python, {label}): build {best['build']:.2f} s + validate "
                  f"{best['validate']:.2f} s + write {best['write']:.2f} s = {best['total']:.2f} s "
                  f"({best['diagnostics']} diagnostics, {best['errors']} errors, "
                  f"{best['size']:,} bytes)")
        s = results[False]
        r = results[True]
        try:
            import lxml  # noqa: F401
        except ImportError:
            print("lxml: not installed (apt-get install -y python3-lxml); no comparison")
            return 0 if s["errors"] == 0 == r["errors"] else 1
        best = None
        for _ in range(args.repeat):
            gc.collect()
            res = run_lxml(data, outdir, args.xsd)
            if best is None or res["total"] < best["total"]:
                best = res
            cpu["lxml"] = min(cpu.get("lxml", res["cpu"]), res["cpu"])
        x = best
        assert x is not None
        print(f"lxml + XMLSchema: build {x['build']:.2f} s + validate {x['validate']:.2f} s + "
              f"write {x['write']:.2f} s = {x['total']:.2f} s "
              f"(schema-valid: {x['valid']}, {x['size']:,} bytes)")
        print(f"ratio lxml / libswi: {x['total'] / s['total']:.2f}x with add_person/add_pip/..., "
              f"{x['total'] / r['total']:.2f}x with add_persons(rows)")
        # CPU time (best of --repeat) is steadier than the clock on a shared machine.
        print(f"cpu s (build+validate+write): lxml {cpu['lxml']:.2f}, add_person "
              f"{cpu[False]:.2f}, add_persons(rows) {cpu[True]:.2f}; ratio lxml / libswi: "
              f"{cpu['lxml'] / cpu[False]:.2f}x with add_person/add_pip/..., "
              f"{cpu['lxml'] / cpu[True]:.2f}x with add_persons(rows)")
        same = s["path"].read_bytes() == x["path"].read_bytes()
        print(f"same XML as lxml's file: {same} (byte for byte)")
    return 0 if s["errors"] == 0 == r["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
