package nl.swi;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Persons with their records, collected in Java and added to a delivery in
 * ONE native call by {@link Delivery#addAll(Batch)}: the bulk path, for when a
 * native call per person and per record ({@link Delivery#addPerson(String, int[], int[])},
 * {@link Person#addRecord(Category, int[], int[])}) costs more than libswi's work.
 *
 * <pre>
 * Batch b = new Batch();
 * b.person("123456782").set(Kenmerk.GEBOORTEDATUM, LocalDate.of(1990, 1, 7))
 *     .set(Kenmerk.GESLACHT, Geslacht.VROUW).set(Kenmerk.TYPE_MIGRANT, TypeMigrant.GEZINSMIGRANT);
 * b.pip().set(Kenmerk.PIP_DATUM, LocalDate.of(2026, 7, 10)).set(Kenmerk.LEERROUTE_ROUTE, LeerrouteRoute.Z_ROUTE);
 * b.gesprek().set(Kenmerk.VOORTGANGSGESPREK_DATUM, LocalDate.of(2026, 8, 1));
 * b.person(...)...;
 * int added = delivery.addAll(b);
 * </pre>
 *
 * <p>{@link #person} starts a person; {@link #pip}, {@link #gesprek},
 * {@link #boete} (or {@link #record}) start a record of the person started
 * last; {@code set} gives a kenmerk of the entry started last a value. Within
 * an entry the last value set for a kenmerk counts, and {@code null} leaves
 * the kenmerk without a value. The batch holds ints only (a date as
 * yyyymmdd, a code as its number): libswi checks the values when the batch
 * is added, exactly as {@link Person#setInts} checks them. What the batch
 * refuses at once, changing nothing: a record or value before any person
 * ({@link IllegalStateException}); a BSN text that is not 8 or 9 ASCII digits
 * ({@link Status#EFORMAT}, as {@link Delivery#addPerson(String)}); a kenmerk
 * number unknown to libswi ({@link Status#EKENMERK}); kenmerk 8 through
 * {@code set} ({@link Status#EINVAL}: the BSN is given to {@link #person});
 * a date outside the years 1000-9999 ({@link Status#EDATE}).
 *
 * <p>Ownership: a batch is plain Java data, bound to no delivery. Adding it
 * only reads it: it can be added to other deliveries, or {@link #clear()
 * cleared} and filled again, which keeps its arrays.
 *
 * <p>Threads: a batch is not thread-safe (as {@link StringBuilder}). Changing
 * it while another thread adds it never crashes, but what is added is then
 * undefined.
 */
public final class Batch {
	/** Burgerservicenummer, given to {@link #person}. */
	private static final int BSN = 8;
	/** The highest kenmerk number of libswi's table. */
	private static final int LAST_KENMERK = lastKenmerk();

	/* The arrays of swi_delivery_add_batch(): (category, count) per entry, and
	 * the (kenmerk, value) pairs of all entries one after the other. A person
	 * entry's first pair is (8, BSN). */
	int[] entries = new int[64];
	int[] kenmerken = new int[256];
	int[] values = new int[256];
	int nEntries, nPairs, persons;
	/** The first pair of the entry started last. */
	private int start;

	/** An empty batch. */
	public Batch() {
	}

	/**
	 * Starts a person with this BSN: nine digits, or eight that get a leading
	 * zero (as {@link Delivery#addPerson(String)}). Anything else is refused
	 * here with {@link Status#EFORMAT} (null: {@link Status#EINVAL}); the
	 * 11-test and uniqueness are checked when the batch is added
	 * ({@link Status#EBSN}, {@link Status#EDUPLICATE}).
	 *
	 * @param bsn the BSN
	 * @return this batch
	 */
	public Batch person(String bsn) {
		int n = bsn == null ? 0 : bsn.length(), v = 0;
		boolean digits = n == 8 || n == 9;
		for (int i = 0; digits && i < n; i++) {
			char c = bsn.charAt(i);
			digits = c >= '0' && c <= '9';
			v = v * 10 + (c - '0');
		}
		if (!digits) /* libswi's code and message for this text, as addPerson(bsn) refuses it */
			throw SwiException.fromLibswi(BSN, (scratch, out) -> SwiNative.swi_delivery_add_person(out, scratch,
				SwiNative.cstr(bsn)), new SwiException(Status.EFORMAT.code(), BSN,
					SwiNative.swi_strerror(Status.EFORMAT.code())));
		return person(v);
	}

	/**
	 * Starts a person with the BSN as a number: 123456782, or 12345674 for
	 * "012345674" (a number below 100000000 gets leading zeros). A negative
	 * number or one of more than nine digits is refused when the batch is
	 * added ({@link Status#EBSN}).
	 *
	 * @param bsn the BSN as a number
	 * @return this batch
	 */
	public Batch person(int bsn) {
		begin(Category.PERSOON);
		append(BSN, bsn);
		persons++;
		return this;
	}

	/**
	 * Starts a record of {@code kind} (PIP, GESPREK or BOETE; else
	 * {@link Status#EINVAL}) of the person started last.
	 *
	 * @param kind the record kind
	 * @return this batch
	 * @throws IllegalStateException before the first person
	 */
	public Batch record(Category kind) {
		if (kind != Category.PIP && kind != Category.GESPREK && kind != Category.BOETE)
			throw new SwiException(Status.EINVAL.code(), "no record kind: " + kind);
		if (persons == 0)
			throw new IllegalStateException("a " + kind + " before any person: start with person(bsn)");
		begin(kind);
		return this;
	}

	/**
	 * Starts a PIP (k30-k34) of the person started last.
	 *
	 * @return this batch
	 */
	public Batch pip() {
		return record(Category.PIP);
	}

	/**
	 * Starts a voortgangsgesprek (k35) of the person started last.
	 *
	 * @return this batch
	 */
	public Batch gesprek() {
		return record(Category.GESPREK);
	}

	/**
	 * Starts a boete (k36-k38) of the person started last.
	 *
	 * @return this batch
	 */
	public Batch boete() {
		return record(Category.BOETE);
	}

	/**
	 * Sets kenmerk {@code k} of the entry started last to {@code value} as
	 * {@link KenmerkHolder#setInt} takes it: a code (2), a number (16) or a
	 * date as yyyymmdd (20260107).
	 *
	 * @param k the kenmerk number
	 * @param value the value
	 * @return this batch
	 * @throws IllegalStateException before the first person
	 */
	public Batch set(int k, int value) {
		check(k);
		for (int i = start; i < nPairs; i++)
			if (kenmerken[i] == k) {
				values[i] = value;
				return this;
			}
		append(k, value);
		return this;
	}

	/**
	 * Sets a code, number or date kenmerk as {@link #set(int, int)}.
	 *
	 * @param k the kenmerk
	 * @param value the value
	 * @return this batch
	 * @throws IllegalStateException before the first person
	 */
	public Batch set(Kenmerk k, int value) {
		return set(k.number(), value);
	}

	/**
	 * Sets a date kenmerk; null leaves it without a value.
	 *
	 * @param k the kenmerk
	 * @param date the date, or {@code null}
	 * @return this batch
	 */
	public Batch set(Kenmerk k, LocalDate date) {
		if (date == null)
			return unset(k.number());
		int y = date.getYear();
		if (y < 1000 || y > 9999) { /* no yyyymmdd for it; as setDate refuses it */
			check(k.number());
			throw new SwiException(Status.EDATE.code(), k.number(), k.label() + " (kenmerk " + k.number() + "): "
				+ "jaar " + SwiException.shown(y) + " is geen datum [jjjjmmdd] (jaar 1000 t/m 9999)");
		}
		return set(k.number(), y * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth());
	}

	/**
	 * Sets a code kenmerk ({@link Geslacht}, {@link TypeMigrant}, ...); null leaves it without a value.
	 *
	 * @param k the kenmerk
	 * @param code the code, or {@code null}
	 * @return this batch
	 */
	public Batch set(Kenmerk k, NumericCode code) {
		return code == null ? unset(k.number()) : set(k.number(), code.value());
	}

	/**
	 * The number of persons.
	 *
	 * @return the number of persons
	 */
	public int size() {
		return persons;
	}

	/**
	 * Empties the batch for reuse; it keeps its arrays.
	 *
	 * @return this batch
	 */
	public Batch clear() {
		nEntries = nPairs = persons = start = 0;
		return this;
	}

	@Override
	public String toString() {
		return "Batch[" + persons + " persons, " + (nEntries - persons) + " records]";
	}

	/* ---- internals -------------------------------------------------- */

	private void check(int k) {
		if (nEntries == 0)
			throw new IllegalStateException("a value before any person: start with person(bsn)");
		if (k < 1 || k > LAST_KENMERK) /* libswi's code and message for it */
			throw SwiException.fromLibswi(0, (scratch, out) -> SwiNative.swi_delivery_set_int(scratch, k, 0),
				new SwiException(Status.EKENMERK.code(), SwiNative.swi_strerror(Status.EKENMERK.code())));
		if (k == BSN)
			throw new SwiException(Status.EINVAL.code(), k,
				"Burgerservicenummer (kenmerk 8): give it to person(bsn), not to set");
	}

	private Batch unset(int k) {
		check(k);
		for (int i = start; i < nPairs; i++)
			if (kenmerken[i] == k) {
				System.arraycopy(kenmerken, i + 1, kenmerken, i, nPairs - i - 1);
				System.arraycopy(values, i + 1, values, i, nPairs - i - 1);
				nPairs--;
				entries[2 * nEntries - 1]--;
				break;
			}
		return this;
	}

	private void begin(Category c) {
		if (2 * nEntries == entries.length)
			entries = Arrays.copyOf(entries, 2 * entries.length);
		entries[2 * nEntries] = c.value();
		entries[2 * nEntries + 1] = 0;
		nEntries++;
		start = nPairs;
	}

	private void append(int k, int value) {
		if (nPairs == kenmerken.length) {
			kenmerken = Arrays.copyOf(kenmerken, 2 * nPairs);
			values = Arrays.copyOf(values, 2 * nPairs);
		}
		kenmerken[nPairs] = k;
		values[nPairs++] = value;
		entries[2 * nEntries - 1]++;
	}

	private static int lastKenmerk() {
		int k = 1;
		while (SwiNative.swi_kenmerk_category(k + 1) != 0)
			k++;
		return k;
	}

	/** The index among the persons of the person entry {@code entry}: the persons before it. */
	static int personsBefore(int[] entries, int entry) {
		int n = 0;
		for (int i = 0; i < entry; i++)
			n += entries[2 * i] == Category.PERSOON.value() ? 1 : 0;
		return n;
	}
}
