package nl.swi;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Delivery#validateAndWrite} returns: the file written and the
 * diagnostics of the one validation pass (warnings only, unless FORCE).
 */
public record WriteResult(Path path, List<Diagnostic> diagnostics) {
}
