package nl.swi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Functions of libswi without a delivery: reading files, the XSD, the rule catalogue, the version. */
public final class Swi {
	private Swi() {
	}

	/**
	 * libswi's version, "MAJOR.MINOR.PATCH".
	 *
	 * @return the version
	 */
	public static String version() {
		return SwiNative.swi_version();
	}

	/**
	 * The file libswi was loaded from: the path of {@code -Dswi.library} or
	 * {@code SWI_LIBRARY}, the temporary copy JNA extracted from the jar's
	 * bundled library, or the system library (the name it was loaded by when
	 * JNA cannot tell the file).
	 *
	 * @return a path or a library name
	 */
	public static String libraryPath() {
		java.io.File file = SwiNative.LIBRARY.getFile();
		return file != null ? file.getPath() : SwiNative.LIBRARY.getName();
	}

	/**
	 * libswi's short English description of a status code.
	 *
	 * @param status the status code
	 * @return the description
	 */
	public static String strerror(int status) {
		return SwiNative.swi_strerror(status);
	}

	/**
	 * {@link #read(Path, Path, ShowBsn)} without an XSD and with masked BSNs.
	 *
	 * @param file the file
	 * @return the delivery and the findings
	 */
	public static ReadResult read(Path file) {
		return read(file, null, ShowBsn.MASKED);
	}

	/**
	 * {@link #read(Path, Path, ShowBsn)} with masked BSNs.
	 *
	 * @param file the file
	 * @param xsd an XSD file, or {@code null}
	 * @return the delivery and the findings
	 */
	public static ReadResult read(Path file, Path xsd) {
		return read(file, xsd, ShowBsn.MASKED);
	}

	/**
	 * Reads an SWI file (XML, or a ZIP with one .XML) into a new delivery,
	 * checking it the way CBS's technical control does. {@code xsd}
	 * (optional) is an XSD to validate against in the same pass, replacing
	 * libswi's own structure checks. Throws EIO when the file cannot be read.
	 *
	 * @param file the file
	 * @param xsd an XSD file, or {@code null}
	 * @param bsn whether findings show the BSN in full
	 * @return the delivery and the findings
	 */
	public static ReadResult read(Path file, Path xsd, ShowBsn bsn) {
		if (file == null)
			throw new SwiException(Status.EINVAL.code(), "file is null");
		long[] out = new long[1], report = new long[1];
		int rc = SwiNative.swi_read_file(out, report, SwiNative.cstr(file.toString()), xsdPath(xsd),
			(bsn == null ? ShowBsn.MASKED : bsn).flags);
		return result(rc, out, report, file.toString());
	}

	/**
	 * As {@link #read(Path, Path, ShowBsn)}, from the bytes of a file.
	 *
	 * @param data the file's bytes
	 * @param xsd an XSD file, or {@code null}
	 * @param bsn whether findings show the BSN in full
	 * @return the delivery and the findings
	 */
	public static ReadResult read(byte[] data, Path xsd, ShowBsn bsn) {
		if (data == null)
			throw new SwiException(Status.EINVAL.code(), "data is null");
		long[] out = new long[1], report = new long[1];
		int rc = SwiNative.swi_read_buffer(out, report, data, data.length, xsdPath(xsd),
			(bsn == null ? ShowBsn.MASKED : bsn).flags);
		return result(rc, out, report, data.length + " bytes");
	}

	/**
	 * As {@link #read(Path)}, from the bytes of a file.
	 *
	 * @param data the file's bytes
	 * @return the delivery and the findings
	 */
	public static ReadResult read(byte[] data) {
		return read(data, null, ShowBsn.MASKED);
	}

	private static byte[] xsdPath(Path xsd) {
		return xsd == null ? null : SwiNative.cstr(xsd.toString());
	}

	private static ReadResult result(int rc, long[] out, long[] report, String what) {
		if (rc < 0)
			throw SwiException.of(null, rc, "cannot read " + what);
		Delivery d = new Delivery(SwiNative.ptr(out), null);
		try {
			return new ReadResult(d, Diagnostic.copyAndFree(SwiNative.ptr(report)));
		} catch (RuntimeException | Error e) {
			d.close();
			throw e;
		}
	}

	/**
	 * The XML schema of the SWI file as libswi writes it (the same text as the installed swi.xsd).
	 *
	 * @return the XSD text
	 */
	public static String schemaXsd() {
		long[] out = new long[1];
		SwiException.check(null, SwiNative.swi_schema_xsd(out));
		return Buffers.takeString(SwiNative.ptr(out));
	}

	/**
	 * The ruleset validation applies to a delivery of statistiekjaar {@code year}
	 * (doc/years.md), given "today" ({@code referenceDate}; null: the system
	 * clock). Throws EYEAR for a year before 2022 or more than one year after
	 * the reference date (validation reports SWI-003 for it).
	 *
	 * @param year the statistiekjaar
	 * @param referenceDate "today", or {@code null} for the system clock
	 * @return the ruleset and how it was chosen
	 */
	public static RulesetChoice rulesetForYear(int year, java.time.LocalDate referenceDate) {
		int ref = referenceDate == null ? 0
			: referenceDate.getYear() * 10000 + referenceDate.getMonthValue() * 100 + referenceDate.getDayOfMonth();
		int[] ruleset = new int[1], kind = new int[1];
		int rc = SwiNative.swi_ruleset_for_year(year, ref, ruleset, kind);
		if (rc < 0)
			throw SwiException.of(null, rc, "statistiekjaar " + year + ": " + SwiNative.swi_strerror(rc));
		return new RulesetChoice(ruleset[0], RulesetChoice.Kind.values()[kind[0]]);
	}

	/**
	 * libswi's rule catalogue (doc/rules.md).
	 *
	 * @return the rules
	 */
	public static List<Rule> rules() {
		long n = SwiNative.swi_rule_count();
		List<Rule> rules = new ArrayList<>((int) n);
		long[] id = new long[1], kenmerken = new long[1], section = new long[1], description = new long[1];
		int[] severity = new int[1];
		for (long i = 0; i < n; i++) {
			SwiException.check(null, SwiNative.swi_rule_at(i, id, severity, kenmerken, section, description));
			rules.add(new Rule(Buffers.string(id), Severity.of(severity[0]), Buffers.string(kenmerken),
				Buffers.string(section), Buffers.string(description)));
		}
		return Collections.unmodifiableList(rules);
	}

}
