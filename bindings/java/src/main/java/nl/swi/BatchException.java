package nl.swi;

import com.sun.jna.Pointer;

/**
 * {@link Delivery#addAll(Batch)} refused a person of the batch (or one of its
 * records): the code, message and kenmerk are libswi's, as the single calls
 * give them, and {@link #getIndex()} tells which person. The persons before
 * it in the batch were added; it and the persons after it were not.
 */
public class BatchException extends SwiException {
	private static final long serialVersionUID = 1L;

	/** The index of the refused person in the batch. */
	private final int index;

	BatchException(int code, int kenmerk, String message, int index) {
		super(code, kenmerk, message);
		this.index = index;
	}

	/** The exception for {@code rc} at person {@code index}, with the last message of {@code d}. Under the lock. */
	static BatchException of(Pointer d, int rc, int index) {
		/* A refused BSN is the one refusal libswi names no kenmerk for: k8. */
		SwiException e = SwiException.of(d, rc, "person " + index + " of the batch (0-based)", 8);
		return new BatchException(e.getCode(), e.getKenmerk(), e.getMessage(), index);
	}

	/**
	 * The index (0-based) among the batch's persons of the refused one: also
	 * the number of persons of the batch that were added.
	 *
	 * @return the index
	 */
	public int getIndex() {
		return index;
	}
}
