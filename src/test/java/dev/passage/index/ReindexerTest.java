package dev.passage.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.ingest.Problem;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One reindex at a time, in the background, and a status that says how it went. */
class ReindexerTest {

  private static Reindexer.Status awaitFinished(Reindexer reindexer) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (reindexer.status().state().equals("running") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return reindexer.status();
  }

  @Test
  void aSecondRequestWhileABuildRunsStartsNothingAndTheFinishedBuildIsPublished() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger builds = new AtomicInteger();
    AtomicInteger published = new AtomicInteger();
    try (Reindexer reindexer =
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
            published::incrementAndGet)) {
      assertThat(reindexer.status().state()).isEqualTo("idle");

      Reindexer.Started first = reindexer.start();
      Reindexer.Started second = reindexer.start();

      assertThat(first.started()).isTrue();
      assertThat(second.started()).isFalse();
      assertThat(second.status().state()).isEqualTo("running");
      assertThat(published.get()).isZero();
      release.countDown();
      Reindexer.Status done = awaitFinished(reindexer);
      assertThat(done.state()).isEqualTo("done");
      assertThat(done.articles()).isEqualTo(6);
      assertThat(done.paragraphs()).isEqualTo(64);
      assertThat(done.skipped()).isEqualTo(1);
      assertThat(done.message()).isEqualTo("the new index is served");
      assertThat(builds.get()).isEqualTo(1);
      assertThat(published.get()).isEqualTo(1);
      assertThat(reindexer.start().started()).isTrue();
    }
  }

  @Test
  void aFailedBuildSaysSoWithoutItsPathsAndPublishesNothing() throws Exception {
    AtomicInteger published = new AtomicInteger();
    try (Reindexer reindexer =
        new Reindexer(
            () -> {
              throw new IOException("no such folder: /srv/secret/articles");
            },
            published::incrementAndGet)) {
      reindexer.start();
      Reindexer.Status failed = awaitFinished(reindexer);
      assertThat(failed.state()).isEqualTo("failed");
      assertThat(failed.message())
          .isEqualTo(
              "the build failed and the previous index is still served; the server log has why");
      assertThat(published.get()).isZero();
    }
  }

  @Test
  void aBuildThatFindsNothingUsableKeepsThePreviousIndex() throws Exception {
    try (Reindexer reindexer =
        new Reindexer(() -> new IndexSummary(0, 0, List.of(), 3, false), () -> {})) {
      reindexer.start();
      Reindexer.Status kept = awaitFinished(reindexer);
      assertThat(kept.state()).isEqualTo("failed");
      assertThat(kept.message())
          .isEqualTo("no usable articles were found; the previous index is still served");
    }
  }
}
