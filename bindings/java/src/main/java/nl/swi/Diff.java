package nl.swi;

import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The semantic differences of an actual delivery from an expected one
 * ({@code swi_delivery_diff}, include/swi/diff.h), copied out of libswi when
 * made: independent of both deliveries and immutable, so safe to share
 * between threads.
 *
 * <p>Persons are matched by BSN, records within a person by their identity
 * (a PIP by its date, a talk by its date, a fine by date and reason;
 * duplicates pair in order), so the order of persons and records does not
 * matter. {@link #entries()} is empty exactly when the deliveries are
 * equal; {@link #toString()} is the readable Dutch text, one line per
 * person, e.g. {@code persoon *****6782: kenmerk 15 (Brede intake -
 * begindatum) verwacht 20260310, gekregen 20260311; PIP 2 (20260105)
 * ontbreekt}. BSNs are masked unless {@link ShowBsn#FULL}.
 */
public final class Diff {
	/** The kind of a difference ({@code swi_diff_kind}). */
	public enum Kind {
		/** A kenmerk has another value, or is set on one side only. */
		KENMERK(1),
		/** A person of the expected delivery is not in the actual one. */
		PERSON_MISSING(2),
		/** A person of the actual delivery is not in the expected one. */
		PERSON_EXTRA(3),
		/** A record of the expected delivery has no partner in the actual one. */
		RECORD_MISSING(4),
		/** A record of the actual delivery has no partner in the expected one. */
		RECORD_EXTRA(5);

		private final int value;

		Kind(int value) {
			this.value = value;
		}

		/**
		 * The permanent number of the kind in libswi.
		 *
		 * @return the value of {@code swi_diff_kind}
		 */
		public int value() {
			return value;
		}

		static Kind of(int value) {
			for (Kind k : values())
				if (k.value == value)
					return k;
			return null;
		}
	}

	/**
	 * One difference. Person and record indexes are 0-based, -1 where the
	 * entry has none on that side. {@code expected} and {@code actual} are
	 * the values as written in the file ("" when unset); for a missing or
	 * extra entry the identity (BSN or date) on the side that has it.
	 * {@code bsn} is masked unless {@link ShowBsn#FULL}, "" at levering
	 * level; {@code message} is Dutch, without the person.
	 *
	 * @param kind what kind of difference
	 * @param kenmerk the kenmerk that differs, or the identity kenmerk (8, 30, 35, 36)
	 *        of a missing or extra person or record
	 * @param category the kind of record the entry is about
	 * @param expectedPerson the person's index in the expected delivery, or -1
	 * @param actualPerson the person's index in the actual delivery, or -1
	 * @param expectedRecord the record's index among its person's records of its kind
	 *        in the expected delivery, or -1
	 * @param actualRecord the same in the actual delivery, or -1
	 * @param expected the expected value as in the file, "" when unset
	 * @param actual the actual value as in the file, "" when unset
	 * @param bsn the person's BSN, masked unless {@link ShowBsn#FULL}; "" for the levering
	 * @param message the Dutch message, without the person
	 */
	public record Entry(Kind kind, int kenmerk, Category category, long expectedPerson, long actualPerson,
			    long expectedRecord, long actualRecord, String expected, String actual, String bsn,
			    String message) {
		/**
		 * The message with the person (or "levering") in front.
		 *
		 * @return one line of text
		 */
		@Override
		public String toString() {
			if (kind == Kind.PERSON_MISSING || kind == Kind.PERSON_EXTRA)
				return message;
			return (bsn == null || bsn.isEmpty() ? "levering" : "persoon " + bsn) + ": " + message;
		}
	}

	private final List<Entry> entries;
	private final String text;

	private Diff(List<Entry> entries, String text) {
		this.entries = entries;
		this.text = text;
	}

	/**
	 * The differences, in libswi's order.
	 *
	 * @return the entries, unmodifiable; empty when the deliveries are equal
	 */
	public List<Entry> entries() {
		return entries;
	}

	/**
	 * Whether the deliveries are equal as data.
	 *
	 * @return true when there are no differences
	 */
	public boolean isEqual() {
		return entries.isEmpty();
	}

	/**
	 * The number of differences.
	 *
	 * @return the number of entries
	 */
	public int size() {
		return entries.size();
	}

	/**
	 * The readable Dutch text.
	 *
	 * @return one line per person that differs, each ending in a newline; "" when equal
	 */
	@Override
	public String toString() {
		return text;
	}

	static Diff copyAndFree(Pointer d) {
		try {
			long n = SwiNative.swi_diff_count(d);
			List<Entry> list = new ArrayList<>((int) Math.min(n, 1 << 20));
			for (long i = 0; i < n; i++) {
				list.add(new Entry(Kind.of(SwiNative.swi_diff_entry_kind(d, i)),
					SwiNative.swi_diff_entry_kenmerk(d, i),
					Category.of(SwiNative.swi_diff_entry_category(d, i)),
					SwiNative.swi_diff_expected_person(d, i), SwiNative.swi_diff_actual_person(d, i),
					SwiNative.swi_diff_expected_record(d, i), SwiNative.swi_diff_actual_record(d, i),
					SwiNative.swi_diff_expected_value(d, i), SwiNative.swi_diff_actual_value(d, i),
					SwiNative.swi_diff_bsn(d, i), SwiNative.swi_diff_message(d, i)));
			}
			long[] out = new long[1];
			SwiException.check(null, SwiNative.swi_diff_text(out, d));
			String text = Buffers.takeString(SwiNative.ptr(out));
			return new Diff(Collections.unmodifiableList(list), text);
		} finally {
			SwiNative.swi_diff_free(d);
		}
	}
}
