package nl.swi;

/**
 * The status codes of libswi ({@code enum swi_status} in common.h).
 * The numbers are permanent and append-only; a code this binding does not
 * know yet maps to {@link #UNKNOWN}.
 */
public enum Status {
	/** 0: success. */
	OK(0),
	/** -1: out of memory. */
	ENOMEM(-1),
	/** -2: invalid argument. */
	EINVAL(-2),
	/** -3: unknown kenmerk. */
	EKENMERK(-3),
	/** -4: kenmerk belongs to another record kind. */
	ECATEGORY(-4),
	/** -5: value not in the kenmerk's notation. */
	EFORMAT(-5),
	/** -6: not an existing calendar date. */
	EDATE(-6),
	/** -7: value not in the code list. */
	ECODE(-7),
	/** -8: number out of range. */
	ERANGE(-8),
	/** -9: character not allowed. */
	ECHARSET(-9),
	/** -10: text too long. */
	ETOOLONG(-10),
	/** -11: invalid BSN (11-test). */
	EBSN(-11),
	/** -12: BSN already in the delivery. */
	EDUPLICATE(-12),
	/** -13: kenmerk has no value. */
	ENOTSET(-13),
	/** -14: person not found. */
	ENOTFOUND(-14),
	/** -15: buffer too small. */
	EBUFFER(-15),
	/** -16: input/output error. */
	EIO(-16),
	/** -17: a required kenmerk is missing. */
	EINCOMPLETE(-17),
	/** -18: the delivery has validation errors. */
	EINVALID(-18),
	/** -19: not supported by this build. */
	EUNSUPPORTED(-19),
	/** -20: kenmerk cannot be unset. */
	EREQUIRED(-20),
	/** -21: no ruleset for this statistiekjaar. */
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

	/**
	 * The C value (0 or negative).
	 *
	 * @return the code
	 */
	public int code() {
		return code;
	}

	/**
	 * The status for a C value, {@link #UNKNOWN} for one this binding does not know.
	 *
	 * @param code the C value
	 * @return the status
	 */
	public static Status of(int code) {
		if (code <= 0 && -code < values().length - 1)
			return values()[-code];
		return UNKNOWN;
	}

	/**
	 * libswi's short English description ({@code swi_strerror}).
	 *
	 * @return the description
	 */
	public String description() {
		return SwiNative.swi_strerror(code);
	}
}
