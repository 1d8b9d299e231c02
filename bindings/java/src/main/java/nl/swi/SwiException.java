package nl.swi;

import com.sun.jna.Pointer;

/**
 * A libswi call failed. {@link #getCode()} is the C status code (a negative
 * {@code SWI_E*} value, see {@link Status}); the message is the delivery's
 * last message (Dutch, naming the kenmerk and the record, BSNs masked) or,
 * for calls without a delivery, {@code swi_strerror()}.
 *
 * <p>A use of a closed delivery is refused by the binding with code
 * {@link Status#EINVAL}; a use of a removed person or record throws a
 * {@link StaleHandleException} (code {@link Status#EREMOVED}), whether the
 * binding or libswi itself noticed it. Using a handle after its end never
 * crashes the JVM.
 *
 * <p>This class is the one place where native status codes become
 * exceptions ({@link #check(Pointer, int)}).
 */
public class SwiException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	/** The C status code. */
	private final int code;
	/** The kenmerk number the failure was about, or 0. */
	private final int kenmerk;

	/**
	 * An exception for a libswi status code.
	 *
	 * @param code the C status code
	 * @param message the message
	 */
	public SwiException(int code, String message) {
		this(code, 0, message);
	}

	/**
	 * An exception for a libswi status code about one kenmerk.
	 *
	 * @param code the C status code
	 * @param kenmerk the kenmerk number, or 0
	 * @param message the message
	 */
	public SwiException(int code, int kenmerk, String message) {
		super(message);
		this.code = code;
		this.kenmerk = kenmerk;
	}

	/**
	 * The C status code, e.g. -11 for SWI_EBSN.
	 *
	 * @return the code
	 */
	public int getCode() {
		return code;
	}

	/**
	 * The kenmerk the failure was about, or 0: {@code swi_delivery_last_kenmerk}
	 * (for a refused value of a bulk call or a batch, the refused one); where
	 * libswi names none, for a refused value ({@link Status#EFORMAT},
	 * {@link Status#EDATE}, {@link Status#ECODE}, {@link Status#ERANGE},
	 * {@link Status#ECHARSET}, {@link Status#ETOOLONG}, {@link Status#EBSN},
	 * {@link Status#EDUPLICATE}, {@link Status#EREQUIRED}) the kenmerk the call
	 * was about: the one a single setter or getter was given, and 8
	 * (Burgerservicenummer) for a BSN refused by {@link Delivery#addPerson},
	 * {@link Delivery#findPerson}, {@link Delivery#addAll} or
	 * {@link Batch#person(String)}, as the Python binding's
	 * {@code ValueRefused.kenmerk_number}.
	 *
	 * @return the kenmerk number, or 0
	 */
	public int getKenmerk() {
		return kenmerk;
	}

	/**
	 * The status as an enum.
	 *
	 * @return the status
	 */
	public Status getStatus() {
		return Status.of(code);
	}

	/**
	 * Returns {@code rc} when it is not negative; otherwise throws the
	 * SwiException for it, with the last message of delivery {@code d}
	 * (may be null) when that message belongs to this failure. Must be
	 * called while holding the delivery's lock, before any other call on it.
	 */
	static int check(Pointer d, int rc) {
		if (rc >= 0)
			return rc;
		throw of(d, rc, null, 0);
	}

	/** The exception for {@code rc}; {@code context} (may be null) is prepended. */
	static SwiException of(Pointer d, int rc, String context) {
		return of(d, rc, context, 0);
	}

	/**
	 * The exception for {@code rc}; {@code context} (may be null) is
	 * prepended; {@code about} (0: none) is the kenmerk the call was about,
	 * named for a refused value when libswi names no kenmerk (see
	 * {@link #getKenmerk()}).
	 */
	static SwiException of(Pointer d, int rc, String context, int about) {
		String message = null;
		int kenmerk = 0;
		if (d != null && SwiNative.swi_delivery_last_error(d) == rc) {
			message = SwiNative.swi_delivery_last_message(d);
			kenmerk = SwiNative.swi_delivery_last_kenmerk(d);
		}
		if (kenmerk == 0 && refusesValue(rc))
			kenmerk = about;
		if (message == null || message.isEmpty())
			message = SwiNative.swi_strerror(rc);
		if (context != null)
			message = context + ": " + message;
		if (rc == Status.EREMOVED.code())
			return new StaleHandleException(rc, kenmerk, message);
		return new SwiException(rc, kenmerk, message);
	}

	@Override
	public String toString() {
		return getClass().getName() + ": " + getStatus() + " (" + code + ")"
			+ (kenmerk > 0 ? " kenmerk " + kenmerk : "") + ": " + getMessage();
	}

	/**
	 * A number from the caller as the binding's own messages may show it:
	 * one of 8 or more digits could be a BSN, and libswi's messages mask those
	 * (doc/masking.md), so it is not shown at all.
	 */
	static String shown(long v) {
		return v > -10_000_000L && v < 10_000_000L ? Long.toString(v) : "(buiten bereik)";
	}

	/** Whether {@code rc} refuses the value of a kenmerk (as Python's ValueRefused and DuplicateBsn). */
	static boolean refusesValue(int rc) {
		return rc <= Status.EFORMAT.code() && rc >= Status.EDUPLICATE.code() || rc == Status.EREQUIRED.code();
	}

	/** An action on a throwaway delivery whose refusal gives libswi's code, message and kenmerk. */
	@FunctionalInterface
	interface Probe {
		int on(Pointer scratch, long[] out);
	}

	/**
	 * libswi's exception for what {@code probe} does on a new, empty delivery
	 * that is freed at once: for a refusal the binding finds before there is a
	 * delivery to ask (a {@link Batch}), so the message is still libswi's.
	 * {@code about} as for {@link #of}. When libswi accepts (it should not),
	 * {@code orElse} is returned.
	 */
	static SwiException fromLibswi(int about, Probe probe, SwiException orElse) {
		long[] out = new long[1];
		check(null, SwiNative.swi_delivery_new(out));
		Pointer scratch = SwiNative.ptr(out);
		try {
			int rc = probe.on(scratch, out);
			return rc < 0 ? of(scratch, rc, null, about) : orElse;
		} finally {
			SwiNative.swi_delivery_free(scratch);
		}
	}

	/** A refusal by the binding itself (closed delivery): code EINVAL. */
	static SwiException binding(String message) {
		return new SwiException(Status.EINVAL.code(), message);
	}

	/** A refusal by the binding itself of a removed person or record: code EREMOVED. */
	static StaleHandleException removed(String message) {
		return new StaleHandleException(Status.EREMOVED.code(), 0, message);
	}
}
