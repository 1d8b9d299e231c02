package nl.swi;

import com.sun.jna.Pointer;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One SWI delivery (one file: one berichtgever, one gemeente, one quarter):
 * the header kenmerken k1-k7 and its persons, each with PIPs,
 * voortgangsgesprekken and boetes.
 *
 * <p>Lifetime: the native delivery is freed exactly once, by {@link #close()}
 * or, as a safety net, by a {@link Cleaner} when the delivery has become
 * unreachable. Every {@link Person} and {@link Record} holds a strong
 * reference to its delivery, so the delivery cannot be collected while a
 * child is still in use. After {@code close()} every call on the delivery,
 * its persons, records and iterators throws {@link SwiException} (code
 * {@link Status#EINVAL}); a call on a removed person or record, through any
 * Java object that refers to it, throws {@link StaleHandleException}
 * ({@link Status#EREMOVED}). The binding keeps a generation per removed
 * address, and libswi itself never reuses the memory of a removed person or
 * record, so a stale object can never reach a new one.
 *
 * <p>Threads: all calls on a delivery and its children are serialised on
 * the delivery's lock, as libswi requires; different deliveries run in
 * parallel.
 *
 * <p>Fast path: {@link #addPerson(String, int[], int[])} and
 * {@link Person#addRecord(Category, int[], int[])} add a person or record with
 * all its kenmerken in ONE native call each (all or nothing);
 * {@link Person#setInts} and {@link Record#setInts} set many at once later;
 * {@link #addAll(Batch)} adds a whole {@link Batch} of persons and records in
 * ONE call.
 */
public final class Delivery extends KenmerkHolder implements AutoCloseable {
	private static final Cleaner CLEANER = Cleaner.create();
	private static final AtomicLong SEQUENCE = new AtomicLong();
	/** Burgerservicenummer: the kenmerk a refused BSN is about. */
	private static final int BSN = 8;

	/** Frees the native delivery once; holds no reference to the Delivery. */
	private static final class State implements Runnable {
		private Pointer handle;
		@SuppressWarnings("unused")
		private final Object keepAlive; /* e.g. an allocator callback */

		State(Pointer handle, Object keepAlive) {
			this.handle = handle;
			this.keepAlive = keepAlive;
		}

		@Override
		public synchronized void run() {
			Pointer h = handle;
			handle = null;
			if (h != null)
				SwiNative.swi_delivery_free(h);
		}
	}

	final Object lock = new Object();
	private final long sequence = SEQUENCE.incrementAndGet();
	private final Cleaner.Cleanable cleanable;
	private Pointer handle;

	/** Removals of persons or records; iterators fail fast on one they did not make. */
	int removals;
	/** Whether anything was ever removed (the generations below are looked at only then). */
	boolean anyRemoved;
	/* Generation of every address from which a person or record was removed; a
	 * wrapper holds the generation of its address at its making. Empty (and
	 * never looked at) until the first removal, so the fast path pays nothing. */
	private final HashMap<Long, Integer> personGenerations = new HashMap<>();
	private final HashMap<Long, Integer> recordGenerations = new HashMap<>();

	/* Scratch space for calls made under the lock. */
	final long[] out = new long[1];
	final int[] intOut = new int[1];
	final byte[] textBuf = new byte[32];

	/** An empty delivery: no header values except k3 (Statistiekcode 40), no persons. */
	public Delivery() {
		this(create(), null);
	}

	/**
	 * A delivery with a complete header.
	 *
	 * @param year         statistiekjaar (k1), e.g. 2026
	 * @param quarter      statistiekkwartaal (k2), 1-4
	 * @param software     naam softwarepakket (k4), a code such as "and"
	 * @param version      release/versienummer softwarepakket (k5)
	 * @param berichtgever berichtgevercode (k6), e.g. 153 for 0153
	 * @param gemeente     gemeentecode (k7)
	 */
	public Delivery(int year, int quarter, String software, String version, int berichtgever, int gemeente) {
		this();
		try {
			setStatistiekjaar(year);
			setStatistiekkwartaal(quarter);
			setNaamSoftwarepakket(software);
			setVersieSoftwarepakket(version);
			setBerichtgevercode(berichtgever);
			setGemeentecode(gemeente);
		} catch (RuntimeException e) {
			close();
			throw e;
		}
	}

	/**
	 * A new delivery with the header kenmerken k1, k2, k4, k5, k6 and k7 set (k3 is always 40).
	 *
	 * @param year k1 Statistiekjaar
	 * @param quarter k2 Statistiekkwartaal (1-4)
	 * @param software k4 Naam softwarepakket
	 * @param version k5 Release/versienummer softwarepakket
	 * @param berichtgever k6 Berichtgevercode (153 for "0153")
	 * @param gemeente k7 Gemeentecode
	 * @throws SwiException when libswi refuses a value
	 */
	public Delivery(int year, int quarter, Softwarepakket software, String version, int berichtgever, int gemeente) {
		this(year, quarter, software == null ? null : software.code(), version, berichtgever, gemeente);
	}

	/** Takes ownership of a NEW native delivery. */
	Delivery(Pointer handle, Object keepAlive) {
		this.handle = handle;
		this.cleanable = CLEANER.register(this, new State(handle, keepAlive));
	}

	private static Pointer create() {
		long[] out = new long[1];
		SwiException.check(null, SwiNative.swi_delivery_new(out));
		return SwiNative.ptr(out);
	}

	/** A delivery whose allocations go through {@code alloc} (tests). */
	static Delivery withAllocator(SwiNative.AllocFn alloc) {
		long[] out = new long[1];
		SwiException.check(null, SwiNative.swi_delivery_new_with_allocator(out, alloc, null));
		return new Delivery(SwiNative.ptr(out), alloc);
	}

	/* ---- lifetime -------------------------------------------------- */

	/** Frees the native delivery. Idempotent. Every later use throws SwiException. */
	@Override
	public void close() {
		synchronized (lock) {
			if (handle == null)
				return;
			handle = null;
			personGenerations.clear();
			recordGenerations.clear();
			cleanable.clean();
		}
	}

	/**
	 * Whether {@link #close()} was called.
	 *
	 * @return whether it is closed
	 */
	public boolean isClosed() {
		synchronized (lock) {
			return handle == null;
		}
	}

	/** The native handle; throws when closed. Call under the lock. */
	Pointer checkOpen() {
		Pointer h = handle;
		if (h == null)
			throw SwiException.binding("the delivery is closed");
		return h;
	}

	/** Throws for a negative status with this delivery's last message. Call under the lock. */
	int check(int rc) {
		return rc >= 0 ? rc : fail(rc, 0);
	}

	/**
	 * As {@link #check(int)} for a call about kenmerk {@code about} (0: none),
	 * which the exception names when libswi names no kenmerk. Call under the lock.
	 */
	int check(int rc, int about) {
		return rc >= 0 ? rc : fail(rc, about);
	}

	/** Throws the exception for the negative status {@code rc}; see {@link #check(int, int)}. */
	int fail(int rc, int about) {
		throw SwiException.of(handle, rc, null, about);
	}

	/* ---- generations of removed addresses (under the lock) ----------- */

	int personGeneration(long address) {
		return anyRemoved ? personGenerations.getOrDefault(address, 0) : 0;
	}

	int recordGeneration(long address) {
		return anyRemoved ? recordGenerations.getOrDefault(address, 0) : 0;
	}

	void personRemoved(long address) {
		personGenerations.merge(address, 1, Integer::sum);
		anyRemoved = true;
		removals++;
	}

	void recordRemoved(long address) {
		recordGenerations.merge(address, 1, Integer::sum);
		anyRemoved = true;
		removals++;
	}

	@Override
	Delivery owner() {
		return this;
	}

	@Override
	Pointer live() {
		return checkOpen();
	}

	@Override
	int nSetInt(Pointer h, int k, int value) {
		return SwiNative.swi_delivery_set_int(h, k, value);
	}

	@Override
	int nSetDate(Pointer h, int k, int year, int month, int day) {
		/* The header has no dates; libswi names the refusal. */
		return SwiNative.swi_delivery_set_int(h, k, year * 10000 + month * 100 + day);
	}

	@Override
	int nSetText(Pointer h, int k, byte[] text) {
		return SwiNative.swi_delivery_set_text(h, k, text);
	}

	@Override
	int nGetInt(Pointer h, int k, int[] o) {
		return SwiNative.swi_delivery_get_int(h, k, o);
	}

	@Override
	int nGetText(Pointer h, int k, byte[] buf, long size) {
		return SwiNative.swi_delivery_get_text(h, k, buf, size);
	}

	@Override
	int nUnset(Pointer h, int k) {
		return SwiNative.swi_delivery_unset(h, k);
	}

	@Override
	int nHas(Pointer h, int k) {
		return SwiNative.swi_delivery_has(h, k);
	}

	/* ---- header k1-k7 ---------------------------------------------- */

	/**
	 * k1 Statistiekjaar.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Integer getStatistiekjaar() {
		return getInt(1);
	}

	/**
	 * Sets k1 Statistiekjaar; {@code null} removes the value.
	 *
	 * @param year the new value, or {@code null}
	 * @return this delivery, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Delivery setStatistiekjaar(Integer year) {
		setInt(1, year);
		return this;
	}

	/**
	 * k2 Statistiekkwartaal.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Integer getStatistiekkwartaal() {
		return getInt(2);
	}

	/**
	 * Sets k2 Statistiekkwartaal; {@code null} removes the value.
	 *
	 * @param quarter the new value, or {@code null}
	 * @return this delivery, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Delivery setStatistiekkwartaal(Integer quarter) {
		setInt(2, quarter);
		return this;
	}

	/**
	 * Always 40 (Statistiek Wet Inburgering).
	 *
	 * @return 40
	 */
	public Integer getStatistiekcode() {
		return getInt(3);
	}

	/**
	 * The software code as in the file ("and").
	 *
	 * @return the code, or {@code null} when it has none
	 */
	public String getNaamSoftwarepakket() {
		return getText(4);
	}

	/**
	 * Sets k4 Naam softwarepakket; {@code null} removes the value.
	 *
	 * @param code the new value, or {@code null}
	 * @return this delivery, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Delivery setNaamSoftwarepakket(String code) {
		set(4, code);
		return this;
	}

	/**
	 * k4 Naam softwarepakket as the enum.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Softwarepakket getSoftwarepakket() {
		String code = getText(4);
		return code == null ? null : Softwarepakket.of(code);
	}

	/**
	 * Sets k4 Naam softwarepakket; {@code null} removes the value.
	 *
	 * @param software the new value, or {@code null}
	 * @return this delivery, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Delivery setSoftwarepakket(Softwarepakket software) {
		set(4, software == null ? null : software.code());
		return this;
	}

	/**
	 * k5 Release/versienummer softwarepakket.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public String getVersieSoftwarepakket() {
		return getText(5);
	}

	/**
	 * Sets k5 Release/versienummer softwarepakket; {@code null} removes the value.
	 *
	 * @param version the new value, or {@code null}
	 * @return this delivery, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Delivery setVersieSoftwarepakket(String version) {
		set(5, version);
		return this;
	}

	/**
	 * Berichtgevercode as a number (153 for "0153"); see {@link #getText(int)} for the text.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Integer getBerichtgevercode() {
		return getInt(6);
	}

	/**
	 * Sets k6 Berichtgevercode; {@code null} removes the value.
	 *
	 * @param code the new value, or {@code null}
	 * @return this delivery, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Delivery setBerichtgevercode(Integer code) {
		setInt(6, code);
		return this;
	}

	/**
	 * k7 Gemeentecode.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Integer getGemeentecode() {
		return getInt(7);
	}

	/**
	 * Sets k7 Gemeentecode; {@code null} removes the value.
	 *
	 * @param code the new value, or {@code null}
	 * @return this delivery, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Delivery setGemeentecode(Integer code) {
		setInt(7, code);
		return this;
	}

	/**
	 * The guideline file name "SWI_[berichtgever]_[gemeente]_[jjjj][q].XML"
	 * (".zip" when {@code zipped}); EINCOMPLETE without k1, k2, k6 and k7.
	 *
	 * @param zipped whether the name is for the zipped file
	 * @return the file name
	 */
	public String fileName(boolean zipped) {
		byte[] buf = new byte[64];
		call(0, h -> SwiNative.swi_delivery_file_name(h, zipped ? 1 : 0, buf, buf.length));
		return Buffers.cString(buf);
	}

	/**
	 * The guideline file name of the XML file, as {@link #fileName(boolean)}.
	 *
	 * @return the file name
	 */
	public String fileName() {
		return fileName(false);
	}

	/* ---- persons --------------------------------------------------- */

	/**
	 * Adds a person with the given BSN (nine digits, or eight that get a
	 * leading zero) at the end. EBSN for a BSN failing the 11-test,
	 * EDUPLICATE for one already present.
	 *
	 * @param bsn the BSN
	 * @return the new person
	 */
	public Person addPerson(String bsn) {
		byte[] text = SwiNative.cstr(bsn); /* null: libswi refuses it (EINVAL) */
		return query(h -> {
			check(SwiNative.swi_delivery_add_person(out, h, text), BSN);
			return wrapPerson(out[0]);
		});
	}

	/**
	 * Adds a person with the given BSN and sets {@code kenmerken[i]} to
	 * {@code values[i]} for i &lt; n, as {@link Person#setInts} would, in ONE
	 * native call and all or nothing: when a value is refused, no person is
	 * added and the SwiException names the refused kenmerk
	 * ({@link SwiException#getKenmerk()}). The fast path for bulk loading.
	 *
	 * @param bsn the BSN
	 * @param n how many of the pairs to set
	 * @param kenmerken kenmerk numbers
	 * @param values their values
	 * @return the new person
	 */
	public Person addPerson(String bsn, int n, int[] kenmerken, int[] values) {
		if (n < 0 || n > kenmerken.length || n > values.length)
			throw new SwiException(Status.EINVAL.code(), "n = " + n + " outside the arrays");
		byte[] text = SwiNative.cstr(bsn); /* null: libswi refuses it (EINVAL) */
		/* A refused value names its kenmerk in libswi; a refused BSN names none there: k8. */
		return query(h -> {
			check(SwiNative.swi_delivery_add_person_ints(out, h, text, n, kenmerken, values), BSN);
			return wrapPerson(out[0]);
		});
	}

	/**
	 * {@link #addPerson(String, int, int[], int[])} for all of both arrays (of equal length).
	 *
	 * @param bsn the BSN
	 * @param kenmerken kenmerk numbers
	 * @param values their values
	 * @return the new person
	 */
	public Person addPerson(String bsn, int[] kenmerken, int[] values) {
		if (kenmerken.length != values.length)
			throw new SwiException(Status.EINVAL.code(), "kenmerken and values differ in length");
		return addPerson(bsn, kenmerken.length, kenmerken, values);
	}

	/**
	 * Adds the persons of {@code batch} with their records, in order, in ONE
	 * native call ({@code swi_delivery_add_batch}), and returns the number
	 * added: {@code batch.size()}. Each person with its records is all or
	 * nothing, as {@link #addPerson(String, int[], int[])} and
	 * {@link Person#addRecord(Category, int[], int[])}: on the first refusal the
	 * persons before it stay in the delivery, the refused person and those
	 * after it are not added, and a {@link BatchException} carries libswi's
	 * code, message and refused kenmerk ({@link SwiException#getKenmerk()}) and
	 * the refused person's index in the batch ({@link BatchException#getIndex()},
	 * also the number added). The batch is only read: it stays as it was.
	 * Use {@link #findPerson} for the {@link Person} objects.
	 *
	 * @param batch the persons to add
	 * @return the number of persons added
	 */
	public int addAll(Batch batch) {
		if (batch == null)
			throw new SwiException(Status.EINVAL.code(), "batch is null");
		/* Read once: a batch changed meanwhile by another thread must not make
		 * libswi read past the arrays it is given. */
		int[] entries = batch.entries, kenmerken = batch.kenmerken, values = batch.values;
		int nEntries = batch.nEntries, nPairs = batch.nPairs, persons = batch.persons;
		if (nEntries < 0 || nPairs < 0 || 2L * nEntries > entries.length || nPairs > kenmerken.length
		    || nPairs > values.length)
			throw new ConcurrentModificationException("the batch was changed while it was added");
		return query(h -> {
			int rc = SwiNative.swi_delivery_add_batch(h, nEntries, entries, nPairs, kenmerken, values, out);
			if (rc < 0)
				throw BatchException.of(h, rc, Batch.personsBefore(entries, (int) Math.min(out[0], nEntries)));
			return persons;
		});
	}

	/**
	 * The person with that BSN, or null if there is none. EFORMAT for a
	 * text that is not 8 or 9 digits, EBSN for one failing the 11-test.
	 *
	 * @param bsn the BSN
	 * @return the person, or {@code null}
	 */
	public Person findPerson(String bsn) {
		if (bsn == null)
			throw new SwiException(Status.EINVAL.code(), "BSN is null");
		byte[] text = SwiNative.cstr(bsn);
		return query(h -> {
			int rc = SwiNative.swi_delivery_find_person(out, h, text);
			if (rc == Status.ENOTFOUND.code())
				return null;
			check(rc, BSN);
			return wrapPerson(out[0]);
		});
	}

	/**
	 * Number of persons.
	 *
	 * @return the number of persons
	 */
	public int size() {
		return query(h -> (int) SwiNative.swi_delivery_person_count(h));
	}

	/**
	 * The persons in insertion order. The iterator supports remove().
	 *
	 * @return the persons
	 */
	public Iterable<Person> persons() {
		return () -> new Walk<>(this, SwiNative::swi_delivery_first_person, SwiNative::swi_person_next,
			this::wrapPerson, Person::remove);
	}

	/** A wrapper of a live person's address. Under the lock. */
	Person wrapPerson(long address) {
		return new Person(this, address, personGeneration(address));
	}

	/* ---- validation ------------------------------------------------ */

	/**
	 * Gives the delivery the CBS municipality list of its statistiekjaar from
	 * a CSV file, instead of the list libswi finds itself (doc/years.md): the
	 * year is taken from the name gemeenten-JJJJ.csv, else the delivery's year.
	 * Throws EDATAFILE (the message names the file and the line; nothing of the
	 * file is kept) or EIO.
	 *
	 * @param csv the CSV file
	 * @return this delivery
	 */
	public Delivery loadGemeenten(Path csv) {
		return loadGemeenten(csv, 0);
	}

	/**
	 * As {@link #loadGemeenten(Path)}, for statistiekjaar {@code year} (0: as there).
	 *
	 * @param csv the CSV file
	 * @param year the statistiekjaar, or 0 for the year as above
	 * @return this delivery
	 */
	public Delivery loadGemeenten(Path csv, int year) {
		if (csv == null)
			throw new SwiException(Status.EINVAL.code(), "csv is null");
		byte[] path = SwiNative.cstr(csv.toString());
		call(0, h -> SwiNative.swi_delivery_load_gemeenten(h, year, path));
		return this;
	}

	/**
	 * Sets "today" for the rule that no date lies in the future; null means
	 * the system clock (the default).
	 *
	 * @param today the reference date, or {@code null} for the system clock
	 * @return this delivery
	 */
	public Delivery setReferenceDate(LocalDate today) {
		int v = today == null ? 0 : today.getYear() * 10000 + today.getMonthValue() * 100 + today.getDayOfMonth();
		call(0, h -> SwiNative.swi_delivery_set_reference_date(h, v));
		return this;
	}

	/**
	 * Validates against the rules of the guideline; the diagnostics, errors and warnings.
	 *
	 * @return the diagnostics
	 */
	public List<Diagnostic> validate() {
		return validate(null, ShowBsn.MASKED);
	}

	/**
	 * Validates; {@code fileName} (optional, a name or path) is checked
	 * against k1, k2, k6 and k7.
	 *
	 * @param fileName the name the file will have, or {@code null}
	 * @param bsn whether diagnostics show the BSN in full
	 * @return the diagnostics
	 */
	public List<Diagnostic> validate(String fileName, ShowBsn bsn) {
		byte[] name = SwiNative.cstr(fileName);
		int flags = (bsn == null ? ShowBsn.MASKED : bsn).flags;
		Pointer report = query(h -> {
			check(SwiNative.swi_delivery_validate(out, h, name, flags));
			return SwiNative.ptr(out);
		});
		return Diagnostic.copyAndFree(report);
	}

	/**
	 * Compares this delivery with the one of the previous quarter of the same
	 * gemeente (CBS's statistical control). Neither delivery is changed.
	 *
	 * @param previous the delivery of the previous quarter
	 * @return the differences, as diagnostics with masked BSNs
	 */
	public List<Diagnostic> compare(Delivery previous) {
		return compare(previous, ShowBsn.MASKED);
	}

	/**
	 * As {@link #compare(Delivery)}, choosing how BSNs are shown.
	 *
	 * @param previous the delivery of the previous quarter
	 * @param bsn whether diagnostics show the BSN in full
	 * @return the differences, as diagnostics
	 */
	public List<Diagnostic> compare(Delivery previous, ShowBsn bsn) {
		if (previous == null)
			throw new SwiException(Status.EINVAL.code(), "previous delivery is null");
		int flags = (bsn == null ? ShowBsn.MASKED : bsn).flags;
		Pointer report = withBoth(previous, (self, prev) -> {
			check(SwiNative.swi_delivery_compare(out, prev, self, flags));
			return SwiNative.ptr(out);
		});
		return Diagnostic.copyAndFree(report);
	}

	/**
	 * The semantic differences of {@code actual} from this delivery (the
	 * expected one), with masked BSNs: see {@link Diff}. Neither delivery is
	 * changed.
	 *
	 * @param actual the delivery to compare with this one
	 * @return the differences, empty when the two are equal as data
	 */
	public Diff diff(Delivery actual) {
		return diff(actual, ShowBsn.MASKED);
	}

	/**
	 * As {@link #diff(Delivery)}; {@link ShowBsn#FULL} shows full BSNs.
	 *
	 * @param actual the delivery to compare with this one
	 * @param bsn whether BSNs are masked (null: masked)
	 * @return the differences, empty when the two are equal as data
	 */
	public Diff diff(Delivery actual, ShowBsn bsn) {
		if (actual == null)
			throw new SwiException(Status.EINVAL.code(), "actual delivery is null");
		int flags = (bsn == null ? ShowBsn.MASKED : bsn).flags;
		Pointer d = withBoth(actual, (self, act) -> {
			check(SwiNative.swi_delivery_diff(out, self, act, flags));
			return SwiNative.ptr(out);
		});
		return Diff.copyAndFree(d);
	}

	/** A libswi call on the live handles of two deliveries. */
	@FunctionalInterface
	interface PairQuery<T> {
		T on(Pointer self, Pointer other);
	}

	/**
	 * Runs {@code op} on this delivery's and {@code other}'s live handles as
	 * {@link #query} does for one: under both locks, always taken in the same
	 * order (so two such calls never deadlock), and both deliveries kept
	 * reachable until it has returned. {@code other} may be this delivery.
	 */
	private <T> T withBoth(Delivery other, PairQuery<T> op) {
		Delivery first = sequence <= other.sequence ? this : other;
		Delivery second = first == this ? other : this;
		return first.query(a -> second.query(b -> op.on(checkOpen(), other.checkOpen())));
	}

	/**
	 * The mirror report (spiegelrapport): a snapshot of the counts.
	 *
	 * @return the mirror report
	 */
	public Mirror mirror() {
		Pointer m = query(h -> {
			check(SwiNative.swi_delivery_mirror(out, h));
			return SwiNative.ptr(out);
		});
		return Mirror.copyAndFree(m);
	}

	/* ---- writing --------------------------------------------------- */

	/**
	 * Writes the file atomically into {@code dir} under its guideline name
	 * (mode 0600) and returns its path. EINVALID if the delivery has
	 * validation errors (unless {@link WriteOption#FORCE}), EINCOMPLETE if a
	 * required kenmerk is missing.
	 *
	 * @param dir the directory
	 * @param options {@link WriteOption#ZIP}, {@link WriteOption#FORCE}
	 * @return the path of the written file
	 */
	public Path write(Path dir, WriteOption... options) {
		if (dir == null)
			throw new SwiException(Status.EINVAL.code(), "directory is null");
		byte[] d = SwiNative.cstr(dir.toString());
		byte[] path = new byte[d.length + 64];
		int flags = WriteOption.flags(options);
		call(0, h -> SwiNative.swi_delivery_write_dir(h, flags, d, path, path.length));
		return Path.of(Buffers.cString(path));
	}

	/**
	 * Validates and, without errors, writes the file into {@code dir}, in one
	 * step under the delivery's lock and with ONE validation pass (as
	 * {@link #validate()} followed by {@link #write}, whose check stands while
	 * the delivery is unchanged, but with no change possible in between). With errors nothing is written and a
	 * {@link ValidationException} carries every diagnostic; with
	 * {@link WriteOption#FORCE} the file is written anyway.
	 *
	 * @param dir the directory
	 * @param options {@link WriteOption#ZIP}, {@link WriteOption#FORCE}
	 * @return the diagnostics and the path of the written file
	 */
	public WriteResult validateAndWrite(Path dir, WriteOption... options) {
		if (dir == null)
			throw new SwiException(Status.EINVAL.code(), "directory is null");
		byte[] d = SwiNative.cstr(dir.toString());
		byte[] path = new byte[d.length + 64];
		boolean force = WriteOption.has(WriteOption.FORCE, options);
		int flags = WriteOption.flags(options);
		List<Diagnostic> diagnostics = query(h -> {
			check(SwiNative.swi_delivery_validate(out, h, null, 0));
			List<Diagnostic> found = Diagnostic.copyAndFree(SwiNative.ptr(out));
			if (!force && found.stream().anyMatch(Diagnostic::isError)) {
				/* libswi's own refusal (code and message) to write it: its gate
				 * validates again (on this error path only), into no file. */
				int rc = SwiNative.swi_delivery_write_buffer(out, h, 0);
				if (rc >= 0) /* cannot be: the same validation under the same lock */
					SwiNative.swi_buffer_free(SwiNative.ptr(out));
				throw ValidationException.of(h, rc >= 0 ? Status.EINVALID.code() : rc, found);
			}
			/* Validated just now, under the same lock: the writer need not check again. */
			check(SwiNative.swi_delivery_write_dir(h, flags | WriteOption.flags(WriteOption.FORCE), d, path,
				path.length));
			return found;
		});
		return new WriteResult(Path.of(Buffers.cString(path)), diagnostics);
	}

	/**
	 * The file's bytes (XML, or a ZIP archive with {@link WriteOption#ZIP}).
	 *
	 * @param options {@link WriteOption#ZIP}, {@link WriteOption#FORCE}
	 * @return the bytes
	 */
	public byte[] toBytes(WriteOption... options) {
		int flags = WriteOption.flags(options);
		Pointer buffer = query(h -> {
			check(SwiNative.swi_delivery_write_buffer(out, h, flags));
			return SwiNative.ptr(out);
		});
		return Buffers.take(buffer);
	}

	/**
	 * Writes the file's bytes to a stream (not closed).
	 *
	 * @param stream where the bytes go
	 * @param options {@link WriteOption#ZIP}, {@link WriteOption#FORCE}
	 * @throws IOException when the stream fails
	 */
	public void writeTo(OutputStream stream, WriteOption... options) throws IOException {
		stream.write(toBytes(options));
	}

	@Override
	public String toString() {
		synchronized (lock) {
			if (handle == null)
				return "Delivery[closed]";
			String name;
			try {
				name = fileName();
			} catch (SwiException e) {
				name = "(incomplete header)";
			}
			return "Delivery[" + name + ", " + size() + " persons]";
		}
	}
}
