package nl.swi;

/** The record kinds of the guideline ({@code swi_category}, Table 1 "Categorie"). */
public enum Category {
	LEVERING(1, "Levering"),
	PERSOON(2, "Persoon"),
	PIP(3, "PIP"),
	GESPREK(4, "Voortgangsgesprek"),
	BOETE(5, "Boete");

	private final int value;
	private final String element;

	Category(int value, String element) {
		this.value = value;
		this.element = element;
	}

	/** The permanent C value. */
	public int value() {
		return value;
	}

	/** The XML element of a record of this kind. */
	public String element() {
		return element;
	}

	/** The category for a C value, or null for 0 or an unknown value. */
	public static Category of(int value) {
		return value >= 1 && value <= 5 ? values()[value - 1] : null;
	}
}
