package dev.passage.cli;

import dev.passage.engine.SearchEngine;
import dev.passage.engine.SuggestRequest;
import dev.passage.index.ArticlePipeline;
import dev.passage.index.FolderWatcher;
import dev.passage.index.IndexFreshness;
import dev.passage.index.IndexInfo;
import dev.passage.index.IndexPlan;
import dev.passage.index.IndexSummary;
import dev.passage.index.IndexUpdater;
import dev.passage.index.LiveIndex;
import dev.passage.index.LuceneArticleStore;
import dev.passage.index.Reindexer;
import dev.passage.index.Schema;
import dev.passage.search.LiveSearchers;
import dev.passage.search.SearchService;
import dev.passage.web.AdminAccess;
import dev.passage.web.PassageServer;
import io.javalin.Javalin;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code passage serve}: builds the index when there is none, then serves the search page, the
 * article pages, the embeddable search box and the API, and keeps the index in step with its
 * folder.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves search over HTTP. Builds the index first when there is none, or when the rules or"
          + " the schema changed; otherwise it serves the index at once and applies what changed"
          + " in its articles folder meanwhile in the background.",
      "Given --index alone, it serves that index and follows the folder it was built from."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin CorpusOptions corpus;

  @Mixin EngineOptions engine;

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
              + " the admin API (reindex, and PUT or DELETE of articles). The PASSAGE_ADMIN_TOKEN"
              + " environment variable works too. Default: no admin API.")
  Path adminTokenFile;

  @Option(
      names = "--admin-remote",
      description =
          "Accept admin requests from other machines too, not only from this one. Use it only"
              + " behind HTTPS.")
  boolean adminRemote;

  @Option(
      names = "--watch",
      description =
          "Apply changes to the articles folder while serving: searches see a saved file within"
              + " about a second.")
  boolean watch;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** How long after it starts serving the server compares the folder with the index. */
  static final Duration RECONCILE_DELAY = Duration.ofSeconds(2);

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

  /**
   * The searchers of the index {@code plan} settles on: built whole first when the plan says so, or
   * when the index turns out damaged on opening.
   */
  private LiveSearchers open(IndexPlan plan, Schema schema, PrintWriter out, PrintWriter err)
      throws IOException {
    int threads = corpus.threads(Runtime.getRuntime().availableProcessors());
    if (!plan.build()) {
      try {
        LiveSearchers searchers = LiveSearchers.open(corpus.index(), schema);
        out.println(
            "Serving the index in "
                + corpus.index()
                + " of "
                + plan.source().describe()
                + "; what changed there since is applied in the background.");
        return searchers;
      } catch (IOException e) {
        plan = new IndexPlan(plan.source(), true, IndexFreshness.damaged(corpus.index(), e));
      }
    }
    out.println("Building the index: " + plan.reason() + ".");
    IndexSummary summary = corpus.build(plan, threads, out, err);
    if (!summary.committed()) {
      throw new IOException("no usable articles in " + plan.source().articles());
    }
    return LiveSearchers.open(corpus.index(), schema);
  }

  /**
   * Serves the index on an OpenSearch cluster, built first when the cluster has none, and keeps it
   * in step with its folder as the embedded engine's is: changes applied in the background, with
   * --watch, and through the admin API.
   */
  private int serveFromCluster(PassageServer.Options options, PrintWriter out, PrintWriter err)
      throws Exception {
    EngineOptions.Cluster cluster = engine.connect(spec);
    try {
      IndexPlan plan = corpus.plan(cluster);
      int threads = corpus.threads(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
      CompletableFuture<ArticlePipeline> pipeline = CorpusOptions.pipelineMeanwhile(plan);
      if (plan.build()) {
        corpus.buildOn(
            cluster, plan, corpus.threads(Runtime.getRuntime().availableProcessors()), out, err);
      }
      IndexInfo info = cluster.index().info();
      if (info == null) {
        throw new IOException("no usable articles in " + plan.source().articles());
      }
      SearchEngine searcher = cluster.engine(info);
      // The store's commit refreshes the index, after which searches see the change.
      LiveIndex live =
          new LiveIndex(
              plan.source(), new IndexUpdater(cluster.store(), pipeline::join, threads), () -> {});
      IndexPlan full = new IndexPlan(plan.source(), true, "asked for");
      Reindexer reindexer =
          new Reindexer(
              () -> corpus.buildOn(cluster, full, threads, out, err),
              live::reconcile,
              () -> {},
              live.worker());
      return serve(
          new Served(searcher, live, reindexer, cluster, " from " + cluster.where()),
          options,
          plan,
          pipeline,
          out,
          err);
    } catch (Exception e) {
      cluster.close();
      throw e;
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
    if (engine.opensearch()) {
      return serveFromCluster(options, out, err);
    }
    Schema schema = new Schema();
    IndexPlan plan = corpus.plan();
    // A build or update uses half the processors, so searches keep answering while it runs.
    int threads = corpus.threads(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    // Made on another core while the index opens: only changes need the tagger, whose lists take
    // a few hundred milliseconds to load, and the first answer does not wait for them.
    CompletableFuture<ArticlePipeline> pipeline = CorpusOptions.pipelineMeanwhile(plan);
    LiveSearchers searchers = open(plan, schema, out, err);
    LiveIndex live =
        new LiveIndex(
            plan.source(),
            new IndexUpdater(
                new LuceneArticleStore(schema, corpus.index()), pipeline::join, threads),
            searchers::refreshNow);
    IndexPlan full = new IndexPlan(plan.source(), true, "asked for");
    Reindexer reindexer =
        new Reindexer(
            () -> corpus.build(full, threads, out, err),
            live::reconcile,
            searchers::refreshNow,
            live.worker());
    // Filters and tag terms know the names and topics the index was tagged with, aliases included.
    SearchService service =
        new SearchService(
            schema,
            searchers,
            SearchService.DEFAULT_TIME_LIMIT,
            CorpusOptions.knownValues(plan.source()));
    return serve(
        new Served(service, live, reindexer, searchers, ""), options, plan, pipeline, out, err);
  }

  /**
   * What serve runs: the engine's searches, its live index and reindexer, the index to close at the
   * end, and where the index is, for the first line ("" for the folder).
   */
  private record Served(
      SearchEngine engine, LiveIndex live, Reindexer reindexer, Closeable index, String where) {}

  /** Serves until stopped (SIGTERM or Ctrl+C), then lets answers under way finish. */
  private int serve(
      Served served,
      PassageServer.Options options,
      IndexPlan plan,
      CompletableFuture<ArticlePipeline> pipeline,
      PrintWriter out,
      PrintWriter err)
      throws Exception {
    Javalin app = PassageServer.create(served.engine(), served.reindexer(), served.live(), options);
    FolderWatcher watcher = watch ? FolderWatcher.start(served.live()) : null;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping: requests under way may finish first.");
                  out.flush();
                  // Jetty lets in-flight requests finish before the index is closed under them.
                  app.stop();
                  if (watcher != null) {
                    watcher.close();
                  }
                  served.live().close();
                  try {
                    served.index().close();
                  } catch (IOException e) {
                    err.println("passage: closing the index: " + e.getMessage());
                  }
                  out.println("Stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "passage-shutdown"));
    app.start(host, port);
    var health = served.engine().health();
    out.printf(
        "Passage is serving %s of %s%s on http://%s:%d/%n",
        CorpusOptions.count(health.paragraphs(), "paragraph"),
        CorpusOptions.count(health.articles(), "article"),
        served.where(),
        host,
        app.port());
    if (options.admin().isPresent()) {
      out.println(
          "The admin API is on: POST /api/admin/reindex, PUT and DELETE /api/admin/articles/{id}"
              + (adminRemote ? "." : " (from this machine only)."));
    }
    if (watch) {
      out.println("Watching " + plan.source().articles() + " for changes.");
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
    // A names file that cannot be read stops the server here, before any change needs it.
    try {
      pipeline.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof UncheckedIOException unreadable ? unreadable.getCause() : e;
    }
    if (!plan.build()) {
      // The folder may have changed while the server was down; the index is served meanwhile.
      // A moment later: reading the whole folder would take the cores a first search needs.
      CompletableFuture.delayedExecutor(RECONCILE_DELAY.toMillis(), TimeUnit.MILLISECONDS)
          .execute(() -> {
            try {
              served.reindexer().start(false);
            } catch (RejectedExecutionException e) {
              // The server stopped within those seconds; the next start compares the folder.
            }
          });
    }
    // The suggester is built by the first request for suggestions; built here, a moment after the
    // first answers, no reader's first keystroke waits for the whole archive to be read.
    CompletableFuture.delayedExecutor(RECONCILE_DELAY.toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> {
          try {
            served.engine().suggest(new SuggestRequest("a", 1));
          } catch (IOException | RuntimeException e) {
            // Then the first request for suggestions builds it, and says what is wrong.
          }
        });
    stopped.await();
    return 0;
  }
}
