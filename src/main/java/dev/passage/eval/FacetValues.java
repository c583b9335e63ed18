package dev.passage.eval;

import dev.passage.engine.Dimension;
import dev.passage.index.ProcessedArticle;
import dev.passage.tagging.TaggedParagraph;
import dev.passage.tagging.Tags;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How many paragraphs carry each value of one facet dimension, as the facet counts them. */
public final class FacetValues {

  /** One value and its paragraphs. */
  public record Count(String value, int paragraphs) {}

  private final Map<String, Integer> counts;

  private FacetValues(Map<String, Integer> counts) {
    this.counts = counts;
  }

  /** Counts the values of {@code dimension} over every paragraph of {@code articles}. */
  public static FacetValues of(List<ProcessedArticle> articles, Dimension dimension) {
    Map<String, Integer> counts = new HashMap<>();
    for (ProcessedArticle article : articles) {
      for (TaggedParagraph p : article.paragraphs()) {
        for (String value : values(p.tags(), dimension)) {
          counts.merge(value, 1, Integer::sum);
        }
      }
    }
    return new FacetValues(counts);
  }

  static List<String> values(Tags tags, Dimension dimension) {
    return switch (dimension) {
      case YEAR -> tags.years();
      case PERSON -> tags.persons();
      case ORGANISATION -> tags.organisations();
      case TOPIC -> tags.topics();
    };
  }

  /** How many distinct values the facet has. */
  public int size() {
    return counts.size();
  }

  /** The {@code n} values on most paragraphs, most first; ties in alphabetical order. */
  public List<Count> top(int n) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }
}
