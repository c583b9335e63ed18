package dev.passage.engine;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A validated request for the values of one dimension among a search's matches, past the few the
 * search's facets list: what "Show more" and a typed filter over a long list ask.
 *
 * @param search the search whose matching paragraphs are counted, with every value of every
 *     dimension counted ({@link #ALL_VALUES})
 * @param dimension the dimension listed
 * @param prefix only values with a word starting with it, case and accents aside; "" for all
 * @param size how many values at most, the most frequent first
 */
public record FacetValuesRequest(
    SearchRequest search, Dimension dimension, String prefix, int size) {

  public static final int DEFAULT_SIZE = 100;
  public static final int MAX_SIZE = 1_000;

  /**
   * The facet size of the search counted, each dimension's: the four together stay under the values
   * one OpenSearch search may answer with ({@code search.max_buckets}, 65,535 by default).
   */
  public static final int ALL_VALUES = 16_000;

  /** True when a word of {@code value} starts with the prefix, case and accents aside. */
  public boolean matches(String value) {
    if (prefix.isEmpty()) {
      return true;
    }
    String wanted = folded(prefix);
    String written = folded(value);
    if (written.startsWith(wanted)) {
      return true;
    }
    for (String word : written.split("[\\s\\-–/]+")) {
      if (word.startsWith(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String folded(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }
}
