package nl.swi;

/**
 * Code list {@code LeerrouteRoute} of kenmerk 31 (Leerroute - route).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum LeerrouteRoute implements NumericCode {
	/** 1: B1-route. */
	B1_ROUTE(1, "B1-route"),
	/** 2: Onderwijsroute. */
	ONDERWIJSROUTE(2, "Onderwijsroute"),
	/** 3: Z-route. */
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

	/**
	 * The constant for a code, or null if the code is not in the list.
	 *
	 * @param value the code
	 * @return the constant, or {@code null}
	 */
	public static LeerrouteRoute of(int value) {
		return NumericCode.of(LeerrouteRoute.class, value);
	}
}
