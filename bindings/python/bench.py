#!/usr/bin/env python3
"""Benchmark of the Python binding: build, validate and write N persons
(default 100,000) with libswi, and the same delivery built with lxml.etree
and validated against lib/data/swi.xsd with lxml's XMLSchema (when
python3-lxml is installed: apt-get install -y python3-lxml).

    SWI_LIBRARY=build/lib/libswi.so.0 python3 bindings/python/bench.py [N] [--seed S]

The persons are generated first (not timed) with the mix of
tests/generate.c: 55% asielmigranten, optional kenmerken filled about 60%
of the time, 0-2 PIPs, 0-2 voortgangsgesprekken for gezinsmigranten, a fine
for about one in ten, synthetic BSNs that pass the 11-test, and every
ordering rule of the guideline respected, so the delivery has no errors and
is written without force. Both builders get the same data (dates as
datetime.date, codes as int).
"""

from __future__ import annotations

import argparse
import calendar
import gc
import random
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


# ---- the synthetic delivery (a port of tests/generate.c, flags 0) --------


def bsn_valid(v: int) -> bool:
    if v == 0:
        return False
    s = -(v % 10)
    rest = v // 10
    for w in range(2, 10):
        s += w * (rest % 10)
        rest //= 10
    return s % 11 == 0


def generate(n: int, seed: int) -> list[Person]:
    rng = random.Random(seed)
    r = rng.randint
    qs = date(YEAR, QUARTER * 3 - 2, 1)
    qe = date(YEAR, QUARTER * 3, calendar.monthrange(YEAR, QUARTER * 3)[1])
    used: set[int] = set()
    order = {k.name: k.number for k in swi.KENMERKEN}

    def maybe() -> bool:
        return r(1, 100) <= 60

    def between(lo: date, hi: date) -> date:
        return lo + timedelta(days=r(0, (hi - lo).days))

    out: list[Person] = []
    while len(out) < n:
        v = rng.randrange(1, 1000000000)
        if v in used or not bsn_valid(v):
            continue
        used.add(v)
        bsn = f"{v:09d}"
        asiel = r(1, 100) <= 55
        birth = date(YEAR - r(19, 64), r(1, 12), r(1, 28))
        p: dict[str, Any] = {
            "geboortedatum": birth,
            "geslacht": 3 if r(1, 100) <= 2 else r(1, 2),
            "type_migrant": 1 if asiel else 2,
        }
        pips: list[dict[str, Any]] = []
        talks: list[dict[str, Any]] = []
        fines: list[dict[str, Any]] = []
        stage = 0 if r(0, 9) == 0 else (2 if r(0, 2) else 1)
        if stage:
            earliest = max(date(2022, 1, 1), birth.replace(year=birth.year + 18))
            latest = max(qe - timedelta(days=120), earliest)
            intake = between(earliest, min(latest, qe))
            last_event = intake
            if stage == 2 or maybe():
                p["brede_intake_begindatum"] = intake
                if maybe():
                    p["brede_intake_uren_taal_knm"] = r(0, 400)
            if maybe() and r(0, 3) == 0:
                p["waarschuwing_intake_datum"] = max(
                    birth.replace(year=birth.year + 16), date(2022, 1, 1),
                    intake - timedelta(days=10))
            if asiel:
                if maybe():
                    p["maatschappelijke_begeleiding_begindatum"] = intake
                if maybe():
                    begin = min(intake + timedelta(days=7), qe)
                    p["ontzorgen_begindatum"] = begin
                    if begin + timedelta(days=183) <= qe:
                        p["ontzorgen_einddatum"] = begin + timedelta(days=183)
            if stage == 2 or maybe():
                alfa = r(1, 2)
                p["alfabetiseringscursus"] = alfa
                if alfa == 2:
                    p["analfabetisme"] = r(1, 2)
            b1_or_z = z_done = False
            if stage == 2:
                pip_date = min(intake + timedelta(days=r(20, 60)), qe)
                route_begin = None
                route = r(1, 3)
                for _ in range(r(1, 2)):
                    if pip_date > qe:
                        break
                    pip: dict[str, Any] = {"pip_datum": pip_date, "leerroute_route": route}
                    if route == 1:
                        pip["leerroute_niveau"] = r(1, 2)
                    b1_or_z |= route != 2
                    if asiel and route_begin is None and (qe - pip_date).days >= 14:
                        route_begin = pip_date + timedelta(days=14)
                    if asiel and route_begin is not None:
                        pip["leerroute_begindatum"] = route_begin
                    if route == 3 and r(0, 1):
                        frm = max(pip_date, route_begin or pip_date)
                        if (qe - frm).days >= 30:
                            end = between(frm + timedelta(days=30), qe)
                            pip["leerroute_einddatum"] = end
                            z_done = True
                            last_event = max(last_event, end)
                    pips.append(pip)
                    last_event = max(last_event, pip_date)
                    pip_date = pip_date + timedelta(days=r(20, 90))
                    route = 1 if route == 3 else route + 1
            if b1_or_z and maybe():
                act = min(intake + timedelta(days=40), qe)
                p["map_datum_eerste_activiteit"] = act
                last_event = max(last_event, act)
                talk = act + timedelta(days=60)
                if talk <= qe and maybe():
                    p["map_datum_eindgesprek"] = talk
                    last_event = max(last_event, talk)
            if z_done and maybe():
                known = r(1, 2)
                p["zroute_inschatting_taalniveau"] = known
                if known == 2:
                    for name in ("zroute_lezen", "zroute_schrijven", "zroute_spreken",
                                 "zroute_luisteren"):
                        p[name] = (1, 2, 3, 9)[r(0, 3)]
            if maybe():
                pvt = min(intake + timedelta(days=45), qe)
                p["pvt_ondertekeningsdatum"] = pvt
                last_event = max(last_event, pvt)
            end_of_guidance = None
            if r(1, 10) == 1:
                end_of_guidance = between(max(last_event, qs), qe)
                p["einde_begeleiding_reden"] = 2 if z_done else r(1, 2)
                p["einde_begeleiding_datum"] = end_of_guidance
            window_end = end_of_guidance or qe
            talk_from = max(qs, intake + timedelta(days=1))
            if not asiel and talk_from <= window_end:
                used_date = None
                for _ in range(r(0, 2)):
                    d = between(talk_from, window_end)
                    if d == used_date:
                        continue
                    used_date = d
                    talks.append({"voortgangsgesprek_datum": d})
            fine_from = max(qs, intake)
            if r(1, 10) == 1 and fine_from <= window_end:
                correction = r(0, 3) == 0 and intake < qs
                d = between(intake, qs - timedelta(days=1)) if correction else \
                    between(fine_from, window_end)
                fines.append({"boete_datum": d, "boete_reden": r(1, 2),
                              "boete_bedrag": 0 if correction else r(0, 1250)})
        # Schema order, so the lxml builder needs no sorting.
        p = dict(sorted(p.items(), key=lambda kv: order[kv[0]]))
        pips = [dict(sorted(x.items(), key=lambda kv: order[kv[0]])) for x in pips]
        out.append((bsn, p, pips, talks, fines))
    return out


HEADER: dict[str, Any] = dict(year=YEAR, quarter=QUARTER, software="and", version="1.0-bench",
                              berichtgever="0153", gemeente="0153")
REFERENCE_DATE = date(YEAR, QUARTER * 3, 1) + timedelta(days=120)  # in the aanleverperiode


# ---- libswi through the binding ---------------------------------------------


def run_swi(data: list[Person], outdir: Path, rows: bool = False) -> dict[str, Any]:
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
    d.close()
    errors = sum(1 for x in diags if x.is_error)
    return dict(build=t1 - t0, validate=t2 - t1, write=t3 - t2, total=t3 - t0,
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
    return dict(build=t1 - t0, validate=t2 - t1, write=t3 - t2, total=t3 - t0, valid=ok,
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
        for rows in (False, True):
            best = None
            for _ in range(args.repeat):
                gc.collect()
                res = run_swi(data, outdir, rows)
                if best is None or res["total"] < best["total"]:
                    best = res
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
        x = best
        assert x is not None
        print(f"lxml + XMLSchema: build {x['build']:.2f} s + validate {x['validate']:.2f} s + "
              f"write {x['write']:.2f} s = {x['total']:.2f} s "
              f"(schema-valid: {x['valid']}, {x['size']:,} bytes)")
        print(f"ratio lxml / libswi: {x['total'] / s['total']:.2f}x with add_person/add_pip/..., "
              f"{x['total'] / r['total']:.2f}x with add_persons(rows)")
        same = s["path"].read_bytes() == x["path"].read_bytes()
        print(f"same XML as lxml's file: {same} (byte for byte)")
    return 0 if s["errors"] == 0 == r["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
