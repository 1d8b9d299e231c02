package nl.swi;

/**
 * Code list {@code Geslacht} of kenmerk 10 (Geslacht).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum Geslacht implements NumericCode {
	/** 1: Man. */
	MAN(1, "Man"),
	/** 2: Vrouw. */
	VROUW(2, "Vrouw"),
	/** 3: Onbekend. */
	ONBEKEND(3, "Onbekend");

	private final int value;
	private final String meaning;

	Geslacht(int value, String meaning) {
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
	public static Geslacht of(int value) {
		return NumericCode.of(Geslacht.class, value);
	}
}
