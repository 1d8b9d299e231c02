package nl.swi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Assumptions;

/** Shared test data: synthetic BSNs (11-test), small valid deliveries, source paths. */
final class Fixtures {
	private Fixtures() {
	}

	/** "Today" for the date rules: in the aanleverperiode of 2026 Q3. */
	static final LocalDate TODAY = LocalDate.of(2026, 10, 15);

	/** The i-th synthetic BSN that passes the 11-test (i >= 0); distinct for distinct i. */
	static String bsn(int i) {
		for (int base = 10000000 + i * 10; ; base++) {
			/* eight digits d1..d8 with weights 9..2, check digit d9: sum - d9 = 0 (mod 11) */
			String s = Integer.toString(base);
			int sum = 0;
			for (int j = 0; j < 8; j++)
				sum += (9 - j) * (s.charAt(j) - '0');
			int check = sum % 11;
			if (check < 10)
				return s + check;
		}
	}

	/** An empty delivery for 2026 Q3, berichtgever and gemeente 0153, reference date set. */
	static Delivery delivery() {
		return new Delivery(2026, 3, Softwarepakket.AND, "1.0-test", 153, 153).setReferenceDate(TODAY);
	}

	/** A person with only the kenmerken the schema requires (k8-k11). */
	static Person minimal(Delivery d, String bsn, TypeMigrant type) {
		return d.addPerson(bsn).setGeboortedatum(LocalDate.of(1990, 1, 7)).setGeslacht(Geslacht.VROUW)
			.setTypeMigrant(type);
	}

	/** A valid delivery of n minimal persons, alternately asiel and gezin. */
	static Delivery valid(int n) {
		Delivery d = delivery();
		for (int i = 0; i < n; i++)
			minimal(d, bsn(i), i % 2 == 0 ? TypeMigrant.ASIELMIGRANT : TypeMigrant.GEZINSMIGRANT);
		return d;
	}

	/**
	 * The source tree, for the tests that compare the binding with files of
	 * the repository (lib/libswi.map, meson.build, doc/rules.md,
	 * lib/data/swi.xsd). The property swi.source.root names it (run-tests.sh
	 * sets it: then it must be there); else it is looked for upwards from the
	 * working directory; when the artifact is tested on its own (the jar,
	 * outside the repository) there is none, and those tests are skipped.
	 */
	static Path sourceRoot() {
		String p = System.getProperty("swi.source.root");
		if (p != null) {
			if (!Files.isRegularFile(Path.of(p, "lib/libswi.map")))
				throw new IllegalStateException("-Dswi.source.root=" + p + " is not the libswi source tree");
			return Path.of(p);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
			if (Files.isRegularFile(dir.resolve("lib/libswi.map")))
				return dir;
		Assumptions.assumeTrue(false, "not in the libswi source tree (set -Dswi.source.root to compare with it)");
		throw new AssertionError("unreachable");
	}

	private static Path xsd;

	/** The XSD as a caller has it: libswi's own schema, written to a temporary file. */
	static synchronized Path xsd() throws IOException {
		if (xsd == null) {
			xsd = Files.createTempFile("swi-test-", ".xsd");
			xsd.toFile().deleteOnExit();
			Files.writeString(xsd, Swi.schemaXsd());
		}
		return xsd;
	}

	static String read(Path p) throws IOException {
		return Files.readString(p);
	}
}
