package nl.swi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Delivery.diff: the semantic diff of include/swi/diff.h through JNA. */
class DiffTest {
	/** Person 0 asiel, person 1 gezin with a PIP and a fine; in the given order. */
	static Delivery sample(boolean reversed) {
		Delivery d = Fixtures.delivery();
		for (int j = 0; j < 2; j++) {
			int i = reversed ? 1 - j : j;
			Person p = Fixtures.minimal(d, Fixtures.bsn(i), i == 0 ? TypeMigrant.ASIELMIGRANT : TypeMigrant.GEZINSMIGRANT);
			if (i == 1) {
				p.setBredeIntakeBegindatum(LocalDate.of(2026, 3, 10));
				p.addBoete().setBoeteDatum(LocalDate.of(2026, 8, 1)).setBoeteReden(BoeteReden.values()[0])
					.setBoeteBedrag(250);
				p.addPip().setPipDatum(LocalDate.of(2026, 1, 5)).setLeerrouteRoute(LeerrouteRoute.values()[0]);
			}
		}
		return d;
	}

	static String masked(String bsn) {
		return "*****" + bsn.substring(5);
	}

	@Test
	void equalInAnotherOrder() {
		try (Delivery e = sample(false); Delivery a = sample(true)) {
			Diff d = e.diff(a);
			assertTrue(d.isEqual());
			assertEquals(List.of(), d.entries());
			assertEquals("", d.toString());
			assertTrue(e.diff(e).isEqual());
		}
	}

	@Test
	void kenmerkAndMissingRecord() {
		try (Delivery e = sample(false); Delivery a = sample(true)) {
			String bsn = Fixtures.bsn(1);
			Person p = a.findPerson(bsn);
			p.setBredeIntakeBegindatum(LocalDate.of(2026, 3, 11));
			p.pips().iterator().next().remove();
			Diff d = e.diff(a);
			assertFalse(d.isEqual());
			assertEquals(2, d.size());
			Diff.Entry k = d.entries().get(0);
			assertEquals(Diff.Kind.KENMERK, k.kind());
			assertEquals(15, k.kenmerk());
			assertEquals(Category.PERSOON, k.category());
			assertEquals(1, k.expectedPerson());
			assertEquals(0, k.actualPerson());
			assertEquals(-1, k.expectedRecord());
			assertEquals("20260310", k.expected());
			assertEquals("20260311", k.actual());
			assertEquals(masked(bsn), k.bsn());
			Diff.Entry r = d.entries().get(1);
			assertEquals(Diff.Kind.RECORD_MISSING, r.kind());
			assertEquals(Category.PIP, r.category());
			assertEquals(0, r.expectedRecord());
			assertEquals(-1, r.actualRecord());
			assertEquals("persoon " + masked(bsn) + ": kenmerk 15 (Brede intake - begindatum) verwacht 20260310, "
				+ "gekregen 20260311; PIP 1 (20260105) ontbreekt\n", d.toString());
			assertEquals("persoon " + masked(bsn) + ": PIP 1 (20260105) ontbreekt", r.toString());
		}
	}

	@Test
	void personsAndFullBsn() {
		try (Delivery e = sample(false); Delivery a = sample(false)) {
			a.findPerson(Fixtures.bsn(0)).remove();
			Fixtures.minimal(a, Fixtures.bsn(7), TypeMigrant.ASIELMIGRANT);
			Diff d = e.diff(a);
			assertEquals(Diff.Kind.PERSON_MISSING, d.entries().get(0).kind());
			assertEquals(Diff.Kind.PERSON_EXTRA, d.entries().get(1).kind());
			assertEquals("persoon " + masked(Fixtures.bsn(0)) + " ontbreekt\npersoon " + masked(Fixtures.bsn(7))
				+ " is extra (niet verwacht)\n", d.toString());
			Diff full = e.diff(a, ShowBsn.FULL);
			assertEquals(Fixtures.bsn(0), full.entries().get(0).bsn());
		}
	}

	@Test
	void closedOrNull() {
		Delivery e = sample(false);
		Delivery a = sample(false);
		a.close();
		assertThrows(SwiException.class, () -> e.diff(a));
		assertThrows(SwiException.class, () -> e.diff(null));
		e.close();
	}
}
