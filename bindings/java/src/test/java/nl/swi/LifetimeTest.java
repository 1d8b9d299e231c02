package nl.swi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** Lifetime: close, the Cleaner, children keeping their delivery alive, removed handles, threads. */
class LifetimeTest {
	/** An swi_alloc_fn that counts the live bytes of a delivery, so tests can see it freed. */
	static final class CountingAllocator implements SwiNative.AllocFn {
		final AtomicLong live = new AtomicLong();
		final AtomicLong calls = new AtomicLong();

		@Override
		public Pointer invoke(Pointer userdata, Pointer ptr, long size) {
			calls.incrementAndGet();
			long oldSize = 0, oldBase = 0;
			if (ptr != null) {
				oldBase = Pointer.nativeValue(ptr) - 16;
				oldSize = new Pointer(oldBase).getLong(0);
			}
			if (size == 0) {
				if (ptr != null) {
					live.addAndGet(-oldSize);
					Native.free(oldBase);
				}
				return null;
			}
			long base = Native.malloc(size + 16);
			if (base == 0)
				return null;
			Pointer block = new Pointer(base);
			block.setLong(0, size);
			if (ptr != null) {
				long n = Math.min(oldSize, size);
				block.share(16).write(0, ptr.getByteArray(0, (int) n), 0, (int) n);
				live.addAndGet(-oldSize);
				Native.free(oldBase);
			}
			live.addAndGet(size);
			return block.share(16);
		}
	}

	/** Runs the GC until the live bytes reach {@code until}, at most {@code rounds} times. */
	static void collect(CountingAllocator a, long until, int rounds) throws InterruptedException {
		for (int i = 0; i < rounds && a.live.get() != until; i++) {
			System.gc();
			byte[][] garbage = new byte[64][];
			for (int j = 0; j < garbage.length; j++)
				garbage[j] = new byte[64 * 1024];
			Thread.sleep(10);
		}
	}

	static SwiException closed(Executable call) {
		SwiException e = assertThrows(SwiException.class, call);
		assertEquals(Status.EINVAL, e.getStatus());
		return e;
	}

	static StaleHandleException removed(Executable call) {
		StaleHandleException e = assertThrows(StaleHandleException.class, call);
		assertEquals(Status.EREMOVED, e.getStatus());
		assertEquals(-22, e.getCode());
		return e;
	}

	@Test
	void useAfterCloseThrows(@TempDir Path dir) {
		Delivery d = Fixtures.valid(3);
		Delivery other = Fixtures.valid(1);
		Person p = d.findPerson(Fixtures.bsn(0));
		Pip pip = p.addPip().setPipDatum(LocalDate.of(2026, 7, 10));
		Iterator<Person> it = d.persons().iterator();
		Iterator<Pip> pips = p.pips().iterator();
		d.close();
		d.close(); /* idempotent */
		assertTrue(d.isClosed());
		SwiException e = closed(p::getGeslacht);
		assertTrue(e.getMessage().contains("closed"), e.getMessage());
		closed(() -> p.setGeslacht(Geslacht.MAN));
		closed(() -> p.setInts(new int[] {10}, new int[] {1}));
		closed(() -> p.getText(9));
		closed(() -> p.has(9));
		closed(p::addPip);
		closed(p::remove);
		closed(() -> p.recordCount(Category.PIP));
		closed(() -> p.pips().iterator());
		closed(pip::getPipDatum);
		closed(() -> pip.setLeerrouteRoute(LeerrouteRoute.B1_ROUTE));
		closed(pip::remove);
		closed(it::hasNext);
		closed(it::next);
		closed(pips::hasNext);
		closed(() -> d.addPerson("123456782"));
		closed(() -> d.findPerson("123456782"));
		closed(d::size);
		closed(d::validate);
		closed(d::toBytes);
		closed(d::mirror);
		closed(d::fileName);
		closed(() -> d.write(dir));
		closed(() -> d.persons().iterator());
		closed(d::getStatistiekjaar);
		closed(() -> d.setReferenceDate(null));
		closed(() -> d.compare(other));
		closed(() -> other.compare(d));
		assertFalse(p.isRemoved());
		assertEquals("Delivery[closed]", d.toString());
		assertEquals("Person[delivery closed]", p.toString());
		other.close();
	}

	@Test
	void closeFreesEverythingOnce() throws InterruptedException {
		CountingAllocator a = new CountingAllocator();
		Delivery d = Delivery.withAllocator(a);
		d.setStatistiekjaar(2026).setStatistiekkwartaal(3);
		for (int i = 0; i < 100; i++)
			d.addPerson(Fixtures.bsn(i)).addGesprek();
		assertTrue(a.live.get() > 0);
		d.close();
		assertEquals(0, a.live.get());
		long calls = a.calls.get();
		d = null;
		collect(a, -1, 15); /* give the Cleaner every chance to free a second time */
		assertEquals(0, a.live.get());
		assertEquals(calls, a.calls.get(), "the allocator was called after close()");
	}

	static void dropDelivery(CountingAllocator a) {
		Delivery d = Delivery.withAllocator(a);
		for (int i = 0; i < 50; i++)
			d.addPerson(Fixtures.bsn(i));
		d.validate();
	}

	@Test
	void cleanerFreesAnUnreachableDelivery() throws InterruptedException {
		CountingAllocator a = new CountingAllocator();
		dropDelivery(a);
		assertTrue(a.live.get() > 0);
		collect(a, 0, 300);
		assertEquals(0, a.live.get(), "the Cleaner did not free the unreachable delivery");
	}

	static Person personOfDroppedDelivery(CountingAllocator a) {
		Delivery d = a == null ? Fixtures.delivery() : Delivery.withAllocator(a);
		if (a != null) {
			d.setStatistiekjaar(2026).setStatistiekkwartaal(3).setNaamSoftwarepakket("and")
				.setVersieSoftwarepakket("1").setBerichtgevercode(153).setGemeentecode(153)
				.setReferenceDate(Fixtures.TODAY);
		}
		for (int i = 1; i < 20; i++)
			Fixtures.minimal(d, Fixtures.bsn(i), TypeMigrant.ASIELMIGRANT);
		return Fixtures.minimal(d, Fixtures.bsn(0), TypeMigrant.GEZINSMIGRANT);
	}

	@Test
	void aChildKeepsItsDeliveryAlive() throws InterruptedException {
		CountingAllocator a = new CountingAllocator();
		Person p = personOfDroppedDelivery(a);
		long live = a.live.get();
		collect(a, 0, 15);
		assertEquals(live, a.live.get(), "the delivery was freed while a person was in use");
		for (int round = 0; round < 5; round++) {
			p.setGeslacht(round % 2 == 0 ? Geslacht.MAN : Geslacht.VROUW);
			Gesprek g = p.addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 7, 1 + round));
			collect(a, 0, 5);
			assertEquals(LocalDate.of(2026, 7, 1 + round), g.getVoortgangsgesprekDatum());
			assertEquals(20, p.delivery().size());
			assertTrue(Diagnostic.errors(p.delivery().validate()).isEmpty());
			assertTrue(p.delivery().toBytes().length > 1000);
		}
		/* A record alone keeps person and delivery alive too. */
		Gesprek g = p.gesprekken().iterator().next();
		p = null;
		collect(a, 0, 15);
		assertTrue(a.live.get() > 0);
		assertEquals(LocalDate.of(2026, 7, 1), g.getVoortgangsgesprekDatum());
		assertEquals(5, g.person().recordCount(Category.GESPREK));
		/* Once nothing refers to it any more, the Cleaner frees it. */
		g = null;
		collect(a, 0, 300);
		assertEquals(0, a.live.get());
	}

	@Test
	void aChildKeepsAPlainDeliveryAlive() throws InterruptedException {
		Person p = personOfDroppedDelivery(null);
		for (int i = 0; i < 20; i++) {
			System.gc();
			byte[][] garbage = new byte[32][];
			for (int j = 0; j < garbage.length; j++)
				garbage[j] = new byte[256 * 1024];
			Thread.sleep(5);
			p.setBredeIntakeUrenTaalKnm(i);
			assertEquals(i, p.getBredeIntakeUrenTaalKnm());
		}
		assertEquals(20, p.delivery().size());
		assertTrue(Diagnostic.errors(p.delivery().validate()).isEmpty());
	}

	@Test
	void removedPersonsAndRecordsThrow() {
		try (Delivery d = Fixtures.valid(3)) {
			Person p = d.findPerson(Fixtures.bsn(1));
			Pip pip = p.addPip().setPipDatum(LocalDate.of(2026, 7, 10));
			Gesprek g = p.addGesprek();
			Person same = null;
			for (Person x : d.persons())
				if (x.getBsn().equals(Fixtures.bsn(1)))
					same = x;
			assertEquals(p, same, "equal objects for one person");
			Pip pip2 = p.pips().iterator().next();
			assertEquals(pip, pip2, "equal objects for one record");

			same.remove(); /* through another object: every object of the person is removed */
			assertTrue(p.isRemoved());
			assertTrue(same.isRemoved());
			assertTrue(pip.isRemoved());
			assertTrue(pip2.isRemoved());
			removed(pip2::getPipDatum);
			SwiException e = removed(p::getGeslacht);
			assertTrue(e.getMessage().contains("removed"), e.getMessage());
			removed(p::remove);
			removed(pip::getPipDatum);
			removed(g::remove);
			assertNull(d.findPerson(Fixtures.bsn(1)));
			assertEquals(2, d.size());
			assertEquals("Person[removed]", p.toString());

			/* New persons and records may reuse the memory: the old objects still throw. */
			Person q = Fixtures.minimal(d, Fixtures.bsn(1), TypeMigrant.GEZINSMIGRANT);
			assertNotEquals(p, q);
			List<Gesprek> fresh = new ArrayList<>();
			for (int i = 0; i < 4; i++)
				fresh.add(q.addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 8, 1 + i)));
			removed(g::getVoortgangsgesprekDatum);
			removed(p::getBsn);
			assertEquals(Fixtures.bsn(1), q.getBsn());

			Gesprek first = fresh.get(0);
			first.remove();
			Gesprek again = q.addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 9, 1));
			assertNotEquals(first, again);
			removed(first::getVoortgangsgesprekDatum);
			assertEquals(LocalDate.of(2026, 9, 1), again.getVoortgangsgesprekDatum());
			assertEquals(4, q.recordCount(Category.GESPREK));
		}
	}

	/*
	 * Past the binding's own bookkeeping, with a raw native handle as another
	 * FFI caller would keep it: libswi itself answers SWI_EREMOVED, which
	 * becomes a StaleHandleException, and nobody else's fine changes.
	 */
	@Test
	void libswiRefusesARemovedHandle() {
		try (Delivery d = Fixtures.valid(2)) {
			Person a = d.findPerson(Fixtures.bsn(0));
			Person b = d.findPerson(Fixtures.bsn(1));
			Boete old = a.addBoete().setBoeteBedrag(100);
			Pointer oldH, aH, dH;
			synchronized (d.lock) {
				oldH = old.live();
				aH = a.live();
				dH = d.live();
			}
			old.remove();
			Boete fine = b.addBoete().setBoeteBedrag(200);
			synchronized (d.lock) {
				StaleHandleException e = removed(
					() -> SwiException.check(dH, SwiNative.swi_record_set_int(oldH, 38, 999)));
				assertTrue(e.getMessage().contains("verwijderd"), e.getMessage());
				removed(() -> SwiException.check(dH, SwiNative.swi_record_remove(oldH)));
			}
			assertEquals(200, fine.getBoeteBedrag());
			a.remove();
			synchronized (d.lock) {
				removed(() -> SwiException.check(dH, SwiNative.swi_person_set_int(aH, 8, 111222333)));
				removed(() -> SwiException.check(dH,
					SwiNative.swi_person_add_record(new long[1], aH, Category.BOETE.value())));
			}
			assertNull(d.findPerson("111222333"));
			d.addPerson("111222333"); /* the BSN index was not touched */
			assertEquals(2, d.size());
		}
	}

	@Test
	void iteratorsRemoveAndFailFast() {
		try (Delivery d = Fixtures.valid(10)) {
			Iterator<Person> it = d.persons().iterator();
			int i = 0;
			while (it.hasNext()) {
				Person p = it.next();
				if (i++ % 2 == 0) {
					it.remove();
					assertTrue(p.isRemoved());
				}
			}
			assertEquals(5, d.size());
			it.remove(); /* the last one */
			assertEquals(4, d.size());
			assertThrows(IllegalStateException.class, it::remove);

			Iterator<Person> stale = d.persons().iterator();
			stale.next();
			d.findPerson(Fixtures.bsn(5)).remove();
			assertThrows(ConcurrentModificationException.class, stale::hasNext);

			Person p = d.findPerson(Fixtures.bsn(3));
			p.setTypeMigrant(TypeMigrant.GEZINSMIGRANT);
			for (int day = 1; day <= 3; day++)
				p.addGesprek().setVoortgangsgesprekDatum(LocalDate.of(2026, 7, day));
			Iterator<Gesprek> gi = p.gesprekken().iterator();
			gi.next();
			gi.remove();
			assertEquals(LocalDate.of(2026, 7, 2), gi.next().getVoortgangsgesprekDatum());
			assertEquals(2, p.recordCount(Category.GESPREK));
		}
	}

	@Test
	void threads() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			/* Different deliveries in parallel. */
			List<Future<Integer>> sizes = new ArrayList<>();
			for (int t = 0; t < 4; t++)
				sizes.add(pool.submit(() -> {
					try (Delivery d = Fixtures.valid(300)) {
						assertTrue(Diagnostic.errors(d.validate()).isEmpty());
						return d.toBytes().length;
					}
				}));
			for (Future<Integer> f : sizes)
				assertEquals(sizes.get(0).get(), f.get());
			/* One delivery from several threads: calls are serialised. */
			try (Delivery d = Fixtures.delivery()) {
				List<Future<?>> done = new ArrayList<>();
				for (int t = 0; t < 4; t++) {
					int base = t * 250;
					done.add(pool.submit(() -> {
						for (int i = base; i < base + 250; i++) {
							Fixtures.minimal(d, Fixtures.bsn(i), TypeMigrant.ASIELMIGRANT);
							d.validate();
						}
					}));
				}
				for (Future<?> f : done)
					f.get();
				assertEquals(1000, d.size());
				assertTrue(d.validate().isEmpty());
			}
		} finally {
			pool.shutdown();
		}
	}
}
