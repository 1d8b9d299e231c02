package nl.swi;

import com.sun.jna.Pointer;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * The iterator of a delivery's persons ({@link Delivery#persons()}) and of a
 * person's records ({@link Person#records}): the native list walked under the
 * delivery's lock, failing fast ({@link ConcurrentModificationException}) on a
 * removal it did not make, and throwing as every call does once the delivery
 * is closed or the person removed ({@link KenmerkHolder#live()}).
 *
 * @param <T> the wrapper of an element
 */
final class Walk<T> implements Iterator<T> {
	private final KenmerkHolder parent;
	private final UnaryOperator<Pointer> step;
	private final LongFunction<T> wrap;
	private final Consumer<T> remove;
	private Pointer next;
	private T last;
	private int expectedRemovals;

	/**
	 * @param parent the delivery or person whose list it is
	 * @param first  its first element (null: none), from the parent's live handle
	 * @param step   the element after one (null: none)
	 * @param wrap   the wrapper of a live element's address (called under the lock)
	 * @param remove removes an element returned by {@link #next()}
	 */
	Walk(KenmerkHolder parent, KenmerkHolder.NativeQuery<Pointer> first, UnaryOperator<Pointer> step,
	     LongFunction<T> wrap, Consumer<T> remove) {
		this.parent = parent;
		this.step = step;
		this.wrap = wrap;
		this.remove = remove;
		Delivery d = parent.owner();
		synchronized (d.lock) {
			next = parent.query(first);
			expectedRemovals = d.removals;
		}
	}

	/** Under the lock. */
	private void checkState() {
		parent.live();
		if (parent.owner().removals != expectedRemovals)
			throw new ConcurrentModificationException("a person or record was removed during the iteration");
	}

	@Override
	public boolean hasNext() {
		synchronized (parent.owner().lock) {
			checkState();
			return next != null;
		}
	}

	@Override
	public T next() {
		synchronized (parent.owner().lock) {
			checkState();
			if (next == null)
				throw new NoSuchElementException();
			T element = wrap.apply(Pointer.nativeValue(next));
			/* Fetched before the caller may remove the element (delivery.h). */
			next = step.apply(next);
			last = element;
			return element;
		}
	}

	@Override
	public void remove() {
		synchronized (parent.owner().lock) {
			checkState();
			if (last == null)
				throw new IllegalStateException();
			remove.accept(last);
			last = null;
			expectedRemovals = parent.owner().removals;
		}
	}
}
