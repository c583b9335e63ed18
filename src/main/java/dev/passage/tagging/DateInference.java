package dev.passage.tagging;

import dev.passage.ingest.ArticleDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Infers the year of an article that has no date from the years its paragraphs state: the year
 * stated most often, the later one on a tie (news is written after what it reports). A review of
 * 2013 that announces 2014 is dated 2013.
 */
final class DateInference {

  private DateInference() {}

  /** The inferred date, known to the year only; null when the text states no year. */
  static ArticleDate infer(List<List<YearMention>> paragraphs) {
    Map<Integer, Integer> counts = new TreeMap<>();
    for (List<YearMention> mentions : paragraphs) {
      for (YearMention m : mentions) {
        counts.merge(m.year(), 1, Integer::sum);
      }
    }
    int best = 0;
    int bestCount = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (e.getValue() >= bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return bestCount == 0 ? null : ArticleDate.ofYear(best);
  }
}
