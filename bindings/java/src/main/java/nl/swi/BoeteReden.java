package nl.swi;

/**
 * Code list {@code BoeteReden} of kenmerk 37 (Boete - reden).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum BoeteReden implements NumericCode {
	/** 1: Artikel 22, lid 1 of lid 3 Wet inburgering. */
	ARTIKEL_22(1, "Artikel 22, lid 1 of lid 3 Wet inburgering"),
	/** 2: Artikel 23, lid 1 Wet inburgering. */
	ARTIKEL_23(2, "Artikel 23, lid 1 Wet inburgering");

	private final int value;
	private final String meaning;

	BoeteReden(int value, String meaning) {
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
	public static BoeteReden of(int value) {
		return NumericCode.of(BoeteReden.class, value);
	}
}
