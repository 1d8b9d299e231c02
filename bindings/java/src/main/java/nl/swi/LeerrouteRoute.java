package nl.swi;

/** Code list of kenmerk 31, Leerroute - route. */
public enum LeerrouteRoute implements NumericCode {
	B1_ROUTE(1, "B1-route"),
	ONDERWIJSROUTE(2, "Onderwijsroute"),
	Z_ROUTE(3, "Z-route");

	private final int value;
	private final String meaning;

	LeerrouteRoute(int value, String meaning) {
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
	public static LeerrouteRoute of(int value) {
		return NumericCode.of(LeerrouteRoute.class, value);
	}
}
