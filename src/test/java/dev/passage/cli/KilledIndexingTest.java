package dev.passage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.passage.index.IndexInfo;
import dev.passage.index.Schema;
import dev.passage.search.LiveSearchers;
import dev.passage.search.SearchService;
import dev.passage.testing.Fixtures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} in the middle of {@code passage index}, done for real: the build runs in a JVM of
 * its own, which is killed once it has provably written part of the new index, and {@code passage
 * serve} is then started as a person would start it again. Whatever the kill left, {@code serve}
 * opens an index: the last complete one, or one it rebuilds, and it says which.
 */
class KilledIndexingTest {

  /** Articles in the large folder: enough for a build of a few seconds on two busy cores. */
  private static final int BIG_ARTICLES = 400;

  private static final int BIG_PARAGRAPHS = BIG_ARTICLES * 4;

  /** New index data on disk that proves the killed build was well under way. */
  private static final long UNDER_WAY_BYTES = 256 * 1024;

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;

  private Path small() {
    return dir.resolve("small");
  }

  private Path big() {
    return dir.resolve("big.jsonl");
  }

  private Path index() {
    return dir.resolve("index");
  }

  @Test
  void aBuildKilledMidwayLeavesThePreviousIndexWhichServeServesAsItIs() throws Exception {
    writeSmallFolder();
    Run first = run("index", "--articles", small().toString(), "--index", index().toString());
    assertThat(first.out()).contains("Indexed 2 articles, 3 paragraphs in");
    writeBigFolder();

    Set<String> killedBuildFiles = killMidway("index", "--articles", big().toString(), "--rebuild");

    assertThat(IndexInfo.read(index()).articles()).isEqualTo(2);
    try (var directory = FSDirectory.open(index());
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.numDocs()).isEqualTo(3);
    }
    try (LiveSearchers searchers = LiveSearchers.open(index(), new Schema())) {
      assertThat(new SearchService(new Schema(), searchers).health().paragraphs()).isEqualTo(3);
    }

    // Restarted over the same articles, serve serves the last complete index at once.
    try (Child serve = serve(small())) {
      String out = serve.awaitOut("Press Ctrl+C to stop.");
      assertThat(out)
          .startsWith(
              servingFirstLine(small())
                  + "Passage is"
                  + " serving 3 paragraphs of 2 articles on http://localhost:");
      JsonNode health = health(out);
      assertThat(health.get("articles").asInt()).isEqualTo(2);
      assertThat(health.get("paragraphs").asInt()).isEqualTo(3);
    }

    // A new article is added to it alone, and the killed build's files are gone.
    Fixtures.write(small(), "c.txt", Fixtures.article("C", "2015", "Trade grew again in 2015."));
    Run updated = run("index", "--index", index().toString());
    assertThat(updated.out()).startsWith("1 added, 0 changed, 0 removed, 2 unchanged in ");
    assertThat(IndexInfo.read(index()).articles()).isEqualTo(3);
    assertThat(files(index())).doesNotContainAnyElementsOf(killedBuildFiles);
  }

  @Test
  void aFirstBuildKilledMidwayIsRebuiltByServeWhichSaysItDidNotFinish() throws Exception {
    writeBigFolder();

    Set<String> killedBuildFiles = killMidway("index", "--articles", big().toString());

    // No commit: nothing a reader could open, and the dead process's lock file is still there.
    assertThat(files(index())).contains("write.lock").noneMatch(f -> f.startsWith("segments"));
    try (var directory = FSDirectory.open(index())) {
      assertThat(DirectoryReader.indexExists(directory)).isFalse();
    }
    assertThat(IndexInfo.read(index())).isNull();

    // The lock of a killed process is released with it: serve rebuilds in the same folder.
    try (Child serve = serve(big())) {
      String out = serve.awaitOut("Press Ctrl+C to stop.");
      assertThat(out)
          .startsWith(
              "Building the index: the last build did not finish (no complete index in "
                  + index()
                  + ").\nIndexing "
                  + big()
                  + " into "
                  + index()
                  + " …\nIndexed 400 articles, 1,600 paragraphs in ")
          .contains("\nPassage is serving 1,600 paragraphs of 400 articles on http://localhost:");
      JsonNode health = health(out);
      assertThat(health.get("articles").asInt()).isEqualTo(BIG_ARTICLES);
      assertThat(health.get("paragraphs").asInt()).isEqualTo(BIG_PARAGRAPHS);
      assertThat(serve.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(IndexInfo.read(index()).articles()).isEqualTo(BIG_ARTICLES);
    assertThat(files(index())).doesNotContainAnyElementsOf(killedBuildFiles);
  }

  @Test
  void aDamagedIndexIsRebuiltByServeWhichSaysWhatIsDamaged() throws Exception {
    writeSmallFolder();
    run("index", "--articles", small().toString(), "--index", index().toString());
    Path segment;
    try (Stream<Path> list = Files.list(index())) {
      // The largest file of the build's one segment (builds write no compound file): with these
      // two small articles, the field infos, whose checksum Lucene reads when it opens them.
      segment =
          list.filter(f -> !f.getFileName().toString().startsWith("segments_"))
              .filter(f -> !f.getFileName().toString().equals("write.lock"))
              .max(Comparator.comparingLong(KilledIndexingTest::size))
              .orElseThrow();
    }
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() / 2);
    }

    try (Child serve = serve(small())) {
      String out = serve.awaitOut("Press Ctrl+C to stop.");
      assertThat(out)
          .startsWith(
              "Building the index: the index in "
                  + index()
                  + " is damaged ("
                  + segment.getFileName()
                  + ": checksum status indeterminate: remaining=")
          // How many bytes Lucene had left to read when the file ended depends on its fields.
          .containsPattern("remaining=\\d+; please run checkindex for more details\\)\\.\n")
          .contains("\nIndexed 2 articles, 3 paragraphs in ")
          .contains("\nPassage is serving 3 paragraphs of 2 articles on http://localhost:");
      assertThat(serve.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void aKilledUpdateCommitsNothingAndServeGivenOnlyTheIndexAppliesTheDifference() throws Exception {
    writeSmallFolder();
    run("index", "--articles", small().toString(), "--index", index().toString());
    writeBigFolder();
    Files.move(big(), small().resolve("big.jsonl"));

    Set<String> killedUpdateFiles = killMidway("index");

    assertThat(IndexInfo.read(index()).articles()).isEqualTo(2);
    // Given only the index, serve serves it at once and follows the folder the index records.
    try (Child serve = new Child(List.of("serve", "--index", index().toString(), "--port", "0"))) {
      String out = serve.awaitOut("Press Ctrl+C to stop.");
      assertThat(out).startsWith(servingFirstLine(small()));
      awaitHealth(out, h -> h.get("articles").asInt() == 2 + BIG_ARTICLES);
      assertThat(serve.err()).doesNotContain("Exception");
    }
    assertThat(files(index())).doesNotContainAnyElementsOf(killedUpdateFiles);
    assertThat(run("index", "--index", index().toString()).out())
        .startsWith("0 added, 0 changed, 0 removed, 402 unchanged in ");
  }

  @Test
  void aServerKilledDuringABatchOfPutsIsInStepWithItsFolderAfterARestart() throws Exception {
    writeSmallFolder();
    run("index", "--articles", small().toString(), "--index", index().toString());
    writeBigFolder();
    Path token = Fixtures.write(dir, "token", "correct-horse-battery-staple");
    List<String> serveArgs =
        List.of(
            "serve",
            "--index",
            index().toString(),
            "--port",
            "0",
            "--admin-token-file",
            token.toString());
    try (Child serve = new Child(serveArgs)) {
      String out = serve.awaitOut("Press Ctrl+C to stop.");
      HttpRequest batch =
          HttpRequest.newBuilder(URI.create(base(out) + "/api/admin/articles"))
              .header("Authorization", "Bearer correct-horse-battery-staple")
              .POST(HttpRequest.BodyPublishers.ofFile(big()))
              .build();
      var answer =
          HttpClient.newHttpClient().sendAsync(batch, HttpResponse.BodyHandlers.ofString());
      // Killed once the batch is being written into the folder, before it can be answered.
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (articleFiles(small()) < 2 + BIG_ARTICLES / 10 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      serve.process.destroyForcibly();
      assertThat(serve.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      // The client may not even hear of the kill before it checks; it never got a whole answer.
      assertThat(
              answer.isDone()
                  && !answer.isCompletedExceptionally()
                  && answer.join().statusCode() == 200)
          .isFalse();
    }
    int written = (int) articleFiles(small()) - 2;
    assertThat(written).isBetween(BIG_ARTICLES / 10, BIG_ARTICLES - 1);

    try (Child serve = new Child(serveArgs)) {
      String out = serve.awaitOut("Press Ctrl+C to stop.");
      awaitHealth(out, h -> h.get("articles").asInt() == 2 + written);
    }
    assertThat(run("index", "--index", index().toString()).out())
        .startsWith("0 added, 0 changed, 0 removed, " + (2 + written) + " unchanged in ");
  }

  @Test
  void serveRefusesAnIndexOfAnotherFolderAndLeavesItAsItIs() throws Exception {
    writeSmallFolder();
    run("index", "--articles", small().toString(), "--index", index().toString());
    writeBigFolder();
    try (Child serve = serve(big())) {
      assertThat(serve.process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(serve.process.exitValue()).isEqualTo(2);
      assertThat(serve.err())
          .isEqualTo(
              "passage: the index in "
                  + index()
                  + " was built from "
                  + small()
                  + ", not "
                  + big()
                  + "; nothing was changed. --rebuild replaces it with an index of "
                  + big()
                  + ", or give another --index to keep it.\n");
    }
    assertThat(IndexInfo.read(index()).articles()).isEqualTo(2);
  }

  @Test
  void serveWithWatchSeesAFileSavedAddedAndRemovedInItsFolder() throws Exception {
    writeSmallFolder();
    try (Child serve =
        new Child(
            List.of(
                "serve",
                "--articles",
                small().toString(),
                "--index",
                index().toString(),
                "--port",
                "0",
                "--watch"))) {
      String out = serve.awaitOut("Press Ctrl+C to stop.");
      assertThat(out).contains("\nWatching " + small() + " for changes.\n");
      Fixtures.write(small(), "c.txt", Fixtures.article("C", "2015", "Zebrafish regrow fins."));
      awaitTotal(out, "zebrafish", 1);
      Fixtures.write(small(), "c.txt", Fixtures.article("C", "2015", "Axolotls regrow legs."));
      awaitTotal(out, "axolotls", 1);
      awaitTotal(out, "zebrafish", 0);
      Files.delete(small().resolve("a.txt"));
      awaitTotal(out, "astana", 0);
      awaitHealth(out, h -> h.get("articles").asInt() == 2);
      assertThat(serve.err()).doesNotContain("Exception");
    }
  }

  /** What serve says first when it serves the index of {@code articles} as it is. */
  private String servingFirstLine(Path articles) {
    return "Serving the index in "
        + index()
        + " of "
        + articles
        + "; what changed there since is applied in the background.\n";
  }

  /** The article files in {@code folder}: not the hidden ones a write in progress leaves. */
  private static long articleFiles(Path folder) throws IOException {
    return files(folder).stream().filter(f -> !f.startsWith(".")).count();
  }

  /** Waits until a search for {@code query} finds {@code expected} paragraphs. */
  private static void awaitTotal(String out, String query, int expected) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int total;
    do {
      Thread.sleep(20);
      total = get(out, "/api/search?q=" + query).get("total").asInt();
    } while (total != expected && System.nanoTime() < deadline);
    assertThat(total).as(query).isEqualTo(expected);
  }

  /** Waits until {@code /api/health} satisfies {@code done}. */
  private static void awaitHealth(String out, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode health;
    do {
      Thread.sleep(50);
      health = health(out);
    } while (!done.test(health) && System.nanoTime() < deadline);
    assertThat(done.test(health)).as(health.toString()).isTrue();
  }

  /**
   * Starts {@code passage index … --index INDEX} in a JVM of its own, kills it with SIGKILL once it
   * has written {@link #UNDER_WAY_BYTES} of the new index, and returns the files it had written.
   */
  private Set<String> killMidway(String... args) throws Exception {
    Set<String> before = files(index());
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(List.of("--index", index().toString()));
    Child build = new Child(command);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Set<String> written;
    while (true) {
      written = files(index());
      written.removeAll(before);
      long bytes = written.stream().mapToLong(f -> size(index().resolve(f))).sum();
      if (bytes >= UNDER_WAY_BYTES) {
        break;
      }
      if (!build.process.isAlive() || System.nanoTime() > deadline) {
        fail("the build was not caught midway; make the big folder larger.\n" + build.report());
      }
      Thread.sleep(10);
    }
    assertThat(build.process.isAlive()).as(build.report()).isTrue();
    build.process.destroyForcibly();
    assertThat(build.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    // 128 + 9: the JVM died of SIGKILL, with no chance to finish, roll back or clean up.
    assertThat(build.process.exitValue()).as(build.report()).isEqualTo(137);
    assertThat(build.out()).doesNotContain("Indexed").doesNotContain(" added, ");
    assertThat(written).isNotEmpty().noneMatch(f -> f.startsWith("segments"));
    written.remove("write.lock");
    return written;
  }

  private Child serve(Path articles) throws IOException {
    return new Child(
        List.of(
            "serve",
            "--articles",
            articles.toString(),
            "--index",
            index().toString(),
            "--port",
            "0"));
  }

  /** {@code /api/health} of the server whose start-up lines are {@code out}. */
  private static JsonNode health(String out) throws Exception {
    return get(out, "/api/health");
  }

  /** {@code http://localhost:PORT} of the server whose start-up lines are {@code out}. */
  private static String base(String out) {
    Matcher port = Pattern.compile("http://localhost:(\\d+)/").matcher(out);
    assertThat(port.find()).as(out).isTrue();
    return "http://localhost:" + port.group(1);
  }

  private static JsonNode get(String out, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base(out) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }

  private record Run(int code, String out) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = PassageCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    int code = cli.execute(args);
    assertThat(code).as(out.toString()).isZero();
    return new Run(code, out.toString());
  }

  /** Two articles, three paragraphs. */
  private void writeSmallFolder() throws IOException {
    Fixtures.write(
        small(),
        "a.txt",
        Fixtures.article(
            "A", "2013", "Foreign Minister Wang Yi visited Astana.\n\nTrade grew in 2012.\n"));
    Fixtures.write(
        small(), "b.txt", Fixtures.article("B", "2014", "China took over the CICA chairmanship."));
  }

  /** {@link #BIG_ARTICLES} articles of four paragraphs each, one a line. */
  private void writeBigFolder() throws IOException {
    String[] people = {"Wang Yi", "Xi Jinping", "Kassym-Jomart Tokayev", "Li Qiang"};
    String[] organisations = {
      "Shanghai Cooperation Organisation", "Asian Development Bank", "Eurasian Economic Union"
    };
    String[] words =
        ("the minister said trade agreement energy pipeline summit cooperation visit bank"
                + " investment railway border security talks government economy exports growth"
                + " region")
            .split(" ");
    Random random = new Random(6);
    try (BufferedWriter out = Files.newBufferedWriter(big(), StandardCharsets.UTF_8)) {
      for (int i = 0; i < BIG_ARTICLES; i++) {
        int year = 2000 + i % 25;
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 4; p++) {
          text.append(p == 0 ? "" : "\\n\\n")
              .append(people[random.nextInt(people.length)])
              .append(" met officials of the ")
              .append(organisations[random.nextInt(organisations.length)])
              .append(" in ")
              .append(year)
              .append(". The");
          for (int w = 0; w < 40; w++) {
            text.append(' ').append(words[random.nextInt(words.length)]);
          }
          text.append('.');
        }
        out.write(
            "{\"id\": \"report-"
                + i
                + "\", \"title\": \"Report "
                + i
                + "\", \"date\": \""
                + year
                + "-05\", \"text\": \""
                + text
                + "\"}\n");
      }
    }
  }

  /** The names of the files in {@code dir}, none when there is no such folder. */
  private static Set<String> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new TreeSet<>();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return new TreeSet<>(list.map(f -> f.getFileName().toString()).toList());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted meanwhile: a temporary file the build was done with
    }
  }

  /** {@code passage ARGS} in a JVM of its own, on this test's class path. */
  private static final class Child implements AutoCloseable {
    final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();

    Child(List<String> args) throws IOException {
      String java =
          ProcessHandle.current()
              .info()
              .command()
              .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-Xmx512m",
                  "--enable-native-access=ALL-UNNAMED",
                  "-cp",
                  System.getProperty("java.class.path"),
                  PassageCli.class.getName()));
      command.addAll(args);
      process = new ProcessBuilder(command).start();
      pump(process.getInputStream(), out);
      pump(process.getErrorStream(), err);
    }

    private static void pump(InputStream in, StringBuffer into) {
      Thread.ofVirtual()
          .start(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
              int n;
              while ((n = in.read(buffer)) > 0) {
                into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
              }
            } catch (IOException e) {
              // The process is gone; what it wrote is kept.
            }
          });
    }

    String out() {
      return out.toString();
    }

    String err() {
      return err.toString();
    }

    /** Its output once it contains {@code text}; fails when it exits or takes too long first. */
    String awaitOut(String text) throws InterruptedException {
      return await(o -> o.contains(text));
    }

    private String await(Predicate<String> done) throws InterruptedException {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!done.test(out())) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          Thread.sleep(200); // the last of its output
          fail("passage stopped or hung before it printed what was expected.\n" + report());
        }
        Thread.sleep(20);
      }
      return out();
    }

    String report() {
      return "stdout:\n" + out() + "\nstderr:\n" + err();
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
