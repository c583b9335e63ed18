package dev.passage.cli;

import dev.passage.index.Reindexer;
import dev.passage.index.Schema;
import dev.passage.search.KnownValues;
import dev.passage.search.SearchService;
import dev.passage.search.SearcherPool;
import dev.passage.web.AdminAccess;
import dev.passage.web.PassageServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code passage serve}: indexes when needed, then serves the search page, the article pages, the
 * embeddable search box and the API.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serves search over HTTP. Builds the index first when it is missing or older than the"
            + " articles or the rules.")
final class ServeCommand implements Callable<Integer> {

  @Mixin CorpusOptions corpus;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port to listen on. Default: ${DEFAULT-VALUE}.",
      defaultValue = "7070")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description =
          "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only);"
              + " 0.0.0.0 for every network.",
      defaultValue = "localhost")
  String host;

  @Option(
      names = "--cors-origins",
      paramLabel = "ORIGINS",
      split = ",",
      description =
          "Origins allowed to call the API from a browser, such as https://example.org:"
              + " the sites that embed the search box. Default: any origin (the API is"
              + " read-only).")
  List<String> corsOrigins = List.of();

  @Option(
      names = "--admin-token-file",
      paramLabel = "FILE",
      description =
          "File holding the admin token (at least 16 characters), which turns on"
              + " POST /api/admin/reindex. The PASSAGE_ADMIN_TOKEN environment variable works"
              + " too. Default: no admin API.")
  Path adminTokenFile;

  @Option(
      names = "--admin-remote",
      description =
          "Accept admin requests from other machines too, not only from this one. Use it only"
              + " behind HTTPS.")
  boolean adminRemote;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The admin access the options and environment configure, if any. */
  private Optional<AdminAccess> adminAccess() throws IOException {
    String token;
    if (adminTokenFile != null) {
      token = Files.readString(adminTokenFile, StandardCharsets.UTF_8);
    } else {
      token = System.getenv("PASSAGE_ADMIN_TOKEN");
    }
    if (token == null || token.isBlank()) {
      if (adminRemote) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--admin-remote needs an admin token (--admin-token-file)");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(AdminAccess.of(token, adminRemote));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
    }
    PassageServer.Options options;
    try {
      options = new PassageServer.Options(corsOrigins, adminAccess());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--cors-origins: " + e.getMessage());
    }
    Schema schema = new Schema();
    SearcherPool pool = corpus.openFresh(schema, out, err);
    // Filters and tag terms know the names the index was tagged with, aliases included.
    SearchService service =
        new SearchService(
            schema, pool, SearchService.DEFAULT_TIME_LIMIT, KnownValues.of(corpus.entityList()));
    // A reindex uses half the processors, so searches keep answering while it runs.
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    Reindexer reindexer =
        new Reindexer(() -> corpus.build(schema, threads, out, err), pool::refresh);
    Javalin app = PassageServer.create(service, reindexer, options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping: requests under way may finish first.");
                  out.flush();
                  // Jetty lets in-flight requests finish before the index is closed under them.
                  app.stop();
                  reindexer.close();
                  try {
                    pool.close();
                  } catch (IOException e) {
                    err.println("passage: closing the index: " + e.getMessage());
                  }
                  out.println("Stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "passage-shutdown"));
    app.start(host, port);
    var health = service.health();
    out.printf(
        "Passage is serving %,d paragraphs of %,d articles on http://%s:%d/%n",
        health.paragraphs(), health.articles(), host, app.port());
    if (options.admin().isPresent()) {
      out.println(
          "The admin API is on: POST /api/admin/reindex rebuilds the index"
              + (adminRemote ? "." : " (from this machine only)."));
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }
}
