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

	/** k35 Voortgangsgesprek - datum (required). */
	public LocalDate getVoortgangsgesprekDatum() {
		return getDate(35);
	}

	public Gesprek setVoortgangsgesprekDatum(LocalDate date) {
		setDate(35, date);
		return this;
	}
}
