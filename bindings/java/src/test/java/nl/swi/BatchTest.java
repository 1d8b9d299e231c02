package nl.swi;

import static nl.swi.DeliveryTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Delivery.addAll(Batch): many persons and records in one native call. */
class BatchTest {
	static final LocalDate BORN = LocalDate.of(1990, 1, 7);

	/** Four persons with PIPs, gesprekken and boetes, one call per value. */
	static Delivery singleCalls() {
		Delivery d = Fixtures.delivery();
		Person a = d.addPerson(Fixtures.bsn(0)).setGeboortedatum(BORN).setGeslacht(Geslacht.VROUW)
			.setTypeMigrant(TypeMigrant.GEZINSMIGRANT).setBredeIntakeBegindatum(LocalDate.of(2026, 7, 1))
			.setBredeIntakeUrenTaalKnm(16).setAlfabetiseringscursus(NeeJa.NEE);
		a.addPip().setPipDatum(LocalDate.of(2026, 7, 20)).setLeerrouteRoute(LeerrouteRoute.B1_ROUTE)
			.setLeerrouteNiveau(LeerrouteNiveau.A2);
		a.addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 8, 1));
		a.addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 8, 15));
		a.addBoete().setBoeteDatum(LocalDate.of(2026, 8, 3)).setBoeteReden(BoeteReden.ARTIKEL_23).setBoeteBedrag(250);
		Person b = d.addPerson(DeliveryTest.eightDigits()).setGeboortedatum(LocalDate.of(1985, 5, 20))
			.setGeslacht(Geslacht.MAN).setTypeMigrant(TypeMigrant.ASIELMIGRANT)
			.setBredeIntakeBegindatum(LocalDate.of(2026, 7, 2));
		b.addPip().setPipDatum(LocalDate.of(2026, 7, 25)).setLeerrouteRoute(LeerrouteRoute.ONDERWIJSROUTE)
			.setLeerrouteBegindatum(LocalDate.of(2026, 8, 8));
		b.addPip().setPipDatum(LocalDate.of(2026, 9, 1)).setLeerrouteRoute(LeerrouteRoute.Z_ROUTE)
			.setLeerrouteBegindatum(LocalDate.of(2026, 8, 8));
		Person c = d.addPerson(Fixtures.bsn(2)).setGeboortedatum(BORN).setGeslacht(Geslacht.ONBEKEND)
			.setTypeMigrant(TypeMigrant.GEZINSMIGRANT).setBredeIntakeBegindatum(LocalDate.of(2026, 7, 3));
		c.addBoete().setBoeteDatum(LocalDate.of(2026, 9, 9)).setBoeteReden(BoeteReden.ARTIKEL_22).setBoeteBedrag(0);
		Fixtures.minimal(d, Fixtures.bsn(3), TypeMigrant.ASIELMIGRANT);
		return d;
	}

	/** The same four persons as a batch: Kenmerk overloads, int numbers, both BSN forms. */
	static Batch sameAsBatch() {
		Batch b = new Batch();
		b.person(Fixtures.bsn(0)).set(Kenmerk.GEBOORTEDATUM, BORN).set(Kenmerk.GESLACHT, Geslacht.VROUW)
			.set(Kenmerk.TYPE_MIGRANT, TypeMigrant.GEZINSMIGRANT)
			.set(Kenmerk.BREDE_INTAKE_BEGINDATUM, LocalDate.of(2026, 7, 1))
			.set(Kenmerk.BREDE_INTAKE_UREN_TAAL_KNM, 16).set(18, 1);
		b.pip().set(Kenmerk.PIP_DATUM, LocalDate.of(2026, 7, 20)).set(Kenmerk.LEERROUTE_ROUTE, LeerrouteRoute.B1_ROUTE)
			.set(Kenmerk.LEERROUTE_NIVEAU, LeerrouteNiveau.A2);
		b.gesprek().set(Kenmerk.VOORTGANGSGESPREK_DATUM, LocalDate.of(2026, 8, 1));
		b.gesprek().set(35, 20260815);
		b.boete().set(Kenmerk.BOETE_DATUM, LocalDate.of(2026, 8, 3)).set(Kenmerk.BOETE_REDEN, BoeteReden.ARTIKEL_23)
			.set(Kenmerk.BOETE_BEDRAG, 250);
		/* Eight digits get a leading zero, as with addPerson. */
		b.person(DeliveryTest.eightDigits()).set(Kenmerk.GEBOORTEDATUM, LocalDate.of(1985, 5, 20))
			.set(Kenmerk.GESLACHT, Geslacht.MAN).set(Kenmerk.TYPE_MIGRANT, TypeMigrant.ASIELMIGRANT)
			.set(Kenmerk.BREDE_INTAKE_BEGINDATUM, LocalDate.of(2026, 7, 2));
		b.record(Category.PIP).set(Kenmerk.PIP_DATUM, LocalDate.of(2026, 7, 25))
			.set(Kenmerk.LEERROUTE_ROUTE, LeerrouteRoute.ONDERWIJSROUTE)
			.set(Kenmerk.LEERROUTE_BEGINDATUM, LocalDate.of(2026, 8, 8));
		b.pip().set(Kenmerk.PIP_DATUM, LocalDate.of(2026, 9, 1)).set(Kenmerk.LEERROUTE_ROUTE, LeerrouteRoute.Z_ROUTE)
			.set(Kenmerk.LEERROUTE_BEGINDATUM, LocalDate.of(2026, 8, 8));
		/* The BSN as a number; the values in another order (the file has the schema's). */
		b.person(Integer.parseInt(Fixtures.bsn(2))).set(Kenmerk.BREDE_INTAKE_BEGINDATUM, LocalDate.of(2026, 7, 3))
			.set(Kenmerk.TYPE_MIGRANT, TypeMigrant.GEZINSMIGRANT).set(Kenmerk.GESLACHT, Geslacht.ONBEKEND)
			.set(Kenmerk.GEBOORTEDATUM, BORN);
		b.boete().set(Kenmerk.BOETE_DATUM, LocalDate.of(2026, 9, 9)).set(Kenmerk.BOETE_REDEN, BoeteReden.ARTIKEL_22)
			.set(Kenmerk.BOETE_BEDRAG, 0);
		/* The last value set counts; null leaves a kenmerk without a value. */
		b.person(Fixtures.bsn(3)).set(Kenmerk.GEBOORTEDATUM, LocalDate.of(2000, 1, 1)).set(Kenmerk.GESLACHT, Geslacht.MAN)
			.set(Kenmerk.TYPE_MIGRANT, TypeMigrant.ASIELMIGRANT).set(Kenmerk.GEBOORTEDATUM, BORN)
			.set(Kenmerk.GESLACHT, Geslacht.VROUW).set(Kenmerk.ZROUTE_LEZEN, Taalniveau.A1)
			.set(Kenmerk.ZROUTE_LEZEN, (Taalniveau) null).set(Kenmerk.PVT_ONDERTEKENINGSDATUM, (LocalDate) null);
		return b;
	}

	@Test
	void sameBytesAsSingleCalls() {
		try (Delivery single = singleCalls(); Delivery batched = Fixtures.delivery()) {
			Batch b = sameAsBatch();
			assertEquals(4, b.size());
			assertEquals(4, batched.addAll(b));
			assertEquals(4, batched.size());
			assertTrue(Diagnostic.errors(single.validate()).isEmpty(), single.validate().toString());
			byte[] expected = single.toBytes();
			assertArrayEquals(expected, batched.toBytes());
			String xml = new String(expected, java.nio.charset.StandardCharsets.UTF_8);
			assertEquals(3, xml.split("<PIP>", -1).length - 1, xml);
			assertEquals(2, xml.split("<Voortgangsgesprek>", -1).length - 1, xml);
			assertEquals(2, xml.split("<Boete>", -1).length - 1, xml);

			/* The batch is only read: it adds the same again elsewhere, and once more after clear(). */
			try (Delivery again = Fixtures.delivery()) {
				assertEquals(4, again.addAll(b));
				assertArrayEquals(expected, again.toBytes());
				b.clear();
				assertEquals(0, b.size());
				b.person(Fixtures.bsn(9)).set(Kenmerk.GEBOORTEDATUM, BORN);
				assertEquals(1, again.addAll(b));
				assertEquals(5, again.size());
				assertEquals(BORN, again.findPerson(Fixtures.bsn(9)).getGeboortedatum());
				assertNull(again.findPerson(Fixtures.bsn(9)).getGeslacht());
			}
		}
	}

	/** Three persons; the second has Geslacht {@code geslacht} and a boete of {@code bedrag}. */
	static Batch threePersons(int geslacht, int bedrag) {
		Batch b = new Batch();
		b.person(Fixtures.bsn(0)).set(Kenmerk.GEBOORTEDATUM, BORN).set(Kenmerk.GESLACHT, Geslacht.VROUW);
		b.gesprek().set(Kenmerk.VOORTGANGSGESPREK_DATUM, LocalDate.of(2026, 8, 1));
		b.person(Fixtures.bsn(1)).set(Kenmerk.GEBOORTEDATUM, BORN).set(Kenmerk.GESLACHT, geslacht);
		b.pip().set(Kenmerk.PIP_DATUM, LocalDate.of(2026, 7, 20));
		b.boete().set(Kenmerk.BOETE_DATUM, LocalDate.of(2026, 8, 3)).set(Kenmerk.BOETE_REDEN, BoeteReden.ARTIKEL_22)
			.set(Kenmerk.BOETE_BEDRAG, bedrag);
		b.person(Fixtures.bsn(2)).set(Kenmerk.GEBOORTEDATUM, BORN);
		return b;
	}

	@Test
	void refusalInTheSecondOfThreePersons() {
		/* The second person's boete has an amount over 9999. */
		Batch b = threePersons(1, 10000);
		assertEquals(3, b.size());
		try (Delivery d = Fixtures.delivery(); Delivery single = Fixtures.delivery()) {
			BatchException e = (BatchException) refused(Status.ERANGE, () -> d.addAll(b));
			assertEquals(1, e.getIndex());
			assertEquals(38, e.getKenmerk());
			assertTrue(e.getMessage().contains("person 1 of the batch"), e.getMessage());
			assertTrue(e.getMessage().contains("kenmerk 38"), e.getMessage());
			assertTrue(e.getMessage().contains("*****" + Fixtures.bsn(1).substring(5)), e.getMessage());
			/* The first person is in, with its record; the second and third are not. */
			assertEquals(1, d.size());
			Person first = d.findPerson(Fixtures.bsn(0));
			assertNotNull(first);
			assertEquals(Geslacht.VROUW, first.getGeslacht());
			assertEquals(1, first.recordCount(Category.GESPREK));
			assertNull(d.findPerson(Fixtures.bsn(1)));
			assertNull(d.findPerson(Fixtures.bsn(2)));

			/* The same code, kenmerk and message as the single call gives for that record. */
			Person p = single.addPerson(Fixtures.bsn(1));
			SwiException one = assertThrows(SwiException.class,
				() -> p.addRecord(Category.BOETE, new int[] {36, 37, 38}, new int[] {20260803, 1, 10000}));
			assertEquals(one.getCode(), e.getCode());
			assertEquals(one.getKenmerk(), e.getKenmerk());
			assertEquals("person 1 of the batch (0-based): " + one.getMessage(), e.getMessage());
		}

		/* A refused value of the person itself: the same. */
		Batch c = threePersons(7, 50);
		try (Delivery d = Fixtures.delivery()) {
			BatchException e = (BatchException) refused(Status.ECODE, () -> d.addAll(c));
			assertEquals(1, e.getIndex());
			assertEquals(10, e.getKenmerk());
			assertEquals(1, d.size());
			assertNotNull(d.findPerson(Fixtures.bsn(0)));
			assertNull(d.findPerson(Fixtures.bsn(1)));
			assertNull(d.findPerson(Fixtures.bsn(2)));
			/* The persons before stay: the same batch again stops at the first, now a duplicate. */
			e = (BatchException) refused(Status.EDUPLICATE, () -> d.addAll(c));
			assertEquals(0, e.getIndex());
			assertEquals(1, d.size());
			/* A BSN failing the 11-test: EBSN, as addPerson. */
			Batch bad = new Batch().person(Fixtures.bsn(5)).person("123456789");
			e = (BatchException) refused(Status.EBSN, () -> d.addAll(bad));
			assertEquals(1, e.getIndex());
			assertEquals(2, d.size());
			assertEquals(Status.EBSN, assertThrows(SwiException.class, () -> d.addPerson("123456789")).getStatus());
		}
	}

	@Test
	void malformedUseThrows() {
		Batch b = new Batch();
		assertThrows(IllegalStateException.class, b::pip);
		assertThrows(IllegalStateException.class, b::gesprek);
		assertThrows(IllegalStateException.class, b::boete);
		assertThrows(IllegalStateException.class, () -> b.set(Kenmerk.GESLACHT, Geslacht.MAN));
		assertThrows(IllegalStateException.class, () -> b.set(9, 19900107));
		assertThrows(IllegalStateException.class, () -> b.set(Kenmerk.GEBOORTEDATUM, (LocalDate) null));
		assertEquals(0, b.size());

		/* A BSN text that is not 8 or 9 ASCII digits: the code addPerson gives for it. */
		try (Delivery d = Fixtures.delivery()) {
			for (String text : List.of("12ab", "", "1234567", "1234567890", "+12345678", " 12345678", "12345678 ",
				"12345678\u0661", "１２３４５６７８２", "12.45678")) {
				SwiException single = assertThrows(SwiException.class, () -> d.addPerson(text), text);
				assertEquals(Status.EFORMAT, single.getStatus(), text);
				SwiException e = refused(Status.EFORMAT, () -> b.person(text));
				assertEquals(single.getCode(), e.getCode(), text);
				assertEquals(single.getKenmerk(), e.getKenmerk(), text);
				assertEquals(single.getMessage(), e.getMessage(), text);
			}
			assertEquals(refused(Status.EINVAL, () -> d.addPerson((String) null)).getCode(),
				refused(Status.EINVAL, () -> b.person((String) null)).getCode());
			/* Nothing was added to the batch. */
			assertEquals(0, b.size());
			assertEquals(0, d.addAll(b));

			b.person(Fixtures.bsn(0));
			refused(Status.EINVAL, () -> b.record(Category.PERSOON));
			refused(Status.EINVAL, () -> b.record(null));
			refused(Status.EKENMERK, () -> b.set(39, 1));
			refused(Status.EKENMERK, () -> b.set(0, 1));
			refused(Status.EINVAL, () -> b.set(Kenmerk.BURGERSERVICENUMMER, 123456782));
			/* A year outside 1000-9999 has no yyyymmdd: EDATE, as setDate. */
			SwiException e = refused(Status.EDATE, () -> b.set(Kenmerk.GEBOORTEDATUM, LocalDate.of(999, 1, 7)));
			assertEquals(9, e.getKenmerk());
			Person p = d.addPerson(Fixtures.bsn(1));
			refused(Status.EDATE, () -> p.setGeboortedatum(LocalDate.of(999, 1, 7)));
			refused(Status.EDATE, () -> b.set(Kenmerk.GEBOORTEDATUM, LocalDate.of(10000, 1, 7)));
			/* None of that changed the batch. */
			assertEquals(1, b.size());
			assertEquals(1, d.addAll(b));
			assertFalse(d.findPerson(Fixtures.bsn(0)).has(Kenmerk.GEBOORTEDATUM));
			refused(Status.EINVAL, () -> d.addAll(null));

			/* Kenmerken of another category are refused by libswi when the batch is added. */
			Batch wrong = new Batch().person(Fixtures.bsn(2)).set(Kenmerk.PIP_DATUM, LocalDate.of(2026, 7, 20));
			BatchException x = (BatchException) refused(Status.ECATEGORY, () -> d.addAll(wrong));
			assertEquals(30, x.getKenmerk());
			assertEquals(0, x.getIndex());
		}
	}

	@Test
	void emptyBatchAddsNothing() {
		try (Delivery d = Fixtures.valid(2)) {
			byte[] before = d.toBytes();
			Batch b = new Batch();
			assertEquals(0, b.size());
			assertEquals(0, d.addAll(b));
			assertEquals(2, d.size());
			assertArrayEquals(before, d.toBytes());
			/* Emptied by clear(): the same. */
			b.person(Fixtures.bsn(7)).pip().set(Kenmerk.PIP_DATUM, LocalDate.of(2026, 7, 20));
			assertEquals("Batch[1 persons, 1 records]", b.toString());
			b.clear();
			assertEquals(0, d.addAll(b));
			assertNull(d.findPerson(Fixtures.bsn(7)));
			assertArrayEquals(before, d.toBytes());
		}
		/* A closed delivery refuses even an empty batch. */
		Delivery closed = Fixtures.delivery();
		closed.close();
		refused(Status.EINVAL, () -> closed.addAll(new Batch()));
	}
}
