package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.SearchRequest;
import dev.passage.engine.SearchResponse;
import dev.passage.query.SearchParameters;
import dev.passage.testing.Fixtures;
import dev.passage.testing.QueryArbitraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a person or a program puts in the search parameters, {@link SearchParameters#parse}
 * either gives a request, which then runs, or refuses it with a message a person can act on: never
 * any other exception, never a class name. Any text at all (every UTF-16 unit, lone surrogates, NUL
 * and control characters, supplementary characters), and text made of the query syntax itself.
 */
class QueryParsingProperties {

  /** A Java class or package name: what a message for people must not show. */
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\b(?:java|javax|org|dev|io|tools)\\.[a-z]+|\\b[A-Z]\\w*(?:Exception|Error)\\b");

  private static Path dir;
  private static Fixtures.SearchIndex index;
  private static SearchService service;

  @BeforeContainer
  static void buildIndex() throws IOException {
    dir = Files.createTempDirectory("passage-query-properties");
    Path articles = dir.resolve("articles");
    Fixtures.write(
        articles,
        "visit.txt",
        Fixtures.article(
            "Wang Yi in Astana",
            "2013-08",
            "Foreign Minister Wang Yi will visit Astana.\n\nTrade in 2012 amounted to $25 billion.\n"));
    Fixtures.write(
        articles,
        "summit.txt",
        Fixtures.article(
            "The CICA summit",
            "2014-03",
            "China will take over the CICA chairmanship from Turkey.\n\n"
                + "Қазақстан and 中国 signed 😀 agreements in 2013.\n"));
    index = Fixtures.searchIndex(articles, dir.resolve("index"));
    service = index.service();
  }

  @AfterContainer
  static void close() throws IOException {
    index.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Property(tries = 1000, seed = QueryArbitraries.SEED)
  void anyTextInQIsSearchedOrRefusedWithAMessage(@ForAll("anyText") String q) throws IOException {
    searchOrRefuse(Map.of("q", List.of(q)));
  }

  @Property(tries = 1000, seed = QueryArbitraries.SEED)
  void querySyntaxInQIsSearchedOrRefusedWithAMessage(@ForAll("querySyntax") String q)
      throws IOException {
    searchOrRefuse(Map.of("q", List.of(q)));
  }

  @Property(tries = 1000, seed = QueryArbitraries.SEED)
  void regularExpressionsInQAreSearchedOrRefusedWithAMessage(@ForAll("regularExpression") String q)
      throws IOException {
    searchOrRefuse(Map.of("q", List.of(q)));
  }

  @Property(tries = 500, seed = QueryArbitraries.SEED)
  void anyParametersAreSearchedOrRefusedWithAMessage(
      @ForAll("parameters") Map<String, List<String>> params) throws IOException {
    searchOrRefuse(params);
  }

  /** Parses {@code params}; a request must run, a refusal must speak to a person. */
  private static void searchOrRefuse(Map<String, List<String>> params) throws IOException {
    SearchRequest request;
    SearchResponse response;
    try {
      request = service.parser().parse(params);
      // A pattern is measured against the index only when it runs, so running may refuse too.
      response = service.search(request);
    } catch (InvalidRequestException e) {
      Statistics.collect("refused");
      String message = withoutEcho(e.getMessage(), params);
      assertThat(e.getMessage()).isNotBlank();
      assertThat(message).doesNotContainPattern(CLASS_NAME);
      return;
    }
    Statistics.collect("searched");
    assertThat(response.total()).isNotNegative();
    assertThat(response.hits().size()).isLessThanOrEqualTo(request.size());
  }

  /**
   * {@code message} without the input it quotes, whole or cut short: input that happens to look
   * like a class name is the person's own text, not a leak.
   */
  private static String withoutEcho(String message, Map<String, List<String>> params) {
    List<String> echoes = new ArrayList<>();
    params.forEach((name, values) -> {
      echoes.add(name);
      echoes.addAll(values);
    });
    String rest = message;
    for (String echo : echoes) {
      for (String form : List.of(echo, echo.strip())) {
        rest = rest.replace(form, "");
        for (int length : new int[] {40, 80}) {
          if (form.length() > length) {
            rest = rest.replace(form.substring(0, length), "");
          }
        }
      }
    }
    return rest;
  }

  @Provide
  Arbitrary<String> anyText() {
    return QueryArbitraries.anyText();
  }

  @Provide
  Arbitrary<String> regularExpression() {
    return QueryArbitraries.regularExpression();
  }

  @Provide
  Arbitrary<String> querySyntax() {
    return QueryArbitraries.querySyntax();
  }

  @Provide
  Arbitrary<Map<String, List<String>>> parameters() {
    Arbitrary<String> name =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(8, Arbitraries.of(SearchParameters.NAMES)),
                Tuple.of(1, Arbitraries.of("Q", "q ", "yaer", "explain", "size[]", "")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(60))));
    Arbitrary<String> value =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(
                    4,
                    Arbitraries.of(
                        "",
                        " ",
                        "1",
                        "0",
                        "-1",
                        "10",
                        "100",
                        "101",
                        "10000",
                        "9999999999",
                        "99999999999999999999",
                        "1.5",
                        "1e3",
                        "+5",
                        "0x10",
                        "٣",
                        "2013",
                        "2024",
                        "13",
                        "20133",
                        "relevance",
                        "NEWEST",
                        " oldest ",
                        "best",
                        "Wang Yi",
                        "diplomacy",
                        "\u0000")),
                Tuple.of(2, querySyntax()),
                Tuple.of(2, anyText()),
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30))));
    return Combinators.combine(name, value)
        .as(Map::entry)
        .list()
        .ofMaxSize(12)
        .map(pairs -> {
          Map<String, List<String>> params = new LinkedHashMap<>();
          pairs.forEach(pair ->
              params.computeIfAbsent(pair.getKey(), k -> new ArrayList<>()).add(pair.getValue()));
          return params;
        });
  }
}
