package nl.swi;

import java.time.LocalDate;

/** A voortgangsgesprek (kenmerk 35; gezinsmigranten, at most five per quarter). */
public final class Gesprek extends Record {
	Gesprek(Person person, long address, int generation) {
		super(person, address, generation);
	}

	@Override
	public Category kind() {
		return Category.GESPREK;
	}

	/**
	 * k35 Voortgangsgesprek - datum (required).
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getVoortgangsgesprekDatum() {
		return getDate(35);
	}

	/**
	 * Sets k35 Voortgangsgesprek - datum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this voortgangsgesprek record, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Gesprek setVoortgangsgesprekDatum(LocalDate date) {
		setDate(35, date);
		return this;
	}
}
