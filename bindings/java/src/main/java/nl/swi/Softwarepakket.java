package nl.swi;

/**
 * Code list {@code Softwarepakket} of kenmerk 4 (Naam softwarepakket).
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum Softwarepakket implements CodeValue {
	/** sam: CiVision Samenlevingszaken (PinkRoccade). */
	SAM("sam", "CiVision Samenlevingszaken (PinkRoccade)"),
	/** cys: Competensys. */
	CYS("cys", "Competensys"),
	/** zna: CVS Wet Inburgering ZorgNed Automatisering (ZorgNed). */
	ZNA("zna", "CVS Wet Inburgering ZorgNed Automatisering (ZorgNed)"),
	/** inf: Inforing. */
	INF("inf", "Inforing"),
	/** mct: Mens Centraal. */
	MCT("mct", "Mens Centraal"),
	/** mob: Metaobjects. */
	MOB("mob", "Metaobjects"),
	/** moz: Mozard. */
	MOZ("moz", "Mozard"),
	/** rmw: RMW RAAK. */
	RMW("rmw", "RMW RAAK"),
	/** ssd: Suites voor het Sociaal Domein (Centric). */
	SSD("ssd", "Suites voor het Sociaal Domein (Centric)"),
	/** wiz: WIZportaal (Solviteers). */
	WIZ("wiz", "WIZportaal (Solviteers)"),
	/** xws: X-Works (Blinqt). */
	XWS("xws", "X-Works (Blinqt)"),
	/** yar: Yara. */
	YAR("yar", "Yara"),
	/** and: Ander pakket. */
	AND("and", "Ander pakket");

	private final String code;
	private final String meaning;

	Softwarepakket(String code, String meaning) {
		this.code = code;
		this.meaning = meaning;
	}

	@Override
	public String code() {
		return code;
	}

	@Override
	public String meaning() {
		return meaning;
	}

	/**
	 * The constant for a code ("and"), or null if the code is not in the list.
	 *
	 * @param code the code as in the file
	 * @return the constant, or {@code null}
	 */
	public static Softwarepakket of(String code) {
		for (Softwarepakket s : values())
			if (s.code.equals(code))
				return s;
		return null;
	}
}
