package dev.passage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlArticleReaderTest {

  @TempDir Path dir;

  private Fixtures.Read read(String content) throws Exception {
    Path file = Fixtures.write(dir, "corpus.jsonl", content);
    Fixtures.Collecting sink = new Fixtures.Collecting();
    new JsonlArticleReader().read(file, "corpus.jsonl", sink);
    return sink.read();
  }

  @Test
  void eachLineIsAnArticleAndOtherFieldsAreIgnored() throws Exception {
    Fixtures.Read read =
        read(
            """
            {"id": "reuters-1", "title": "COCOA", "date": "1987-02-26", "source": "Reuters", \
            "text": "One.\\n\\nTwo.", "gold": {"topics": ["cocoa"]}}
            {"id": 7, "text": "Numbers make ids too."}
            """);
    assertThat(read.problems()).isEmpty();
    assertThat(read.articles()).extracting(Article::id).containsExactly("reuters-1", "7");
    Article first = read.articles().getFirst();
    assertThat(first.title()).isEqualTo("COCOA");
    assertThat(first.date()).isEqualTo(ArticleDate.parse("1987-02-26"));
    assertThat(first.source()).isEqualTo("Reuters");
    assertThat(first.text()).isEqualTo("One.\n\nTwo.");
    assertThat(first.origin()).isEqualTo("corpus.jsonl:1");
  }

  @Test
  void aBrokenLineIsReportedWithItsNumberAndTheRestIsRead() throws Exception {
    Fixtures.Read read =
        read(
            """
            {"id": "a", "text": "Fine."}
            {"id": "b", "text": "cut off
            {"id": "c", "text": "Also fine."}
            """);
    assertThat(read.articles()).extracting(Article::id).containsExactly("a", "c");
    assertThat(read.problems())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.origin()).isEqualTo("corpus.jsonl:2");
          assertThat(p.message()).startsWith("not valid JSON");
          assertThat(p.skipped()).isTrue();
        });
  }

  @Test
  void aLineWithoutTextIsSkippedAndOneWithoutIdGetsOne() throws Exception {
    Fixtures.Read read =
        read(
            """
            {"id": "empty", "text": "  "}
            {"title": "No id", "text": "Still indexed."}
            [1, 2, 3]
            """);
    assertThat(read.articles()).extracting(Article::id).containsExactly("corpus-2");
    assertThat(read.problems())
        .extracting(Problem::message)
        .containsExactly("no \"text\"", "no \"id\"; using 'corpus-2'", "not a JSON object");
  }
}
