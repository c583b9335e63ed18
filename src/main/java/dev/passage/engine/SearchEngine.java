package dev.passage.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the API, the page, the embed and the command line ask of an engine, whichever it is. A
 * request is validated by {@link #parse} first, with the same syntax and limits on every engine, so
 * an engine only ever sees requests that passed.
 */
public interface SearchEngine {

  /** How long one search may collect before it answers with what it found so far. */
  Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);

  /**
   * Validates request parameters (each name with its values, in order) into a request; a request
   * that passes here cannot fail later for bad input, except for what only the index can tell.
   */
  SearchRequest parse(Map<String, List<String>> params) throws InvalidRequestException;

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

  /**
   * Validates a request for the values of {@code dimension} among a search's matches: the search's
   * own parameters, and {@code prefix} and {@code size} for the values.
   */
  FacetValuesRequest parseFacetValues(String dimension, Map<String, List<String>> params)
      throws InvalidRequestException;

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

  /** Validates the parameters of a request for suggestions ({@code q}, {@code size}). */
  SuggestRequest parseSuggest(Map<String, List<String>> params) throws InvalidRequestException;

  /**
   * Facet values of the index that complete {@code request}'s prefix, typos forgiven, the most
   * frequent first; a name's aliases and later words lead to it too.
   */
  SuggestResponse suggest(SuggestRequest request) throws IOException;

  /** The whole article {@code id}, or empty when there is none. */
  Optional<ArticleView> article(String id, boolean explain) throws IOException;

  /**
   * Validates a request for article {@code id}: {@code explain}, and {@code q}, the search it was
   * opened from.
   */
  ArticleRequest parseArticle(String id, Map<String, List<String>> params)
      throws InvalidRequestException;

  /** How a paragraph's text is marked with the words of {@code request}'s query. */
  UnaryOperator<String> marks(ArticleRequest request) throws InvalidRequestException;

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
    return Optional.of(article.get().withMarks(marks(request)));
  }

  /** True when the engine holds article {@code id}; cheaper than {@link #article}. */
  boolean hasArticle(String id) throws IOException;

  /** The state of the engine and of the index it serves. */
  Health health() throws IOException;
}
