package dev.passage.index;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The threads that process articles for a build or an update. */
public final class IndexingThreads {

  private IndexingThreads() {}

  /**
   * {@code threads} threads behind a short queue, and caller-runs: the reader never races ahead of
   * the indexers by more than a few articles, so memory stays flat however large the folder.
   */
  public static ThreadPoolExecutor start(int threads, String name) {
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(threads * 16),
        Thread.ofPlatform().name(name, 1).daemon().factory(),
        new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** Waits for every task given to {@code pool}, which has been shut down. */
  public static void await(ThreadPoolExecutor pool) throws IOException {
    try {
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        Thread.onSpinWait();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    }
  }
}
