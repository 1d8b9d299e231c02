package nl.swi;

import java.time.LocalDate;

/** A boete (kenmerken 36-38, all required). */
public final class Boete extends Record {
	Boete(Person person, long address, int generation) {
		super(person, address, generation);
	}

	@Override
	public Category kind() {
		return Category.BOETE;
	}

	/**
	 * k36 Boete - datum.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getBoeteDatum() {
		return getDate(36);
	}

	/**
	 * Sets k36 Boete - datum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this boete record, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Boete setBoeteDatum(LocalDate date) {
		setDate(36, date);
		return this;
	}

	/**
	 * k37 Boete - reden.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public BoeteReden getBoeteReden() {
		return getCode(37, BoeteReden.class);
	}

	/**
	 * Sets k37 Boete - reden; {@code null} removes the value.
	 *
	 * @param reden the new value, or {@code null}
	 * @return this boete record, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Boete setBoeteReden(BoeteReden reden) {
		setCode(37, reden);
		return this;
	}

	/**
	 * k38 Boete - hoogte bedrag (whole euros, 0-9999).
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Integer getBoeteBedrag() {
		return getInt(38);
	}

	/**
	 * Sets k38 Boete - hoogte bedrag; {@code null} removes the value.
	 *
	 * @param euros the new value, or {@code null}
	 * @return this boete record, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Boete setBoeteBedrag(Integer euros) {
		setInt(38, euros);
		return this;
	}
}
