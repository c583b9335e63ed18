package dev.passage.index;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the index of a running server in the background, one build at a time. A build commits
 * the whole new index at once (see {@link IndexBuilder}), so searches running meanwhile see the old
 * index until the commit and the new one after it, never a mixture; {@code published} then makes
 * the server pick it up at once instead of at its next scheduled refresh.
 */
public final class Reindexer implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

  /** One build of the index; it publishes its result by committing. */
  @FunctionalInterface
  public interface Build {
    IndexSummary run() throws IOException;
  }

  /**
   * Where reindexing stands. Counts are null until a build finished; messages never hold paths or
   * exception text, which go to the server log.
   *
   * @param state {@code idle} (none since the server started), {@code running}, {@code done} or
   *     {@code failed}
   */
  public record Status(
      String state,
      String startedAt,
      String finishedAt,
      Integer articles,
      Integer paragraphs,
      Long skipped,
      String message) {

    static Status idle() {
      return new Status(
          "idle", null, null, null, null, null, "no reindex since the server started");
    }

    boolean running() {
      return state.equals("running");
    }
  }

  /** The answer to a request to reindex: whether it started a build, and the status after it. */
  public record Started(boolean started, Status status) {}

  private final Build build;
  private final Runnable published;
  private final ExecutorService worker;
  private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

  public Reindexer(Build build, Runnable published) {
    this.build = build;
    this.published = published;
    this.worker =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("passage-reindex").daemon().factory());
  }

  /** Starts a build unless one is running. */
  public synchronized Started start() {
    Status current = status.get();
    if (current.running()) {
      return new Started(false, current);
    }
    String startedAt = Instant.now().toString();
    Status running = new Status("running", startedAt, null, null, null, null, "building");
    status.set(running);
    worker.execute(() -> status.set(runBuild(startedAt)));
    return new Started(true, running);
  }

  /** Where reindexing stands now. */
  public Status status() {
    return status.get();
  }

  private Status runBuild(String startedAt) {
    try {
      IndexSummary summary = build.run();
      String finishedAt = Instant.now().toString();
      if (!summary.committed()) {
        return new Status(
            "failed",
            startedAt,
            finishedAt,
            0,
            0,
            summary.skipped(),
            "no usable articles were found; the previous index is still served");
      }
      published.run();
      return new Status(
          "done",
          startedAt,
          finishedAt,
          summary.articles(),
          summary.paragraphs(),
          summary.skipped(),
          "the new index is served");
    } catch (IOException | RuntimeException e) {
      LOG.error("reindexing failed", e);
      return new Status(
          "failed",
          startedAt,
          Instant.now().toString(),
          null,
          null,
          null,
          "the build failed and the previous index is still served; the server log has why");
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
