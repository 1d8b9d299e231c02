package nl.swi;

/** Value types of the kenmerken ({@code swi_value_type}, guideline 3.2). */
public enum ValueType {
	/** [jjjj]: 1000..9999. */
	YEAR(1),
	/** A numeric code list, e.g. 2. */
	CODE(2),
	/** A text code list (k4), e.g. "and". */
	TEXT_CODE(3),
	/** Text of the 3.2.3 character set. */
	TEXT(4),
	/** [1234]: a code written with leading zeros, e.g. 0153. */
	CODE4(5),
	/** Nine digits passing the 11-test. */
	BSN(6),
	/** [jjjjmmdd]. */
	DATE(7),
	/** A number 0..9999. */
	NUMBER(8);

	private final int value;

	ValueType(int value) {
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
	 * The type for a C value, or null.
	 *
	 * @param value the C value
	 * @return the type, or {@code null}
	 */
	public static ValueType of(int value) {
		return value >= 1 && value <= 8 ? values()[value - 1] : null;
	}
}
