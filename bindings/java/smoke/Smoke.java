import java.nio.file.Path;
import java.time.LocalDate;

import nl.swi.Delivery;
import nl.swi.Diagnostic;
import nl.swi.Geslacht;
import nl.swi.ReadResult;
import nl.swi.Severity;
import nl.swi.Softwarepakket;
import nl.swi.Swi;
import nl.swi.TypeMigrant;

/**
 * The smallest program on the jar: builds a delivery of two persons,
 * validates it, writes it into the directory given and reads it back.
 * Prints libswi's version, the library it runs on and the file name.
 *
 * <pre>java -cp libswi-java-0.2.0.jar:/usr/share/java/jna.jar Smoke.java OUTDIR</pre>
 */
public final class Smoke {
	private Smoke() {
	}

	public static void main(String[] args) {
		Path dir = Path.of(args.length > 0 ? args[0] : ".");
		Path file;
		try (Delivery d = new Delivery(2026, 3, Softwarepakket.AND, "4.2", 153, 153)) {
			d.setReferenceDate(LocalDate.of(2026, 10, 15));
			d.addPerson("123456782").setGeboortedatum(LocalDate.of(1990, 1, 7)).setGeslacht(Geslacht.VROUW)
				.setTypeMigrant(TypeMigrant.ASIELMIGRANT);
			d.addPerson("100000009").setGeboortedatum(LocalDate.of(1985, 5, 5)).setGeslacht(Geslacht.MAN)
				.setTypeMigrant(TypeMigrant.GEZINSMIGRANT);
			for (Diagnostic x : d.validate())
				if (x.severity() == Severity.ERROR)
					throw new IllegalStateException("validation error: " + x);
			file = d.write(dir);
		}
		try (ReadResult r = Swi.read(file)) {
			if (!r.diagnostics().isEmpty() || r.delivery().size() != 2)
				throw new IllegalStateException("read back: " + r.diagnostics());
		}
		System.out.println(Swi.version() + " " + Swi.libraryPath() + " " + file.getFileName());
	}
}
