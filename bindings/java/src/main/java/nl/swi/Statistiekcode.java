package nl.swi;

/**
 * Code list {@code Statistiekcode} of kenmerk 3 (Statistiekcode).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum Statistiekcode implements NumericCode {
	/** 40: Statistiek Wet Inburgering. */
	SWI(40, "Statistiek Wet Inburgering");

	private final int value;
	private final String meaning;

	Statistiekcode(int value, String meaning) {
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
	public static Statistiekcode of(int value) {
		return NumericCode.of(Statistiekcode.class, value);
	}
}
