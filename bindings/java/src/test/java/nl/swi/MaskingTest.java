package nl.swi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Exception texts and diagnostics never show a BSN and are one line (issue
 * 9, defects 3 and 11): libswi's last-error message, which SwiException
 * carries, is always masked (doc/masking.md), and the binding's own
 * messages show no number that could be one.
 */
class MaskingTest {
	static final String BSN = Fixtures.bsn(31415);
	static final String OTHER = Fixtures.bsn(27182);
	static final String[] SECRETS = {BSN, OTHER};
	static int checked;

	static List<String> textValues(String b) {
		return List.of(b, b + " ", b + "\r", b + "\n", " " + b, "x" + b, "1" + b, "-" + b,
			b.substring(0, 3) + " " + b.substring(3, 6) + " " + b.substring(6),
			b.substring(0, 4) + "." + b.substring(4, 6) + "." + b.substring(6),
			b.substring(0, 4) + "\n" + b.substring(4), "Alles in orde.\n" + b + "\nAlles in orde.");
	}

	static int[] intValues(String b) {
		int v = Integer.parseInt(b);
		List<Integer> out = new ArrayList<>(List.of(v, -v));
		if (v < 214748364)
			out.add(v * 10 + 7);
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	/** A year LocalDate accepts, with the digits of v. */
	static int year(int v) {
		return (int) Math.min(Math.abs((long) v), 999_999_999L);
	}

	static void assertClean(String text, String what) {
		checked++;
		for (String secret : SECRETS)
			for (int i = 0; i + 6 <= secret.length(); i++)
				assertFalse(text.contains(secret.substring(i, i + 6)), what + ": " + text);
		assertTrue(text.chars().allMatch(c -> c >= 0x20 && c != 0x7f), what + ": not one line: " + text);
	}

	interface Call {
		void run();
	}

	static void attempt(String what, Call call) {
		try {
			call.run();
		} catch (SwiException e) {
			assertClean(e.getMessage(), what);
			assertClean(e.toString(), what);
		}
	}

	@Test
	void everyKenmerkEverySetter() {
		try (Delivery d = Fixtures.delivery()) {
			Person p = d.addPerson(OTHER);
			KenmerkHolder[] owners = {d, p, p.addPip(), p.addGesprek(), p.addBoete()};
			for (Kenmerk k : Kenmerk.values()) {
				KenmerkHolder target = switch (k.category()) {
				case LEVERING -> owners[0];
				case PERSOON -> owners[1];
				case PIP -> owners[2];
				case GESPREK -> owners[3];
				case BOETE -> owners[4];
				};
				for (String v : textValues(BSN))
					attempt(k + " = " + v, () -> target.set(k.number(), v));
				for (int v : intValues(BSN)) {
					attempt(k + " = " + v, () -> target.setInt(k.number(), v));
					attempt(k + " date " + v, () -> target.setDate(k.number(), LocalDate.of(year(v), 1, 1)));
				}
			}
			for (String v : textValues(BSN)) {
				attempt("addPerson " + v, () -> d.addPerson(v));
				attempt("findPerson " + v, () -> d.findPerson(v));
				attempt("setBsn " + v, () -> p.setBsn(v));
			}
			for (int v : intValues(BSN)) {
				attempt("kenmerk " + v, () -> p.setInt(v, 1));
				attempt("Kenmerk.of " + v, () -> Kenmerk.of(v));
			}
			for (int v : intValues(BSN))
				attempt("reference date " + v, () -> d.setReferenceDate(LocalDate.of(year(v), 1, 1)));
			attempt("duplicate", () -> d.addPerson(OTHER));
		}
		assertTrue(checked > 300, "checked " + checked);
	}

	@Test
	void batch() {
		try (Delivery d = Fixtures.delivery()) {
			for (int v : intValues(BSN)) {
				attempt("batch person " + v, () -> d.addAll(new Batch().person(v)));
				attempt("batch value " + v, () -> d.addAll(new Batch().person(OTHER)
					.set(Kenmerk.GEBOORTEDATUM, v)));
				attempt("batch kenmerk " + v, () -> d.addAll(new Batch().person(OTHER).set(v, 1)));
				attempt("batch date " + v, () -> d.addAll(new Batch().person(OTHER)
					.set(Kenmerk.GEBOORTEDATUM, LocalDate.of(year(v), 1, 1))));
			}
			for (String v : textValues(BSN))
				attempt("batch person " + v, () -> d.addAll(new Batch().person(v)));
		}
	}

	@Test
	void readDiagnostics() throws IOException {
		byte[] data;
		try (Delivery d = Fixtures.delivery()) {
			Fixtures.minimal(d, OTHER, TypeMigrant.ASIELMIGRANT);
			data = d.toBytes();
		}
		String xml = new String(data, StandardCharsets.UTF_8);
		String hostile = xml.replace("<Geboortedatum>19900107",
			"<Geboortedatum>1" + BSN + "&#10;Alles in orde.");
		assertFalse(hostile.equals(xml));
		byte[] bytes = hostile.getBytes(StandardCharsets.UTF_8);
		for (Path xsd : new Path[] {null, Fixtures.xsd()}) {
			try (ReadResult r = Swi.read(bytes, xsd, ShowBsn.MASKED)) {
				assertFalse(r.diagnostics().isEmpty());
				for (Diagnostic diag : r.diagnostics()) {
					assertClean(diag.toString(), "read");
					assertClean(diag.message(), "read");
				}
			}
		}
		try (ReadResult r = Swi.read(bytes, null, ShowBsn.FULL)) {
			assertTrue(r.diagnostics().stream().anyMatch(x -> OTHER.equals(x.bsn())), r.diagnostics().toString());
		} catch (SwiException e) {
			fail(e);
		}
	}
}
