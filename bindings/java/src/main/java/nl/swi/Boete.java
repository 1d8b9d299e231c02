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

	/** k36 Boete - datum. */
	public LocalDate getBoeteDatum() {
		return getDate(36);
	}

	public Boete setBoeteDatum(LocalDate date) {
		setDate(36, date);
		return this;
	}

	/** k37 Boete - reden. */
	public BoeteReden getBoeteReden() {
		return getCode(37, BoeteReden.class);
	}

	public Boete setBoeteReden(BoeteReden reden) {
		setCode(37, reden);
		return this;
	}

	/** k38 Boete - hoogte bedrag (whole euros, 0-9999). */
	public Integer getBoeteBedrag() {
		return getInt(38);
	}

	public Boete setBoeteBedrag(Integer euros) {
		setInt(38, euros);
		return this;
	}
}
