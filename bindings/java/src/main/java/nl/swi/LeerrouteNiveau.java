package nl.swi;

/** Code list of kenmerk 32, Leerroute - niveau. */
public enum LeerrouteNiveau implements NumericCode {
	B1(1, "B1"),
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

	/** The constant for a code, or null if the code is not in the list. */
	public static LeerrouteNiveau of(int value) {
		return NumericCode.of(LeerrouteNiveau.class, value);
	}
}
