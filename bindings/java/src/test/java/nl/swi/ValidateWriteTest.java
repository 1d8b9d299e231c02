package nl.swi;

import static nl.swi.DeliveryTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation reports copied into Diagnostics; writing to a directory, bytes and streams. */
class ValidateWriteTest {
	@Test
	void validDeliveryHasNoErrors() {
		try (Delivery d = Fixtures.valid(10)) {
			List<Diagnostic> all = d.validate();
			assertTrue(Diagnostic.errors(all).isEmpty(), all.toString());
			assertThrows(UnsupportedOperationException.class, () -> all.add(null));
		}
	}

	@Test
	void diagnosticsAreCopiedOut() {
		try (Delivery d = Fixtures.valid(2)) {
			d.addPerson("123456782"); /* k9-k11 missing */
			Person gezin = d.findPerson(Fixtures.bsn(0)); /* an asielmigrant */
			gezin.addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 8, 1));
			List<Diagnostic> list = d.validate();
			List<Diagnostic> errors = Diagnostic.errors(list);
			assertEquals(4, errors.size(), list.toString());

			Diagnostic talk = errors.get(0);
			assertEquals("SWI-020", talk.rule());
			assertEquals(Severity.ERROR, talk.severity());
			assertEquals(35, talk.kenmerk());
			assertEquals(Category.GESPREK, talk.category());
			assertEquals(0, talk.person());
			assertEquals(0, talk.record());
			assertEquals("*****" + Fixtures.bsn(0).substring(5), talk.bsn());
			assertEquals(0, talk.line());
			assertFalse(talk.message().isEmpty());

			Diagnostic missing = errors.get(1);
			assertEquals("SWI-001", missing.rule());
			assertEquals(9, missing.kenmerk());
			assertEquals(Category.PERSOON, missing.category());
			assertEquals(2, missing.person());
			assertEquals(-1, missing.record());
			assertEquals("*****6782", missing.bsn());
			assertTrue(missing.toString().startsWith("SWI-001 error k9 persoon 2 (*****6782): "), missing.toString());

			/* Full BSNs only when asked for. */
			List<Diagnostic> full = d.validate(null, ShowBsn.FULL);
			assertEquals("123456782", Diagnostic.errors(full).get(1).bsn());
			assertTrue(list.stream().noneMatch(x -> x.message().contains("123456782")));

			/* The file name is checked against the header. */
			Diagnostic name = d.validate("out/SWI_0153_0153_20262.XML", ShowBsn.MASKED).get(0);
			assertEquals("SWI-005", name.rule());
			assertEquals(-1, name.person());
			assertEquals("", name.bsn());
			assertTrue(d.validate(d.fileName(), ShowBsn.MASKED).stream().noneMatch(x -> x.rule().equals("SWI-005")));
		}
	}

	@Test
	void writeIntoADirectory(@TempDir Path dir) throws IOException {
		try (Delivery d = Fixtures.valid(5)) {
			Path file = d.write(dir);
			assertEquals(dir.resolve("SWI_0153_0153_20263.XML"), file);
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
			byte[] bytes = Files.readAllBytes(file);
			assertArrayEquals(d.toBytes(), bytes);
			String xml = new String(bytes, StandardCharsets.UTF_8);
			assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SWI>\n  <Levering>\n"), xml);
			assertTrue(xml.contains("<Burgerservicenummer>" + Fixtures.bsn(4) + "</Burgerservicenummer>"));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			d.writeTo(out);
			assertArrayEquals(bytes, out.toByteArray());
			/* Once more: replaced atomically. */
			d.findPerson(Fixtures.bsn(4)).remove();
			assertEquals(file, d.write(dir));
			assertTrue(Files.size(file) < bytes.length);
		}
	}

	@Test
	void validateAndWriteInOnePass(@TempDir Path dir) throws IOException {
		try (Delivery d = Fixtures.valid(4)) {
			d.findPerson(Fixtures.bsn(1)).setAnalfabetisme(Analfabetisme.ANALFABEET); /* SWI-030: an error */
			ValidationException e = assertThrows(ValidationException.class, () -> d.validateAndWrite(dir));
			assertEquals(Status.EINVALID, e.getStatus());
			assertEquals("SWI-030", Diagnostic.errors(e.getDiagnostics()).get(0).rule());
			assertTrue(e.getMessage().contains("SWI-030"), e.getMessage());
			try (var files = Files.list(dir)) {
				assertEquals(0, files.count(), "nothing may be written");
			}
			WriteResult forced = d.validateAndWrite(dir, WriteOption.FORCE);
			assertEquals(1, Diagnostic.errors(forced.diagnostics()).size());
			assertTrue(Files.exists(forced.path()));

			d.findPerson(Fixtures.bsn(1)).setAlfabetiseringscursus(NeeJa.JA);
			d.findPerson(Fixtures.bsn(2)).setAlfabetiseringscursus(NeeJa.JA); /* SWI-031: a warning */
			WriteResult w = d.validateAndWrite(dir);
			assertEquals(dir.resolve("SWI_0153_0153_20263.XML"), w.path());
			assertEquals(List.of("SWI-031"), w.diagnostics().stream().map(Diagnostic::rule).collect(java.util.stream.Collectors.toList()));
			assertArrayEquals(d.toBytes(), Files.readAllBytes(w.path()));
			/* An incomplete delivery is an error too (SWI-001), never forced through silently. */
			d.addPerson("123456782");
			assertThrows(ValidationException.class, () -> d.validateAndWrite(dir));
		}
	}

	@Test
	void zipped(@TempDir Path dir) throws IOException {
		try (Delivery d = Fixtures.valid(5)) {
			byte[] zip;
			try {
				zip = d.toBytes(WriteOption.ZIP);
			} catch (SwiException e) {
				assertEquals(Status.EUNSUPPORTED, e.getStatus());
				return; /* built without zip (zlib) */
			}
			assertEquals('P', zip[0]);
			assertEquals('K', zip[1]);
			Path file = d.write(dir, WriteOption.ZIP);
			assertEquals(dir.resolve("SWI_0153_0153_20263.zip"), file);
			assertArrayEquals(zip, Files.readAllBytes(file));
			/* Streamed: java.util.zip.ZipInputStream reads the local header and the
			 * data descriptor (it refused libarchive's streamed Zip64 entry). */
			try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
				ZipEntry e = in.getNextEntry();
				assertEquals("SWI_0153_0153_20263.XML", e.getName());
				assertArrayEquals(d.toBytes(), in.readAllBytes());
				assertEquals(null, in.getNextEntry());
			}
			/* Through the central directory. */
			try (ZipFile z = new ZipFile(file.toFile())) {
				List<? extends ZipEntry> entries = z.stream().collect(java.util.stream.Collectors.toList());
				assertEquals(1, entries.size());
				assertEquals("SWI_0153_0153_20263.XML", entries.get(0).getName());
				try (var in = z.getInputStream(entries.get(0))) {
					assertArrayEquals(d.toBytes(), in.readAllBytes());
				}
			}
			/* libswi reads its own zip back. */
			try (ReadResult r = Swi.read(file)) {
				assertArrayEquals(d.toBytes(), r.delivery().toBytes());
			}
		}
	}

	@Test
	void writersRefuseErrors(@TempDir Path dir) throws IOException {
		try (Delivery d = Fixtures.valid(2)) {
			d.findPerson(Fixtures.bsn(0)).addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 8, 1));
			SwiException e = refused(Status.EINVALID, d::toBytes);
			assertTrue(e.getMessage().contains("SWI-020"), e.getMessage());
			refused(Status.EINVALID, () -> d.write(dir));
			try (var files = Files.list(dir)) {
				assertEquals(0, files.count(), "nothing may be left behind");
			}
			assertTrue(new String(d.toBytes(WriteOption.FORCE), StandardCharsets.UTF_8).contains("<Voortgangsgesprek>"));
			assertTrue(Files.exists(d.write(dir, WriteOption.FORCE)));

			/* A required kenmerk missing: EINCOMPLETE, unless forced. */
			d.addPerson("123456782");
			refused(Status.EINCOMPLETE, d::toBytes);
			assertTrue(new String(d.toBytes(WriteOption.FORCE), StandardCharsets.UTF_8).contains("123456782"));
			refused(Status.EIO, () -> d.write(dir.resolve("does-not-exist")));
			refused(Status.EINVAL, () -> d.write(null));
		}
	}
}
