package dev.passage.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.passage.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFolderTest {

  @TempDir Path dir;

  @Test
  void textMarkdownAndJsonlFilesAreReadInNameOrderAndSubfoldersToo() throws Exception {
    Fixtures.write(dir, "b.txt", "B text.");
    Fixtures.write(dir, "a.md", "A text.");
    Fixtures.write(dir, "more/c.jsonl", "{\"id\": \"c1\", \"text\": \"C.\"}\n");
    Fixtures.write(dir, ".hidden/secret.txt", "Never read.");
    Fixtures.Collecting sink = new Fixtures.Collecting();
    new ArticleFolder(dir).read(sink);
    assertThat(sink.articles).extracting(Article::id).containsExactly("a", "b", "c1");
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void otherFilesAreReportedNotRead() throws Exception {
    Fixtures.write(dir, "a.txt", "Text.");
    Fixtures.write(dir, "scan.pdf", "%PDF");
    Fixtures.Collecting sink = new Fixtures.Collecting();
    new ArticleFolder(dir).read(sink);
    assertThat(sink.problems)
        .containsExactly(
            Problem.skipped("scan.pdf", "not an article file; Passage reads .txt, .md and .jsonl"));
  }

  @Test
  void aDuplicateIdIsSkippedNamingWhereTheFirstCameFrom() throws Exception {
    Fixtures.write(dir, "a/story.txt", "First.");
    Fixtures.write(dir, "b/story.txt", "Second.");
    Fixtures.Collecting sink = new Fixtures.Collecting();
    new ArticleFolder(dir).read(sink);
    assertThat(sink.articles).extracting(Article::text).containsExactly("First.");
    assertThat(sink.problems.getFirst().message())
        .isEqualTo("duplicate article id 'story', first read from a/story.txt");
  }

  @Test
  void anIndexFileTakesItsFoldersNameAsSitesKeepAnArticleInAFolderOfItsOwn() throws Exception {
    Fixtures.write(dir, "cica-summit/index.md", "First.");
    Fixtures.write(dir, "trade-talks/INDEX.txt", "Second.");
    Fixtures.write(dir, "indexes.txt", "Third.");
    Fixtures.Collecting sink = new Fixtures.Collecting();
    new ArticleFolder(dir).read(sink);
    assertThat(sink.articles)
        .extracting(Article::id)
        .containsExactly("cica-summit", "indexes", "trade-talks");
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void aLinkToAFolderIsReportedNotFollowedSoALoopCannotTrapTheWalk() throws Exception {
    Fixtures.write(dir, "a.txt", "Text.");
    Fixtures.write(dir, "sub/b.txt", "More text.");
    Files.createSymbolicLink(dir.resolve("sub/loop"), Path.of(".."));
    Files.createSymbolicLink(dir.resolve("sub/gone.txt"), Path.of("nowhere.txt"));
    Files.createSymbolicLink(dir.resolve("c.txt"), Path.of("sub/b.txt"));
    Fixtures.Collecting sink = new Fixtures.Collecting();
    new ArticleFolder(dir).read(sink);
    assertThat(sink.articles)
        .extracting(Article::origin)
        .containsExactly("a.txt", "c.txt", "sub/b.txt");
    assertThat(sink.problems)
        .containsExactly(
            Problem.skipped("sub/gone.txt", "broken link"),
            Problem.skipped("sub/loop", "link to a folder; links to folders are not followed"));
  }

  @Test
  void anUnreadableFileIsReportedAndTheOthersRead() throws Exception {
    Fixtures.write(dir, "a.txt", "Text.");
    Path locked = Fixtures.write(dir, "b.txt", "Locked.");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    // Root reads every file whatever its permissions: there is nothing to test then.
    assumeFalse(Files.isReadable(locked), "the tests run as a user who can read any file");
    Fixtures.Collecting sink = new Fixtures.Collecting();
    new ArticleFolder(dir).read(sink);
    assertThat(sink.articles).extracting(Article::id).containsExactly("a");
    assertThat(sink.problems)
        .containsExactly(Problem.skipped("b.txt", "cannot read: permission denied"));
  }

  @Test
  void anArticleOverTheLimitsIsCutAndReported() throws Exception {
    String paragraph = "x".repeat(98) + "\n\n";
    Fixtures.write(
        dir,
        "long.txt",
        "---\ntitle: "
            + "T".repeat(ArticleLimits.MAX_FIELD_CHARS + 1)
            + "\n---\n"
            + paragraph.repeat(ArticleLimits.MAX_TEXT_CHARS / 100 + 1));
    Fixtures.Collecting sink = new Fixtures.Collecting();
    new ArticleFolder(dir).read(sink);
    Article article = sink.articles.getFirst();
    assertThat(article.title()).hasSize(ArticleLimits.MAX_FIELD_CHARS);
    assertThat(article.text()).hasSize(ArticleLimits.MAX_TEXT_CHARS - 2).endsWith("x");
    assertThat(sink.problems)
        .extracting(Problem::toString)
        .containsExactly(
            String.format(
                "long.txt: text is %,d characters, over the %,d character limit for one article;"
                    + " only the first %,d were indexed",
                ArticleLimits.MAX_TEXT_CHARS + 100,
                ArticleLimits.MAX_TEXT_CHARS,
                ArticleLimits.MAX_TEXT_CHARS - 2),
            String.format(
                "long.txt: title is %,d characters, cut to the %,d character limit",
                ArticleLimits.MAX_FIELD_CHARS + 1, ArticleLimits.MAX_FIELD_CHARS));
  }

  @Test
  void aSingleJsonlFileCanStandForAFolder() throws Exception {
    Path corpus = Fixtures.write(dir, "corpus.jsonl", "{\"id\": \"x\", \"text\": \"X.\"}\n");
    Fixtures.Collecting sink = new Fixtures.Collecting();
    new ArticleFolder(corpus).read(sink);
    assertThat(sink.articles).extracting(Article::origin).containsExactly("corpus.jsonl:1");
  }

  @Test
  void aSinkIsToldWhichFileEachArticleCameFrom() throws Exception {
    Fixtures.write(dir, "a.txt", "Text.");
    Fixtures.write(
        dir,
        "sub/b.jsonl",
        "{\"id\": \"x\", \"text\": \"X.\"}\n{\"id\": \"y\", \"text\": \"Y.\"}\n");
    List<String> seen = new ArrayList<>();
    new ArticleFolder(dir)
        .read(
            new ArticleSink() {
              private String file;

              @Override
              public boolean file(String name, long size, long modifiedNanos) {
                file = name;
                return true;
              }

              @Override
              public void accept(Article article) {
                seen.add(article.id() + " from " + file);
              }

              @Override
              public void problem(Problem problem) {}
            });
    assertThat(seen).containsExactly("a from a.txt", "x from sub/b.jsonl", "y from sub/b.jsonl");
  }

  @Test
  void theBundledSeedTextsAreThePublishedOnesByteForByte() throws Exception {
    // The checksums of ../shared/seeds/*.txt: the front matter is ours, the text is not.
    Map<String, String> published =
        Map.of(
            "000_c3b115836f1d2521.txt",
                "c988704568e1718ee72a793a06affd8a0056f78f242cab7f72e396df2f359ef1",
            "001_4c331c42e6f04ea6.txt",
                "908a3455a4912adeb3013e89cfae356775dc4081dcdd02ea8736ac069ca55286",
            "002_89bf8cead1161fd8.txt",
                "9c5fc2a2dfd96b8ef371fb44fd3eb95454ab6f93cc02fe18764dc4072f2196eb",
            "003_0e5463e51e88c47b.txt",
                "0203c0711bb9c7352697f2c599206e3b64cdcea5d6227cd982ad104ce438666f",
            "004_fd3b26c682193b6e.txt",
                "48e4a5a05361b611a0afa8e9f23c9c99e864806c02c8b23d5e693589e4d1cbb8");
    Map<String, String> actual = new TreeMap<>();
    for (String name : published.keySet()) {
      String content = Files.readString(Fixtures.SEED_ARTICLES.resolve(name));
      List<String> parts = List.of(content.split("(?m)^---\\n", 3));
      assertThat(parts).as(name + " has front matter").hasSize(3);
      byte[] body = parts.get(2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      actual.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    }
    assertThat(actual).isEqualTo(new TreeMap<>(published));
  }
}
