package dev.passage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontMatterArticleReaderTest {

  @TempDir Path dir;

  private Fixtures.Read read(String name, byte[] bytes) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    Fixtures.Collecting sink = new Fixtures.Collecting();
    new FrontMatterArticleReader().read(file, name, sink);
    return sink.read();
  }

  private Fixtures.Read read(String name, String content) throws Exception {
    return read(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void theHeaderGivesTitleDateSourceAndAuthorAndTheTextFollowsUnchanged() throws Exception {
    Fixtures.Read read =
        read(
            "milestone.txt",
            "---\ntitle: Analysis: A Milestone\ndate: 2013-08\nsource: \"The Astana Times\"\n"
                + "author: A. Writer\n---\nFirst line.\n\nSecond  paragraph.\n");
    assertThat(read.problems()).isEmpty();
    Article a = read.articles().getFirst();
    assertThat(a.id()).isEqualTo("milestone");
    assertThat(a.title()).isEqualTo("Analysis: A Milestone");
    assertThat(a.date()).isEqualTo(ArticleDate.parse("2013-08"));
    assertThat(a.source()).isEqualTo("The Astana Times");
    assertThat(a.author()).isEqualTo("A. Writer");
    assertThat(a.text()).isEqualTo("First line.\n\nSecond  paragraph.\n");
  }

  @Test
  void aFileWithoutHeaderIsAllText() throws Exception {
    Article a = read("plain.md", "Just the text.\r\nTwo lines.").articles().getFirst();
    assertThat(a.title()).isNull();
    assertThat(a.date()).isNull();
    assertThat(a.text()).isEqualTo("Just the text.\nTwo lines.");
  }

  @Test
  void anUnknownKeyIsReportedWithItsLineAndIgnored() throws Exception {
    Fixtures.Read read = read("a.txt", "---\ntitle: T\ncolour: blue\n---\nText.");
    assertThat(read.articles()).hasSize(1);
    assertThat(read.problems())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.origin()).isEqualTo("a.txt:3");
          assertThat(p.message()).contains("unknown front-matter key 'colour'");
          assertThat(p.skipped()).isFalse();
        });
  }

  @Test
  void aBadDateIsReportedAndTheArticleIndexedUndated() throws Exception {
    Fixtures.Read read = read("a.txt", "---\ndate: spring 2013\n---\nText.");
    assertThat(read.articles().getFirst().date()).isNull();
    assertThat(read.problems().getFirst().message())
        .contains("'spring 2013' is not a date")
        .contains("the article is indexed undated");
  }

  @Test
  void anUnclosedHeaderIsRepairedAndTheTextStillRead() throws Exception {
    Fixtures.Read read = read("a.txt", "---\ntitle: Open\nThe text starts here.\n");
    Article a = read.articles().getFirst();
    assertThat(a.title()).isEqualTo("Open");
    assertThat(a.text()).isEqualTo("The text starts here.\n");
    assertThat(read.problems().getFirst().message()).contains("never closed");
  }

  @Test
  void anEmptyFileIsSkipped() throws Exception {
    Fixtures.Read read = read("empty.txt", "---\ntitle: Nothing\n---\n\n");
    assertThat(read.articles()).isEmpty();
    assertThat(read.problems().getFirst())
        .isEqualTo(Problem.skipped("empty.txt", "no article text"));
  }

  @Test
  void aFileOfNoBytesIsSkippedAsEmpty() throws Exception {
    Fixtures.Read read = read("nothing.md", new byte[0]);
    assertThat(read.articles()).isEmpty();
    assertThat(read.problems()).containsExactly(Problem.skipped("nothing.md", "empty file"));
  }

  @Test
  void aBadHeaderLineIsReportedWithItsLineAndTheArticleKept() throws Exception {
    Fixtures.Read read = read("a.txt", "---\ntitle: T\nthis is no header line\n---\nText.");
    assertThat(read.articles()).extracting(Article::title).containsExactly("T");
    assertThat(read.problems())
        .containsExactly(
            Problem.repaired("a.txt:3", "front-matter line is not 'key: value'; ignored"));
  }

  @Test
  void aBinaryFileIsSkipped() throws Exception {
    Fixtures.Read read = read("photo.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    assertThat(read.articles()).isEmpty();
    assertThat(read.problems().getFirst().message()).isEqualTo("binary file, not text");
  }

  @Test
  void invalidUtf8IsReplacedAndReported() throws Exception {
    byte[] latin1 = "Caf\u00e9 society.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Fixtures.Read read = read("latin.txt", latin1);
    assertThat(read.articles().getFirst().text()).isEqualTo("Caf\uFFFD society.");
    assertThat(read.problems().getFirst().message()).contains("invalid UTF-8");
    assertThat(read.problems().getFirst().skipped()).isFalse();
  }
}
