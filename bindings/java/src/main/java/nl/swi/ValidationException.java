package nl.swi;

import java.util.List;

/**
 * {@link Delivery#validateAndWrite} found validation errors and wrote
 * nothing: code {@link Status#EINVALID}, with every diagnostic.
 */
public class ValidationException extends SwiException {
	private static final long serialVersionUID = 1L;

	private final transient List<Diagnostic> diagnostics;

	ValidationException(List<Diagnostic> diagnostics) {
		super(Status.EINVALID.code(), message(diagnostics));
		this.diagnostics = diagnostics;
	}

	private static String message(List<Diagnostic> diagnostics) {
		List<Diagnostic> errors = Diagnostic.errors(diagnostics);
		return "de levering heeft " + errors.size() + " fout(en) en wordt niet geschreven; eerste: "
			+ (errors.isEmpty() ? "?" : errors.get(0).rule() + " " + errors.get(0).message());
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
