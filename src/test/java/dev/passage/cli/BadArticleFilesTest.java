package dev.passage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.index.IndexInfo;
import dev.passage.ingest.ArticleLimits;
import dev.passage.testing.Fixtures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code passage index} over a folder of every kind of bad article file (issue 6): each bad file or
 * line is skipped or repaired with a message naming it, everything else is indexed, and only a
 * folder with nothing usable fails.
 */
class BadArticleFilesTest {

  /** Paragraphs of exactly 100 characters with their blank line, for the 20 MB article. */
  private static final String HUGE_PARAGRAPH =
      "Paragraph %06d of the long report: trade between Kazakhstan and China grew again, the memo said.";

  private static final int HUGE_PARAGRAPHS = 210_000;

  @TempDir Path dir;

  private record Run(int code, String out) {}

  /** Builds the index of {@code articles} whole, replacing whatever the index folder holds. */
  private Run index(Path articles) {
    StringWriter out = new StringWriter();
    CommandLine cli = PassageCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    int code =
        cli.execute(
            "index",
            "--articles",
            articles.toString(),
            "--index",
            dir.resolve("index").toString(),
            "--rebuild");
    return new Run(code, out.toString());
  }

  @Test
  void everyBadFileIsSkippedOrRepairedByNameAndEverythingElseIsIndexed() throws Exception {
    Path articles = dir.resolve("articles");
    Fixtures.write(
        articles,
        "good.txt",
        Fixtures.article(
            "Talks in Astana",
            "2013-09",
            "Foreign Minister Wang Yi visited Astana in 2013.\n\n"
                + "The two sides signed twelve agreements."));
    // Empty, binary, not an article, and a header with no text: skipped.
    Fixtures.write(articles, "empty.txt", "");
    Files.write(articles.resolve("photo.txt"), bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, 0, 0));
    Fixtures.write(articles, "scan.pdf", "%PDF-1.4");
    Fixtures.write(articles, "header-only.txt", Fixtures.article("Nothing Below", "2014", ""));
    // Invalid UTF-8, malformed front matter and a bad date: repaired and indexed.
    Files.write(
        articles.resolve("latin1.txt"),
        "Caf\u00e9 society in Almaty.".getBytes(StandardCharsets.ISO_8859_1));
    Fixtures.write(articles, "unclosed.txt", "---\ntitle: Open\nThe text starts here.\n");
    Fixtures.write(
        articles, "bad-header.txt", "---\ntitle: Odd\nno colon here\n---\nThe header is odd.");
    Fixtures.write(
        articles, "bad-date.txt", "---\ndate: spring 2013\n---\nThe summit was held in 2015.");
    // 20 MB in one article: its first million characters are indexed.
    Path huge = articles.resolve("huge.txt");
    try (BufferedWriter w = Files.newBufferedWriter(huge)) {
      w.write("---\ntitle: The Long Report\n---\n");
      for (int i = 1; i <= HUGE_PARAGRAPHS; i++) {
        w.write(String.format(HUGE_PARAGRAPH, i));
        w.write("\n\n");
      }
    }
    assertThat(String.format(HUGE_PARAGRAPH, 1)).hasSize(98);
    assertThat(Files.size(huge)).isGreaterThan(20L * 1024 * 1024);
    // A duplicate id, and a link loop the walk must not follow.
    Fixtures.write(articles, "sub/good.txt", "The same id as good.txt.");
    Files.createSymbolicLink(articles.resolve("sub/loop"), Path.of(".."));
    // JSON Lines: an empty file, a binary one, and one with every kind of bad line.
    Fixtures.write(articles, "empty.jsonl", "");
    Files.write(articles.resolve("archive.jsonl"), bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3));
    writeNewsJsonl(articles.resolve("news.jsonl"));

    Run run = index(articles);

    assertThat(run.code()).isZero();
    List<String> out = Arrays.asList(run.out().split("\n"));
    assertThat(out.get(2))
        .startsWith(String.format("Indexed %,d articles, %,d paragraphs in ", 12, 10_013));
    assertThat(problemLines(out))
        .containsExactly(
            "Skipped 16:",
            "  sub/loop: link to a folder; links to folders are not followed",
            "  archive.jsonl: binary file, not text",
            "  empty.jsonl: empty file",
            "  empty.txt: empty file",
            "  header-only.txt: no article text",
            "  news.jsonl:2: not valid JSON: …",
            "  news.jsonl:4: not a JSON object but an array",
            "  news.jsonl:5: not a JSON object but a string",
            "  news.jsonl:8: \"text\" is an object, not a string",
            "  news.jsonl:9: duplicate article id 'good', first read from good.txt",
            String.format(
                "  news.jsonl:10: line is over the %,d byte limit for one article",
                ArticleLimits.MAX_SOURCE_BYTES),
            "  news.jsonl:13: not valid JSON: …",
            "  news.jsonl:14: not valid JSON: …",
            "  photo.txt: binary file, not text",
            "  scan.pdf: not an article file; Passage reads .txt, .md and .jsonl",
            "  sub/good.txt: duplicate article id 'good', first read from good.txt",
            "Repaired 8:",
            "  bad-date.txt: 'spring 2013' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD;"
                + " the article is indexed undated",
            "  bad-header.txt:3: front-matter line is not 'key: value'; ignored",
            // Cut at the last paragraph end before the limit: 10,000 paragraphs, less a "\n\n".
            String.format(
                "  huge.txt: text is %,d characters, over the %,d character limit for one article;"
                    + " only the first %,d were indexed",
                HUGE_PARAGRAPHS * 100, ArticleLimits.MAX_TEXT_CHARS, 999_998),
            "  latin1.txt: invalid UTF-8 bytes were replaced with U+FFFD; save it as UTF-8",
            "  news.jsonl:3: invalid UTF-8 bytes were replaced with U+FFFD",
            "  news.jsonl:7: \"title\" is an object, not a string or number; ignored",
            "  news.jsonl:11: \"id\" is an object, not a string or number; using 'news-11'",
            "  unclosed.txt: front matter opened with '---' but never closed; add a '---' line");
  }

  @Test
  void aFolderOfOnlyBadFilesFailsSaysSoAndKeepsThePreviousIndex() throws Exception {
    Path good = dir.resolve("good");
    Fixtures.write(
        good,
        "a.txt",
        Fixtures.article("Visit", "2013", "Foreign Minister Wang Yi will visit Astana."));
    assertThat(index(good).code()).isZero();
    IndexInfo before = IndexInfo.read(dir.resolve("index"));
    Path bad = dir.resolve("bad");
    Fixtures.write(bad, "empty.txt", "");
    Files.write(bad.resolve("photo.txt"), bytes(0x89, 'P', 'N', 'G', 0, 0));
    Fixtures.write(bad, "news.jsonl", "{\"id\": \"x\", \"text\": \"cut off\n[1, 2]\n");

    Run run = index(bad);

    assertThat(run.code()).isEqualTo(1);
    List<String> out = Arrays.asList(run.out().split("\n"));
    assertThat(out.get(2))
        .isEqualTo("Found no usable articles in " + bad + "; the previous index, if any, is kept.");
    assertThat(problemLines(out))
        .containsExactly(
            "Skipped 4:",
            "  empty.txt: empty file",
            "  news.jsonl:1: not valid JSON: …",
            "  news.jsonl:2: not a JSON object but an array",
            "  photo.txt: binary file, not text");
    assertThat(IndexInfo.read(dir.resolve("index"))).isEqualTo(before);
    // And it still answers.
    StringWriter searched = new StringWriter();
    CommandLine cli = PassageCli.commandLine();
    cli.setOut(new PrintWriter(searched));
    cli.setErr(new PrintWriter(new StringWriter()));
    int code = cli.execute("search", "--index", dir.resolve("index").toString(), "visit");
    assertThat(code).isZero();
    assertThat(searched.toString()).contains("Foreign Minister Wang Yi will [visit] Astana.");
  }

  /**
   * news.jsonl, line by line: 1 good; 2 broken JSON; 3 invalid UTF-8 (repaired); 4 an array; 5 a
   * string; 6 a number for a title (taken as text); 7 an object for a title (ignored); 8 an object
   * for the text; 9 a duplicate id; 10 a line over the limit; 11 an object for an id (repaired); 12
   * read after all that; 13 a NUL inside a string; 14 two objects on one line; 15 blank.
   */
  private static void writeNewsJsonl(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      line(
          out,
          "{\"id\": \"j1\", \"date\": \"2014-03\", \"text\": \"Grain exports rose.\\n\\n"
              + "Imports fell.\"}");
      line(out, "{\"id\": \"j2\", \"text\": \"cut off");
      out.write("{\"id\": \"j3\", \"text\": \"Caf".getBytes(StandardCharsets.UTF_8));
      out.write(0xE9);
      line(out, " in Astana.\"}");
      line(out, "[1, 2]");
      line(out, "\"text\"");
      line(out, "{\"id\": \"j6\", \"title\": 1984, \"text\": \"A number is a title.\"}");
      line(out, "{\"id\": \"j7\", \"title\": {\"en\": \"T\"}, \"text\": \"An object is not.\"}");
      line(out, "{\"id\": \"j8\", \"text\": {}}");
      line(out, "{\"id\": \"good\", \"text\": \"The same id as good.txt.\"}");
      out.write("{\"id\": \"j10\", \"text\": \"".getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1 << 20];
      Arrays.fill(block, (byte) 'a');
      for (int i = 0; i <= ArticleLimits.MAX_SOURCE_BYTES / block.length; i++) {
        out.write(block);
      }
      line(out, "\"}");
      line(out, "{\"id\": {\"n\": 1}, \"text\": \"An object is no id.\"}");
      line(out, "{\"id\": \"j12\", \"text\": \"Read after the enormous line.\"}");
      line(out, "{\"id\": \"j13\", \"text\": \"NUL\u0000inside.\"}");
      line(out, "{\"id\": \"j14\", \"text\": \"One.\"}{\"id\": \"j15\", \"text\": \"Two.\"}");
      line(out, "");
    }
  }

  private static void line(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The summary's problem lines, with what Jackson says about broken JSON left out: its wording is
   * Jackson's, not Passage's.
   */
  @Test
  void anArchiveWithManyEmptyArticlesTellsTheirReasonOnceAndCountsThem() throws Exception {
    Path articles = dir.resolve("articles");
    StringBuilder jsonl = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      jsonl.append(
          i % 5 == 0
              ? "{\"id\": \"a" + i + "\", \"text\": \"Trade between Kazakhstan and China grew.\"}\n"
              : "{\"id\": \"a" + i + "\", \"title\": \"A headline alone\"}\n");
    }
    Fixtures.write(articles, "wire.jsonl", jsonl.toString());

    Run run = index(articles);

    assertThat(run.code()).isZero();
    List<String> problems = problemLines(Arrays.asList(run.out().split("\n")));
    // 100 lines listed by the reader, told once as they share their reason; the other 60
    // counted by the reader, and no doubt cast on a file whose other lines were articles.
    assertThat(problems)
        .containsExactly(
            "Skipped 160:",
            "  no \"text\": 100 times, in wire.jsonl:1, wire.jsonl:2, wire.jsonl:3 and 97 more",
            "  wire.jsonl: 60 more lines: no \"text\"");
  }

  @Test
  void aFrontMatterKeyEveryFileHasIsToldOnceNotForEachFile() throws Exception {
    Path articles = dir.resolve("articles");
    for (int i = 1; i <= 12; i++) {
      Fixtures.write(
          articles,
          String.format("post-%02d/index.md", i),
          "---\ntitle: Post " + i + "\ntags: [cica]\n---\nThe CICA summit met.\n");
    }

    Run run = index(articles);

    assertThat(run.code()).isZero();
    assertThat(problemLines(Arrays.asList(run.out().split("\n"))))
        .containsExactly(
            "Repaired 12:",
            "  unknown front-matter key 'tags' ignored; known keys are [title, date, source,"
                + " author]: 12 times, in post-01/index.md:3, post-02/index.md:3,"
                + " post-03/index.md:3 and 9 more");
  }

  private static List<String> problemLines(List<String> out) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : out) {
      in |= line.startsWith("Skipped ") || line.startsWith("Repaired ");
      if (in) {
        lines.add(line.replaceFirst("(: not valid JSON: ).*", "$1…"));
      }
    }
    return lines;
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
