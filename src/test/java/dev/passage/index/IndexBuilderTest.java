package dev.passage.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.ingest.Problem;
import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuilderTest {

  @TempDir Path dir;

  private Path articles() {
    return dir.resolve("articles");
  }

  private Path index() {
    return dir.resolve("index");
  }

  @Test
  void eachParagraphBecomesADocumentAndTheSummaryCountsThem() throws Exception {
    Fixtures.write(articles(), "a.txt", "One.\n\nTwo.\n\nThree.");
    Fixtures.write(articles(), "b.txt", "Only one.");
    Fixtures.write(articles(), "notes.docx", "not an article");
    IndexSummary summary = Fixtures.build(articles(), index());
    assertThat(summary.committed()).isTrue();
    assertThat(summary.articles()).isEqualTo(2);
    assertThat(summary.paragraphs()).isEqualTo(4);
    assertThat(summary.problems())
        .containsExactly(
            Problem.skipped(
                "notes.docx", "not an article file; Passage reads .txt, .md and .jsonl"));
    try (var reader = DirectoryReader.open(FSDirectory.open(index()))) {
      assertThat(reader.numDocs()).isEqualTo(4);
    }
    IndexInfo info = IndexInfo.read(index());
    assertThat(info.articles()).isEqualTo(2);
    assertThat(info.source()).isEqualTo(new IndexSource(articles(), null));
  }

  @Test
  void aBuildLargerThanTheIndexingBufferIsFlushedInPartsAndPublishedAsOneSegment()
      throws Exception {
    for (int i = 0; i < 400; i++) {
      Fixtures.write(
          articles(),
          "a" + i + ".txt",
          "Paragraph one of " + i + ".\n\nParagraph two of " + i + ".");
    }
    // Flushed every 100 paragraphs: eight segments before the merge.
    IndexBuilder builder =
        new IndexBuilder(new Schema(), ArticlePipeline.bundled(), "test", 2, article -> {}, 100);
    IndexSummary summary = builder.build(new IndexSource(articles(), null), index(), line -> {});
    assertThat(summary.paragraphs()).isEqualTo(800);
    try (var reader = DirectoryReader.open(FSDirectory.open(index()))) {
      assertThat(reader.leaves()).hasSize(1);
      assertThat(reader.numDocs()).isEqualTo(800);
    }
  }

  @Test
  void oneWriterThreadServesUpToFiveIndexingThreads() {
    assertThat(IndexBuilder.writerThreads(1)).isEqualTo(1);
    assertThat(IndexBuilder.writerThreads(2)).isEqualTo(1);
    assertThat(IndexBuilder.writerThreads(5)).isEqualTo(1);
    assertThat(IndexBuilder.writerThreads(6)).isEqualTo(2);
    assertThat(IndexBuilder.writerThreads(32)).isEqualTo(10);
  }

  @Test
  void theIndexingBufferIsAThirdOfTheHeapBetween16And256Megabytes() {
    long mb = 1024 * 1024;
    assertThat(IndexBuilder.ramBufferMB(24 * mb)).isEqualTo(16);
    assertThat(IndexBuilder.ramBufferMB(255 * mb)).isEqualTo(85);
    assertThat(IndexBuilder.ramBufferMB(1024 * mb)).isEqualTo(256);
  }

  @Test
  void anArticleOfFurnitureOnlyIsSkippedAndSaysWhy() throws Exception {
    Fixtures.write(articles(), "a.txt", "Text.");
    Fixtures.write(articles(), "furniture.txt", "Comments (0)\n");
    IndexSummary summary = Fixtures.build(articles(), index());
    assertThat(summary.articles()).isEqualTo(1);
    assertThat(summary.problems())
        .containsExactly(
            Problem.skipped("furniture.txt", "no text left after removing page furniture"));
  }

  @Test
  void anArticleThatExhaustsTheStackIsReportedAndTheOthersIndexed() throws Exception {
    Fixtures.write(articles(), "a.txt", "One.\n\nTwo.");
    Fixtures.write(articles(), "deep.txt", "Too deep.");
    IndexBuilder builder =
        new IndexBuilder(
            new Schema(),
            ArticlePipeline.bundled(),
            "test",
            2,
            article -> {
              if (article.id().equals("deep")) {
                throw new StackOverflowError();
              }
            });
    IndexSummary summary = builder.build(new IndexSource(articles(), null), index(), line -> {});
    assertThat(summary.articles()).isEqualTo(1);
    assertThat(summary.paragraphs()).isEqualTo(2);
    assertThat(summary.problems())
        .containsExactly(
            Problem.skipped("deep.txt", "could not be indexed: java.lang.StackOverflowError"));
  }

  @Test
  void aBuildThatFindsNothingKeepsThePreviousIndex() throws Exception {
    Fixtures.write(articles(), "a.txt", "Text.");
    Fixtures.build(articles(), index());
    Path empty = dir.resolve("empty");
    java.nio.file.Files.createDirectories(empty);
    IndexSummary summary = Fixtures.build(empty, index());
    assertThat(summary.committed()).isFalse();
    assertThat(IndexInfo.read(index()).articles()).isEqualTo(1);
  }

  @Test
  void aReaderSeesTheOldIndexUntilTheNewOneIsCommittedWhole() throws Exception {
    Fixtures.write(articles(), "a.txt", "Old text.");
    Fixtures.build(articles(), index());
    try (var directory = FSDirectory.open(index());
        DirectoryReader before = DirectoryReader.open(directory)) {
      Fixtures.write(articles(), "b.txt", "New one.\n\nAnd another.");
      Fixtures.build(articles(), index());
      assertThat(before.numDocs()).isEqualTo(1);
      try (DirectoryReader after = DirectoryReader.openIfChanged(before)) {
        assertThat(after.numDocs()).isEqualTo(3);
      }
    }
  }

  @Test
  void anIndexIsBuiltWholeOnlyWhenMissingOrWhenTheRulesChangeAndUpdatedOtherwise()
      throws Exception {
    Fixtures.write(articles(), "a.txt", "Text.");
    assertThat(buildReason("test")).startsWith("there is no index");
    Fixtures.build(articles(), index());
    assertThat(buildReason("test")).isNull();
    assertThat(buildReason("other rules"))
        .isEqualTo(
            "the tagging rules or code, the names or topics file or the schema changed since the"
                + " index was built");
    Fixtures.write(articles(), "b.txt", "More.");
    assertThat(buildReason("test")).isNull();
  }

  @Test
  void aBuildThatDidNotFinishIsToldApartFromNoIndexAtAll() throws Exception {
    Fixtures.write(articles(), "a.txt", "Text.");
    Path empty = dir.resolve("empty");
    java.nio.file.Files.createDirectories(empty);
    // A build that found nothing rolls back, and leaves only its lock file.
    assertThat(Fixtures.build(empty, index()).committed()).isFalse();
    assertThat(buildReason("test")).isEqualTo("there is no index in " + index() + " yet");
    // A build killed before its commit leaves the files of its segments.
    Fixtures.write(index(), "_0.fdt__0.tmp", "part of a segment");
    assertThat(buildReason("test"))
        .isEqualTo("the last build did not finish (no complete index in " + index() + ")");
    assertThat(Fixtures.build(articles(), index()).committed()).isTrue();
    assertThat(buildReason("test")).isNull();
    assertThat(index().resolve("_0.fdt__0.tmp")).doesNotExist();
  }

  @Test
  void anIndexWhoseCommitIsTruncatedIsStaleAndTheNextBuildReplacesIt() throws Exception {
    Fixtures.write(articles(), "a.txt", "Text.");
    Fixtures.build(articles(), index());
    truncate(index().resolve("segments_1"));
    assertThat(buildReason("test"))
        .startsWith(
            "the index in "
                + index()
                + " is damaged (segments_1: codec footer mismatch (file truncated?): actual footer=");
    IndexSummary rebuilt = Fixtures.build(articles(), index());
    assertThat(rebuilt.committed()).isTrue();
    assertThat(buildReason("test")).isNull();
    assertThat(IndexInfo.read(index()).articles()).isEqualTo(1);
  }

  @Test
  void anIndexMissingAFileIsStaleAndSaysWhichAndTheNextBuildReplacesIt() throws Exception {
    Fixtures.write(articles(), "a.txt", "Text.");
    Fixtures.build(articles(), index());
    java.nio.file.Files.delete(index().resolve("_0.si"));
    assertThat(buildReason("test"))
        .isEqualTo("the index in " + index() + " is damaged (_0.si is missing)");
    assertThat(Fixtures.build(articles(), index()).committed()).isTrue();
    assertThat(buildReason("test")).isNull();

    String storedFields;
    try (var files = java.nio.file.Files.list(index())) {
      storedFields =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.endsWith(".fdt"))
              .findFirst()
              .orElseThrow();
    }
    java.nio.file.Files.delete(index().resolve(storedFields));
    assertThat(buildReason("test"))
        .isEqualTo("the index in " + index() + " is damaged (" + storedFields + " is missing)");
    assertThat(Fixtures.build(articles(), index()).committed()).isTrue();
    assertThat(buildReason("test")).isNull();
  }

  /** Why the index would be built whole, or null when it would be updated article by article. */
  private String buildReason(String rules) throws Exception {
    IndexPlan plan =
        IndexPlan.decide(index(), articles(), null, null, false, articles(), source -> rules);
    return plan.build() ? plan.reason() : null;
  }

  private static void truncate(Path file) throws java.io.IOException {
    try (var channel =
        java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() / 2);
    }
  }
}
