package nl.swi;

/**
 * Code list {@code LeerrouteNiveau} of kenmerk 32 (Leerroute - niveau).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum LeerrouteNiveau implements NumericCode {
	/** 1: B1. */
	B1(1, "B1"),
	/** 2: A2. */
	A2(2, "A2");

	private final int value;
	private final String meaning;

	LeerrouteNiveau(int value, String meaning) {
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
	public static LeerrouteNiveau of(int value) {
		return NumericCode.of(LeerrouteNiveau.class, value);
	}
}
