package nl.swi;

/**
 * Code list {@code Taalniveau} of kenmerk 24 (Z-route - lezen), 25 (Z-route - schrijven), 26 (Z-route - spreken), 27 (Z-route - luisteren).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum Taalniveau implements NumericCode {
	/** 1: Lager dan A1. */
	LAGER_DAN_A1(1, "Lager dan A1"),
	/** 2: A1. */
	A1(2, "A1"),
	/** 3: A2 of hoger. */
	A2_OF_HOGER(3, "A2 of hoger"),
	/** 9: Onbekend. */
	ONBEKEND(9, "Onbekend");

	private final int value;
	private final String meaning;

	Taalniveau(int value, String meaning) {
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
	public static Taalniveau of(int value) {
		return NumericCode.of(Taalniveau.class, value);
	}
}
