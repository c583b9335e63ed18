package dev.passage.cli;

import dev.passage.engine.Dimension;
import dev.passage.engine.SearchEngine;
import dev.passage.engine.SearchResponse;
import dev.passage.index.IndexFreshness;
import dev.passage.index.IndexInfo;
import dev.passage.index.Schema;
import dev.passage.query.SearchParameters;
import dev.passage.search.LiveSearchers;
import dev.passage.search.SearchService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code passage search}: prints the top hits of a query in the terminal. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Searches the index and prints the best paragraphs with their snippets.")
final class SearchCommand implements Callable<Integer> {

  @Mixin IndexLocation location;

  @Mixin EngineOptions engine;

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      description = "Lucene query syntax: words, \"phrases\", AND/OR/NOT, prefix*, fuzzy~.")
  List<String> query = new ArrayList<>();

  @Option(names = "--year", paramLabel = "YEAR", description = "Keep paragraphs about this year.")
  List<String> years = new ArrayList<>();

  @Option(names = "--person", paramLabel = "NAME", description = "Keep paragraphs naming them.")
  List<String> persons = new ArrayList<>();

  @Option(names = "--organisation", paramLabel = "NAME", description = "Keep paragraphs naming it.")
  List<String> organisations = new ArrayList<>();

  @Option(names = "--topic", paramLabel = "TOPIC", description = "Keep paragraphs on this topic.")
  List<String> topics = new ArrayList<>();

  @Option(names = "--size", paramLabel = "N", description = "Hits to show. Default: 10.")
  String size = "10";

  @Option(names = "--page", paramLabel = "N", description = "Page of hits. Default: 1.")
  String page = "1";

  @Option(names = "--sort", paramLabel = "ORDER", description = "relevance, newest or oldest.")
  String sort = "";

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Keep articles published on or after YYYY, YYYY-MM or YYYY-MM-DD.")
  String from = "";

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Keep articles published on or before YYYY, YYYY-MM or YYYY-MM-DD.")
  String to = "";

  @Option(
      names = "--group",
      paramLabel = "UNIT",
      description =
          "paragraph (the default) or article: each result an article, its best paragraphs.")
  String group = "";

  @Option(
      names = "--timeline",
      paramLabel = "UNIT",
      description = "Also print how many matching paragraphs each year (or month) published.")
  String timeline = "";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("q", List.of(String.join(" ", query)));
    params.put(Dimension.YEAR.field(), years);
    params.put(Dimension.PERSON.field(), persons);
    params.put(Dimension.ORGANISATION.field(), organisations);
    params.put(Dimension.TOPIC.field(), topics);
    params.put("size", List.of(size));
    params.put("page", List.of(page));
    Map<String, String> optional =
        Map.of("sort", sort, "from", from, "to", to, "group", group, "timeline", timeline);
    optional.forEach((name, value) -> {
      if (!value.isEmpty()) {
        params.put(name, List.of(value));
      }
    });
    boolean showTimeline = !timeline.isEmpty();
    if (engine.opensearch()) {
      try (EngineOptions.Cluster cluster = engine.connect(spec)) {
        IndexInfo info = cluster.index().info();
        if (info == null) {
          err.println(
              "passage: there is no Passage index "
                  + cluster.where().replaceFirst("^the index ", "")
                  + "; build one with: passage index --engine opensearch --articles DIR");
          return 2;
        }
        SearchEngine searcher = cluster.engine(info);
        new TerminalPrinter(out, System.console() != null)
            .print(searcher.search(searcher.parse(params)), showTimeline);
      }
      return 0;
    }
    Schema schema = new Schema();
    // Searching only reads: an index that is missing or cannot be read is an error, never built.
    Path index = location.index;
    IndexInfo info = IndexInfo.read(index);
    String missing = info == null ? IndexFreshness.missing(index) : null;
    if (missing != null) {
      err.println(
          "passage: "
              + missing
              + "; build one with: passage index --articles DIR --index "
              + index);
      return 2;
    }
    // Filters and tag terms know the names and topics the index was tagged with, its own files'
    // included. Read before the index is opened, so a bad query leaves nothing open behind it.
    var request =
        new SearchParameters(schema, CorpusOptions.knownValues(info.source())).parse(params);
    LiveSearchers opened;
    try {
      opened = LiveSearchers.open(index, schema);
    } catch (IOException e) {
      err.println(
          "passage: "
              + IndexFreshness.damaged(index, e)
              + "; rebuild it with: passage index --rebuild --index "
              + index);
      return 2;
    }
    try (LiveSearchers searchers = opened) {
      SearchResponse response = new SearchService(schema, searchers).search(request);
      new TerminalPrinter(out, System.console() != null).print(response, showTimeline);
    }
    return 0;
  }
}
