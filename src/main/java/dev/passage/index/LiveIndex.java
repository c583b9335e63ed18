package dev.passage.index;

import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleDraft;
import dev.passage.ingest.ArticleFiles;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.AtomicFiles;
import dev.passage.ingest.Problem;
import dev.passage.ingest.ReadOnlyFileException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of a running server kept in step with its articles folder: articles put and deleted by
 * a publishing system, files changed in the folder, and the whole folder compared at start. Every
 * change goes through one thread, the only one that writes the folder or the index, so no two
 * changes can interleave: a put's file is written before it is indexed, and a change is answered
 * only once searches see it. Changes that arrive while one is applied are applied together, in one
 * commit and one reopen of the searchers.
 */
public final class LiveIndex implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

  /**
   * What became of one article a publishing system sent or deleted.
   *
   * @param id the article id
   * @param result {@code added}, {@code replaced}, {@code unchanged}, {@code deleted}, {@code
   *     refused} or {@code not found}
   * @param reason why it was refused, or null
   * @param searchableAt when searches began to see the change (ISO-8601), or null when none was
   *     made
   */
  public record ArticleChange(String id, String result, String reason, String searchableAt) {}

  private sealed interface Pending permits Put, Delete, FilesChanged {
    CompletableFuture<?> answer();

    default void fail(Throwable error) {
      answer().completeExceptionally(error);
    }
  }

  private record Put(
      Article article, ArticleDraft.Format format, CompletableFuture<ArticleChange> answer)
      implements Pending {}

  private record Delete(String id, CompletableFuture<ArticleChange> answer) implements Pending {}

  private record FilesChanged(Set<Path> files, CompletableFuture<UpdateSummary> answer)
      implements Pending {}

  /** How long closing waits for the changes under way. */
  static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final ArticleFolder folder;
  private final IndexUpdater updater;
  private final Runnable publish;
  private final ArticleFiles files;
  private final ExecutorService worker;
  private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();

  /**
   * @param publish makes searches see the last commit, and returns only once they do
   */
  public LiveIndex(IndexSource source, IndexUpdater updater, Runnable publish) {
    this.folder = new ArticleFolder(source.articles());
    this.updater = updater;
    this.publish = publish;
    this.files = new ArticleFiles(folder);
    this.worker =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("passage-index-writer").daemon().factory());
  }

  /** The folder this index follows. */
  public ArticleFolder folder() {
    return folder;
  }

  /**
   * The one thread that writes the index: whole builds run on it too, so they never meet a change
   * halfway.
   */
  public ExecutorService worker() {
    return worker;
  }

  /**
   * Writes {@code article} into the folder and indexes it; the answer comes once it is searchable.
   */
  public CompletableFuture<ArticleChange> put(Article article, ArticleDraft.Format format) {
    CompletableFuture<ArticleChange> answer = new CompletableFuture<>();
    enqueue(new Put(article, format, answer));
    return answer;
  }

  /** Takes article {@code id} out of the folder and the index; answered once searches miss it. */
  public CompletableFuture<ArticleChange> delete(String id) {
    CompletableFuture<ArticleChange> answer = new CompletableFuture<>();
    enqueue(new Delete(id, answer));
    return answer;
  }

  /**
   * Re-reads {@code changed} files of the folder (changed, new or gone) and indexes the difference.
   */
  public CompletableFuture<UpdateSummary> filesChanged(Collection<Path> changed) {
    CompletableFuture<UpdateSummary> answer = new CompletableFuture<>();
    enqueue(new FilesChanged(new LinkedHashSet<>(changed), answer));
    return answer;
  }

  /** Compares the whole folder with the index and applies the difference, on the writer thread. */
  public UpdateSummary reconcile() throws IOException {
    AtomicFiles.sweep(folder.root());
    UpdateSummary summary = updater.update(folder);
    if (summary.committed()) {
      publish.run();
    }
    return summary;
  }

  private void enqueue(Pending change) {
    pending.add(change);
    worker.execute(this::applyPending);
  }

  /** Applies every change waiting, in the order they came, in one commit. */
  private void applyPending() {
    List<Pending> batch = new ArrayList<>();
    for (Pending p = pending.poll(); p != null; p = pending.poll()) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    List<Runnable> answers = new ArrayList<>();
    try (IndexUpdater.Session session = updater.open()) {
      List<Problem> problems = new ArrayList<>();
      // Where each article touched in this batch now is, over what the index said before it.
      Map<String, Path> placed = new HashMap<>();
      List<Result> results = new ArrayList<>();
      for (Pending change : batch) {
        results.add(apply(change, session, placed, problems));
      }
      UpdateSummary summary = session.commit(problems, started);
      String at = null;
      if (summary.committed()) {
        publish.run();
        at = Instant.now().toString();
      }
      String searchableAt = at;
      for (Result r : results) {
        answers.add(() -> r.answer(searchableAt, summary));
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("applying {} changes failed", batch.size(), e);
      for (Pending change : batch) {
        answers.add(() -> change.fail(e));
      }
    }
    answers.forEach(Runnable::run);
  }

  /** How to answer one change, once the batch is committed and searchable. */
  private interface Result {
    void answer(String searchableAt, UpdateSummary summary);
  }

  private Result apply(
      Pending change,
      IndexUpdater.Session session,
      Map<String, Path> placed,
      List<Problem> problems) {
    try {
      return switch (change) {
        case Put put -> applyPut(put, session, placed, problems);
        case Delete delete -> applyDelete(delete, session, placed);
        case FilesChanged changed -> applyFiles(changed, session, placed, problems);
      };
    } catch (IOException | RuntimeException e) {
      LOG.error("a change could not be applied", e);
      return (at, summary) -> change.fail(e);
    }
  }

  /** The answer to a change whose article's file is read-only: it is left as it is. */
  private static Result refused(
      CompletableFuture<ArticleChange> answer, String id, ReadOnlyFileException why) {
    return (at, summary) ->
        answer.complete(new ArticleChange(id, "refused", why.getMessage(), null));
  }

  private Result applyPut(
      Put put, IndexUpdater.Session session, Map<String, Path> placed, List<Problem> problems)
      throws IOException {
    String id = put.article().id();
    Optional<String> refusal = session.refusal(put.article());
    if (refusal.isPresent()) {
      return (at, summary) ->
          put.answer().complete(new ArticleChange(id, "refused", refusal.get(), null));
    }
    Path current = placed.containsKey(id) ? placed.get(id) : fileOf(session, id);
    Path written;
    try {
      written = files.write(put.article(), put.format(), current);
    } catch (ReadOnlyFileException e) {
      return refused(put.answer(), id, e);
    }
    placed.put(id, written);
    // What is indexed is what a build would read back from the file, not the request itself.
    Stamped stored = readBack(written, id);
    if (stored == null) {
      return (at, summary) ->
          put.answer()
              .complete(
                  new ArticleChange(id, "refused", "the written file does not read back", null));
    }
    List<Problem> own = new ArrayList<>();
    IndexUpdater.Outcome outcome = session.put(stored.article(), stored.stamp(), own);
    problems.addAll(own);
    String reason = own.isEmpty() ? null : own.getFirst().message();
    String result =
        switch (outcome) {
          case ADDED -> "added";
          case CHANGED -> "replaced";
          case UNCHANGED -> "unchanged";
          case REFUSED -> "refused";
        };
    return (at, summary) ->
        put.answer()
            .complete(
                new ArticleChange(
                    id, result, reason, outcome == IndexUpdater.Outcome.UNCHANGED ? null : at));
  }

  private Result applyDelete(Delete delete, IndexUpdater.Session session, Map<String, Path> placed)
      throws IOException {
    String id = delete.id();
    Path current = placed.containsKey(id) ? placed.get(id) : fileOf(session, id);
    if (current == null) {
      return (at, summary) ->
          delete.answer().complete(new ArticleChange(id, "not found", null, null));
    }
    try {
      files.remove(id, current);
    } catch (ReadOnlyFileException e) {
      return refused(delete.answer(), id, e);
    }
    placed.put(id, null);
    session.remove(id);
    return (at, summary) -> delete.answer().complete(new ArticleChange(id, "deleted", null, at));
  }

  private Result applyFiles(
      FilesChanged changed,
      IndexUpdater.Session session,
      Map<String, Path> placed,
      List<Problem> problems)
      throws IOException {
    // In reading order, so that of two files giving one id the first keeps it, as in a build.
    List<Path> files = changed.files().stream().sorted().toList();
    Set<String> names = new HashSet<>();
    files.forEach(file -> names.add(folder.describe(file)));
    Map<String, String> put = new HashMap<>();
    Map<String, List<String>> before = new HashMap<>();
    for (Path file : files) {
      String name = folder.describe(file);
      before.put(name, session.idsInFile(name));
      if (Files.isRegularFile(file) && folder.isArticleFile(file)) {
        for (Stamped s : readAll(file, problems::add)) {
          Article article = s.article();
          String first = firstReadFrom(article.id(), name, put, names, session);
          if (first != null) {
            problems.add(Problem.duplicate(article, first));
            continue;
          }
          session.put(article, s.stamp(), problems);
          put.put(article.id(), article.origin());
          placed.put(article.id(), file);
        }
      }
    }
    // An article gone from its file is gone, unless it moved to another file of this change.
    for (List<String> ids : before.values()) {
      for (String id : ids) {
        if (!put.containsKey(id)) {
          session.remove(id);
        }
      }
    }
    return (at, summary) -> changed.answer().complete(summary);
  }

  /**
   * Where a build would have read article {@code id} before file {@code name} gives it: earlier in
   * this change, or from a file the index holds it from that this change leaves alone and that
   * comes first in the folder's order. Null when {@code name} is the first to give it.
   */
  private String firstReadFrom(
      String id,
      String name,
      Map<String, String> put,
      Set<String> changed,
      IndexUpdater.Session session)
      throws IOException {
    String earlier = put.get(id);
    if (earlier != null) {
      return earlier;
    }
    ArticleStamp held = session.stamp(id);
    if (held == null || changed.contains(held.file())) {
      return null;
    }
    boolean first =
        Path.of(held.file()).compareTo(Path.of(name)) < 0
            && Files.isRegularFile(folder.resolve(held.file()));
    return first ? held.file() : null;
  }

  private record Stamped(Article article, ArticleStamp stamp) {}

  private List<Stamped> readAll(Path file, Consumer<Problem> problems) {
    List<Stamped> found = new ArrayList<>();
    folder.readFile(
        file,
        new StampingSink() {
          @Override
          protected void accept(Article article, ArticleStamp stamp) {
            found.add(new Stamped(article, stamp));
          }

          @Override
          public void problem(Problem problem) {
            problems.accept(problem);
          }
        });
    return found;
  }

  private Stamped readBack(Path file, String id) {
    for (Stamped s : readAll(file, problem -> LOG.warn("{}", problem))) {
      if (s.article().id().equals(id)) {
        return s;
      }
    }
    return null;
  }

  private Path fileOf(IndexUpdater.Session session, String id) throws IOException {
    ArticleStamp stamp = session.stamp(id);
    return stamp == null ? null : folder.resolve(stamp.file());
  }

  @Override
  public void close() {
    // Changes under way finish, so their requests get an answer; an interrupted commit would
    // leave the index as it was, and the folder's change for the next start to apply.
    worker.shutdown();
    try {
      if (!worker.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
