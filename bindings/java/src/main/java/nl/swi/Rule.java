package nl.swi;

/**
 * A rule of libswi's catalogue (doc/rules.md), see {@link Swi#rules()}.
 *
 * @param id          the permanent id, e.g. "SWI-012"
 * @param severity    error or warning
 * @param kenmerken   the kenmerken it concerns, as text ("18, 19")
 * @param section     the guideline section
 * @param description a Dutch description
 */
public record Rule(String id, Severity severity, String kenmerken, String section, String description) {
}
