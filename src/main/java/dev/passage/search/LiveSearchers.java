package dev.passage.search;

import dev.passage.index.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The searchers of one index directory, shared by all requests. A {@link SearcherManager} hands out
 * the current searcher and a background thread refreshes it once a second, so a new build committed
 * by {@code passage index} (or by the server itself) is picked up without a restart, and no request
 * ever waits for a reopen.
 */
public final class LiveSearchers implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveSearchers.class);

  private final Directory directory;
  private final SearcherManager manager;
  private final ScheduledExecutorService refresher;

  /** The threads that search the parts of one query while few queries run; see {@link #widened}. */
  private final ExecutorService sliceThreads;

  private final int cores = Runtime.getRuntime().availableProcessors();

  /**
   * A segment is split for several threads into parts no smaller than this: below it, starting the
   * threads and looking each word up again in every part costs more than the part saves.
   */
  static final int MIN_PART_DOCS = 250_000;

  private final int minPartDocs;

  /** Searches running now, to tell whether a query may take more than one core. */
  private final AtomicInteger running = new AtomicInteger();

  private LiveSearchers(
      Directory directory, SearcherManager manager, long refreshMillis, int minPartDocs) {
    this.directory = directory;
    this.manager = manager;
    this.minPartDocs = minPartDocs;
    this.sliceThreads =
        Executors.newFixedThreadPool(
            cores, Thread.ofPlatform().name("passage-search-slice-", 0).daemon().factory());
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("passage-searcher-refresh").daemon().factory());
    if (refreshMillis > 0) {
      refresher.scheduleWithFixedDelay(
          this::refresh, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Opens the index in {@code dir}.
   *
   * @throws IOException when there is no readable index there
   */
  public static LiveSearchers open(Path dir, Schema schema) throws IOException {
    return open(FSDirectory.open(dir), schema, 1_000);
  }

  /** Opens the index in {@code directory}, refreshing every {@code refreshMillis} (0: never). */
  public static LiveSearchers open(Directory directory, Schema schema, long refreshMillis)
      throws IOException {
    return open(directory, schema, refreshMillis, MIN_PART_DOCS);
  }

  /**
   * As {@link #open(Directory, Schema, long)}, splitting segments into parts of at least {@code
   * minPartDocs}.
   */
  static LiveSearchers open(Directory directory, Schema schema, long refreshMillis, int minPartDocs)
      throws IOException {
    // Per segment, so a refresh after a change reads only the new segments' facet values.
    SegmentOrdinals.Cache segments = new SegmentOrdinals.Cache();
    SegmentPeriods.Cache dates = new SegmentPeriods.Cache();
    SearcherFactory factory =
        new SearcherFactory() {
          @Override
          public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
              throws IOException {
            return PassageSearcher.open(reader, schema, segments, dates);
          }
        };
    try {
      return new LiveSearchers(
          directory, new SearcherManager(directory, factory), refreshMillis, minPartDocs);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The current searcher; give it back with {@link #release}. */
  PassageSearcher acquire() throws IOException {
    PassageSearcher searcher = (PassageSearcher) manager.acquire();
    running.incrementAndGet();
    return searcher;
  }

  void release(PassageSearcher searcher) throws IOException {
    running.decrementAndGet();
    manager.release(searcher);
  }

  /**
   * A searcher of {@code shared}'s reader that spreads a query's parts over several threads, or
   * null for one thread: several when fewer searches run than the machine has cores, so one large
   * query is answered by several cores; one when the cores are busy with other searches, where
   * splitting would only add the cost of the parts, or when the index is too small to split.
   */
  PassageSearcher widened(PassageSearcher shared, QueryTimeout timeout) {
    int maxDoc = shared.getIndexReader().maxDoc();
    if (maxDoc < 2 * minPartDocs || running.get() >= cores) {
      return null;
    }
    return shared.withTimeout(
        timeout, sliceThreads, Math.max(minPartDocs, (maxDoc + cores - 1) / cores));
  }

  /** Picks up a newly committed index now, rather than at the next scheduled refresh. */
  public void refresh() {
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // The current searcher stays in service; the next refresh tries again.
      LOG.warn("could not open the new index: {}", e.toString());
    }
  }

  /**
   * Makes searches see the last commit before returning: a change is answered only once no search
   * can miss it (or, for a takedown, find what it removed).
   */
  public void refreshNow() {
    try {
      manager.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the changed index", e);
    }
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    sliceThreads.shutdownNow();
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }
}
