package nl.swi;

import java.time.LocalDate;

/** A persoonlijk inburgeringsplan (PIP, kenmerken 30-34). */
public final class Pip extends Record {
	Pip(Person person, long address, int generation) {
		super(person, address, generation);
	}

	@Override
	public Category kind() {
		return Category.PIP;
	}

	/** k30 PIP - datum (required). */
	public LocalDate getPipDatum() {
		return getDate(30);
	}

	public Pip setPipDatum(LocalDate date) {
		setDate(30, date);
		return this;
	}

	/** k31 Leerroute - route. */
	public LeerrouteRoute getLeerrouteRoute() {
		return getCode(31, LeerrouteRoute.class);
	}

	public Pip setLeerrouteRoute(LeerrouteRoute route) {
		setCode(31, route);
		return this;
	}

	/** k32 Leerroute - niveau. */
	public LeerrouteNiveau getLeerrouteNiveau() {
		return getCode(32, LeerrouteNiveau.class);
	}

	public Pip setLeerrouteNiveau(LeerrouteNiveau niveau) {
		setCode(32, niveau);
		return this;
	}

	/** k33 Leerroute - begindatum (asielmigranten). */
	public LocalDate getLeerrouteBegindatum() {
		return getDate(33);
	}

	public Pip setLeerrouteBegindatum(LocalDate date) {
		setDate(33, date);
		return this;
	}

	/** k34 Leerroute - einddatum. */
	public LocalDate getLeerrouteEinddatum() {
		return getDate(34);
	}

	public Pip setLeerrouteEinddatum(LocalDate date) {
		setDate(34, date);
		return this;
	}
}
