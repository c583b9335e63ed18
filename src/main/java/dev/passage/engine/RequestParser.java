package dev.passage.engine;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Validates what a client sends (each parameter's name with its values, in order) into requests:
 * the first of a request's two phases, shared by every engine so that all of them accept the same
 * syntax within the same limits. A request that passes here cannot fail later for bad input, except
 * for what only the index can tell.
 */
public interface RequestParser {

  /** A search: its query, filters, dates, sort, page and format. */
  SearchRequest parse(Map<String, List<String>> params) throws InvalidRequestException;

  /**
   * The values of {@code dimension} among a search's matches: the search's own parameters, and
   * {@code prefix} and {@code size} for the values.
   */
  FacetValuesRequest parseFacetValues(String dimension, Map<String, List<String>> params)
      throws InvalidRequestException;

  /** Suggestions as a reader types: {@code q} and {@code size}. */
  SuggestRequest parseSuggest(Map<String, List<String>> params) throws InvalidRequestException;

  /** Article {@code id}: {@code explain}, and {@code q}, the search it was opened from. */
  ArticleRequest parseArticle(String id, Map<String, List<String>> params)
      throws InvalidRequestException;

  /** How a paragraph's text is marked with the words of {@code request}'s query. */
  UnaryOperator<String> marks(ArticleRequest request) throws InvalidRequestException;
}
