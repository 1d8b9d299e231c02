package nl.swi;

/** Severity of a diagnostic ({@code swi_severity}). */
public enum Severity {
	/** CBS would refuse the file, or the data is impossible; writers refuse it unless forced. */
	ERROR(1),
	/** A plausibility signal. */
	WARNING(2);

	private final int value;

	Severity(int value) {
		this.value = value;
	}

	/**
	 * The C value.
	 *
	 * @return the value
	 */
	public int value() {
		return value;
	}

	/**
	 * The severity for a C value, or null.
	 *
	 * @param value the C value
	 * @return the severity, or {@code null}
	 */
	public static Severity of(int value) {
		return value == 1 ? ERROR : value == 2 ? WARNING : null;
	}
}
