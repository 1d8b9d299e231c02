package nl.swi;

/** Flags of the writers ({@code swi_write_flags}). */
public enum WriteOption {
	/** A ZIP archive holding the one .XML file (guideline 3.4.1); EUNSUPPORTED without zip support. */
	ZIP(1),
	/** Write even if validation finds errors (tests and repair tools). */
	FORCE(2);

	private final int bit;

	WriteOption(int bit) {
		this.bit = bit;
	}

	static int flags(WriteOption... options) {
		int f = 0;
		for (WriteOption o : options)
			f |= o.bit;
		return f;
	}

	static boolean has(WriteOption o, WriteOption... options) {
		for (WriteOption x : options)
			if (x == o)
				return true;
		return false;
	}
}
