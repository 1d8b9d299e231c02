package nl.swi;

import com.sun.jna.Pointer;


/**
 * Synthetic, rule-valid deliveries for tests ({@code swi/generate.h},
 * doc/fixtures.md): a builder of the generator's options.
 *
 * <pre>{@code
 * try (Delivery d = new Generator().persons(500).seed(42).year(2026).quarter(2).generate()) {
 *     assertTrue(Diagnostic.errors(d.validate()).isEmpty());
 * }
 * }</pre>
 *
 * <p>The BSNs are generated numbers that pass the 11-test: no real data. The
 * same options and seed give the same delivery, and the same file bytes, on
 * every platform. {@link #clean(boolean)} leaves out everything that gives a
 * warning (besides the year policy's, doc/years.md). The reference date of
 * a generated delivery is 15 days after its quarter, so validation does not
 * depend on the clock.
 *
 * <p>The builder only holds values; a value out of range is refused by
 * {@link #generate()} or {@link #addTo(Delivery)} with a {@link SwiException}
 * (ERANGE, EYEAR, ECODE for a gemeentecode not in the year's list) whose
 * message says which. Not thread-safe; every call of {@link #generate()}
 * makes a new delivery.
 */
public final class Generator {
	// swi_gen_option (generate.h): permanent values.
	private static final int SEED = 1, PERSONS = 2, YEAR = 3, QUARTER = 4, GEMEENTE = 5,
		BERICHTGEVER = 6, ASIEL = 7, PIPS = 8, TALKS = 9, FINES = 10, ZROUTE = 11, MOVERS = 12,
		CLEAN = 13, FULL = 14;

	private long seed = 1;
	private long persons = 100;
	private int year = 2026, quarter = 1, gemeente = 153, berichtgever = -1, asielPercent = 55;
	private boolean pips = true, talks = true, fines = true, clean, full;
	private int zroutePercent = -1, moversPercent = -1;

	/** A builder with the generator's defaults: 100 persons, seed 1, 2026 Q1, gemeente 0153. */
	public Generator() {
	}

	/**
	 * Number of persons, 0 to 10,000,000 (default 100).
	 *
	 * @param n the value
	 * @return this builder
	 */
	public Generator persons(long n) {
		persons = n;
		return this;
	}

	/**
	 * Seed of the pseudo-random stream, any value (default 1).
	 *
	 * @param s the value
	 * @return this builder
	 */
	public Generator seed(long s) {
		seed = s;
		return this;
	}

	/**
	 * Statistiekjaar, from 2022 (default 2026).
	 *
	 * @param y the value
	 * @return this builder
	 */
	public Generator year(int y) {
		year = y;
		return this;
	}

	/**
	 * Statistiekkwartaal 1-4 (default 1).
	 *
	 * @param q the value
	 * @return this builder
	 */
	public Generator quarter(int q) {
		quarter = q;
		return this;
	}

	/**
	 * Gemeentecode, e.g. 363 for 0363 (default 153); must be in the year's list.
	 *
	 * @param code the value
	 * @return this builder
	 */
	public Generator gemeente(int code) {
		gemeente = code;
		return this;
	}

	/**
	 * Berichtgevercode (default: the gemeentecode).
	 *
	 * @param code the value
	 * @return this builder
	 */
	public Generator berichtgever(int code) {
		berichtgever = code;
		return this;
	}

	/**
	 * Share of asielstatushouders in percent, 0-100 (default 55).
	 *
	 * @param percent the value
	 * @return this builder
	 */
	public Generator asielPercent(int percent) {
		asielPercent = percent;
		return this;
	}

	/**
	 * Whether persons get PIPs (default true).
	 *
	 * @param on the value
	 * @return this builder
	 */
	public Generator pips(boolean on) {
		pips = on;
		return this;
	}

	/**
	 * Whether gezinsmigranten get voortgangsgesprekken (default true).
	 *
	 * @param on the value
	 * @return this builder
	 */
	public Generator talks(boolean on) {
		talks = on;
		return this;
	}

	/**
	 * Whether about one person in ten gets a fine (default true).
	 *
	 * @param on the value
	 * @return this builder
	 */
	public Generator fines(boolean on) {
		fines = on;
		return this;
	}

	/**
	 * Share in percent of the persons with PIPs on the Z-route, 0-100; -1 (default): every route.
	 *
	 * @param percent the value
	 * @return this builder
	 */
	public Generator zroutePercent(int percent) {
		zroutePercent = percent;
		return this;
	}

	/**
	 * Share in percent of the persons who moved in the quarter, 0-100; -1 (default): about 5.
	 *
	 * @param percent the value
	 * @return this builder
	 */
	public Generator moversPercent(int percent) {
		moversPercent = percent;
		return this;
	}

	/**
	 * No warnings at all besides the year policy's (default false: realistic).
	 *
	 * @param on the value
	 * @return this builder
	 */
	public Generator clean(boolean on) {
		clean = on;
		return this;
	}

	/**
	 * Every kenmerk that applies to a person filled (default false).
	 *
	 * @param on the value
	 * @return this builder
	 */
	public Generator full(boolean on) {
		full = on;
		return this;
	}

	/** A native generator with these options; the caller frees it. */
	private Pointer nativeGenerator() {
		long[] out = new long[1];
		SwiException.check(null, SwiNative.swi_generator_new(out));
		Pointer g = SwiNative.ptr(out);
		long[][] options = {
			{SEED, seed}, {PERSONS, persons}, {YEAR, year}, {QUARTER, quarter},
			{GEMEENTE, gemeente}, {BERICHTGEVER, berichtgever}, {ASIEL, asielPercent},
			{PIPS, pips ? 1 : 0}, {TALKS, talks ? 1 : 0}, {FINES, fines ? 1 : 0},
			{ZROUTE, zroutePercent}, {MOVERS, moversPercent}, {CLEAN, clean ? 1 : 0},
			{FULL, full ? 1 : 0},
		};
		for (long[] o : options) {
			int rc = SwiNative.swi_generator_set(g, (int) o[0], o[1]);
			if (rc < 0) {
				SwiException e = failure(g, rc);
				SwiNative.swi_generator_free(g);
				throw e;
			}
		}
		return g;
	}

	/** The exception for a failed call on generator {@code g}, with its message. */
	private static SwiException failure(Pointer g, int rc) {
		String message = SwiNative.swi_generator_last_message(g);
		return new SwiException(rc, message == null || message.isEmpty() ? SwiNative.swi_strerror(rc) : message);
	}

	/**
	 * A new delivery with these options.
	 *
	 * @return the delivery, which the caller closes
	 * @throws SwiException for an option out of range or a gemeentecode not in the year's list
	 */
	public Delivery generate() {
		Pointer g = nativeGenerator();
		try {
			long[] out = new long[1];
			int rc = SwiNative.swi_generate(out, g);
			if (rc < 0)
				throw failure(g, rc);
			return new Delivery(SwiNative.ptr(out), null);
		} finally {
			SwiNative.swi_generator_free(g);
		}
	}

	/**
	 * Adds the persons to {@code d}, for its own statistiekjaar and kwartaal
	 * (year, quarter, gemeente and berichtgever are not used). All or
	 * nothing.
	 *
	 * @param d the delivery to add to; its statistiekjaar and kwartaal must be set
	 * @return {@code d}
	 * @throws SwiException EINCOMPLETE without statistiekjaar or kwartaal, an option out of range,
	 *         or EINVAL for a closed delivery
	 */
	public Delivery addTo(Delivery d) {
		if (d == null)
			throw new SwiException(Status.EINVAL.code(), "delivery is null");
		Pointer g = nativeGenerator();
		try {
			int rc = d.query(h -> SwiNative.swi_generate_persons(h, g));
			if (rc < 0)
				throw failure(g, rc);
			return d;
		} finally {
			SwiNative.swi_generator_free(g);
		}
	}
}
