package dev.passage.cli;

import dev.passage.bench.BulkExport;
import dev.passage.bench.CorpusReplicator;
import dev.passage.bench.FloorBenchmark;
import dev.passage.bench.IndexingFloor;
import dev.passage.bench.LiveUpdates;
import dev.passage.bench.QueryList;
import dev.passage.bench.RequestRecorder;
import dev.passage.bench.TaggingRate;
import dev.passage.engine.SearchRequest;
import dev.passage.index.ArticlePipeline;
import dev.passage.index.ArticleStamp;
import dev.passage.index.Schema;
import dev.passage.index.StampingSink;
import dev.passage.index.StoredParagraphs;
import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleFiles;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.ArticleSink;
import dev.passage.ingest.Problem;
import dev.passage.search.LiveSearchers;
import dev.passage.search.QueryProfile;
import dev.passage.search.SearchService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code passage bench}: the parts of the benchmark that need Passage's own code. {@code bench/run}
 * drives them, with wrk for the HTTP load and a real OpenSearch node beside Passage.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark tools; bench/run uses them to measure Passage beside OpenSearch.",
    subcommands = {
      BenchCommand.Queries.class,
      BenchCommand.Export.class,
      BenchCommand.Replicate.class,
      BenchCommand.Floor.class,
      BenchCommand.Profile.class,
      BenchCommand.IndexFloor.class,
      BenchCommand.Split.class,
      BenchCommand.Updates.class,
      BenchCommand.Record.class,
      BenchCommand.Tagging.class
    })
final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  interface Each {
    void accept(Article article) throws IOException;
  }

  static void each(Path articles, Each each) throws IOException {
    new ArticleFolder(articles)
        .read(
            new ArticleSink() {
              @Override
              public void accept(Article article) {
                try {
                  each.accept(article);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }

              @Override
              public void problem(Problem problem) {}
            });
  }

  /** One line of a bench command's result, numbers as bench/run reads them, written at once. */
  static void report(CommandLine.Model.CommandSpec spec, String format, Object... args) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, format + "%n", args);
    out.flush();
  }

  /** A queries file's queries, one a line, blank lines left out. */
  static List<String> readQueries(Path queries) throws IOException {
    return Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
        .filter(q -> !q.isBlank())
        .toList();
  }

  static Writer writer(Path out) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  /** {@code bench queries}: the fixed list of queries, one a line. */
  @Command(
      name = "queries",
      mixinStandardHelpOptions = true,
      description = "Prints one- and two-word queries drawn from the articles' titles.")
  static final class Queries implements Callable<Integer> {
    @Option(names = "--articles", required = true, paramLabel = "PATH")
    Path articles;

    @Option(names = "--count", defaultValue = "300", paramLabel = "N")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N")
    long seed;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      // Streamed: a replicated archive of millions of articles does not fit in the heap.
      QueryList.Titles titles = new QueryList.Titles();
      each(articles, titles::add);
      titles.queries(count, seed).forEach(out::println);
      out.flush();
      return 0;
    }
  }

  /** {@code bench export}: Passage's paragraphs as an OpenSearch bulk file. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Writes the cleaned, tagged paragraphs as an OpenSearch _bulk file.",
        "--documents bench (the default): the flat documents of bench/opensearch-index.json;"
            + " passage: the documents, ids and routing passage index --engine opensearch sends."
      })
  static final class Export implements Callable<Integer> {
    @Option(
        names = "--articles",
        paramLabel = "PATH",
        description = "The articles to read and tag.")
    Path articles;

    @Option(
        names = "--from-index",
        paramLabel = "DIR",
        description =
            "Instead of --articles: the paragraphs and tags of a Passage index, read back as"
                + " indexed (no tagging; --documents bench only).")
    Path fromIndex;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--index-name", defaultValue = "passage", paramLabel = "NAME")
    String indexName;

    @Option(names = "--documents", defaultValue = "bench", paramLabel = "bench|passage")
    String documents;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!documents.equals("bench") && !documents.equals("passage")) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--documents is bench or passage");
      }
      if ((articles == null) == (fromIndex == null)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "give either --articles or --from-index");
      }
      if (fromIndex != null) {
        if (!documents.equals("bench")) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--from-index writes --documents bench only");
        }
        try (Writer w = writer(out)) {
          BulkExport export = new BulkExport(w, indexName);
          StoredParagraphs.read(fromIndex, export::write);
          report(spec, "%d paragraphs", export.paragraphs());
        }
        return 0;
      }
      ArticlePipeline pipeline = ArticlePipeline.bundled();
      try (Writer w = writer(out)) {
        BulkExport export = new BulkExport(w, indexName);
        if (documents.equals("passage")) {
          // Read with the files' stamps, which the first paragraph of each article carries.
          new ArticleFolder(articles)
              .read(
                  new StampingSink() {
                    @Override
                    protected void accept(Article article, ArticleStamp stamp) {
                      pipeline
                          .process(article)
                          .ifPresent(processed -> {
                            try {
                              export.writeEngineDocuments(processed, stamp);
                            } catch (IOException e) {
                              throw new UncheckedIOException(e);
                            }
                          });
                    }

                    @Override
                    public void problem(Problem problem) {}
                  });
        } else {
          each(
              articles,
              a -> {
                // An article that is nothing but page furniture has no paragraph to export.
                var processed = pipeline.process(a);
                if (processed.isPresent()) {
                  export.write(processed.get());
                }
              });
        }
        report(spec, "%d paragraphs", export.paragraphs());
      }
      return 0;
    }
  }

  /** {@code bench replicate}: a synthetic archive N times as large. */
  @Command(
      name = "replicate",
      mixinStandardHelpOptions = true,
      description =
          "Writes N copies of every article as JSON lines, ids and dates shifted, labelled synthetic.")
  static final class Replicate implements Callable<Integer> {
    @Option(names = "--articles", required = true, paramLabel = "PATH")
    Path articles;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--times", defaultValue = "10", paramLabel = "N")
    int times;

    @Option(names = "--years-apart", defaultValue = "40", paramLabel = "N")
    int yearsApart;

    @Override
    public Integer call() throws IOException {
      try (Writer w = writer(out)) {
        CorpusReplicator replicator = new CorpusReplicator(w, times, yearsApart);
        each(articles, replicator::write);
      }
      return 0;
    }
  }

  /** {@code bench floor}: the in-process floor of the HTTP benchmark. */
  @Command(
      name = "floor",
      mixinStandardHelpOptions = true,
      description = "Runs the queries in process, without HTTP: queries/s, p50, p99.")
  static final class Floor implements Callable<Integer> {
    @Option(names = "--index", required = true, paramLabel = "DIR")
    Path index;

    @Option(names = "--queries", required = true, paramLabel = "FILE")
    Path queries;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N")
    int threads;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "SECONDS")
    double warmup;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "SECONDS")
    double seconds;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Schema schema = new Schema();
      try (LiveSearchers searchers = LiveSearchers.open(index, schema)) {
        FloorBenchmark.Result r =
            new FloorBenchmark(new SearchService(schema, searchers), readQueries(queries))
                .run(threads, warmup, seconds);
        report(
            spec,
            "floor: %.0f queries/s, p50 %.2f ms, p99 %.2f ms (%d queries, %d threads, %.0f s)",
            r.perSecond(),
            r.p50Ms(),
            r.p99Ms(),
            r.queries(),
            threads,
            r.seconds());
      }
      return 0;
    }
  }

  /** {@code bench profile}: where a query's time goes, stage by stage. */
  @Command(
      name = "profile",
      mixinStandardHelpOptions = true,
      description = {
        "Times each query's stages on one thread: matching the words, counting the matches'"
            + " facet values and dates, finding the page of best hits, and the rest of the answer"
            + " (stored fields, snippets).",
        "Each stage includes the ones before it; the table shows what each adds, summed over the"
            + " queries, from the median of each query's rounds."
      })
  static final class Profile implements Callable<Integer> {
    @Option(names = "--index", required = true, paramLabel = "DIR")
    Path index;

    @Option(names = "--queries", required = true, paramLabel = "FILE")
    Path queries;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N")
    int rounds;

    @Option(
        names = "--warmup",
        defaultValue = "2",
        paramLabel = "N",
        description = "Unmeasured passes over all the queries first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (rounds < 1 || warmup < 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--rounds takes 1 or more, --warmup 0 or more");
      }
      Schema schema = new Schema();
      try (LiveSearchers searchers = LiveSearchers.open(index, schema)) {
        SearchService service = new SearchService(schema, searchers);
        List<SearchRequest> requests =
            FloorBenchmark.requests(service.parser(), readQueries(queries));
        QueryProfile profile = new QueryProfile(service, searchers);
        for (int i = 0; i < warmup; i++) {
          profile.run(requests, 1);
        }
        QueryProfile.Result r = profile.run(requests, rounds);
        int n = requests.size();
        report(
            spec, "profile: %d queries, median %d matches, %d rounds", n, r.medianHits(), rounds);
        double all = r.totalMs()[QueryProfile.Stage.ANSWER.ordinal()];
        for (QueryProfile.Stage stage : QueryProfile.Stage.values()) {
          double added = r.addedMs(stage);
          report(
              spec,
              "  %-8s adds %8.3f ms per query (%5.1f %%), %8.3f ms so far",
              stage.name().toLowerCase(Locale.ROOT),
              added / n,
              all == 0 ? 0 : 100 * added / all,
              r.totalMs()[stage.ordinal()] / n);
        }
        report(spec, "  %-8s %9.3f ms per query", "total", all / n);
      }
      return 0;
    }
  }

  /** {@code bench index-floor}: the floor of the indexing benchmark. */
  @Command(
      name = "index-floor",
      mixinStandardHelpOptions = true,
      description =
          "Indexes a bulk file (bench export) with bare Lucene and OpenSearch's mapping:"
              + " no tagging, no sort, no merge.")
  static final class IndexFloor implements Callable<Integer> {
    @Option(names = "--bulk", required = true, paramLabel = "FILE")
    Path bulk;

    @Option(names = "--index", required = true, paramLabel = "DIR")
    Path index;

    @Option(names = "--threads", paramLabel = "N", description = "Default: the processors.")
    Integer threads;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      IndexingFloor.Result r = IndexingFloor.run(bulk, index, n);
      report(
          spec,
          "index floor: %d documents in %.2f s (%.0f documents/s, %d threads)",
          r.documents(),
          r.seconds(),
          r.perSecond(),
          n);
      return 0;
    }
  }

  /** {@code bench split}: an archive as one front-matter file per article. */
  @Command(
      name = "split",
      mixinStandardHelpOptions = true,
      description = "Writes each article as a file of its own, ID.txt with front matter.")
  static final class Split implements Callable<Integer> {
    @Option(names = "--articles", required = true, paramLabel = "PATH")
    Path articles;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Files.createDirectories(out);
      int[] written = {0};
      each(
          articles,
          article -> {
            Files.writeString(
                out.resolve(article.id() + ".txt"),
                ArticleFiles.frontMatter(article),
                StandardCharsets.UTF_8);
            written[0]++;
          });
      report(spec, "split: %d articles into %s", written[0], out);
      return 0;
    }
  }

  /** {@code bench updates}: changes a running server's archive and times each change. */
  @Command(
      name = "updates",
      mixinStandardHelpOptions = true,
      description = {
        "Changes a running server's archive and measures how soon each change is searchable.",
        "put: new articles by PUT (searchable when answered); files: new files written into a"
            + " watched folder (until a search finds them); churn: PUT and DELETE at random among"
            + " --ids ids from --threads clients for --seconds."
      })
  static final class Updates implements Callable<Integer> {
    @Option(names = "--server", required = true, paramLabel = "URL")
    String server;

    @Option(names = "--token-file", required = true, paramLabel = "FILE")
    Path tokenFile;

    @Option(names = "--mode", required = true, paramLabel = "put|files|churn")
    String mode;

    @Option(names = "--run", defaultValue = "a", paramLabel = "LETTERS")
    String run;

    @Option(names = "--count", defaultValue = "100", paramLabel = "N")
    int count;

    @Option(names = "--rate", defaultValue = "10", paramLabel = "PER_SECOND")
    double rate;

    @Option(names = "--folder", paramLabel = "DIR")
    Path folder;

    @Option(names = "--ids", defaultValue = "200", paramLabel = "N")
    int ids;

    @Option(names = "--threads", defaultValue = "4", paramLabel = "N")
    int threads;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "SECONDS")
    double seconds;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!run.matches("[a-z]+")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--run takes letters a-z");
      }
      LiveUpdates updates =
          new LiveUpdates(server, Files.readString(tokenFile, StandardCharsets.UTF_8).strip());
      LiveUpdates.Result r =
          switch (mode) {
            case "put" -> updates.puts(run, count, rate);
            case "files" -> {
              if (folder == null) {
                throw new CommandLine.ParameterException(
                    spec.commandLine(), "--mode files needs --folder, the watched folder");
              }
              yield updates.files(run, folder, count, rate);
            }
            case "churn" -> updates.churn(run, ids, threads, seconds);
            default ->
                throw new CommandLine.ParameterException(
                    spec.commandLine(), "--mode is put, files or churn");
          };
      report(
          spec,
          "updates %s: %d changes, searchable after median %.1f ms, p99 %.1f ms, max %.1f ms;"
              + " %d failed, %d 5xx",
          mode,
          r.changes(),
          r.medianMs(),
          r.p99Ms(),
          r.maxMs(),
          r.failed(),
          r.serverErrors());
      return 0;
    }
  }

  /** {@code bench record}: a proxy that records the search requests sent through it. */
  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      description = {
        "Forwards requests to an OpenSearch node and records each search request, path and"
            + " body, as it was sent, one a line (METHOD PATH, a tab, the body). Runs until"
            + " stopped."
      })
  static final class Record implements Callable<Integer> {
    @Option(names = "--listen", required = true, paramLabel = "PORT")
    int port;

    @Option(names = "--forward", required = true, paramLabel = "URL")
    URI forward;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try (Writer w = writer(out);
          RequestRecorder recorder = RequestRecorder.start(port, forward, w)) {
        report(spec, "recording on http://127.0.0.1:%d for %s", recorder.port(), forward);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () ->
                        report(
                            spec,
                            "recorded %d search requests, %d left out",
                            recorder.recorded(),
                            recorder.skipped()),
                    "passage-record-summary"));
        Thread.currentThread().join();
      }
      return 0;
    }
  }

  /** {@code bench tagging}: the build's own work, with no engine to send it to. */
  @Command(
      name = "tagging",
      mixinStandardHelpOptions = true,
      description =
          "Reads, cleans and tags the articles and writes each paragraph's OpenSearch document"
              + " as JSON, on N threads, sending nothing: the rate tagging alone could feed a"
              + " cluster.")
  static final class Tagging implements Callable<Integer> {
    @Option(names = "--articles", required = true, paramLabel = "PATH")
    Path articles;

    @Option(names = "--threads", paramLabel = "N", description = "Default: the processors.")
    Integer threads;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      TaggingRate.Result r = TaggingRate.run(articles, ArticlePipeline.bundled(), n);
      report(
          spec,
          "tagging: %d articles, %d paragraphs in %.2f s (%.0f paragraphs/s, %d threads, %d"
              + " bytes of JSON)",
          r.articles(),
          r.paragraphs(),
          r.seconds(),
          r.perSecond(),
          n,
          r.bytes());
      return 0;
    }
  }
}
