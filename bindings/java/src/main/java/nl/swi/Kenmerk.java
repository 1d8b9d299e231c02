package nl.swi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The 38 kenmerken of Table 1 of the guideline ({@code swi_kenmerk}), with
 * read access to libswi's kenmerken table (kenmerk.h): element name, label,
 * category, value type, width, whether the schema requires it, and the code
 * list. The numbers are permanent.
 */
public enum Kenmerk {
	STATISTIEKJAAR(1),
	STATISTIEKKWARTAAL(2),
	STATISTIEKCODE(3),
	NAAM_SOFTWAREPAKKET(4),
	VERSIE_SOFTWAREPAKKET(5),
	BERICHTGEVERCODE(6),
	GEMEENTECODE(7),
	BURGERSERVICENUMMER(8),
	GEBOORTEDATUM(9),
	GESLACHT(10),
	TYPE_MIGRANT(11),
	MAATSCHAPPELIJKE_BEGELEIDING_BEGINDATUM(12),
	ONTZORGEN_BEGINDATUM(13),
	ONTZORGEN_EINDDATUM(14),
	BREDE_INTAKE_BEGINDATUM(15),
	BREDE_INTAKE_UREN_TAAL_KNM(16),
	WAARSCHUWING_INTAKE_DATUM(17),
	ALFABETISERINGSCURSUS(18),
	ANALFABETISME(19),
	PVT_ONDERTEKENINGSDATUM(20),
	MAP_DATUM_EERSTE_ACTIVITEIT(21),
	MAP_DATUM_EINDGESPREK(22),
	ZROUTE_INSCHATTING_TAALNIVEAU(23),
	ZROUTE_LEZEN(24),
	ZROUTE_SCHRIJVEN(25),
	ZROUTE_SPREKEN(26),
	ZROUTE_LUISTEREN(27),
	EINDE_BEGELEIDING_REDEN(28),
	EINDE_BEGELEIDING_DATUM(29),
	PIP_DATUM(30),
	LEERROUTE_ROUTE(31),
	LEERROUTE_NIVEAU(32),
	LEERROUTE_BEGINDATUM(33),
	LEERROUTE_EINDDATUM(34),
	VOORTGANGSGESPREK_DATUM(35),
	BOETE_DATUM(36),
	BOETE_REDEN(37),
	BOETE_BEDRAG(38);

	/** A code-list entry: the code as written in the file and its Dutch meaning. */
	public record Code(String code, String meaning) implements CodeValue {
	}

	private final int number;
	private volatile List<Code> codes;

	Kenmerk(int number) {
		this.number = number;
	}

	/** The kenmerk number (1..38). */
	public int number() {
		return number;
	}

	/** The XML element name, e.g. "Geboortedatum". */
	public String element() {
		return SwiNative.swi_kenmerk_element(number);
	}

	/** The Dutch name from Table 1. */
	public String label() {
		return SwiNative.swi_kenmerk_label(number);
	}

	/** The record kind the kenmerk belongs to. */
	public Category category() {
		return Category.of(SwiNative.swi_kenmerk_category(number));
	}

	/** The value type (decides what the setters accept). */
	public ValueType type() {
		return ValueType.of(SwiNative.swi_kenmerk_type(number));
	}

	/** The number of positions in Table 2 (maximum text length). */
	public int width() {
		return SwiNative.swi_kenmerk_width(number);
	}

	/** Whether the XML schema requires the kenmerk in every record of its category. */
	public boolean required() {
		return SwiNative.swi_kenmerk_required(number) == 1;
	}

	/** The code list (empty for a kenmerk without one), as libswi's table has it. */
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

	/** The kenmerk with that number. */
	public static Kenmerk of(int number) {
		if (number < 1 || number > 38)
			throw new SwiException(Status.EKENMERK.code(), "kenmerk " + number + " bestaat niet (1 t/m 38)");
		return values()[number - 1];
	}

	/** The kenmerk with that XML element name (exact), or null. */
	public static Kenmerk byElement(String element) {
		int k = SwiNative.swi_kenmerk_by_element(SwiNative.cstr(element));
		return k > 0 ? of(k) : null;
	}

	/** The kenmerken of one category, in schema order. */
	public static List<Kenmerk> of(Category category) {
		List<Kenmerk> list = new ArrayList<>();
		for (Kenmerk k : values())
			if (k.category() == category)
				list.add(k);
		return list;
	}
}
