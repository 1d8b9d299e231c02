package nl.swi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The XSD and the rule catalogue. */
class SchemaRulesTest {
	@Test
	void schemaIsTheShippedXsd() throws IOException {
		assertEquals(Fixtures.read(Fixtures.sourceRoot().resolve("lib/data/swi.xsd")), Swi.schemaXsd());
	}

	@Test
	void ruleCatalogue() throws IOException {
		List<Rule> rules = Swi.rules();
		assertTrue(rules.size() >= 40, rules.size() + " rules");
		Set<String> ids = new HashSet<>();
		for (Rule r : rules) {
			assertTrue(r.id().matches("SWI-\\d{3}"), r.id());
			assertTrue(ids.add(r.id()), "duplicate " + r.id());
			assertNotNull(r.severity(), r.id());
			assertNotNull(r.kenmerken(), r.id());
			assertNotNull(r.section(), r.id());
			assertTrue(!r.description().isEmpty(), r.id());
		}
		/* The same catalogue as doc/rules.md. */
		String doc = Fixtures.read(Fixtures.sourceRoot().resolve("doc/rules.md"));
		for (Rule r : rules)
			assertTrue(doc.contains("| " + r.id() + " | " + (r.severity() == Severity.ERROR ? "fout" : "waarschuwing")),
				r.id() + " not in doc/rules.md");
		Rule first = rules.get(0);
		assertEquals("SWI-001", first.id());
		assertEquals(Severity.ERROR, first.severity());
	}
}
