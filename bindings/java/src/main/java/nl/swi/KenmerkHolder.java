package nl.swi;

import com.sun.jna.Pointer;

import java.lang.ref.Reference;
import java.time.LocalDate;

/**
 * What the delivery header, a person and a record have in common: the
 * kenmerken of their category, set and read generically by number (or
 * {@link Kenmerk}) as the text that stands in the file, as an int, or as a
 * date. {@code null} means "no value": setting null unsets, a getter
 * returns null for a kenmerk without a value.
 *
 * <p>Every call locks the owning delivery (libswi wants one thread at a
 * time per delivery) and throws {@link SwiException} when the delivery is
 * closed or the person/record was removed.
 */
public abstract sealed class KenmerkHolder permits Delivery, Person, Record {
	KenmerkHolder() {
	}

	/** The delivery this belongs to (itself for a delivery). */
	abstract Delivery owner();

	/** The native handle; throws when closed or removed. Call under the lock. */
	abstract Pointer live();

	abstract int nSetInt(Pointer h, int k, int value);

	abstract int nSetDate(Pointer h, int k, int year, int month, int day);

	abstract int nSetText(Pointer h, int k, byte[] text);

	abstract int nGetInt(Pointer h, int k, int[] out);

	abstract int nGetText(Pointer h, int k, byte[] buf, long size);

	abstract int nUnset(Pointer h, int k);

	abstract int nHas(Pointer h, int k);

	/**
	 * Sets kenmerk {@code k} from the text as it would stand in the file ("20260107", "2", "and"); null unsets.
	 *
	 * @param k the kenmerk number
	 * @param text the text, or {@code null}
	 * @throws SwiException when libswi refuses the value
	 */
	public final void set(int k, String text) {
		byte[] t = SwiNative.cstr(text);
		call(k, h -> t == null ? nUnset(h, k) : nSetText(h, k, t));
	}

	/**
	 * Sets kenmerk {@code k} from the text as it would stand in the file; null unsets.
	 *
	 * @param k the kenmerk
	 * @param text the text, or {@code null}
	 * @throws SwiException when libswi refuses the value
	 */
	public final void set(Kenmerk k, String text) {
		set(k.number(), text);
	}

	/**
	 * The value of kenmerk {@code k} exactly as written in the file, or null if it has none.
	 *
	 * @param k the kenmerk number
	 * @return the text, or {@code null}
	 */
	public final String getText(int k) {
		return query(h -> {
			byte[] buf = owner().textBuf;
			return found(nGetText(h, k, buf, buf.length), k) ? Buffers.cString(buf) : null;
		});
	}

	/**
	 * The value of kenmerk {@code k} exactly as written in the file, or null if it has none.
	 *
	 * @param k the kenmerk
	 * @return the text, or {@code null}
	 */
	public final String getText(Kenmerk k) {
		return getText(k.number());
	}

	/**
	 * Sets kenmerk {@code k} from an int as {@code *_set_int} takes it: a code
	 * (2), a number (16), a year, a 4-digit code (153 -> "0153") or a date
	 * yyyymmdd; null unsets.
	 *
	 * @param k the kenmerk number
	 * @param value the value, or {@code null}
	 * @throws SwiException when libswi refuses the value
	 */
	public final void setInt(int k, Integer value) {
		call(k, h -> value == null ? nUnset(h, k) : nSetInt(h, k, value));
	}

	/**
	 * Sets kenmerk {@code k} from an int as {@link #setInt(int, Integer)}; null unsets.
	 *
	 * @param k the kenmerk
	 * @param value the value, or {@code null}
	 * @throws SwiException when libswi refuses the value
	 */
	public final void setInt(Kenmerk k, Integer value) {
		setInt(k.number(), value);
	}

	/**
	 * The value of kenmerk {@code k} as an int (a date as yyyymmdd), or null if it has none.
	 *
	 * @param k the kenmerk number
	 * @return the value, or {@code null}
	 */
	public final Integer getInt(int k) {
		return query(h -> {
			int[] out = owner().intOut;
			return found(nGetInt(h, k, out), k) ? (Integer) out[0] : null;
		});
	}

	/**
	 * The value of kenmerk {@code k} as an int (a date as yyyymmdd), or null if it has none.
	 *
	 * @param k the kenmerk
	 * @return the value, or {@code null}
	 */
	public final Integer getInt(Kenmerk k) {
		return getInt(k.number());
	}

	/**
	 * Sets a date kenmerk; null unsets.
	 *
	 * @param k the kenmerk number
	 * @param date the date, or {@code null}
	 * @throws SwiException when libswi refuses the value
	 */
	public final void setDate(int k, LocalDate date) {
		call(k, h -> date == null ? nUnset(h, k)
			: nSetDate(h, k, date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
	}

	/**
	 * Sets a date kenmerk; null unsets.
	 *
	 * @param k the kenmerk
	 * @param date the date, or {@code null}
	 * @throws SwiException when libswi refuses the value
	 */
	public final void setDate(Kenmerk k, LocalDate date) {
		setDate(k.number(), date);
	}

	/**
	 * The value of a date kenmerk, or null if it has none.
	 *
	 * @param k the kenmerk number
	 * @return the date, or {@code null}
	 */
	public final LocalDate getDate(int k) {
		if (SwiNative.swi_kenmerk_type(k) != ValueType.DATE.value()) {
			/* Let libswi name the problem (unknown kenmerk, other category) first. */
			getInt(k);
			throw new SwiException(Status.EFORMAT.code(), Kenmerk.of(k).label() + " (kenmerk " + k + ") is geen datum");
		}
		Integer v = getInt(k);
		return v == null ? null : LocalDate.of(v / 10000, v / 100 % 100, v % 100);
	}

	/**
	 * The value of a date kenmerk, or null if it has none.
	 *
	 * @param k the kenmerk
	 * @return the date, or {@code null}
	 */
	public final LocalDate getDate(Kenmerk k) {
		return getDate(k.number());
	}

	/**
	 * Whether kenmerk {@code k} has a value.
	 *
	 * @param k the kenmerk number
	 * @return whether it has a value
	 */
	public final boolean has(int k) {
		return call(k, h -> nHas(h, k)) == 1;
	}

	/**
	 * Whether kenmerk {@code k} has a value.
	 *
	 * @param k the kenmerk
	 * @return whether it has a value
	 */
	public final boolean has(Kenmerk k) {
		return has(k.number());
	}

	/**
	 * Removes the value of kenmerk {@code k}.
	 *
	 * @param k the kenmerk number
	 */
	public final void unset(int k) {
		call(k, h -> nUnset(h, k));
	}

	/**
	 * Removes the value of kenmerk {@code k}.
	 *
	 * @param k the kenmerk
	 */
	public final void unset(Kenmerk k) {
		unset(k.number());
	}

	/* ---- the one place where a call reaches libswi ------------------ */

	/**
	 * A libswi call on the live native handle of this delivery, person or
	 * record; returns libswi's status (negative: refused) or a count.
	 */
	@FunctionalInterface
	interface NativeCall {
		int on(Pointer h);
	}

	/**
	 * A libswi call on the live native handle that makes its own result
	 * (checking statuses with {@link Delivery#check(int, int)}).
	 *
	 * @param <T> the result
	 */
	@FunctionalInterface
	interface NativeQuery<T> {
		T on(Pointer h);
	}

	/**
	 * Runs {@code op} on the live handle and returns its status, throwing the
	 * SwiException of a negative one; {@code about} is the kenmerk the call
	 * is about (0: none), named by the exception when libswi names none.
	 * As {@link #query}.
	 */
	final int call(int about, NativeCall op) {
		Delivery d = owner();
		synchronized (d.lock) {
			try {
				int rc = op.on(live());
				return rc >= 0 ? rc : d.fail(rc, about);
			} finally {
				Reference.reachabilityFence(this);
			}
		}
	}

	/**
	 * Whether a getter's status {@code rc} for kenmerk {@code k} means a value
	 * (false: none, ENOTSET); throws for a refusal. Under the lock.
	 */
	final boolean found(int rc, int k) {
		if (rc == Status.ENOTSET.code())
			return false;
		owner().check(rc, k);
		return true;
	}

	/**
	 * Runs {@code op} on the live handle and returns its result. This is THE
	 * lock/fence pattern of the binding (and {@link #call} its checking form):
	 * <ul>
	 * <li>the owning delivery's lock is held for the whole call, as libswi
	 * wants one thread at a time per delivery, so {@code op} may use the
	 * delivery's scratch arrays and its last message belongs to this call;
	 * <li>{@link #live()} is taken under that lock: a closed delivery or a
	 * removed person/record is refused before libswi sees the handle;
	 * <li>{@code this} stays strongly reachable until the native call has
	 * returned ({@link Reference#reachabilityFence}): the Cleaner, which does
	 * not take the lock, cannot free the delivery of an object that went out
	 * of scope while its native call still runs.
	 * </ul>
	 * The lambdas are small and this method is final, so the JIT inlines both
	 * into the caller and the captured values are not allocated.
	 */
	final <T> T query(NativeQuery<T> op) {
		Delivery d = owner();
		synchronized (d.lock) {
			try {
				return op.on(live());
			} finally {
				Reference.reachabilityFence(this);
			}
		}
	}

	/* ---- helpers for the typed accessors of the subclasses ---------- */

	final <E extends Enum<E> & NumericCode> E getCode(int k, Class<E> type) {
		Integer v = getInt(k);
		if (v == null)
			return null;
		E e = NumericCode.of(type, v);
		if (e == null)
			throw new SwiException(Status.ECODE.code(), "code " + v + " of kenmerk " + k
				+ " is unknown to this binding; use getInt(" + k + ")");
		return e;
	}

	final void setCode(int k, NumericCode code) {
		setInt(k, code == null ? null : code.value());
	}
}
