package nl.swi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The Java enums and typed accessors agree with libswi's kenmerken table. */
class KenmerkTest {
	@Test
	void enumMatchesTheTable() {
		assertEquals(38, Kenmerk.values().length);
		for (Kenmerk k : Kenmerk.values()) {
			assertEquals(k.ordinal() + 1, k.number());
			assertNotNull(k.element(), k.name());
			assertNotNull(k.label(), k.name());
			assertNotNull(k.category(), k.name());
			assertNotNull(k.type(), k.name());
			assertTrue(k.width() > 0, k.name());
			assertEquals(k, Kenmerk.byElement(k.element()));
			assertEquals(k, Kenmerk.of(k.number()));
			/* The constant's name is the element's, in upper snake case. */
			assertEquals(k.name().replace("_", ""), k.element().toUpperCase(), "name of " + k.element());
		}
		assertEquals("Geboortedatum", Kenmerk.GEBOORTEDATUM.element());
		assertEquals(Category.PIP, Kenmerk.LEERROUTE_ROUTE.category());
		assertEquals(ValueType.CODE4, Kenmerk.GEMEENTECODE.type());
		assertTrue(Kenmerk.BOETE_BEDRAG.required());
		assertTrue(!Kenmerk.ONTZORGEN_BEGINDATUM.required());
		assertNull(Kenmerk.byElement("Bestaatniet"));
		assertNull(Kenmerk.byElement(null));
		assertThrows(SwiException.class, () -> Kenmerk.of(39));
		assertEquals(List.of(Kenmerk.BOETE_DATUM, Kenmerk.BOETE_REDEN, Kenmerk.BOETE_BEDRAG),
			Kenmerk.of(Category.BOETE));
	}

	static final Map<Class<? extends CodeValue>, int[]> CODE_ENUMS = new LinkedHashMap<>();
	static {
		CODE_ENUMS.put(Softwarepakket.class, new int[] {4});
		CODE_ENUMS.put(Geslacht.class, new int[] {10});
		CODE_ENUMS.put(TypeMigrant.class, new int[] {11});
		CODE_ENUMS.put(NeeJa.class, new int[] {18, 23});
		CODE_ENUMS.put(Analfabetisme.class, new int[] {19});
		CODE_ENUMS.put(Taalniveau.class, new int[] {24, 25, 26, 27});
		CODE_ENUMS.put(EindeBegeleidingReden.class, new int[] {28});
		CODE_ENUMS.put(LeerrouteRoute.class, new int[] {31});
		CODE_ENUMS.put(LeerrouteNiveau.class, new int[] {32});
		CODE_ENUMS.put(BoeteReden.class, new int[] {37});
	}

	@Test
	void codeEnumsMatchTheCodeLists() {
		Set<Integer> covered = new HashSet<>();
		for (Map.Entry<Class<? extends CodeValue>, int[]> e : CODE_ENUMS.entrySet()) {
			List<Kenmerk.Code> fromEnum = new ArrayList<>();
			for (CodeValue c : e.getKey().getEnumConstants())
				fromEnum.add(new Kenmerk.Code(c.code(), c.meaning()));
			for (int k : e.getValue()) {
				assertEquals(Kenmerk.of(k).codes(), fromEnum, e.getKey().getSimpleName() + " vs kenmerk " + k);
				covered.add(k);
			}
		}
		/* Every code list has an enum, except kwartaal (an int) and statistiekcode (always 40). */
		for (Kenmerk k : Kenmerk.values()) {
			if (k.codes().isEmpty() || k.number() == 2 || k.number() == 3)
				continue;
			assertTrue(covered.contains(k.number()), "no enum for the code list of " + k);
		}
		assertEquals(List.of(new Kenmerk.Code("40", "Statistiek Wet Inburgering")), Kenmerk.STATISTIEKCODE.codes());
		assertTrue(Kenmerk.GEBOORTEDATUM.codes().isEmpty());
		assertEquals(Taalniveau.ONBEKEND, Taalniveau.of(9));
		assertNull(Taalniveau.of(4));
		assertEquals(Softwarepakket.AND, Softwarepakket.of("and"));
	}

	/** The class that holds the typed accessors of a category. */
	static Class<?> holder(Category c) {
		switch (c) {
		case LEVERING:
			return Delivery.class;
		case PERSOON:
			return Person.class;
		case PIP:
			return Pip.class;
		case GESPREK:
			return Gesprek.class;
		default:
			return Boete.class;
		}
	}

	static Method find(Class<?> type, String name) {
		for (Method m : type.getMethods())
			if (m.getName().equalsIgnoreCase(name))
				return m;
		return null;
	}

	@Test
	void everyKenmerkHasATypedGetterAndSetter() {
		for (Kenmerk k : Kenmerk.values()) {
			String element = k == Kenmerk.BURGERSERVICENUMMER ? "Bsn" : k.element();
			Class<?> type = holder(k.category());
			Method getter = find(type, "get" + element);
			assertNotNull(getter, type.getSimpleName() + " has no getter for " + k);
			Class<?> expected;
			switch (k.type()) {
			case DATE:
				expected = LocalDate.class;
				break;
			case TEXT:
			case BSN:
			case TEXT_CODE:
				expected = String.class;
				break;
			case CODE:
				expected = k.number() <= 3 ? Integer.class : null;
				break;
			default:
				expected = Integer.class;
			}
			if (expected != null)
				assertEquals(expected, getter.getReturnType(), "getter of " + k);
			else if (!NumericCode.class.isAssignableFrom(getter.getReturnType()) || !getter.getReturnType().isEnum())
				fail("getter of code list " + k + " returns " + getter.getReturnType());
			if (k == Kenmerk.STATISTIEKCODE)
				continue; /* fixed at 40 */
			Method setter = find(type, "set" + element);
			assertNotNull(setter, type.getSimpleName() + " has no setter for " + k);
			if (k != Kenmerk.NAAM_SOFTWAREPAKKET)
				assertEquals(getter.getReturnType(), setter.getParameterTypes()[0], "setter of " + k);
		}
	}
}
