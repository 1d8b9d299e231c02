package nl.swi;

import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;

/** Copying out of NEW swi_buffers and NUL-terminated byte arrays. */
final class Buffers {
	private Buffers() {
	}

	/** Copies the bytes of a NEW swi_buffer and frees it (also on failure). */
	static byte[] take(Pointer buffer) {
		try {
			long size = SwiNative.swi_buffer_size(buffer);
			if (size > Integer.MAX_VALUE - 8)
				throw new SwiException(Status.ENOMEM.code(), "buffer of " + size + " bytes is too large for a Java array");
			if (size == 0)
				return new byte[0];
			return SwiNative.swi_buffer_data(buffer).getByteArray(0, (int) size);
		} finally {
			SwiNative.swi_buffer_free(buffer);
		}
	}

	static String takeString(Pointer buffer) {
		return new String(take(buffer), StandardCharsets.UTF_8);
	}

	/** The static NUL-terminated UTF-8 string whose address an out-parameter received, or null. */
	static String string(long[] out) {
		Pointer p = SwiNative.ptr(out);
		return p == null ? null : p.getString(0, "UTF-8");
	}

	/** The text before the first NUL of buf. */
	static String cString(byte[] buf) {
		int n = 0;
		while (n < buf.length && buf[n] != 0)
			n++;
		return new String(buf, 0, n, StandardCharsets.UTF_8);
	}
}
