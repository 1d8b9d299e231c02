package nl.swi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The mirror report snapshot and the comparison with the previous quarter. */
class MirrorCompareTest {
	@Test
	void mirror() {
		Mirror m;
		try (Delivery d = ReadTest.sample()) {
			d.addPerson("123456782"); /* nothing filled */
			m = d.mirror();
		}
		/* A snapshot: still there after close. */
		assertEquals(4, m.persons());
		assertEquals(2, m.persons(1, Mirror.ANY));
		assertEquals(1, m.persons(2, 2));
		assertEquals(1, m.persons(Mirror.NOT_FILLED, Mirror.NOT_FILLED));
		assertEquals(0, m.persons(7, 0));
		assertEquals(4, m.filled(Kenmerk.BURGERSERVICENUMMER));
		assertEquals(3, m.filled(9));
		assertEquals(1, m.filled(Kenmerk.BREDE_INTAKE_BEGINDATUM));
		assertEquals(0, m.filled(99));
		assertEquals(1, m.pips(Mirror.ANY, Mirror.ANY));
		assertEquals(1, m.pips(2, Mirror.NOT_FILLED));
		assertEquals(0, m.pips(1, Mirror.ANY));
		assertEquals(1, m.talks());
		assertEquals(1, m.fines(Mirror.ANY));
		assertEquals(1, m.fines(1));
		assertEquals(100, m.fineAmount(Mirror.ANY));
		assertEquals(0, m.fineAmount(2));
		assertTrue(m.json().startsWith("{") && m.json().contains("\"gemeentenaam\":\"Enschede\""), m.json());
		assertTrue(m.html().contains("<html") && m.html().contains("Enschede"));
	}

	@Test
	void compareWithThePreviousQuarter() {
		try (Delivery previous = new Delivery(2026, 2, "and", "1", 153, 153);
		     Delivery current = Fixtures.valid(2)) {
			previous.setReferenceDate(LocalDate.of(2026, 7, 10));
			Fixtures.minimal(previous, Fixtures.bsn(0), TypeMigrant.ASIELMIGRANT);
			Fixtures.minimal(previous, Fixtures.bsn(9), TypeMigrant.ASIELMIGRANT); /* gone without an end */
			List<Diagnostic> found = current.compare(previous);
			assertEquals(1, found.size(), found.toString());
			Diagnostic gone = found.get(0);
			assertEquals("SWI-084", gone.rule());
			assertEquals(1, gone.person(), "index in the previous delivery");
			assertEquals("*****" + Fixtures.bsn(9).substring(5), gone.bsn());
			assertEquals(Fixtures.bsn(9), current.compare(previous, ShowBsn.FULL).get(0).bsn());
			/* Not the previous quarter: SWI-080. */
			assertTrue(previous.compare(current).stream().anyMatch(x -> x.rule().equals("SWI-080")));
			assertTrue(current.compare(current).stream().anyMatch(x -> x.rule().equals("SWI-080")));
		}
	}
}
