package dev.passage.index;

import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.Problem;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Changes an existing index article by article, in one commit: the articles of a folder compared
 * with the index by their {@link ArticleStamp}s, or the articles a publishing system puts and
 * deletes one at a time. Until the commit, readers see the index as it was; an update killed midway
 * leaves it so, and the next update finds the same difference again.
 */
public final class IndexUpdater {

  /** What became of one article put into the index. */
  public enum Outcome {
    ADDED,
    CHANGED,
    UNCHANGED,
    /** The article has no text left after furniture, or failed a stage: it is not in the index. */
    REFUSED
  }

  private final ArticleStore store;
  private final Supplier<ArticlePipeline> pipeline;
  private final int threads;

  public IndexUpdater(ArticleStore store, ArticlePipeline pipeline, int threads) {
    this(store, () -> pipeline, threads);
  }

  /**
   * An updater whose pipeline is made when the first article needs it: a server that starts on an
   * index then answers sooner.
   */
  public IndexUpdater(ArticleStore store, Supplier<ArticlePipeline> pipeline, int threads) {
    this.store = store;
    this.pipeline = pipeline;
    this.threads = Math.max(1, threads);
  }

  /**
   * Brings the index in step with {@code folder}: new articles are added, changed ones replaced,
   * those gone from the folder removed, and the others left alone. A folder with no usable article
   * at all changes nothing: an emptied or unmounted folder is more often a mistake than a wish to
   * empty the index.
   */
  public UpdateSummary update(ArticleFolder folder) throws IOException {
    long started = System.nanoTime();
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    try (Session session = open()) {
      Map<String, ArticleStamp> indexed = session.stamps();
      Map<String, List<String>> idsByFile = new HashMap<>();
      indexed.forEach(
          (id, stamp) -> idsByFile.computeIfAbsent(stamp.file(), f -> new ArrayList<>()).add(id));
      // Ids of the files left unread: a later file giving one again is a duplicate, as in a build.
      Set<String> unread = new HashSet<>();
      Set<String> seen = ConcurrentHashMap.newKeySet();
      AtomicInteger unchanged = new AtomicInteger();
      AtomicReference<RuntimeException> failure = new AtomicReference<>();
      ThreadPoolExecutor pool = IndexingThreads.start(threads, "passage-updater-");
      try {
        folder.read(
            new StampingSink() {
              @Override
              protected boolean read(String name, long size, long modifiedNanos) {
                List<String> ids = idsByFile.get(name);
                if (ids == null
                    || !ids.stream()
                        .allMatch(id -> indexed.get(id).sameFile(size, modifiedNanos))) {
                  return true;
                }
                // The same size and time as when its articles were indexed: none of them changed.
                seen.addAll(ids);
                unread.addAll(ids);
                unchanged.addAndGet(ids.size());
                return false;
              }

              @Override
              protected void accept(Article article, ArticleStamp stamp) {
                if (unread.contains(article.id())) {
                  problems.add(Problem.duplicate(article, indexed.get(article.id()).file()));
                  return;
                }
                seen.add(article.id());
                ArticleStamp old = indexed.get(article.id());
                if (stamp.sameArticle(old)) {
                  unchanged.incrementAndGet();
                } else {
                  pool.execute(() -> {
                    try {
                      session.put(article, stamp, problems);
                    } catch (RuntimeException e) {
                      failure.compareAndSet(null, e);
                    }
                  });
                }
              }

              @Override
              public void problem(Problem problem) {
                problems.add(problem);
              }
            });
      } finally {
        pool.shutdown();
        IndexingThreads.await(pool);
      }
      if (failure.get() != null) {
        // Nothing is committed: the session rolls back as it closes.
        throw failure.get();
      }
      if (seen.isEmpty()) {
        return new UpdateSummary(0, 0, 0, 0, problems, millisSince(started), false);
      }
      for (String id : indexed.keySet()) {
        if (!seen.contains(id)) {
          session.remove(id);
        }
      }
      session.unchanged.addAndGet(unchanged.get());
      return session.commit(problems, started);
    }
  }

  /**
   * Opens the index for changes; searches see none until {@link Session#commit}, and closing
   * without committing discards every change the engine can take back.
   */
  public Session open() throws IOException {
    return new Session(store.open());
  }

  /** One set of changes to an index, published by one commit. Safe for concurrent puts. */
  public final class Session implements Closeable {
    private final ArticleStore.Changes changes;

    /** Which ids this session has put (true) or removed (false), over what the reader holds. */
    private final Map<String, Boolean> touched = new ConcurrentHashMap<>();

    private final AtomicInteger added = new AtomicInteger();
    private final AtomicInteger changed = new AtomicInteger();
    private final AtomicInteger removed = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();

    private Session(ArticleStore.Changes changes) {
      this.changes = changes;
    }

    /** What the index held when the session opened. */
    public IndexInfo info() {
      return changes.info();
    }

    Map<String, ArticleStamp> stamps() throws IOException {
      return changes.stamps();
    }

    /**
     * The stamp the index held for article {@code id} when the session opened; null when it held
     * none or the session has removed it.
     */
    public ArticleStamp stamp(String id) throws IOException {
      return Boolean.FALSE.equals(touched.get(id)) ? null : changes.stamp(id);
    }

    /** Whether the index will hold article {@code id} once the session commits. */
    public boolean holds(String id) throws IOException {
      Boolean mine = touched.get(id);
      return mine != null ? mine : changes.stamp(id) != null;
    }

    /** The ids of the articles the index holds from {@code file}, before this session. */
    public List<String> idsInFile(String file) throws IOException {
      return changes.idsInFile(file);
    }

    /**
     * Adds {@code article}, read from the file its stamp names, or replaces the version the index
     * holds. An article that cannot be indexed is reported and taken out, so the index holds what a
     * whole build of the folder would.
     */
    public Outcome put(Article article, ArticleStamp stamp, List<Problem> problems) {
      // Outside the refusals below: a pipeline that cannot be made fails the whole change.
      ArticlePipeline stages = pipeline.get();
      String id = article.id();
      try {
        Boolean mine = touched.get(id);
        ArticleStamp indexed = mine == null ? changes.stamp(id) : null;
        boolean held = mine != null ? mine : indexed != null;
        if (stamp.sameArticle(indexed)) {
          unchanged.incrementAndGet();
          return Outcome.UNCHANGED;
        }
        ProcessedArticle processed;
        String refusal = null;
        try {
          processed = stages.process(article).orElse(null);
          if (processed == null) {
            refusal = ArticlePipeline.ONLY_FURNITURE;
          }
        } catch (RuntimeException | StackOverflowError e) {
          processed = null;
          refusal = "could not be indexed: " + e;
        }
        if (processed == null) {
          problems.add(Problem.skipped(article.origin(), refusal));
          if (held) {
            remove(id);
          }
          return Outcome.REFUSED;
        }
        changes.replace(processed, stamp);
        touched.put(id, true);
        (held ? changed : added).incrementAndGet();
        return held ? Outcome.CHANGED : Outcome.ADDED;
      } catch (IOException | RuntimeException e) {
        problems.add(Problem.skipped(article.origin(), "could not be indexed: " + e));
        return Outcome.REFUSED;
      }
    }

    /**
     * Why {@code article} would be refused by {@link #put} for having no text, if it would: a
     * publishing system's article is checked before its file is written, so a refusal changes
     * nothing. Tagging is left to the put.
     */
    public Optional<String> refusal(Article article) {
      ArticlePipeline stages = pipeline.get();
      try {
        return stages.hasText(article)
            ? Optional.empty()
            : Optional.of(ArticlePipeline.ONLY_FURNITURE);
      } catch (RuntimeException | StackOverflowError e) {
        return Optional.of("could not be indexed: " + e);
      }
    }

    /** Takes article {@code id} out; false when the index did not hold it. */
    public boolean remove(String id) throws IOException {
      if (!holds(id)) {
        return false;
      }
      changes.delete(id);
      touched.put(id, false);
      removed.incrementAndGet();
      return true;
    }

    /** Publishes the changes in one commit, when there are any, and says what they were. */
    public UpdateSummary commit(List<Problem> problems, long startedNanos) throws IOException {
      boolean any = added.get() + changed.get() + removed.get() > 0;
      if (any) {
        changes.commit(
            changes.info().changed(added.get() - removed.get(), Instant.now().toString()));
      }
      return new UpdateSummary(
          added.get(),
          changed.get(),
          removed.get(),
          unchanged.get(),
          problems,
          millisSince(startedNanos),
          any);
    }

    @Override
    public void close() throws IOException {
      changes.close();
    }
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
