package nl.swi;

import com.sun.jna.Pointer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A person of a delivery (kenmerken 8-29) with its PIPs, voortgangsgesprekken
 * and boetes. Obtained from {@link Delivery#addPerson}, {@link Delivery#findPerson}
 * or {@link Delivery#persons()}. Several Person objects may stand for the same
 * person: compare them with {@link #equals}. Holds its delivery strongly.
 *
 * <p>Typed accessors use {@link LocalDate} for dates, enums for code lists
 * and {@link Integer} for numbers; {@code null} means "no value" (a setter
 * given null unsets). Setters return this person.
 */
public final class Person extends KenmerkHolder {
	final Delivery delivery;
	private final Pointer handle;
	private final long address;
	/** The generation of the address when this object was made (see Delivery). */
	private final int generation;

	Person(Delivery delivery, long address, int generation) {
		this.delivery = delivery;
		this.address = address;
		this.handle = new Pointer(address);
		this.generation = generation;
	}

	/** Whether the person was removed. Under the lock. */
	private boolean gone() {
		return delivery.anyRemoved && delivery.personGeneration(address) != generation;
	}

	@Override
	Delivery owner() {
		return delivery;
	}

	@Override
	Pointer live() {
		delivery.checkOpen();
		if (gone())
			throw SwiException.removed("the person was removed from the delivery");
		return handle;
	}

	@Override
	int nSetInt(Pointer h, int k, int value) {
		return SwiNative.swi_person_set_int(h, k, value);
	}

	@Override
	int nSetDate(Pointer h, int k, int year, int month, int day) {
		return SwiNative.swi_person_set_date(h, k, year, month, day);
	}

	@Override
	int nSetText(Pointer h, int k, byte[] text) {
		return SwiNative.swi_person_set_text(h, k, text);
	}

	@Override
	int nGetInt(Pointer h, int k, int[] out) {
		return SwiNative.swi_person_get_int(h, k, out);
	}

	@Override
	int nGetText(Pointer h, int k, byte[] buf, long size) {
		return SwiNative.swi_person_get_text(h, k, buf, size);
	}

	@Override
	int nUnset(Pointer h, int k) {
		return SwiNative.swi_person_unset(h, k);
	}

	@Override
	int nHas(Pointer h, int k) {
		return SwiNative.swi_person_has(h, k);
	}

	/**
	 * The delivery this person belongs to.
	 *
	 * @return the delivery
	 */
	public Delivery delivery() {
		return delivery;
	}

	/**
	 * Whether the person was removed (then every other call throws).
	 *
	 * @return whether it was removed
	 */
	public boolean isRemoved() {
		synchronized (delivery.lock) {
			return !delivery.isClosed() && gone();
		}
	}

	/**
	 * Sets {@code kenmerken[i]} to {@code values[i]} for i &lt; n in ONE native
	 * call, as {@link #setInt} would (codes, numbers, dates as yyyymmdd): all
	 * or nothing. The BSN (k8) is not accepted here.
	 *
	 * @param n how many of the pairs to set
	 * @param kenmerken kenmerk numbers
	 * @param values their values
	 * @return this person
	 */
	public Person setInts(int n, int[] kenmerken, int[] values) {
		if (n < 0 || n > kenmerken.length || n > values.length)
			throw new SwiException(Status.EINVAL.code(), "n = " + n + " outside the arrays");
		/* One value: the cheaper call without arrays, same check and message (not k8,
		 * which set_ints refuses). */
		if (n == 1 && kenmerken[0] != 8)
			call(kenmerken[0], h -> SwiNative.swi_person_set_int(h, kenmerken[0], values[0]));
		else if (n > 0)
			call(0, h -> SwiNative.swi_person_set_ints(h, n, kenmerken, values));
		return this;
	}

	/**
	 * {@link #setInts(int, int[], int[])} for all of both arrays (of equal length).
	 *
	 * @param kenmerken kenmerk numbers
	 * @param values their values
	 * @return this person
	 */
	public Person setInts(int[] kenmerken, int[] values) {
		if (kenmerken.length != values.length)
			throw new SwiException(Status.EINVAL.code(), "kenmerken and values differ in length");
		return setInts(kenmerken.length, kenmerken, values);
	}

	/** Removes the person and all its records; this object and its records' objects become unusable. */
	public void remove() {
		query(h -> {
			/* libswi reuses the memory of the records at once: retire their addresses. */
			List<Long> records = new ArrayList<>();
			for (Category kind : Record.KINDS)
				for (Pointer r = SwiNative.swi_person_first_record(h, kind.value()); r != null;
				     r = SwiNative.swi_record_next(r))
					records.add(Pointer.nativeValue(r));
			delivery.check(SwiNative.swi_person_remove(h));
			for (long r : records)
				delivery.recordRemoved(r);
			delivery.personRemoved(address);
			return null;
		});
	}

	/* ---- records --------------------------------------------------- */

	/**
	 * Adds an empty record of {@code kind} (PIP, GESPREK or BOETE) after the person's others of that kind.
	 *
	 * @param kind the record kind
	 * @return the new record
	 */
	public Record addRecord(Category kind) {
		if (kind == null)
			throw new SwiException(Status.EINVAL.code(), "kind is null");
		return query(h -> {
			delivery.check(SwiNative.swi_person_add_record(delivery.out, h, kind.value()));
			return wrapRecord(delivery.out[0], kind);
		});
	}

	/**
	 * Adds a record of {@code kind} with {@code kenmerken[i]} set to
	 * {@code values[i]} for i &lt; n, in ONE native call and all or nothing:
	 * when a value is refused, no record is added.
	 *
	 * @param kind the record kind
	 * @param n how many of the pairs to set
	 * @param kenmerken kenmerk numbers
	 * @param values their values
	 * @return the new record
	 */
	public Record addRecord(Category kind, int n, int[] kenmerken, int[] values) {
		if (kind == null)
			throw new SwiException(Status.EINVAL.code(), "kind is null");
		if (n < 0 || n > kenmerken.length || n > values.length)
			throw new SwiException(Status.EINVAL.code(), "n = " + n + " outside the arrays");
		return query(h -> {
			delivery.check(SwiNative.swi_person_add_record_ints(delivery.out, h, kind.value(), n, kenmerken, values));
			return wrapRecord(delivery.out[0], kind);
		});
	}

	/**
	 * {@link #addRecord(Category, int, int[], int[])} for all of both arrays (of equal length).
	 *
	 * @param kind the record kind
	 * @param kenmerken kenmerk numbers
	 * @param values their values
	 * @return the new record
	 */
	public Record addRecord(Category kind, int[] kenmerken, int[] values) {
		if (kenmerken.length != values.length)
			throw new SwiException(Status.EINVAL.code(), "kenmerken and values differ in length");
		return addRecord(kind, kenmerken.length, kenmerken, values);
	}

	/**
	 * Adds an empty PIP record (k30-k34).
	 *
	 * @return the new record
	 */
	public Pip addPip() {
		return (Pip) addRecord(Category.PIP);
	}

	/**
	 * Adds an empty voortgangsgesprek record (k35).
	 *
	 * @return the new record
	 */
	public Gesprek addGesprek() {
		return (Gesprek) addRecord(Category.GESPREK);
	}

	/**
	 * Adds an empty boete record (k36-k38).
	 *
	 * @return the new record
	 */
	public Boete addBoete() {
		return (Boete) addRecord(Category.BOETE);
	}

	/**
	 * Number of records of {@code kind}.
	 *
	 * @param kind the record kind
	 * @return the number of records
	 */
	public int recordCount(Category kind) {
		return query(h -> (int) SwiNative.swi_person_record_count(h, kind.value()));
	}

	/**
	 * The records of {@code kind} in insertion order. The iterator supports remove().
	 *
	 * @param kind the record kind
	 * @return the records
	 */
	public Iterable<Record> records(Category kind) {
		return records(kind, Record.class);
	}

	/**
	 * The PIP records in insertion order.
	 *
	 * @return the records
	 */
	public Iterable<Pip> pips() {
		return records(Category.PIP, Pip.class);
	}

	/**
	 * The voortgangsgesprek records in insertion order.
	 *
	 * @return the records
	 */
	public Iterable<Gesprek> gesprekken() {
		return records(Category.GESPREK, Gesprek.class);
	}

	/**
	 * The boete records in insertion order.
	 *
	 * @return the records
	 */
	public Iterable<Boete> boetes() {
		return records(Category.BOETE, Boete.class);
	}

	/** The records of {@code kind} as {@code type}s (EINVAL for another kind, from iterator()). */
	private <T extends Record> Iterable<T> records(Category kind, Class<T> type) {
		return () -> {
			if (kind != Category.PIP && kind != Category.GESPREK && kind != Category.BOETE)
				throw new SwiException(Status.EINVAL.code(), "no records of kind " + kind);
			return new Walk<>(this, h -> SwiNative.swi_person_first_record(h, kind.value()),
				SwiNative::swi_record_next, address -> type.cast(wrapRecord(address, kind)), Record::remove);
		};
	}

	/** A wrapper of a live record's address of this person. Under the lock. */
	Record wrapRecord(long address, Category kind) {
		return Record.create(this, address, delivery.recordGeneration(address), kind);
	}

	/* ---- typed kenmerken 8-29 -------------------------------------- */

	/**
	 * k8 Burgerservicenummer (nine digits).
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public String getBsn() {
		return getText(8);
	}

	/**
	 * Changes the BSN (k8): 11-test and uniqueness are checked; it cannot be unset.
	 *
	 * @param bsn the new BSN
	 * @return this person
	 */
	public Person setBsn(String bsn) {
		set(8, bsn); /* null: libswi refuses to unset it (EREQUIRED) */
		return this;
	}

	/**
	 * k9 Geboortedatum.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getGeboortedatum() {
		return getDate(9);
	}

	/**
	 * Sets k9 Geboortedatum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setGeboortedatum(LocalDate date) {
		setDate(9, date);
		return this;
	}

	/**
	 * k10 Geslacht.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Geslacht getGeslacht() {
		return getCode(10, Geslacht.class);
	}

	/**
	 * Sets k10 Geslacht; {@code null} removes the value.
	 *
	 * @param geslacht the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setGeslacht(Geslacht geslacht) {
		setCode(10, geslacht);
		return this;
	}

	/**
	 * k11 Type migrant.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public TypeMigrant getTypeMigrant() {
		return getCode(11, TypeMigrant.class);
	}

	/**
	 * Sets k11 Type migrant; {@code null} removes the value.
	 *
	 * @param type the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setTypeMigrant(TypeMigrant type) {
		setCode(11, type);
		return this;
	}

	/**
	 * k12 Maatschappelijke begeleiding - begindatum (asielmigranten).
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getMaatschappelijkeBegeleidingBegindatum() {
		return getDate(12);
	}

	/**
	 * Sets k12 Maatschappelijke begeleiding - begindatum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setMaatschappelijkeBegeleidingBegindatum(LocalDate date) {
		setDate(12, date);
		return this;
	}

	/**
	 * k13 Ontzorgen - begindatum (asielmigranten).
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getOntzorgenBegindatum() {
		return getDate(13);
	}

	/**
	 * Sets k13 Ontzorgen - begindatum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setOntzorgenBegindatum(LocalDate date) {
		setDate(13, date);
		return this;
	}

	/**
	 * k14 Ontzorgen - einddatum (asielmigranten).
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getOntzorgenEinddatum() {
		return getDate(14);
	}

	/**
	 * Sets k14 Ontzorgen - einddatum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setOntzorgenEinddatum(LocalDate date) {
		setDate(14, date);
		return this;
	}

	/**
	 * k15 Brede intake - begindatum.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getBredeIntakeBegindatum() {
		return getDate(15);
	}

	/**
	 * Sets k15 Brede intake - begindatum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setBredeIntakeBegindatum(LocalDate date) {
		setDate(15, date);
		return this;
	}

	/**
	 * k16 Brede intake - gevolgde uren taalles en KNM (0-9999).
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Integer getBredeIntakeUrenTaalKnm() {
		return getInt(16);
	}

	/**
	 * Sets k16 Brede intake - gevolgde uren taalles en KNM; {@code null} removes the value.
	 *
	 * @param hours the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setBredeIntakeUrenTaalKnm(Integer hours) {
		setInt(16, hours);
		return this;
	}

	/**
	 * k17 Waarschuwing niet verschijnen bij intake - datum.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getWaarschuwingIntakeDatum() {
		return getDate(17);
	}

	/**
	 * Sets k17 Waarschuwing niet verschijnen bij intake - datum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setWaarschuwingIntakeDatum(LocalDate date) {
		setDate(17, date);
		return this;
	}

	/**
	 * k18 Alfabetiseringscursus.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public NeeJa getAlfabetiseringscursus() {
		return getCode(18, NeeJa.class);
	}

	/**
	 * Sets k18 Alfabetiseringscursus; {@code null} removes the value.
	 *
	 * @param value the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setAlfabetiseringscursus(NeeJa value) {
		setCode(18, value);
		return this;
	}

	/**
	 * k19 Analfabetisme.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Analfabetisme getAnalfabetisme() {
		return getCode(19, Analfabetisme.class);
	}

	/**
	 * Sets k19 Analfabetisme; {@code null} removes the value.
	 *
	 * @param value the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setAnalfabetisme(Analfabetisme value) {
		setCode(19, value);
		return this;
	}

	/**
	 * k20 PVT - ondertekeningsdatum.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getPvtOndertekeningsdatum() {
		return getDate(20);
	}

	/**
	 * Sets k20 PVT - ondertekeningsdatum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setPvtOndertekeningsdatum(LocalDate date) {
		setDate(20, date);
		return this;
	}

	/**
	 * k21 MAP - datum eerste activiteit.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getMapDatumEersteActiviteit() {
		return getDate(21);
	}

	/**
	 * Sets k21 MAP - datum eerste activiteit; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setMapDatumEersteActiviteit(LocalDate date) {
		setDate(21, date);
		return this;
	}

	/**
	 * k22 MAP - datum eindgesprek.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getMapDatumEindgesprek() {
		return getDate(22);
	}

	/**
	 * Sets k22 MAP - datum eindgesprek; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setMapDatumEindgesprek(LocalDate date) {
		setDate(22, date);
		return this;
	}

	/**
	 * k23 Z-route - inschatting taalniveau.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public NeeJa getZrouteInschattingTaalniveau() {
		return getCode(23, NeeJa.class);
	}

	/**
	 * Sets k23 Z-route - inschatting taalniveau; {@code null} removes the value.
	 *
	 * @param value the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setZrouteInschattingTaalniveau(NeeJa value) {
		setCode(23, value);
		return this;
	}

	/**
	 * k24 Z-route - lezen.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Taalniveau getZrouteLezen() {
		return getCode(24, Taalniveau.class);
	}

	/**
	 * Sets k24 Z-route - lezen; {@code null} removes the value.
	 *
	 * @param value the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setZrouteLezen(Taalniveau value) {
		setCode(24, value);
		return this;
	}

	/**
	 * k25 Z-route - schrijven.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Taalniveau getZrouteSchrijven() {
		return getCode(25, Taalniveau.class);
	}

	/**
	 * Sets k25 Z-route - schrijven; {@code null} removes the value.
	 *
	 * @param value the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setZrouteSchrijven(Taalniveau value) {
		setCode(25, value);
		return this;
	}

	/**
	 * k26 Z-route - spreken.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Taalniveau getZrouteSpreken() {
		return getCode(26, Taalniveau.class);
	}

	/**
	 * Sets k26 Z-route - spreken; {@code null} removes the value.
	 *
	 * @param value the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setZrouteSpreken(Taalniveau value) {
		setCode(26, value);
		return this;
	}

	/**
	 * k27 Z-route - luisteren.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public Taalniveau getZrouteLuisteren() {
		return getCode(27, Taalniveau.class);
	}

	/**
	 * Sets k27 Z-route - luisteren; {@code null} removes the value.
	 *
	 * @param value the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setZrouteLuisteren(Taalniveau value) {
		setCode(27, value);
		return this;
	}

	/**
	 * k28 Einde begeleiding gemeente - reden.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public EindeBegeleidingReden getEindeBegeleidingReden() {
		return getCode(28, EindeBegeleidingReden.class);
	}

	/**
	 * Sets k28 Einde begeleiding gemeente - reden; {@code null} removes the value.
	 *
	 * @param value the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setEindeBegeleidingReden(EindeBegeleidingReden value) {
		setCode(28, value);
		return this;
	}

	/**
	 * k29 Einde begeleiding gemeente - datum.
	 *
	 * @return the value, or {@code null} when it has none
	 */
	public LocalDate getEindeBegeleidingDatum() {
		return getDate(29);
	}

	/**
	 * Sets k29 Einde begeleiding gemeente - datum; {@code null} removes the value.
	 *
	 * @param date the new value, or {@code null}
	 * @return this person, for chaining
	 * @throws SwiException when libswi refuses the value (the message names the kenmerk)
	 */
	public Person setEindeBegeleidingDatum(LocalDate date) {
		setDate(29, date);
		return this;
	}

	/** The same person of the same delivery (and not removed in between). */
	@Override
	public boolean equals(Object o) {
		return o instanceof Person && ((Person) o).delivery == delivery && ((Person) o).address == address
			&& ((Person) o).generation == generation;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(address) * 31 + generation;
	}

	@Override
	public String toString() {
		synchronized (delivery.lock) {
			if (delivery.isClosed())
				return "Person[delivery closed]";
			if (gone())
				return "Person[removed]";
			String bsn = getBsn();
			return "Person[*****" + bsn.substring(bsn.length() - 4) + "]";
		}
	}
}
