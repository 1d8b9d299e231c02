package nl.swi;

/**
 * Code list {@code NeeJa} of kenmerk 18 (Alfabetiseringscursus), 23 (Z-route - inschatting taalniveau).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum NeeJa implements NumericCode {
	/** 1: Nee. */
	NEE(1, "Nee"),
	/** 2: Ja. */
	JA(2, "Ja");

	private final int value;
	private final String meaning;

	NeeJa(int value, String meaning) {
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
	public static NeeJa of(int value) {
		return NumericCode.of(NeeJa.class, value);
	}
}
