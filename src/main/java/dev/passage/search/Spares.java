package dev.passage.search;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.lucene.util.IOSupplier;

/**
 * Objects of one reader that a search borrows for itself and gives back for the next search, so
 * that their buffers are made once rather than on every search. At most {@code capacity} are kept:
 * a burst of concurrent searches leaves no lasting cost.
 */
final class Spares<T> {

  private final BlockingQueue<T> kept;

  Spares(int capacity) {
    this.kept = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * A kept object, or a new one from {@code make}; the caller alone uses it until it gives it back.
   */
  T borrow(IOSupplier<T> make) throws IOException {
    T spare = take();
    return spare != null ? spare : make.get();
  }

  /** A kept object for the caller alone until it gives it back, or null when none is kept. */
  T take() {
    return kept.poll();
  }

  /** Takes back an object from {@link #borrow}, which the caller no longer uses. */
  void giveBack(T spare) {
    kept.offer(spare);
  }
}
