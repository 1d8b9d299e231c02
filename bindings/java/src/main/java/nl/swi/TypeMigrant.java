package nl.swi;

/** Code list of kenmerk 11, Type migrant. */
public enum TypeMigrant implements NumericCode {
	ASIELMIGRANT(1, "Asielmigrant"),
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

	/** The constant for a code, or null if the code is not in the list. */
	public static TypeMigrant of(int value) {
		return NumericCode.of(TypeMigrant.class, value);
	}
}
