package dev.passage.query;

import dev.passage.engine.Dimension;
import dev.passage.engine.SearchRequest;
import dev.passage.engine.SearchResponse.Warning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * Holds a request's filter values against the values the index has: a value written in another case
 * becomes the index's own ({@code person=erlan idrissov}); a value no paragraph has stays, and
 * matches nothing, but the answer says so and names the nearest values the index has, so an unknown
 * filter is never a silent 0.
 */
public final class FilterValueCheck {

  /** How many of the nearest values a warning names. */
  static final int NEAREST = 3;

  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

  private FilterValueCheck() {}

  /** {@code request} with its filter values as the index holds them, and a warning per unknown. */
  public static SearchRequest check(SearchRequest request, IndexedValues ordinals) {
    if (request.filters().isEmpty()) {
      return request;
    }
    Map<Dimension, List<String>> held = new EnumMap<>(Dimension.class);
    List<Warning> warnings = new ArrayList<>();
    request
        .filters()
        .forEach((dimension, values) -> {
          List<String> known = ordinals == null ? List.of() : ordinals.values(dimension.field());
          List<String> kept = new ArrayList<>(values.size());
          for (String value : values) {
            String found = find(ordinals, dimension.field(), known, value);
            if (found == null) {
              warnings.add(unknown(dimension, value, known));
              found = value;
            }
            if (!kept.contains(found)) {
              kept.add(found);
            }
          }
          held.put(dimension, kept);
        });
    return request.withFilters(held).withWarnings(warnings);
  }

  /** The value of {@code known} that {@code value} names, in this case or another; or null. */
  private static String find(
      IndexedValues ordinals, String dimension, List<String> known, String value) {
    int at = Collections.binarySearch(known, value);
    if (at >= 0) {
      return known.get(at);
    }
    // The index orders values by their UTF-8 bytes, which String order follows but for a few
    // rare characters; those, and other cases, are found by key.
    return ordinals == null ? null : ordinals.valueByKey(dimension, KnownValues.key(value));
  }

  private static Warning unknown(Dimension dimension, String value, List<String> known) {
    List<String> nearest = nearest(known, value);
    String message =
        nearest.isEmpty()
            ? "no paragraph has any " + dimension.field() + " tag, so this filter matches nothing"
            : "no paragraph is tagged "
                + dimension.field()
                + " '"
                + value
                + "', so this filter matches nothing; the nearest "
                + dimension.field()
                + " values are '"
                + String.join("', '", nearest)
                + "'";
    return new Warning(dimension.field(), value, message, nearest);
  }

  /**
   * The known values most like {@code value}: by edit distance to the whole value or, for a value
   * of one word, to its closest word, so {@code Nazarbaev} finds Nursultan Nazarbayev.
   */
  static List<String> nearest(List<String> known, String value) {
    String key = KnownValues.key(value);
    boolean oneWord = key.indexOf(' ') < 0;
    record Scored(String value, float score) {}
    List<Scored> scored = new ArrayList<>(known.size());
    for (String k : known) {
      String candidate = KnownValues.key(k);
      float score = DISTANCE.getDistance(key, candidate);
      if (oneWord) {
        for (String word : candidate.split(" ")) {
          score = Math.max(score, DISTANCE.getDistance(key, word));
        }
      }
      scored.add(new Scored(k, score));
    }
    return scored.stream()
        .sorted(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparing(Scored::value))
        .limit(NEAREST)
        .map(Scored::value)
        .toList();
  }
}
