package com.example.vendor;

import static nl.swi.testing.SwiAssertions.assertSame;
import static nl.swi.testing.SwiAssertions.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import nl.swi.Analfabetisme;
import nl.swi.BoeteReden;
import nl.swi.Delivery;
import nl.swi.Geslacht;
import nl.swi.LeerrouteNiveau;
import nl.swi.LeerrouteRoute;
import nl.swi.NeeJa;
import nl.swi.Person;
import nl.swi.Softwarepakket;
import nl.swi.TypeMigrant;

/**
 * A vendor's JUnit 5 test of its SWI export, with libswi's assertions
 * (nl.swi.testing.SwiAssertions).
 *
 * The vendor's own code (here: {@link #export}) turns its case records into a
 * Delivery; the test checks that the result is valid and that it is, as data,
 * the delivery in expected-2026Q1.xml: persons matched by BSN, records by their
 * date, in any order; a difference is reported per person with a masked BSN.
 * The file's directory comes from the system property vendor.tests.dir.
 */
class VendorExportTest {
	static final Path EXPECTED = Path.of(System.getProperty("vendor.tests.dir", "."), "expected-2026Q1.xml");
	static final LocalDate TODAY = LocalDate.of(2026, 4, 15); // in the aanleverperiode: no dependence on the clock

	/* ---- the vendor's own model and export (stand-ins for the real ones) ---- */

	record Client(String bsn, LocalDate born, Geslacht sex, boolean asylum, LocalDate intake, LocalDate pip,
		      LocalDate talk, LocalDate fine, LocalDate pvt) {
		Client withIntake(LocalDate day) {
			return new Client(bsn, born, sex, asylum, day, pip, talk, fine, pvt);
		}
	}

	/* Listed in another order than the expected file, on purpose. */
	static final List<Client> CASES = List.of(
		new Client("100000009", LocalDate.of(1985, 5, 5), Geslacht.MAN, false, LocalDate.of(2025, 11, 3),
			LocalDate.of(2025, 12, 15), LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 1),
			LocalDate.of(2025, 12, 1)),
		new Client("123456782", LocalDate.of(1990, 1, 7), Geslacht.VROUW, true, LocalDate.of(2025, 12, 10),
			LocalDate.of(2026, 1, 5), null, null, null));

	static Delivery export(List<Client> clients) {
		Delivery d = new Delivery(2026, 1, Softwarepakket.AND, "4.2", 153, 153).setReferenceDate(TODAY);
		for (Client c : clients) {
			Person p = d.addPerson(c.bsn()).setGeboortedatum(c.born()).setGeslacht(c.sex())
				.setTypeMigrant(c.asylum() ? TypeMigrant.ASIELMIGRANT : TypeMigrant.GEZINSMIGRANT)
				.setBredeIntakeBegindatum(c.intake());
			p.setAlfabetiseringscursus(NeeJa.JA).setAnalfabetisme(Analfabetisme.ANALFABEET);
			if (c.pvt() != null)
				p.setPvtOndertekeningsdatum(c.pvt());
			if (c.pip() != null)
				p.addPip().setPipDatum(c.pip()).setLeerrouteRoute(LeerrouteRoute.B1_ROUTE)
					.setLeerrouteNiveau(LeerrouteNiveau.B1);
			if (c.talk() != null)
				p.addGesprek().setVoortgangsgesprekDatum(c.talk());
			if (c.fine() != null)
				p.addBoete().setBoeteDatum(c.fine()).setBoeteReden(BoeteReden.ARTIKEL_22).setBoeteBedrag(250);
		}
		return d;
	}

	/* ---- the tests ---------------------------------------------------------- */

	@Test
	void exportMatchesTheExpectedDelivery() {
		try (Delivery actual = export(CASES)) {
			assertValid(actual, true);
			assertSame(EXPECTED, actual);
		}
	}

	@Test
	void oneWrongKenmerkFailsWithAReadableMessage() {
		// A bug in the export: the intake date of one client is a day off.
		List<Client> buggy = List.of(CASES.get(0), CASES.get(1).withIntake(LocalDate.of(2025, 12, 11)));
		try (Delivery actual = export(buggy)) {
			AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> assertSame(EXPECTED, actual));
			assertEquals("de leveringen verschillen (1 verschil):\n"
				+ "persoon *****6782: kenmerk 15 (Brede intake - begindatum) verwacht 20251210, gekregen 20251211\n",
				failure.getMessage());
		}
	}
}
