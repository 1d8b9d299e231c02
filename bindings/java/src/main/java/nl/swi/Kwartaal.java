package nl.swi;

/**
 * Code list {@code Kwartaal} of kenmerk 2 (Statistiekkwartaal).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum Kwartaal implements NumericCode {
	/** 1: kwartaal 1 (januari, februari, maart). */
	KWARTAAL_1(1, "kwartaal 1 (januari, februari, maart)"),
	/** 2: kwartaal 2 (april, mei, juni). */
	KWARTAAL_2(2, "kwartaal 2 (april, mei, juni)"),
	/** 3: kwartaal 3 (juli, augustus, september). */
	KWARTAAL_3(3, "kwartaal 3 (juli, augustus, september)"),
	/** 4: kwartaal 4 (oktober, november, december). */
	KWARTAAL_4(4, "kwartaal 4 (oktober, november, december)");

	private final int value;
	private final String meaning;

	Kwartaal(int value, String meaning) {
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
	public static Kwartaal of(int value) {
		return NumericCode.of(Kwartaal.class, value);
	}
}
