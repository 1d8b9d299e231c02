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

	/**
	 * k30 PIP - datum (required).
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getPipDatum() {
		return getDate(30);
	}

	/**
	 * Sets k30 PIP - datum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this PIP record, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Pip setPipDatum(LocalDate date) {
		setDate(30, date);
		return this;
	}

	/**
	 * k31 Leerroute - route.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LeerrouteRoute getLeerrouteRoute() {
		return getCode(31, LeerrouteRoute.class);
	}

	/**
	 * Sets k31 Leerroute - route; {@code null} removes the value.
	 *
	 * @param route the new value, or {@code null}
	 * @return this PIP record, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Pip setLeerrouteRoute(LeerrouteRoute route) {
		setCode(31, route);
		return this;
	}

	/**
	 * k32 Leerroute - niveau.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LeerrouteNiveau getLeerrouteNiveau() {
		return getCode(32, LeerrouteNiveau.class);
	}

	/**
	 * Sets k32 Leerroute - niveau; {@code null} removes the value.
	 *
	 * @param niveau the new value, or {@code null}
	 * @return this PIP record, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Pip setLeerrouteNiveau(LeerrouteNiveau niveau) {
		setCode(32, niveau);
		return this;
	}

	/**
	 * k33 Leerroute - begindatum (asielmigranten).
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getLeerrouteBegindatum() {
		return getDate(33);
	}

	/**
	 * Sets k33 Leerroute - begindatum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this PIP record, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Pip setLeerrouteBegindatum(LocalDate date) {
		setDate(33, date);
		return this;
	}

	/**
	 * k34 Leerroute - einddatum.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getLeerrouteEinddatum() {
		return getDate(34);
	}

	/**
	 * Sets k34 Leerroute - einddatum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this PIP record, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Pip setLeerrouteEinddatum(LocalDate date) {
		setDate(34, date);
		return this;
	}
}
