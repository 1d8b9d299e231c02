package nl.swi;

import com.sun.jna.Pointer;

import java.util.List;

/**
 * A record of a person: a {@link Pip} (k30-k34), a {@link Gesprek}
 * (voortgangsgesprek, k35) or a {@link Boete} (k36-k38). Holds its person,
 * and through it its delivery, strongly. Several objects may stand for the
 * same record: compare them with {@link #equals}.
 */
public abstract sealed class Record extends KenmerkHolder permits Pip, Gesprek, Boete {
	static final List<Category> KINDS = List.of(Category.PIP, Category.GESPREK, Category.BOETE);

	final Person person;
	private final Pointer handle;
	private final long address;
	private final int generation;

	Record(Person person, long address, int generation) {
		this.person = person;
		this.address = address;
		this.handle = new Pointer(address);
		this.generation = generation;
	}

	static Record create(Person person, long address, int generation, Category kind) {
		switch (kind) {
		case PIP:
			return new Pip(person, address, generation);
		case GESPREK:
			return new Gesprek(person, address, generation);
		case BOETE:
			return new Boete(person, address, generation);
		default:
			throw new SwiException(Status.EINVAL.code(), "no record kind: " + kind);
		}
	}

	@Override
	final Delivery owner() {
		return person.delivery;
	}

	@Override
	final Pointer live() {
		person.live();
		if (gone())
			throw SwiException.removed("the record was removed");
		return handle;
	}

	/** Whether the record was removed (not its person). Under the lock. */
	private boolean gone() {
		Delivery d = person.delivery;
		return d.anyRemoved && d.recordGeneration(address) != generation;
	}

	@Override
	final int nSetInt(Pointer h, int k, int value) {
		return SwiNative.swi_record_set_int(h, k, value);
	}

	@Override
	final int nSetDate(Pointer h, int k, int year, int month, int day) {
		return SwiNative.swi_record_set_date(h, k, year, month, day);
	}

	@Override
	final int nSetText(Pointer h, int k, byte[] text) {
		return SwiNative.swi_record_set_text(h, k, text);
	}

	@Override
	final int nGetInt(Pointer h, int k, int[] out) {
		return SwiNative.swi_record_get_int(h, k, out);
	}

	@Override
	final int nGetText(Pointer h, int k, byte[] buf, long size) {
		return SwiNative.swi_record_get_text(h, k, buf, size);
	}

	@Override
	final int nUnset(Pointer h, int k) {
		return SwiNative.swi_record_unset(h, k);
	}

	@Override
	final int nHas(Pointer h, int k) {
		return SwiNative.swi_record_has(h, k);
	}

	/**
	 * PIP, GESPREK or BOETE.
	 *
	 * @return the kind
	 */
	public abstract Category kind();

	/**
	 * The person the record belongs to.
	 *
	 * @return the person
	 */
	public final Person person() {
		return person;
	}

	/**
	 * The delivery the record belongs to.
	 *
	 * @return the delivery
	 */
	public final Delivery delivery() {
		return person.delivery;
	}

	/**
	 * Whether the record (or its person) was removed.
	 *
	 * @return whether it was removed
	 */
	public final boolean isRemoved() {
		synchronized (person.delivery.lock) {
			return person.isRemoved() || (!person.delivery.isClosed() && gone());
		}
	}

	/** The kind as libswi reports it for the native record (a consistency check). */
	final Category nativeKind() {
		return query(h -> Category.of(SwiNative.swi_record_kind(h)));
	}

	/** The person as libswi reports it for the native record (a consistency check). */
	final Person nativePerson() {
		Delivery d = owner();
		return query(h -> {
			Pointer p = SwiNative.swi_record_person(h);
			if (!d.checkOpen().equals(SwiNative.swi_person_delivery(p)))
				throw new SwiException(Status.EINVAL.code(), "record of another delivery");
			return d.wrapPerson(Pointer.nativeValue(p));
		});
	}

	/**
	 * Sets {@code kenmerken[i]} to {@code values[i]} for i &lt; n in ONE native
	 * call, as {@link #setInt} would (codes, numbers, dates as yyyymmdd): all
	 * or nothing.
	 *
	 * @param n how many of the pairs to set
	 * @param kenmerken kenmerk numbers
	 * @param values their values
	 * @return this record
	 */
	public final Record setInts(int n, int[] kenmerken, int[] values) {
		if (n < 0 || n > kenmerken.length || n > values.length)
			throw new SwiException(Status.EINVAL.code(), "n = " + n + " outside the arrays");
		/* One value: the cheaper call without arrays, same check and message. */
		if (n == 1)
			call(kenmerken[0], h -> SwiNative.swi_record_set_int(h, kenmerken[0], values[0]));
		else if (n > 0)
			call(0, h -> SwiNative.swi_record_set_ints(h, n, kenmerken, values));
		return this;
	}

	/**
	 * As {@link #setInts(int, int[], int[])} for all of both arrays (of equal length).
	 *
	 * @param kenmerken kenmerk numbers
	 * @param values their values
	 * @return this record
	 */
	public final Record setInts(int[] kenmerken, int[] values) {
		if (kenmerken.length != values.length)
			throw new SwiException(Status.EINVAL.code(), "kenmerken and values differ in length");
		return setInts(kenmerken.length, kenmerken, values);
	}

	/** Removes the record; this object becomes unusable. */
	public final void remove() {
		call(0, h -> {
			int rc = SwiNative.swi_record_remove(h);
			if (rc >= 0)
				owner().recordRemoved(address);
			return rc;
		});
	}

	/** The same record of the same delivery (and not removed in between). */
	@Override
	public final boolean equals(Object o) {
		return o instanceof Record && ((Record) o).person.delivery == person.delivery
			&& ((Record) o).address == address && ((Record) o).generation == generation;
	}

	@Override
	public final int hashCode() {
		return Long.hashCode(address) * 31 + generation;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + (isRemoved() ? "[removed]" : "[" + person + "]");
	}
}
