package nl.swi;

/**
 * The person or record was removed from its delivery ({@link Status#EREMOVED}):
 * the object, and every other object for the same person or record, can no
 * longer be used. Thrown by the binding when it knows of the removal, and for
 * libswi's SWI_EREMOVED when a native handle was used after its removal;
 * either way nothing was changed.
 */
public class StaleHandleException extends SwiException {
	private static final long serialVersionUID = 1L;

	StaleHandleException(int code, int kenmerk, String message) {
		super(code, kenmerk, message);
	}
}
