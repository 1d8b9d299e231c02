package nl.swi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

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

	/** The source tree (property swi.source.root, else found upwards from the working directory). */
	static Path sourceRoot() {
		String p = System.getProperty("swi.source.root");
		if (p != null)
			return Path.of(p);
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
			if (Files.isRegularFile(dir.resolve("lib/libswi.map")))
				return dir;
		throw new IllegalStateException("source tree not found: set -Dswi.source.root");
	}

	static Path xsd() {
		return sourceRoot().resolve("lib/data/swi.xsd");
	}

	static String read(Path p) throws IOException {
		return Files.readString(p);
	}
}
