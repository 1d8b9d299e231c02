package nl.swi;

/** A code-list entry of a numeric code list; {@link #value()} is what *_set_int takes. */
public interface NumericCode extends CodeValue {
	/**
	 * The code as a number (the C value).
	 *
	 * @return the code
	 */
	int value();

	@Override
	default String code() {
		return Integer.toString(value());
	}

	/**
	 * The enum constant with the given value, or null if there is none.
	 *
	 * @param <E> the enum
	 * @param type the enum's class
	 * @param value the code
	 * @return the constant, or {@code null}
	 */
	static <E extends Enum<E> & NumericCode> E of(Class<E> type, int value) {
		for (E e : type.getEnumConstants())
			if (e.value() == value)
				return e;
		return null;
	}
}
