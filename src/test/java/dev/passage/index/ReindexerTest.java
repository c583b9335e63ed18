package dev.passage.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.ingest.Problem;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One reindex at a time, in the background, and a status that says how it went. */
class ReindexerTest {

  private final ExecutorService worker = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopWorker() {
    worker.shutdownNow();
  }

  private static Reindexer.Status awaitFinished(Reindexer reindexer) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (reindexer.status().state() == Reindexer.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return reindexer.status();
  }

  private static UpdateSummary noUpdate() {
    throw new AssertionError("no update was asked for");
  }

  @Test
  void aSecondRequestWhileABuildRunsStartsNothingAndTheFinishedBuildIsPublished() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger builds = new AtomicInteger();
    AtomicInteger published = new AtomicInteger();
    Reindexer reindexer =
        new Reindexer(
            () -> {
              builds.incrementAndGet();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                throw new IOException(e);
              }
              return new IndexSummary(
                  6, 64, List.of(Problem.skipped("bad.txt", "empty file")), 12, true);
            },
            ReindexerTest::noUpdate,
            published::incrementAndGet,
            worker);
    assertThat(reindexer.status().state()).isEqualTo(Reindexer.State.IDLE);

    Reindexer.Started first = reindexer.start(true);
    Reindexer.Started second = reindexer.start(false);

    assertThat(first.started()).isTrue();
    assertThat(second.started()).isFalse();
    assertThat(second.status().state()).isEqualTo(Reindexer.State.RUNNING);
    assertThat(second.status().mode()).isEqualTo("full");
    assertThat(published.get()).isZero();
    release.countDown();
    Reindexer.Status done = awaitFinished(reindexer);
    assertThat(done.state()).isEqualTo(Reindexer.State.DONE);
    assertThat(done.articles()).isEqualTo(6);
    assertThat(done.paragraphs()).isEqualTo(64);
    assertThat(done.skipped()).isEqualTo(1);
    assertThat(done.message()).isEqualTo("the new index is served");
    assertThat(builds.get()).isEqualTo(1);
    assertThat(published.get()).isEqualTo(1);
    assertThat(reindexer.start(true).started()).isTrue();
  }

  @Test
  void anUpdateSaysWhatChangedAndPublishesOnlyWhenSomethingDid() throws Exception {
    AtomicInteger published = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    Reindexer reindexer =
        new Reindexer(
            () -> {
              throw new AssertionError("no build was asked for");
            },
            () ->
                calls.incrementAndGet() == 1
                    ? new UpdateSummary(3, 1, 2, 19_770, List.of(), 40, true)
                    : new UpdateSummary(0, 0, 0, 19_774, List.of(), 30, false),
            published::incrementAndGet,
            worker);
    reindexer.start(false);
    Reindexer.Status done = awaitFinished(reindexer);
    assertThat(done.mode()).isEqualTo("update");
    assertThat(done.articles()).isEqualTo(19_774);
    assertThat(done.message())
        .isEqualTo("the changes are served: 3 added, 1 changed, 2 removed, 19,770 unchanged");
    assertThat(published.get()).isEqualTo(1);

    reindexer.start(false);
    assertThat(awaitFinished(reindexer).message()).isEqualTo("nothing changed");
    assertThat(published.get()).isEqualTo(1);
  }

  @Test
  void aFailedBuildSaysSoWithoutItsPathsAndPublishesNothing() throws Exception {
    AtomicInteger published = new AtomicInteger();
    Reindexer reindexer =
        new Reindexer(
            () -> {
              throw new IOException("no such folder: /srv/secret/articles");
            },
            ReindexerTest::noUpdate,
            published::incrementAndGet,
            worker);
    reindexer.start(true);
    Reindexer.Status failed = awaitFinished(reindexer);
    assertThat(failed.state()).isEqualTo(Reindexer.State.FAILED);
    assertThat(failed.message())
        .isEqualTo(
            "the reindex failed and the previous index is still served; the server log has why");
    assertThat(published.get()).isZero();
  }

  @Test
  void anErrorEscapingABuildStillEndsItsStatusSoTheNextReindexCanStart() throws Exception {
    Reindexer reindexer =
        new Reindexer(
            () -> {
              throw new OutOfMemoryError("Java heap space");
            },
            ReindexerTest::noUpdate,
            () -> {},
            worker);
    reindexer.start(true);
    assertThat(awaitFinished(reindexer).state()).isEqualTo(Reindexer.State.FAILED);
    assertThat(reindexer.start(true).started()).isTrue();
  }

  @Test
  void aBuildThatFindsNothingUsableKeepsThePreviousIndex() throws Exception {
    Reindexer reindexer =
        new Reindexer(
            () -> new IndexSummary(0, 0, List.of(), 3, false),
            ReindexerTest::noUpdate,
            () -> {},
            worker);
    reindexer.start(true);
    Reindexer.Status kept = awaitFinished(reindexer);
    assertThat(kept.state()).isEqualTo(Reindexer.State.FAILED);
    assertThat(kept.message())
        .isEqualTo("no usable articles were found; the previous index is still served");
  }
}
