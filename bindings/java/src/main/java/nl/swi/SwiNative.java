package nl.swi;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one JNA mapping of libswi: every exported function of
 * {@code lib/libswi.map}, as a direct-mapped {@code static native} method
 * (direct mapping costs a fraction of interface mapping per call).
 *
 * <p>Type mapping, chosen for speed (a direct call with primitive arrays
 * costs about 0.1 microseconds; a String argument or a PointerByReference
 * several times that):
 * <ul>
 * <li>handles are {@link Pointer};</li>
 * <li>{@code T **out} and {@code const char **out} are a {@code long[1]}
 *     receiving the address ({@link #ptr(long[])} makes the Pointer);</li>
 * <li>{@code size_t} and {@code int64_t} are {@code long}: the binding
 *     requires a 64-bit JVM, checked at load;</li>
 * <li>{@code int32_t *out} is an {@code int[1]}; {@code unsigned} flags and
 *     the C enums are {@code int};</li>
 * <li>{@code const char *} arguments are NUL-terminated UTF-8 {@code byte[]}
 *     ({@link #cstr(String)}), so a non-ASCII character reaches libswi as the
 *     UTF-8 bytes it must refuse, never as a lossy '?';</li>
 * <li>{@code const char *} results are {@link String}, decoded as UTF-8
 *     (library option).</li>
 * </ul>
 *
 * <p>The library is found, in this order (see {@link #load()}): the system
 * property {@code swi.library} or {@code SWI_LIBRARY}, or the environment
 * variable {@code SWI_LIBRARY} (a path or a name; an explicit choice wins);
 * else the copy bundled in the jar under JNA's resource path
 * ({@code linux-x86-64/libswi.so}); else the system library by its SONAME
 * {@code libswi.so.0}, else by the name {@code swi}. Before any function is
 * bound, {@code swi_version()} (there since libswi 0.1) must be at least
 * {@link #REQUIRED_VERSION}: an older libswi is one clear
 * {@link UnsatisfiedLinkError}, never a missing symbol.
 *
 * <p>Package-private on purpose: the handles must only be used through
 * {@link Delivery}, {@link Person} and {@link Record}, which guard their
 * lifetime. The test {@code NativeCompletenessTest} fails when a symbol
 * of the version script has no method here.
 */
final class SwiNative {
	private SwiNative() {
	}

	/**
	 * The oldest libswi this binding runs on: the release that added the
	 * newest symbol bound here (the last node of lib/libswi.map,
	 * LIBSWI_0.2). NativeCompletenessTest keeps it equal to that node and to
	 * the project version of meson.build.
	 */
	static final int[] REQUIRED_VERSION = {0, 2, 0};

	/** The libswi library as loaded (for diagnostics). */
	static final NativeLibrary LIBRARY;

	/** Where {@link #LIBRARY} came from, for messages ("from SWI_LIBRARY", ...). */
	static final String ORIGIN;

	static {
		if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8)
			throw new UnsatisfiedLinkError("the libswi Java binding needs a 64-bit JVM");
		String[] origin = new String[1];
		LIBRARY = load(origin);
		ORIGIN = origin[0];
		checkVersion(LIBRARY, ORIGIN); /* before any newer symbol is bound */
		Native.register(SwiNative.class, LIBRARY);
	}

	/**
	 * Loads libswi from the first place that has one: the explicit setting,
	 * the jar's bundled copy, the system library. origin[0] receives a
	 * description of where it came from.
	 */
	private static NativeLibrary load(String[] origin) {
		Map<String, Object> options = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");
		String explicit = System.getProperty("swi.library");
		String from = ", from -Dswi.library";
		if (explicit == null || explicit.isEmpty()) {
			explicit = System.getProperty("SWI_LIBRARY");
			from = ", from -DSWI_LIBRARY";
		}
		if (explicit == null || explicit.isEmpty()) {
			explicit = System.getenv("SWI_LIBRARY");
			from = ", from SWI_LIBRARY";
		}
		if (explicit != null && !explicit.isEmpty()) {
			/* A path (JNA would take a relative one for a name): make it absolute. */
			java.io.File file = new java.io.File(explicit);
			if (explicit.indexOf(java.io.File.separatorChar) >= 0 || file.isFile())
				explicit = file.getAbsolutePath();
			origin[0] = from;
			return NativeLibrary.getInstance(explicit, options);
		}
		List<String> tried = new ArrayList<>();
		UnsatisfiedLinkError first = null;
		/* The copy in the jar: JNA's resource path, e.g. linux-x86-64/libswi.so. */
		String resource = Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName("swi");
		ClassLoader loader = SwiNative.class.getClassLoader();
		if (loader != null && loader.getResource(resource) != null) {
			tried.add("the jar's " + resource);
			try {
				java.io.File file = Native.extractFromResourcePath("swi", loader);
				origin[0] = ", the copy bundled in the jar";
				return NativeLibrary.getInstance(file.getAbsolutePath(), options);
			} catch (java.io.IOException | UnsatisfiedLinkError e) {
				first = e instanceof UnsatisfiedLinkError ? (UnsatisfiedLinkError) e
					: (UnsatisfiedLinkError) new UnsatisfiedLinkError(resource + ": " + e).initCause(e);
			}
		}
		List<String> names = new ArrayList<>();
		if (Platform.isLinux() || Platform.isFreeBSD())
			names.add("libswi.so.0"); /* the SONAME: no -dev symlink needed */
		names.add("swi");
		for (String name : names) {
			tried.add(name);
			try {
				origin[0] = ", the system library";
				return NativeLibrary.getInstance(name, options);
			} catch (UnsatisfiedLinkError e) {
				if (first == null)
					first = e;
				else
					first.addSuppressed(e);
			}
		}
		UnsatisfiedLinkError e = new UnsatisfiedLinkError(
			"libswi not found (tried " + tried + "); set -Dswi.library=/path/to/libswi.so.0 "
				+ "or the environment variable SWI_LIBRARY");
		e.initCause(first);
		throw e;
	}

	/** "MAJOR.MINOR.MICRO" of a version triple. */
	static String versionText(int[] v) {
		return v[0] + "." + v[1] + "." + v[2];
	}

	/** The leading numbers of "MAJOR.MINOR.MICRO[-suffix]" (fewer when malformed). */
	static int[] parseVersion(String text) {
		String[] parts = text == null ? new String[0] : text.split("\\.", 4);
		int[] out = new int[Math.min(parts.length, 3)];
		for (int i = 0; i < out.length; i++) {
			int end = 0;
			while (end < parts[i].length() && Character.isDigit(parts[i].charAt(end)))
				end++;
			if (end == 0 || end > 9)
				return java.util.Arrays.copyOf(out, i);
			out[i] = Integer.parseInt(parts[i].substring(0, end));
		}
		return out;
	}

	/** True when v (three numbers) is at least the required version. */
	static boolean isRecentEnough(int[] v) {
		return v.length == 3 && java.util.Arrays.compare(v, REQUIRED_VERSION) >= 0;
	}

	/** The version handshake: one clear error for a libswi older than REQUIRED_VERSION. */
	private static void checkVersion(NativeLibrary lib, String origin) {
		String found = lib.getFunction("swi_version").invokeString(new Object[0], false);
		if (!isRecentEnough(parseVersion(found))) {
			String need = versionText(REQUIRED_VERSION);
			throw new UnsatisfiedLinkError("libswi " + (found == null || found.isEmpty() ? "(no version)" : found)
				+ " found, this binding needs >= " + need + " (loaded from " + lib.getFile() + origin
				+ "); install libswi >= " + need + " or set SWI_LIBRARY to the path of a newer libswi.so.0");
		}
	}

	/** NUL-terminated UTF-8 bytes of s, or null for null. */
	static byte[] cstr(String s) {
		if (s == null)
			return null;
		int n = s.length();
		byte[] b = new byte[n + 1];
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c >= 0x80) { /* rare: not ASCII */
				byte[] u = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				return java.util.Arrays.copyOf(u, u.length + 1);
			}
			b[i] = (byte) c;
		}
		return b;
	}

	/** The pointer an out-parameter received, or null. */
	static Pointer ptr(long[] out) {
		return out[0] == 0 ? null : new Pointer(out[0]);
	}

	/** swi_alloc_fn: realloc(ptr, size) for size > 0, free(ptr) for size == 0. */
	interface AllocFn extends Callback {
		Pointer invoke(Pointer userdata, Pointer ptr, long size);
	}

	/* ---- common.h ---------------------------------------------------- */
	static native String swi_strerror(int status);
	static native String swi_version();
	static native Pointer swi_buffer_data(Pointer buf);
	static native long swi_buffer_size(Pointer buf);
	static native void swi_buffer_free(Pointer buf);

	/* ---- kenmerk.h --------------------------------------------------- */
	static native String swi_kenmerk_element(int k);
	static native String swi_kenmerk_label(int k);
	static native int swi_kenmerk_category(int k);
	static native int swi_kenmerk_type(int k);
	static native int swi_kenmerk_width(int k);
	static native int swi_kenmerk_required(int k);
	static native int swi_kenmerk_by_element(byte[] element);
	static native int swi_kenmerk_code_count(int k);
	static native int swi_kenmerk_code_at(int k, int i, long[] code, long[] meaning);

	/* ---- delivery.h: the delivery ------------------------------------ */
	static native int swi_delivery_new(long[] out);
	static native int swi_delivery_new_with_allocator(long[] out, AllocFn alloc, Pointer userdata);
	static native void swi_delivery_free(Pointer d);
	static native int swi_delivery_last_error(Pointer d);
	static native int swi_delivery_last_kenmerk(Pointer d);
	static native String swi_delivery_last_message(Pointer d);
	static native int swi_delivery_set_int(Pointer d, int k, int value);
	static native int swi_delivery_set_text(Pointer d, int k, byte[] text);
	static native int swi_delivery_get_int(Pointer d, int k, int[] out);
	static native int swi_delivery_get_text(Pointer d, int k, byte[] buf, long size);
	static native int swi_delivery_unset(Pointer d, int k);
	static native int swi_delivery_has(Pointer d, int k);
	static native int swi_delivery_file_name(Pointer d, int zipped, byte[] buf, long size);

	/* ---- delivery.h: persons ----------------------------------------- */
	static native int swi_delivery_add_person(long[] out, Pointer d, byte[] bsn);
	static native int swi_delivery_add_person_ints(long[] out, Pointer d, byte[] bsn, long n, int[] kenmerken,
						       int[] values);
	static native int swi_delivery_add_batch(Pointer d, long nEntries, int[] entries, long nPairs, int[] kenmerken,
						 int[] values, long[] done);
	static native int swi_delivery_find_person(long[] out, Pointer d, byte[] bsn);
	static native long swi_delivery_person_count(Pointer d);
	static native Pointer swi_delivery_first_person(Pointer d);
	static native Pointer swi_person_next(Pointer p);
	static native int swi_person_remove(Pointer p);
	static native Pointer swi_person_delivery(Pointer p);
	static native int swi_person_set_int(Pointer p, int k, int value);
	static native int swi_person_set_date(Pointer p, int k, int year, int month, int day);
	static native int swi_person_set_text(Pointer p, int k, byte[] text);
	static native int swi_person_set_ints(Pointer p, long n, int[] kenmerken, int[] values);
	static native int swi_person_get_int(Pointer p, int k, int[] out);
	static native int swi_person_get_text(Pointer p, int k, byte[] buf, long size);
	static native int swi_person_unset(Pointer p, int k);
	static native int swi_person_has(Pointer p, int k);

	/* ---- delivery.h: records ----------------------------------------- */
	static native int swi_person_add_record(long[] out, Pointer p, int kind);
	static native int swi_person_add_record_ints(long[] out, Pointer p, int kind, long n, int[] kenmerken,
						     int[] values);
	static native long swi_person_record_count(Pointer p, int kind);
	static native Pointer swi_person_first_record(Pointer p, int kind);
	static native Pointer swi_record_next(Pointer r);
	static native int swi_record_remove(Pointer r);
	static native int swi_record_kind(Pointer r);
	static native Pointer swi_record_person(Pointer r);
	static native int swi_record_set_int(Pointer r, int k, int value);
	static native int swi_record_set_date(Pointer r, int k, int year, int month, int day);
	static native int swi_record_set_text(Pointer r, int k, byte[] text);
	static native int swi_record_set_ints(Pointer r, long n, int[] kenmerken, int[] values);
	static native int swi_record_get_int(Pointer r, int k, int[] out);
	static native int swi_record_get_text(Pointer r, int k, byte[] buf, long size);
	static native int swi_record_unset(Pointer r, int k);
	static native int swi_record_has(Pointer r, int k);

	/* ---- validate.h -------------------------------------------------- */
	static native int swi_delivery_set_reference_date(Pointer d, int yyyymmdd);
	static native int swi_delivery_validate(long[] out, Pointer d, byte[] fileName, int flags);
	static native int swi_delivery_compare(long[] out, Pointer previous, Pointer current, int flags);
	static native void swi_report_free(Pointer r);
	static native long swi_report_count(Pointer r);
	static native long swi_report_count_severity(Pointer r, int severity);
	static native String swi_report_rule(Pointer r, long i);
	static native int swi_report_severity(Pointer r, long i);
	static native int swi_report_kenmerk(Pointer r, long i);
	static native int swi_report_category(Pointer r, long i);
	static native long swi_report_person(Pointer r, long i);
	static native long swi_report_record(Pointer r, long i);
	static native String swi_report_bsn(Pointer r, long i);
	static native String swi_report_message(Pointer r, long i);
	static native long swi_report_line(Pointer r, long i);
	static native long swi_rule_count();
	static native int swi_rule_at(long i, long[] id, int[] severity, long[] kenmerken,
				      long[] section, long[] description);
	static native int swi_ruleset_for_year(int year, int referenceDate, int[] rulesetYear, int[] kind);
	static native int swi_delivery_load_gemeenten(Pointer d, int year, byte[] path);

	/* ---- write.h ----------------------------------------------------- */
	static native int swi_delivery_write_buffer(long[] out, Pointer d, int flags);
	static native int swi_delivery_write_fd(Pointer d, int flags, int fd);
	static native int swi_delivery_write_dir(Pointer d, int flags, byte[] dir, byte[] pathBuf, long pathSize);
	static native int swi_schema_xsd(long[] out);

	/* ---- mirror.h ---------------------------------------------------- */
	static native int swi_delivery_mirror(long[] out, Pointer d);
	static native void swi_mirror_free(Pointer m);
	static native long swi_mirror_persons(Pointer m, int typeMigrant, int geslacht);
	static native long swi_mirror_filled(Pointer m, int k);
	static native long swi_mirror_pips(Pointer m, int route, int niveau);
	static native long swi_mirror_talks(Pointer m);
	static native long swi_mirror_fines(Pointer m, int reden);
	static native long swi_mirror_fine_amount(Pointer m, int reden);
	static native int swi_mirror_json(long[] out, Pointer m);
	static native int swi_mirror_html(long[] out, Pointer m);
	static native int swi_mirror_html_source(long[] out, Pointer m, byte[] source, int yyyymmdd);

	/* ---- diff.h ------------------------------------------------------ */
	static native int swi_delivery_diff(long[] out, Pointer expected, Pointer actual, int flags);
	static native void swi_diff_free(Pointer d);
	static native long swi_diff_count(Pointer d);
	static native int swi_diff_entry_kind(Pointer d, long i);
	static native int swi_diff_entry_kenmerk(Pointer d, long i);
	static native int swi_diff_entry_category(Pointer d, long i);
	static native long swi_diff_expected_person(Pointer d, long i);
	static native long swi_diff_actual_person(Pointer d, long i);
	static native long swi_diff_expected_record(Pointer d, long i);
	static native long swi_diff_actual_record(Pointer d, long i);
	static native String swi_diff_expected_value(Pointer d, long i);
	static native String swi_diff_actual_value(Pointer d, long i);
	static native String swi_diff_bsn(Pointer d, long i);
	static native String swi_diff_message(Pointer d, long i);
	static native int swi_diff_text(long[] out, Pointer d);
	/* ---- generate.h -------------------------------------------------- */
	static native int swi_generator_new(long[] out);
	static native void swi_generator_free(Pointer g);
	static native int swi_generator_set(Pointer g, int option, long value);
	static native int swi_generator_get(Pointer g, int option, long[] out);
	static native String swi_generator_last_message(Pointer g);
	static native int swi_generate(long[] out, Pointer g);
	static native int swi_generate_persons(Pointer d, Pointer g);

	/* ---- read.h ------------------------------------------------------ */
	static native int swi_read_file(long[] out, long[] report, byte[] path,
					byte[] xsdPath, int flags);
	static native int swi_read_buffer(long[] out, long[] report, byte[] data, long size,
					  byte[] xsdPath, int flags);
}
