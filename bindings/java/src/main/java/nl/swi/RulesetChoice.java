package nl.swi;

/**
 * Which ruleset libswi applies to a statistiekjaar ({@link Swi#rulesetForYear}, doc/years.md).
 *
 * @param ruleset the year of the ruleset applied, e.g. 2026
 * @param kind    how it was chosen
 */
public record RulesetChoice(int ruleset, Kind kind) {
	/** The values of {@code swi_ruleset_kind}, in order. */
	public enum Kind {
		/** The year has its own ruleset. */
		OWN,
		/** A later year without one: the newest ruleset, with warning SWI-017. */
		NEWEST,
		/** An earlier year from 2022: the oldest ruleset, with warning SWI-018. */
		OLDEST,
	}
}
