package dev.passage.search;

import dev.passage.engine.SearchResponse.Period;
import dev.passage.engine.TimelineUnit;
import dev.passage.index.Schema;
import dev.passage.query.Timeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts the matching paragraphs by the period of their article's date, from the date keys' doc
 * values, over the documents the facet counts collected anyway. The index is sorted by date, so
 * matches of one period come in runs: a run is counted in a local and added to the map once.
 */
final class TimelineCounter {

  private TimelineCounter() {}

  /** The periods of {@code matching}'s documents, oldest first; undated articles are in none. */
  static List<Period> count(FacetsCollector matching, TimelineUnit unit) throws IOException {
    Map<Integer, Long> counts = new TreeMap<>();
    for (FacetsCollector.MatchingDocs docs : matching.getMatchingDocs()) {
      if (docs.totalHits() == 0 || docs.bits() == null) {
        continue;
      }
      DocIdSetIterator hits = docs.bits().iterator();
      SortedNumericDocValues dates =
          DocValues.getSortedNumeric(docs.context().reader(), Schema.DATE_SORT);
      int period = -1;
      long run = 0;
      for (int doc = hits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hits.nextDoc()) {
        int key = dates.advanceExact(doc) ? (int) dates.nextValue() : 0;
        int of = Timeline.period(unit, key);
        if (of != period) {
          counts.merge(period, run, Long::sum);
          period = of;
          run = 0;
        }
        run++;
      }
      counts.merge(period, run, Long::sum);
    }
    List<Period> timeline = new ArrayList<>(counts.size());
    counts.forEach((period, count) -> {
      if (period > 0 && count > 0) {
        timeline.add(new Period(Timeline.label(period), count));
      }
    });
    return timeline;
  }
}
