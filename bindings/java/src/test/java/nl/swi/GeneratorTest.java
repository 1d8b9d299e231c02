package nl.swi;

import static nl.swi.DeliveryTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generator: synthetic, rule-valid deliveries (doc/fixtures.md). */
class GeneratorTest {
	private static long fnv1a(byte[] data) {
		long h = 0xcbf29ce484222325L;
		for (byte b : data)
			h = (h ^ (b & 0xff)) * 0x100000001b3L;
		return h;
	}

	@Test
	void everyQuarterOf2026IsValid() {
		for (int quarter = 1; quarter <= 4; quarter++)
			for (long seed = 1; seed <= 2; seed++)
				for (boolean clean : new boolean[] {false, true})
					try (Delivery d = new Generator().persons(200).seed(seed).year(2026).quarter(quarter)
							.clean(clean).generate()) {
						assertEquals(200, d.size());
						List<Diagnostic> all = d.validate();
						assertTrue(Diagnostic.errors(all).isEmpty(), all.toString());
						if (clean)
							assertTrue(all.isEmpty(), all.toString());
					}
	}

	@Test
	void everyKenmerkIsUsed() {
		try (Delivery d = new Generator().persons(500).seed(42).year(2026).quarter(2).generate()) {
			String xml = new String(d.toBytes(), StandardCharsets.UTF_8);
			for (Kenmerk k : Kenmerk.values())
				assertTrue(xml.contains("<" + k.element() + ">"), k.toString());
		}
	}

	@Test
	void sameSeedSameBytes() {
		Generator g = new Generator().persons(300).seed(42).year(2026).quarter(3);
		try (Delivery a = g.generate(); Delivery b = g.generate();
				Delivery c = g.seed(43).generate()) {
			byte[] x = a.toBytes();
			assertArrayEquals(x, b.toBytes());
			assertFalse(Arrays.equals(x, c.toBytes()));
			// The digest tests/test-generate.c pins: the same bytes as C and Python.
			assertEquals(0x296f0c11c9664002L, fnv1a(x));
		}
	}

	@Test
	void optionsDoWhatTheySay(@TempDir Path dir) {
		try (Delivery d = new Generator().persons(100).seed(5).asielPercent(0).pips(false).fines(false)
				.generate()) {
			boolean talks = false;
			for (Person p : d.persons()) {
				assertEquals(TypeMigrant.GEZINSMIGRANT, p.getTypeMigrant());
				assertFalse(p.pips().iterator().hasNext());
				assertFalse(p.boetes().iterator().hasNext());
				talks |= p.gesprekken().iterator().hasNext();
			}
			assertTrue(talks);
		}
		try (Delivery d = new Generator().persons(100).seed(5).zroutePercent(100).moversPercent(0)
				.generate()) {
			for (Person p : d.persons()) {
				for (Pip pip : p.pips())
					assertEquals(LeerrouteRoute.Z_ROUTE, pip.getLeerrouteRoute());
				assertFalse(p.getEindeBegeleidingReden() == EindeBegeleidingReden.VERHUIZING);
			}
		}
		try (Delivery d = new Generator().persons(10).year(2027).quarter(4).gemeente(363).berichtgever(9001)
				.full(true).generate()) {
			Path path = d.write(dir);
			assertEquals("SWI_9001_0363_20274.XML", path.getFileName().toString());
			assertTrue(Files.exists(path));
		}
	}

	@Test
	void addTo() {
		try (Delivery d = new Generator().persons(20).quarter(2).generate()) {
			assertSame(d, new Generator().persons(30).seed(9).addTo(d));
			assertEquals(50, d.size());
			assertTrue(Diagnostic.errors(d.validate()).isEmpty());
		}
		try (Delivery empty = new Delivery()) {
			refused(Status.EINCOMPLETE, () -> new Generator().addTo(empty));
			assertEquals(0, empty.size());
		}
	}

	@Test
	void refusedWithAClearMessage() {
		assertTrue(refused(Status.EYEAR, () -> new Generator().year(2021).generate()).getMessage()
			.contains("2021"));
		assertTrue(refused(Status.ERANGE, () -> new Generator().quarter(5).generate()).getMessage()
			.contains("kwartaal"));
		assertTrue(refused(Status.ECODE, () -> new Generator().gemeente(9999).generate()).getMessage()
			.contains("9999"));
		refused(Status.ERANGE, () -> new Generator().persons(-1).generate());
		refused(Status.ERANGE, () -> new Generator().asielPercent(101).generate());
		Delivery closed = new Delivery(2026, 1, Softwarepakket.AND, "x", 153, 153);
		closed.close();
		refused(Status.EINVAL, () -> new Generator().addTo(closed));
	}
}
