package nl.swi;

import static nl.swi.DeliveryTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refusal names its kenmerk on every path (as the Python binding's
 * ValueRefused.kenmerk_number), and its message is libswi's, not retyped.
 */
class RefusalTest {
	private static final String BAD_11_TEST = "123456789";

	@Test
	void refusedBsnNamesKenmerk8OnEveryPath() {
		try (Delivery d = Fixtures.delivery()) {
			/* single calls */
			assertEquals(8, refused(Status.EBSN, () -> d.addPerson(BAD_11_TEST)).getKenmerk());
			assertEquals(8, refused(Status.EFORMAT, () -> d.addPerson("12ab")).getKenmerk());
			Person p = d.addPerson(Fixtures.bsn(0));
			assertEquals(8, refused(Status.EDUPLICATE, () -> d.addPerson(Fixtures.bsn(0))).getKenmerk());
			assertEquals(8, refused(Status.EFORMAT, () -> d.findPerson("12ab")).getKenmerk());
			assertEquals(8, refused(Status.EBSN, () -> d.findPerson(BAD_11_TEST)).getKenmerk());
			assertEquals(8, refused(Status.EBSN, () -> p.setBsn(BAD_11_TEST)).getKenmerk());
			assertEquals(8, refused(Status.EREQUIRED, () -> p.setBsn(null)).getKenmerk());
			assertEquals(8, refused(Status.EREQUIRED, () -> p.unset(8)).getKenmerk());

			/* add_person with values in one call: the BSN, or the refused value */
			int[] k = {9, 10, 11};
			assertEquals(8, refused(Status.EBSN, () -> d.addPerson(BAD_11_TEST, k, new int[] {19900107, 2, 1}))
				.getKenmerk());
			assertEquals(8, refused(Status.EDUPLICATE, () -> d.addPerson(Fixtures.bsn(0), k,
				new int[] {19900107, 2, 1})).getKenmerk());
			assertEquals(10, refused(Status.ECODE, () -> d.addPerson(BAD_11_TEST, k, new int[] {19900107, 7, 1}))
				.getKenmerk());

			/* the batch: when it is added, and a BSN text it refuses at once */
			Batch eleven = new Batch().person(Fixtures.bsn(1)).person(BAD_11_TEST);
			BatchException e = (BatchException) refused(Status.EBSN, () -> d.addAll(eleven));
			assertEquals(8, e.getKenmerk());
			assertEquals(1, e.getIndex());
			Batch duplicate = new Batch().person(Fixtures.bsn(0));
			assertEquals(8, refused(Status.EDUPLICATE, () -> d.addAll(duplicate)).getKenmerk());
			Batch negative = new Batch().person(-1);
			assertEquals(8, refused(Status.EBSN, () -> d.addAll(negative)).getKenmerk());
			assertEquals(8, refused(Status.EFORMAT, () -> new Batch().person("12ab")).getKenmerk());
		}
	}

	@Test
	void singleSettersNameTheirKenmerk() {
		try (Delivery d = Fixtures.delivery()) {
			Person p = d.addPerson(Fixtures.bsn(0));
			Record pip = p.addPip();
			/* libswi names no kenmerk for a date it cannot make: the setter's kenmerk */
			assertEquals(9, refused(Status.EDATE, () -> p.setGeboortedatum(LocalDate.of(999, 1, 7))).getKenmerk());
			assertEquals(30, refused(Status.EDATE, () -> pip.setDate(30, LocalDate.of(10000, 1, 1))).getKenmerk());
			assertEquals(2, refused(Status.ECODE, () -> d.setStatistiekkwartaal(5)).getKenmerk());
			assertEquals(16, refused(Status.ERANGE, () -> p.setInt(16, 10000)).getKenmerk());
			assertEquals(10, refused(Status.ECODE, () -> p.setInts(new int[] {9, 10}, new int[] {19900107, 7}))
				.getKenmerk());
			assertEquals(10, refused(Status.ECODE, () -> p.setInts(new int[] {10}, new int[] {7})).getKenmerk());
			/* a kenmerk that does not exist is not named */
			assertEquals(0, refused(Status.EKENMERK, () -> p.setInt(99, 1)).getKenmerk());
			assertEquals(0, refused(Status.EKENMERK, () -> new Batch().person(Fixtures.bsn(2)).set(99, 1))
				.getKenmerk());
		}
	}

	@Test
	void messagesAreLibswis() {
		try (Delivery d = Fixtures.delivery()) {
			/* A null BSN: libswi's refusal, the same from the batch */
			SwiException nul = refused(Status.EINVAL, () -> d.addPerson((String) null));
			assertTrue(nul.getMessage().contains("burgerservicenummer"), nul.getMessage());
			assertEquals(nul.getMessage(), refused(Status.EINVAL, () -> new Batch().person((String) null))
				.getMessage());
			assertEquals(nul.getMessage(), refused(Status.EINVAL,
				() -> d.addPerson(null, new int[0], new int[0])).getMessage());
			/* An unknown kenmerk in a batch: libswi's message for it */
			SwiException unknown = refused(Status.EKENMERK, () -> d.setInt(39, 1));
			assertEquals(unknown.getMessage(), refused(Status.EKENMERK,
				() -> new Batch().person(Fixtures.bsn(1)).set(39, 1)).getMessage());
			/* setBsn(null): libswi's refusal to unset k8 */
			Person p = d.addPerson(Fixtures.bsn(0));
			assertEquals(refused(Status.EREQUIRED, () -> p.unset(8)).getMessage(),
				refused(Status.EREQUIRED, () -> p.setBsn(null)).getMessage());
		}
	}

	@Test
	void validateAndWriteRefusesAsWrite(@TempDir Path dir) throws Exception {
		try (Delivery d = Fixtures.valid(2)) {
			d.findPerson(Fixtures.bsn(1)).setAnalfabetisme(Analfabetisme.ANALFABEET); /* SWI-030 */
			SwiException write = refused(Status.EINVALID, d::toBytes);
			ValidationException e = (ValidationException) refused(Status.EINVALID, () -> d.validateAndWrite(dir));
			assertEquals(write.getMessage(), e.getMessage());
			assertFalse(e.getDiagnostics().isEmpty());
		}
		try (Delivery d = Fixtures.delivery()) {
			d.addPerson(Fixtures.bsn(0)); /* no geboortedatum, geslacht, type migrant */
			SwiException write = refused(Status.EINCOMPLETE, d::toBytes);
			SwiException e = refused(Status.EINCOMPLETE, () -> d.validateAndWrite(dir));
			assertEquals(write.getMessage(), e.getMessage());
			try (var files = Files.list(dir)) {
				assertEquals(0, files.count(), "nothing may be written");
			}
		}
	}
}
