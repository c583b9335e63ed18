package dev.passage.cli;

import dev.passage.index.Schema;
import dev.passage.search.SearchService;
import dev.passage.search.SearcherPool;
import dev.passage.web.PassageServer;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.List;
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
    }
    PassageServer.Options options;
    try {
      options = new PassageServer.Options(corsOrigins);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--cors-origins: " + e.getMessage());
    }
    Schema schema = new Schema();
    corpus.ensureFresh(schema, out, err);
    SearcherPool pool = SearcherPool.open(corpus.index, schema);
    SearchService service = new SearchService(schema, pool);
    Javalin app = PassageServer.create(service, options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // Jetty lets in-flight requests finish before the index is closed under them.
                  app.stop();
                  try {
                    pool.close();
                  } catch (java.io.IOException e) {
                    err.println("passage: closing the index: " + e.getMessage());
                  }
                  stopped.countDown();
                },
                "passage-shutdown"));
    app.start(host, port);
    var health = service.health();
    out.printf(
        "Passage is serving %,d paragraphs of %,d articles on http://%s:%d/%n",
        health.paragraphs(), health.articles(), host, app.port());
    out.println("Press Ctrl+C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }
}
