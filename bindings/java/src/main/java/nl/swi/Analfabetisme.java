package nl.swi;

/**
 * Code list {@code Analfabetisme} of kenmerk 19 (Analfabetisme).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum Analfabetisme implements NumericCode {
	/** 1: Analfabeet. */
	ANALFABEET(1, "Analfabeet"),
	/** 2: Anders-gealfabetiseerd. */
	ANDERS_GEALFABETISEERD(2, "Anders-gealfabetiseerd");

	private final int value;
	private final String meaning;

	Analfabetisme(int value, String meaning) {
		this.value = value;
		this.meaning = meaning;
	}

	@Override
	public int value() {
		return value;
	}

	@Override
	public String meaning() {
		return meaning;
	}

	/**
	 * The constant for a code, or null if the code is not in the list.
	 *
	 * @param value the code
	 * @return the constant, or {@code null}
	 */
	public static Analfabetisme of(int value) {
		return NumericCode.of(Analfabetisme.class, value);
	}
}
