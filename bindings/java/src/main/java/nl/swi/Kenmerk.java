package nl.swi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The 38 kenmerken of Table 1 of the guideline ({@code swi_kenmerk}), with
 * read access to libswi's kenmerken table (kenmerk.h): element name, label,
 * category, value type, width, whether the schema requires it, and the code
 * list. The numbers are permanent.
 * <p>
 * Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
 */
public enum Kenmerk {
	/** Kenmerk 1: Statistiekjaar. */
	STATISTIEKJAAR(1),
	/** Kenmerk 2: Statistiekkwartaal. */
	STATISTIEKKWARTAAL(2),
	/** Kenmerk 3: Statistiekcode. */
	STATISTIEKCODE(3),
	/** Kenmerk 4: Naam softwarepakket. */
	NAAM_SOFTWAREPAKKET(4),
	/** Kenmerk 5: Release/versienummer softwarepakket. */
	VERSIE_SOFTWAREPAKKET(5),
	/** Kenmerk 6: Berichtgevercode. */
	BERICHTGEVERCODE(6),
	/** Kenmerk 7: Gemeentecode. */
	GEMEENTECODE(7),
	/** Kenmerk 8: Burgerservicenummer. */
	BURGERSERVICENUMMER(8),
	/** Kenmerk 9: Geboortedatum. */
	GEBOORTEDATUM(9),
	/** Kenmerk 10: Geslacht. */
	GESLACHT(10),
	/** Kenmerk 11: Type migrant. */
	TYPE_MIGRANT(11),
	/** Kenmerk 12: Maatschappelijke begeleiding - begindatum. */
	MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM(12),
	/** Kenmerk 13: Ontzorgen - begindatum. */
	ONTZORGEN_BEGINDATUM(13),
	/** Kenmerk 14: Ontzorgen - einddatum. */
	ONTZORGEN_EINDDATUM(14),
	/** Kenmerk 15: Brede intake - begindatum. */
	BREDE_INTAKE_BEGINDATUM(15),
	/** Kenmerk 16: Brede intake - gevolgde uren taalles en KNM. */
	BREDE_INTAKE_UREN_TAAL_KNM(16),
	/** Kenmerk 17: Waarschuwing niet verschijnen bij intake - datum. */
	WAARSCHUWING_INTAKE_DATUM(17),
	/** Kenmerk 18: Alfabetiseringscursus. */
	ALFABETISERINGSCURSUS(18),
	/** Kenmerk 19: Analfabetisme. */
	ANALFABETISME(19),
	/** Kenmerk 20: PVT - ondertekeningsdatum. */
	PVT_ONDERTEKENINGSDATUM(20),
	/** Kenmerk 21: MAP - datum eerste activiteit. */
	MAP_DATUM_EERSTE_ACTIVITEIT(21),
	/** Kenmerk 22: MAP - datum eindgesprek. */
	MAP_DATUM_EINDGESPREK(22),
	/** Kenmerk 23: Z-route - inschatting taalniveau. */
	ZROUTE_INSCHATTING_TAALNIVEAU(23),
	/** Kenmerk 24: Z-route - lezen. */
	ZROUTE_LEZEN(24),
	/** Kenmerk 25: Z-route - schrijven. */
	ZROUTE_SCHRIJVEN(25),
	/** Kenmerk 26: Z-route - spreken. */
	ZROUTE_SPREKEN(26),
	/** Kenmerk 27: Z-route - luisteren. */
	ZROUTE_LUISTEREN(27),
	/** Kenmerk 28: Einde begeleiding gemeente - reden. */
	EINDE_BEGELEIDING_REDEN(28),
	/** Kenmerk 29: Einde begeleiding gemeente - datum. */
	EINDE_BEGELEIDING_DATUM(29),
	/** Kenmerk 30: PIP - datum. */
	PIP_DATUM(30),
	/** Kenmerk 31: Leerroute - route. */
	LEERROUTE_ROUTE(31),
	/** Kenmerk 32: Leerroute - niveau. */
	LEERROUTE_NIVEAU(32),
	/** Kenmerk 33: Leerroute - begindatum. */
	LEERROUTE_BEGINDATUM(33),
	/** Kenmerk 34: Leerroute - einddatum. */
	LEERROUTE_EINDDATUM(34),
	/** Kenmerk 35: Voortgangsgesprek - datum. */
	VOORTGANGSGESPREK_DATUM(35),
	/** Kenmerk 36: Boete - datum. */
	BOETE_DATUM(36),
	/** Kenmerk 37: Boete - reden. */
	BOETE_REDEN(37),
	/** Kenmerk 38: Boete - hoogte bedrag. */
	BOETE_BEDRAG(38);

	/** The highest kenmerk number. */
	private static final int LAST = 38;

	/** A code-list entry: the code as written in the file and its Dutch meaning. */
	public record Code(String code, String meaning) implements CodeValue {
	}

	private final int number;
	private volatile List<Code> codes;

	Kenmerk(int number) {
		this.number = number;
	}

	/**
	 * The kenmerk number (1 up to the last kenmerk of Table 1).
	 *
	 * @return the number
	 */
	public int number() {
		return number;
	}

	/**
	 * The XML element name, e.g. "Geboortedatum".
	 *
	 * @return the element name
	 */
	public String element() {
		return SwiNative.swi_kenmerk_element(number);
	}

	/**
	 * The Dutch name from Table 1.
	 *
	 * @return the label
	 */
	public String label() {
		return SwiNative.swi_kenmerk_label(number);
	}

	/**
	 * The record kind the kenmerk belongs to.
	 *
	 * @return the category
	 */
	public Category category() {
		return Category.of(SwiNative.swi_kenmerk_category(number));
	}

	/**
	 * The value type (decides what the setters accept).
	 *
	 * @return the value type
	 */
	public ValueType type() {
		return ValueType.of(SwiNative.swi_kenmerk_type(number));
	}

	/**
	 * The number of positions in Table 2 (maximum text length).
	 *
	 * @return the width
	 */
	public int width() {
		return SwiNative.swi_kenmerk_width(number);
	}

	/**
	 * Whether the XML schema requires the kenmerk in every record of its category.
	 *
	 * @return whether it is required
	 */
	public boolean required() {
		return SwiNative.swi_kenmerk_required(number) == 1;
	}

	/**
	 * The code list (empty for a kenmerk without one), as libswi's table has it.
	 *
	 * @return the codes
	 */
	public List<Code> codes() {
		List<Code> c = codes;
		if (c == null) {
			int n = SwiException.check(null, SwiNative.swi_kenmerk_code_count(number));
			List<Code> list = new ArrayList<>(n);
			long[] code = new long[1], meaning = new long[1];
			for (int i = 0; i < n; i++) {
				SwiException.check(null, SwiNative.swi_kenmerk_code_at(number, i, code, meaning));
				list.add(new Code(Buffers.string(code), Buffers.string(meaning)));
			}
			codes = c = Collections.unmodifiableList(list);
		}
		return c;
	}

	/**
	 * The kenmerk with that number.
	 *
	 * @param number the kenmerk number
	 * @return the kenmerk
	 * @throws SwiException {@link Status#EKENMERK} for another number
	 */
	public static Kenmerk of(int number) {
		if (number < 1 || number > LAST)
			throw new SwiException(Status.EKENMERK.code(), "kenmerk " + SwiException.shown(number)
				+ " bestaat niet (1 t/m " + LAST + ")");
		return values()[number - 1];
	}

	/**
	 * The kenmerk with that XML element name (exact), or null.
	 *
	 * @param element the element name
	 * @return the kenmerk, or {@code null}
	 */
	public static Kenmerk byElement(String element) {
		int k = SwiNative.swi_kenmerk_by_element(SwiNative.cstr(element));
		return k > 0 ? of(k) : null;
	}

	/**
	 * The kenmerken of one category, in schema order.
	 *
	 * @param category the category
	 * @return the kenmerken
	 */
	public static List<Kenmerk> of(Category category) {
		List<Kenmerk> list = new ArrayList<>();
		for (Kenmerk k : values())
			if (k.category() == category)
				list.add(k);
		return list;
	}
}
