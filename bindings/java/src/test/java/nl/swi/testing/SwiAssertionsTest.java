package nl.swi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import nl.swi.Delivery;
import nl.swi.Geslacht;
import nl.swi.Person;
import nl.swi.Softwarepakket;
import nl.swi.TypeMigrant;

/** SwiAssertions: passes on equal or valid deliveries, fails with a per-person message otherwise. */
class SwiAssertionsTest {
	static final String BSN = "123456782";

	static Delivery sample() {
		Delivery d = new Delivery(2026, 3, Softwarepakket.AND, "1.0-test", 153, 153)
			.setReferenceDate(LocalDate.of(2026, 10, 15));
		Person p = d.addPerson(BSN).setGeboortedatum(LocalDate.of(1990, 1, 7)).setGeslacht(Geslacht.VROUW)
			.setTypeMigrant(TypeMigrant.ASIELMIGRANT);
		p.setBredeIntakeBegindatum(LocalDate.of(2026, 3, 10));
		return d;
	}

	@Test
	void assertSamePassesAndFails() {
		try (Delivery e = sample(); Delivery a = sample()) {
			SwiAssertions.assertSame(e, a);
			a.findPerson(BSN).setBredeIntakeBegindatum(LocalDate.of(2026, 3, 11));
			AssertionFailedError f = assertThrows(AssertionFailedError.class, () -> SwiAssertions.assertSame(e, a));
			assertEquals("de leveringen verschillen (1 verschil):\npersoon *****6782: kenmerk 15 "
				+ "(Brede intake - begindatum) verwacht 20260310, gekregen 20260311\n", f.getMessage());
		}
	}

	@Test
	void assertSameReadsAFile() throws Exception {
		Path dir = Files.createTempDirectory("swi-assert");
		try (Delivery e = sample(); Delivery a = sample()) {
			Path file = e.write(dir);
			SwiAssertions.assertSame(file, a);
			a.findPerson(BSN).setGeslacht(Geslacht.MAN);
			AssertionFailedError f = assertThrows(AssertionFailedError.class, () -> SwiAssertions.assertSame(file, a));
			assertTrue(f.getMessage().contains("persoon *****6782: kenmerk 10 (Geslacht) verwacht 2, gekregen 1"),
				f.getMessage());
			Files.delete(file);
		} finally {
			Files.delete(dir);
		}
	}

	@Test
	void assertValidGroupsPerPerson() {
		try (Delivery d = sample()) {
			SwiAssertions.assertValid(d);
			d.findPerson(BSN).setGeboortedatum(LocalDate.of(2030, 1, 1));
			AssertionFailedError f = assertThrows(AssertionFailedError.class, () -> SwiAssertions.assertValid(d));
			String m = f.getMessage();
			assertTrue(m.startsWith("de levering is niet geldig (2 fouten):\npersoon *****6782:\n  SWI-012 fout: "), m);
			assertTrue(m.contains("\npersoon *****6782:\n  SWI-"), m);
			assertTrue(!m.contains(BSN), m);
		}
	}
}
