package nl.swi;

import com.sun.jna.Pointer;

import java.util.List;

/**
 * {@link Delivery#validateAndWrite} found validation errors and wrote
 * nothing: code {@link Status#EINVALID} ({@link Status#EINCOMPLETE} when a
 * kenmerk the schema requires is missing) and message as libswi refuses to
 * write it, with every diagnostic.
 */
public class ValidationException extends SwiException {
	private static final long serialVersionUID = 1L;

	private final transient List<Diagnostic> diagnostics;

	ValidationException(int code, String message, List<Diagnostic> diagnostics) {
		super(code, message);
		this.diagnostics = diagnostics;
	}

	/**
	 * The exception for libswi's refusal {@code rc} to write delivery
	 * {@code d} (its code and message), with the diagnostics of the
	 * validation. Under the lock.
	 */
	static ValidationException of(Pointer d, int rc, List<Diagnostic> diagnostics) {
		SwiException e = SwiException.of(d, rc, null, 0);
		return new ValidationException(e.getCode(), e.getMessage(), diagnostics);
	}

	/**
	 * All diagnostics of the validation, errors and warnings.
	 *
	 * @return the diagnostics
	 */
	public List<Diagnostic> getDiagnostics() {
		return diagnostics;
	}
}
