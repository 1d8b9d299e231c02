package nl.swi;

import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One finding of {@link Delivery#validate()}, {@link Delivery#compare} or
 * {@link Swi#read}: copied out of libswi's report, which is freed at once.
 *
 * @param rule     the permanent rule id, e.g. "SWI-012" (doc/rules.md)
 * @param severity error or warning
 * @param kenmerk  the kenmerk number, 0 for a file-level diagnostic
 * @param category the record kind the diagnostic is about (null if none)
 * @param person   0-based index of the person in the delivery, -1 at levering level
 * @param record   0-based index of the record among the person's records of its kind, or -1
 * @param bsn      the person's BSN, masked (*****6782) unless SHOW_BSN; "" at levering level
 * @param line     line in the source file for diagnostics of the reader, 0 if none
 * @param message  the Dutch message
 */
public record Diagnostic(String rule, Severity severity, int kenmerk, Category category, long person, long record,
			 String bsn, long line, String message) {

	/**
	 * Whether this is an error (writers refuse a delivery with errors unless forced).
	 *
	 * @return whether it is an error
	 */
	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/**
	 * Only the errors of a list of diagnostics.
	 *
	 * @param diagnostics the diagnostics
	 * @return the errors among them
	 */
	public static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
		List<Diagnostic> out = new ArrayList<>();
		for (Diagnostic d : diagnostics)
			if (d.isError())
				out.add(d);
		return out;
	}

	@Override
	public String toString() {
		StringBuilder s = new StringBuilder();
		s.append(rule).append(' ').append(severity == null ? "?" : severity.name().toLowerCase());
		if (line > 0)
			s.append(" regel ").append(line);
		if (kenmerk > 0)
			s.append(" k").append(kenmerk);
		if (person >= 0)
			s.append(" persoon ").append(person);
		if (record >= 0)
			s.append(" record ").append(record);
		if (bsn != null && !bsn.isEmpty())
			s.append(" (").append(bsn).append(')');
		return s.append(": ").append(message).toString();
	}

	/** Copies every diagnostic out of a NEW swi_report and frees it (also on failure). */
	static List<Diagnostic> copyAndFree(Pointer report) {
		try {
			long n = SwiNative.swi_report_count(report);
			List<Diagnostic> list = new ArrayList<>((int) Math.min(n, 1 << 20));
			for (long i = 0; i < n; i++) {
				list.add(new Diagnostic(SwiNative.swi_report_rule(report, i),
					Severity.of(SwiNative.swi_report_severity(report, i)),
					SwiNative.swi_report_kenmerk(report, i),
					Category.of(SwiNative.swi_report_category(report, i)),
					SwiNative.swi_report_person(report, i), SwiNative.swi_report_record(report, i),
					SwiNative.swi_report_bsn(report, i), SwiNative.swi_report_line(report, i),
					SwiNative.swi_report_message(report, i)));
			}
			return Collections.unmodifiableList(list);
		} finally {
			SwiNative.swi_report_free(report);
		}
	}
}
