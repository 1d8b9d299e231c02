package nl.swi;

/**
 * An entry of a kenmerk's code list: the code as it stands in the file and
 * its Dutch meaning. Implemented by the code-list enums ({@link Geslacht},
 * {@link TypeMigrant}, {@link LeerrouteRoute}, ...).
 */
public interface CodeValue {
	/**
	 * The code as written in the file ("2", "and").
	 *
	 * @return the code
	 */
	String code();

	/**
	 * The Dutch meaning from the guideline ("Vrouw").
	 *
	 * @return the meaning
	 */
	String meaning();
}
