package nl.swi;

import static nl.swi.DeliveryTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The year policy and run-time municipality lists (doc/years.md). */
class YearsTest {
	/** A 2027 Q1 delivery, due in April 2027: libswi has no 2027 ruleset. */
	private static Delivery delivery2027() {
		Delivery d = new Delivery(2027, 1, Softwarepakket.AND, "1.0-test", 153, 153)
			.setReferenceDate(LocalDate.of(2027, 4, 15));
		Person p = d.addPerson(Fixtures.bsn(1)).setGeboortedatum(LocalDate.of(1985, 5, 5))
			.setGeslacht(Geslacht.MAN).setTypeMigrant(TypeMigrant.GEZINSMIGRANT)
			.setBredeIntakeBegindatum(LocalDate.of(2026, 11, 3)).setAlfabetiseringscursus(NeeJa.NEE);
		p.addPip().setPipDatum(LocalDate.of(2027, 1, 15)).setLeerrouteRoute(LeerrouteRoute.B1_ROUTE)
			.setLeerrouteNiveau(LeerrouteNiveau.B1);
		return d;
	}

	@Test
	void q1of2027WarnsNamingRuleset2026AndIsWritten(@TempDir Path dir) {
		try (Delivery d = delivery2027()) {
			List<Diagnostic> all = d.validate();
			assertTrue(Diagnostic.errors(all).isEmpty(), all.toString());
			List<Diagnostic> ruleset = all.stream().filter(x -> x.rule().equals("SWI-017"))
				.collect(Collectors.toList());
			assertEquals(1, ruleset.size(), all.toString());
			assertEquals(Severity.WARNING, ruleset.get(0).severity());
			assertTrue(ruleset.get(0).message().contains("regelset 2026"), ruleset.get(0).message());
			Path written = d.write(dir); /* no FORCE */
			assertEquals("SWI_0153_0153_20271.XML", written.getFileName().toString());
			assertTrue(Files.isRegularFile(written));
		}
	}

	@Test
	void rulesetForYear() {
		assertEquals(new RulesetChoice(2026, RulesetChoice.Kind.OWN),
			Swi.rulesetForYear(2026, LocalDate.of(2026, 4, 15)));
		assertEquals(new RulesetChoice(2026, RulesetChoice.Kind.NEWEST),
			Swi.rulesetForYear(2030, LocalDate.of(2030, 4, 15)));
		assertEquals(RulesetChoice.Kind.OLDEST, Swi.rulesetForYear(2025, LocalDate.of(2026, 1, 15)).kind());
		refused(Status.EYEAR, () -> Swi.rulesetForYear(2021, LocalDate.of(2021, 4, 15)));
		refused(Status.EYEAR, () -> Swi.rulesetForYear(2028, LocalDate.of(2026, 4, 15)));
	}

	@Test
	void aListFileTogglesSwi004(@TempDir Path dir) throws IOException {
		String shipped = Files.readString(Fixtures.sourceRoot().resolve("lib/data/gemeenten-2026.csv"));
		String merged = shipped.lines().filter(l -> !l.startsWith("0153,"))
			.collect(Collectors.joining("\n", "", "\n1999,Nieuwe Gemeente\n"));
		Path list = Files.writeString(dir.resolve("gemeenten-2026.csv"), merged);
		try (Delivery d = Fixtures.valid(2)) {
			assertTrue(d.validate().isEmpty());
			d.loadGemeenten(list);
			List<Diagnostic> all = d.validate();
			assertEquals(1, all.size(), all.toString());
			assertEquals("SWI-004", all.get(0).rule());
			refused(Status.EINVALID, () -> d.write(dir));
			d.setGemeentecode(1999);
			assertTrue(d.validate().isEmpty());
		}
	}

	@Test
	void aMalformedListIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
		Path bad = Files.writeString(dir.resolve("gemeenten-2026.csv"), "code,naam\n0153,Enschede\nGM12x,Fout\n");
		try (Delivery d = Fixtures.valid(1)) {
			SwiException e = refused(Status.EDATAFILE, () -> d.loadGemeenten(bad));
			/* The directory may show masked: JUnit's have long digit runs (doc/masking.md). */
			assertTrue(e.getMessage().contains(bad.getFileName() + ", regel 3"),
				e.getMessage());
			refused(Status.EIO, () -> d.loadGemeenten(dir.resolve("missing-2026.csv")));
		}
	}
}
