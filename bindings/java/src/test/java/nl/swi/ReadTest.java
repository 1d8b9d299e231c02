package nl.swi;

import static nl.swi.DeliveryTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swi.read: files and bytes back into deliveries, with line-numbered findings. */
class ReadTest {
	static Delivery sample() {
		Delivery d = Fixtures.valid(3);
		Person p = d.findPerson(Fixtures.bsn(1));
		p.setBredeIntakeBegindatum(LocalDate.of(2026, 7, 1)).setAlfabetiseringscursus(NeeJa.NEE);
		p.addPip().setPipDatum(LocalDate.of(2026, 7, 20)).setLeerrouteRoute(LeerrouteRoute.ONDERWIJSROUTE);
		p.addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 8, 1));
		p.addBoete().setBoeteDatum(LocalDate.of(2026, 8, 2)).setBoeteReden(BoeteReden.ARTIKEL_22).setBoeteBedrag(100);
		return d;
	}

	@Test
	void roundTrip(@TempDir Path dir) throws IOException {
		try (Delivery d = sample()) {
			Path file = d.write(dir);
			for (Path xsd : new Path[] {null, Fixtures.xsd()}) {
				try (ReadResult r = Swi.read(file, xsd)) {
					assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
					Delivery back = r.delivery();
					assertEquals(3, back.size());
					assertArrayEquals(d.toBytes(), back.toBytes());
					Person p = back.findPerson(Fixtures.bsn(1));
					assertEquals(LeerrouteRoute.ONDERWIJSROUTE, p.pips().iterator().next().getLeerrouteRoute());
					assertEquals(100, p.boetes().iterator().next().getBoeteBedrag());
					/* A read delivery is an ordinary one. */
					p.setGeslacht(Geslacht.MAN);
					back.setReferenceDate(Fixtures.TODAY);
					assertTrue(Diagnostic.errors(back.validate()).isEmpty());
				}
			}
			try (ReadResult r = Swi.read(d.toBytes())) {
				assertArrayEquals(d.toBytes(), r.delivery().toBytes());
			}
		}
	}

	@Test
	void findingsCarryLineNumbers(@TempDir Path dir) throws IOException {
		String xml;
		try (Delivery d = sample()) {
			xml = new String(d.toBytes(), StandardCharsets.UTF_8);
		}
		/* A value outside the code list, on a known line. */
		String bad = xml.replaceFirst("<Geslacht>2</Geslacht>", "<Geslacht>7</Geslacht>");
		int line = 1 + (int) bad.substring(0, bad.indexOf("<Geslacht>7")).chars().filter(c -> c == '\n').count();
		Path file = dir.resolve("bad.xml");
		Files.writeString(file, bad);
		try (ReadResult r = Swi.read(file)) {
			List<Diagnostic> found = r.diagnostics();
			assertEquals(1, found.size(), found.toString());
			assertEquals("SWI-002", found.get(0).rule());
			assertEquals(line, found.get(0).line());
			assertEquals(10, found.get(0).kenmerk());
			assertNull(r.delivery().findPerson(Fixtures.bsn(0)).getGeslacht());
		}
		/* Not well-formed: SWI-008. */
		try (ReadResult r = Swi.read(xml.substring(0, xml.length() / 2).getBytes(StandardCharsets.UTF_8), null,
			ShowBsn.MASKED)) {
			assertTrue(r.diagnostics().stream().anyMatch(x -> x.rule().equals("SWI-008") && x.line() > 0),
				r.diagnostics().toString());
		}
		/* An unknown element: SWI-009, also with an external XSD. */
		Files.writeString(file, xml.replace("<Statistiekcode>", "<Onbekend/><Statistiekcode>"));
		try (ReadResult r = Swi.read(file, Fixtures.xsd(), ShowBsn.FULL)) {
			assertTrue(r.diagnostics().stream().anyMatch(x -> x.rule().equals("SWI-009") && x.line() == 6),
				r.diagnostics().toString());
		}
		refused(Status.EIO, () -> Swi.read(dir.resolve("missing.xml")));
		refused(Status.EINVAL, () -> Swi.read((Path) null));
	}
}
