package nl.swi.bench;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import nl.swi.Batch;
import nl.swi.Category;
import nl.swi.Delivery;
import nl.swi.Diagnostic;
import nl.swi.Generator;
import nl.swi.Person;
import nl.swi.Record;
import nl.swi.WriteResult;

/**
 * Build + validate + write of one SWI delivery from Java, two ways:
 *
 * <ul>
 * <li><b>libswi</b> through the Java binding: {@code new Delivery}, per person
 * ONE native call ({@code addPerson(bsn, kenmerken, values)}), per record one
 * ({@code addRecord(kind, kenmerken, values)}); {@code validate()} (every rule of
 * the guideline; the diagnostics are copied into Java objects); {@code write(dir)}
 * (which trusts that clean validation of the unchanged delivery, writes
 * atomically and fsyncs); {@code close()}.</li>
 * <li><b>StAX + JAXP</b> with only the JDK: the same delivery written with
 * {@link XMLStreamWriter} to a file (fsynced as well), then validated with
 * {@link Validator} against lib/data/swi.xsd (the schema compiled once,
 * outside the timing).</li>
 * </ul>
 *
 * <p>Both start from the same in-memory data (generated before the clock
 * starts): {@code --persons} synthetic, rule-valid persons from libswi's
 * own {@link Generator} (doc/fixtures.md; about 55% asielmigrant, about 60% of the applicable
 * kenmerken filled, 0-2 PIPs, 0-2 talks for gezinsmigranten, one in ten
 * with a fine; BSNs pass the 11-test; seeded, deterministic). Both write the
 * same bytes: {@code --check} asserts the two files are byte-identical and
 * that libswi finds no errors. Every variant runs {@code --warmup} times
 * (default 2) to warm the JIT, then {@code --rounds} times (default 5),
 * interleaved; the best and the median round are reported with the ratio
 * StAX / libswi. libswi is timed three ways: {@code validate()} then
 * {@code write(dir)} (two validation passes, since the writer checks again),
 * and {@code validateAndWrite(dir)} (one pass, the same result), both with
 * one native call per person and per record; and built the bulk way: every
 * person and record collected in a {@link Batch} (Java arrays; filling it
 * counts as build time), added with ONE native call ({@code addAll}), then
 * {@code validateAndWrite(dir)}. {@code --check} also asserts that the batch
 * variant's file is byte-identical to the per-person variant's.
 *
 * <pre>
 *   java -Dswi.library=build/lib/libswi.so.0 -cp classes:bench-classes:/usr/share/java/jna.jar \
 *       nl.swi.bench.SwiBench --persons 100000 --xsd lib/data/swi.xsd
 * </pre>
 */
public final class SwiBench {
	static final int YEAR = 2026, QUARTER = 3;

	/* ---- the data, shared by both sides --------------------------------- */

	static final class Rec {
		final int kind; /* 3 PIP, 4 gesprek, 5 boete */
		final int[] k, v;

		Rec(int kind, int[] k, int[] v) {
			this.kind = kind;
			this.k = k;
			this.v = v;
		}
	}

	static final class Pers {
		String bsn;
		boolean asiel;
		int[] k, v; /* person kenmerken 9-29, ascending (schema order) */
		final List<Rec> recs = new ArrayList<>(2);
	}

	/** Values under construction: slot k holds kenmerk k, NONE = unset. */
	static final int NONE = Integer.MIN_VALUE;

	static final class Slots {
		final int[] v = new int[39];

		Slots() {
			Arrays.fill(v, NONE);
		}

		void set(int k, int value) {
			v[k] = value;
		}

		boolean has(int k) {
			return v[k] != NONE;
		}

		int[][] compact(int first, int last) {
			int n = 0;
			for (int k = first; k <= last; k++)
				if (v[k] != NONE)
					n++;
			int[] ks = new int[n], vs = new int[n];
			n = 0;
			for (int k = first; k <= last; k++)
				if (v[k] != NONE) {
					ks[n] = k;
					vs[n++] = v[k];
				}
			return new int[][] {ks, vs};
		}
	}

	/**
	 * The persons of libswi's own generator ({@link Generator}, the one the C
	 * tests and benchmarks use, default mix), taken out of the generated
	 * delivery as plain arrays.
	 */
	static List<Pers> generate(int n, long seed) {
		List<Pers> list = new ArrayList<>(n);
		try (Delivery d = new Generator().persons(n).seed(seed).year(YEAR).quarter(QUARTER).generate()) {
			for (Person q : d.persons()) {
				Pers p = new Pers();
				p.bsn = q.getText(8);
				Slots s = new Slots();
				for (int k = 9; k <= 29; k++)
					if (q.has(k))
						s.set(k, q.getInt(k));
				p.asiel = s.v[11] == 1;
				int[][] c = s.compact(9, 29);
				p.k = c[0];
				p.v = c[1];
				/* The file groups records by kind: PIPs, then talks, then fines. */
				int[][] ranges = {{3, 30, 34}, {4, 35, 35}, {5, 36, 38}};
				for (int[] kind : ranges)
					for (Record r : q.records(Category.of(kind[0]))) {
						Slots rs = new Slots();
						for (int k = kind[1]; k <= kind[2]; k++)
							if (r.has(k))
								rs.set(k, r.getInt(k));
						int[][] rc = rs.compact(kind[1], kind[2]);
						p.recs.add(new Rec(kind[0], rc[0], rc[1]));
					}
				list.add(p);
			}
		}
		return list;
	}

	/* ---- libswi through the binding ------------------------------------ */

	static final class Times {
		double build, validate, write, free;
		double fill; /* of build: filling the Batch (batch variant only) */
		long bytes;
		int diagnostics;

		double total() {
			return build + validate + write + free;
		}
	}

	static final Category[] KIND = {null, null, null, Category.PIP, Category.GESPREK, Category.BOETE};

	/**
	 * @param oneStep false: {@code validate()} then {@code write(dir)} (the writer
	 *                trusts the clean validation); true: {@code validateAndWrite(dir)}
	 * @param batch   false: one native call per person and per record; true: all
	 *                persons and records in a {@link Batch}, added in ONE call
	 */
	static Times libswi(List<Pers> persons, Path dir, Path[] fileOut, boolean oneStep, boolean batch)
		throws IOException {
		Times t = new Times();
		long t0 = System.nanoTime();
		Delivery d = new Delivery(YEAR, QUARTER, "and", "1.0-bench", 153, 153);
		try {
			d.setReferenceDate(LocalDate.of(2026, 10, 15));
			if (batch) {
				long f0 = System.nanoTime();
				Batch b = new Batch();
				for (Pers p : persons) {
					b.person(p.bsn);
					for (int i = 0; i < p.k.length; i++)
						b.set(p.k[i], p.v[i]);
					for (Rec r : p.recs) {
						b.record(KIND[r.kind]);
						for (int i = 0; i < r.k.length; i++)
							b.set(r.k[i], r.v[i]);
					}
				}
				t.fill = (System.nanoTime() - f0) / 1e9;
				if (d.addAll(b) != persons.size()) /* ONE native call for all */
					throw new IllegalStateException("addAll added too few persons");
			} else {
				for (Pers p : persons) {
					Person x = d.addPerson(p.bsn, p.k, p.v); /* one native call per person */
					for (Rec r : p.recs)
						x.addRecord(KIND[r.kind], r.k, r.v); /* and one per record */
				}
			}
			long t1 = System.nanoTime(), t2, t3;
			Path file;
			if (oneStep) {
				WriteResult w = d.validateAndWrite(dir); /* throws on errors */
				t2 = t3 = System.nanoTime();
				file = w.path();
				t.diagnostics = w.diagnostics().size();
			} else {
				List<Diagnostic> found = d.validate();
				List<Diagnostic> errors = Diagnostic.errors(found);
				if (!errors.isEmpty())
					throw new IllegalStateException(errors.size() + " errors, first: " + errors.get(0));
				t.diagnostics = found.size();
				t2 = System.nanoTime();
				file = d.write(dir);
				t3 = System.nanoTime();
			}
			t.build = (t1 - t0) / 1e9;
			t.validate = (t2 - t1) / 1e9;
			t.write = (t3 - t2) / 1e9;
			t.bytes = Files.size(file);
			if (fileOut != null)
				fileOut[0] = file;
		} finally {
			long t4 = System.nanoTime();
			d.close();
			t.free = (System.nanoTime() - t4) / 1e9;
		}
		return t;
	}

	/** The same delivery with one typed call per kenmerk (no bulk setters), for comparison. */
	static double libswiPerKenmerk(List<Pers> persons, Path dir) {
		long t0 = System.nanoTime();
		try (Delivery d = new Delivery(YEAR, QUARTER, "and", "1.0-bench", 153, 153)) {
			d.setReferenceDate(LocalDate.of(2026, 10, 15));
			for (Pers p : persons) {
				Person x = d.addPerson(p.bsn);
				for (int i = 0; i < p.k.length; i++)
					x.setInt(p.k[i], p.v[i]);
				for (Rec r : p.recs) {
					Record rec = x.addRecord(KIND[r.kind]);
					for (int i = 0; i < r.k.length; i++)
						rec.setInt(r.k[i], r.v[i]);
				}
			}
			d.validate();
			d.write(dir);
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	/* ---- StAX + JAXP (JDK only) ---------------------------------------- */

	/** Element names of kenmerken 1-38 (lib/kenmerken.c) and the width of the fixed-width ones. */
	static final String[] ELEMENT = {null, "Statistiekjaar", "Statistiekkwartaal", "Statistiekcode",
		"NaamSoftwarepakket", "VersieSoftwarepakket", "Berichtgevercode", "Gemeentecode", "Burgerservicenummer",
		"Geboortedatum", "Geslacht", "TypeMigrant", "MaatschappelijkeBegeleidingBegindatum", "OntzorgenBegindatum",
		"OntzorgenEinddatum", "BredeIntakeBegindatum", "BredeIntakeUrenTaalKNM", "WaarschuwingIntakeDatum",
		"Alfabetiseringscursus", "Analfabetisme", "PVTOndertekeningsdatum", "MAPDatumEersteActiviteit",
		"MAPDatumEindgesprek", "ZrouteInschattingTaalniveau", "ZrouteLezen", "ZrouteSchrijven", "ZrouteSpreken",
		"ZrouteLuisteren", "EindeBegeleidingReden", "EindeBegeleidingDatum", "PIPDatum", "LeerrouteRoute",
		"LeerrouteNiveau", "LeerrouteBegindatum", "LeerrouteEinddatum", "VoortgangsgesprekDatum", "BoeteDatum",
		"BoeteReden", "BoeteBedrag"};
	/** Zero-padded width for dates (8), years and 4-digit codes (4); 0 = plain number. */
	static final int[] PAD = new int[39];
	static {
		for (int k : new int[] {9, 12, 13, 14, 15, 17, 20, 21, 22, 29, 30, 33, 34, 35, 36})
			PAD[k] = 8;
		PAD[1] = PAD[6] = PAD[7] = 4;
	}
	static final String[] RECORD = {null, null, null, "PIP", "Voortgangsgesprek", "Boete"};

	static String format(int k, int v) {
		String s = Integer.toString(v);
		int pad = PAD[k];
		if (pad == 0 || s.length() >= pad)
			return s;
		return "0".repeat(pad - s.length()) + s;
	}

	static void element(XMLStreamWriter w, String indent, String name, String value) throws XMLStreamException {
		w.writeCharacters(indent);
		w.writeStartElement(name);
		w.writeCharacters(value);
		w.writeEndElement();
		w.writeCharacters("\n");
	}

	static final class StaxTimes {
		double write, validate;

		double total() {
			return write + validate;
		}
	}

	/** The compiled XSD, made once before any timing (as a long-running program would keep it). */
	static Schema schema;

	static StaxTimes stax(List<Pers> persons, Path file, Path xsd) throws Exception {
		if (schema == null)
			schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
		StaxTimes t = new StaxTimes();
		long t0 = System.nanoTime();
		try (FileOutputStream fos = new FileOutputStream(file.toFile());
		     OutputStream os = new BufferedOutputStream(fos, 1 << 16)) {
			XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(os, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			w.writeCharacters("\n");
			w.writeStartElement("SWI");
			w.writeCharacters("\n  ");
			w.writeStartElement("Levering");
			w.writeCharacters("\n");
			element(w, "    ", ELEMENT[1], format(1, YEAR));
			element(w, "    ", ELEMENT[2], format(2, QUARTER));
			element(w, "    ", ELEMENT[3], "40");
			element(w, "    ", ELEMENT[4], "and");
			element(w, "    ", ELEMENT[5], "1.0-bench");
			element(w, "    ", ELEMENT[6], format(6, 153));
			element(w, "    ", ELEMENT[7], format(7, 153));
			w.writeCharacters("  ");
			w.writeEndElement();
			w.writeCharacters("\n");
			for (Pers p : persons) {
				w.writeCharacters("  ");
				w.writeStartElement("Persoon");
				w.writeCharacters("\n");
				element(w, "    ", ELEMENT[8], p.bsn);
				for (int i = 0; i < p.k.length; i++)
					element(w, "    ", ELEMENT[p.k[i]], format(p.k[i], p.v[i]));
				for (Rec r : p.recs) {
					w.writeCharacters("    ");
					w.writeStartElement(RECORD[r.kind]);
					w.writeCharacters("\n");
					for (int i = 0; i < r.k.length; i++)
						element(w, "      ", ELEMENT[r.k[i]], format(r.k[i], r.v[i]));
					w.writeCharacters("    ");
					w.writeEndElement();
					w.writeCharacters("\n");
				}
				w.writeCharacters("  ");
				w.writeEndElement();
				w.writeCharacters("\n");
			}
			w.writeEndElement();
			w.writeCharacters("\n");
			w.writeEndDocument();
			w.flush();
			w.close();
			os.flush();
			fos.getFD().sync(); /* libswi's write_dir syncs too */
		}
		long t1 = System.nanoTime();
		Validator validator = schema.newValidator();
		validator.validate(new StreamSource(file.toFile())); /* throws on the first error */
		long t2 = System.nanoTime();
		t.write = (t1 - t0) / 1e9;
		t.validate = (t2 - t1) / 1e9;
		return t;
	}

	/* ---- main ---------------------------------------------------------- */

	static String fmt(double[] a) {
		StringBuilder s = new StringBuilder("[");
		for (double x : a)
			s.append(s.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.3f", x));
		return s.append(']').toString();
	}

	static double median(double[] a) {
		double[] s = a.clone();
		Arrays.sort(s);
		return s[s.length / 2];
	}

	static double min(double[] a) {
		return Arrays.stream(a).min().orElse(0);
	}

	/** Whether the files are equal; if not, prints where they differ. */
	static boolean same(String nameA, byte[] a, String nameB, byte[] b) {
		if (Arrays.equals(a, b))
			return true;
		int i = Arrays.mismatch(a, b);
		System.err.printf("FAIL: %s and %s files differ at byte %d:%n--- %s%n%s%n--- %s%n%s%n", nameA, nameB, i, nameA,
			new String(a, Math.max(0, i - 200), Math.min(a.length - Math.max(0, i - 200), 300)), nameB,
			new String(b, Math.max(0, i - 200), Math.min(b.length - Math.max(0, i - 200), 300)));
		return false;
	}

	public static void main(String[] args) throws Exception {
		int n = 100_000, rounds = 5, warmup = 2;
		long seed = 1;
		boolean check = false, perKenmerk = false, verbose = false;
		Path xsd = null, out = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
			case "--persons":
				n = Integer.parseInt(args[++i]);
				break;
			case "--rounds":
				rounds = Integer.parseInt(args[++i]);
				break;
			case "--warmup":
				warmup = Integer.parseInt(args[++i]);
				break;
			case "--seed":
				seed = Long.parseLong(args[++i]);
				break;
			case "--xsd":
				xsd = Path.of(args[++i]);
				break;
			case "--out":
				out = Path.of(args[++i]);
				break;
			case "--check":
				check = true;
				break;
			case "--verbose":
				verbose = true;
				break;
			case "--per-kenmerk":
				perKenmerk = true;
				break;
			default:
				System.err.println("usage: SwiBench [--persons N] [--rounds R] [--warmup W] [--seed S] [--xsd swi.xsd] "
					+ "[--out DIR] [--check] [--per-kenmerk] [--verbose]");
				System.exit(2);
			}
		}
		if (xsd == null) {
			String root = System.getProperty("swi.source.root", ".");
			xsd = Path.of(root, "lib/data/swi.xsd");
		}
		boolean temporary = out == null;
		if (temporary)
			out = Files.createTempDirectory("swi-bench");
		Files.createDirectories(out);
		Path libDir = Files.createDirectories(out.resolve("libswi"));
		Path batchDir = Files.createDirectories(out.resolve("libswi-batch"));
		Path staxFile = out.resolve("stax.xml");
		try {
			long g0 = System.nanoTime();
			List<Pers> data = generate(n, seed);
			double genS = (System.nanoTime() - g0) / 1e9;
			/* Warm-up (JIT), not reported: every variant twice on the full data. */
			Path[] libFile = new Path[1], batchFile = new Path[1];
			for (int w = 0; w < warmup; w++) {
				libswi(data, libDir, null, false, false);
				libswi(data, libDir, null, true, false);
				libswi(data, batchDir, null, true, true);
				stax(data, staxFile, xsd);
			}

			double[] lib = new double[rounds], lib1 = new double[rounds], libB = new double[rounds];
			double[] st = new double[rounds];
			Times lt = null, lt1 = null, ltB = null;
			StaxTimes stt = null;
			for (int r = 0; r < rounds; r++) {
				Times a = libswi(data, libDir, libFile, false, false);
				Times a1 = libswi(data, libDir, null, true, false);
				Times aB = libswi(data, batchDir, batchFile, true, true);
				StaxTimes b = stax(data, staxFile, xsd);
				lib[r] = a.total();
				lib1[r] = a1.total();
				libB[r] = aB.total();
				st[r] = b.total();
				if (verbose)
					System.out.printf(Locale.ROOT, "round %d: libswi build %.3f validate %.3f write %.3f | one pass build %.3f "
						+ "validate+write %.3f | batch build %.3f (fill %.3f) validate+write %.3f | stax write %.3f "
						+ "validate %.3f%n", r, a.build, a.validate, a.write, a1.build, a1.validate, aB.build, aB.fill,
						aB.validate, b.write, b.validate);
				if (lt == null || a.total() < lt.total())
					lt = a;
				if (lt1 == null || a1.total() < lt1.total())
					lt1 = a1;
				if (ltB == null || aB.total() < ltB.total())
					ltB = aB;
				if (stt == null || b.total() < stt.total())
					stt = b;
			}

			int pips = 0, talks = 0, fines = 0, asiel = 0, filled = 0;
			for (Pers p : data) {
				asiel += p.asiel ? 1 : 0;
				filled += p.k.length;
				for (Rec r : p.recs) {
					pips += r.kind == 3 ? 1 : 0;
					talks += r.kind == 4 ? 1 : 0;
					fines += r.kind == 5 ? 1 : 0;
				}
			}
			Locale l = Locale.ROOT;
			System.out.printf(l, "persons: %d (asiel %.1f%%, %.2f person kenmerken, %.3f PIPs, %.3f talks, %.3f fines per person)%n",
				n, 100.0 * asiel / n, (double) filled / n, (double) pips / n, (double) talks / n, (double) fines / n);
			System.out.printf(l, "data generation (not timed): %.3f s%n", genS);
			System.out.printf(l, "output bytes: %d%n", lt.bytes);
			System.out.printf(l, "libswi diagnostics (warnings): %d%n", lt.diagnostics);
			System.out.printf(l, "rounds: %d measured after %d warm-up round(s) of each variant%n", rounds, warmup);
			System.out.printf(l, "libswi validate()+write() best: build %.3f s, validate %.3f s, write %.3f s, free %.3f s%n",
				lt.build, lt.validate, lt.write, lt.free);
			System.out.printf(l, "libswi validateAndWrite() best: build %.3f s, validate+write %.3f s, free %.3f s%n",
				lt1.build, lt1.validate, lt1.free);
			System.out.printf(l, "libswi addAll(Batch)+validateAndWrite() best: build %.3f s (Batch filled in Java %.3f s, "
				+ "addAll %.3f s), validate+write %.3f s, free %.3f s%n", ltB.build, ltB.fill, ltB.build - ltB.fill,
				ltB.validate, ltB.free);
			System.out.printf(l, "stax+jaxp best: write %.3f s, xsd validate %.3f s%n", stt.write, stt.validate);
			System.out.printf(l, "libswi_s (validate()+write()): best %.3f median %.3f %s%n", min(lib), median(lib), fmt(lib));
			System.out.printf(l, "libswi_one_pass_s (validateAndWrite()): best %.3f median %.3f %s%n", min(lib1), median(lib1), fmt(lib1));
			System.out.printf(l, "libswi_batch_s (addAll(Batch)+validateAndWrite()): best %.3f median %.3f %s%n", min(libB),
				median(libB), fmt(libB));
			System.out.printf(l, "stax_jaxp_s: best %.3f median %.3f %s%n", min(st), median(st), fmt(st));
			System.out.printf(l, "ratio_stax_over_libswi (validate()+write()): best %.2f median %.2f%n", min(st) / min(lib), median(st) / median(lib));
			System.out.printf(l, "ratio_stax_over_libswi_one_pass (validateAndWrite()): best %.2f median %.2f%n", min(st) / min(lib1), median(st) / median(lib1));
			System.out.printf(l, "ratio_stax_over_libswi_batch (addAll(Batch)+validateAndWrite()): best %.2f median %.2f%n",
				min(st) / min(libB), median(st) / median(libB));
			if (perKenmerk) {
				double[] pk = new double[rounds];
				for (int r = 0; r < rounds; r++)
					pk[r] = libswiPerKenmerk(data, libDir);
				System.out.printf(l, "libswi_per_kenmerk_s (one setInt call per kenmerk, no bulk setters): best %.3f median %.3f%n",
					min(pk), median(pk));
			}
			if (check) {
				byte[] a = Files.readAllBytes(libFile[0]), b = Files.readAllBytes(staxFile);
				byte[] c = Files.readAllBytes(batchFile[0]);
				if (!same("libswi", a, "stax", b) || !same("libswi", a, "libswi batch", c))
					System.exit(1);
				System.out.println("check: the libswi, libswi batch and StAX files are byte-identical and valid against the XSD");
			}
		} finally {
			if (temporary) {
				try (Stream<Path> files = Files.walk(out)) {
					files.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
				}
			}
		}
	}
}
