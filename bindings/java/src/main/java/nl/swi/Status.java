package nl.swi;

/**
 * The status codes of libswi ({@code enum swi_status} in common.h).
 * The numbers are permanent and append-only; a code this binding does not
 * know yet maps to {@link #UNKNOWN}.
 */
public enum Status {
	OK(0),
	ENOMEM(-1),
	EINVAL(-2),
	EKENMERK(-3),
	ECATEGORY(-4),
	EFORMAT(-5),
	EDATE(-6),
	ECODE(-7),
	ERANGE(-8),
	ECHARSET(-9),
	ETOOLONG(-10),
	EBSN(-11),
	EDUPLICATE(-12),
	ENOTSET(-13),
	ENOTFOUND(-14),
	EBUFFER(-15),
	EIO(-16),
	EINCOMPLETE(-17),
	EINVALID(-18),
	EUNSUPPORTED(-19),
	EREQUIRED(-20),
	EYEAR(-21),
	/** The person or record was removed: the handle is stale ({@link StaleHandleException}). */
	EREMOVED(-22),
	/** A data file (a municipality list) is malformed; the message names file and line. */
	EDATAFILE(-23),
	/** A code newer than this binding. */
	UNKNOWN(Integer.MIN_VALUE);

	private final int code;

	Status(int code) {
		this.code = code;
	}

	/** The C value (0 or negative). */
	public int code() {
		return code;
	}

	/** The status for a C value, {@link #UNKNOWN} for one this binding does not know. */
	public static Status of(int code) {
		if (code <= 0 && -code < values().length - 1)
			return values()[-code];
		return UNKNOWN;
	}

	/** libswi's short English description ({@code swi_strerror}). */
	public String description() {
		return SwiNative.swi_strerror(code);
	}
}
