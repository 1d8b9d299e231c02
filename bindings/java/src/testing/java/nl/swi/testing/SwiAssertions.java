package nl.swi.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.swi.Delivery;
import nl.swi.Diagnostic;
import nl.swi.Diff;
import nl.swi.ReadResult;
import nl.swi.Severity;
import nl.swi.ShowBsn;
import nl.swi.Swi;

/**
 * JUnit 5 assertions for a vendor's tests of its SWI export: they fail with
 * a readable Dutch message that names the person (masked BSN, *****6782)
 * and what differs.
 *
 * <pre>
 * import static nl.swi.testing.SwiAssertions.*;
 *
 * &#64;Test
 * void exportOfTheseCases() {
 *     try (Delivery actual = myExport(cases)) {
 *         assertValid(actual);
 *         assertSame(Path.of("src/test/resources/expected.xml"), actual);
 *     }
 * }
 * </pre>
 *
 * Depends on junit-jupiter-api only (failures are JUnit's
 * {@code AssertionFailedError}); the library classes of {@code nl.swi} do
 * not depend on JUnit. Neither assertion changes a delivery. Thread-safety:
 * as the deliveries' own methods (they take each delivery's lock).
 */
public final class SwiAssertions {
	private SwiAssertions() {
	}

	/**
	 * Fails when the delivery has validation errors, listing them per person.
	 *
	 * @param delivery the delivery to validate
	 */
	public static void assertValid(Delivery delivery) {
		assertValid(delivery, false);
	}

	/**
	 * Fails when the delivery has validation errors (with {@code warnings}
	 * also when it has warnings), listing the findings grouped per person.
	 * Set the delivery's reference date first ({@code setReferenceDate}) so
	 * the result never depends on the clock.
	 *
	 * @param delivery the delivery to validate
	 * @param warnings whether warnings fail too
	 */
	public static void assertValid(Delivery delivery, boolean warnings) {
		if (delivery == null)
			fail("de levering is null");
		List<Diagnostic> failing = new ArrayList<>();
		for (Diagnostic d : delivery.validate())
			if (d.isError() || warnings)
				failing.add(d);
		if (failing.isEmpty())
			return;
		long errors = failing.stream().filter(Diagnostic::isError).count();
		long warns = failing.size() - errors;
		String counts = errors + (errors == 1 ? " fout" : " fouten");
		if (warnings)
			counts += ", " + warns + (warns == 1 ? " waarschuwing" : " waarschuwingen");
		fail("de levering is niet geldig (" + counts + "):\n" + findingsText(failing));
	}

	/**
	 * Fails with the semantic diff (one line per person) when {@code actual}
	 * differs from {@code expected} as data.
	 *
	 * @param expected the delivery the test expects
	 * @param actual the delivery the code under test made
	 */
	public static void assertSame(Delivery expected, Delivery actual) {
		if (expected == null || actual == null)
			fail("de verwachte of de gekregen levering is null");
		Diff diff = expected.diff(actual, ShowBsn.MASKED);
		if (diff.isEqual())
			return;
		int n = diff.size();
		fail("de leveringen verschillen (" + n + (n == 1 ? " verschil" : " verschillen") + "):\n" + diff);
	}

	/**
	 * As {@link #assertSame(Delivery, Delivery)}, with the expected delivery
	 * read from an SWI file (XML or zip); a file with read errors fails too.
	 *
	 * @param expected the SWI file the test expects
	 * @param actual the delivery the code under test made
	 */
	public static void assertSame(Path expected, Delivery actual) {
		try (ReadResult r = Swi.read(expected)) {
			List<Diagnostic> errors = Diagnostic.errors(r.diagnostics());
			if (!errors.isEmpty())
				fail("de verwachte levering " + expected + " kan niet gelezen worden:\n" + findingsText(errors));
			assertSame(r.delivery(), actual);
		}
	}

	/**
	 * Diagnostics grouped per person, in the order found: a line per person
	 * ("persoon *****6782:", or "levering:") and an indented line per finding.
	 *
	 * @param findings diagnostics of a validation or a read
	 * @return the text, each line ending in a newline
	 */
	public static String findingsText(List<Diagnostic> findings) {
		Map<String, List<Diagnostic>> groups = new LinkedHashMap<>();
		for (Diagnostic d : findings) {
			String who = d.person() >= 0 && d.bsn() != null && !d.bsn().isEmpty() ? "persoon " + d.bsn()
				: "levering";
			groups.computeIfAbsent(who + ":" + d.person(), k -> new ArrayList<>()).add(d);
		}
		StringBuilder s = new StringBuilder();
		for (List<Diagnostic> group : groups.values()) {
			Diagnostic first = group.get(0);
			boolean person = first.person() >= 0 && first.bsn() != null && !first.bsn().isEmpty();
			s.append(person ? "persoon " + first.bsn() : "levering").append(":\n");
			for (Diagnostic d : group) {
				s.append("  ").append(d.rule()).append(' ')
					.append(d.severity() == Severity.ERROR ? "fout" : "waarschuwing");
				if (d.line() > 0)
					s.append(" (regel ").append(d.line()).append(')');
				s.append(": ").append(d.message()).append('\n');
			}
		}
		return s.toString();
	}
}
