package nl.swi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
	void requiredVersionIsTheNewestMapNode() throws IOException {
		/* The binding maps every symbol, so it needs the release of the newest
		 * node of lib/libswi.map (LIBSWI_0.2 -> 0.2.0), the project's MAJOR.MINOR. */
		String map = Files.readString(Fixtures.sourceRoot().resolve("lib/libswi.map"));
		Matcher node = Pattern.compile("(?m)^LIBSWI_(\\d+)\\.(\\d+)(?:\\.(\\d+))?\\s*\\{").matcher(map);
		int[] newest = {0, 0, 0};
		while (node.find()) {
			int[] v = {Integer.parseInt(node.group(1)), Integer.parseInt(node.group(2)),
				node.group(3) == null ? 0 : Integer.parseInt(node.group(3))};
			if (java.util.Arrays.compare(v, newest) > 0)
				newest = v;
		}
		assertArrayEquals(newest, SwiNative.REQUIRED_VERSION);
		String meson = Files.readString(Fixtures.sourceRoot().resolve("meson.build"));
		Matcher m = Pattern.compile("version\\s*:\\s*'([0-9]+)\\.([0-9]+)\\.").matcher(meson);
		assertTrue(m.find());
		assertEquals(Integer.parseInt(m.group(1)), SwiNative.REQUIRED_VERSION[0]);
		assertEquals(Integer.parseInt(m.group(2)), SwiNative.REQUIRED_VERSION[1]);
	}

	@Test
	void versionParsing() {
		assertArrayEquals(new int[] {0, 2, 0}, SwiNative.parseVersion("0.2.0"));
		assertArrayEquals(new int[] {1, 10, 3}, SwiNative.parseVersion("1.10.3-rc1"));
		assertArrayEquals(new int[0], SwiNative.parseVersion("bogus"));
		assertArrayEquals(new int[0], SwiNative.parseVersion(null));
		assertTrue(!SwiNative.isRecentEnough(SwiNative.parseVersion("0.1.9")));
		assertTrue(!SwiNative.isRecentEnough(SwiNative.parseVersion("0.2")));
		assertTrue(SwiNative.isRecentEnough(SwiNative.parseVersion(Swi.version())));
		assertTrue(SwiNative.isRecentEnough(SwiNative.parseVersion("1.0.0")));
		assertEquals("0.2.0", SwiNative.versionText(new int[] {0, 2, 0}));
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
