package dev.passage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.passage.testing.Fixtures;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./passage} and serve's start-up cache, run as a user runs it, in a copy of
 * the repository whose jar is new: the classes compiled for this test run, with their dependencies.
 */
class LauncherTest {

  private static final String JAVA_HOME = System.getProperty("java.home");

  private static final Pattern SERVING = Pattern.compile("on http://localhost:(\\d+)/");

  @TempDir Path repo;

  @TempDir Path scratch;

  private Path jar;
  private Path cds;

  /** What a run of the launcher printed, and how it ended. */
  private record Run(int exit, String output) {}

  @BeforeEach
  void copyTheLauncherAndArticlesAndMakeTheJar() throws IOException {
    Files.copy(Path.of("passage"), repo.resolve("passage"));
    Files.createDirectories(repo.resolve("articles"));
    try (Stream<Path> seeds = Files.list(Fixtures.SEED_ARTICLES)) {
      for (Path seed : seeds.toList()) {
        Files.copy(seed, repo.resolve("articles").resolve(seed.getFileName()));
      }
    }
    jar = repo.resolve("target/passage.jar");
    cds = repo.resolve("target/cds");
    writeJar(jar);
  }

  /**
   * The compiled classes in a jar that names its dependencies in its manifest: class-data archives
   * and AOT caches take jars only, not folders. Without sources beside it, the launcher never
   * builds.
   */
  private static void writeJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, PassageCli.class.getName());
    main.put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
    List<String> dependencies = new ArrayList<>();
    Path found = null;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (entry.endsWith(".jar")) {
        dependencies.add(path.toUri().toString());
      } else if (Files.exists(
          path.resolve(PassageCli.class.getName().replace('.', '/') + ".class"))) {
        found = path;
      }
    }
    assertThat(found).as("the compiled classes on the class path").isNotNull();
    Path classes = found;
    main.put(Attributes.Name.CLASS_PATH, String.join(" ", dependencies));
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> files = Files.walk(classes)) {
      // Folders too: the server finds its static files' folder as an entry of the jar.
      for (Path f : files.filter(f -> !f.equals(classes)).sorted().toList()) {
        String name = classes.relativize(f).toString();
        if (Files.isDirectory(f)) {
          out.putNextEntry(new JarEntry(name + "/"));
        } else {
          out.putNextEntry(new JarEntry(name));
          Files.copy(f, out);
        }
        out.closeEntry();
      }
    }
  }

  private Run launch(Path javaHome, String... args) throws Exception {
    return launch(javaHome, Map.of(), args);
  }

  /** {@code passage index} of the bundled articles into {@code folder} of the scratch space. */
  private Run indexInto(String folder, Map<String, String> environment) throws Exception {
    return launch(
        Path.of(JAVA_HOME), environment, "index", "--index", scratch.resolve(folder).toString());
  }

  private Run launch(Path javaHome, Map<String, String> environment, String... args)
      throws Exception {
    Path output = Files.createTempFile(scratch, "launcher", ".txt");
    Process process = start(javaHome, environment, output, args);
    boolean ended = process.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Path trainingLog = cds.resolve("serve-training.log");
    if (Files.isRegularFile(trainingLog)) {
      text += "\n(serve-training.log:)\n" + Files.readString(trainingLog, StandardCharsets.UTF_8);
    }
    assertThat(ended).as("the launcher ended within 3 minutes:\n%s", text).isTrue();
    return new Run(process.exitValue(), text);
  }

  /** Starts the launcher as a user runs it, its output and errors into {@code output}. */
  private Process start(Path javaHome, Map<String, String> environment, Path output, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(repo.resolve("passage").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("PASSAGE_JAVA_OPTS");
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** The copy of the jar the launcher runs, which the caches it makes are made for. */
  private Path runJar() {
    return repo.resolve("target/run/passage.jar");
  }

  /** Exit status of the JDK's java with {@code options} and then the jar and --version. */
  private int javaVersionWith(String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA_HOME + "/bin/java"));
    command.addAll(List.of(options));
    command.addAll(List.of("-jar", runJar().toString(), "--version"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  @Test
  void theFirstRunAfterABuildLeavesServeACacheTheJvmAcceptsAndLaterRunsKeepIt() throws Exception {
    Run first = launch(Path.of(JAVA_HOME), "--version");

    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output())
        .contains("Preparing serve's start-up cache", "Passage ")
        .doesNotContain("training run failed");
    Path cache = cds.resolve("serve.jsa");
    assertThat(cache).isRegularFile();
    assertThat(cds.resolve("serve.aot")).doesNotExist();
    assertThat(Files.getLastModifiedTime(cache)).isGreaterThan(Files.getLastModifiedTime(jar));
    // With these options the JVM stops rather than start without the cache.
    assertThat(javaVersionWith("-XX:SharedArchiveFile=" + cache, "-Xshare:on")).isZero();

    FileTime trained = Files.getLastModifiedTime(cache);
    Run second = launch(Path.of(JAVA_HOME), "--version");

    assertThat(second.exit()).isZero();
    assertThat(second.output()).doesNotContain("Preparing");
    assertThat(Files.getLastModifiedTime(cache)).isEqualTo(trained);
  }

  @Test
  void aCacheOlderThanTheJarIsNeverUsedButMadeAgain() throws Exception {
    launch(Path.of(JAVA_HOME), "--version");
    Path cache = cds.resolve("serve.jsa");
    FileTime built = Files.getLastModifiedTime(jar);
    Files.setLastModifiedTime(cache, FileTime.from(built.toInstant().minusSeconds(60)));

    Run afterBuild = launch(Path.of(JAVA_HOME), "--version");

    assertThat(afterBuild.exit()).isZero();
    assertThat(afterBuild.output()).contains("Preparing serve's start-up cache");
    assertThat(Files.getLastModifiedTime(cache)).isGreaterThan(Files.getLastModifiedTime(jar));
  }

  @Test
  void aJdkOlderThan25TrainsAClassDataArchive() throws Exception {
    // The launcher reads a JDK's version from its release file: this one says 21, and runs the
    // JDK of this test, which takes the options of JDK 21 too.
    Path jdk21 = scratch.resolve("jdk21");
    Files.createDirectories(jdk21.resolve("bin"));
    Files.writeString(jdk21.resolve("release"), "JAVA_VERSION=\"21.0.9\"\n");
    Path java = jdk21.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\nexec '" + JAVA_HOME + "/bin/java' \"$@\"\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();

    Run run = launch(jdk21, "--version");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(cds.resolve("serve.jsa")).isRegularFile();
    assertThat(cds.resolve("serve.aot")).doesNotExist();
    assertThat(javaVersionWith("-XX:SharedArchiveFile=" + cds.resolve("serve.jsa"), "-Xshare:on"))
        .isZero();
  }

  @Test
  void aCacheThatCannotBeWrittenNeverStopsACommand() throws Exception {
    // A file where the caches' folder should be: nothing can be written there, even by root.
    Files.writeString(cds, "not a folder");

    Run run = launch(Path.of(JAVA_HOME), "--version");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("Passage ").doesNotContain("Preparing");
  }

  @Test
  void aFailedTrainingIsSaidOnceAndTheCommandRunsWithoutTheCache() throws Exception {
    try (Stream<Path> articles = Files.list(repo.resolve("articles"))) {
      for (Path article : articles.toList()) {
        Files.delete(article);
      }
    }

    Run first = launch(Path.of(JAVA_HOME), "--version");
    Run second = launch(Path.of(JAVA_HOME), "--version");

    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).contains("training run failed", "Passage ");
    assertThat(cds.resolve("serve.jsa")).doesNotExist();
    assertThat(second.exit()).isZero();
    assertThat(second.output()).doesNotContain("Preparing").contains("Passage ");
  }

  @Test
  void anIndexRunLongEnoughLeavesLaterIndexRunsAnAotCacheTheJvmAccepts() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
    // Any run counts as long enough here; by default it takes a few seconds of indexing.
    Map<String, String> anyLength = Map.of("PASSAGE_INDEX_TRAINING_SECONDS", "0");

    Run first = indexInto("a", anyLength);

    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output())
        .contains("Indexed 5 articles", "Keeping what the JVM learnt from this build")
        .doesNotContain("AOTConfiguration", "without the cache");
    Path cache = cds.resolve("index.aot");
    assertThat(cache).isRegularFile();
    try (Stream<Path> files = Files.list(cds)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("nothing of the training is left but the cache")
          .noneMatch(name -> name.startsWith("index.aot.") || name.contains("aotconf"));
    }
    // With AOTMode=on the JVM stops rather than start without the cache.
    assertThat(javaVersionWith("-XX:+UseParallelGC", "-XX:AOTCache=" + cache, "-XX:AOTMode=on"))
        .isZero();

    FileTime made = Files.getLastModifiedTime(cache);
    Run second = indexInto("b", anyLength);

    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(second.output()).contains("Indexed 5 articles").doesNotContain("Keeping");
    assertThat(Files.getLastModifiedTime(cache)).isEqualTo(made);

    // With the cache's profiles the build runs without on-stack replacement (docs/performance.md).
    Run flags = indexInto("c", Map.of("PASSAGE_JAVA_OPTS", "-Xms64m -Xmx1g -XX:+PrintFlagsFinal"));
    assertThat(flags.exit()).as(flags.output()).isZero();
    assertThat(flags.output())
        .contains("Indexed 5 articles")
        .containsPattern("bool UseOnStackReplacement +:?= false");
  }

  @Test
  void aShortOrFailedIndexRunLeavesNoCacheAndNothingBehind() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
    Run failed =
        launch(
            Path.of(JAVA_HOME),
            Map.of("PASSAGE_INDEX_TRAINING_SECONDS", "0"),
            "index",
            "--articles",
            scratch.resolve("no such folder").toString(),
            "--index",
            scratch.resolve("a").toString());
    Run shortRun = indexInto("b", Map.of("PASSAGE_INDEX_TRAINING_SECONDS", "600"));

    assertThat(failed.exit()).as(failed.output()).isNotZero();
    assertThat(failed.output()).contains("no such folder").doesNotContain("Keeping");
    assertThat(shortRun.exit()).as(shortRun.output()).isZero();
    assertThat(shortRun.output()).contains("Indexed 5 articles").doesNotContain("Keeping");
    try (Stream<Path> files = Files.list(cds)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("index"));
    }
  }

  @Test
  void aServerKeepsAnsweringWhileTheBuildRewritesTheJarAndTheNextRunTakesTheNewOne()
      throws Exception {
    Path output = scratch.resolve("serve.txt");
    Process serve =
        start(
            Path.of(JAVA_HOME),
            Map.of(),
            output,
            "serve",
            "--index",
            scratch.resolve("index").toString(),
            "--port",
            "0");
    try {
      String base = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (base == null && System.nanoTime() < deadline) {
        Matcher serving = SERVING.matcher(Files.readString(output));
        if (serving.find()) {
          base = "http://localhost:" + serving.group(1);
        } else {
          assertThat(serve.isAlive()).as(Files.readString(output)).isTrue();
          Thread.sleep(50);
        }
      }
      assertThat(base).as("serve started:%n%s", Files.readString(output)).isNotNull();

      // Maven writes target/passage.jar over itself: first it is emptied.
      Files.write(jar, new byte[0]);

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> page = get(http, base + "/embed-demo.html");
      HttpResponse<String> search = get(http, base + "/api/search?q=Astana");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("passage-search");
      assertThat(search.statusCode()).isEqualTo(200);
      assertThat(search.body()).contains("\"total\":");
    } finally {
      serve.destroy();
      assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    writeJar(jar);
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(runJar()).toMillis() + 1_000));

    Run next = launch(Path.of(JAVA_HOME), "--version");

    assertThat(next.exit()).as(next.output()).isZero();
    assertThat(Files.mismatch(runJar(), jar)).as("the run copy is the new jar").isEqualTo(-1);
    assertThat(Files.getLastModifiedTime(runJar())).isGreaterThan(Files.getLastModifiedTime(jar));
  }

  private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void stoppingTheLauncherWhileItRecordsStopsTheJvmAndLeavesNothingBehind() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
    // Enough articles that the build is still running when it is stopped.
    Path articles = scratch.resolve("many");
    Files.createDirectories(articles);
    for (int i = 0; i < 3_000; i++) {
      Files.writeString(
          articles.resolve("a" + i + ".txt"),
          Fixtures.article("Article " + i, "2020", "Astana and Beijing signed deal " + i + "."));
    }
    Path output = scratch.resolve("stopped.txt");
    Process launcher =
        start(
            Path.of(JAVA_HOME),
            Map.of("PASSAGE_INDEX_TRAINING_SECONDS", "0"),
            output,
            "index",
            "--articles",
            articles.toString(),
            "--index",
            scratch.resolve("index").toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.readString(output).contains("Indexing ") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    List<ProcessHandle> jvms = launcher.descendants().toList();

    launcher.destroy();

    assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(output)).isTrue();
    assertThat(jvms).as("the JVM the launcher started").isNotEmpty();
    for (ProcessHandle jvm : jvms) {
      jvm.onExit().get(60, TimeUnit.SECONDS);
    }
    assertThat(launcher.exitValue()).isNotZero();
    try (Stream<Path> files = Files.list(cds)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("index"));
    }
  }
}
