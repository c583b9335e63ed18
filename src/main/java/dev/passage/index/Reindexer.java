package dev.passage.index;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reindexes a running server's index in the background, one run at a time, and says how it went: by
 * default an update that applies only what changed in the folder, or on request a whole build. A
 * run commits at once (see {@link IndexBuilder} and {@link IndexUpdater}), so searches running
 * meanwhile see the old index until the commit and the new one after it, never a mixture; {@code
 * published} then makes the server pick it up at once instead of at its next scheduled refresh.
 */
public final class Reindexer {

  private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

  /** One whole build of the index; it publishes its result by committing. */
  @FunctionalInterface
  public interface Build {
    IndexSummary run() throws IOException;
  }

  /** One update of the index from its folder; it publishes its result by committing. */
  @FunctionalInterface
  public interface Update {
    UpdateSummary run() throws IOException;
  }

  /** Where reindexing stands. */
  public enum State {
    IDLE,
    RUNNING,
    DONE,
    FAILED;

    @JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What an update changed, article by article.
   *
   * @param added articles new to the index
   * @param changed articles replaced by their new version
   * @param removed articles taken out
   * @param unchanged articles left as they were
   */
  public record Changes(int added, int changed, int removed, int unchanged) {}

  /**
   * Where reindexing stands. Counts are null until a run finished, and changes are null for a whole
   * build; messages never hold paths or exception text, which go to the server log.
   *
   * @param mode {@code update} or {@code full}, null before any run
   */
  public record Status(
      State state,
      String mode,
      String startedAt,
      String finishedAt,
      Integer articles,
      Integer paragraphs,
      Changes changes,
      Long skipped,
      String message) {

    /** A status with no counts yet. */
    private static Status without(
        State state, String mode, String startedAt, Long skipped, String message) {
      String finishedAt = state == State.FAILED ? Instant.now().toString() : null;
      return new Status(state, mode, startedAt, finishedAt, null, null, null, skipped, message);
    }

    static Status idle() {
      return without(State.IDLE, null, null, null, "no reindex since the server started");
    }

    static Status running(String mode, String startedAt) {
      return without(
          State.RUNNING, mode, startedAt, null, mode.equals(FULL) ? "building" : "updating");
    }

    static Status failed(String mode, String startedAt, Long skipped, String message) {
      return without(State.FAILED, mode, startedAt, skipped, message);
    }

    boolean running() {
      return state == State.RUNNING;
    }
  }

  /** The answer to a request to reindex: whether it started a run, and the status after it. */
  public record Started(boolean started, Status status) {}

  static final String FULL = "full";
  static final String UPDATE = "update";

  private final Build build;
  private final Update update;
  private final Runnable published;
  private final Executor worker;
  private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

  /**
   * @param worker the one thread that writes the index, so a reindex never meets another change
   */
  public Reindexer(Build build, Update update, Runnable published, Executor worker) {
    this.build = build;
    this.update = update;
    this.published = published;
    this.worker = worker;
  }

  /** Starts a whole build ({@code full}) or an update, unless a run is under way. */
  public synchronized Started start(boolean full) {
    Status current = status.get();
    if (current.running()) {
      return new Started(false, current);
    }
    String startedAt = Instant.now().toString();
    String mode = full ? FULL : UPDATE;
    Status running = Status.running(mode, startedAt);
    status.set(running);
    worker.execute(() -> status.set(run(mode, startedAt)));
    return new Started(true, running);
  }

  /** Where reindexing stands now. */
  public Status status() {
    return status.get();
  }

  private Status run(String mode, String startedAt) {
    try {
      return mode.equals(FULL) ? runBuild(startedAt) : runUpdate(startedAt);
    } catch (IOException | RuntimeException | Error e) {
      // Errors too: the status must end whatever escaped, or every later reindex would be
      // refused as running.
      LOG.error("reindexing failed", e);
      return Status.failed(
          mode,
          startedAt,
          null,
          "the reindex failed and the previous index is still served; the server log has why");
    }
  }

  private Status runBuild(String startedAt) throws IOException {
    IndexSummary summary = build.run();
    if (!summary.committed()) {
      return Status.failed(
          FULL,
          startedAt,
          summary.skipped(),
          "no usable articles were found; the previous index is still served");
    }
    published.run();
    return new Status(
        State.DONE,
        FULL,
        startedAt,
        Instant.now().toString(),
        summary.articles(),
        summary.paragraphs(),
        null,
        summary.skipped(),
        "the new index is served");
  }

  private Status runUpdate(String startedAt) throws IOException {
    UpdateSummary summary = update.run();
    int seen = summary.added() + summary.changed() + summary.unchanged();
    if (seen == 0) {
      return Status.failed(
          UPDATE,
          startedAt,
          summary.skipped(),
          "no usable articles were found; the index is kept as it was");
    }
    if (summary.committed()) {
      published.run();
    }
    return new Status(
        State.DONE,
        UPDATE,
        startedAt,
        Instant.now().toString(),
        seen,
        null,
        new Changes(summary.added(), summary.changed(), summary.removed(), summary.unchanged()),
        summary.skipped(),
        summary.committed() ? "the changes are served: " + summary.describe() : "nothing changed");
  }
}
