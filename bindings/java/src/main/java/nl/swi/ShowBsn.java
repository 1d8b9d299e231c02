package nl.swi;

/**
 * Whether diagnostics show full BSNs ({@code SWI_VALIDATE_SHOW_BSN},
 * {@code SWI_READ_SHOW_BSN}). By default libswi masks them as *****6782.
 */
public enum ShowBsn {
	/** BSNs masked ({@code *****6782}). */
	MASKED(0),
	/** BSNs in full. */
	FULL(1);

	final int flags;

	ShowBsn(int flags) {
		this.flags = flags;
	}
}
