package dev.passage.query;

import dev.passage.engine.ArticleRequest;
import dev.passage.engine.DateRange;
import dev.passage.engine.Dimension;
import dev.passage.engine.FacetValuesRequest;
import dev.passage.engine.GroupBy;
import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.QuotedInput;
import dev.passage.engine.RequestParser;
import dev.passage.engine.ResultFormat;
import dev.passage.engine.SearchRequest;
import dev.passage.engine.SearchResponse.Warning;
import dev.passage.engine.SortOrder;
import dev.passage.engine.SuggestRequest;
import dev.passage.engine.TimelineUnit;
import dev.passage.index.Schema;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * Turns request parameters (from a URL or the command line) into a {@link SearchRequest}, or into
 * an {@link InvalidRequestException} whose message tells a person what to fix. Nothing is searched
 * until the whole request is valid.
 */
public final class SearchParameters implements RequestParser {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_FACET_SIZE = 10;
  public static final int MAX_FACET_SIZE = 100;

  /** Deep pages cost as much as all pages before them; beyond this, narrow the query instead. */
  public static final int MAX_RESULT_WINDOW = 10_000;

  public static final int MAX_QUERY_CHARS = 1_000;
  public static final int MAX_FILTER_VALUES = 100;
  public static final int MAX_VALUE_CHARS = 200;

  /** Every parameter the search API knows. */
  public static final List<String> NAMES =
      Stream.of(
              Stream.of("q"),
              Stream.of(Dimension.values()).map(Dimension::field),
              Stream.of(
                  "from", "to", "page", "size", "sort", "facetSize", "timeline", "group", "format"))
          .flatMap(s -> s)
          .toList();

  /** Every parameter the suggestions API knows. */
  public static final List<String> SUGGEST_NAMES = List.of("q", "size");

  /** What the article view takes: why each tag was given, and the search to mark. */
  public static final List<String> ARTICLE_NAMES = List.of("explain", "q");

  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

  private final QueryFactory queries;
  private final KnownValues known;
  private final Analyzer analyzer;

  /**
   * The query this thread parsed last, with its text: a request is parsed when it is validated and
   * its query is wanted again when it runs, a moment later on the same thread; Lucene's queries are
   * immutable, so one parse serves both. One per thread, replaced by the next request: a cache of
   * many requests' queries kept each of them alive across young collections, which copied them and
   * made every collection's pause longer.
   */
  private final ThreadLocal<Parsed> lastParsed = new ThreadLocal<>();

  private record Parsed(String text, Query query) {}

  /** Parameters whose tag values are looked up in the bundled names and topics. */
  public SearchParameters(Schema schema) {
    this(schema, KnownValues.bundled());
  }

  /** Parameters whose tag values, in filters and in the query, are looked up in {@code known}. */
  public SearchParameters(Schema schema, KnownValues known) {
    this.queries = new QueryFactory(schema, known);
    this.known = known;
    this.analyzer = schema.analyzer();
  }

  /** The first page of hits for {@code q}, no filters. */
  public SearchRequest query(String q) throws InvalidRequestException {
    return parse(Map.of("q", List.of(q)));
  }

  /**
   * Validates {@code params} (each name with its values, in order) into a request, the query
   * parsed: a request that passes here cannot fail later for bad input.
   */
  @Override
  public SearchRequest parse(Map<String, List<String>> params) throws InvalidRequestException {
    requireKnown(params, NAMES);
    String query = queryText(params);
    ResultFormat format =
        choice(params, "format", ResultFormat.values(), ResultFormat::apiName, ResultFormat.JSON);
    // A download holds the search's hits, as deep as a search reaches, unless a size is given.
    int size =
        format.download()
            ? number(params, "size", MAX_RESULT_WINDOW, 1, MAX_RESULT_WINDOW)
            : number(params, "size", DEFAULT_SIZE, 1, MAX_SIZE);
    int page = number(params, "page", 1, 1, Integer.MAX_VALUE);
    if ((long) page * size > MAX_RESULT_WINDOW) {
      throw new InvalidRequestException(
          String.format(
              "page %,d of %d hits reaches beyond hit %,d, the deepest Passage pages;"
                  + " narrow the query or add a filter instead",
              page, size, MAX_RESULT_WINDOW));
    }
    int facetSize = number(params, "facetSize", DEFAULT_FACET_SIZE, 1, MAX_FACET_SIZE);
    SortOrder sort =
        choice(
            params,
            "sort",
            SortOrder.values(),
            SortOrder::apiName,
            query.isBlank() ? SortOrder.NEWEST : SortOrder.RELEVANCE);
    DateRange dates = PublicationDates.range(single(params, "from", ""), single(params, "to", ""));
    TimelineUnit timeline =
        choice(params, "timeline", TimelineUnit.values(), TimelineUnit::apiName, TimelineUnit.YEAR);
    GroupBy group = choice(params, "group", GroupBy.values(), GroupBy::apiName, GroupBy.PARAGRAPH);
    if (format.download() && group == GroupBy.ARTICLE) {
      throw new InvalidRequestException(
          "format="
              + format.apiName()
              + " downloads paragraphs, one a row; leave out group=article");
    }
    Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
    int values = 0;
    for (Dimension d : Dimension.values()) {
      List<String> given = new ArrayList<>();
      for (String value : params.getOrDefault(d.field(), List.of())) {
        String v = value.strip();
        if (v.isEmpty()) {
          continue;
        }
        checkFilterValue(d, v);
        v = known.canonical(d, v);
        if (!given.contains(v)) {
          given.add(v);
        }
      }
      values += given.size();
      filters.put(d, given);
    }
    if (values > MAX_FILTER_VALUES) {
      throw new InvalidRequestException(
          "at most " + MAX_FILTER_VALUES + " filter values can be combined; got " + values);
    }
    Query parsed = queries.parse(query);
    lastParsed.set(new Parsed(query.strip(), parsed));
    List<Warning> warnings = new ArrayList<>();
    if (!query.isBlank() && QueryFactory.onlyStopWords(parsed)) {
      warnings.add(
          new Warning(
              "q",
              query.strip(),
              "'"
                  + clip(query.strip())
                  + "' has only words too common to search for (such as the, of, and), so it"
                  + " matches nothing; add a word that says what the paragraphs are about",
              List.of()));
    }
    return new SearchRequest(
        query.strip(),
        filters,
        page,
        size,
        sort,
        facetSize,
        dates,
        timeline,
        group,
        format,
        warnings);
  }

  /**
   * The query of a request this parser validated, as a Lucene query: what the embedded engine runs,
   * and what another engine translates, so both read the syntax alike.
   */
  public Query luceneQuery(SearchRequest request) throws InvalidRequestException {
    Parsed last = lastParsed.get();
    return last != null && last.text().equals(request.query())
        ? last.query()
        : queries.parse(request.query());
  }

  /**
   * One word as a query searches it (stems, aliases), not kept with the requests' parsed queries:
   * what "did you mean" asks of a word before it calls it misspelt.
   */
  public Query wordQuery(String word) throws InvalidRequestException {
    return queries.parse(word);
  }

  /**
   * Validates a request for article {@code id}: {@code explain} ({@code true} or {@code false}) and
   * {@code q}, the search the article was opened from, parsed as a search's query is.
   */
  @Override
  public ArticleRequest parseArticle(String id, Map<String, List<String>> params)
      throws InvalidRequestException {
    requireKnown(params, ARTICLE_NAMES);
    String query = queryText(params).strip();
    if (!query.isEmpty()) {
      queries.parse(query);
    }
    boolean explain =
        switch (single(params, "explain", "false").strip()) {
          case "true", "1", "" -> true;
          case "false", "0" -> false;
          default -> throw new InvalidRequestException("explain must be true or false");
        };
    return new ArticleRequest(id, explain, query);
  }

  /** How the words of {@code request}'s query are marked in a paragraph's text. */
  @Override
  public QueryMarks marks(ArticleRequest request) throws InvalidRequestException {
    return QueryMarks.of(queries.parse(request.query()), analyzer);
  }

  /** The {@code q} parameter, within the length and characters a query may have. */
  private static String queryText(Map<String, List<String>> params) throws InvalidRequestException {
    String query = single(params, "q", "");
    if (query.length() > MAX_QUERY_CHARS) {
      throw new InvalidRequestException(
          String.format(
              "q is %,d characters long; the limit is %,d", query.length(), MAX_QUERY_CHARS));
    }
    checkCharacters("q", query);
    return query;
  }

  /**
   * Validates the parameters of a request for suggestions: {@code q}, the words typed so far, and
   * {@code size}.
   */
  @Override
  public SuggestRequest parseSuggest(Map<String, List<String>> params)
      throws InvalidRequestException {
    requireKnown(params, SUGGEST_NAMES);
    String prefix = single(params, "q", "");
    checkCharacters("q", prefix);
    if (prefix.length() > SuggestRequest.MAX_PREFIX_CHARS) {
      throw new InvalidRequestException(
          String.format(
              "q is %,d characters long; suggestions complete at most %,d",
              prefix.length(), SuggestRequest.MAX_PREFIX_CHARS));
    }
    int size = number(params, "size", SuggestRequest.DEFAULT_SIZE, 1, SuggestRequest.MAX_SIZE);
    return new SuggestRequest(prefix.strip(), size);
  }

  /**
   * Validates a request for the values of {@code dimension} among a search's matches: the search's
   * parameters as {@link #parse} takes them, and {@code prefix} and {@code size} for the values
   * ({@code size} is not hits per page here).
   */
  @Override
  public FacetValuesRequest parseFacetValues(String dimension, Map<String, List<String>> params)
      throws InvalidRequestException {
    Dimension dim = Dimension.of(dimension);
    if (dim == null) {
      throw new InvalidRequestException(
          "there is no dimension '"
              + clip(dimension)
              + "'; the dimensions are year, person, organisation and topic");
    }
    String prefix = single(params, "prefix", "").strip();
    checkCharacters("prefix", prefix);
    if (prefix.length() > SuggestRequest.MAX_PREFIX_CHARS) {
      throw new InvalidRequestException(
          String.format(
              "prefix is %,d characters long; the limit is %,d",
              prefix.length(), SuggestRequest.MAX_PREFIX_CHARS));
    }
    int size =
        number(params, "size", FacetValuesRequest.DEFAULT_SIZE, 1, FacetValuesRequest.MAX_SIZE);
    Map<String, List<String>> search = new LinkedHashMap<>(params);
    search.remove("prefix");
    search.remove("size");
    for (String paging : List.of("page", "sort", "facetSize", "group", "format", "timeline")) {
      if (search.containsKey(paging)) {
        throw new InvalidRequestException(
            "'" + paging + "' means nothing for a dimension's values; leave it out");
      }
    }
    SearchRequest parsed = parse(search);
    SearchRequest counted =
        new SearchRequest(
            parsed.query(),
            parsed.filters(),
            1,
            1,
            parsed.sort(),
            FacetValuesRequest.ALL_VALUES,
            parsed.dates(),
            parsed.timeline(),
            GroupBy.PARAGRAPH,
            ResultFormat.JSON,
            parsed.warnings());
    return new FacetValuesRequest(counted, dim, prefix, size);
  }

  /** The names and aliases the tagger knows, for suggestions. */
  public KnownValues known() {
    return known;
  }

  private static void requireKnown(Map<String, List<String>> params, List<String> names)
      throws InvalidRequestException {
    for (String name : params.keySet()) {
      // "?q=oil&" and "?&q=oil" carry an empty name; links are often built that way.
      if (name.isEmpty() && params.get(name).stream().allMatch(String::isEmpty)) {
        continue;
      }
      if (!names.contains(name)) {
        throw new InvalidRequestException(unknownParameter(name, names));
      }
    }
  }

  private static String unknownParameter(String name, List<String> names) {
    String suggestion = null;
    float best = 0;
    for (String known : names) {
      float similarity =
          DISTANCE.getDistance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
      if (similarity > best) {
        best = similarity;
        suggestion = known;
      }
    }
    String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
    String message = "unknown parameter '" + shown + "'";
    message += best >= 0.5f ? "; did you mean '" + suggestion + "'?" : ".";
    return message + " Parameters are: " + String.join(", ", names) + ".";
  }

  private static String single(Map<String, List<String>> params, String name, String fallback)
      throws InvalidRequestException {
    List<String> values = params.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new InvalidRequestException(
          name + " is given " + values.size() + " times; give it once");
    }
    return values.isEmpty() ? fallback : values.getFirst();
  }

  private static int number(
      Map<String, List<String>> params, String name, int fallback, int min, int max)
      throws InvalidRequestException {
    String text = single(params, name, "").strip();
    if (text.isEmpty()) {
      return fallback;
    }
    String range =
        max == Integer.MAX_VALUE
            ? "a whole number of " + min + " or more"
            : "a whole number from " + min + " to " + max;
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name + " must be " + range + ", not '" + clip(text) + "'");
    }
    if (value < min || value > max) {
      throw new InvalidRequestException(name + " must be " + range + ", not " + clip(text));
    }
    return (int) value;
  }

  /**
   * The one of {@code choices} whose API name {@code parameter} gives, in any case; {@code
   * fallback} when it is not given.
   */
  private static <E extends Enum<E>> E choice(
      Map<String, List<String>> params,
      String parameter,
      E[] choices,
      Function<E, String> apiName,
      E fallback)
      throws InvalidRequestException {
    String text = single(params, parameter, "");
    if (text.isBlank()) {
      return fallback;
    }
    List<String> names = Stream.of(choices).map(apiName).toList();
    int at = names.indexOf(text.strip().toLowerCase(Locale.ROOT));
    if (at >= 0) {
      return choices[at];
    }
    String listed =
        String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    throw new InvalidRequestException(
        parameter + " must be " + listed + ", not '" + clip(text) + "'");
  }

  private static void checkFilterValue(Dimension d, String value) throws InvalidRequestException {
    if (value.length() > MAX_VALUE_CHARS) {
      throw new InvalidRequestException(
          d.field() + " values are at most " + MAX_VALUE_CHARS + " characters long");
    }
    checkCharacters(d.field(), value);
    if (d == Dimension.YEAR && !value.matches("\\d{4}")) {
      throw new InvalidRequestException(
          "year must be a four-digit year such as 2013, not '" + clip(value) + "'");
    }
  }

  private static void checkCharacters(String name, String value) throws InvalidRequestException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        throw new InvalidRequestException(
            name
                + " contains a control character (U+"
                + String.format("%04X", (int) c)
                + "); remove it");
      }
    }
  }

  private static String clip(String text) {
    return QuotedInput.clip(text, 40);
  }
}
