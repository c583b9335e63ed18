package dev.passage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.index.IndexSummary;
import dev.passage.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlArticleReaderTest {

  @TempDir Path dir;

  private Fixtures.Read read(String content) throws Exception {
    return read(content.getBytes(StandardCharsets.UTF_8));
  }

  private Fixtures.Read read(byte[] content) throws Exception {
    Path file = dir.resolve("corpus.jsonl");
    Files.write(file, content);
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
        .containsExactly(
            "no \"text\"", "no \"id\"; using 'corpus-2'", "not a JSON object but an array");
  }

  @Test
  void invalidUtf8IsReplacedInItsOwnLineOnlyAndReportedWithTheLine() throws Exception {
    byte[] bytes =
        concat(
            "{\"id\": \"a\", \"text\": \"Caf".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xE9},
            " society.\"}\n{\"id\": \"b\", \"text\": \"Caf\u00e9 society.\"}\n"
                .getBytes(StandardCharsets.UTF_8));
    Fixtures.Read read = read(bytes);
    assertThat(read.articles())
        .extracting(Article::text)
        .containsExactly("Caf\uFFFD society.", "Caf\u00e9 society.");
    assertThat(read.problems())
        .containsExactly(
            Problem.repaired("corpus.jsonl:1", "invalid UTF-8 bytes were replaced with U+FFFD"));
  }

  @Test
  void aBinaryFileIsOneProblemNotOnePerLine() throws Exception {
    byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, '\n', 'x', '\n', 0, '\n'};
    Fixtures.Read read = read(gzip);
    assertThat(read.articles()).isEmpty();
    assertThat(read.problems())
        .containsExactly(Problem.skipped("corpus.jsonl", "binary file, not text"));
  }

  @Test
  void anEmptyFileAndAFileOfBlankLinesAreReported() throws Exception {
    assertThat(read("").problems()).containsExactly(Problem.skipped("corpus.jsonl", "empty file"));
    assertThat(read("\n  \n\n").problems())
        .containsExactly(Problem.skipped("corpus.jsonl", "no articles, only blank lines"));
  }

  @Test
  void aLineThatIsJsonButNotAnObjectSaysWhatItIs() throws Exception {
    Fixtures.Read read = read("\"text\"\n42\nnull\n");
    assertThat(read.problems())
        .containsExactly(
            Problem.skipped("corpus.jsonl:1", "not a JSON object but a string"),
            Problem.skipped("corpus.jsonl:2", "not a JSON object but a number"),
            Problem.skipped("corpus.jsonl:3", "not a JSON object but null"));
  }

  @Test
  void numbersAreTextButOtherWrongTypesAreReported() throws Exception {
    Fixtures.Read read =
        read(
            """
            {"id": "a", "title": 1984, "date": 2013, "text": "Numbers are text."}
            {"id": "b", "title": {"en": "T"}, "source": ["X"], "author": true, "text": "Kept."}
            {"id": {"n": 1}, "text": "An object is no id."}
            {"id": "d", "text": {}}
            {"id": "e", "text": 5}
            {"id": "f", "title": null, "text": "Null is absent."}
            """);
    assertThat(read.articles()).extracting(Article::id).containsExactly("a", "b", "corpus-3", "f");
    Article a = read.articles().getFirst();
    assertThat(a.title()).isEqualTo("1984");
    assertThat(a.date()).isEqualTo(ArticleDate.ofYear(2013));
    assertThat(read.articles().get(1).title()).isNull();
    assertThat(read.problems())
        .containsExactly(
            Problem.repaired(
                "corpus.jsonl:2", "\"title\" is an object, not a string or number; ignored"),
            Problem.repaired(
                "corpus.jsonl:2", "\"source\" is an array, not a string or number; ignored"),
            Problem.repaired(
                "corpus.jsonl:2", "\"author\" is a boolean, not a string or number; ignored"),
            Problem.repaired(
                "corpus.jsonl:3", "\"id\" is an object, not a string or number; using 'corpus-3'"),
            Problem.skipped("corpus.jsonl:4", "\"text\" is an object, not a string"),
            Problem.skipped("corpus.jsonl:5", "\"text\" is a number, not a string"));
  }

  @Test
  void aFileOfManyBadLinesListsTheFirstAndCountsTheRest() throws Exception {
    Fixtures.Read read =
        read("id,title,text\n".repeat(JsonlArticleReader.MAX_PROBLEMS_PER_FILE + 7));
    assertThat(read.problems()).hasSize(JsonlArticleReader.MAX_PROBLEMS_PER_FILE + 1);
    assertThat(read.problems().getLast())
        .isEqualTo(
            Problem.skipped(
                "corpus.jsonl",
                "7 more lines: not valid JSON; is it JSON Lines, one object a line?",
                7));
    // The summary still counts every skipped line, listed or not.
    assertThat(new IndexSummary(0, 0, read.problems(), 0, false).skipped())
        .isEqualTo(JsonlArticleReader.MAX_PROBLEMS_PER_FILE + 7);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
