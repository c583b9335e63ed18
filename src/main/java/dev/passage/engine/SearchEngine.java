package dev.passage.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API, the page, the embed and the command line ask of an engine, whichever it is. A
 * request is validated by the {@link #parser} first, the same on every engine, so an engine only
 * ever sees requests that passed.
 */
public interface SearchEngine {

  /** How long one search may collect before it answers with what it found so far. */
  Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);

  /** How this engine validates requests: with the one parser every engine shares. */
  RequestParser parser();

  /** Validates the parameters of a search; see {@link RequestParser#parse}. */
  default SearchRequest parse(Map<String, List<String>> params) throws InvalidRequestException {
    return parser().parse(params);
  }

  /** The first page of hits for {@code q}, no filters. */
  default SearchRequest query(String q) throws InvalidRequestException {
    return parse(Map.of("q", List.of(q)));
  }

  /**
   * Runs a validated search.
   *
   * @throws InvalidRequestException when the query asks too much of this index (a pattern that
   *     matches too many words), which only the index can tell
   * @throws EngineUnavailableException when the engine cannot answer now
   */
  SearchResponse search(SearchRequest request) throws IOException, InvalidRequestException;

  /** Validates a request for a dimension's values; see {@link RequestParser#parseFacetValues}. */
  default FacetValuesRequest parseFacetValues(String dimension, Map<String, List<String>> params)
      throws InvalidRequestException {
    return parser().parseFacetValues(dimension, params);
  }

  /**
   * The values of a dimension among a search's matching paragraphs, counted as the search's facets
   * are (drill sideways), past the facet size.
   */
  default FacetValuesResponse facetValues(FacetValuesRequest request)
      throws IOException, InvalidRequestException {
    List<SearchResponse.FacetValue> all = search(request.search()).facets().of(request.dimension());
    List<SearchResponse.FacetValue> matching =
        all.stream().filter(v -> request.matches(v.value())).toList();
    return new FacetValuesResponse(
        request.dimension().field(),
        request.prefix(),
        matching.size(),
        matching.subList(0, Math.min(request.size(), matching.size())));
  }

  /** Validates a request for suggestions; see {@link RequestParser#parseSuggest}. */
  default SuggestRequest parseSuggest(Map<String, List<String>> params)
      throws InvalidRequestException {
    return parser().parseSuggest(params);
  }

  /**
   * Facet values of the index that complete {@code request}'s prefix, typos forgiven, the most
   * frequent first; a name's aliases and later words lead to it too.
   */
  SuggestResponse suggest(SuggestRequest request) throws IOException;

  /** The whole article {@code id}, or empty when there is none. */
  Optional<ArticleView> article(String id, boolean explain) throws IOException;

  /** Validates a request for an article; see {@link RequestParser#parseArticle}. */
  default ArticleRequest parseArticle(String id, Map<String, List<String>> params)
      throws InvalidRequestException {
    return parser().parseArticle(id, params);
  }

  /**
   * The whole article of {@code request}, or empty when there is none; with a query, each paragraph
   * also has its text with the query's words marked, as a search's snippets mark them.
   */
  default Optional<ArticleView> article(ArticleRequest request)
      throws IOException, InvalidRequestException {
    Optional<ArticleView> article = article(request.id(), request.explain());
    if (request.query().isEmpty() || article.isEmpty()) {
      return article;
    }
    return Optional.of(article.get().withMarks(parser().marks(request)));
  }

  /** True when the engine holds article {@code id}; cheaper than {@link #article}. */
  boolean hasArticle(String id) throws IOException;

  /** The state of the engine and of the index it serves. */
  Health health() throws IOException;
}
