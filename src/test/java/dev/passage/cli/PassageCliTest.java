package dev.passage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.index.IndexInfo;
import dev.passage.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PassageCliTest {

  @TempDir Path dir;

  /** Runs the command line and returns its exit code and output. */
  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cli = PassageCli.commandLine();
    cli.setOut(new java.io.PrintWriter(out));
    cli.setErr(new java.io.PrintWriter(err));
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      commandLine.getErr().println("passage: " + e.getMessage());
      return 2;
    });
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aCommandLineNamingASubcommandHoldsThatOneAndHelpOrATypoHoldsThemAll() {
    List<String> all =
        List.of("index", "serve", "search", "eval", "bench", "serve-training", "help");

    assertThat(PassageCli.commandLine("serve", "--port", "0").getSubcommands().keySet())
        .containsExactly("serve");
    assertThat(PassageCli.commandLine("help", "serve").getSubcommands().keySet())
        .containsExactlyElementsOf(all);
    assertThat(PassageCli.commandLine("sreve").getSubcommands().keySet())
        .containsExactlyElementsOf(all);
    assertThat(PassageCli.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(all);
  }

  @Test
  void aMistypedCommandIsAnsweredWithTheOnesItResembles() {
    StringWriter err = new StringWriter();
    CommandLine cli = PassageCli.commandLine("sreve");
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("sreve");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("'sreve'", "Did you mean", "passage serve");
  }

  @Test
  void helpForOneCommandShowsThatCommandsOptions() {
    Run run = run("help", "serve");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: passage serve", "--port", "--watch");
  }

  @Test
  void indexBuildsAndSummarisesWhatItSkipped() throws Exception {
    Fixtures.write(
        dir,
        "articles/a.txt",
        Fixtures.article("A", "2013", "Foreign Minister Wang Yi visited Astana."));
    Fixtures.write(dir, "articles/b.pdf", "%PDF");
    Run run =
        run(
            "index",
            "--articles",
            dir.resolve("articles").toString(),
            "--index",
            dir.resolve("index").toString());
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("Indexed 1 article, 1 paragraph in")
        .contains("Skipped 1:\n  b.pdf: not an article file; Passage reads .txt, .md and .jsonl");
  }

  @Test
  void indexWithANamesFileSaysHowManyTagsTheFileChanged() throws Exception {
    Fixtures.write(
        dir,
        "articles/a.txt",
        Fixtures.article(
            "Forum",
            "2024",
            "Elbasy opened the forum in Astana.\n\nWang Yi attended the SCO summit.\n\n"
                + "The Shanghai Cooperation Organisation met, and Wang Yi spoke.\n"));
    Path names =
        Fixtures.write(
            dir,
            "mine.tsv",
            "Nursultan Nazarbayev\tperson\tNazarbayev|Elbasy\n"
                + "Shanghai Cooperation Organization\torganisation\t"
                + "Shanghai Cooperation Organisation|SCO\n");
    String articles = dir.resolve("articles").toString();
    String index = dir.resolve("index").toString();

    Run withNames =
        run("index", "--articles", articles, "--index", index, "--entities", names.toString());
    Run without = run("index", "--articles", articles, "--index", index);

    assertThat(withNames.code()).isZero();
    assertThat(withNames.out())
        .contains(
            "Indexed 1 article, 3 paragraphs in",
            "\nYour names file changed 5 tags in 3 paragraphs (3 added, 2 removed).\n");
    // The index remembers its names file: a later update keeps it rather than dropping it.
    assertThat(without.code()).isZero();
    assertThat(without.out()).startsWith("0 added, 0 changed, 0 removed, 1 unchanged in ");
    assertThat(run("search", "--index", index, "--person", "Nursultan Nazarbayev").out())
        .contains("1 paragraph match");
  }

  @Test
  void anIndexTaggedWithYourTopicsKeepsThemRefusesOthersAndIsRebuiltWhenTheyChange()
      throws Exception {
    Fixtures.write(
        dir,
        "articles/a.txt",
        Fixtures.article(
            "Derby",
            "2024",
            "The football derby ended in a draw.\n\nThe rugby final was played in the rain.\n"));
    Path topics = Fixtures.write(dir, "topics.tsv", "sport\tfootball, rugby, derby\n");
    Path other = Fixtures.write(dir, "other.tsv", "games\tfootball\n");
    String index = dir.resolve("index").toString();

    Run built =
        index("--articles", dir.resolve("articles").toString(), "--topics", topics.toString());
    Run kept = index();
    Run refused = run("index", "--index", index, "--topics", other.toString());
    Files.writeString(topics, "sport\tfootball, rugby, derby, final\n");
    Run edited = index();

    assertThat(built.out()).contains("Indexed 1 article, 2 paragraphs in");
    assertThat(run("search", "--index", index, "--topic", "sport").out())
        .contains("2 paragraphs match");
    // The index remembers its topics file: a later update keeps it rather than dropping it.
    assertThat(kept.out()).startsWith("0 added, 0 changed, 0 removed, 1 unchanged in ");
    assertThat(IndexInfo.read(Path.of(index)).source().topics()).isEqualTo(topics.toAbsolutePath());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .contains(
            "was built from the topics file "
                + topics.toAbsolutePath()
                + ", not "
                + other.toAbsolutePath()
                + "; nothing was changed. --rebuild replaces it");
    assertThat(edited.out())
        .contains(
            "Building the index whole: the tagging rules or code, the names or topics file or the"
                + " schema changed",
            "Indexed 1 article, 2 paragraphs in");
  }

  @Test
  void aTopicsFileThatIsGoneOrWrongIsAnErrorThatChangesNothing() throws Exception {
    Fixtures.write(
        dir,
        "articles/a.txt",
        Fixtures.article("Derby", "2024", "Football again, and more football."));
    Path topics = Fixtures.write(dir, "topics.tsv", "sport\tfootball\n");
    Path wrong = Fixtures.write(dir, "wrong.tsv", "sport football\n");
    String index = dir.resolve("index").toString();
    index("--articles", dir.resolve("articles").toString(), "--topics", topics.toString());
    Files.delete(topics);

    Run gone = run("index", "--index", index);
    Run unreadable = run("index", "--index", index, "--topics", wrong.toString(), "--rebuild");

    assertThat(gone.code()).isEqualTo(2);
    assertThat(gone.err())
        .contains(
            "was built with the topics file "
                + topics.toAbsolutePath()
                + ", which is gone; restore it, or rebuild with another: --topics NEW.tsv --rebuild");
    Run missing =
        run(
            "index",
            "--index",
            dir.resolve("new").toString(),
            "--topics",
            dir.resolve("none.tsv").toString());
    Run notText =
        run(
            "index",
            "--index",
            dir.resolve("new").toString(),
            "--entities",
            Files.write(dir.resolve("latin1.tsv"), new byte[] {'Z', (byte) 0xfc, 'r', '\n'})
                .toString());
    assertThat(missing.err()).isEqualTo("passage: " + dir.resolve("none.tsv") + ": no such file\n");
    assertThat(notText.err())
        .isEqualTo("passage: " + dir.resolve("latin1.tsv") + ": not UTF-8 text\n");
    assertThat(dir.resolve("new")).doesNotExist();
    // Searching needs no topics file: the index holds the topics it was tagged with.
    assertThat(run("search", "--index", index, "--topic", "sport").out())
        .startsWith("1 paragraph match");
    assertThat(unreadable.code()).isEqualTo(2);
    assertThat(unreadable.err())
        .contains(wrong.toAbsolutePath().toString())
        .doesNotContain("\tat ");
    assertThat(IndexInfo.read(Path.of(index)).source().topics()).isEqualTo(topics.toAbsolutePath());
  }

  /** Runs {@code passage index} on the test's index folder with {@code args}; must succeed. */
  private Run index(String... args) {
    List<String> all =
        new ArrayList<>(List.of("index", "--index", dir.resolve("index").toString()));
    all.addAll(List.of(args));
    Run run = run(all.toArray(String[]::new));
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    return run;
  }

  @Test
  void anIndexOfAnotherFolderIsSearchedAsItIsNeverRebuiltFromTheBundledArticles() throws Exception {
    Fixtures.write(
        dir, "a2/zebrafish.txt", Fixtures.article("Fins", "2020", "Zebrafish regrow their fins."));
    String idx2 = dir.resolve("idx2").toString();
    run("index", "--articles", dir.resolve("a2").toString(), "--index", idx2);

    Run search = run("search", "--index", idx2, "zebrafish");

    assertThat(search.code()).isZero();
    assertThat(search.out()).contains("1 paragraph match “zebrafish”");
    assertThat(IndexInfo.read(Path.of(idx2)).source().articles())
        .isEqualTo(dir.resolve("a2").toAbsolutePath());
  }

  @Test
  void anIndexGivenAnotherFolderRefusesNamesBothAndTheFlagAndChangesNothing() throws Exception {
    Fixtures.write(dir, "a2/zebrafish.txt", Fixtures.article("Fins", "2020", "Zebrafish swim."));
    Fixtures.write(dir, "a3/otter.txt", Fixtures.article("Otters", "2021", "Otters float."));
    index("--articles", dir.resolve("a2").toString());

    Run refused =
        run(
            "index",
            "--articles",
            dir.resolve("a3").toString(),
            "--index",
            dir.resolve("index").toString());

    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .isEqualTo(
            "passage: the index in "
                + dir.resolve("index")
                + " was built from "
                + dir.resolve("a2").toAbsolutePath()
                + ", not "
                + dir.resolve("a3").toAbsolutePath()
                + "; nothing was changed. --rebuild replaces it with an index of "
                + dir.resolve("a3").toAbsolutePath()
                + ", or give another --index to keep it.\n");
    assertThat(run("search", "--index", dir.resolve("index").toString(), "zebrafish").out())
        .contains("1 paragraph match");

    Run replaced = index("--articles", dir.resolve("a3").toString(), "--rebuild");
    assertThat(replaced.out()).startsWith("Building the index whole: replacing the index of ");
    assertThat(run("search", "--index", dir.resolve("index").toString(), "otters").out())
        .contains("1 paragraph match");
  }

  @Test
  void aFileRewrittenToTheSameSizeIsReadAgainAndAnUnreadFilesIdsStayFirst() throws Exception {
    Path a = Fixtures.write(dir, "articles/a.txt", Fixtures.article("A", "2013", "Astana grew."));
    Fixtures.write(dir, "articles/b.txt", Fixtures.article("B", "2014", "Beijing grew."));
    index("--articles", dir.resolve("articles").toString());

    // Same size, other words, a later time: only the time tells, and it is enough.
    Files.writeString(a, Fixtures.article("A", "2013", "Almaty grew."));
    Files.setLastModifiedTime(
        a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 2_000));
    assertThat(index().out()).startsWith("0 added, 1 changed, 0 removed, 1 unchanged in ");
    assertThat(run("search", "--index", dir.resolve("index").toString(), "almaty").out())
        .contains("1 paragraph match");

    // A file whose size and time are as they were is not read again: b.txt, rewritten to the
    // same size and set back to its time, still counts as unchanged.
    Path b = dir.resolve("articles/b.txt");
    FileTime time = Files.getLastModifiedTime(b);
    Files.writeString(b, Fixtures.article("B", "2014", "Bishkek grew."));
    Files.setLastModifiedTime(b, time);
    assertThat(index().out()).startsWith("0 added, 0 changed, 0 removed, 2 unchanged in ");

    // b.txt is left unread; a later file giving its id again is a duplicate, as in a build.
    Fixtures.write(dir, "articles/c.jsonl", "{\"id\": \"b\", \"text\": \"A second b.\"}\n");
    Run update = index();
    assertThat(update.out())
        .startsWith("0 added, 0 changed, 0 removed, 2 unchanged in ")
        .contains("c.jsonl:1: duplicate article id 'b', first read from b.txt");
  }

  @Test
  void searchNeverBuildsAMissingIndexButSaysHowTo() {
    Run run = run("search", "--index", dir.resolve("none").toString(), "anything");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "passage: there is no index in "
                + dir.resolve("none")
                + " yet; build one with: passage index --articles DIR --index "
                + dir.resolve("none")
                + "\n");
    assertThat(dir.resolve("none")).doesNotExist();
  }

  @Test
  void indexAppliesOnlyWhatChangedAndALineOfAJsonlFileIsAnArticle() throws Exception {
    Fixtures.write(dir, "articles/a.txt", Fixtures.article("A", "2013", "Astana grew."));
    Fixtures.write(dir, "articles/b.txt", Fixtures.article("B", "2014", "Beijing grew."));
    Path lines =
        Fixtures.write(
            dir,
            "articles/wire.jsonl",
            "{\"id\": \"w1\", \"text\": \"Wheat rose.\"}\n{\"id\": \"w2\", \"text\": \"Wool fell.\"}\n");
    index("--articles", dir.resolve("articles").toString());

    Files.delete(dir.resolve("articles/b.txt"));
    Fixtures.write(dir, "articles/c.txt", Fixtures.article("C", "2015", "Cotton grew."));
    Files.writeString(
        lines,
        "{\"id\": \"w1\", \"text\": \"Wheat rose.\"}\n{\"id\": \"w2\", \"text\": \"Wool rose.\"}\n");
    Run update = index();

    assertThat(update.out()).startsWith("1 added, 1 changed, 1 removed, 2 unchanged in ");
    assertThat(run("search", "--index", dir.resolve("index").toString(), "wool").out())
        .contains("[Wool] rose.");
    assertThat(run("search", "--index", dir.resolve("index").toString(), "beijing").out())
        .contains("0 paragraphs match");
    assertThat(index().out()).startsWith("0 added, 0 changed, 0 removed, 4 unchanged in ");
    assertThat(index("--rebuild").out())
        .startsWith("Building the index whole: --rebuild asks for a whole build.\n");
  }

  @Test
  void indexOfAFolderThatIsNotThereSaysSoAndCreatesNothing() {
    Path index = dir.resolve("index");

    Run run =
        run("index", "--articles", dir.resolve("missing").toString(), "--index", index.toString());

    assertThat(run.code()).isNotZero();
    assertThat(run.err()).contains("no such folder: " + dir.resolve("missing"));
    assertThat(run.out()).as("nothing is announced that will not happen").isEmpty();
    assertThat(index).doesNotExist();
  }

  @Test
  void indexFailsWhenNothingIsUsable() throws Exception {
    Files.createDirectories(dir.resolve("articles"));
    Run run =
        run(
            "index",
            "--articles",
            dir.resolve("articles").toString(),
            "--index",
            dir.resolve("index").toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("Found no usable articles");
  }

  @Test
  void searchPrintsTheBestParagraphsWithTheirMarks() throws Exception {
    Fixtures.write(
        dir,
        "articles/a.txt",
        Fixtures.article("Visit", "2013", "Foreign Minister Wang Yi will visit Astana."));
    index("--articles", dir.resolve("articles").toString());
    Run run = run("search", "--index", dir.resolve("index").toString(), "visits");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("1 paragraph match “visits”")
        .contains("1. Visit, 2013, ¶1")
        .contains("Foreign Minister Wang Yi will [visit] Astana.")
        .contains("   person: Wang Yi · topic: diplomacy");
  }

  @Test
  void aParagraphWithoutTagsPrintsNoEmptyLineForThem() throws Exception {
    Fixtures.write(
        dir, "articles/k.txt", Fixtures.article("Kettle", "2013-05", "The kettle boiled twice.\n"));
    index("--articles", dir.resolve("articles").toString());

    Run run = run("search", "--index", dir.resolve("index").toString(), "kettle");

    assertThat(run.out())
        .endsWith("\n\n1. Kettle, 2013-05, ¶1\n   The [kettle] boiled twice.\n   id k#1\n");
  }

  private void woolArticles() throws Exception {
    Fixtures.write(
        dir,
        "articles/a.txt",
        Fixtures.article("Wool in Astana", "2013-05", "Wool prices rose.\n\nWool exports fell.\n"));
    Fixtures.write(
        dir, "articles/b.txt", Fixtures.article("Wool in Almaty", "2014-02", "Wool sold well.\n"));
    Fixtures.write(
        dir, "articles/c.txt", Fixtures.article("Wool again", "2015-09", "More wool came.\n"));
    index("--articles", dir.resolve("articles").toString());
  }

  @Test
  void searchKeepsToPublicationDatesAndPrintsTheTimelineWhenAsked() throws Exception {
    woolArticles();
    String index = dir.resolve("index").toString();

    Run dated = run("search", "--index", index, "--from", "2014", "--timeline", "year", "wool");

    assertThat(dated.code()).isZero();
    assertThat(dated.out())
        .contains("2 paragraphs match “wool”")
        .contains("By publication date: 2014 1 · 2015 1")
        .doesNotContain("Wool in Astana");
    assertThat(run("search", "--index", index, "--to", "2013-12", "wool").out())
        .contains("2 paragraphs match “wool”")
        .doesNotContain("By publication date");
    assertThat(run("search", "--index", index, "--timeline", "month", "wool").out())
        .contains("By publication date: 2013-05 2 · 2014-02 1 · 2015-09 1");
    Run bad = run("search", "--index", index, "--from", "May 2014", "wool");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("from");
  }

  @Test
  void searchGroupedByArticlePrintsEachArticleWithItsBestParagraphs() throws Exception {
    woolArticles();

    Run run =
        run(
            "search",
            "--index",
            dir.resolve("index").toString(),
            "--group",
            "article",
            "--sort",
            "oldest",
            "wool");

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("4 paragraphs in 3 articles match “wool”")
        .contains(
            "1. Wool in Astana, 2013-05: 2 matching paragraphs\n   ¶1 [Wool] prices rose.\n"
                + "   ¶2 [Wool] exports fell.\n   id a\n");
  }

  @Test
  void aPhraseQueryIsPrintedWithItsOwnQuotesInsideThePagesQuotes() throws Exception {
    woolArticles();

    Run run = run("search", "--index", dir.resolve("index").toString(), "\"wool exports\"");

    assertThat(run.out()).startsWith("1 paragraph match “\"wool exports\"”");
  }

  @Test
  void searchSaysWhatItMeantWhenAWordIsMisspelt() throws Exception {
    woolArticles();

    Run run = run("search", "--index", dir.resolve("index").toString(), "exprots");

    assertThat(run.out())
        .contains("0 paragraphs match “exprots”")
        .contains("Did you mean “exports”?");
  }

  @Test
  void aBadQueryIsExplainedNotThrownAndLeavesNoIndexOpen() throws Exception {
    Fixtures.write(dir, "articles/a.txt", "Text.");
    index("--articles", dir.resolve("articles").toString());
    long before = refreshThreads();
    Run run = run("search", "--index", dir.resolve("index").toString(), "CICA AND (");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("passage: cannot parse q 'CICA AND ('");
    // An index left open keeps a thread that polls it for as long as the process runs.
    assertThat(refreshThreads()).isLessThanOrEqualTo(before);
  }

  private static long refreshThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("passage-searcher-refresh"))
        .count();
  }

  @Test
  void helpListsTheCommands() {
    Run run = run("--help");
    assertThat(run.out()).contains("index").contains("serve").contains("search");
  }

  @Test
  void evalScoresTheCorporaItIsGivenAndWritesTheReport() throws Exception {
    Path conll =
        Fixtures.write(
            dir,
            "conll.jsonl",
            "{\"id\": \"c1\", \"title\": \"GERMANY - TALKS .\", \"text\": \"Karl Otto Poehl"
                + " met the Bundesbank .\", \"gold\": {\"entities\": [{\"type\": \"PER\","
                + " \"text\": \"Karl Otto Poehl\"}, {\"type\": \"ORG\", \"text\":"
                + " \"Bundesbank\"}]}}\n");
    Path report = dir.resolve("quality.md");

    Run run =
        run(
            "eval",
            "--conll",
            conll.toString(),
            "--reuters",
            dir.resolve("none.jsonl").toString(),
            "--report",
            report.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("| conll.jsonl, news articles | 1 | 1.000 | 1.000 | **1.000** |");
    assertThat(run.err()).contains("eval: no Reuters file at").contains("skipped");
    assertThat(Files.readString(report))
        .startsWith("# Tagging quality")
        .contains("./passage eval")
        .contains(run.out());
  }

  @Test
  void evalTopicsScoresArticlesAgainstTheirOwnCategoriesAndSamplesParagraphsPerTopic()
      throws Exception {
    Path corpus =
        Fixtures.write(
            dir,
            "labelled.jsonl",
            "{\"id\": \"a\", \"text\": \"Washington raised tariffs in a trade war.\","
                + " \"gold\": {\"topics\": [\"trade\"]}}\n"
                + "{\"id\": \"b\", \"text\": \"OPEC cut its crude oil output.\","
                + " \"gold\": {\"topics\": [\"crude\", \"ship\"]}}\n"
                + "{\"id\": \"c\", \"text\": \"Shares traded higher.\","
                + " \"gold\": {\"topics\": [\"earn\"]}}\n"
                + "{\"id\": \"d\", \"text\": \"New tariffs and anti-dumping duties were set.\"}\n");

    Run run = run("eval", "topics", corpus.toString(), "--topic", "trade", "--sample", "5");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("## Topics of labelled.jsonl against its own categories, 3 labelled articles")
        .contains("| trade | 1 | 1 | 1.00 | 1.00 | **1.00** | trade |")
        .contains("| energy | 1 | 1 | 1.00 | 1.00 | **1.00** |")
        .contains("| transport | 1 | 0 | 0.00 | 0.00 | **0.00** | ship |")
        .contains("## Paragraphs tagged trade in labelled.jsonl: 2 of 2 drawn with seed 18")
        .contains("a#1 · keywords tariff, trade war\n   Washington raised tariffs in a trade war.")
        .contains(
            "d#1 · keywords tariff, anti-dumping\n   New tariffs and anti-dumping duties were set.")
        .doesNotContain("tagged energy");
  }

  @Test
  void evalTopicsRefusesATopicTheTopicsDoNotHold() throws Exception {
    Path corpus = Fixtures.write(dir, "c.jsonl", "{\"id\": \"a\", \"text\": \"Text.\"}\n");

    Run run = run("eval", "topics", corpus.toString(), "--topic", "sport");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("unknown topic 'sport'");
  }

  @Test
  void evalWithoutAnyCorpusSaysSoAndFails() {
    Run run =
        run(
            "eval",
            "--conll",
            dir.resolve("a.jsonl").toString(),
            "--reuters",
            dir.resolve("b.jsonl").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("eval: no corpus found; nothing was measured");
  }

  @Test
  void benchExportSkipsAnArticleThatIsNothingButFurniture() throws Exception {
    Path articles = dir.resolve("corpus.jsonl");
    Files.writeString(
        articles,
        "{\"id\": \"a\", \"title\": \"Oil\", \"text\": \"Oil prices rose.\"}\n"
            + "{\"id\": \"b\", \"title\": \"Empty\", \"text\": \"Comments (0)\"}\n");
    Path bulk = dir.resolve("bulk.ndjson");

    Run run = run("bench", "export", "--articles", articles.toString(), "--out", bulk.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("1 paragraphs" + System.lineSeparator());
    assertThat(Files.readAllLines(bulk)).hasSize(2);
  }
}
