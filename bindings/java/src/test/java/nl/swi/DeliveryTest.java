package nl.swi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Building a delivery: header, persons, records, typed and generic accessors, refusals. */
class DeliveryTest {
	static SwiException refused(Status status, Executable call) {
		SwiException e = assertThrows(SwiException.class, call);
		assertEquals(status, e.getStatus(), e.getMessage());
		assertEquals(status.code(), e.getCode());
		assertFalse(e.getMessage().isEmpty());
		return e;
	}

	@Test
	void header() {
		try (Delivery d = new Delivery(2026, 3, "and", "4.2", 153, 363)) {
			assertEquals(2026, d.getStatistiekjaar());
			assertEquals(3, d.getStatistiekkwartaal());
			assertEquals(40, d.getStatistiekcode());
			assertEquals("and", d.getNaamSoftwarepakket());
			assertEquals(Softwarepakket.AND, d.getSoftwarepakket());
			assertEquals("4.2", d.getVersieSoftwarepakket());
			assertEquals(153, d.getBerichtgevercode());
			assertEquals("0153", d.getText(Kenmerk.BERICHTGEVERCODE));
			assertEquals(363, d.getGemeentecode());
			assertEquals("SWI_0153_0363_20263.XML", d.fileName());
			assertEquals("SWI_0153_0363_20263.zip", d.fileName(true));
			d.setSoftwarepakket(Softwarepakket.MOZ).setStatistiekkwartaal(4);
			assertEquals("moz", d.getText(4));
			assertEquals("SWI_0153_0363_20264.XML", d.fileName());
			assertEquals(0, d.size());
			refused(Status.ECODE, () -> d.setStatistiekkwartaal(5));
			refused(Status.ECODE, () -> d.setNaamSoftwarepakket("xyz"));
			refused(Status.EREQUIRED, () -> d.unset(3));
			refused(Status.ECATEGORY, () -> d.setInt(9, 19900101));
			refused(Status.ETOOLONG, () -> d.setVersieSoftwarepakket("1234567890123"));
			/* Non-ASCII must reach libswi as UTF-8 and be refused, never arrive as '?'. */
			SwiException e = refused(Status.ECHARSET, () -> d.setVersieSoftwarepakket("café"));
			assertTrue(e.getMessage().contains("café"), e.getMessage());
			assertEquals("4.2", d.getVersieSoftwarepakket());
			d.setVersieSoftwarepakket(null);
			assertNull(d.getVersieSoftwarepakket());
			assertFalse(d.has(Kenmerk.VERSIE_SOFTWAREPAKKET));
		}
	}

	@Test
	void emptyDelivery() {
		try (Delivery d = new Delivery()) {
			assertNull(d.getStatistiekjaar());
			assertEquals(40, d.getStatistiekcode());
			assertEquals(0, d.size());
			assertFalse(d.persons().iterator().hasNext());
			refused(Status.EINCOMPLETE, d::fileName);
			assertTrue(d.toString().contains("incomplete"));
		}
		refused(Status.ECODE, () -> new Delivery(2026, 3, "xyz", "1", 153, 153));
	}

	@Test
	void persons() {
		try (Delivery d = Fixtures.delivery()) {
			Person a = d.addPerson("123456782");
			Person b = d.addPerson(Fixtures.bsn(1));
			assertEquals(a, d.findPerson("123456782"));
			assertEquals(a.hashCode(), d.findPerson("123456782").hashCode());
			assertNotEquals(a, b);
			assertEquals(b, d.findPerson(Fixtures.bsn(1)));
			assertNull(d.findPerson(Fixtures.bsn(2)));
			assertEquals(2, d.size());
			assertSame(d, a.delivery());
			SwiException dup = refused(Status.EDUPLICATE, () -> d.addPerson("123456782"));
			assertTrue(dup.getMessage().contains("*****6782"), dup.getMessage());
			assertFalse(dup.getMessage().contains("123456782"), "BSN must be masked");
			refused(Status.EBSN, () -> d.addPerson("123456789"));
			refused(Status.EBSN, () -> d.addPerson("000000000"));
			refused(Status.EFORMAT, () -> d.findPerson("12ab"));
			refused(Status.EINVAL, () -> d.addPerson(null));
			/* Eight digits get a leading zero. */
			Person c = d.addPerson(eightDigits());
			assertEquals("0" + eightDigits(), c.getBsn());
			List<Person> order = new ArrayList<>();
			d.persons().forEach(order::add);
			assertEquals(List.of(a, b, c), order);
			/* Changing the BSN keeps the object. */
			String other = Fixtures.bsn(7);
			b.setBsn(other);
			assertEquals(other, b.getBsn());
			assertEquals(b, d.findPerson(other));
			assertNull(d.findPerson(Fixtures.bsn(1)));
			refused(Status.EDUPLICATE, () -> b.setBsn("123456782"));
			refused(Status.EREQUIRED, () -> b.setBsn(null));
			refused(Status.EREQUIRED, () -> b.unset(Kenmerk.BURGERSERVICENUMMER));
		}
	}

	/** An 8-digit BSN that passes the 11-test with a leading zero: 0 + these digits. */
	static String eightDigits() {
		for (int v = 10000000; ; v++) {
			String s = "0" + v;
			int sum = 0;
			for (int j = 0; j < 8; j++)
				sum += (9 - j) * (s.charAt(j) - '0');
			if ((sum - (s.charAt(8) - '0')) % 11 == 0)
				return s.substring(1);
		}
	}

	@Test
	void typedPersonKenmerken() {
		try (Delivery d = Fixtures.delivery()) {
			LocalDate day = LocalDate.of(2026, 7, 1);
			Person p = d.addPerson("123456782")
				.setGeboortedatum(LocalDate.of(1990, 1, 7))
				.setGeslacht(Geslacht.ONBEKEND)
				.setTypeMigrant(TypeMigrant.ASIELMIGRANT)
				.setMaatschappelijkeBegeleidingBegindatum(day)
				.setOntzorgenBegindatum(day.plusDays(1))
				.setOntzorgenEinddatum(day.plusDays(2))
				.setBredeIntakeBegindatum(day.plusDays(3))
				.setBredeIntakeUrenTaalKnm(16)
				.setWaarschuwingIntakeDatum(day.plusDays(4))
				.setAlfabetiseringscursus(NeeJa.JA)
				.setAnalfabetisme(Analfabetisme.ANDERS_GEALFABETISEERD)
				.setPvtOndertekeningsdatum(day.plusDays(5))
				.setMapDatumEersteActiviteit(day.plusDays(6))
				.setMapDatumEindgesprek(day.plusDays(7))
				.setZrouteInschattingTaalniveau(NeeJa.NEE)
				.setZrouteLezen(Taalniveau.LAGER_DAN_A1)
				.setZrouteSchrijven(Taalniveau.A1)
				.setZrouteSpreken(Taalniveau.A2_OF_HOGER)
				.setZrouteLuisteren(Taalniveau.ONBEKEND)
				.setEindeBegeleidingReden(EindeBegeleidingReden.NIET_MEER_INBURGERINGSPLICHTIG)
				.setEindeBegeleidingDatum(day.plusDays(8));
			assertEquals(LocalDate.of(1990, 1, 7), p.getGeboortedatum());
			assertEquals(Geslacht.ONBEKEND, p.getGeslacht());
			assertEquals(TypeMigrant.ASIELMIGRANT, p.getTypeMigrant());
			assertEquals(day, p.getMaatschappelijkeBegeleidingBegindatum());
			assertEquals(day.plusDays(1), p.getOntzorgenBegindatum());
			assertEquals(day.plusDays(2), p.getOntzorgenEinddatum());
			assertEquals(day.plusDays(3), p.getBredeIntakeBegindatum());
			assertEquals(16, p.getBredeIntakeUrenTaalKnm());
			assertEquals(day.plusDays(4), p.getWaarschuwingIntakeDatum());
			assertEquals(NeeJa.JA, p.getAlfabetiseringscursus());
			assertEquals(Analfabetisme.ANDERS_GEALFABETISEERD, p.getAnalfabetisme());
			assertEquals(day.plusDays(5), p.getPvtOndertekeningsdatum());
			assertEquals(day.plusDays(6), p.getMapDatumEersteActiviteit());
			assertEquals(day.plusDays(7), p.getMapDatumEindgesprek());
			assertEquals(NeeJa.NEE, p.getZrouteInschattingTaalniveau());
			assertEquals(Taalniveau.LAGER_DAN_A1, p.getZrouteLezen());
			assertEquals(Taalniveau.A1, p.getZrouteSchrijven());
			assertEquals(Taalniveau.A2_OF_HOGER, p.getZrouteSpreken());
			assertEquals(Taalniveau.ONBEKEND, p.getZrouteLuisteren());
			assertEquals(EindeBegeleidingReden.NIET_MEER_INBURGERINGSPLICHTIG, p.getEindeBegeleidingReden());
			assertEquals(day.plusDays(8), p.getEindeBegeleidingDatum());
			/* The file notation through the generic getters. */
			assertEquals("19900107", p.getText(9));
			assertEquals("9", p.getText(Kenmerk.ZROUTE_LUISTEREN));
			assertEquals(20260701, p.getInt(12));
			for (int k = 8; k <= 29; k++)
				assertTrue(p.has(k), "k" + k);
			/* null unsets, for every typed setter kind. */
			p.setGeboortedatum(null).setGeslacht(null).setBredeIntakeUrenTaalKnm(null).setZrouteLezen(null);
			assertNull(p.getGeboortedatum());
			assertNull(p.getGeslacht());
			assertNull(p.getBredeIntakeUrenTaalKnm());
			assertNull(p.getZrouteLezen());
			assertNull(p.getText(9));
			assertNull(p.getInt(10));
			assertFalse(p.has(Kenmerk.GEBOORTEDATUM));
		}
	}

	@Test
	void genericAccessAndRefusals() {
		try (Delivery d = Fixtures.delivery()) {
			Person p = d.addPerson("123456782");
			p.set(9, "20000229");
			assertEquals(LocalDate.of(2000, 2, 29), p.getDate(Kenmerk.GEBOORTEDATUM));
			p.set(Kenmerk.GESLACHT, "2");
			assertEquals(Geslacht.VROUW, p.getGeslacht());
			p.setInt(Kenmerk.BREDE_INTAKE_UREN_TAAL_KNM, 0);
			assertEquals("0", p.getText(16));
			p.setDate(15, LocalDate.of(2026, 7, 2));
			assertEquals("20260702", p.getText(15));
			p.set(15, null);
			assertFalse(p.has(15));
			p.setInt(15, 20260703);
			assertEquals(LocalDate.of(2026, 7, 3), p.getBredeIntakeBegindatum());
			p.unset(Kenmerk.BREDE_INTAKE_BEGINDATUM);
			assertNull(p.getInt(15));

			refused(Status.EDATE, () -> p.set(9, "20260230"));
			refused(Status.EFORMAT, () -> p.set(9, "2026-01-01"));
			refused(Status.ECODE, () -> p.setInt(10, 7));
			refused(Status.ERANGE, () -> p.setInt(16, 10000));
			refused(Status.EKENMERK, () -> p.setInt(99, 1));
			SwiException e = refused(Status.ECATEGORY, () -> p.set(30, "20260101"));
			assertTrue(e.getMessage().contains("kenmerk 30"), e.getMessage());
			refused(Status.EFORMAT, () -> p.getDate(Kenmerk.GESLACHT));
			refused(Status.ECATEGORY, () -> p.getDate(Kenmerk.PIP_DATUM));
			/* A refused value leaves the old one. */
			assertEquals(LocalDate.of(2000, 2, 29), p.getGeboortedatum());
			assertEquals(Geslacht.VROUW, p.getGeslacht());
		}
	}

	@Test
	void bulkSetters() {
		try (Delivery d = Fixtures.delivery()) {
			Person p = d.addPerson("123456782");
			p.setInts(new int[] {9, 10, 11, 16}, new int[] {19900107, 1, 2, 40});
			assertEquals(LocalDate.of(1990, 1, 7), p.getGeboortedatum());
			assertEquals(Geslacht.MAN, p.getGeslacht());
			assertEquals(TypeMigrant.GEZINSMIGRANT, p.getTypeMigrant());
			assertEquals(40, p.getBredeIntakeUrenTaalKnm());
			/* All or nothing: a refusal anywhere changes nothing. */
			refused(Status.ECODE, () -> p.setInts(new int[] {10, 11}, new int[] {2, 5}));
			assertEquals(Geslacht.MAN, p.getGeslacht());
			refused(Status.EINVAL, () -> p.setInts(new int[] {8}, new int[] {123456782}));
			refused(Status.ECATEGORY, () -> p.setInts(new int[] {9, 30}, new int[] {19900101, 20260101}));
			refused(Status.EINVAL, () -> p.setInts(new int[] {9}, new int[] {1, 2}));
			refused(Status.EINVAL, () -> p.setInts(3, new int[] {9}, new int[] {1}));
			/* n limits the arrays: reusable buffers. */
			int[] ks = {10, 11, 0, 0}, vs = {2, 1, 0, 0};
			p.setInts(2, ks, vs);
			assertEquals(Geslacht.VROUW, p.getGeslacht());
			p.setInts(0, ks, vs);

			Pip pip = p.addPip();
			pip.setInts(new int[] {30, 31, 32}, new int[] {20260710, 1, 2});
			assertEquals(LeerrouteRoute.B1_ROUTE, pip.getLeerrouteRoute());
			assertEquals(LeerrouteNiveau.A2, pip.getLeerrouteNiveau());
			refused(Status.ECATEGORY, () -> pip.setInts(new int[] {35}, new int[] {20260710}));
		}
	}

	@Test
	void addWithAllValuesInOneCall() {
		try (Delivery d = Fixtures.delivery()) {
			Person p = d.addPerson("123456782", new int[] {9, 10, 11}, new int[] {19900107, 2, 1});
			assertEquals(LocalDate.of(1990, 1, 7), p.getGeboortedatum());
			assertEquals(Geslacht.VROUW, p.getGeslacht());
			assertEquals(TypeMigrant.ASIELMIGRANT, p.getTypeMigrant());
			/* All or nothing: a refused value adds no person, and the exception names it. */
			SwiException e = refused(Status.ECODE,
				() -> d.addPerson(Fixtures.bsn(1), new int[] {9, 10, 11}, new int[] {19900107, 7, 1}));
			assertEquals(10, e.getKenmerk());
			assertTrue(e.toString().contains("kenmerk 10"), e.toString());
			assertNull(d.findPerson(Fixtures.bsn(1)));
			assertEquals(1, d.size());
			refused(Status.EDUPLICATE, () -> d.addPerson("123456782", new int[0], new int[0]));
			refused(Status.EINVAL, () -> d.addPerson(Fixtures.bsn(2), new int[] {8}, new int[] {123456782}));
			refused(Status.EINVAL, () -> d.addPerson(Fixtures.bsn(2), 2, new int[] {9}, new int[] {19900107}));
			assertEquals(1, d.size());
			Person q = d.addPerson(Fixtures.bsn(2), 0, new int[0], new int[0]);
			assertNull(q.getGeboortedatum());

			Record pip = p.addRecord(Category.PIP, new int[] {30, 31}, new int[] {20260710, 3});
			assertTrue(pip instanceof Pip);
			assertEquals(LeerrouteRoute.Z_ROUTE, ((Pip) pip).getLeerrouteRoute());
			e = refused(Status.ECATEGORY,
				() -> p.addRecord(Category.GESPREK, new int[] {35, 36}, new int[] {20260801, 20260801}));
			assertEquals(36, e.getKenmerk());
			assertEquals(0, p.recordCount(Category.GESPREK));
			e = refused(Status.ERANGE,
				() -> p.addRecord(Category.BOETE, new int[] {36, 37, 38}, new int[] {20260801, 1, 10000}));
			assertEquals(38, e.getKenmerk());
			assertEquals(0, p.recordCount(Category.BOETE));
			Boete b = (Boete) p.addRecord(Category.BOETE, new int[] {36, 37, 38}, new int[] {20260801, 1, 50});
			assertEquals(50, b.getBoeteBedrag());
			refused(Status.EINVAL, () -> p.addRecord(Category.PERSOON, new int[0], new int[0]));
			/* The kenmerk of a plain setter's failure too; 0 when the failure concerns none. */
			assertEquals(10, assertThrows(SwiException.class, () -> p.setInt(10, 7)).getKenmerk());
			assertEquals(0, assertThrows(SwiException.class,
				() -> d.write(java.nio.file.Path.of("/nonexistent/dir"), WriteOption.FORCE)).getKenmerk());
		}
	}

	@Test
	void records() {
		try (Delivery d = Fixtures.delivery()) {
			Person p = Fixtures.minimal(d, "123456782", TypeMigrant.GEZINSMIGRANT);
			Pip pip = p.addPip()
				.setPipDatum(LocalDate.of(2026, 7, 10))
				.setLeerrouteRoute(LeerrouteRoute.Z_ROUTE)
				.setLeerrouteNiveau(LeerrouteNiveau.B1)
				.setLeerrouteBegindatum(LocalDate.of(2026, 7, 20))
				.setLeerrouteEinddatum(LocalDate.of(2026, 9, 1));
			Gesprek g1 = p.addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 8, 1));
			Gesprek g2 = p.addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 8, 2));
			Boete b = p.addBoete().setBoeteDatum(LocalDate.of(2026, 8, 3)).setBoeteReden(BoeteReden.ARTIKEL_23)
				.setBoeteBedrag(250);
			assertEquals(LocalDate.of(2026, 7, 10), pip.getPipDatum());
			assertEquals(LeerrouteRoute.Z_ROUTE, pip.getLeerrouteRoute());
			assertEquals(LeerrouteNiveau.B1, pip.getLeerrouteNiveau());
			assertEquals(LocalDate.of(2026, 7, 20), pip.getLeerrouteBegindatum());
			assertEquals(LocalDate.of(2026, 9, 1), pip.getLeerrouteEinddatum());
			assertEquals(LocalDate.of(2026, 8, 2), g2.getVoortgangsgesprekDatum());
			assertEquals(BoeteReden.ARTIKEL_23, b.getBoeteReden());
			assertEquals(250, b.getBoeteBedrag());
			assertEquals("250", b.getText(38));

			assertEquals(1, p.recordCount(Category.PIP));
			assertEquals(2, p.recordCount(Category.GESPREK));
			assertEquals(1, p.recordCount(Category.BOETE));
			List<Gesprek> talks = new ArrayList<>();
			p.gesprekken().forEach(talks::add);
			assertEquals(List.of(g1, g2), talks);
			List<Record> fines = new ArrayList<>();
			p.records(Category.BOETE).forEach(fines::add);
			assertEquals(List.of(b), fines);
			p.pips().forEach(x -> assertEquals(pip, x));
			p.boetes().forEach(x -> assertEquals(b, x));
			refused(Status.EINVAL, () -> p.addRecord(Category.PERSOON));
			refused(Status.EINVAL, () -> p.records(Category.LEVERING).iterator());

			for (Record r : List.of(pip, g1, g2, b)) {
				assertSame(p, r.person());
				assertSame(d, r.delivery());
				assertEquals(r.kind(), r.nativeKind());
				assertEquals(p, r.nativePerson());
			}
			refused(Status.ECATEGORY, () -> pip.set(35, "20260801"));
			refused(Status.ECATEGORY, () -> g1.setInt(Kenmerk.BOETE_BEDRAG, 1));
			refused(Status.ERANGE, () -> b.setBoeteBedrag(10000));

			g1.remove();
			assertTrue(g1.isRemoved());
			assertEquals(1, p.recordCount(Category.GESPREK));
			assertEquals(g2, p.gesprekken().iterator().next());
			/* The typed setters unset with null, the required PIP date too. */
			pip.setLeerrouteNiveau(null);
			assertNull(pip.getLeerrouteNiveau());
		}
	}
}
