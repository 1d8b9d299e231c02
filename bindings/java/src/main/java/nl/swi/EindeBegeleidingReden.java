package nl.swi;

/**
 * Code list {@code EindeBegeleidingReden} of kenmerk 28 (Einde begeleiding gemeente - reden).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum EindeBegeleidingReden implements NumericCode {
	/** 1: Verhuizing binnen Nederland naar andere gemeente. */
	VERHUIZING(1, "Verhuizing binnen Nederland naar andere gemeente"),
	/** 2: Niet meer inburgeringsplichtig. */
	NIET_MEER_INBURGERINGSPLICHTIG(2, "Niet meer inburgeringsplichtig");

	private final int value;
	private final String meaning;

	EindeBegeleidingReden(int value, String meaning) {
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
	public static EindeBegeleidingReden of(int value) {
		return NumericCode.of(EindeBegeleidingReden.class, value);
	}
}
