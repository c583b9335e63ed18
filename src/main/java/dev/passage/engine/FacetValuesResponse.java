package dev.passage.engine;

import dev.passage.engine.SearchResponse.FacetValue;
import java.util.List;

/**
 * The values of one dimension among a search's matching paragraphs.
 *
 * @param dimension the dimension listed
 * @param prefix the prefix the values were kept by, "" for none
 * @param matching how many values matched the prefix, of which {@code values} lists at most the
 *     size asked
 * @param values the values, the most frequent first, each with its count of matching paragraphs and
 *     whether the search filters on it
 */
public record FacetValuesResponse(
    String dimension, String prefix, int matching, List<FacetValue> values) {

  public FacetValuesResponse {
    values = List.copyOf(values);
  }
}
