package dev.passage.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.engine.Dimension;
import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.SearchRequest;
import dev.passage.engine.SortOrder;
import dev.passage.index.Schema;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.automaton.RegExp;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

  private static final SearchParameters PARAMETERS = new SearchParameters(new Schema());

  private static SearchRequest parse(Map<String, List<String>> params) throws Exception {
    return PARAMETERS.parse(params);
  }

  private static void rejects(Map<String, List<String>> params, String message) {
    assertThatThrownBy(() -> parse(params))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(message);
  }

  @Test
  void defaultsAreTheFirstPageOfTen() throws Exception {
    SearchRequest r = parse(Map.of("q", List.of("  CICA  ")));
    assertThat(r.query()).isEqualTo("CICA");
    assertThat(r.page()).isEqualTo(1);
    assertThat(r.size()).isEqualTo(10);
    assertThat(r.sort()).isEqualTo(SortOrder.RELEVANCE);
    assertThat(r.filters()).isEmpty();
  }

  @Test
  void filtersRepeatAndEmptyOrDuplicateValuesAreIgnored() throws Exception {
    SearchRequest r =
        parse(Map.of("year", List.of("2013", "", "2014", "2013"), "topic", List.of("")));
    assertThat(r.filters()).containsOnlyKeys(Dimension.YEAR);
    assertThat(r.filter(Dimension.YEAR)).containsExactly("2013", "2014");
  }

  @Test
  void anUnknownParameterIsNamedWithTheListAndASuggestionWhenOneIsClose() {
    rejects(
        Map.of("yaer", List.of("2013")),
        "unknown parameter 'yaer'; did you mean 'year'? Parameters are: q, year, person,"
            + " organisation, topic, from, to, page, size, sort, facetSize, timeline, group, format.");
    rejects(
        Map.of("explain", List.of("true")),
        "unknown parameter 'explain'. Parameters are: q, year, person, organisation, topic, from,"
            + " to, page, size, sort, facetSize, timeline, group, format.");
  }

  @Test
  void pagesAndSizesMustBeInRange() {
    rejects(Map.of("page", List.of("0")), "page must be a whole number of 1 or more, not 0");
    rejects(Map.of("page", List.of("two")), "page must be a whole number of 1 or more, not 'two'");
    rejects(Map.of("size", List.of("101")), "size must be a whole number from 1 to 100, not 101");
    rejects(Map.of("size", List.of("-1")), "size must be a whole number from 1 to 100, not -1");
    rejects(
        Map.of("page", List.of("2147483648")),
        "page must be a whole number of 1 or more, not 2147483648");
  }

  @Test
  void deepPagesAreRefused() {
    rejects(
        Map.of("page", List.of("1001")),
        "page 1,001 of 10 hits reaches beyond hit 10,000, the deepest Passage pages; narrow the"
            + " query or add a filter instead");
  }

  @Test
  void anEmptyParameterFromAStrayAmpersandIsIgnored() throws Exception {
    assertThat(parse(Map.of("q", List.of("oil"), "", List.of(""))).query()).isEqualTo("oil");
    assertThatThrownBy(() -> parse(Map.of("", List.of("x"))))
        .hasMessageStartingWith("unknown parameter ''");
  }

  @Test
  void aParameterGivenTwiceIsRefused() {
    rejects(Map.of("q", List.of("a", "b")), "q is given 2 times; give it once");
  }

  @Test
  void aYearMustBeAYear() {
    rejects(
        Map.of("year", List.of("twenty")),
        "year must be a four-digit year such as 2013, not 'twenty'");
  }

  @Test
  void controlCharactersAreRefused() {
    rejects(Map.of("q", List.of("a\u0000b")), "q contains a control character (U+0000); remove it");
  }

  @Test
  void sortIsOneOfThree() throws Exception {
    assertThat(parse(Map.of()).sort()).isEqualTo(SortOrder.NEWEST);
    assertThat(parse(Map.of("sort", List.of("Oldest"))).sort()).isEqualTo(SortOrder.OLDEST);
    rejects(
        Map.of("sort", List.of("random")),
        "sort must be relevance, newest or oldest, not 'random'");
  }

  /** Found by QueryParsingProperties: Lucene's regular expressions threw past the parser (500). */
  @Test
  void aBrokenRegularExpressionIsRefusedWithWhatIsWrong() {
    rejects(
        Map.of("q", List.of("/(/")),
        "the regular expression /(/ is not valid (unexpected end-of-string). To search for a"
            + " slash itself, put a backslash before it: \\/");
    rejects(
        Map.of("q", List.of("CICA /.{/")),
        "the regular expression /.{/ is not valid (integer expected at position 2). To search"
            + " for a slash itself, put a backslash before it: \\/");
    // Found in CI: the analyzer folds "\İ" to "\i", which is no character class.
    assertThatThrownBy(() -> parse(Map.of("q", List.of("/a\\İ/"))))
        .hasMessageStartingWith(
            "the regular expression /a\\i/ is not valid (invalid character class");
  }

  /** Found by QueryParsingProperties: Lucene looked the name up, found nothing and threw (500). */
  @Test
  void aRegularExpressionNamingAnAutomatonIsRefused() {
    rejects(
        Map.of("q", List.of("/<>/")),
        "the regular expression /<>/ names an automaton, <>, and Passage has none. To search for"
            + " < or >, put a backslash before it: \\<");
    rejects(
        Map.of("q", List.of("/a<word>b/")),
        "the regular expression /a<word>b/ names an automaton, <word>, and Passage has none. To"
            + " search for < or >, put a backslash before it: \\<");
  }

  /**
   * Found by QueryParsingProperties: a regular expression too complex to determinize threw past the
   * parser (500), and one of nested repetitions ran the JVM out of memory before that.
   */
  @Test
  void aRegularExpressionTooComplexToSearchWithIsRefused() throws Exception {
    rejects(
        Map.of("q", List.of("/[ab]*a[ab]{20}/")), // small, but its deterministic automaton is not
        "cannot parse q '/[ab]*a[ab]{20}/': its regular expression or wildcard is too complex to"
            + " search with; use fewer repetitions and alternatives");
    for (String q :
        List.of(
            "/a{1000}{1000}{1000}/", // a billion states: out of memory while being built
            "/.{1000}&.{1000}/", // an intersection multiplies
            "/<1-99999>{1000}/")) {
      assertThatThrownBy(() -> parse(Map.of("q", List.of(q))))
          .as(q)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessage(
              "the regular expression "
                  + q
                  + " is too large: its repeats unroll into more than 1,000 steps; use smaller"
                  + " {min,max} counts");
    }
    assertThat(parse(Map.of("q", List.of("/[a-z]{2,10}stan/"))).query())
        .isEqualTo("/[a-z]{2,10}stan/");
    assertThat(BoundedQueryParser.size(new RegExp("a{1000}{1000}{1000}", RegExp.ALL)))
        .isEqualTo(BoundedQueryParser.MAX_REGEX_SIZE + 1);
  }

  @Test
  void aRequestsQueryIsParsedOnceForItsValidationAndItsRun() throws Exception {
    SearchParameters parameters = new SearchParameters(new Schema());
    SearchRequest request = parameters.query("  CICA chairmanship ");

    assertThat(parameters.luceneQuery(request)).isSameAs(parameters.luceneQuery(request));
    assertThat(parameters.luceneQuery(request).toString())
        .isEqualTo(new SearchParameters(new Schema()).luceneQuery(request).toString());
  }

  @Test
  void aRequestRunAfterAnotherWasValidatedGetsItsOwnQuery() throws Exception {
    SearchParameters parameters = new SearchParameters(new Schema());
    SearchRequest first = parameters.query("CICA chairmanship");
    parameters.query("Astana");

    assertThat(parameters.luceneQuery(first).toString())
        .isEqualTo(
            "+(text:cica organisation:Conference on Interaction and Confidence Building Measures"
                + " in Asia) +text:chairmanship");
  }

  @Test
  void aRequestValidatedOnAnotherThreadIsParsedForItsRun() throws Exception {
    SearchParameters parameters = new SearchParameters(new Schema());
    SearchRequest[] request = new SearchRequest[1];
    Thread validating = Thread.ofPlatform().start(() -> request[0] = query(parameters, "Astana"));
    validating.join();

    assertThat(parameters.luceneQuery(request[0]).toString()).isEqualTo("text:astana");
  }

  private static SearchRequest query(SearchParameters parameters, String q) {
    try {
      return parameters.query(q);
    } catch (InvalidRequestException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void fromAndToBecomeInclusiveBoundsOfTheArticlesDateKeys() throws Exception {
    SearchRequest r = parse(Map.of("from", List.of("2013-08"), "to", List.of(" 2014 ")));
    assertThat(r.dates())
        .isEqualTo(new dev.passage.engine.DateRange("2013-08", "2014", 20130800, 20149999));
    assertThat(parse(Map.of("to", List.of("2013"))).dates().lowestKey()).isEqualTo(1);
    assertThat(parse(Map.of("q", List.of("oil"))).dates().any()).isTrue();
    assertThat(parse(Map.of("from", List.of(""))).dates().any()).isTrue();
  }

  @Test
  void aDateMustBeWrittenAsTheArchiveWritesIt() {
    rejects(
        Map.of("from", List.of("2013-8")),
        "from must be a date written YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-08, not '2013-8'");
    rejects(
        Map.of("to", List.of("2013-02-30")),
        "to must be a date written YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-08; '2013-02-30' is"
            + " no such date");
    rejects(
        Map.of("from", List.of("2013-08-20T10:00")),
        "from must be a date written YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-08, not"
            + " '2013-08-20T10:00'");
    rejects(
        Map.of("from", List.of("2013-08-02"), "to", List.of("2013-08-01")),
        "from (2013-08-02) is after to (2013-08-01); give the earlier date as from");
  }

  @Test
  void theTimelineIsByYearUnlessMonthsAreAsked() throws Exception {
    assertThat(parse(Map.of()).timeline()).isEqualTo(dev.passage.engine.TimelineUnit.YEAR);
    assertThat(parse(Map.of("timeline", List.of("Month"))).timeline())
        .isEqualTo(dev.passage.engine.TimelineUnit.MONTH);
  }
}
