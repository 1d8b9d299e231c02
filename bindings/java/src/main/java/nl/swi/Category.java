package nl.swi;

/** The record kinds of the guideline ({@code swi_category}, Table 1 "Categorie"). */
public enum Category {
	/** 1: Levering. */
	LEVERING(1, "Levering"),
	/** 2: Persoon. */
	PERSOON(2, "Persoon"),
	/** 3: PIP. */
	PIP(3, "PIP"),
	/** 4: Voortgangsgesprek. */
	GESPREK(4, "Voortgangsgesprek"),
	/** 5: Boete. */
	BOETE(5, "Boete");

	private final int value;
	private final String element;

	Category(int value, String element) {
		this.value = value;
		this.element = element;
	}

	/**
	 * The permanent C value.
	 *
	 * @return the value
	 */
	public int value() {
		return value;
	}

	/**
	 * The XML element of a record of this kind.
	 *
	 * @return the element name
	 */
	public String element() {
		return element;
	}

	/**
	 * The category for a C value, or null for 0 or an unknown value.
	 *
	 * @param value the C value
	 * @return the category, or {@code null}
	 */
	public static Category of(int value) {
		return value >= 1 && value <= 5 ? values()[value - 1] : null;
	}
}
