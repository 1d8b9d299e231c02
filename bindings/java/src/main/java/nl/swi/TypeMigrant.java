package nl.swi;

/**
 * Code list {@code TypeMigrant} of kenmerk 11 (Type migrant).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum TypeMigrant implements NumericCode {
	/** 1: Asielmigrant. */
	ASIELMIGRANT(1, "Asielmigrant"),
	/** 2: Gezinsmigrant/overige migrant. */
	GEZINSMIGRANT(2, "Gezinsmigrant/overige migrant");

	private final int value;
	private final String meaning;

	TypeMigrant(int value, String meaning) {
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
	public static TypeMigrant of(int value) {
		return NumericCode.of(TypeMigrant.class, value);
	}
}
