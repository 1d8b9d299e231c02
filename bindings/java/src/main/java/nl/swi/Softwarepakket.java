package nl.swi;

/** Code list of kenmerk 4, Naam softwarepakket (a text code list). */
public enum Softwarepakket implements CodeValue {
	SAM("sam", "CiVision Samenlevingszaken (PinkRoccade)"),
	CYS("cys", "Competensys"),
	ZNA("zna", "CVS Wet Inburgering ZorgNed Automatisering (ZorgNed)"),
	INF("inf", "Inforing"),
	MCT("mct", "Mens Centraal"),
	MOB("mob", "Metaobjects"),
	MOZ("moz", "Mozard"),
	RMW("rmw", "RMW RAAK"),
	SSD("ssd", "Suites voor het Sociaal Domein (Centric)"),
	WIZ("wiz", "WIZportaal (Solviteers)"),
	XWS("xws", "X-Works (Blinqt)"),
	YAR("yar", "Yara"),
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

	/** The constant for a code ("and"), or null if the code is not in the list. */
	public static Softwarepakket of(String code) {
		for (Softwarepakket s : values())
			if (s.code.equals(code))
				return s;
		return null;
	}
}
