package nl.swi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The JNA mapping covers exactly the exported symbols of lib/libswi.map. */
class NativeCompletenessTest {
	static Set<String> exportedSymbols() throws IOException {
		String map = Files.readString(Fixtures.sourceRoot().resolve("lib/libswi.map"));
		Set<String> symbols = new TreeSet<>();
		boolean global = false;
		for (String line : map.split("\n")) {
			String t = line.replaceAll("/\\*.*?\\*/", "").trim();
			if (t.equals("global:"))
				global = true;
			else if (t.equals("local:") || t.startsWith("}"))
				global = false;
			else if (global) {
				Matcher m = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*;$").matcher(t);
				if (m.matches())
					symbols.add(m.group(1));
			}
		}
		return symbols;
	}

	static Set<String> mappedFunctions() {
		Set<String> names = new TreeSet<>();
		for (Method m : SwiNative.class.getDeclaredMethods())
			if (Modifier.isNative(m.getModifiers()))
				names.add(m.getName());
		return names;
	}

	@Test
	void everyExportedSymbolHasAMethod() throws IOException {
		Set<String> exported = exportedSymbols();
		assertTrue(exported.size() > 80, "parsed only " + exported.size() + " symbols from libswi.map");
		Set<String> missing = new TreeSet<>(exported);
		missing.removeAll(mappedFunctions());
		assertTrue(missing.isEmpty(), "symbols of lib/libswi.map without a method in SwiNative: " + missing);
	}

	@Test
	void everyMethodIsAnExportedSymbol() throws IOException {
		Set<String> extra = new TreeSet<>(mappedFunctions());
		extra.removeAll(exportedSymbols());
		assertTrue(extra.isEmpty(), "methods of SwiNative that libswi does not export: " + extra);
	}

	@Test
	void versionMatchesTheMesonProject() throws IOException {
		String meson = Files.readString(Fixtures.sourceRoot().resolve("meson.build"));
		Matcher m = Pattern.compile("version\\s*:\\s*'([0-9.]+)'").matcher(meson);
		assertTrue(m.find());
		assertEquals(m.group(1), Swi.version());
	}

	@Test
	void statusCodesMatchStrerror() {
		for (Status s : Status.values()) {
			if (s == Status.UNKNOWN)
				continue;
			assertEquals(s, Status.of(s.code()));
			assertTrue(!s.description().equals("unknown status code"), s + " unknown to libswi");
		}
		assertEquals("unknown status code", Swi.strerror(-1000));
		assertEquals(Status.UNKNOWN, Status.of(-1000));
	}
}
