package nl.swi;

import com.sun.jna.Pointer;

/**
 * The mirror report (spiegelrapport, guideline 4.2.1): the counts CBS sends
 * back after a delivery, computed beforehand. A plain Java snapshot: every
 * count, the JSON and the HTML are copied out of libswi's swi_mirror, which
 * is freed at once; it stays valid after the delivery changes or closes.
 *
 * <p>Selectors follow mirror.h: {@link #ANY} (0) for any value,
 * {@link #NOT_FILLED} (-1) for "not filled", else a code.
 */
public final class Mirror {
	/** Any value, in the selections below. */
	public static final int ANY = 0;
	/** No value, in the selections below. */
	public static final int NOT_FILLED = -1;

	/* [selector + 1]: -1 .. max */
	private final long[][] persons = new long[4][5]; /* type migrant -1..2, geslacht -1..3 */
	private final long[] filled = new long[39];
	private final long[][] pips = new long[5][4]; /* route -1..3, niveau -1..2 */
	private final long talks;
	private final long[] fines = new long[4]; /* reden -1..2 */
	private final long[] fineAmount = new long[4];
	private final String json;
	private final String html;

	private Mirror(Pointer m) {
		for (int t = -1; t <= 2; t++)
			for (int g = -1; g <= 3; g++)
				persons[t + 1][g + 1] = SwiNative.swi_mirror_persons(m, t, g);
		for (int k = 1; k <= 38; k++)
			filled[k] = SwiNative.swi_mirror_filled(m, k);
		for (int r = -1; r <= 3; r++)
			for (int n = -1; n <= 2; n++)
				pips[r + 1][n + 1] = SwiNative.swi_mirror_pips(m, r, n);
		talks = SwiNative.swi_mirror_talks(m);
		for (int r = -1; r <= 2; r++) {
			fines[r + 1] = SwiNative.swi_mirror_fines(m, r);
			fineAmount[r + 1] = SwiNative.swi_mirror_fine_amount(m, r);
		}
		long[] out = new long[1];
		SwiException.check(null, SwiNative.swi_mirror_json(out, m));
		json = Buffers.takeString(SwiNative.ptr(out));
		SwiException.check(null, SwiNative.swi_mirror_html(out, m));
		html = Buffers.takeString(SwiNative.ptr(out));
	}

	static Mirror copyAndFree(Pointer m) {
		try {
			return new Mirror(m);
		} finally {
			SwiNative.swi_mirror_free(m);
		}
	}

	private static long at(long[] a, int selector) {
		int i = selector + 1;
		return i >= 0 && i < a.length ? a[i] : 0;
	}

	/**
	 * Persons with Type migrant {@code typeMigrant} (1, 2, ANY, NOT_FILLED) and Geslacht {@code geslacht} (1-3, ANY, NOT_FILLED).
	 *
	 * @param typeMigrant the code, {@link #ANY} or {@link #NOT_FILLED}
	 * @param geslacht the code, {@link #ANY} or {@link #NOT_FILLED}
	 * @return the count
	 */
	public long persons(int typeMigrant, int geslacht) {
		int t = typeMigrant + 1;
		return t >= 0 && t < persons.length ? at(persons[t], geslacht) : 0;
	}

	/**
	 * All persons.
	 *
	 * @return the count
	 */
	public long persons() {
		return persons(ANY, ANY);
	}

	/**
	 * How many records of its category fill kenmerk {@code k} (persons for k8-k29, PIPs for k30-k34, ...).
	 *
	 * @param k the kenmerk number
	 * @return the count
	 */
	public long filled(int k) {
		return k >= 1 && k <= 38 ? filled[k] : 0;
	}

	/**
	 * As {@link #filled(int)}.
	 *
	 * @param k the kenmerk
	 * @return the count
	 */
	public long filled(Kenmerk k) {
		return filled(k.number());
	}

	/**
	 * PIPs with route {@code route} (1-3, ANY, NOT_FILLED) and niveau {@code niveau} (1-2, ANY, NOT_FILLED).
	 *
	 * @param route the code, {@link #ANY} or {@link #NOT_FILLED}
	 * @param niveau the code, {@link #ANY} or {@link #NOT_FILLED}
	 * @return the count
	 */
	public long pips(int route, int niveau) {
		int r = route + 1;
		return r >= 0 && r < pips.length ? at(pips[r], niveau) : 0;
	}

	/**
	 * Voortgangsgesprekken.
	 *
	 * @return the count
	 */
	public long talks() {
		return talks;
	}

	/**
	 * Fines with reason {@code reden} (1-2, ANY, NOT_FILLED).
	 *
	 * @param reden the code, {@link #ANY} or {@link #NOT_FILLED}
	 * @return the count
	 */
	public long fines(int reden) {
		return at(fines, reden);
	}

	/**
	 * Sum of the amounts (whole euros) of the fines with reason {@code reden}.
	 *
	 * @param reden the code, {@link #ANY} or {@link #NOT_FILLED}
	 * @return the sum in euros
	 */
	public long fineAmount(int reden) {
		return at(fineAmount, reden);
	}

	/**
	 * The report as one JSON object.
	 *
	 * @return the JSON text
	 */
	public String json() {
		return json;
	}

	/**
	 * The report as one self-contained HTML page (Dutch).
	 *
	 * @return the HTML page
	 */
	public String html() {
		return html;
	}

	@Override
	public String toString() {
		return json;
	}
}
