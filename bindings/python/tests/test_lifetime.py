"""Lifetime: children keep their delivery alive, the C delivery is freed
exactly once, and every use after close() or remove() raises StaleHandle
instead of touching freed memory. Deletion in hostile orders, with the
garbage collector run in between.

A counting allocator (swi_delivery_new_with_allocator) shows when libswi
really frees a delivery."""

from __future__ import annotations

import ctypes
import gc
import random
import subprocess
import sys
import textwrap
import unittest
import weakref
from datetime import date

import support

import swi
from swi import _clib
from swi._clib import lib

_libc = ctypes.CDLL(None)
_libc.realloc.restype = ctypes.c_void_p
_libc.realloc.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
_libc.free.restype = None
_libc.free.argtypes = [ctypes.c_void_p]


class CountingAllocator:
    """libc realloc/free with a count of live blocks; fails after `budget` allocations."""

    def __init__(self, budget: int | None = None) -> None:
        self.live: set[int] = set()
        self.allocations = 0
        self.budget = budget

    def __call__(self, userdata: int | None, ptr: int | None, size: int) -> int | None:
        if size == 0:
            if ptr:
                self.live.discard(ptr)
                _libc.free(ptr)
            return None
        if self.budget is not None and self.allocations >= self.budget:
            return None
        self.allocations += 1
        new = _libc.realloc(ptr, size)
        if new:
            if ptr:
                self.live.discard(ptr)
            self.live.add(new)
        return new


def counted() -> tuple[swi.Delivery, CountingAllocator]:
    a = CountingAllocator()
    d = swi.Delivery._with_allocator(a)
    d.statistiekjaar = 2026
    return d, a


class HostileOrders(unittest.TestCase):
    def test_delete_the_delivery_first_and_keep_using_a_person(self) -> None:
        d, alloc = counted()
        p = d.add_person("123456782", geslacht=1)
        r = p.add_pip(pip_datum=date(2026, 1, 5))
        del d
        gc.collect()
        self.assertTrue(alloc.live)  # still alive: the person holds it
        p.geslacht = 2
        self.assertEqual(p.geslacht, 2)
        self.assertEqual(p.delivery.statistiekjaar, 2026)
        self.assertEqual(r.pip_datum, date(2026, 1, 5))
        self.assertIs(r.person, p)
        p.add_gesprek(voortgangsgesprek_datum=date(2026, 1, 6))
        self.assertEqual(len(p.delivery), 1)
        del p
        gc.collect()
        self.assertTrue(alloc.live)  # the record still holds it
        self.assertEqual(r.person.geslacht, 2)
        del r
        gc.collect()
        self.assertEqual(alloc.live, set())  # freed with the last child

    def test_delete_children_after_the_delivery(self) -> None:
        d, alloc = counted()
        persons = [d.add_person(b) for b in support.bsns(20)]
        records = [p.add_boete(boete_bedrag=i) for i, p in enumerate(persons)]
        wd = weakref.ref(d)
        del d
        gc.collect()
        self.assertIsNotNone(wd())
        del persons
        gc.collect()
        self.assertIsNotNone(wd())
        self.assertEqual([r.boete_bedrag for r in records], list(range(20)))
        records.reverse()
        while records:
            records.pop()
            gc.collect()
        self.assertIsNone(wd())
        self.assertEqual(alloc.live, set())

    def test_children_deleted_first(self) -> None:
        d, alloc = counted()
        p = d.add_person("123456782")
        r = p.add_pip()
        del p, r
        gc.collect()
        self.assertEqual(len(d), 1)
        self.assertEqual(len(d.find_person("123456782").pips), 1)
        del d
        self.assertEqual(alloc.live, set())  # refcounting alone frees it

    def test_close_then_use_children(self) -> None:
        d, alloc = counted()
        p = d.add_person("123456782", geslacht=1)
        r = p.add_pip(pip_datum=date(2026, 1, 5))
        d.close()
        self.assertEqual(alloc.live, set())
        self.assertTrue(d.closed)
        d.close()  # idempotent
        uses = [
            lambda: p.geslacht, lambda: setattr(p, "geslacht", 2), lambda: p.bsn,
            lambda: p.add_pip(), lambda: p.pips, lambda: p.remove(), lambda: p.as_dict(),
            lambda: p.update(geslacht=1), lambda: p.delivery, lambda: r.pip_datum,
            lambda: setattr(r, "pip_datum", None), lambda: r.person, lambda: r.remove(),
            lambda: r.index, lambda: len(d), lambda: list(d), lambda: d.add_person("100000009"),
            lambda: d.find_person("123456782"), lambda: d.validate(), lambda: d.to_bytes(),
            lambda: d.write("/tmp"), lambda: d.mirror(), lambda: d.statistiekjaar,
            lambda: d.file_name(), lambda: d.add_persons([]), lambda: d.set_reference_date(0),
            lambda: d.compare(d), lambda: d.__enter__(),
        ]
        for i, use in enumerate(uses):
            with self.subTest(i=i):
                with self.assertRaises(swi.StaleHandle) as cm:
                    use()
                self.assertIsInstance(cm.exception, swi.Error)
                self.assertEqual(cm.exception.code, -2)
        self.assertIn("removed", repr(p))
        self.assertIn("closed", repr(d))
        del d
        gc.collect()
        with self.assertRaises(swi.StaleHandle):
            p.geslacht

    def test_with_block(self) -> None:
        with swi.Delivery() as d:
            p = d.add_person("123456782")
        with self.assertRaises(swi.StaleHandle):
            p.bsn
        with self.assertRaises(swi.StaleHandle):
            with d:
                pass

    def test_close_during_iteration(self) -> None:
        d = swi.Delivery()
        for b in support.bsns(5):
            d.add_person(b)
        it = iter(d)
        next(it)
        d.close()
        with self.assertRaises(swi.StaleHandle):
            for p in it:
                p.bsn

    def test_removed_person_and_its_records(self) -> None:
        d, alloc = counted()
        p = d.add_person("123456782")
        pips = [p.add_pip(), p.add_pip()]
        g = p.add_gesprek()
        same = d.find_person("123456782")
        self.assertIs(same, p)
        also = next(iter(d))
        self.assertIs(also, p)
        p_pips_again = p.pips
        self.assertEqual(p_pips_again, pips)
        same.remove()
        for obj in (p, also, *pips, g, *p_pips_again):
            self.assertTrue(obj.removed)
            with self.assertRaises(swi.StaleHandle) as cm:
                obj.remove()
            self.assertEqual(cm.exception.code, _clib.EREMOVED)
        with self.assertRaises(swi.StaleHandle):
            p.geboortedatum = date(1990, 1, 1)
        with self.assertRaises(swi.StaleHandle):
            pips[0].pip_datum
        with self.assertRaises(swi.StaleHandle):
            g.person
        # New persons and records (which may reuse the freed record slots) are new objects.
        q = d.add_person("100000009")
        fresh = [q.add_pip(), q.add_gesprek(), q.add_pip()]
        for f in fresh:
            self.assertFalse(f.removed)
            self.assertIs(f.person, q)
        for obj in (*pips, g):
            self.assertTrue(obj.removed)
        self.assertEqual(len(q.pips), 2)
        d.close()
        self.assertEqual(alloc.live, set())

    def test_libswi_refuses_a_removed_handle(self) -> None:
        # Past the binding's own bookkeeping (a raw handle, as another FFI
        # caller would keep it): libswi itself answers SWI_EREMOVED, which
        # check() turns into StaleHandle, and nobody else's fine changes.
        d = swi.Delivery()
        a, b = d.add_person("123456782"), d.add_person("100000009")
        old = a.add_boete(boete_bedrag=100)
        old_h, a_h, dh = old._h, a._h, d._h
        old.remove()
        fine = b.add_boete(boete_bedrag=200)
        for call in (lambda: lib.record_set_int(old_h, 38, 999),
                     lambda: lib.record_remove(old_h),
                     lambda: lib.record_unset(old_h, 38)):
            with self.assertRaises(swi.StaleHandle) as cm:
                _clib.check(call(), dh)
            self.assertEqual(cm.exception.code, _clib.EREMOVED)
            self.assertIn("verwijderd", cm.exception.message)
        self.assertEqual(fine.boete_bedrag, 200)
        a.remove()
        for call in (lambda: lib.person_set_int(a_h, 8, 111222333),
                     lambda: lib.person_add_record(ctypes.byref(ctypes.c_void_p()), a_h, 5)):
            with self.assertRaises(swi.StaleHandle) as cm:
                _clib.check(call(), dh)
            self.assertEqual(cm.exception.code, _clib.EREMOVED)
        self.assertIsNone(d.find_person("111222333"))
        d.add_person("111222333")  # the BSN index was not touched
        self.assertEqual(len(d), 2)
        d.close()

    def test_wrappers_without_references_come_back_as_new_objects(self) -> None:
        d = swi.Delivery()
        for b in support.bsns(3000):  # more than the registry's purge threshold
            d.add_person(b).add_pip()
        gc.collect()
        kept = [d.find_person(b) for b in support.bsns(3000)[::7]]
        self.assertTrue(all(k is d.find_person(k.bsn) for k in kept))
        for k in kept[::2]:
            k.remove()
        self.assertEqual(len(d), 3000 - len(kept[::2]))
        for k in kept[1::2]:
            self.assertFalse(k.removed)
            self.assertEqual(len(k.pips), 1)
        d.close()

    def test_reference_cycles(self) -> None:
        d, alloc = counted()

        class Holder:
            pass

        h = Holder()
        h.self = h  # type: ignore[attr-defined]
        h.delivery = d  # type: ignore[attr-defined]
        h.person = d.add_person("123456782")  # type: ignore[attr-defined]
        h.pip = h.person.add_pip()  # type: ignore[attr-defined]
        h.ring = [h.person, h.pip, h]  # type: ignore[attr-defined]
        del d, h
        gc.collect()
        self.assertEqual(alloc.live, set())

    def test_random_operations_with_gc(self) -> None:
        rng = random.Random(7)
        pool = support.bsns(60)
        d, alloc = counted()
        model: dict[str, int] = {}  # bsn -> number of PIPs
        held: list[object] = []
        for step in range(3000):
            op = rng.randrange(8)
            b = rng.choice(pool)
            if op == 0 and b not in model:
                held.append(d.add_person(b))
                model[b] = 0
            elif op == 1 and b in model:
                d[b].remove()
                del model[b]
            elif op == 2 and b in model:
                held.append(d[b].add_pip())
                model[b] += 1
            elif op == 3 and b in model and model[b]:
                d[b].pips[rng.randrange(model[b])].remove()
                model[b] -= 1
            elif op == 4 and held:
                del held[rng.randrange(len(held))]
            elif op == 5:
                gc.collect()
            elif op == 6 and held:
                obj = rng.choice(held)
                try:
                    obj.as_dict()  # type: ignore[attr-defined]
                except swi.StaleHandle:
                    self.assertTrue(obj.removed)  # type: ignore[attr-defined]
            else:
                self.assertEqual(len(d), len(model))
                self.assertEqual({p.bsn: len(p.pips) for p in d}, model)
        if rng.randrange(2):
            d.close()
        obj = None  # the last object looked at holds the delivery too
        del d, held, obj
        gc.collect()
        self.assertEqual(alloc.live, set())

    def test_interpreter_exit_with_live_objects(self) -> None:
        code = textwrap.dedent("""
            import sys
            sys.path.insert(0, %r)
            import swi
            d = swi.Delivery(year=2026)
            p = d.add_person("123456782")
            r = p.add_pip()
            closed = swi.Delivery()
            q = closed.add_person("123456782")
            closed.close()
            try:
                q.bsn
            except swi.StaleHandle:
                print("stale")
            cycle = [d, p, r]
            cycle.append(cycle)
            del d
            print("exit")
        """ % str(support.BINDING))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.split(), ["stale", "exit"])
        self.assertEqual(out.stderr, "")


class Memory(unittest.TestCase):
    def test_allocation_failure_is_memory_error(self) -> None:
        alloc = CountingAllocator()
        d = swi.Delivery._with_allocator(alloc)
        alloc.budget = alloc.allocations  # no more
        with self.assertRaises(swi.OutOfMemory) as cm:
            for b in support.bsns(5000):
                d.add_person(b, geslacht=1)
        self.assertIsInstance(cm.exception, MemoryError)
        self.assertEqual(cm.exception.code, -1)
        added = len(d)
        alloc.budget = None
        d.add_person(support.bsns(1, 300000000)[0])  # works again
        self.assertEqual(len(d), added + 1)
        alloc.budget = alloc.allocations
        with self.assertRaises(MemoryError):
            d.validate()
        alloc.budget = None
        d.close()
        self.assertEqual(alloc.live, set())


if __name__ == "__main__":
    unittest.main()
