package nl.swi;

import java.util.List;

/**
 * What {@link Swi#read} returns: the delivery that was read (owned by the
 * caller: close it, or this result) and the findings about the file itself,
 * each with its line number.
 */
public final class ReadResult implements AutoCloseable {
	private final Delivery delivery;
	private final List<Diagnostic> diagnostics;

	ReadResult(Delivery delivery, List<Diagnostic> diagnostics) {
		this.delivery = delivery;
		this.diagnostics = diagnostics;
	}

	/**
	 * The delivery that was read (closing this result closes it).
	 *
	 * @return the delivery
	 */
	public Delivery delivery() {
		return delivery;
	}

	/**
	 * SWI-008 (not well-formed), SWI-009 (structure), SWI-002/010/011 (values, BSNs).
	 *
	 * @return the diagnostics
	 */
	public List<Diagnostic> diagnostics() {
		return diagnostics;
	}

	/** Closes the delivery. */
	@Override
	public void close() {
		delivery.close();
	}
}
